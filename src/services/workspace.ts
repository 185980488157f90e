/**
 * A unit's workspace in a cycle (issue #9 item 3): every subject a clerk or a committee grades
 * there — the unit itself, its sub-units, its members (a cell), its leadership collectives and its
 * leaders — each with its evaluation (version, eligibility and reason, self-assessed, proposed and
 * decided grades, KHT reasons, stage), the facts the rules read (the person's dated events, the
 * evaluation's stored facts) and the names a person recognises. The page fills its grid from this
 * one read, then changes each row through the workflow routes with the row's version.
 */
import { type Grade, type KhtReason, type SubjectKind, UNIT_KIND_LABELS, type UnitKind } from '../domain/codes.js';
import type { Cycle } from '../domain/model/cycles.js';
import { type Evaluation, khtReasonsFor } from '../domain/model/evaluations.js';
import { compareByGivenName, type PersonEvent } from '../domain/model/people.js';
import { emptyFacts, type SubjectFacts } from '../domain/workflow/facts.js';
import type { SubjectFact } from '../domain/workflow/fact-catalogue.js';
import { derivedStage, type Stage } from '../domain/workflow/stages.js';
import type { Db } from '../db/create-db.js';
import { listCollectivesAt } from '../db/queries/collectives.js';
import { getCycle } from '../db/queries/cycles.js';
import { listEvaluations } from '../db/queries/evaluations.js';
import { listSubjectFactsOf } from '../db/queries/subject-facts.js';
import { listMembersAt } from '../db/queries/persons.js';
import { listPositionsAt } from '../db/queries/positions.js';
import { getUnitAt, listChildrenAt } from '../db/queries/units.js';
import { listEventsByCard, listFactsOf, listStages } from '../db/queries/workspace.js';
import { unitChainAt } from '../db/queries/workflow.js';
import { type ChainUnit, decidingBody, type DecidingInput } from '../domain/workflow/authority.js';

/** A subject's evaluation as the grid edits it. */
export interface RowEvaluation {
  id: string;
  version: number;
  eligibility: Evaluation['eligibility'];
  eligibilityReason: string | null;
  reviewed: boolean | null;
  selfGrade: Grade | null;
  proposedGrade: Grade | null;
  decidedGrade: Grade | null;
  decidingUnitCode: string | null;
  khtReasons: KhtReason[];
  score: number | null;
  note: string | null;
  stage: Stage;
  updatedAt: string;
}

/** One subject of the workspace. */
export interface WorkspaceRow {
  kind: SubjectKind;
  /** Unit code, party card number, collective code or position id. */
  ref: string;
  name: string;
  /** What tells two subjects apart: the card number, a position's title, a collective's or unit's kind. */
  detail: string;
  /** The person behind a member or a leader (events are theirs). */
  cardNumber: string | null;
  evaluation: RowEvaluation | null;
  events: PersonEvent[];
  facts: SubjectFacts;
  /** The evaluation's stored facts the rules read (criterion Kém, targets, score parts, …) with their documents. */
  subjectFacts: SubjectFact[];
  /** Who decides this subject's grade (GUIDE.md §4.7): the unit that records the decision, null outside the tree. */
  authority: { unitCode: string | null; unitName: string | null; text: string };
}

export interface WorkspaceView {
  cycle: Pick<Cycle, 'year' | 'period' | 'ruleSet' | 'referenceDate' | 'title' | 'version'>;
  unit: { code: string; name: string; kind: UnitKind; parentCode: string | null; path: { code: string; name: string }[] };
  rows: WorkspaceRow[];
  /** KHT reasons a subject kind may carry (FORMS.md §2: DV for persons, TT for organisations). */
  khtReasons: Record<SubjectKind, readonly KhtReason[]>;
}

function rowEvaluation(e: Evaluation, stage: Stage | undefined): RowEvaluation {
  const { id, version, eligibility, eligibilityReason, reviewed, selfGrade, proposedGrade, decidedGrade, decidingUnitCode, khtReasons, score, note, updatedAt } = e;
  return { id, version, eligibility, eligibilityReason, reviewed, selfGrade, proposedGrade, decidedGrade, decidingUnitCode, khtReasons, score, note, stage: stage ?? derivedStage(e), updatedAt };
}

/** The path from the top to the unit, with names as they stood on the date. */
async function pathOf(db: Db, codes: readonly string[], date: string): Promise<{ code: string; name: string }[]> {
  return Promise.all(codes.map(async (code) => ({ code, name: (await getUnitAt(db, code, date)).name })));
}

/** The units named as positions' deciding bodies, as chain units on `date` (null where none is named). */
async function positionDecidingUnits(db: Db, codes: readonly (string | null)[], date: string): Promise<(ChainUnit | null)[]> {
  return Promise.all(codes.map(async (code) => (code ? ((await unitChainAt(db, (await getUnitAt(db, code, date)).unitId, date))[0] ?? null) : null)));
}

/** The workspace of `unitCode` in a cycle; UnitNotFound when the unit did not exist on the reference date. */
export async function loadWorkspace(db: Db, input: { unitCode: string; cycleYear: number; period?: string | undefined }): Promise<WorkspaceView> {
  const cycle = await getCycle(db, { year: input.cycleYear, period: input.period });
  const date = cycle.referenceDate;
  const unit = await getUnitAt(db, input.unitCode, date);
  const [children, members, collectives, positions] = await Promise.all([
    listChildrenAt(db, unit.code, date),
    listMembersAt(db, unit.code, date),
    listCollectivesAt(db, unit.code, date),
    listPositionsAt(db, unit.code, date),
  ]);
  const childIds = new Set(children.map((c) => c.unitId));
  const evaluations = (await listEvaluations(db, { cycleId: cycle.id, unitIds: [unit.unitId, ...childIds] })).filter((e) => e.unitId === unit.unitId || e.subjectKind === 'unit');
  const bySubject = new Map(evaluations.map((e) => [`${e.subjectKind}:${e.subjectRef}`, e]));
  const [stages, facts, subjectFacts, events] = await Promise.all([
    listStages(db, evaluations.map((e) => e.id)),
    listFactsOf(db, evaluations.map((e) => e.id)),
    listSubjectFactsOf(db, evaluations.map((e) => e.id)),
    listEventsByCard(db, [...members.map((m) => m.person.cardNumber), ...positions.map((p) => p.cardNumber)]),
  ]);
  const chain = await unitChainAt(db, unit.unitId, date);
  const deciding = await positionDecidingUnits(db, positions.map((p) => p.decidingUnitCode), date);
  const authority = (input: Omit<DecidingInput, 'ruleSet'>) => {
    const body = decidingBody({ ...input, ruleSet: cycle.ruleSet });
    return { unitCode: body.unit?.code ?? null, unitName: body.unit?.name ?? null, text: body.text };
  };
  const row = (kind: SubjectKind, ref: string, name: string, detail: string, cardNumber: string | null, who: WorkspaceRow['authority']): WorkspaceRow => {
    const e = bySubject.get(`${kind}:${ref}`);
    return { kind, ref, name, detail, cardNumber, evaluation: e ? rowEvaluation(e, stages.get(e.id)) : null, events: cardNumber ? (events.get(cardNumber) ?? []) : [], facts: (e && facts.get(e.id)) || emptyFacts(), subjectFacts: (e && subjectFacts.get(e.id)) || [], authority: who };
  };
  const childChain = (c: (typeof children)[number]): ChainUnit[] => [{ id: c.unitId, code: c.code, name: c.name, kind: c.kind }, ...chain];
  const rows = [
    row('unit', unit.code, unit.name, UNIT_KIND_LABELS[unit.kind], null, authority({ subjectKind: 'unit', chain })),
    ...children.map((c) => row('unit', c.code, c.name, UNIT_KIND_LABELS[c.kind], null, authority({ subjectKind: 'unit', chain: childChain(c) }))),
    ...[...members].sort((a, b) => compareByGivenName(a.person.fullName, b.person.fullName)).map((m) => row('member', m.person.cardNumber, m.person.fullName, m.person.cardNumber, m.person.cardNumber, authority({ subjectKind: 'member', chain }))),
    ...collectives.map((c) => row('collective', c.code, c.name, c.code, null, authority({ subjectKind: 'collective', chain, collectiveKind: c.kind }))),
    ...positions.map((p, i) => row('position', p.id, p.fullName, p.title, p.cardNumber, authority({ subjectKind: 'position', chain, positionGroup: p.positionGroup, positionDecidingUnit: deciding[i] ?? null }))),
  ];
  const { year, period, ruleSet, referenceDate, title, version } = cycle;
  return {
    cycle: { year, period, ruleSet, referenceDate, title, version },
    unit: { code: unit.code, name: unit.name, kind: unit.kind, parentCode: unit.parentCode, path: await pathOf(db, unit.path, date) },
    rows,
    khtReasons: { member: khtReasonsFor('member'), position: khtReasonsFor('position'), collective: khtReasonsFor('collective'), unit: khtReasonsFor('unit') },
  };
}
