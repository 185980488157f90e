/**
 * What a subject's page shows besides the evaluation, its history and its workflow (issue #9 item
 * 4): who the subject is (name, card number, title, kind), where it sits in the tree, and the dated
 * events of the person behind it, the subject's stored facts and a collective's members (issue 8).
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
import { type CollectiveMember, listCollectiveMembers } from '../db/queries/collective-members.js';
import { listSubjectFacts } from '../db/queries/subject-facts.js';
import type { SubjectFact } from '../domain/workflow/fact-catalogue.js';

/** The seats of a collective that touch the cycle's period (1 January to the reference date). */
async function membersInPeriod(db: Db, code: string, cycle: { year: number; referenceDate: string }): Promise<CollectiveMember[]> {
  const from = `${cycle.year}-01-01`;
  return (await listCollectiveMembers(db, code)).filter((m) => m.validFrom <= cycle.referenceDate && (m.validTo === null || m.validTo > from));
}

export interface SubjectView {
  kind: SubjectKind;
  ref: string;
  label: string;
  cardNumber: string | null;
  cycle: { year: number; period: string; ruleSet: string; referenceDate: string };
  unit: { code: string; name: string; path: { code: string; name: string }[] };
  events: PersonEvent[];
  facts: SubjectFacts;
  /** The stored facts of the subject (criterion Kém, targets, disunity, …) with who entered them and their documents. */
  subjectFacts: SubjectFact[];
  /** A collective's members in the cycle's period (the positions seated on it), else empty. */
  collectiveMembers: CollectiveMember[];
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
    subjectFacts: await listSubjectFacts(db, evaluationId),
    collectiveMembers: e.subjectKind === 'collective' ? await membersInPeriod(db, e.subjectRef, cycle) : [],
    unitCodes,
  };
}
