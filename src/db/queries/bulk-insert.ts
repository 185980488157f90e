/**
 * Bulk writes for imports, inside the caller's transaction. On SQLite, given the connection's
 * handle: one prepared statement run for every row (no parsing per row, no round trip: it is in
 * process). Otherwise (PostgreSQL): multi-row INSERTs as large as the engine takes (65,535
 * parameters per statement; SQLite's limit is 32,766), their SQL text built once per size and the
 * values bound as parameters, without Kysely's per-value query tree (at 100,000 rows building that
 * tree cost more than the database's own work).
 */
import { CompiledQuery, type Insertable } from 'kysely';
import type { Db, sqliteHandleOf } from '../create-db.js';

/** The better-sqlite3 handle of the connection the caller's transaction runs on. */
export type SqliteHandle = NonNullable<ReturnType<typeof sqliteHandleOf>>;
import type { Database } from '../schema.js';

/** Parameters per statement: under both engines' limits. */
const MAX_PARAMS = 30_000;

/** True when the handle's engine numbers its parameters ($1, $2 …: PostgreSQL) rather than `?` (SQLite). */
function numbersParameters(db: Db): boolean {
  return db.selectFrom('org_units').select('id').where('id', '=', '').compile().sql.includes('$1');
}

/** `insert into "t" ("a", "b") values (?, ?), (?, ?)` for `rows` rows, with the engine's placeholders. */
function insertSql(table: string, columns: readonly string[], rows: number, numbered: boolean): string {
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  let n = 0;
  const tuple = () => `(${columns.map(() => (numbered ? `$${++n}` : '?')).join(', ')})`;
  const values = Array.from({ length: rows }, tuple).join(', ');
  return `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ${values}`;
}

/** Inserts `rows` (all with the same columns) into `table` in as few statements as the parameter limit allows; returns the rows written. */
export async function insertRows<T extends keyof Database>(
  trx: Db,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  options: { onWritten?: ((written: number) => void) | undefined; sqlite?: SqliteHandle | undefined } = {},
): Promise<number> {
  const first = rows[0];
  if (!first) return 0;
  const columns = Object.keys(first);
  const onWritten = options.onWritten;
  if (options.sqlite) {
    const statement = options.sqlite.prepare(insertSql(table, columns, 1, false));
    rows.forEach((row, i) => {
      statement.run(columns.map((c) => (row as Record<string, unknown>)[c] ?? null));
      if ((i + 1) % 10_000 === 0) onWritten?.(i + 1);
    });
    onWritten?.(rows.length);
    return rows.length;
  }
  const size = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const numbered = numbersParameters(trx);
  const texts = new Map<number, string>();
  for (let i = 0; i < rows.length; i += size) {
    const part = rows.slice(i, i + size);
    let text = texts.get(part.length);
    if (!text) texts.set(part.length, (text = insertSql(table, columns, part.length, numbered)));
    const params: unknown[] = [];
    for (const row of part) for (const c of columns) params.push((row as Record<string, unknown>)[c] ?? null);
    await trx.executeQuery(CompiledQuery.raw(text, params));
    onWritten?.(Math.min(i + size, rows.length));
  }
  return rows.length;
}
