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
  /** Take the client address from X-Forwarded-For (XEPLOAI_TRUST_PROXY=1, behind a reverse proxy). */
  readonly trustProxy: boolean;
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
  return Object.freeze({
    engine: databaseUrl ? 'postgres' : 'sqlite',
    sqlitePath: sqlitePath === ':memory:' ? sqlitePath : resolve(sqlitePath),
    databaseUrl,
    databaseReadUrl: databaseUrl ? env.DATABASE_READ_URL?.trim() || undefined : undefined,
    pgSchema,
    port: rawPort,
    host: overrides.host ?? env.HOST ?? '0.0.0.0',
    loadDemoWhenEmpty: overrides.loadDemoWhenEmpty ?? demoWanted(env, databaseUrl),
    trustProxy: YES.includes((env.XEPLOAI_TRUST_PROXY ?? '').trim().toLowerCase()),
    demoPassword: env.XEPLOAI_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
  });
}
