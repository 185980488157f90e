/**
 * The grading workflow's own rows (stages, stage events, opinions of related bodies, justifications)
 * and the reads the workflow needs around an evaluation: the chain of units above its subject, the
 * subject's collective kind or position, dated events, grade counts in a cap scope, and the subjects
 * to be decided before it (QĐ 366 Điều 12 khoản 2). Evaluations themselves are written only by
 * evaluations.ts.
 */
import { type Selectable, sql } from 'kysely';
import type { CollectiveKind, Eligibility, Grade, Level, PositionGroup, SubjectKind, UnitKind } from '../../domain/codes.js';
import { addDays } from '../../domain/calendar/iso-date.js';
import type { DatedEvent, GradeCounts } from '../../domain/rules/types.js';
import type { ChainUnit } from '../../domain/workflow/authority.js';
import type { Prerequisite } from '../../domain/workflow/order-rules.js';
import type { Stage, WorkflowAction } from '../../domain/workflow/stages.js';
import type { Db } from '../create-db.js';
import type { PersonEventTable } from '../schema.js';
import { newId } from '../ids.js';
import { withSubtree } from './units.js';
import { validOn } from './common.js';

/** The units from `unitId` up to the top on `date`, nearest first. */
export async function unitChainAt(db: Db, unitId: string, date: string): Promise<ChainUnit[]> {
  const rows = await db
    .withRecursive('up(unit_id, parent_id, name, kind, depth)', (qb) =>
      qb
        .selectFrom('org_unit_versions as v')
        .select(['v.unit_id', 'v.parent_id', 'v.name', 'v.kind', sql<number>`0`.as('depth')])
        .where('v.unit_id', '=', unitId)
        .where(validOn('v', date))
        .unionAll((eb) =>
          eb
            .selectFrom('org_unit_versions as v')
            .innerJoin('up', 'up.parent_id', 'v.unit_id')
            .select(['v.unit_id', 'v.parent_id', 'v.name', 'v.kind', sql<number>`up.depth + 1`.as('depth')])
            .where(validOn('v', date))
            .where('up.depth', '<', 64),
        ),
    )
    .selectFrom('up')
    .innerJoin('org_units as u', 'u.id', 'up.unit_id')
    .select(['up.unit_id', 'u.code', 'up.name', 'up.kind', 'up.depth'])
    .orderBy('up.depth')
    .execute();
  return rows.map((r) => ({ id: r.unit_id, code: r.code, name: r.name, kind: r.kind as UnitKind }));
}

/** What the workflow reads about a subject besides its evaluation. */
export interface SubjectInfo {
  label: string;
  personId: string | null;
  /** The party card of the person behind a member or leader. */
  cardNumber?: string;
  collectiveKind?: CollectiveKind;
  level?: Level;
  positionGroup?: PositionGroup;
  positionDecidingUnitId?: string | null;
}

/** The subject of an evaluation: its label and what decides its authority and cap group. */
export async function getSubjectInfo(db: Db, e: { subjectKind: SubjectKind; subjectId: string }): Promise<SubjectInfo> {
  if (e.subjectKind === 'member') {
    const p = await db.selectFrom('persons').select(['full_name', 'card_number']).where('id', '=', e.subjectId).executeTakeFirstOrThrow();
    return { label: `${p.full_name} (${p.card_number})`, personId: e.subjectId, cardNumber: p.card_number };
  }
  if (e.subjectKind === 'collective') {
    const c = await db.selectFrom('collectives').select(['name', 'kind', 'level']).where('id', '=', e.subjectId).executeTakeFirstOrThrow();
    return { label: c.name, personId: null, collectiveKind: c.kind as CollectiveKind, level: c.level as Level };
  }
  if (e.subjectKind === 'position') {
    const p = await db
      .selectFrom('positions as p')
      .innerJoin('persons as s', 's.id', 'p.person_id')
      .select(['p.title', 'p.position_group', 'p.deciding_unit_id', 'p.person_id', 's.full_name', 's.card_number'])
      .where('p.id', '=', e.subjectId)
      .executeTakeFirstOrThrow();
    return { label: `${p.title}: ${p.full_name}`, personId: p.person_id, cardNumber: p.card_number, positionGroup: p.position_group as PositionGroup, positionDecidingUnitId: p.deciding_unit_id };
  }
  const u = await db.selectFrom('org_units').select('code').where('id', '=', e.subjectId).executeTakeFirstOrThrow();
  return { label: u.code, personId: null };
}

/** A person's events as dated facts (ends_on is the first day no longer covered; `to` is inclusive). */
export async function listDatedEvents(db: Db, personId: string): Promise<DatedEvent[]> {
  const rows = await db.selectFrom('person_events').selectAll().where('person_id', '=', personId).orderBy('starts_on').execute();
  return rows.map(datedEventOf);
}

/**
 * A stored person event as the rules' dated fact: the end is exclusive in storage, inclusive here; a
 * discipline carries its duty-related and self-remedied flags and the violation's year when recorded.
 */
export function datedEventOf(r: Selectable<PersonEventTable>): DatedEvent {
  const flag = (v: number | null) => (v === null ? undefined : Number(v) === 1);
  const dutyRelated = flag(r.duty_related);
  const selfDetectedRemedied = flag(r.self_detected_remedied);
  return {
    kind: r.kind as DatedEvent['kind'],
    from: r.starts_on,
    to: r.ends_on === null ? null : addDays(r.ends_on, -1),
    ...(r.level ? { level: r.level as NonNullable<DatedEvent['level']> } : {}),
    ...(dutyRelated !== undefined ? { dutyRelated } : {}),
    ...(selfDetectedRemedied !== undefined ? { selfDetectedRemedied } : {}),
    ...(r.violation_year !== null ? { violationYear: Number(r.violation_year) } : {}),
  };
}

const effective = sql<string | null>`coalesce(e.decided_grade, e.proposed_grade, e.self_grade)`;

/** The evaluations a grade count covers: a cycle's subjects of one kind, optionally in units, of a collective kind and level, of a position group. */
export interface GradeCountScope {
  cycleId: string;
  subjectKind: SubjectKind;
  unitIds?: string[];
  collective?: { kind: string; level: string };
  positionGroup?: string;
  excludeId?: string;
}

/**
 * Grade counts of graded evaluations matching a scope, one excluded: decided grades only with
 * `decidedOnly` (the HTXS cap counts decisions, rules-audit.md F2), else the current grade (decided,
 * else proposed, else self-assessed).
 */
export async function gradeCounts(db: Db, scope: GradeCountScope & { decidedOnly?: boolean }): Promise<GradeCounts> {
  const grade = scope.decidedOnly ? sql<string | null>`e.decided_grade` : effective;
  let q = db
    .selectFrom('evaluations as e')
    .select([grade.as('grade'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('e.cycle_id', '=', scope.cycleId)
    .where('e.subject_kind', '=', scope.subjectKind)
    .where('e.eligibility', 'in', ['eligible', 'pending']);
  if (scope.unitIds) q = q.where('e.unit_id', 'in', scope.unitIds.length > 0 ? scope.unitIds : ['']);
  if (scope.excludeId) q = q.where('e.id', '<>', scope.excludeId);
  if (scope.collective) {
    const { kind, level } = scope.collective;
    q = q.where('e.subject_id', 'in', (eb) => eb.selectFrom('collectives').select('id').where('kind', '=', kind).where('level', '=', level));
  }
  if (scope.positionGroup) {
    const group = scope.positionGroup;
    q = q.where('e.subject_id', 'in', (eb) => eb.selectFrom('positions').select('id').where('position_group', '=', group));
  }
  const rows = await q.groupBy(grade).execute();
  const counts: GradeCounts = { HTXS: 0, HTT: 0, HT: 0, KHT: 0 };
  for (const r of rows) if (r.grade && r.grade in counts) counts[r.grade as Grade] += Number(r.n);
  return counts;
}

/** The unit and all units below it on `date`, with their kind and depth below the root. */
export async function subtreeUnits(db: Db, rootId: string, date: string): Promise<{ id: string; kind: UnitKind; depth: number }[]> {
  const rows = await withSubtree(db, { rootId, date })
    .selectFrom('tree as t')
    .innerJoin('org_unit_versions as v', 'v.id', 't.version_id')
    .select(['t.unit_id', 'v.kind', 't.depth'])
    .execute();
  return rows.map((r) => ({ id: r.unit_id, kind: r.kind as UnitKind, depth: Number(r.depth) }));
}

type PrereqRow = { label: string; eligibility: string | null; decided_grade: string | null };
const toPrereq = (r: PrereqRow): Prerequisite => ({ label: r.label, eligibility: (r.eligibility ?? 'eligible') as Eligibility, decided: r.decided_grade !== null });

/** Direct sub-units on `date` and their evaluations in the cycle (no evaluation = due, undecided). */
export async function subUnitPrerequisites(db: Db, input: { cycleId: string; unitId: string; date: string }): Promise<Prerequisite[]> {
  const rows = await withSubtree(db, { rootId: input.unitId, date: input.date, maxDepth: 1 })
    .selectFrom('tree as t')
    .innerJoin('org_units as u', 'u.id', 't.unit_id')
    .leftJoin('evaluations as e', (j) => j.onRef('e.subject_id', '=', 't.unit_id').on('e.subject_kind', '=', 'unit').on('e.cycle_id', '=', input.cycleId))
    .select(['u.code as label', 'e.eligibility', 'e.decided_grade'])
    .where('t.depth', '=', 1)
    .orderBy('u.code')
    .execute();
  return rows.map(toPrereq);
}

/** Members of a cell on `date` and their evaluations. */
export async function memberPrerequisites(db: Db, input: { cycleId: string; unitId: string; date: string }): Promise<Prerequisite[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .leftJoin('evaluations as e', (j) => j.onRef('e.subject_id', '=', 'm.person_id').on('e.subject_kind', '=', 'member').on('e.cycle_id', '=', input.cycleId))
    .select([sql<string>`p.full_name || ' (' || p.card_number || ')'`.as('label'), 'e.eligibility', 'e.decided_grade'])
    .where('m.unit_id', '=', input.unitId)
    .where(validOn('m', input.date))
    .orderBy('p.card_number')
    .execute();
  return rows.map(toPrereq);
}

/** Collectives of the given units on `date`, optionally of some kinds, with their evaluations. */
export async function collectivePrerequisites(
  db: Db,
  input: { cycleId: string; unitIds: string[]; date: string; kinds?: readonly string[]; excludeKinds?: readonly string[] },
): Promise<Prerequisite[]> {
  if (input.unitIds.length === 0) return [];
  let q = db
    .selectFrom('collectives as c')
    .leftJoin('evaluations as e', (j) => j.onRef('e.subject_id', '=', 'c.id').on('e.subject_kind', '=', 'collective').on('e.cycle_id', '=', input.cycleId))
    .select(['c.name as label', 'e.eligibility', 'e.decided_grade'])
    .where('c.unit_id', 'in', input.unitIds)
    .where(validOn('c', input.date));
  if (input.kinds) q = q.where('c.kind', 'in', [...input.kinds]);
  if (input.excludeKinds) q = q.where('c.kind', 'not in', [...input.excludeKinds]);
  return (await q.orderBy('c.code').execute()).map(toPrereq);
}

/** The tracked stage of an evaluation, or undefined when the workflow has not tracked it. */
export async function getStage(db: Db, evaluationId: string): Promise<Stage | undefined> {
  const row = await db.selectFrom('evaluation_stages').select('stage').where('evaluation_id', '=', evaluationId).executeTakeFirst();
  return row?.stage as Stage | undefined;
}

export interface StageEventInput {
  evaluationId: string;
  action: WorkflowAction;
  from: Stage;
  to: Stage;
  unitId: string | null;
  grade: Grade | null;
  comment: string | null;
  at: string;
  actor: string;
}

/** Records a step and moves the evaluation's stage. */
export async function recordStage(db: Db, ev: StageEventInput): Promise<void> {
  const exists = await db.selectFrom('evaluation_stages').select('evaluation_id').where('evaluation_id', '=', ev.evaluationId).executeTakeFirst();
  if (exists) await db.updateTable('evaluation_stages').set({ stage: ev.to, updated_at: ev.at }).where('evaluation_id', '=', ev.evaluationId).execute();
  else await db.insertInto('evaluation_stages').values({ evaluation_id: ev.evaluationId, stage: ev.to, updated_at: ev.at }).execute();
  await db
    .insertInto('evaluation_stage_events')
    .values({ id: newId(), evaluation_id: ev.evaluationId, action: ev.action, from_stage: ev.from, to_stage: ev.to, unit_id: ev.unitId, grade: ev.grade, comment: ev.comment, at: ev.at, actor: ev.actor })
    .execute();
}

/** The workflow steps of an evaluation, oldest first, with the acting unit's code. */
export async function listStageEvents(db: Db, evaluationId: string) {
  const rows = await db
    .selectFrom('evaluation_stage_events as s')
    .leftJoin('org_units as u', 'u.id', 's.unit_id')
    .select(['s.action', 's.from_stage', 's.to_stage', 'u.code as unit_code', 's.grade', 's.comment', 's.at', 's.actor'])
    .where('s.evaluation_id', '=', evaluationId)
    .orderBy('s.at')
    .orderBy('s.id')
    .execute();
  return rows.map((r) => ({ action: r.action, from: r.from_stage, to: r.to_stage, unitCode: r.unit_code, grade: r.grade, comment: r.comment, at: r.at, actor: r.actor }));
}

/** Records an opinion of a related body. */
export async function insertOpinion(
  db: Db,
  o: { evaluationId: string; bodyUnitId: string | null; bodyName: string; proposedGrade: Grade | null; comment: string; at: string; actor: string },
): Promise<void> {
  await db
    .insertInto('evaluation_opinions')
    .values({ id: newId(), evaluation_id: o.evaluationId, body_unit_id: o.bodyUnitId, body_name: o.bodyName, proposed_grade: o.proposedGrade, comment: o.comment, at: o.at, actor: o.actor })
    .execute();
}

/** Opinions of related bodies on an evaluation, oldest first. */
export async function listOpinions(db: Db, evaluationId: string) {
  const rows = await db
    .selectFrom('evaluation_opinions as o')
    .leftJoin('org_units as u', 'u.id', 'o.body_unit_id')
    .select(['u.code as unit_code', 'o.body_name', 'o.proposed_grade', 'o.comment', 'o.at', 'o.actor'])
    .where('o.evaluation_id', '=', evaluationId)
    .orderBy('o.at')
    .orderBy('o.id')
    .execute();
  return rows.map((r) => ({ bodyUnitCode: r.unit_code, bodyName: r.body_name, proposedGrade: r.proposed_grade, comment: r.comment, at: r.at, actor: r.actor }));
}

/** Stores the warnings acknowledged with their justification. */
export async function insertJustification(
  db: Db,
  j: { evaluationId: string; action: WorkflowAction; grade: Grade; warnings: unknown[]; text: string; at: string; actor: string },
): Promise<void> {
  await db
    .insertInto('decision_justifications')
    .values({ id: newId(), evaluation_id: j.evaluationId, action: j.action, grade: j.grade, warnings: JSON.stringify(j.warnings), text: j.text, at: j.at, actor: j.actor })
    .execute();
}

/** Justifications recorded on an evaluation, oldest first. */
export async function listJustifications(db: Db, evaluationId: string) {
  const rows = await db.selectFrom('decision_justifications').selectAll().where('evaluation_id', '=', evaluationId).orderBy('at').orderBy('id').execute();
  return rows.map((r) => ({ action: r.action, grade: r.grade, warnings: JSON.parse(r.warnings) as unknown[], text: r.text, at: r.at, actor: r.actor }));
}
