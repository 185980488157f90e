/**
 * What a subject's page shows besides the evaluation, its history and its workflow (issue #9 item
 * 4): who the subject is (name, card number, title, kind), where it sits in the tree, and the dated
 * events of the person behind it.
 */
import type { SubjectKind } from '../domain/codes.js';
import type { PersonEvent } from '../domain/model/people.js';
import type { SubjectFacts } from '../domain/workflow/facts.js';
import type { Db } from '../db/create-db.js';
import { getCycleById } from '../db/queries/cycles.js';
import { getEvaluationFacts } from '../db/queries/evaluation-facts.js';
import { getEvaluation } from '../db/queries/evaluations.js';
import { listPersonEvents } from '../db/queries/persons.js';
import { getUnitAt } from '../db/queries/units.js';
import { getSubjectInfo } from '../db/queries/workflow.js';
import { listEvaluationHistory } from '../db/queries/evaluation-history.js';
import { unitCodeOf } from '../db/queries/scope.js';

export interface SubjectView {
  kind: SubjectKind;
  ref: string;
  label: string;
  cardNumber: string | null;
  cycle: { year: number; period: string; ruleSet: string; referenceDate: string };
  unit: { code: string; name: string; path: { code: string; name: string }[] };
  events: PersonEvent[];
  facts: SubjectFacts;
  /** Codes of the units the history names by id (the deciding unit), to show them as people read them. */
  unitCodes: Record<string, string>;
}

/** The subject of an evaluation, its place in the tree on the cycle's reference date, and its person's events. */
export async function loadSubjectView(db: Db, evaluationId: string): Promise<SubjectView> {
  const e = await getEvaluation(db, evaluationId);
  const cycle = await getCycleById(db, e.cycleId);
  const info = await getSubjectInfo(db, e);
  const unit = await getUnitAt(db, e.unitCode, cycle.referenceDate);
  const path = await Promise.all(unit.path.map(async (code) => ({ code, name: (await getUnitAt(db, code, cycle.referenceDate)).name })));
  const label = e.subjectKind === 'unit' ? unit.name : info.label;
  const ids = new Set((await listEvaluationHistory(db, evaluationId)).filter((h) => h.field === 'decidingUnitId').flatMap((h) => [h.oldValue, h.newValue]).filter((v): v is string => v !== null));
  const unitCodes = Object.fromEntries(await Promise.all([...ids].map(async (id) => [id, await unitCodeOf(db, id)] as const)));
  return {
    kind: e.subjectKind,
    ref: e.subjectRef,
    label,
    cardNumber: info.cardNumber ?? null,
    cycle: { year: cycle.year, period: cycle.period, ruleSet: cycle.ruleSet, referenceDate: cycle.referenceDate },
    unit: { code: unit.code, name: unit.name, path },
    events: info.cardNumber ? await listPersonEvents(db, info.cardNumber) : [],
    facts: await getEvaluationFacts(db, evaluationId),
    unitCodes,
  };
}
