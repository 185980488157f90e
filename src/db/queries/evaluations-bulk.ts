/**
 * Creating many evaluations at once (the eligibility of a whole imported district): the same state
 * and history as one createEvaluation each (src/db/queries/evaluations.ts), written in bulk, then
 * the cycle's stored form counts recomputed once, as a bulk load does, instead of 100,000 deltas.
 */
import type { Insertable } from 'kysely';
import type { SubjectKind } from '../../domain/codes.js';
import type { Cycle } from '../../domain/model/cycles.js';
import { applyEvaluationPatch, creationChanges, emptyEvaluationState, type EvaluationPatch } from '../../domain/model/evaluations.js';
import { type Db, sqliteHandleOf } from '../create-db.js';
import type { Database } from '../schema.js';
import { newId, nowIso } from '../ids.js';
import { insertRows } from './bulk-insert.js';
import { inTransaction } from './common.js';
import { rebuildFormCounts } from './form-counts-sync.js';

/** One evaluation to create: its subject (resolved) and its fields. */
export interface NewEvaluation {
  subjectKind: SubjectKind;
  subjectId: string;
  unitId: string;
  fields: EvaluationPatch;
}

/** Creates the evaluations with their creation history (action `create`) and rebuilds the cycle's counts; returns how many. */
export async function createEvaluationsInBulk(db: Db, input: { cycle: Cycle; items: readonly NewEvaluation[]; actor: string; reason: string | null }): Promise<number> {
  if (input.items.length === 0) return 0;
  const at = nowIso();
  const rows: Insertable<Database['evaluations']>[] = [];
  const history: Insertable<Database['evaluation_history']>[] = [];
  for (const item of input.items) {
    const s = applyEvaluationPatch(emptyEvaluationState(), item.fields, { subjectKind: item.subjectKind, ruleSet: input.cycle.ruleSet });
    const id = newId();
    rows.push({
      id,
      cycle_id: input.cycle.id,
      subject_kind: item.subjectKind,
      subject_id: item.subjectId,
      unit_id: item.unitId,
      eligibility: s.eligibility,
      eligibility_reason: s.eligibilityReason,
      reviewed: s.reviewed === null ? null : s.reviewed ? 1 : 0,
      self_grade: s.selfGrade,
      proposed_grade: s.proposedGrade,
      decided_grade: s.decidedGrade,
      deciding_unit_id: s.decidingUnitId,
      kht_reasons: JSON.stringify(s.khtReasons),
      score_x100: s.scoreX100,
      note: s.note,
      version: 1,
      created_at: at,
      updated_at: at,
    });
    for (const c of creationChanges(s)) {
      history.push({ id: newId(), evaluation_id: id, at, actor: input.actor, action: 'create', field: c.field, old_value: c.oldValue, new_value: c.newValue, reason: input.reason });
    }
  }
  const sqlite = sqliteHandleOf(db);
  return inTransaction(db, async (trx) => {
    await insertRows(trx, 'evaluations', rows, { sqlite });
    await insertRows(trx, 'evaluation_history', history, { sqlite });
    await rebuildFormCounts(trx, { cycleIds: [input.cycle.id] });
    return rows.length;
  });
}
