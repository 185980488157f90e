/**
 * The server-rendered pages on the demo district: the overview, a unit's page, the cell secretary's
 * first page, download links, counts that agree with form DV, and the error pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDistrict } from '../../src/demo/load.js';
import { createDemoUsers, DEMO_CELL_CODE } from '../../src/demo/users.js';
import { createApp } from '../../src/server/app.js';
import { getFormValues } from '../../src/services/forms.js';
import { overrideEligibility } from '../../src/services/eligibility.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';
import { authed, type AuthedApp, signIn } from '../helpers/auth.js';

/** Text of an HTML page with tags removed and whitespace collapsed. */
function textOf(page: string): string {
  return page.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe(`first page on ${testEngine}`, () => {
  let t: TestDb;
  let raw: ReturnType<typeof createApp>;
  let app: AuthedApp;
  /** Signs in as a demo account (password `demo-pass`) and returns its cookie header. */
  const demo = async (username: string) => {
    const res = await raw.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo-pass' }) });
    const { token } = (await res.json()) as { token: string };
    return { cookie: `xeploai_session=${token}` };
  };
  const page = async (path: string, headers: Record<string, string>) => {
    const res = await raw.request(path, { headers });
    return { status: res.status, html: await res.text() };
  };
  beforeAll(async () => {
    t = await createTestDb();
    await loadDemoDistrict(t.db);
    await createDemoUsers(t.db, 'demo-pass');
    raw = createApp({ db: t.db, config: t.config });
    app = authed(raw, await signIn(raw, t.db, { role: 'admin', scope: 'TU-LAICHAU' }));
  });
  afterAll(() => t.close());

  it('shows the demo district with its members and grade counts for 2022, in Vietnamese', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const text = textOf(await res.text());
    expect(text).toContain('Đảng bộ huyện Tam Đường — kết quả năm 2022');
    expect(text).toMatch(/2\.731 đảng viên/);
    expect(text).toMatch(/2\.543 đảng viên đã xếp loại/);
    expect(text).toMatch(/344 Hoàn thành xuất sắc nhiệm vụ/);
    expect(text).toMatch(/2\.072 Hoàn thành tốt nhiệm vụ/);
    expect(text).toMatch(/90 Hoàn thành nhiệm vụ/);
    expect(text).toMatch(/37 Không hoàn thành nhiệm vụ/);
    expect(text).toMatch(/188 không phải đánh giá, xếp loại/);
    expect(text).toContain('Tổ chức cơ sở đảng và đơn vị trực thuộc (51)');
  });

  it('opens a grassroots committee, then a cell with its members; breadcrumbs end without ›', async () => {
    const home = await (await app.request('/')).text();
    const committeeLink = home.match(/href="(\/units\/[^"?]+)\?cycle=2022">Xem trang Đảng bộ xã Khun Há/);
    expect(committeeLink).not.toBeNull();
    const committee = await (await app.request(`${committeeLink![1]}?cycle=2022`)).text();
    expect(textOf(committee)).toContain('Đơn vị trực thuộc');
    // Every child of a commune is a cell of the same type: no "Loại" column.
    expect(committee).not.toContain('<th class="hide-sm">Loại</th>');
    const cellLink = committee.match(/<td><a href="(\/units\/[^"]+)">/);
    expect(cellLink).not.toBeNull();
    const cellPage = await (await app.request(cellLink![1]!.replace(/&amp;/g, '&'))).text();
    const cell = textOf(cellPage);
    expect(cell).toMatch(/Đảng viên sinh hoạt tại chi bộ \(\d+\)/);
    expect(cell).toMatch(/HTXS|HTT|HT|KHT|Miễn công tác|Kết nạp chưa đủ/);
    const crumbs = cellPage.match(/<nav class="crumbs"[^>]*>([\s\S]*?)<\/nav>/)?.[1] ?? '';
    expect(textOf(crumbs).trim()).toBe('Tổng quan › Đảng bộ tỉnh Lai Châu › Đảng bộ huyện Tam Đường › Đảng bộ xã Khun Há');
    // The district's children differ in type: the column is there.
    expect(home).toContain('Tổ chức cơ sở đảng');
  });

  it('lands the cell secretary on the cell page: members and grades, no empty sections, name not code in the bar', async () => {
    const { status, html } = await page('/', await demo('chibo'));
    expect(status).toBe(200);
    const text = textOf(html);
    expect(text).toContain('Chi bộ Tổ dân phố số 1 — kết quả năm 2022');
    expect(text).toMatch(/Đảng viên sinh hoạt tại chi bộ \(15\)/);
    expect(text).not.toMatch(/\(0\)/);
    expect(text).not.toContain('Tổ chức cơ sở đảng và đơn vị trực thuộc');
    const bar = textOf(html.match(/<div class="who">([\s\S]*?)<\/div>/)?.[1] ?? '');
    expect(bar).toContain('Bí thư Chi bộ Tổ dân phố số 1');
    expect(bar).not.toContain(DEMO_CELL_CODE);
    expect(bar.match(/Chi bộ Tổ dân phố số 1/g)).toHaveLength(1);
    // A cell's report is compiled by its committee: no download links on a cell.
    expect(html).not.toContain('Tải báo cáo');
  });

  it('shows the scope unit by name in the bar for the district viewer', async () => {
    const { html } = await page('/', await demo('xem'));
    const bar = textOf(html.match(/<div class="who">([\s\S]*?)<\/div>/)?.[1] ?? '');
    expect(bar).toContain('Người xem (huyện Tam Đường) · Đảng bộ huyện Tam Đường');
    expect(bar).not.toContain('HU-TAMDUONG');
  });

  it('links the forms workbook and the report of a district and a committee for readers', async () => {
    for (const who of ['xem', 'bantochuc']) {
      const { html } = await page('/', await demo(who));
      expect(html).toContain('<a class="button" href="/api/forms/HU-TAMDUONG/2022/xlsx" download>Tải biểu thống kê (Excel)</a>');
      expect(html).toContain('<a class="button" href="/api/reports/HU-TAMDUONG/2022/docx" download>Tải báo cáo (.docx)</a>');
      expect(html).toContain('<a class="button" href="/api/reports/HU-TAMDUONG/2022/pdf" download>Tải báo cáo (.pdf)</a>');
    }
    const { html } = await page('/units/TD-DU-TTTAMDUONG?cycle=2022', await demo('bantochuc'));
    expect(html).toContain('href="/api/forms/TD-DU-TTTAMDUONG/2022/xlsx"');
    // The report route the link names answers the signed-in reader (not downloaded here: LibreOffice).
    const values = await raw.request('/api/reports/HU-TAMDUONG/2022/values', { headers: await demo('xem') });
    expect(values.status).toBe(200);
  });

  it('counts as form DV does: a graded member made exempt leaves the graded count on the page and on the form alike', async () => {
    const cookie = await demo('chibo');
    const before = textOf((await page('/', cookie)).html);
    expect(before).toMatch(/13 đảng viên đã xếp loại/);
    const cellId = (await t.db.selectFrom('org_units').select('id').where('code', '=', DEMO_CELL_CODE).executeTakeFirstOrThrow()).id;
    const graded = await t.db
      .selectFrom('evaluations as e')
      .innerJoin('persons as p', 'p.id', 'e.subject_id')
      .select(['e.id', 'p.full_name'])
      .where('e.unit_id', '=', cellId)
      .where('e.subject_kind', '=', 'member')
      .where('e.decided_grade', '=', 'HTT')
      .orderBy('p.full_name')
      .executeTakeFirstOrThrow();
    await overrideEligibility(t.db, { evaluationId: graded.id, status: 'exempt', reason: 'Miễn sinh hoạt từ tháng 3', byUnit: 'HU-TAMDUONG', actor: 'test' });
    const html = (await page('/', cookie)).html;
    const text = textOf(html);
    const dv = (await getFormValues(t.db, { unitCode: DEMO_CELL_CODE, year: 2022, form: 'DV' })).forms.DV!.rows;
    expect(dv.graded?.total).toBe(12);
    expect(dv['graded.htt']?.total).toBe(10);
    expect(dv.not_required?.total).toBe(3);
    expect(text).toMatch(/12 đảng viên đã xếp loại/);
    expect(text).toMatch(/10 Hoàn thành tốt nhiệm vụ/);
    expect(text).toMatch(/3 không phải đánh giá, xếp loại/);
    const row = html.split('<tr>').find((r) => r.includes(graded.full_name)) ?? '';
    expect(textOf(row)).toContain('Miễn công tác và sinh hoạt đảng');
    // The district's page agrees with its own DV form too.
    const district = textOf((await page('/', await demo('xem'))).html);
    const dvDistrict = (await getFormValues(t.db, { unitCode: 'HU-TAMDUONG', year: 2022, form: 'DV' })).forms.DV!.rows;
    expect(dvDistrict.graded?.total).toBe(2542);
    expect(district).toMatch(/2\.542 đảng viên đã xếp loại/);
  });

  it('answers an unknown cycle or unit with a page naming it, and status 404', async () => {
    const r1 = await app.request('/?cycle=2017');
    expect(r1.status).toBe(404);
    expect(textOf(await r1.text())).toContain('Không có kỳ đánh giá năm 2017');
    const r2 = await app.request('/units/KHONG-CO?cycle=2022');
    expect(r2.status).toBe(404);
    expect(textOf(await r2.text())).toContain('«KHONG-CO»');
  });

  it('rejects a malformed cycle parameter with 400 and a Vietnamese sentence naming it', async () => {
    const r = await app.request('/?cycle=abc');
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('text/html');
    const text = textOf(await r.text());
    expect(text).toContain('Năm kỳ đánh giá «abc» không hợp lệ');
    expect(text).not.toMatch(/expected|Invalid input/);
  });

  it('answers unknown page paths with a Vietnamese page linking home', async () => {
    for (const path of ['/nope', '/units/TD-DU-TTTAMDUONG/']) {
      const r = await app.request(path);
      expect(r.status).toBe(404);
      expect(r.headers.get('content-type')).toContain('text/html');
      const html = await r.text();
      expect(textOf(html)).toContain(`Không có trang «${path}»`);
      expect(html).toContain('href="/">Về trang tổng quan</a>');
    }
  });

  it('answers unknown API paths with the JSON error shape', async () => {
    const r = await app.request('/api/khong-co');
    expect(r.status).toBe(404);
    const body = (await r.json()) as { error: { code: string; message: { vi: string; en: string } } };
    expect(body.error.code).toBe('NotFound');
    expect(body.error.message.vi).toContain('/api/khong-co');
  });
});
