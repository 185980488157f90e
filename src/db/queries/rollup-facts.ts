/**
 * The facts the roll-up needs, read as of a cycle's reference date (GUIDE.md §2: each year against
 * its own tree): the tree (all of it for a rebuild, or one evaluation's ancestors for a live
 * update), evaluations with their collective's kind and level or position's group, review topics
 * with their subject's unit, and entered values. One query per part; the tree becomes a JS map.
 */
import { sql } from 'kysely';
import type { Eligibility, Grade, KhtReason, OrgType, RuleSetCode, SubjectKind, UnitKind } from '../../domain/codes.js';
import { type RollupEvaluation, type RollupTopic, type RollupUnit, UnitIndex } from '../../domain/rollup/index.js';
import type { Db } from '../create-db.js';
import type { SqliteHandle } from './bulk-insert.js';
import { validOn } from './common.js';

/** Deepest chain walked (a guard against a cycle in the data). */
const MAX_DEPTH = 64;

/** The rule set and reference date of a cycle. */
export interface CycleKey {
  id: string;
  year: number;
  period: string;
  ruleSet: RuleSetCode;
  referenceDate: string;
}

/** Cycles, optionally of one year. */
export async function listCycleKeys(db: Db, filter: { year?: number; cycleIds?: readonly string[]; referenceFrom?: string } = {}): Promise<CycleKey[]> {
  if (filter.cycleIds && filter.cycleIds.length === 0) return [];
  let q = db.selectFrom('cycles').select(['id', 'year', 'period', 'rule_set', 'reference_date']);
  if (filter.year !== undefined) q = q.where('year', '=', filter.year);
  if (filter.cycleIds) q = q.where('id', 'in', [...filter.cycleIds]);
  if (filter.referenceFrom) q = q.where('reference_date', '>=', filter.referenceFrom);
  const rows = await q.orderBy('year').orderBy('period').execute();
  return rows.map((r) => ({ id: r.id, year: Number(r.year), period: r.period, ruleSet: r.rule_set as RuleSetCode, referenceDate: r.reference_date }));
}

type UnitRow = { id: string; code: string; parent_id: string | null; kind: string; org_type: string | null };
const toUnit = (r: UnitRow): RollupUnit => ({ id: r.id, code: r.code, parentId: r.parent_id, kind: r.kind as UnitKind, orgType: r.org_type as OrgType | null });

/** The whole tree on a date. */
export async function loadTreeOn(db: Db, date: string): Promise<UnitIndex> {
  const rows = await db
    .selectFrom('org_unit_versions as v')
    .innerJoin('org_units as u', 'u.id', 'v.unit_id')
    .select(['u.id', 'u.code', 'v.parent_id', 'v.kind', 'v.org_type'])
    .where(validOn('v', date))
    .execute();
  return new UnitIndex(rows.map(toUnit));
}

/** The given units and all their ancestors on a date (enough to place one evaluation). */
export async function loadAncestorsOn(db: Db, unitIds: readonly string[], date: string): Promise<UnitIndex> {
  const ids = [...new Set(unitIds)];
  if (ids.length === 0) return new UnitIndex([]);
  const rows = await db
    .withRecursive('up(id, code, parent_id, kind, org_type, depth)', (qb) =>
      qb
        .selectFrom('org_unit_versions as v')
        .innerJoin('org_units as u', 'u.id', 'v.unit_id')
        .select(['u.id', 'u.code', 'v.parent_id', 'v.kind', 'v.org_type', sql<number>`0`.as('depth')])
        .where('v.unit_id', 'in', ids)
        .where(validOn('v', date))
        .unionAll((eb) =>
          eb
            .selectFrom('org_unit_versions as v')
            .innerJoin('up', 'up.parent_id', 'v.unit_id')
            .innerJoin('org_units as u', 'u.id', 'v.unit_id')
            .select(['u.id', 'u.code', 'v.parent_id', 'v.kind', 'v.org_type', sql<number>`up.depth + 1`.as('depth')])
            .where(validOn('v', date))
            .where('up.depth', '<', MAX_DEPTH),
        ),
    )
    .selectFrom('up')
    .select(['id', 'code', 'parent_id', 'kind', 'org_type'])
    .execute();
  return new UnitIndex(rows.map(toUnit));
}

function selectEvaluationFacts(db: Db) {
  return db
    .selectFrom('evaluations as e')
    .leftJoin('collectives as c', (j) => j.onRef('c.id', '=', 'e.subject_id').on('e.subject_kind', '=', 'collective'))
    .leftJoin('positions as p', (j) => j.onRef('p.id', '=', 'e.subject_id').on('e.subject_kind', '=', 'position'))
    .select([
      'e.id',
      'e.cycle_id',
      'e.subject_kind',
      'e.subject_id',
      'e.unit_id',
      'e.eligibility',
      'e.reviewed',
      'e.decided_grade',
      'e.kht_reasons',
      'e.deciding_unit_id',
      'c.kind as collective_kind',
      'c.level',
      'p.position_group',
      'p.deciding_unit_id as position_deciding_unit_id',
    ]);
}

type FactsRow = Awaited<ReturnType<ReturnType<typeof selectEvaluationFacts>['executeTakeFirstOrThrow']>>;

/** KHT reasons are JSON text (portable); anything unreadable counts as none. */
export function parseReasonList(text: string): KhtReason[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter((x): x is KhtReason => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function toEvaluation(r: FactsRow): RollupEvaluation {
  return {
    id: r.id,
    subjectKind: r.subject_kind as SubjectKind,
    subjectId: r.subject_id,
    unitId: r.unit_id,
    eligibility: r.eligibility as Eligibility,
    reviewed: r.reviewed === null ? null : Number(r.reviewed) === 1,
    decidedGrade: r.decided_grade as Grade | null,
    khtReasons: parseReasonList(r.kht_reasons),
    // A leader's deciding body may be stated on the position (positions.deciding_unit_id).
    decidingUnitId: r.deciding_unit_id ?? r.position_deciding_unit_id,
    collectiveKind: r.collective_kind,
    level: r.level,
    positionGroup: r.position_group,
  };
}

/** Every evaluation of a cycle with its roll-up facts, in one query. */
export async function loadCycleEvaluations(db: Db, cycleId: string): Promise<RollupEvaluation[]> {
  const rows = await selectEvaluationFacts(db).where('e.cycle_id', '=', cycleId).execute();
  return rows.map(toEvaluation);
}

/** Evaluations per page of the streamed scan (PostgreSQL, or SQLite without its handle). */
const SCAN_PAGE = 50_000;

type ScanRow = [subjectKind: string, subjectId: string, unitId: string, eligibility: string, reviewed: number | boolean | null, decidedGrade: string | null, khtReasons: string, decidingUnitId: string | null, id: string];

/**
 * Calls `each` with every evaluation of a cycle and its roll-up facts, streamed: the collectives'
 * and positions' facts are read first (a few per grassroots organisation), then the evaluations in
 * one pass without a join — on SQLite through the connection's handle (one statement iterated, rows
 * as arrays), elsewhere in pages of 50,000 by id. Memory: one page, never the cycle.
 */
export async function scanCycleEvaluations(db: Db, cycleId: string, each: (e: RollupEvaluation) => void, options: { sqlite?: SqliteHandle | undefined } = {}): Promise<number> {
  const collectives = new Map<string, { kind: string; level: string }>();
  const positions = new Map<string, { group: string; deciding: string | null }>();
  for (const c of await db.selectFrom('collectives').select(['id', 'kind', 'level']).execute()) collectives.set(c.id, { kind: c.kind, level: c.level });
  for (const p of await db.selectFrom('positions').select(['id', 'position_group', 'deciding_unit_id']).execute()) positions.set(p.id, { group: p.position_group, deciding: p.deciding_unit_id });
  const NONE: KhtReason[] = [];
  let n = 0;
  const visit = (r: ScanRow) => {
    const kind = r[0] as SubjectKind;
    const c = kind === 'collective' ? collectives.get(r[1]) : undefined;
    const p = kind === 'position' ? positions.get(r[1]) : undefined;
    n++;
    each({
      id: r[8],
      subjectKind: kind,
      subjectId: r[1],
      unitId: r[2],
      eligibility: r[3] as Eligibility,
      reviewed: r[4] === null ? null : Number(r[4]) === 1,
      decidedGrade: r[5] as Grade | null,
      khtReasons: r[6] === '[]' ? NONE : parseReasonList(r[6]),
      // A leader's deciding body may be stated on the position (positions.deciding_unit_id).
      decidingUnitId: r[7] ?? p?.deciding ?? null,
      collectiveKind: c?.kind ?? null,
      level: c?.level ?? null,
      positionGroup: p?.group ?? null,
    });
  };
  const columns = ['subject_kind', 'subject_id', 'unit_id', 'eligibility', 'reviewed', 'decided_grade', 'kht_reasons', 'deciding_unit_id', 'id'] as const;
  if (options.sqlite) {
    const statement = options.sqlite.prepare(`select ${columns.join(', ')} from evaluations where cycle_id = ?`).raw(true);
    for (const r of statement.iterate(cycleId)) visit(r as ScanRow);
    return n;
  }
  let after = '';
  for (;;) {
    const rows = await db.selectFrom('evaluations').select([...columns]).where('cycle_id', '=', cycleId).where('id', '>', after).orderBy('id').limit(SCAN_PAGE).execute();
    for (const r of rows) visit(columns.map((c) => r[c]) as unknown as ScanRow);
    const last = rows[rows.length - 1];
    if (!last || rows.length < SCAN_PAGE) return n;
    after = last.id;
  }
}

/** One evaluation's roll-up facts, its cycle id and its position's deciding unit, or undefined. */
export async function loadEvaluationFacts(
  db: Db,
  evaluationId: string,
): Promise<{ evaluation: RollupEvaluation; cycleId: string; positionDecidingUnitId: string | null } | undefined> {
  const row = await selectEvaluationFacts(db).where('e.id', '=', evaluationId).executeTakeFirst();
  return row ? { evaluation: toEvaluation(row), cycleId: row.cycle_id, positionDecidingUnitId: row.position_deciding_unit_id } : undefined;
}

/**
 * Review topics of a cycle with the unit their subject belongs to on the reference date: its
 * evaluation's unit when it has one, else the collective's or position's unit, the member's cell.
 */
export async function loadCycleTopics(db: Db, cycle: Pick<CycleKey, 'id' | 'referenceDate'>, topicId?: string): Promise<(RollupTopic & { id: string })[]> {
  let q = db
    .selectFrom('review_topics as t')
    .leftJoin('evaluations as e', (j) => j.onRef('e.cycle_id', '=', 't.cycle_id').onRef('e.subject_kind', '=', 't.subject_kind').onRef('e.subject_id', '=', 't.subject_id'))
    .leftJoin('collectives as c', (j) => j.onRef('c.id', '=', 't.subject_id').on('t.subject_kind', '=', 'collective'))
    .leftJoin('positions as p', (j) => j.onRef('p.id', '=', 't.subject_id').on('t.subject_kind', '=', 'position'))
    .leftJoin('memberships as m', (j) => j.onRef('m.person_id', '=', 't.subject_id').on('t.subject_kind', '=', 'member').on(validOn('m', cycle.referenceDate)))
    .select(['t.id', 't.subject_kind', 't.subject_id', 't.managed_by', 'e.unit_id as e_unit', 'c.unit_id as c_unit', 'p.unit_id as p_unit', 'm.unit_id as m_unit'])
    .where('t.cycle_id', '=', cycle.id);
  if (topicId) q = q.where('t.id', '=', topicId);
  const rows = await q.orderBy('t.id').execute();
  const seen = new Set<string>();
  const out: (RollupTopic & { id: string })[] = [];
  for (const r of rows) {
    if (seen.has(r.id)) continue; // a member with two cells that day: the first row only
    seen.add(r.id);
    const own = r.subject_kind === 'unit' ? r.subject_id : null;
    out.push({ id: r.id, subjectKind: r.subject_kind as SubjectKind, managedBy: r.managed_by, unitId: r.e_unit ?? r.c_unit ?? r.p_unit ?? r.m_unit ?? own });
  }
  return out;
}

/** Ids per `in (…)` list: well under SQLite's and PostgreSQL's parameter limits. */
const IN_CHUNK = 1000;

/**
 * A unit's subtree on a date (the unit and its descendants, by a recursive walk down the parent
 * links) plus the unit's ancestors: every unit a subject counted at that unit can belong to, and
 * the chain above them that organisation types are inherited from.
 */
export async function loadSubtreeUnits(db: Db, rootId: string, date: string): Promise<{ units: RollupUnit[]; subtree: Set<string> }> {
  const rows = await db
    .withRecursive('down(id, depth)', (qb) =>
      qb
        .selectFrom('org_unit_versions as v')
        .select(['v.unit_id as id', sql<number>`0`.as('depth')])
        .where('v.unit_id', '=', rootId)
        .where(validOn('v', date))
        .unionAll((eb) =>
          eb
            .selectFrom('org_unit_versions as v')
            .innerJoin('down', 'down.id', 'v.parent_id')
            .select(['v.unit_id as id', sql<number>`down.depth + 1`.as('depth')])
            .where(validOn('v', date))
            .where('down.depth', '<', MAX_DEPTH),
        ),
    )
    .selectFrom('down')
    .innerJoin('org_unit_versions as v', 'v.unit_id', 'down.id')
    .innerJoin('org_units as u', 'u.id', 'v.unit_id')
    .select(['u.id', 'u.code', 'v.parent_id', 'v.kind', 'v.org_type'])
    .where(validOn('v', date))
    .execute();
  const subtree = new Set(rows.map((r) => r.id));
  const ancestors = await loadAncestorsOn(db, [rootId], date);
  const units = rows.map(toUnit);
  for (const id of ancestors.ids()) if (!subtree.has(id)) units.push(ancestors.get(id) as RollupUnit);
  return { units, subtree };
}

/**
 * The evaluations of a cycle that can count at a unit whose subtree is `subtree` (GUIDE.md §2):
 * those of subjects in the subtree, and those graded by a superior (`higher_level`) whose deciding
 * unit lies in it though the subject does not. Index-backed for a small subtree (a commune).
 */
export async function loadSubtreeEvaluations(db: Db, cycleId: string, subtree: ReadonlySet<string>): Promise<RollupEvaluation[]> {
  const ids = [...subtree];
  const out: RollupEvaluation[] = [];
  for (let i = 0; i < ids.length; i += IN_CHUNK) {
    const rows = await selectEvaluationFacts(db).where('e.cycle_id', '=', cycleId).where('e.unit_id', 'in', ids.slice(i, i + IN_CHUNK)).execute();
    for (const r of rows) out.push(toEvaluation(r));
  }
  // Graded by a superior in the subtree: found through the deciding unit's indexes (migration 0028),
  // on the evaluation or on the position, so a commune's trace reads the commune's rows only.
  const seen = new Set(out.map((e) => e.id));
  for (let i = 0; i < ids.length; i += IN_CHUNK) {
    const chunk = ids.slice(i, i + IN_CHUNK);
    const direct = await selectEvaluationFacts(db).where('e.cycle_id', '=', cycleId).where('e.deciding_unit_id', 'in', chunk).where('e.eligibility', '=', 'higher_level').execute();
    const viaPosition = await selectEvaluationFacts(db)
      .where('e.cycle_id', '=', cycleId)
      .where('e.subject_kind', '=', 'position')
      .where('e.deciding_unit_id', 'is', null)
      .where('e.subject_id', 'in', (eb) => eb.selectFrom('positions').select('id').where('deciding_unit_id', 'in', chunk))
      .where('e.eligibility', '=', 'higher_level')
      .execute();
    for (const r of [...direct, ...viaPosition]) {
      const e = toEvaluation(r);
      if (seen.has(e.id) || subtree.has(e.unitId) || e.decidingUnitId === null || !subtree.has(e.decidingUnitId)) continue;
      seen.add(e.id);
      out.push(e);
    }
  }
  return out;
}
