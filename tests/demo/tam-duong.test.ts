/**
 * The demo district, loaded into a fresh database on the engine under test, reproduces every total
 * of the seed report 331-BC/HU (narrative text where the annexes contradict it, GUIDE.md §6),
 * counted back with SQL. The expected numbers below are the seed's, nothing else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Count,
  countAllRows,
  countCardNumbers,
  countCollectiveEvaluations,
  countEvaluations,
  countHistory,
  countMemberEligibilityFacts,
  countMemberKhtReasons,
  countPersonsByMembershipsOn,
  countPositionEvaluations,
  countPositionsWithoutMembership,
  countUnitsByKind,
  type EvaluationKey,
  listReviewTopicSubjects,
} from '../../src/db/queries/demo-counts.js';
import { loadDemoDistrict } from '../../src/demo/load.js';
import { isAppError } from '../../src/domain/errors.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';

const REF = '2022-12-31';
const TYPES = ['xa', 'thi_tran', 'co_quan_dang', 'co_quan_nha_nuoc', 'dvsn.cong_lap', 'quan_doi', 'cong_an', 'dn.nn.100'] as const;

/** Adds up the counts whose key passes `where`. */
function sum<K>(rows: Count<K>[], where: (k: K) => boolean = () => true): number {
  return rows.filter((r) => where(r.key)).reduce((s, r) => s + r.n, 0);
}

/** [HTXS, HTT, HT, KHT] of the decided grades among `rows` passing `where`. */
function grades<K extends { decided: string | null }>(rows: Count<K>[], where: (k: K) => boolean = () => true): number[] {
  return ['HTXS', 'HTT', 'HT', 'KHT'].map((g) => sum(rows, (k) => where(k) && k.decided === g));
}

/** Per organisation type, in TYPES order. */
function byType(rows: Count<EvaluationKey>[], f: (k: EvaluationKey) => boolean): number[] {
  return TYPES.map((t) => sum(rows, (k) => k.orgType === t && f(k)));
}

let t: TestDb;
let cycleId: string;
let summary: Awaited<ReturnType<typeof loadDemoDistrict>>;
let units: Count<EvaluationKey>[];
let members: Count<EvaluationKey>[];
let collectives: Count<EvaluationKey>[];

beforeAll(async () => {
  t = await createTestDb();
  summary = await loadDemoDistrict(t.db);
  const cycle = await t.db.selectFrom('cycles').selectAll().where('year', '=', 2022).executeTakeFirstOrThrow();
  cycleId = cycle.id;
  units = await countEvaluations(t.db, { cycleId, subjectKind: 'unit', date: REF });
  members = await countEvaluations(t.db, { cycleId, subjectKind: 'member', date: REF });
  collectives = await countEvaluations(t.db, { cycleId, subjectKind: 'collective', date: REF });
});

afterAll(async () => {
  await t?.close();
});

describe(`demo district Tam Đường 2022 (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('loads and reports what it wrote (its time is measured by the benchmark, not asserted here)', async () => {
    expect(summary).toMatchObject({ unitCode: 'HU-TAMDUONG', persons: 2731 });
    const cycle = await t.db.selectFrom('cycles').selectAll().where('id', '=', cycleId).executeTakeFirstOrThrow();
    expect(cycle).toMatchObject({ period: 'nam', rule_set: 'QD132-HD21', reference_date: REF });
    const district = await t.db
      .selectFrom('org_units as u')
      .innerJoin('org_unit_versions as v', 'v.unit_id', 'u.id')
      .innerJoin('org_units as p', 'p.id', 'v.parent_id')
      .select(['v.name', 'v.kind', 'p.code as parent'])
      .where('u.code', '=', 'HU-TAMDUONG')
      .executeTakeFirstOrThrow();
    expect(district).toEqual({ name: 'Đảng bộ huyện Tam Đường', kind: 'district_committee', parent: 'TU-LAICHAU' });
  });

  it('has 51 grassroots organisations (16 committees, 35 cells) and 207 cells, 2 of them new', async () => {
    const u = await countUnitsByKind(t.db, REF);
    expect(sum(u, (k) => k.kind === 'grassroots_committee')).toBe(16);
    expect(sum(u, (k) => k.kind === 'grassroots_cell')).toBe(35);
    expect(sum(u, (k) => k.kind === 'cell')).toBe(207);
    const committees = ['xa', 'thi_tran', 'dvsn.cong_lap', 'quan_doi', 'cong_an'].map((o) => sum(u, (k) => k.kind === 'grassroots_committee' && k.orgType === o));
    expect(committees).toEqual([12, 1, 1, 1, 1]);
    const gcells = ['co_quan_dang', 'co_quan_nha_nuoc', 'dvsn.cong_lap', 'dn.nn.100'].map((o) => sum(u, (k) => k.kind === 'grassroots_cell' && k.orgType === o));
    expect(gcells).toEqual([10, 12, 10, 3]);
    const cells = ['xa', 'thi_tran', 'dvsn.cong_lap', 'quan_doi', 'cong_an'].map((o) => sum(u, (k) => k.kind === 'cell' && k.orgType === o));
    expect(cells).toEqual([169, 18, 9, 3, 8]);
    expect(sum(units, (k) => k.unitKind === 'cell' && k.eligibility === 'new_unit' && k.decided === null && k.reviewed === 0)).toBe(2);
  });

  it('grades the organisations as the seed: TCCSĐ 9/37/5/0, cells 31/151/22/1', () => {
    const grassroots = (k: EvaluationKey) => k.unitKind === 'grassroots_committee' || k.unitKind === 'grassroots_cell';
    expect(grades(units, grassroots)).toEqual([9, 37, 5, 0]);
    expect(grades(units, (k) => k.unitKind === 'grassroots_committee')).toEqual([3, 12, 1, 0]);
    expect(grades(units, (k) => k.unitKind === 'grassroots_cell')).toEqual([6, 25, 4, 0]);
    expect(grades(units, (k) => k.unitKind === 'grassroots_committee' && k.orgType === 'xa')).toEqual([2, 9, 1, 0]);
    expect(grades(units, (k) => k.unitKind === 'cell')).toEqual([31, 151, 22, 1]);
    const htxs = ['xa', 'thi_tran', 'dvsn.cong_lap', 'quan_doi', 'cong_an'].map((o) => sum(units, (k) => k.unitKind === 'cell' && k.orgType === o && k.decided === 'HTXS'));
    expect(htxs).toEqual([25, 3, 1, 1, 1]);
    const htt = ['xa', 'thi_tran', 'dvsn.cong_lap', 'quan_doi', 'cong_an'].map((o) => sum(units, (k) => k.unitKind === 'cell' && k.orgType === o && k.decided === 'HTT'));
    expect(htt).toEqual([124, 14, 6, 1, 6]);
    expect(sum(units, (k) => k.unitKind === 'district_committee' && k.eligibility === 'higher_level' && k.reviewed === 1)).toBe(1);
  });

  it('has 2,731 members, each in exactly one cell at the reference date, with unique card numbers', async () => {
    expect(sum(members)).toBe(2731);
    expect(byType(members, () => true)).toEqual([1954, 270, 56, 111, 213, 31, 75, 21]);
    expect(await countPersonsByMembershipsOn(t.db, REF)).toEqual([{ key: 1, n: 2731 }]);
    expect(await countCardNumbers(t.db)).toEqual({ persons: 2731, distinct: 2731 });
  });

  it('does not grade 188 members: 122 exempt, 65 admitted < 6 months (reviewed), 1 suspended', async () => {
    expect(byType(members, (k) => k.decided === null)).toEqual([159, 22, 1, 1, 4, 0, 0, 1]);
    const facts = await countMemberEligibilityFacts(t.db, { cycleId, admittedAfter: '2022-06-30' });
    expect(sum(facts, (k) => k.eligibility === 'exempt' && k.event === 'exempt' && k.reviewed === 0)).toBe(122);
    expect(sum(facts, (k) => k.eligibility === 'new_member' && k.recent && !k.official && k.reviewed === 1 && k.event === null)).toBe(65);
    expect(sum(facts, (k) => k.eligibility === 'suspended' && k.event === 'suspended' && k.reviewed === 0)).toBe(1);
    expect(sum(facts, (k) => k.eligibility === 'eligible' && k.reviewed === 1 && !k.recent)).toBe(2543);
    expect(sum(facts)).toBe(2731);
  });

  it('grades 2,543 members 344/2,072/90/37 with the per-type values of the DV annex (HTT xã 1,454)', () => {
    expect(grades(members)).toEqual([344, 2072, 90, 37]);
    expect(byType(members, (k) => k.decided !== null)).toEqual([1795, 248, 55, 110, 209, 31, 75, 20]);
    expect(byType(members, (k) => k.decided === 'HTXS')).toEqual([245, 39, 6, 13, 26, 2, 13, 0]);
    expect(byType(members, (k) => k.decided === 'HTT')).toEqual([1454, 202, 49, 93, 174, 26, 55, 19]);
    expect(byType(members, (k) => k.decided === 'HT')).toEqual([71, 6, 0, 2, 5, 1, 5, 0]);
    expect(byType(members, (k) => k.decided === 'KHT')).toEqual([25, 1, 0, 2, 4, 2, 2, 1]);
  });

  it('gives KHT members one reason each: 1 below 50%, 36 civil servants (flagged as such)', async () => {
    const kht = await countMemberKhtReasons(t.db, { cycleId, date: REF });
    expect(sum(kht)).toBe(37);
    expect(sum(kht, (k) => k.reasons.length === 1 && k.reasons[0] === 'below_50' && k.orgType === 'xa')).toBe(1);
    expect(sum(kht, (k) => k.reasons.length === 1 && k.reasons[0] === 'civil_servant' && k.civilServant)).toBe(36);
    const civil = TYPES.map((o) => sum(kht, (k) => k.orgType === o && k.reasons[0] === 'civil_servant'));
    expect(civil).toEqual([24, 1, 0, 2, 4, 2, 2, 1]);
  });

  it('grades 149 collectives (29 huyện, 120 cơ sở) as the seed, and leaves 3 to the province', async () => {
    const c = await countCollectiveEvaluations(t.db, cycleId);
    const by = (level: string, kind: string) => grades(c, (k) => k.level === level && k.kind === kind && k.eligibility === 'eligible');
    expect(sum(c, (k) => k.eligibility === 'eligible' && k.decidingUnit === 'HU-TAMDUONG')).toBe(149);
    expect(sum(c, (k) => k.level === 'huyen' && k.eligibility === 'eligible')).toBe(29);
    expect(sum(c, (k) => k.level === 'co_so' && k.eligibility === 'eligible')).toBe(120);
    expect(by('huyen', 'phong_ban')).toEqual([4, 20, 0, 0]);
    expect(by('huyen', 'mttq')).toEqual([0, 1, 0, 0]);
    expect(by('huyen', 'doan_the')).toEqual([1, 3, 0, 0]);
    expect(by('co_so', 'cap_uy')).toEqual([4, 22, 2, 1]);
    expect(by('co_so', 'hdnd')).toEqual([2, 10, 0, 1]);
    expect(by('co_so', 'ubnd')).toEqual([3, 10, 0, 0]);
    expect(by('co_so', 'mttq')).toEqual([1, 11, 0, 1]);
    expect(by('co_so', 'doan_the')).toEqual([8, 41, 2, 1]);
    expect(sum(c, (k) => k.decided === 'KHT' && k.reasons === '["member_disciplined"]')).toBe(4);
    expect(sum(c, (k) => k.eligibility === 'higher_level' && k.decidingUnit === 'TU-LAICHAU' && k.decided === null && k.level === 'huyen')).toBe(3);
  });

  it('grades 225 leaders (64 huyện, 161 cơ sở) as the seed; the 3 standing members are proposed 1 HTXS, 2 HTT to the province', async () => {
    const p = await countPositionEvaluations(t.db, cycleId);
    const g = (group: string) => grades(p, (k) => k.group === group && k.eligibility === 'eligible');
    expect(sum(p, (k) => k.eligibility === 'eligible' && k.group.startsWith('huyen.'))).toBe(64);
    expect(sum(p, (k) => k.eligibility === 'eligible' && k.group.startsWith('co_so.'))).toBe(161);
    expect(g('huyen.uv_btv')).toEqual([2, 5, 0, 0]);
    expect(g('huyen.pct_uv_bch')).toEqual([0, 1, 0, 0]);
    expect(g('huyen.truong_phong_uv_bch')).toEqual([0, 12, 0, 0]);
    expect(g('huyen.truong_phong_khac')).toEqual([2, 11, 0, 0]);
    expect(g('huyen.pho_phong')).toEqual([5, 26, 0, 0]);
    expect(g('co_so.bi_thu')).toEqual([1, 11, 0, 1]);
    expect(g('co_so.pho_bi_thu')).toEqual([4, 16, 0, 0]);
    expect(g('co_so.uv_bch')).toEqual([12, 111, 3, 2]);
    const standing = p.filter((r) => r.key.eligibility === 'higher_level');
    expect(sum(standing, (k) => k.decided === null && k.group === 'huyen.bi_thu' && k.proposed === 'HTXS')).toBe(1);
    expect(sum(standing, (k) => k.decided === null && k.group === 'huyen.pho_bi_thu' && k.proposed === 'HTT')).toBe(2);
    expect(sum(standing)).toBe(3);
    expect(await countPositionsWithoutMembership(t.db, REF)).toBe(0);
  });

  it('counts 409 reviewed collectives (organisations + leadership collectives)', () => {
    expect(sum(units, (k) => k.reviewed === 1) + sum(collectives, (k) => k.reviewed === 1)).toBe(409);
  });

  it('re-graded 10 members after appraisal, with history', async () => {
    const h = await countHistory(t.db, cycleId);
    expect(sum(h, (k) => k.action === 'regrade')).toBe(10);
    expect(sum(h, (k) => k.action === 'regrade' && k.subjectKind === 'member' && k.field === 'decidedGrade')).toBe(10);
    const regraded = await t.db
      .selectFrom('evaluation_history as h')
      .innerJoin('evaluations as e', 'e.id', 'h.evaluation_id')
      .select(['h.old_value', 'h.new_value', 'h.reason', 'h.at', 'e.decided_grade', 'e.version'])
      .where('h.action', '=', 'regrade')
      .execute();
    for (const r of regraded) {
      expect(r.old_value).not.toBe(r.new_value);
      expect(r.new_value).toBe(r.decided_grade);
      expect(r.reason).toBeTruthy();
      expect(r.at.startsWith('2023-01')).toBe(true);
      expect(Number(r.version)).toBe(2);
    }
  });

  it('assigned the two in-depth review topics of Khun Há', async () => {
    const topics = await listReviewTopicSubjects(t.db, cycleId);
    expect(topics.map((x) => [x.subjectKind, x.managedBy, x.assignedBy, x.subject]).sort()).toEqual([
      ['collective', 'huyen', 'HU-TAMDUONG', 'Đảng ủy xã Khun Há'],
      ['position', 'huyen', 'HU-TAMDUONG', 'Bí thư Đảng ủy xã Khun Há'],
    ]);
  });

  it('refuses a second load with DuplicateCode and changes nothing', async () => {
    const before = await countAllRows(t.db);
    const error = await loadDemoDistrict(t.db).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('DuplicateCode');
    expect(isAppError(error) && error.messages.vi).toMatch(/HU-TAMDUONG/);
    expect(await countAllRows(t.db)).toEqual(before);
  });
});
