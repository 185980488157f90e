/**
 * The demo district's live forms, read from the stored counts the load computed: they pass the
 * checker with no error and carry the seed's totals (331-BC/HU, text where the annexes contradict
 * it); a commune's form is its own subtree; verify finds nothing to correct.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readUnitCounts } from '../../src/db/queries/form-counts.js';
import { loadDemoDistrict } from '../../src/demo/load.js';
import { checkFormValues, type FormValuesDoc } from '../../src/domain/forms/index.js';
import { getFormValues, verify } from '../../src/services/forms.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';

const TYPES = ['xa', 'thi_tran', 'co_quan_dang', 'co_quan_nha_nuoc', 'dvsn.cong_lap', 'quan_doi', 'cong_an', 'dn.nn.100'] as const;

let t: TestDb;
let doc: FormValuesDoc;
const rows = (form: keyof FormValuesDoc['forms']) => doc.forms[form]?.rows ?? {};
const cell = (form: keyof FormValuesDoc['forms'], row: string, col = 'total') => rows(form)[row]?.[col];
const grades = (form: keyof FormValuesDoc['forms'], prefix: string, col = 'total') => ['htxs', 'htt', 'ht', 'kht'].map((g) => cell(form, `${prefix}.${g}`, col));

beforeAll(async () => {
  t = await createTestDb();
  await loadDemoDistrict(t.db);
  doc = await getFormValues(t.db, { unitCode: 'HU-TAMDUONG', year: 2022 });
});
afterAll(async () => t?.close());

describe(`demo district forms, live (${testEngine})`, () => {
  it('is a form-values document of the district and cycle, claims empty', () => {
    expect(doc).toMatchObject({ format: 'form-values/1', unit: { code: 'HU-TAMDUONG', name: 'Đảng bộ huyện Tam Đường' }, cycle: { year: 2022, ruleSet: 'QD132-HD21' }, claims: [] });
    expect(Object.keys(doc.forms).sort()).toEqual(['CN', 'DV', 'KD', 'TC', 'TT']);
  });

  it('passes the checker with no error (cap warnings only)', () => {
    const findings = checkFormValues(doc);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.every((f) => f.code === 'CAP')).toBe(true);
  });

  it('TC: 51 grassroots organisations = 16 + 35, graded 9/37/5/0; 207 cells, 205 graded 31/151/22/1, 2 new', () => {
    expect([cell('TC', 'tccsd.total'), cell('TC', 'tccsd.dang_bo.total'), cell('TC', 'tccsd.chi_bo.total')]).toEqual([51, 16, 35]);
    expect(grades('TC', 'tccsd.graded')).toEqual([9, 37, 5, 0]);
    expect(['xa', 'thi_tran', 'dvsn.cong_lap', 'quan_doi', 'cong_an'].map((c) => cell('TC', 'tccsd.dang_bo.total', c))).toEqual([12, 1, 1, 1, 1]);
    expect(cell('TC', 'truc_thuoc.chi_bo.total')).toBe(207);
    expect(cell('TC', 'truc_thuoc.chi_bo.graded')).toBe(205);
    expect(grades('TC', 'truc_thuoc.chi_bo.graded')).toEqual([31, 151, 22, 1]);
    expect([cell('TC', 'truc_thuoc.chi_bo.not_graded'), cell('TC', 'truc_thuoc.chi_bo.not_graded.new')]).toEqual([2, 2]);
    expect(grades('TC', 'truc_thuoc.chi_bo.graded', 'xa')).toEqual([25, 124, 17, 1]);
  });

  it('DV: 2,731 members, 188 not required (122 + 65 + 1), 2,543 graded 344/2,072/90/37, per type', () => {
    expect(cell('DV', 'total')).toBe(2731);
    expect(TYPES.map((c) => cell('DV', 'total', c))).toEqual([1954, 270, 56, 111, 213, 31, 75, 21]);
    expect(['not_required', 'not_required.exempt', 'not_required.new_member', 'not_required.suspended', 'pending'].map((r) => cell('DV', r))).toEqual([188, 122, 65, 1, 0]);
    expect(cell('DV', 'graded')).toBe(2543);
    expect(grades('DV', 'graded')).toEqual([344, 2072, 90, 37]);
    expect(TYPES.map((c) => cell('DV', 'graded', c))).toEqual([1795, 248, 55, 110, 209, 31, 75, 20]);
    expect(TYPES.map((c) => cell('DV', 'graded.htt', c))).toEqual([1454, 202, 49, 93, 174, 26, 55, 19]);
    expect([cell('DV', 'kht.civil_servant'), cell('DV', 'kht.below_50'), cell('DV', 'kht.other')]).toEqual([36, 1, 0]);
    expect(cell('DV', 'total', 'dvsn')).toBe(213);
    expect(cell('DV', 'total', 'dn')).toBe(21);
  });

  it('TT: 29 district collectives (the 3 graded by the province are not here), 120 commune ones, per kind', () => {
    expect([cell('TT', 'huyen.total'), cell('TT', 'huyen.graded'), cell('TT', 'huyen.not_graded')]).toEqual([29, 29, 0]);
    expect(grades('TT', 'huyen.graded')).toEqual([5, 24, 0, 0]);
    expect(['cap_uy', 'mttq', 'doan_the', 'hdnd', 'ubnd', 'phong_ban'].map((k) => cell('TT', 'huyen.total', k))).toEqual([0, 1, 4, 0, 0, 24]);
    expect(cell('TT', 'co_so.total')).toBe(120);
    expect(grades('TT', 'co_so.graded', 'cap_uy')).toEqual([4, 22, 2, 1]);
    expect(grades('TT', 'co_so.graded', 'doan_the')).toEqual([8, 41, 2, 1]);
    expect(cell('TT', 'co_so.kht.member_disciplined')).toBe(4);
  });

  it('CN: 64 district leaders 9/55, 161 commune leaders 17/138/3/3', () => {
    expect(['total', 'graded', 'htxs', 'htt', 'ht', 'kht'].map((c) => cell('CN', 'huyen', c))).toEqual([64, 64, 9, 55, 0, 0]);
    expect(['total', 'graded', 'htxs', 'htt', 'ht', 'kht'].map((c) => cell('CN', 'co_so', c))).toEqual([161, 161, 17, 138, 3, 3]);
    expect(cell('CN', 'huyen.uv_btv', 'htxs')).toBe(2);
  });

  it('KD, pinned from the demo’s populations (GUIDE.md §3, FORMS.md §2 KD)', async () => {
    const province = (await getFormValues(t.db, { unitCode: 'TU-LAICHAU', year: 2022 })).forms;
    // Graded above the district (eligibility higher_level) but reviewed where they belong, here:
    // the district organisation itself (1), 3 district collectives (TT 32 at the province − 29 here),
    // 3 district leaders (CN 67 at the province − 64 here).
    const [byProvinceCollectives, byProvinceLeaders] = [(province.TT?.rows['huyen.total']?.total ?? 0) - 29, (province.CN?.rows.huyen?.total ?? 0) - 64];
    expect([byProvinceCollectives, byProvinceLeaders]).toEqual([3, 3]);
    // Collectives reviewed: 51 grassroots organisations + 205 graded cells (TC) + 1 district organisation
    // + 29 + 120 collectives (TT) + 3 graded by the province = 409, the seed's 409 (2.1.1).
    expect(cell('KD', 'reviewed', 'collective')).toBe(51 + 205 + 1 + (29 + 120) + 3);
    expect(cell('KD', 'reviewed', 'collective')).toBe(409);
    // Not reviewed: the 2 cells founded in the year (TC not_graded.new), all in "trong đó: mới thành lập".
    expect([cell('KD', 'not_reviewed', 'collective'), cell('KD', 'not_reviewed.new_or_exempt', 'collective')]).toEqual([2, 2]);
    expect(cell('KD', 'required', 'collective')).toBe(409 + 2);
    // Individuals reviewed: 2.543 graded members + 65 admitted < 6 months (QD132: reviewed, not graded)
    // + 225 leaders graded here (CN 64 + 161) + 3 graded by the province = 2.836. A leader is also a
    // member: evaluations, not persons, are counted (GUIDE.md §3, the seed's 2.768 = 2.543 + 225).
    expect(cell('KD', 'reviewed', 'individual')).toBe(2543 + 65 + (64 + 161) + 3);
    expect(cell('KD', 'reviewed', 'individual')).toBe(2836);
    // Not reviewed: exempt 122 + suspended 1 (DV not_required.exempt / .suspended), all "miễn, đình chỉ".
    expect([cell('KD', 'not_reviewed', 'individual'), cell('KD', 'not_reviewed.new_or_exempt', 'individual')]).toEqual([122 + 1, 123]);
    // Required = reviewed + not reviewed = 2.731 members (DV total) + 228 leader evaluations.
    expect(cell('KD', 'required', 'individual')).toBe(2836 + 123);
    expect(cell('KD', 'required', 'individual')).toBe((cell('DV', 'total') ?? 0) + 225 + 3);
    // Suggested: Khun Há's committee and its secretary, by the district's standing committee (seed 2.1.1).
    expect(['suggested', 'suggested.tinh', 'suggested.huyen', 'suggested.co_so'].map((r) => [cell('KD', r, 'collective'), cell('KD', r, 'individual')])).toEqual([[1, 1], [0, 0], [1, 1], [0, 0]]);
  });

  it('the province counts what its superior graded: TT huyen 32, CN huyen 67', async () => {
    const province = await getFormValues(t.db, { unitCode: 'TU-LAICHAU', year: 2022 });
    expect(province.forms.TT?.rows['huyen.total']?.total).toBe(32);
    expect(province.forms.CN?.rows.huyen?.total).toBe(67);
    expect(province.forms.DV?.rows.total?.total).toBe(2731);
  });

  it('a commune’s form is its own subtree (Khun Há)', async () => {
    const khunHa = await getFormValues(t.db, { unitCode: 'TD-DU-KHUNHA', year: 2022 });
    const members = await t.db
      .selectFrom('evaluations as e')
      .innerJoin('org_unit_versions as v', 'v.unit_id', 'e.unit_id')
      .innerJoin('org_units as g', 'g.id', 'v.parent_id')
      .select([(eb) => eb.fn.countAll<number>().as('n')])
      .where('g.code', '=', 'TD-DU-KHUNHA')
      .where('e.subject_kind', '=', 'member')
      .executeTakeFirstOrThrow();
    expect(khunHa.forms.DV?.rows.total?.total).toBe(Number(members.n));
    expect(khunHa.forms.DV?.rows.total?.xa).toBe(Number(members.n));
    expect(khunHa.forms.TC?.rows['tccsd.dang_bo.total']?.total).toBe(1);
    expect(khunHa.forms.TC?.rows['truc_thuoc.chi_bo.total']?.total).toBe(15);
    expect(khunHa.forms.TT?.rows['huyen.total']?.total).toBe(0);
    expect(khunHa.forms.KD?.rows['suggested.huyen']?.collective).toBe(1);
    expect(checkFormValues(khunHa).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('one form alone, and a unit outside the cycle’s tree is UnitNotFound', async () => {
    const tc = await getFormValues(t.db, { unitCode: 'HU-TAMDUONG', year: 2022, form: 'TC' });
    expect(Object.keys(tc.forms)).toEqual(['TC']);
    expect(tc.forms.TC).toEqual(doc.forms.TC);
    await expect(getFormValues(t.db, { unitCode: 'NO-SUCH', year: 2022 })).rejects.toMatchObject({ code: 'UnitNotFound' });
    await expect(getFormValues(t.db, { unitCode: 'HU-TAMDUONG', year: 2019 })).rejects.toMatchObject({ code: 'CycleNotFound' });
  });

  it('reads the stored counts (no recomputation) and verify finds no difference', async () => {
    const cycle = await t.db.selectFrom('cycles').select('id').where('year', '=', 2022).executeTakeFirstOrThrow();
    const district = await t.db.selectFrom('org_units').select('id').where('code', '=', 'HU-TAMDUONG').executeTakeFirstOrThrow();
    const stored = await readUnitCounts(t.db, { cycleId: cycle.id, unitId: district.id });
    expect(stored.get('DV|graded.htt|total')).toBe(2072);
    expect(await verify(t.db)).toEqual({ cycles: [{ year: 2022, period: 'nam', ruleSet: 'QD132-HD21', differences: [] }], differences: 0 });
  });
});
