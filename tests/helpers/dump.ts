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

/** The product's tables: on PostgreSQL those of the test's own schema only, read without scanning the others (another run may drop its schemas meanwhile). */
async function tableNames(db: Db): Promise<string[]> {
  if (testEngine === 'postgres') {
    const rows = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
    return rows.rows.map((r) => r.name);
  }
  return (await db.introspection.getTables()).map((t) => t.name);
}

/**
 * The logs of who did what (the audit log and its head, failed sign-ins) are not the product's data:
 * a dry run or a refused sign-in is logged although it changes nothing. Their own tests read them.
 * Nor is the state server processes share (an import's progress, the PDF queue).
 */
const LOGS = new Set(['audit_log', 'audit_head', 'sign_in_failures', 'import_jobs', 'pdf_queue']);

/** Table name → its rows, each as JSON text, sorted. */
export async function dumpTables(db: Db): Promise<Record<string, string[]>> {
  const tables = (await tableNames(db)).filter((n) => !n.startsWith('kysely_') && !LOGS.has(n)).sort();
  const out: Record<string, string[]> = {};
  for (const name of tables) {
    const rows = await db.selectFrom(name as 'org_units').selectAll().execute();
    out[name] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}
