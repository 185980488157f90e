/**
 * Tracing a cell of a unit's form to what it counts (issue 4: "every cell traceable to the subjects
 * it counts"): the evaluations, review topics and entered values whose contribution lands in that
 * cell at that unit, recomputed with the same pure roll-up the stored counts come from.
 */
import type { Db } from '../db/create-db.js';
import { getCycle } from '../db/queries/cycles.js';
import { listEnteredValues, readUnitCounts } from '../db/queries/form-counts.js';
import { listSubjectLabels } from '../db/queries/form-trace.js';
import { loadAncestorsOn, loadCycleTopics, loadSubtreeEvaluations, loadSubtreeUnits } from '../db/queries/rollup-facts.js';
import { getUnitAt } from '../db/queries/units.js';
import type { SubjectKind } from '../domain/codes.js';
import { AppError } from '../domain/errors.js';
import { FORM_CODES, getFormDefinitions, type FormCode } from '../domain/forms/index.js';
import { cellKey, placeEvaluation, type RollupEvaluation, type RollupUnit, topicCells, UnitIndex } from '../domain/rollup/index.js';

/** One thing a cell counts. */
export interface TraceEntry {
  source: 'evaluation' | 'topic' | 'entered';
  /** Evaluation id (evaluations), topic id (topics); null for entered values. */
  id: string | null;
  subjectKind: SubjectKind | null;
  /** Unit code, party card number, collective code or position id. */
  subjectRef: string | null;
  name: string | null;
  /** The unit the subject belongs to (evaluations.unit_id), or the unit that entered the value. */
  unitCode: string;
  /** The printed row it counts in (a derived row lists its parts). */
  row: string;
  count: number;
}

export interface TraceResult {
  unitCode: string;
  year: number;
  form: FormCode;
  row: string;
  col: string;
  /** The stored (live) value of the cell. */
  value: number;
  entries: TraceEntry[];
}

function unknownCode(field: string, value: string, vi: string, en: string): AppError {
  return new AppError('ValidationFailed', { vi: `Trường «${field}» không hợp lệ: ${vi} «${value}».`, en: `Field "${field}" is invalid: ${en} "${value}".` }, { field });
}

/** Checks the form, row and column against the cycle's definitions; returns the printed rows behind the row. */
function printedRows(ruleSet: Parameters<typeof getFormDefinitions>[0], form: string, row: string, col: string): string[] {
  if (!(FORM_CODES as readonly string[]).includes(form)) throw unknownCode('form', form, 'không có biểu', 'no form');
  const def = getFormDefinitions(ruleSet)[form as FormCode];
  const r = def.rows.find((x) => x.code === row);
  if (!r) throw unknownCode('row', row, `biểu ${form} không có dòng`, `form ${form} has no row`);
  if (!def.columns.some((c) => c.code === col)) throw unknownCode('col', col, `biểu ${form} không có cột`, `form ${form} has no column`);
  return r.derivedFrom ? [...r.derivedFrom] : [row];
}

/** Everything counted in one cell of a unit's form in a cycle. Slower than reading a form: it recomputes. */
export async function traceCell(db: Db, key: { unitCode: string; year: number; period?: string | undefined; form: string; row: string; col: string }): Promise<TraceResult> {
  const cycle = await getCycle(db, { year: key.year, period: key.period });
  const unit = await getUnitAt(db, key.unitCode, cycle.referenceDate);
  const rows = printedRows(cycle.ruleSet, key.form, key.row, key.col);
  const form = key.form as FormCode;
  const wanted = new Map(rows.map((row) => [cellKey({ form, row, col: key.col }), row]));
  // Only the unit's subtree can count at it: read that (a commune: a few dozen units), not the cycle.
  const { units, subtree } = await loadSubtreeUnits(db, unit.unitId, cycle.referenceDate);
  const evaluations = await loadSubtreeEvaluations(db, cycle.id, subtree);
  const tree = await treeFor(db, units, evaluations, cycle.referenceDate);
  const codeOf = (id: string | null) => (id ? (tree.get(id)?.code ?? id) : '');
  const entries: TraceEntry[] = [];
  const push = (e: Omit<TraceEntry, 'name' | 'subjectRef'>) => entries.push({ ...e, name: null, subjectRef: null });
  for (const e of evaluations) {
    const p = placeEvaluation(e, tree, cycle.ruleSet);
    const hits = [
      ...(p.gradeUnits.includes(unit.unitId) ? p.contribution.gradeKeys : []),
      ...(p.reviewUnits.includes(unit.unitId) ? p.contribution.reviewKeys : []),
    ].filter((k) => wanted.has(k));
    for (const k of hits) push({ source: 'evaluation', id: e.id, subjectKind: e.subjectKind, unitCode: codeOf(e.unitId), row: wanted.get(k) ?? key.row, count: 1 });
  }
  for (const t of await loadCycleTopics(db, cycle)) {
    if (!tree.chain(t.unitId).includes(unit.unitId)) continue;
    for (const c of topicCells(t.subjectKind, t.managedBy, cycle.ruleSet)) {
      const row = wanted.get(cellKey(c));
      if (row) push({ source: 'topic', id: t.id, subjectKind: t.subjectKind, unitCode: codeOf(t.unitId), row, count: 1 });
    }
  }
  for (const v of await listEnteredValues(db, { cycleId: cycle.id, unitIds: [...subtree] })) {
    const row = wanted.get(cellKey(v));
    if (row && tree.chain(v.unitId).includes(unit.unitId)) push({ source: 'entered', id: null, subjectKind: null, unitCode: codeOf(v.unitId), row, count: v.value });
  }
  await labelEntries(db, entries, cycle.referenceDate);
  const stored = await readUnitCounts(db, { cycleId: cycle.id, unitId: unit.unitId, form });
  const value = rows.reduce((n, r) => n + (stored.get(cellKey({ form, row: r, col: key.col })) ?? 0), 0);
  return { unitCode: unit.code, year: cycle.year, form, row: key.row, col: key.col, value, entries };
}

/**
 * The tree the traced evaluations are placed in: the subtree and its ancestors, plus the chains of
 * any unit an evaluation names outside them (a deciding unit elsewhere), so each is placed exactly
 * as the full recomputation places it.
 */
async function treeFor(db: Db, units: RollupUnit[], evaluations: readonly RollupEvaluation[], date: string): Promise<UnitIndex> {
  const known = new Set(units.map((u) => u.id));
  const named = evaluations.flatMap((e) => [e.unitId, e.decidingUnitId, e.subjectKind === 'unit' ? e.subjectId : null]);
  const missing = [...new Set(named)].filter((id): id is string => id !== null && !known.has(id));
  if (missing.length === 0) return new UnitIndex(units);
  const extra = await loadAncestorsOn(db, missing, date);
  const more = [...extra.ids()].filter((id) => !known.has(id)).map((id) => extra.get(id) as RollupUnit);
  return new UnitIndex([...units, ...more]);
}

/** Adds each evaluation's or topic's subject key and name. */
async function labelEntries(db: Db, entries: TraceEntry[], date: string): Promise<void> {
  const labels = await listSubjectLabels(db, [...new Set(entries.filter((e) => e.source === 'evaluation').map((e) => e.id ?? ''))], [...new Set(entries.filter((e) => e.source === 'topic').map((e) => e.id ?? ''))], date);
  for (const e of entries) {
    const l = e.id ? labels.get(e.id) : undefined;
    if (l) Object.assign(e, { subjectRef: l.ref, name: l.name });
  }
}
