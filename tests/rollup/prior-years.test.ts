/**
 * Prior years as counts (issue #10 item 6): a past report's form values imported for a unit open
 * that year's cycle and are stored as counts; the API lists the unit's figures year by year, the
 * dashboard compares years and the next year's report compares with it. Expected numbers come from
 * the document written here and the seed's 2022 totals, with independent arithmetic (docx-text.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDistrict } from '../../src/demo/load.js';
import { checkFormValues } from '../../src/domain/forms/index.js';
import { createApp } from '../../src/server/app.js';
import { renderReport } from '../../src/services/reports.js';
import { type SignedIn, signIn, withAuth } from '../helpers/auth.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';
import { docxParagraphs, expectedPercent } from '../report/docx-text.js';

let t: TestDb;
let app: ReturnType<typeof createApp>;
let admin: SignedIn;
type Json = Record<string, any>;

/** The 2021 report's numbers of the district, as its annexes would print them. */
const Y2021 = {
  format: 'form-values/1',
  unit: { code: 'HU-TAMDUONG', name: 'Đảng bộ huyện Tam Đường' },
  cycle: { year: 2021, ruleSet: 'QD132-HD21' },
  report: { number: '285-BC/HU', date: '2022-01-12' },
  forms: {
    DV: {
      rows: {
        total: { total: 2700 },
        not_required: { total: 150 },
        'not_required.exempt': { total: 120 },
        'not_required.new_member': { total: 30 },
        graded: { total: 2550 },
        'graded.htxs': { total: 300 },
        'graded.htt': { total: 2050 },
        'graded.ht': { total: 160 },
        'graded.kht': { total: 40 },
        'kht.disciplined': { total: 15 },
        'kht.other': { total: 25 },
      },
    },
    TC: {
      rows: {
        'tccsd.dang_bo.total': { total: 16 },
        'tccsd.dang_bo.graded': { total: 16 },
        'tccsd.dang_bo.graded.htxs': { total: 2 },
        'tccsd.dang_bo.graded.htt': { total: 13 },
        'tccsd.dang_bo.graded.ht': { total: 1 },
        'tccsd.chi_bo.total': { total: 35 },
        'tccsd.chi_bo.graded': { total: 35 },
        'tccsd.chi_bo.graded.htxs': { total: 5 },
        'tccsd.chi_bo.graded.htt': { total: 26 },
        'tccsd.chi_bo.graded.ht': { total: 4 },
      },
    },
  },
  claims: [],
};

const post = (as: SignedIn, path: string, body: unknown) => app.request(path, withAuth(as, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));

beforeAll(async () => {
  t = await createTestDb();
  await loadDemoDistrict(t.db);
  app = createApp({ db: t.db, config: t.config });
  admin = await signIn(app, t.db, { role: 'admin', scope: 'TU-LAICHAU' });
}, 120_000);
afterAll(() => t.close());

describe(`a past year's counts compared with the next, on ${testEngine}`, () => {
  it('needs the year’s cycle, opened by an administrator as it imports the counts', async () => {
    const none = await post(admin, '/api/forms/HU-TAMDUONG/2021/import', Y2021);
    expect([none.status, ((await none.json()) as Json).error.code]).toEqual([404, 'CycleNotFound']);
    const compiler = await signIn(app, t.db, { role: 'compiler', scope: 'HU-TAMDUONG' });
    expect((await post(compiler, '/api/forms/HU-TAMDUONG/2021/import?createCycle=1', Y2021)).status).toBe(403);
    const res = await post(admin, '/api/forms/HU-TAMDUONG/2021/import?createCycle=1', Y2021);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ unitCode: 'HU-TAMDUONG', year: 2021, cycleCreated: true });
    const again = await post(admin, '/api/forms/HU-TAMDUONG/2021/import?createCycle=1', Y2021);
    expect(await again.json()).toMatchObject({ cycleCreated: false, replaced: expect.any(Number) });
  });

  it('lists the unit’s figures year by year', async () => {
    const res = await app.request('/api/units/HU-TAMDUONG/years', withAuth(admin));
    const { years } = (await res.json()) as { years: Json[] };
    expect(years.map((y) => y.year)).toEqual([2021, 2022]);
    expect(years[0]!.members).toEqual({ total: 2700, graded: 2550, htxs: 300, htt: 2050, ht: 160, kht: 40 });
    expect(years[0]!.organisations).toEqual({ total: 51, graded: 51, htxs: 7, htt: 39, ht: 5, kht: 0 });
    // 2022 as the seed report counts it.
    expect(years[1]!.members).toMatchObject({ graded: 2543, htxs: 344, htt: 2072, ht: 90, kht: 37 });
  });

  it('the 2022 report compares with 2021, and its numbers still pass the checker', async () => {
    const { bytes, model } = await renderReport(t.db, { unitCode: 'HU-TAMDUONG', year: 2022 }, { format: 'docx', actor: 'test' });
    const text = docxParagraphs(bytes);
    const members = text.find((p) => p.startsWith('So với năm 2021, tỷ lệ đảng viên'));
    expect(members).toBe(
      `So với năm 2021, tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên tăng (${expectedPercent(344 + 2072, 2543)}%; năm 2021: ${expectedPercent(2350, 2550)}%); ` +
        `hoàn thành xuất sắc nhiệm vụ ${expectedPercent(344, 2543)}% (năm 2021: ${expectedPercent(300, 2550)}%); không hoàn thành nhiệm vụ 37 đồng chí (năm 2021: 40 đồng chí).`,
    );
    expect(text.some((p) => p.startsWith('So với năm 2021, tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên'))).toBe(true);
    expect(checkFormValues(model.values).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('the dashboard compares the years: the imported 2021 counts beside the live 2022 ones', async () => {
    const res = await app.request('/api/dashboard/HU-TAMDUONG/2022', withAuth(admin));
    expect(res.status).toBe(200);
    const view = (await res.json()) as Json;
    const d = Y2021.forms.DV.rows;
    expect(view.previous).toEqual({
      year: 2021,
      members: { HTXS: d['graded.htxs'].total, HTT: d['graded.htt'].total, HT: d['graded.ht'].total, KHT: d['graded.kht'].total },
      graded: d.graded.total,
    });
  });
});
