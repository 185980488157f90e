/**
 * What a backup reads and a restore writes, for either engine: the product's tables (this schema's,
 * never another's; Kysely's own migration tables apart) in foreign-key order, read from the database's
 * own catalogue so that tables added later are included without a list to keep; the migrations
 * applied; rows in pages, in primary-key order. The engine is passed in: a transaction's handle does
 * not say which engine it runs on.
 */
import { sql } from 'kysely';
import type { Db, Engine } from '../create-db.js';

const isProductTable = (name: string) => !name.startsWith('kysely_') && !name.startsWith('sqlite_');

/** The product's tables, each after the tables it references. */
export async function productTablesInOrder(db: Db, engine: Engine): Promise<string[]> {
  let tables: string[];
  let refs: { table: string; ref: string }[];
  if (engine === 'postgres') {
    tables = (await sql<{ name: string }>`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema() and c.relkind = 'r' order by c.relname`.execute(db)).rows.map((r) => r.name);
    refs = (
      await sql<{ table: string; ref: string }>`select t.relname as "table", r.relname as ref from pg_constraint k join pg_class t on t.oid = k.conrelid join pg_class r on r.oid = k.confrelid join pg_namespace n on n.oid = t.relnamespace where k.contype = 'f' and n.nspname = current_schema()`.execute(db)
    ).rows;
  } else {
    tables = (await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(db)).rows.map((r) => r.name);
    refs = [];
    for (const table of tables) {
      const fks = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${table})`.execute(db);
      for (const fk of fks.rows) refs.push({ table, ref: fk.table });
    }
  }
  const product = tables.filter(isProductTable);
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visit = (t: string, path: Set<string>) => {
    if (placed.has(t) || path.has(t)) return;
    path.add(t);
    for (const r of refs) if (r.table === t && r.ref !== t && product.includes(r.ref)) visit(r.ref, path);
    placed.add(t);
    ordered.push(t);
  };
  for (const t of product) visit(t, new Set());
  return ordered;
}

/** The names of the migrations applied, in order. */
export async function appliedMigrations(db: Db): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db).catch(() => ({ rows: [] as { name: string }[] }));
  return rows.rows.map((r) => r.name);
}

/** The columns of a table's primary key (to read it in a stable order), else all its columns' first. */
async function orderColumns(db: Db, table: string, engine: Engine): Promise<string[]> {
  if (engine === 'postgres') {
    const rows = await sql<{ name: string }>`select a.attname as name from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey) where i.indisprimary and c.relname = ${table} and n.nspname = current_schema()`.execute(db);
    return rows.rows.map((r) => r.name);
  }
  const rows = await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${table})`.execute(db);
  return rows.rows.filter((r) => Number(r.pk) > 0).sort((a, b) => Number(a.pk) - Number(b.pk)).map((r) => r.name);
}

/** Every row of a table, page by page (`pageSize` rows at a time). */
export async function* tableRows(db: Db, table: string, engine: Engine, pageSize = 2_000): AsyncGenerator<Record<string, unknown>> {
  const order = await orderColumns(db, table, engine);
  const orderSql = order.length > 0 ? sql.join(order.map((c) => sql.ref(c))) : sql`1`;
  for (let offset = 0; ; offset += pageSize) {
    const page = await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by ${orderSql} limit ${pageSize} offset ${offset}`.execute(db);
    yield* page.rows;
    if (page.rows.length < pageSize) return;
  }
}

/** Rows in one of the tables that say a database holds data (units, people, users, cycles). */
export async function holdsData(db: Db): Promise<boolean> {
  for (const table of ['org_units', 'persons', 'users', 'cycles'] as const) {
    const row = await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    if (Number(row?.n ?? 0) > 0) return true;
  }
  return false;
}

/** Empties a table (a restore replacing what a migration seeded). */
export async function emptyTable(db: Db, table: string): Promise<void> {
  await sql`delete from ${sql.table(table)}`.execute(db);
}

/** Inserts rows into a table as they were read. */
export async function insertRows(db: Db, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const values = rows.map((r) => sql`(${sql.join(columns.map((c) => sql`${r[c] ?? null}`))})`);
  await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${sql.join(values)}`.execute(db);
}
