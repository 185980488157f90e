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
  /** PostgreSQL schema to use (XEPLOAI_PG_SCHEMA), `public` by default; tests isolate themselves with it. */
  readonly pgSchema: string;
  readonly port: number;
  readonly host: string;
  /** Load the demo district when the database is empty (XEPLOAI_DEMO, default on). */
  readonly loadDemoWhenEmpty: boolean;
  /** Password of the demo accounts created with the demo district (XEPLOAI_DEMO_PASSWORD). */
  readonly demoPassword: string;
}

/** The demo accounts' password when XEPLOAI_DEMO_PASSWORD is not set (printed when the server starts). */
export const DEFAULT_DEMO_PASSWORD = 'xeploai-demo';

export type ConfigOverrides = Partial<Pick<Config, 'port' | 'host' | 'sqlitePath' | 'databaseUrl' | 'loadDemoWhenEmpty'>>;

/** Builds the configuration from an environment and optional overrides; throws on invalid values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigOverrides = {}): Config {
  const databaseUrl = overrides.databaseUrl ?? (env.DATABASE_URL?.trim() || undefined);
  const rawPort = overrides.port ?? (env.PORT ? Number(env.PORT) : 3000);
  if (!Number.isInteger(rawPort) || rawPort < 0 || rawPort > 65535) {
    throw new AppError(
      'ValidationFailed',
      { vi: `Cổng (PORT) không hợp lệ: «${env.PORT}».`, en: `Invalid port (PORT): "${env.PORT}".` },
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
    pgSchema,
    port: rawPort,
    host: overrides.host ?? env.HOST ?? '0.0.0.0',
    loadDemoWhenEmpty: overrides.loadDemoWhenEmpty ?? !['0', 'false', 'no'].includes((env.XEPLOAI_DEMO ?? '').toLowerCase()),
    demoPassword: env.XEPLOAI_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
  });
}
