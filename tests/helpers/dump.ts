/**
 * Every row of every table of the product (the migrations' own bookkeeping aside), each table's
 * rows as JSON text in sorted order: two dumps are equal exactly when no row was added, removed or
 * changed in any column. For "a refusal changes nothing" on both engines.
 */
import type { Db } from '../../src/db/create-db.js';

/** Table name → its rows, each as JSON text, sorted. */
export async function dumpTables(db: Db): Promise<Record<string, string[]>> {
  const tables = (await db.introspection.getTables()).map((t) => t.name).filter((n) => !n.startsWith('kysely_')).sort();
  const out: Record<string, string[]> = {};
  for (const name of tables) {
    const rows = await db.selectFrom(name as 'org_units').selectAll().execute();
    out[name] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}
