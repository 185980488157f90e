/**
 * What the narrative report needs beyond the forms (src/reports/report-types.ts ReportRecords):
 * evaluations of the unit's subtree (units, collectives, positions) with the names and kinds the
 * text groups by, the review topics with their subjects' names, and the members re-graded after
 * appraisal (history action `regrade`, GUIDE.md §4.8). One query per kind, on both engines.
 */
import { sql } from 'kysely';
import type { CollectiveKind, Eligibility, Grade, Level, UnitKind } from '../../domain/codes.js';
import type { CollectiveRecord, PositionRecord, ReportRecords, TopicRecord, UnitRecord } from '../../reports/report-types.js';
import type { Db } from '../create-db.js';
import { withSubtree } from './units.js';
import { validOn } from './common.js';

/** Which subtree and cycle. */
export interface ReportDataKey {
  unitId: string;
  cycleId: string;
  /** The cycle's reference date: the tree as it stood then. */
  date: string;
}

const reviewedOf = (v: number | null): boolean | null => (v === null ? null : Number(v) === 1);

async function unitRecords(db: Db, key: ReportDataKey): Promise<UnitRecord[]> {
  const rows = await withSubtree(db, { rootId: key.unitId, date: key.date })
    .selectFrom('tree as t')
    .innerJoin('org_unit_versions as v', 'v.id', 't.version_id')
    .innerJoin('evaluations as e', (j) => j.onRef('e.subject_id', '=', 't.unit_id').on('e.subject_kind', '=', 'unit'))
    .select(['v.name', 'v.kind', 't.depth', 'e.eligibility', 'e.reviewed', 'e.decided_grade'])
    .where('e.cycle_id', '=', key.cycleId)
    .orderBy('t.path')
    .execute();
  return rows.map((r) => ({
    name: r.name,
    kind: r.kind as UnitKind,
    depth: Number(r.depth),
    eligibility: r.eligibility as Eligibility,
    reviewed: reviewedOf(r.reviewed),
    decided: r.decided_grade as Grade | null,
  }));
}

async function collectiveRecords(db: Db, key: ReportDataKey): Promise<CollectiveRecord[]> {
  const rows = await withSubtree(db, { rootId: key.unitId, date: key.date })
    .selectFrom('evaluations as e')
    .innerJoin('collectives as c', 'c.id', 'e.subject_id')
    .innerJoin('tree as t', 't.unit_id', 'c.unit_id')
    .innerJoin('org_unit_versions as v', 'v.id', 't.version_id')
    .select(['c.name', 'c.kind', 'c.level', 'v.kind as unit_kind', 'e.eligibility', 'e.reviewed', 'e.decided_grade'])
    .where('e.cycle_id', '=', key.cycleId)
    .where('e.subject_kind', '=', 'collective')
    .orderBy('c.code')
    .execute();
  return rows.map((r) => ({
    name: r.name,
    kind: r.kind as CollectiveKind,
    level: r.level as Level,
    unitKind: r.unit_kind as UnitKind,
    eligibility: r.eligibility as Eligibility,
    reviewed: reviewedOf(r.reviewed),
    decided: r.decided_grade as Grade | null,
  }));
}

async function positionRecords(db: Db, key: ReportDataKey): Promise<PositionRecord[]> {
  const rows = await withSubtree(db, { rootId: key.unitId, date: key.date })
    .selectFrom('evaluations as e')
    .innerJoin('positions as p', 'p.id', 'e.subject_id')
    .innerJoin('tree as t', 't.unit_id', 'p.unit_id')
    .select(['p.position_group', 'p.title', 'e.eligibility', 'e.reviewed', 'e.decided_grade', 'e.proposed_grade'])
    .where('e.cycle_id', '=', key.cycleId)
    .where('e.subject_kind', '=', 'position')
    .orderBy('p.position_group')
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({
    group: r.position_group,
    title: r.title,
    eligibility: r.eligibility as Eligibility,
    reviewed: reviewedOf(r.reviewed),
    decided: r.decided_grade as Grade | null,
    proposed: r.proposed_grade as Grade | null,
  }));
}

/** Topics assigned by a unit of the subtree, each subject named the way the seed names it. */
async function topicRecords(db: Db, key: ReportDataKey): Promise<TopicRecord[]> {
  const rows = await withSubtree(db, { rootId: key.unitId, date: key.date })
    .selectFrom('review_topics as rt')
    .innerJoin('tree as t', 't.unit_id', 'rt.assigned_by_unit_id')
    .leftJoin('collectives as c', (j) => j.onRef('c.id', '=', 'rt.subject_id').on('rt.subject_kind', '=', 'collective'))
    .leftJoin('positions as p', (j) => j.onRef('p.id', '=', 'rt.subject_id').on('rt.subject_kind', '=', 'position'))
    .leftJoin('persons as m', (j) => j.onRef('m.id', '=', 'rt.subject_id').on('rt.subject_kind', '=', 'member'))
    .leftJoin('org_unit_versions as uv', (j) => j.onRef('uv.unit_id', '=', 'rt.subject_id').on('rt.subject_kind', '=', 'unit').on(validOn('uv', key.date)))
    .select(['rt.subject_kind', 'rt.managed_by', 'rt.topic', 'c.name as collective_name', 'p.title as position_title', 'm.full_name as member_name', 'uv.name as unit_name'])
    .where('rt.cycle_id', '=', key.cycleId)
    .orderBy('rt.managed_by')
    .orderBy('rt.subject_kind')
    .orderBy('rt.id')
    .execute();
  return rows.map((r) => ({
    subjectKind: r.subject_kind as TopicRecord['subjectKind'],
    managedBy: r.managed_by,
    subjectName: r.collective_name ?? (r.position_title ? `Đồng chí ${r.position_title}` : r.member_name ? `Đồng chí ${r.member_name}` : (r.unit_name ?? '')),
    topic: r.topic,
  }));
}

/** Members of the subtree whose decided grade was re-graded at least once. */
async function countRegradedMembers(db: Db, key: ReportDataKey): Promise<number> {
  const row = await withSubtree(db, { rootId: key.unitId, date: key.date })
    .selectFrom('evaluations as e')
    .innerJoin('tree as t', 't.unit_id', 'e.unit_id')
    .where('e.cycle_id', '=', key.cycleId)
    .where('e.subject_kind', '=', 'member')
    .where((eb) => eb.exists(eb.selectFrom('evaluation_history as h').select(sql`1`.as('one')).whereRef('h.evaluation_id', '=', 'e.id').where('h.action', '=', 'regrade')))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The records of a unit's subtree for a cycle; `unit` is filled by the caller. */
export async function getReportRecords(db: Db, key: ReportDataKey): Promise<Omit<ReportRecords, 'unit'>> {
  const [units, collectives, positions, topics, regradedMembers] = await Promise.all([
    unitRecords(db, key),
    collectiveRecords(db, key),
    positionRecords(db, key),
    topicRecords(db, key),
    countRegradedMembers(db, key),
  ]);
  return { units, collectives, positions, topics, regradedMembers };
}
