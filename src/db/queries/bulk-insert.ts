/**
 * Bulk writes for imports, inside the caller's transaction. On SQLite, given the connection's
 * handle: one prepared statement run for every row (no parsing per row, no round trip: it is in
 * process); without it, multi-row INSERTs under its 32,766-parameter limit. On PostgreSQL:
 * `INSERT … SELECT * FROM unnest($1::text[], $2::integer[], …)`, one array parameter per column and
 * 10,000 rows per statement (half the time of a 30,000-parameter VALUES list, measured). Either way
 * the SQL text is built once per size, without Kysely's per-value query tree (at 100,000 rows
 * building that tree cost more than the database's own work).
 */
import { CompiledQuery, type Insertable, sql } from 'kysely';
import { type Db, engineOf, type sqliteHandleOf } from '../create-db.js';

/** The better-sqlite3 handle of the connection the caller's transaction runs on. */
export type SqliteHandle = NonNullable<ReturnType<typeof sqliteHandleOf>>;
import type { Database } from '../schema.js';

/** Parameters per SQLite statement: under its limit. */
const MAX_PARAMS = 30_000;


/** PostgreSQL: the array type of each column of a table (integer columns take integer[], the rest text[]). */
async function arrayTypes(db: Db, table: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('information_schema.columns' as never)
    .select(['column_name', 'data_type'] as never[])
    .where('table_name' as never, '=', table as never)
    .where(sql<boolean>`table_schema = current_schema()`)
    .execute();
  return new Map((rows as unknown as { column_name: string; data_type: string }[]).map((r) => [r.column_name, r.data_type === 'integer' || r.data_type === 'bigint' ? 'integer[]' : 'text[]']));
}

/** Column types per handle and table, read once per transaction. */
const typesSeen = new WeakMap<object, Map<string, Map<string, string>>>();

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** PostgreSQL: the rows, 10,000 per statement, as one array per column. */
async function insertUnnest(trx: Db, table: string, columns: readonly string[], rows: readonly Record<string, unknown>[], onWritten?: (n: number) => void): Promise<void> {
  let known = typesSeen.get(trx);
  if (!known) typesSeen.set(trx, (known = new Map()));
  let types = known.get(table);
  if (!types) known.set(table, (types = await arrayTypes(trx, table)));
  const text = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) select * from unnest(${columns.map((c, i) => `$${i + 1}::${types.get(c) ?? 'text[]'}`).join(', ')})`;
  for (let i = 0; i < rows.length; i += 10_000) {
    const part = rows.slice(i, i + 10_000);
    await trx.executeQuery(CompiledQuery.raw(text, columns.map((c) => part.map((r) => r[c] ?? null))));
    onWritten?.(Math.min(i + 10_000, rows.length));
  }
}

/** SQLite: `insert into "t" ("a", "b") values (?, ?), (?, ?)` for `rows` rows. */
function insertSql(table: string, columns: readonly string[], rows: number): string {
  const tuple = () => `(${columns.map(() => '?').join(', ')})`;
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
    const statement = options.sqlite.prepare(insertSql(table, columns, 1));
    rows.forEach((row, i) => {
      statement.run(columns.map((c) => (row as Record<string, unknown>)[c] ?? null));
      if ((i + 1) % 10_000 === 0) onWritten?.(i + 1);
    });
    onWritten?.(rows.length);
    return rows.length;
  }
  if (engineOf(trx) === 'postgres') {
    await insertUnnest(trx, table, columns, rows as readonly Record<string, unknown>[], onWritten);
    return rows.length;
  }
  const size = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const texts = new Map<number, string>();
  for (let i = 0; i < rows.length; i += size) {
    const part = rows.slice(i, i + size);
    let text = texts.get(part.length);
    if (!text) texts.set(part.length, (text = insertSql(table, columns, part.length)));
    const params: unknown[] = [];
    for (const row of part) for (const c of columns) params.push((row as Record<string, unknown>)[c] ?? null);
    await trx.executeQuery(CompiledQuery.raw(text, params));
    onWritten?.(Math.min(i + size, rows.length));
  }
  return rows.length;
}

/** Rows per run of a streaming writer's prepared statement on SQLite (≤ 32,766 parameters for any table here). */
const SQLITE_ROWS = 64;

/** Rows a streaming writer gathers before one PostgreSQL statement (one array per column). */
const STREAM_BATCH = 10_000;

/** A table's rows written as they come, in bounded memory: `push` each row, then `end`. */
export interface BulkWriter<R> {
  push(row: R): Promise<void> | void;
  /** Writes what is gathered now (rows that reference these may follow). */
  flush(): Promise<void>;
  /** Writes what is gathered; returns the rows written in all. */
  end(): Promise<number>;
}

/**
 * A streaming writer for one table inside the caller's transaction: on SQLite (given the handle)
 * one prepared statement of 64 rows run as they come (the rest one by one at the end); on PostgreSQL an `unnest` statement per 10,000
 * rows; otherwise (SQLite without the handle) multi-row INSERTs under the parameter limit. The
 * columns are the first row's. Memory: one batch, never the table.
 */
export function bulkWriter<T extends keyof Database>(trx: Db, table: T, options: { sqlite?: SqliteHandle | undefined } = {}): BulkWriter<Insertable<Database[T]>> {
  let columns: string[] | undefined;
  let single: ReturnType<SqliteHandle['prepare']> | undefined;
  let multi: ReturnType<SqliteHandle['prepare']> | undefined;
  let params: unknown[] = [];
  let gathered = 0;
  let batch: Record<string, unknown>[] = [];
  let written = 0;
  const postgres = !options.sqlite && engineOf(trx) === 'postgres';
  // PostgreSQL: one statement in flight while the next batch is gathered (the server inserts while
  // this process builds the next arrays: two cores busy, not one after the other). The connection
  // runs its statements in order, so rows still arrive in the order pushed.
  let inflight: Promise<void> | undefined;
  const send = async () => {
    if (batch.length === 0 || !columns) return;
    const rows = batch;
    batch = [];
    if (!postgres) {
      await insertRows(trx, table, rows as Insertable<Database[T]>[]);
      written += rows.length;
      return;
    }
    await inflight;
    const cols = columns;
    inflight = insertUnnest(trx, table, cols, rows).then(() => {
      written += rows.length;
    });
    // Awaited by the next batch or by flush; a failure is seen there, never unhandled.
    inflight.catch(() => undefined);
  };
  const flush = async () => {
    await send();
    await inflight;
    inflight = undefined;
  };
  return {
    push(row) {
      const r = row as Record<string, unknown>;
      columns ??= Object.keys(r);
      if (options.sqlite) {
        // SQLITE_ROWS rows per run of one prepared statement: fewer calls into SQLite per row.
        const cols = columns;
        for (let i = 0; i < cols.length; i++) params.push(r[cols[i]!] ?? null);
        if (++gathered === SQLITE_ROWS) {
          multi ??= options.sqlite.prepare(insertSql(table, cols, SQLITE_ROWS));
          multi.run(params);
          written += gathered;
          params = [];
          gathered = 0;
        }
        return;
      }
      batch.push(r);
      if (batch.length >= STREAM_BATCH) return send();
    },
    async flush() {
      if (options.sqlite && columns && gathered > 0) {
        single ??= options.sqlite.prepare(insertSql(table, columns, 1));
        for (let i = 0; i < gathered; i++) single.run(params.slice(i * columns.length, (i + 1) * columns.length));
        written += gathered;
        params = [];
        gathered = 0;
      }
      await flush();
    },
    async end() {
      await this.flush();
      return written;
    },
  };
}

/**
 * For a bulk load into EMPTY tables (a fresh database: the benchmark's loader), inside the caller's
 * transaction: drops what every row would otherwise maintain one by one, and returns the function
 * that puts it back once the rows are in. On SQLite the secondary indexes of `tables` (a primary key
 * or a unique constraint cannot be dropped there; they stay); on PostgreSQL also their primary keys,
 * unique constraints and foreign keys, and the foreign keys of other tables pointing at them
 * (re-adding a constraint checks every row in one pass: a row that breaks one makes the restore,
 * and so the transaction, fail). Building an index from sorted rows costs a fraction of maintaining
 * it row by row (measured in docs/performance.md). Nothing is deferred when a table has rows.
 */
export async function deferIndexes(trx: Db, tables: readonly (keyof Database)[], options: { sqlite?: SqliteHandle | undefined } = {}): Promise<() => Promise<void>> {
  for (const t of tables) {
    const any = await trx.selectFrom(t).select(sql<number>`1`.as('one')).limit(1).executeTakeFirst();
    if (any) return async () => {};
  }
  if (options.sqlite) {
    const handle = options.sqlite;
    const marks = tables.map(() => '?').join(', ');
    const indexes = handle.prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${marks})`).all(...tables) as { name: string; sql: string }[];
    for (const i of indexes) handle.exec(`drop index ${quote(i.name)}`);
    return async () => {
      for (const i of indexes) handle.exec(i.sql);
    };
  }
  if (engineOf(trx) !== 'postgres') return async () => {};
  type Constraint = { table: string; name: string; def: string; kind: string };
  const { rows: constraints } = await trx.executeQuery<Constraint>(
    CompiledQuery.raw(
      `select c.relname as "table", con.conname as name, pg_get_constraintdef(con.oid) as def, con.contype as kind
         from pg_constraint con join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
         left join pg_class f on f.oid = con.confrelid
        where n.nspname = current_schema() and (
          (con.contype in ('p', 'u', 'f') and c.relname = any($1)) or (con.contype = 'f' and f.relname = any($1)))`,
      [tables],
    ),
  );
  // Foreign keys first (they depend on the keys they point at), keys after; restored the other way round.
  const ordered = [...constraints.filter((c) => c.kind === 'f'), ...constraints.filter((c) => c.kind !== 'f')];
  for (const c of ordered) await trx.executeQuery(CompiledQuery.raw(`alter table ${quote(c.table)} drop constraint ${quote(c.name)}`));
  const { rows: indexes } = await trx.executeQuery<{ name: string; def: string }>(
    CompiledQuery.raw(`select indexname as name, indexdef as def from pg_indexes where schemaname = current_schema() and tablename = any($1)`, [tables]),
  );
  for (const i of indexes) await trx.executeQuery(CompiledQuery.raw(`drop index ${quote(i.name)}`));
  return async () => {
    // Room to sort each index in memory (for this transaction only).
    await trx.executeQuery(CompiledQuery.raw(`set local maintenance_work_mem = '512MB'`));
    for (const i of indexes) await trx.executeQuery(CompiledQuery.raw(i.def));
    for (const c of [...ordered].reverse()) await trx.executeQuery(CompiledQuery.raw(`alter table ${quote(c.table)} add constraint ${quote(c.name)} ${c.def}`));
    // Statistics of the tables as loaded: without them the planner still sees empty tables and the
    // counts' paged scan of the evaluations (by id) re-reads and sorts every row for each page —
    // quadratic: 815 s for the country's 6.3 million evaluations, measured.
    for (const t of tables) await trx.executeQuery(CompiledQuery.raw(`analyze ${quote(t)}`));
  };
}
