/**
 * Every row of every table of the product (the migrations' own bookkeeping aside), each table's
 * rows as JSON text in sorted order: two dumps are equal exactly when no row was added, removed or
 * changed in any column. For "a refusal changes nothing" on both engines. On PostgreSQL only the
 * test's own schema is read (other test files, and other clones' runs, have schemas of their own
 * in the same database).
 */
import { sql } from 'kysely';
import type { Db } from '../../src/db/create-db.js';
import { testEngine } from './test-db.js';

/** Table name → its rows, each as JSON text, sorted. */
export async function dumpTables(db: Db): Promise<Record<string, string[]>> {
  const schema = testEngine === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s : undefined;
  const tables = (await db.introspection.getTables())
    .filter((t) => schema === undefined || t.schema === schema)
    .map((t) => t.name)
    .filter((n) => !n.startsWith('kysely_'))
    .sort();
  const out: Record<string, string[]> = {};
  for (const name of tables) {
    const rows = await db.selectFrom(name as 'org_units').selectAll().execute();
    out[name] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}
