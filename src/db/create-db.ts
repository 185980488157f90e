/**
 * Opens the database named by the configuration: embedded SQLite by default, PostgreSQL when
 * DATABASE_URL is set. The rest of the product only sees `Kysely<Database>` and never asks which.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, type DatabaseConnection, type Driver, Kysely, Migrator, PostgresAdapter, PostgresDialect, SqliteDialect, SqliteDriver, sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.js';
import { AppError } from '../domain/errors.js';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';
import { WriteWatcher } from './request-audit.js';

export type Db = Kysely<Database>;
export type Engine = Config['engine'];

// Counts arrive as strings unless told otherwise (int8 = 20, numeric = 1700).
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

const engines = new WeakMap<object, Engine>();
const sqliteHandles = new WeakMap<object, SQLite.Database>();

/**
 * Which engine a database handle talks to: the handle createDb made, or a transaction (or any other
 * Kysely instance) over it, known by its dialect's adapter — a transaction is a Kysely instance of
 * its own that createDb never saw, so a lookup by identity alone took every PostgreSQL transaction
 * for SQLite.
 */
export function engineOf(db: Db): Engine {
  return engines.get(db) ?? (db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite');
}

/**
 * The better-sqlite3 handle under a SQLite database (not under a transaction: undefined), for the
 * bulk writes that run one prepared statement over many rows (src/db/queries/bulk-insert.ts).
 */
export function sqliteHandleOf(db: Db): SQLite.Database | undefined {
  return sqliteHandles.get(db);
}

/**
 * SQLite transactions begin IMMEDIATE: the write lock is taken (waiting up to busy_timeout) before
 * the first read, so several server processes on one file (serve --workers) queue their writes
 * instead of failing with SQLITE_BUSY_SNAPSHOT when a read-then-write transaction loses the race.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/** Prepared statements kept per connection (least recently used dropped first). */
const STATEMENT_CACHE = 500;

/**
 * The connection as Kysely sees it, with its prepared statements kept by SQL text: Kysely prepares
 * every query it runs, and parsing the SQL again was the largest single cost of serving a cached
 * form. A statement being iterated (a streamed query) is busy: a fresh one is prepared then.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabaseLike {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let stmt = cache.get(text);
      if (stmt && !stmt.busy) {
        cache.delete(text);
        cache.set(text, stmt);
        return stmt;
      }
      stmt = sqlite.prepare(text);
      cache.set(text, stmt);
      if (cache.size > STATEMENT_CACHE) cache.delete(cache.keys().next().value as string);
      return stmt;
    },
  };
}

type SqliteDatabaseLike = ConstructorParameters<typeof SqliteDriver>[0]['database'] & object;

class ImmediateSqliteDialect extends SqliteDialect {
  private readonly database: SqliteDatabaseLike;

  constructor(sqlite: SQLite.Database) {
    const database = withStatementCache(sqlite);
    super({ database });
    this.database = database;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.database });
  }
}

/** Opens (without migrating) the configured database. */
export function createDb(config: Pick<Config, 'engine' | 'sqlitePath' | 'databaseUrl' | 'pgSchema'>): Db {
  let db: Db;
  if (config.engine === 'postgres') {
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: 10,
      options: config.pgSchema === 'public' ? undefined : `-c search_path=${config.pgSchema}`,
    });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new WriteWatcher()] });
  } else {
    if (config.sqlitePath !== ':memory:') mkdirSync(dirname(config.sqlitePath), { recursive: true });
    const sqlite = new SQLite(config.sqlitePath);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect(sqlite), plugins: [new WriteWatcher()] });
    sqliteHandles.set(db, sqlite);
  }
  engines.set(db, config.engine);
  return db;
}

/** Brings the schema up to date; creates the PostgreSQL schema first when one is named. */
export async function migrateToLatest(db: Db, options: { pgSchema?: string } = {}): Promise<string[]> {
  if (engineOf(db) === 'postgres' && options.pgSchema && options.pgSchema !== 'public') {
    await sql`create schema if not exists ${sql.id(options.pgSchema)}`.execute(db);
  }
  // Kysely looks for its own tables in every schema unless told which: name ours, or a schema
  // migrating beside another (tests run in parallel, one schema each) skips creating its lock table.
  const own = engineOf(db) === 'postgres' && options.pgSchema && options.pgSchema !== 'public' ? { migrationTableSchema: options.pgSchema } : {};
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, ...own });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new AppError('Conflict', {
      vi: `Không cập nhật được cơ sở dữ liệu: ${message}`,
      en: `Database migration failed: ${message}`,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
