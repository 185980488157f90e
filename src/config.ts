/**
 * Configuration, read once. The only module that reads `process.env`; everything else receives a
 * frozen Config. Precedence: explicit overrides (CLI flags) > environment > defaults.
 */
import { resolve } from 'node:path';
import { AppError } from './domain/errors.js';

export interface Config {
  /** `sqlite` unless DATABASE_URL is set. */
  readonly engine: 'sqlite' | 'postgres';
  /** SQLite file (XEPLOAI_DB), `:memory:` allowed. */
  readonly sqlitePath: string;
  /** PostgreSQL connection string (DATABASE_URL). */
  readonly databaseUrl: string | undefined;
  /**
   * A PostgreSQL replica for readers (DATABASE_READ_URL): the live forms are read from it (writes,
   * sessions and access checks stay on DATABASE_URL). Ignored without DATABASE_URL.
   */
  readonly databaseReadUrl: string | undefined;
  /** PostgreSQL schema to use (XEPLOAI_PG_SCHEMA), `public` by default; tests isolate themselves with it. */
  readonly pgSchema: string;
  readonly port: number;
  readonly host: string;
  /**
   * Load the demo district and its demo accounts when the database is empty (XEPLOAI_DEMO): on by
   * default for the embedded SQLite, off by default on PostgreSQL (DATABASE_URL, i.e. a real
   * installation) unless XEPLOAI_DEMO=1.
   */
  readonly loadDemoWhenEmpty: boolean;
  /** Behind a reverse proxy (XEPLOAI_TRUST_PROXY set): see `trustedProxies`. */
  readonly trustProxy: boolean;
  /**
   * The proxies' addresses (XEPLOAI_TRUST_PROXY: `1` for a proxy on this machine, 127.0.0.1 and ::1;
   * or a comma-separated list of addresses). Only a request whose socket comes from one of them has
   * its X-Forwarded-For / -Proto / -Host read, and only the hop that proxy appended: a client cannot
   * choose its address by sending the header itself.
   */
  readonly trustedProxies: readonly string[];
  /** Password of the demo accounts created with the demo district (XEPLOAI_DEMO_PASSWORD). */
  readonly demoPassword: string;
}

/** The demo accounts' password when XEPLOAI_DEMO_PASSWORD is not set (printed when the server starts). */
export const DEFAULT_DEMO_PASSWORD = 'xeploai-demo';

const YES = ['1', 'true', 'yes', 'on'];
const NO = ['0', 'false', 'no', 'off'];

/** XEPLOAI_DEMO: explicit yes or no wins; unset, the demo is loaded only for SQLite. */
function demoWanted(env: NodeJS.ProcessEnv, databaseUrl: string | undefined): boolean {
  const v = (env.XEPLOAI_DEMO ?? '').trim().toLowerCase();
  if (YES.includes(v)) return true;
  if (NO.includes(v)) return false;
  return databaseUrl === undefined;
}

/** XEPLOAI_TRUST_PROXY: yes → the loopback addresses; no or unset → none; else a list of addresses. */
function parseTrustedProxies(raw: string | undefined): string[] {
  const v = (raw ?? '').trim().toLowerCase();
  if (v === '' || NO.includes(v)) return [];
  if (YES.includes(v)) return ['127.0.0.1', '::1'];
  const list = v.split(',').map((a) => a.trim()).filter((a) => a !== '');
  const bad = list.find((a) => !/^[0-9a-f.:]+$/.test(a));
  if (bad !== undefined) {
    throw new AppError(
      'ValidationFailed',
      { vi: `XEPLOAI_TRUST_PROXY phải là 1 hoặc danh sách địa chỉ IP của proxy, cách nhau bởi dấu phẩy; «${bad}» không phải địa chỉ IP.`, en: `XEPLOAI_TRUST_PROXY must be 1 or a comma-separated list of the proxies' IP addresses; "${bad}" is not an IP address.` },
      { field: 'XEPLOAI_TRUST_PROXY' },
    );
  }
  return list;
}

export type ConfigOverrides = Partial<Pick<Config, 'port' | 'host' | 'sqlitePath' | 'databaseUrl' | 'loadDemoWhenEmpty'>>;

/** Builds the configuration from an environment and optional overrides; throws on invalid values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigOverrides = {}): Config {
  const databaseUrl = overrides.databaseUrl ?? (env.DATABASE_URL?.trim() || undefined);
  const rawPort = overrides.port ?? (env.PORT ? Number(env.PORT) : 3000);
  if (!Number.isInteger(rawPort) || rawPort < 0 || rawPort > 65535) {
    const shown = overrides.port !== undefined ? String(overrides.port) : String(env.PORT);
    throw new AppError(
      'ValidationFailed',
      { vi: `Cổng (PORT) không hợp lệ: «${shown}»; cổng là một số từ 0 đến 65535.`, en: `Invalid port (PORT): "${shown}"; a port is a number from 0 to 65535.` },
      { field: 'PORT' },
    );
  }
  const sqlitePath = overrides.sqlitePath ?? env.XEPLOAI_DB ?? './data/xeploai.sqlite';
  const pgSchema = env.XEPLOAI_PG_SCHEMA ?? 'public';
  if (!/^[a-z_][a-z0-9_]*$/.test(pgSchema)) {
    throw new AppError(
      'ValidationFailed',
      { vi: `Tên schema PostgreSQL không hợp lệ: «${pgSchema}».`, en: `Invalid PostgreSQL schema name: "${pgSchema}".` },
      { field: 'XEPLOAI_PG_SCHEMA' },
    );
  }
  const trustedProxies = parseTrustedProxies(env.XEPLOAI_TRUST_PROXY);
  return Object.freeze({
    engine: databaseUrl ? 'postgres' : 'sqlite',
    sqlitePath: sqlitePath === ':memory:' ? sqlitePath : resolve(sqlitePath),
    databaseUrl,
    databaseReadUrl: databaseUrl ? env.DATABASE_READ_URL?.trim() || undefined : undefined,
    pgSchema,
    port: rawPort,
    host: overrides.host ?? env.HOST ?? '0.0.0.0',
    loadDemoWhenEmpty: overrides.loadDemoWhenEmpty ?? demoWanted(env, databaseUrl),
    trustProxy: trustedProxies.length > 0,
    trustedProxies,
    demoPassword: env.XEPLOAI_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
  });
}
