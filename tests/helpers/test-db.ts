/**
 * A fresh, migrated database for one test file, on the engine under test: SQLite in memory by
 * default, PostgreSQL when DATABASE_URL is set (each test database is its own schema, dropped at
 * the end of the run). `.ci/run` runs the suite once per engine.
 */
import { sql } from 'kysely';
import { type Config, loadConfig } from '../../src/config.js';
import { createDb, type Db, migrateToLatest } from '../../src/db/create-db.js';
import { testSchemaName } from './pg-schemas.js';

export interface TestDb {
  db: Db;
  config: Config;
  engine: Config['engine'];
  /** Closes the handle. */
  close(): Promise<void>;
}

/** The engine the suite runs on. */
export const testEngine: Config['engine'] = process.env.DATABASE_URL ? 'postgres' : 'sqlite';

/**
 * Migrates; on PostgreSQL retries when another run's schema vanished while Kysely's migrator was
 * listing the tables of every schema (other clones run their suites on the same database and drop
 * their schemas when they finish: "schema t_… does not exist" naming a schema not ours).
 */
async function migrateRetrying(db: Db, pgSchema: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await migrateToLatest(db, { pgSchema });
      return;
    } catch (e) {
      const vanished = /schema "(t_[^"]+)" does not exist/.exec(e instanceof Error ? e.message : '')?.[1];
      if (attempt >= 5 || vanished === undefined || vanished === pgSchema) throw e;
    }
  }
}

export async function createTestDb(): Promise<TestDb> {
  const pgSchema = testSchemaName();
  const config = loadConfig({
    DATABASE_URL: process.env.DATABASE_URL,
    XEPLOAI_DB: ':memory:',
    XEPLOAI_PG_SCHEMA: testEngine === 'postgres' ? pgSchema : 'public',
  });
  if (config.engine === 'postgres') {
    // Create the schema first on a plain connection: the pool's search_path points into it.
    const admin = createDb({ ...config, pgSchema: 'public' });
    await sql`create schema if not exists ${sql.id(pgSchema)}`.execute(admin);
    await admin.destroy();
  }
  const db = createDb(config);
  await migrateRetrying(db, config.pgSchema);
  return {
    db,
    config,
    engine: config.engine,
    async close() {
      // The PostgreSQL schema stays until the end of the run (tests/helpers/pg-schemas.ts).
      await db.destroy();
    },
  };
}
