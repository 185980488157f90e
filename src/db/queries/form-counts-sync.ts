/**
 * Keeps the stored form counts in step with the data, inside the caller's transaction: the delta of
 * one evaluation write (its cells before, removed; after, added; at every unit they count at), of
 * one review topic, and the full recomputation that a bulk load, a tree change and `verify --fix`
 * use. The recomputation is the same code `verify` compares against.
 */
import type { EvaluationState } from '../../domain/model/evaluations.js';
import {
  addPlaced,
  addTopic,
  CycleCountsBuilder,
  cellKey,
  topicCells,
  countRows,
  placeEvaluation,
  type RollupEvaluation,
  type UnitCounts,
} from '../../domain/rollup/index.js';
import type { Db } from '../create-db.js';
import { applyCountDelta, type CountRow, listEnteredValues, replaceCycleCounts } from './form-counts.js';
import type { SqliteHandle } from './bulk-insert.js';
import { type CycleKey, listCycleKeys, loadAncestorsOn, loadCycleTopics, scanCycleEvaluations, loadEvaluationFacts, loadTreeOn } from './rollup-facts.js';

async function cycleOf(db: Db, cycleId: string): Promise<CycleKey> {
  const [cycle] = await listCycleKeys(db, { cycleIds: [cycleId] });
  if (!cycle) throw new Error(`cycle ${cycleId} vanished`);
  return cycle;
}

/** The evaluation as it was in `s` (the same fallback to the position's deciding unit as loadCycleEvaluations). */
function withState(e: RollupEvaluation, s: EvaluationState, positionDecidingUnitId: string | null): RollupEvaluation {
  const { eligibility, reviewed, decidedGrade, khtReasons } = s;
  return { ...e, eligibility, reviewed, decidedGrade, khtReasons, decidingUnitId: s.decidingUnitId ?? positionDecidingUnitId };
}

/**
 * Applies one evaluation write to the stored counts: `before` is the state it had (null when just
 * created), `after` the state written. Call it in the write's transaction, after the write.
 */
export async function applyEvaluationChange(
  db: Db,
  input: { evaluationId: string; before: EvaluationState | null; after: EvaluationState | null },
): Promise<void> {
  const facts = await loadEvaluationFacts(db, input.evaluationId);
  if (!facts) throw new Error(`evaluation ${input.evaluationId} vanished`);
  const { evaluation, positionDecidingUnitId: pos } = facts;
  const cycle = await cycleOf(db, facts.cycleId);
  const states = [input.before, input.after].filter((s): s is EvaluationState => s !== null);
  const deciding = [...states.map((s) => s.decidingUnitId), pos].filter((id): id is string => id !== null);
  const tree = await loadAncestorsOn(db, [evaluation.unitId, ...deciding], cycle.referenceDate);
  const delta: UnitCounts = new Map();
  if (input.before) addPlaced(delta, placeEvaluation(withState(evaluation, input.before, pos), tree, cycle.ruleSet), -1);
  if (input.after) addPlaced(delta, placeEvaluation(withState(evaluation, input.after, pos), tree, cycle.ruleSet), 1);
  await applyCountDelta(db, { cycleId: cycle.id, rows: countRows(delta) });
}

/** Adds (sign 1) or removes (sign −1) one review topic's KD cells; call it in the topic's transaction. */
export async function applyTopicChange(db: Db, input: { cycleId: string; topicId: string; sign: 1 | -1 }): Promise<void> {
  const cycle = await cycleOf(db, input.cycleId);
  const [topic] = await loadCycleTopics(db, cycle, input.topicId);
  if (!topic?.unitId) return;
  const tree = await loadAncestorsOn(db, [topic.unitId], cycle.referenceDate);
  const delta: UnitCounts = new Map();
  addTopic(delta, topic, tree, cycle.ruleSet, input.sign);
  await applyCountDelta(db, { cycleId: cycle.id, rows: countRows(delta) });
}

/**
 * Every unit's counts of a cycle recomputed from the evaluations, topics and entered values: one
 * streamed pass over the evaluations into the tree's tallies (CycleCountsBuilder), then the subtree
 * sums. `sqlite`: the handle of the connection (inside a transaction, the caller's).
 */
export async function recomputeCycleCounts(db: Db, cycle: CycleKey, options: { sqlite?: SqliteHandle | undefined } = {}): Promise<CycleCountsBuilder> {
  const builder = new CycleCountsBuilder(await loadTreeOn(db, cycle.referenceDate), cycle.ruleSet);
  await scanCycleEvaluations(db, cycle.id, (e) => builder.addEvaluation(e), options);
  for (const t of await loadCycleTopics(db, cycle)) {
    for (const c of topicCells(t.subjectKind, t.managedBy, cycle.ruleSet)) builder.addCell(t.unitId, cellKey(c), 1);
  }
  for (const v of await listEnteredValues(db, { cycleId: cycle.id })) builder.addCell(v.unitId, cellKey(v), v.value);
  return builder.finish();
}

function* builderRows(b: CycleCountsBuilder): Generator<CountRow> {
  for (const [unitId, m] of b.units()) for (const [key, value] of m) if (value !== 0) yield { unitId, key, value };
}

/** Recomputes and replaces the stored counts of the given cycles; returns the rows written per cycle. */
export async function rebuildFormCounts(
  db: Db,
  filter: { cycleIds?: readonly string[]; year?: number; referenceFrom?: string } = {},
  options: { sqlite?: SqliteHandle | undefined } = {},
): Promise<{ cycle: CycleKey; rows: number }[]> {
  const out: { cycle: CycleKey; rows: number }[] = [];
  for (const cycle of await listCycleKeys(db, filter)) {
    const counts = await recomputeCycleCounts(db, cycle, options);
    out.push({ cycle, rows: await replaceCycleCounts(db, { cycleId: cycle.id, rows: builderRows(counts) }, options) });
  }
  return out;
}
