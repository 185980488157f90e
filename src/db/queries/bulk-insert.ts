/**
 * Bulk writes for imports, inside the caller's transaction: multi-row INSERTs as large as the
 * engine takes (SQLite binds at most 32,766 parameters per statement, PostgreSQL 65,535), so
 * 100,000 members are a few hundred statements, not 100,000 round trips, on either engine.
 */
import type { Insertable } from 'kysely';
import type { Db } from '../create-db.js';
import type { Database } from '../schema.js';

/** Parameters per statement: under both engines' limits. */
const MAX_PARAMS = 30_000;

/** Inserts `rows` into `table` in as few statements as the parameter limit allows; returns the rows written. */
export async function insertRows<T extends keyof Database>(
  trx: Db,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  onWritten?: (written: number) => void,
): Promise<number> {
  const first = rows[0];
  if (!first) return 0;
  const size = Math.max(1, Math.floor(MAX_PARAMS / Object.keys(first).length));
  for (let i = 0; i < rows.length; i += size) {
    // Kysely cannot narrow a generic table name; the rows were typed for `table` above.
    await trx.insertInto(table).values(rows.slice(i, i + size) as never).execute();
    onWritten?.(Math.min(i + size, rows.length));
  }
  return rows.length;
}
