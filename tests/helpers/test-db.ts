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
  await migrateToLatest(db, { pgSchema: config.pgSchema });
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
