/**
 * Grouped counts over one cycle, used to check a loaded data set against a report's totals (the demo
 * district against the seed's). Counts only, grouped in SQL; callers add them up. Every query works
 * on both engines (no casts, no JSON functions: KHT reasons are parsed here).
 */
import { sql } from 'kysely';
import type { Db } from '../create-db.js';

/** A grouped count. */
export interface Count<K> {
  key: K;
  n: number;
}

/** Unit versions valid on `date`, by kind and organisation type. */
export async function countUnitsByKind(db: Db, date: string): Promise<Count<{ kind: string; orgType: string | null }>[]> {
  const rows = await db
    .selectFrom('org_unit_versions')
    .select(['kind', 'org_type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .groupBy(['kind', 'org_type'])
    .execute();
  return rows.map((r) => ({ key: { kind: r.kind, orgType: r.org_type }, n: Number(r.n) }));
}

export interface EvaluationKey {
  /** Kind of the evaluation's unit (for members: their cell's kind). */
  unitKind: string;
  orgType: string | null;
  eligibility: string;
  reviewed: number | null;
  decided: string | null;
  proposed: string | null;
}

/**
 * Evaluations of one subject kind in a cycle, grouped by the kind and organisation type of their
 * unit (as of `date`), eligibility, review and grades.
 */
export async function countEvaluations(
  db: Db,
  options: { cycleId: string; subjectKind: string; date: string },
): Promise<Count<EvaluationKey>[]> {
  const rows = await db
    .selectFrom('evaluations as e')
    .innerJoin('org_unit_versions as v', 'v.unit_id', 'e.unit_id')
    .select(['v.kind', 'v.org_type', 'e.eligibility', 'e.reviewed', 'e.decided_grade', 'e.proposed_grade', (eb) => eb.fn.countAll<number>().as('n')])
    .where('e.cycle_id', '=', options.cycleId)
    .where('e.subject_kind', '=', options.subjectKind)
    .where('v.valid_from', '<=', options.date)
    .where((eb) => eb.or([eb('v.valid_to', 'is', null), eb('v.valid_to', '>', options.date)]))
    .groupBy(['v.kind', 'v.org_type', 'e.eligibility', 'e.reviewed', 'e.decided_grade', 'e.proposed_grade'])
    .execute();
  return rows.map((r) => ({
    key: {
      unitKind: r.kind,
      orgType: r.org_type,
      eligibility: r.eligibility,
      reviewed: r.reviewed === null ? null : Number(r.reviewed),
      decided: r.decided_grade,
      proposed: r.proposed_grade,
    },
    n: Number(r.n),
  }));
}

/** Member evaluations graded KHT, by organisation type, reason list and civil-servant flag. */
export async function countMemberKhtReasons(
  db: Db,
  options: { cycleId: string; date: string },
): Promise<Count<{ orgType: string | null; reasons: string[]; civilServant: boolean }>[]> {
  const rows = await db
    .selectFrom('evaluations as e')
    .innerJoin('persons as p', 'p.id', 'e.subject_id')
    .innerJoin('org_unit_versions as v', 'v.unit_id', 'e.unit_id')
    .select(['v.org_type', 'e.kht_reasons', 'p.is_civil_servant', (eb) => eb.fn.countAll<number>().as('n')])
    .where('e.cycle_id', '=', options.cycleId)
    .where('e.subject_kind', '=', 'member')
    .where('e.decided_grade', '=', 'KHT')
    .where('v.valid_from', '<=', options.date)
    .where((eb) => eb.or([eb('v.valid_to', 'is', null), eb('v.valid_to', '>', options.date)]))
    .groupBy(['v.org_type', 'e.kht_reasons', 'p.is_civil_servant'])
    .execute();
  return rows.map((r) => ({
    key: { orgType: r.org_type, reasons: JSON.parse(r.kht_reasons) as string[], civilServant: Number(r.is_civil_servant) === 1 },
    n: Number(r.n),
  }));
}

/** Collective evaluations by level, kind, eligibility, grade, KHT reasons and deciding unit code. */
export async function countCollectiveEvaluations(
  db: Db,
  cycleId: string,
): Promise<Count<{ level: string; kind: string; eligibility: string; decided: string | null; reasons: string; decidingUnit: string | null }>[]> {
  const rows = await db
    .selectFrom('evaluations as e')
    .innerJoin('collectives as c', 'c.id', 'e.subject_id')
    .leftJoin('org_units as d', 'd.id', 'e.deciding_unit_id')
    .select(['c.level', 'c.kind', 'e.eligibility', 'e.decided_grade', 'e.kht_reasons', 'd.code', (eb) => eb.fn.countAll<number>().as('n')])
    .where('e.cycle_id', '=', cycleId)
    .where('e.subject_kind', '=', 'collective')
    .groupBy(['c.level', 'c.kind', 'e.eligibility', 'e.decided_grade', 'e.kht_reasons', 'd.code'])
    .execute();
  return rows.map((r) => ({
    key: { level: r.level, kind: r.kind, eligibility: r.eligibility, decided: r.decided_grade, reasons: r.kht_reasons, decidingUnit: r.code },
    n: Number(r.n),
  }));
}

/** Position evaluations by position group, eligibility, proposed and decided grade. */
export async function countPositionEvaluations(
  db: Db,
  cycleId: string,
): Promise<Count<{ group: string; eligibility: string; proposed: string | null; decided: string | null }>[]> {
  const rows = await db
    .selectFrom('evaluations as e')
    .innerJoin('positions as p', 'p.id', 'e.subject_id')
    .select(['p.position_group', 'e.eligibility', 'e.proposed_grade', 'e.decided_grade', (eb) => eb.fn.countAll<number>().as('n')])
    .where('e.cycle_id', '=', cycleId)
    .where('e.subject_kind', '=', 'position')
    .groupBy(['p.position_group', 'e.eligibility', 'e.proposed_grade', 'e.decided_grade'])
    .execute();
  return rows.map((r) => ({
    key: { group: r.position_group, eligibility: r.eligibility, proposed: r.proposed_grade, decided: r.decided_grade },
    n: Number(r.n),
  }));
}

/** History rows of a cycle's evaluations by subject kind, action and field. */
export async function countHistory(db: Db, cycleId: string): Promise<Count<{ subjectKind: string; action: string; field: string }>[]> {
  const rows = await db
    .selectFrom('evaluation_history as h')
    .innerJoin('evaluations as e', 'e.id', 'h.evaluation_id')
    .select(['e.subject_kind', 'h.action', 'h.field', (eb) => eb.fn.countAll<number>().as('n')])
    .where('e.cycle_id', '=', cycleId)
    .groupBy(['e.subject_kind', 'h.action', 'h.field'])
    .execute();
  return rows.map((r) => ({ key: { subjectKind: r.subject_kind, action: r.action, field: r.field }, n: Number(r.n) }));
}

/** Persons by the number of cell memberships they hold on `date` (0 = none). */
export async function countPersonsByMembershipsOn(db: Db, date: string): Promise<Count<number>[]> {
  const perPerson = db
    .selectFrom('persons as p')
    .leftJoin('memberships as m', (join) =>
      join
        .onRef('m.person_id', '=', 'p.id')
        .on('m.valid_from', '<=', date)
        .on((eb) => eb.or([eb('m.valid_to', 'is', null), eb('m.valid_to', '>', date)])),
    )
    .select(['p.id', (eb) => eb.fn.count<number>('m.id').as('k')])
    .groupBy('p.id')
    .as('pp');
  const rows = await db
    .selectFrom(perPerson)
    .select(['pp.k', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('pp.k')
    .execute();
  return rows.map((r) => ({ key: Number(r.k), n: Number(r.n) }));
}

/** Positions whose holder has no cell membership on `date` (a leader must be a member). */
export async function countPositionsWithoutMembership(db: Db, date: string): Promise<number> {
  const row = await db
    .selectFrom('positions as p')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('memberships as m')
            .innerJoin('org_unit_versions as v', 'v.unit_id', 'm.unit_id')
            .select(sql.lit(1).as('one'))
            .whereRef('m.person_id', '=', 'p.person_id')
            .where('v.kind', 'in', ['cell', 'grassroots_cell'])
            .where('m.valid_from', '<=', date)
            .where((eb) => eb.or([eb('m.valid_to', 'is', null), eb('m.valid_to', '>', date)])),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Persons and distinct card numbers (they must be equal). */
export async function countCardNumbers(db: Db): Promise<{ persons: number; distinct: number }> {
  const row = await db
    .selectFrom('persons')
    .select([(eb) => eb.fn.countAll<number>().as('persons'), (eb) => eb.fn.count<number>('card_number').distinct().as('distinct')])
    .executeTakeFirstOrThrow();
  return { persons: Number(row.persons), distinct: Number(row.distinct) };
}

/**
 * Member evaluations by eligibility, with the facts that justify it: admitted after `admittedAfter`,
 * official or not, and the kind of the person's event (exempt, suspended…) if any.
 */
export async function countMemberEligibilityFacts(
  db: Db,
  options: { cycleId: string; admittedAfter: string },
): Promise<Count<{ eligibility: string; reviewed: number | null; recent: boolean; official: boolean; event: string | null }>[]> {
  const rows = await db
    .selectFrom('evaluations as e')
    .innerJoin('persons as p', 'p.id', 'e.subject_id')
    .leftJoin('person_events as pe', 'pe.person_id', 'p.id')
    .select([
      'e.eligibility',
      'e.reviewed',
      'pe.kind',
      (eb) => eb.case().when('p.admitted_on', '>', options.admittedAfter).then(1).else(0).end().as('recent'),
      (eb) => eb.case().when('p.official_on', 'is', null).then(0).else(1).end().as('official'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where('e.cycle_id', '=', options.cycleId)
    .where('e.subject_kind', '=', 'member')
    .groupBy(['e.eligibility', 'e.reviewed', 'pe.kind', 'recent', 'official'])
    .execute();
  return rows.map((r) => ({
    key: {
      eligibility: r.eligibility,
      reviewed: r.reviewed === null ? null : Number(r.reviewed),
      recent: Number(r.recent) === 1,
      official: Number(r.official) === 1,
      event: r.kind,
    },
    n: Number(r.n),
  }));
}

/** Review topics of a cycle with the name of their subject (collective name or position title). */
export async function listReviewTopicSubjects(
  db: Db,
  cycleId: string,
): Promise<{ subjectKind: string; managedBy: string; assignedBy: string; topic: string; subject: string | null }[]> {
  const rows = await db
    .selectFrom('review_topics as t')
    .innerJoin('org_units as a', 'a.id', 't.assigned_by_unit_id')
    .leftJoin('collectives as c', 'c.id', 't.subject_id')
    .leftJoin('positions as p', 'p.id', 't.subject_id')
    .select(['t.subject_kind', 't.managed_by', 'a.code', 't.topic', 'c.name', 'p.title'])
    .where('t.cycle_id', '=', cycleId)
    .execute();
  return rows.map((r) => ({ subjectKind: r.subject_kind, managedBy: r.managed_by, assignedBy: r.code, topic: r.topic, subject: r.name ?? r.title }));
}

/** Rows per table, to show that a refused load changed nothing. */
export async function countAllRows(db: Db): Promise<Record<string, number>> {
  const tables = ['org_units', 'org_unit_versions', 'collectives', 'persons', 'memberships', 'person_events', 'positions', 'cycles', 'cycle_deadlines', 'evaluations', 'evaluation_history', 'review_topics'] as const;
  const out: Record<string, number> = {};
  for (const t of tables) {
    const row = await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    out[t] = Number(row.n);
  }
  return out;
}

/** Decided member grades per deciding unit (members are decided by their grassroots organisation), with its code. */
export async function countMemberGradesByDecidingUnit(db: Db, cycleId: string): Promise<Count<{ unit: string; decided: string | null }>[]> {
  const rows = await db
    .selectFrom('evaluations as e')
    .innerJoin('org_units as u', 'u.id', 'e.deciding_unit_id')
    .select(['u.code', 'e.decided_grade', (eb) => eb.fn.countAll<number>().as('n')])
    .where('e.cycle_id', '=', cycleId)
    .where('e.subject_kind', '=', 'member')
    .groupBy(['u.code', 'e.decided_grade'])
    .execute();
  return rows.map((r) => ({ key: { unit: r.code, decided: r.decided_grade }, n: Number(r.n) }));
}
