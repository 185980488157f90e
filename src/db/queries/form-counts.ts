/**
 * Stored form counts (migration 0002): every unit's subtree total of each printed cell per cycle,
 * changed by deltas in the transaction of each evaluation write, and the values entered for units
 * that report counts only. The upsert `value = value + excluded.value` runs unchanged on SQLite and
 * PostgreSQL.
 */
import { cellKey, type EnteredValue, type UnitCounts } from '../../domain/rollup/index.js';
import type { FormCode } from '../../domain/forms/types.js';
import type { Db } from '../create-db.js';

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
  return written;
}

/** Replaces every stored count of a cycle (rebuild). */
export async function replaceCycleCounts(db: Db, input: { cycleId: string; rows: Iterable<CountRow> }): Promise<number> {
  await db.deleteFrom('form_counts').where('cycle_id', '=', input.cycleId).execute();
  let batch: ReturnType<typeof toRow>[] = [];
  let written = 0;
  for (const r of input.rows) {
    if (r.value === 0) continue;
    batch.push(toRow(input.cycleId, r));
    if (batch.length >= CHUNK) {
      await db.insertInto('form_counts').values(batch).execute();
      written += batch.length;
      batch = [];
    }
  }
  if (batch.length > 0) await db.insertInto('form_counts').values(batch).execute();
  return written + batch.length;
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

/** Sets one stored count directly, bypassing the roll-up (tests of `verify` tamper with it). */
export async function setStoredCount(db: Db, input: { cycleId: string; unitId: string; form: FormCode; row: string; col: string; value: number }): Promise<void> {
  const { cycleId, unitId, form, row, col, value } = input;
  await db.deleteFrom('form_counts').where('cycle_id', '=', cycleId).where('unit_id', '=', unitId).where('form', '=', form).where('row', '=', row).where('col', '=', col).execute();
  await db.insertInto('form_counts').values({ cycle_id: cycleId, unit_id: unitId, form, row, col, value }).execute();
}

/** Entered values of a cycle, optionally of one unit. */
export async function listEnteredValues(db: Db, input: { cycleId: string; unitId?: string }): Promise<EnteredValue[]> {
  let q = db.selectFrom('entered_form_values').select(['unit_id', 'form', 'row', 'col', 'value']).where('cycle_id', '=', input.cycleId);
  if (input.unitId) q = q.where('unit_id', '=', input.unitId);
  const rows = await q.execute();
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
