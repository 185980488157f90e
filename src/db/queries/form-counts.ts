/**
 * Stored form counts (migration 0002): every unit's subtree total of each printed cell per cycle,
 * changed by deltas in the transaction of each evaluation write, and the values entered for units
 * that report counts only. The upsert `value = value + excluded.value` runs unchanged on SQLite and
 * PostgreSQL.
 */
import { cellKey, type EnteredValue, type UnitCounts } from '../../domain/rollup/index.js';
import type { FormCode } from '../../domain/forms/types.js';
import type { Db } from '../create-db.js';
import { bulkWriter, type SqliteHandle } from './bulk-insert.js';

/** Rows per statement: 6 parameters each, well under SQLite's and PostgreSQL's limits. */
const CHUNK = 500;

/** One row of per-unit counts, keyed as `cellKey`. */
export interface CountRow {
  unitId: string;
  key: string;
  value: number;
}

function toRow(cycleId: string, r: CountRow) {
  const [form, row, col] = r.key.split('|') as [string, string, string];
  return { cycle_id: cycleId, unit_id: r.unitId, form, row, col, value: r.value };
}

/**
 * Adds deltas to stored counts (creating missing cells). Callers pass only non-zero deltas; a cell
 * brought back to zero stays as a zero row, which reads the same as an absent one.
 */
export async function applyCountDelta(db: Db, input: { cycleId: string; rows: Iterable<CountRow> }): Promise<number> {
  // One fixed order (unit, then cell) for every writer: two transactions adding to the same cells
  // then lock them in the same order and queue, where in different orders PostgreSQL would abort one
  // of them as a deadlock.
  const rows = [...input.rows].sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let batch: ReturnType<typeof toRow>[] = [];
  let written = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await db
      .insertInto('form_counts')
      .values(batch)
      .onConflict((oc) =>
        oc.columns(['cycle_id', 'unit_id', 'form', 'row', 'col']).doUpdateSet({ value: (eb) => eb('form_counts.value', '+', eb.ref('excluded.value')) }),
      )
      .execute();
    written += batch.length;
    batch = [];
  };
  for (const r of rows) {
    if (r.value === 0) continue;
    batch.push(toRow(input.cycleId, r));
    if (batch.length >= CHUNK) await flush();
  }
  await flush();
  await bumpCountsVersion(db, input.cycleId);
  return written;
}

/**
 * Marks a cycle's stored counts changed (migration 0028), in the caller's transaction: every
 * server process's cache of the cycle's forms is stale from its commit on.
 */
export async function bumpCountsVersion(db: Db, cycleId: string): Promise<void> {
  await db.updateTable('cycles').set((eb) => ({ counts_version: eb('counts_version', '+', 1) })).where('id', '=', cycleId).execute();
}

/** The version of a cycle's stored counts (0 before any change). */
export async function readCountsVersion(db: Db, cycleId: string): Promise<number> {
  const row = await db.selectFrom('cycles').select('counts_version').where('id', '=', cycleId).executeTakeFirst();
  return Number(row?.counts_version ?? 0);
}

/** Replaces every stored count of a cycle (rebuild), streamed into the table (bulkWriter). */
export async function replaceCycleCounts(db: Db, input: { cycleId: string; rows: Iterable<CountRow> }, options: { sqlite?: SqliteHandle | undefined } = {}): Promise<number> {
  await db.deleteFrom('form_counts').where('cycle_id', '=', input.cycleId).execute();
  await bumpCountsVersion(db, input.cycleId);
  const writer = bulkWriter(db, 'form_counts', options);
  for (const r of input.rows) {
    if (r.value === 0) continue;
    const pending = writer.push(toRow(input.cycleId, r));
    if (pending) await pending;
  }
  return writer.end();
}

/** The stored counts of one unit in one cycle, optionally of one form: cell key → value. */
export async function readUnitCounts(db: Db, input: { cycleId: string; unitId: string; form?: FormCode }): Promise<Map<string, number>> {
  let q = db
    .selectFrom('form_counts')
    .select(['form', 'row', 'col', 'value'])
    .where('cycle_id', '=', input.cycleId)
    .where('unit_id', '=', input.unitId);
  if (input.form) q = q.where('form', '=', input.form);
  const rows = await q.execute();
  return new Map(rows.map((r) => [cellKey({ form: r.form as FormCode, row: r.row, col: r.col }), Number(r.value)]));
}

/** Every stored count of a cycle, per unit (for verify). */
export async function readCycleCounts(db: Db, cycleId: string): Promise<UnitCounts> {
  const out: UnitCounts = new Map();
  const rows = await db.selectFrom('form_counts').select(['unit_id', 'form', 'row', 'col', 'value']).where('cycle_id', '=', cycleId).execute();
  for (const r of rows) {
    let m = out.get(r.unit_id);
    if (!m) out.set(r.unit_id, (m = new Map()));
    m.set(cellKey({ form: r.form as FormCode, row: r.row, col: r.col }), Number(r.value));
  }
  return out;
}

/** Stored rows per page of the streamed read (PostgreSQL, or SQLite without its handle). */
const STORED_PAGE = 50_000;

/**
 * Calls `each` with every unit's stored counts of a cycle, one unit at a time, streamed in the
 * primary key's order (SQLite: the handle's statement iterated; elsewhere pages of 50,000 rows,
 * a page ending inside a unit read again from that unit). Memory: one page.
 */
export async function scanStoredCounts(db: Db, cycleId: string, each: (unitId: string, counts: Map<string, number>) => void, options: { sqlite?: SqliteHandle | undefined } = {}): Promise<void> {
  let unit: string | undefined;
  let counts = new Map<string, number>();
  const visit = (u: string, form: string, row: string, col: string, value: number) => {
    if (u !== unit) {
      if (unit !== undefined) each(unit, counts);
      unit = u;
      counts = new Map();
    }
    counts.set(cellKey({ form: form as FormCode, row, col }), Number(value));
  };
  if (options.sqlite) {
    const statement = options.sqlite.prepare('select unit_id, form, row, col, value from form_counts where cycle_id = ? order by unit_id').raw(true);
    for (const r of statement.iterate(cycleId)) visit(...(r as [string, string, string, string, number]));
  } else {
    let after = '';
    for (;;) {
      const rows = await db.selectFrom('form_counts').select(['unit_id', 'form', 'row', 'col', 'value']).where('cycle_id', '=', cycleId).where('unit_id', '>', after).orderBy('unit_id').limit(STORED_PAGE).execute();
      const full = rows.length === STORED_PAGE;
      // A full page may end inside a unit: that unit is read again from its start by the next page.
      const lastUnit = rows[rows.length - 1]?.unit_id;
      const complete = full ? rows.filter((r) => r.unit_id !== lastUnit) : rows;
      for (const r of complete) visit(r.unit_id, r.form, r.row, r.col, Number(r.value));
      if (!full) break;
      if (complete.length === 0) throw new Error(`form_counts: unit ${lastUnit} has more than ${STORED_PAGE} cells`);
      after = complete[complete.length - 1]!.unit_id;
    }
  }
  if (unit !== undefined) each(unit, counts);
}

/** Sets one stored count directly, bypassing the roll-up (tests of `verify` tamper with it). */
export async function setStoredCount(db: Db, input: { cycleId: string; unitId: string; form: FormCode; row: string; col: string; value: number }): Promise<void> {
  const { cycleId, unitId, form, row, col, value } = input;
  await db.deleteFrom('form_counts').where('cycle_id', '=', cycleId).where('unit_id', '=', unitId).where('form', '=', form).where('row', '=', row).where('col', '=', col).execute();
  await db.insertInto('form_counts').values({ cycle_id: cycleId, unit_id: unitId, form, row, col, value }).execute();
  await bumpCountsVersion(db, cycleId);
}

/** Entered values of a cycle, optionally of one unit. */
export async function listEnteredValues(db: Db, input: { cycleId: string; unitId?: string; unitIds?: readonly string[] }): Promise<EnteredValue[]> {
  const select = () => db.selectFrom('entered_form_values').select(['unit_id', 'form', 'row', 'col', 'value']).where('cycle_id', '=', input.cycleId);
  const rows = [];
  if (input.unitIds) {
    // A subtree's units, 1,000 per `in` list (index-backed: a commune reads its own rows only).
    for (let i = 0; i < input.unitIds.length; i += CHUNK * 2) rows.push(...(await select().where('unit_id', 'in', input.unitIds.slice(i, i + CHUNK * 2)).execute()));
  } else rows.push(...(await (input.unitId ? select().where('unit_id', '=', input.unitId) : select()).execute()));
  return rows.map((r) => ({ unitId: r.unit_id, form: r.form as FormCode, row: r.row, col: r.col, value: Number(r.value) }));
}

/** Replaces the entered values of one unit in one cycle. */
export async function replaceEnteredValues(
  db: Db,
  input: { cycleId: string; unitId: string; values: readonly EnteredValue[]; at: string; by: string },
): Promise<void> {
  await db.deleteFrom('entered_form_values').where('cycle_id', '=', input.cycleId).where('unit_id', '=', input.unitId).execute();
  const rows = input.values
    .filter((v) => v.value !== 0)
    .map((v) => ({ cycle_id: input.cycleId, unit_id: input.unitId, form: v.form, row: v.row, col: v.col, value: v.value, entered_at: input.at, entered_by: input.by }));
  for (let i = 0; i < rows.length; i += CHUNK) await db.insertInto('entered_form_values').values(rows.slice(i, i + CHUNK)).execute();
}
