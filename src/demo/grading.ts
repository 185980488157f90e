/**
 * Helpers the demo generators share: spread a fixed count of grades over subjects by rank, and build
 * an evaluation with its history the way the product writes one (a `create` entry per field given,
 * src/domain/model/evaluations.ts), so demo rows look like rows users made.
 */
import type { Eligibility, Grade, KhtReason, SubjectKind } from '../domain/codes.js';
import { creationChanges, type EvaluationState } from '../domain/model/evaluations.js';
import type { DatasetEvaluation, DatasetHistoryEntry } from './dataset.js';
import { GRADE_ORDER, type GradeCounts } from './tam-duong-plan.js';

/** Quality of a grade as a number, for ranking (HTXS best). */
export const GRADE_QUALITY: Record<Grade, number> = { HTXS: 1, HTT: 0.5, HT: 0, KHT: -0.5 };

/**
 * Gives exactly `counts` grades to `items`: the highest scores get HTXS, then HTT, HT, KHT. Throws
 * when the counts do not add up to the number of items (the seed's totals must hold exactly).
 */
export function gradeByRank<T>(items: readonly T[], counts: GradeCounts, score: (item: T) => number): Map<T, Grade> {
  const total = counts.reduce((s, n) => s + n, 0);
  if (total !== items.length) throw new Error(`grade counts ${counts.join('/')} do not fit ${items.length} subjects`);
  const ranked = items.map((item) => ({ item, s: score(item) })).sort((a, b) => b.s - a.s);
  const out = new Map<T, Grade>();
  let i = 0;
  counts.forEach((n, g) => {
    for (let k = 0; k < n; k++) out.set((ranked[i++] as { item: T }).item, GRADE_ORDER[g] as Grade);
  });
  return out;
}

export interface EvaluationSpec {
  id: string;
  cycleId: string;
  subjectKind: SubjectKind;
  subjectId: string;
  unitId: string;
  decidingUnitId: string | null;
  eligibility: Eligibility;
  eligibilityReason?: string | null;
  reviewed: boolean | null;
  selfGrade?: Grade | null;
  proposedGrade?: Grade | null;
  decidedGrade?: Grade | null;
  khtReasons?: KhtReason[];
  note?: string | null;
  /** When the evaluation was entered (ISO instant). */
  at: string;
  actor: string;
}

/** A new evaluation at version 1 with its `create` history (one entry per field given). */
export function buildEvaluation(spec: EvaluationSpec, newId: () => string): DatasetEvaluation {
  const state: EvaluationState = {
    eligibility: spec.eligibility,
    eligibilityReason: spec.eligibilityReason ?? null,
    reviewed: spec.reviewed,
    selfGrade: spec.selfGrade ?? null,
    proposedGrade: spec.proposedGrade ?? null,
    decidedGrade: spec.decidedGrade ?? null,
    decidingUnitId: spec.decidingUnitId,
    khtReasons: spec.khtReasons ?? [],
    scoreX100: null,
    note: spec.note ?? null,
  };
  const history: DatasetHistoryEntry[] = creationChanges(state).map((c) => ({
    id: newId(),
    at: spec.at,
    actor: spec.actor,
    action: 'create',
    field: c.field,
    oldValue: c.oldValue,
    newValue: c.newValue,
    reason: null,
  }));
  return {
    id: spec.id,
    cycleId: spec.cycleId,
    subjectKind: spec.subjectKind,
    subjectId: spec.subjectId,
    unitId: spec.unitId,
    ...state,
    version: 1,
    createdAt: spec.at,
    updatedAt: spec.at,
    history,
  };
}

/** Records a re-grade after the decision (GUIDE.md §4.8): new decided grade, version + 1, a `regrade` entry. */
export function applyRegrade(
  e: DatasetEvaluation,
  change: { grade: Grade; reason: string; actor: string; at: string },
  newId: () => string,
): void {
  e.history.push({
    id: newId(),
    at: change.at,
    actor: change.actor,
    action: 'regrade',
    field: 'decidedGrade',
    oldValue: e.decidedGrade,
    newValue: change.grade,
    reason: change.reason,
  });
  e.decidedGrade = change.grade;
  e.version += 1;
  e.updatedAt = change.at;
}
