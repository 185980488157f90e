/**
 * The forms through the HTTP API (issue 4 item 5): the workbook download, import of a workbook as a
 * raw body or a multipart upload (all or nothing: a moved column is refused naming the cell), the
 * check of an uploaded JSON or workbook (findings, nothing written), and verify / rebuild for the
 * administrator.
 */
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle } from '../../src/db/queries/cycles.js';
import { createEvaluation } from '../../src/db/queries/evaluations.js';
import { setStoredCount } from '../../src/db/queries/form-counts.js';
import { createUnit } from '../../src/db/queries/units.js';
import { parseFormValues } from '../../src/domain/forms/index.js';
import { readFormsWorkbook, renderFormsWorkbook } from '../../src/reports/xlsx/forms-workbook.js';
import { createApp } from '../../src/server/app.js';
import { getFormValues, verify } from '../../src/services/forms.js';
import { seedOrg } from '../api/fixtures-evaluations.js';
import { type SignedIn, signIn, withAuth } from '../helpers/auth.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';
import { colOf, findCell, load, sheet, tamper } from '../xlsx/fixtures.js';

type Json = Record<string, any>;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: TestDb;
let app: ReturnType<typeof createApp>;
let admin: SignedIn;
let viewer: SignedIn;
let compiler: SignedIn;

/** A consistent DV and TC of a commune that reports counts only (10 members, 8 graded). */
const communeDoc = () =>
  parseFormValues({
    format: 'form-values/1',
    unit: { code: 'DB-MOI', name: 'Đảng bộ xã Mới' },
    cycle: { year: 2022, ruleSet: 'QD132-HD21' },
    forms: {
      DV: {
        rows: {
          total: { total: 10, xa: 10 },
          not_required: { total: 2, xa: 2 },
          'not_required.exempt': { total: 2, xa: 2 },
          graded: { total: 8, xa: 8 },
          'graded.htxs': { total: 1, xa: 1 },
          'graded.htt': { total: 6, xa: 6 },
          'graded.ht': { total: 1, xa: 1 },
        },
      },
    },
    claims: [],
  });

const stored = async () =>
  JSON.stringify([
    await t.db.selectFrom('form_counts').select(['unit_id', 'form', 'row', 'col', 'value']).orderBy('unit_id').orderBy('form').orderBy('row').orderBy('col').execute(),
    await t.db.selectFrom('entered_form_values').select(['unit_id', 'form', 'row', 'col', 'value']).orderBy('unit_id').orderBy('form').orderBy('row').orderBy('col').execute(),
  ]);
const rootTotal = async () => (await getFormValues(t.db, { unitCode: 'HU-THU', year: 2022 })).forms.DV?.rows.total?.total;

async function send(who: SignedIn, method: string, path: string, body?: RequestInit['body'], type?: string): Promise<{ status: number; body: Json }> {
  const res = await app.request(path, withAuth(who, { method, ...(body !== undefined ? { body } : {}), ...(type ? { headers: { 'content-type': type } } : {}) }));
  return { status: res.status, body: (await res.json()) as Json };
}
const multipart = (bytes: Buffer, name: string) => {
  const form = new FormData();
  form.append('file', new File([new Uint8Array(bytes)], name, { type: XLSX }));
  return form;
};

beforeAll(async () => {
  t = await createTestDb();
  await seedOrg(t.db);
  await createCycle(t.db, { year: 2022, referenceDate: '2022-12-31' });
  await createUnit(t.db, { code: 'DB-MOI', name: 'Đảng bộ xã Mới', kind: 'grassroots_committee', orgType: 'xa', parentCode: 'HU-THU', validFrom: '2015-01-01' });
  await createEvaluation(t.db, { cycleYear: 2022, subjectKind: 'member', subjectRef: '01.000001', reviewed: true, decidedGrade: 'HTT', actor: 't' });
  app = createApp({ db: t.db, config: t.config });
  admin = await signIn(app, t.db, { role: 'admin', scope: 'HU-THU' });
  viewer = await signIn(app, t.db, { role: 'viewer', scope: 'HU-THU' });
  compiler = await signIn(app, t.db, { role: 'compiler', scope: 'HU-THU' });
});
afterAll(async () => t?.close());

describe(`forms HTTP API: workbook, import, check, verify (${testEngine})`, () => {
  it('GET …/xlsx: the workbook with a Vietnamese file name, headed by the committee, reading back to the live forms', async () => {
    const res = await app.request('/api/forms/DB-XA/2022/xlsx', withAuth(viewer));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toContain('filename="Bieu-thong-ke-DB-XA-2022.xlsx"');
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('Biểu thống kê Đảng bộ xã Một 2022.xlsx')}`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(await readFormsWorkbook(bytes)).toEqual(await getFormValues(t.db, { unitCode: 'DB-XA', year: 2022 }));
    const kd = sheet(await load(bytes), 'Biểu KD');
    expect(findCell(kd, 'ĐẢNG BỘ HUYỆN THỬ')).toBeDefined();
    expect(findCell(kd, 'ĐẢNG ỦY XÃ MỘT')).toBeDefined();
    // The body that will sign the report (a new report's default, T/M BAN THƯỜNG VỤ), as the report's annexes name it.
    expect(findCell(kd, '(Kèm theo Báo cáo số ……, ngày …… tháng …… năm …… của Ban Thường vụ Đảng ủy)')?.font.italic).toBe(true);
    const tt = sheet(await load(bytes), 'Biểu TT');
    expect(findCell(tt, 'CẤP TỈNH')).toBeUndefined();
    expect(findCell(tt, 'CẤP HUYỆN')).toBeUndefined();
  });

  it('POST …/import: a workbook whose columns were moved is refused naming the cell, nothing written (raw body and multipart)', async () => {
    const good = await renderFormsWorkbook({ doc: communeDoc() });
    let address = '';
    const moved = await tamper(good, (wb: ExcelJS.Workbook) => {
      const ws = sheet(wb, 'Biểu DV');
      const [a, b] = [colOf(ws, 'xa'), colOf(ws, 'phuong')];
      for (let r = 1; r <= ws.rowCount; r++) {
        const [x, y] = [ws.getCell(r, a), ws.getCell(r, b)];
        [x.value, y.value] = [y.value, x.value];
      }
      address = ws.getCell(1, a).address;
    });
    const before = await stored();
    for (const attempt of [() => send(admin, 'POST', '/api/forms/DB-MOI/2022/import', new Uint8Array(moved), XLSX), () => send(admin, 'POST', '/api/forms/DB-MOI/2022/import', multipart(moved, 'xa-moi.xlsx'))]) {
      const res = await attempt();
      expect([res.status, res.body.error.code]).toEqual([400, 'FormValuesInvalid']);
      expect(res.body.error.message.vi).toContain(`Biểu DV, ô ${address}`);
      expect(await stored()).toBe(before);
    }
  });

  it('POST …/import: the product’s workbook as a raw body, then as a multipart upload (replacing it)', async () => {
    const good = await renderFormsWorkbook({ doc: communeDoc() });
    expect(await rootTotal()).toBe(1);
    const raw = await send(admin, 'POST', '/api/forms/DB-MOI/2022/import', new Uint8Array(good), XLSX);
    expect([raw.status, raw.body]).toEqual([200, { unitCode: 'DB-MOI', year: 2022, cells: 14, replaced: 0, cycleCreated: false }]);
    expect(await rootTotal()).toBe(11);
    const upload = await send(admin, 'POST', '/api/forms/DB-MOI/2022/import', multipart(good, 'xa-moi.xlsx'));
    expect([upload.status, upload.body.replaced]).toEqual([200, 14]);
    expect(await rootTotal()).toBe(11);
    expect((await verify(t.db)).differences).toBe(0);
    const none = await send(admin, 'POST', '/api/forms/DB-MOI/2022/import', new FormData());
    expect([none.status, none.body.error.field]).toEqual([400, 'file']);
  });

  it('POST /api/forms/check: JSON or workbook, findings with their places, nothing written, any signed-in user', async () => {
    const before = await stored();
    const broken = JSON.parse(JSON.stringify(communeDoc())) as Record<string, any>;
    broken.forms.DV.rows['graded.htt'].total = 5; // graded 8 ≠ 1 + 5 + 1
    const json = await send(viewer, 'POST', '/api/forms/check', JSON.stringify(broken), 'application/json');
    expect(json.status).toBe(200);
    expect(json.body.errors).toBeGreaterThan(0);
    expect(json.body.findings).toContainEqual(expect.objectContaining({ code: 'SUM_ROWS', form: 'DV', row: 'graded', col: 'total', expected: 7, actual: 8 }));
    const book = await send(viewer, 'POST', '/api/forms/check', multipart(await renderFormsWorkbook({ doc: communeDoc() }), 'x.xlsx'));
    expect([book.status, book.body.errors]).toEqual([200, 0]);
    const bad = await send(viewer, 'POST', '/api/forms/check', '{ "format": ', 'application/json');
    expect([bad.status, bad.body.error.code]).toEqual([400, 'BadJson']);
    expect(await stored()).toBe(before);
  });

  it('POST /api/forms/verify: administrator only; names a tampered cell; ?fix=1 rebuilds', async () => {
    expect((await send(compiler, 'POST', '/api/forms/verify')).status).toBe(403);
    expect((await send(admin, 'POST', '/api/forms/verify?cycle=2022')).body).toMatchObject({ differences: 0 });
    const cycle = await t.db.selectFrom('cycles').select('id').executeTakeFirstOrThrow();
    await setStoredCount(t.db, { cycleId: cycle.id, unitId: 'u-xa', form: 'DV', row: 'graded.htt', col: 'xa', value: 9 });
    const found = await send(admin, 'POST', '/api/forms/verify?cycle=2022');
    expect(found.body.differences).toBe(1);
    expect(found.body.cycles[0].differences).toEqual([{ unitCode: 'DB-XA', form: 'DV', row: 'graded.htt', col: 'xa', stored: 9, expected: 1 }]);
    const fixed = await send(admin, 'POST', '/api/forms/verify?cycle=2022&fix=1');
    expect([fixed.status, fixed.body.differences, fixed.body.fixed.differences]).toEqual([200, 0, 1]);
    expect((await verify(t.db)).differences).toBe(0);
    expect((await send(admin, 'POST', '/api/forms/verify?cycle=20x2')).status).toBe(400);
  });
});
