import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDistrict } from '../../src/demo/load.js';
import { createApp } from '../../src/server/app.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';
import { authed, type AuthedApp, signIn } from '../helpers/auth.js';

/** Text of an HTML page with tags removed and whitespace collapsed. */
function textOf(page: string): string {
  return page.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe(`first page on ${testEngine}`, () => {
  let t: TestDb;
  let app: AuthedApp;
  beforeAll(async () => {
    t = await createTestDb();
    await loadDemoDistrict(t.db);
    const raw = createApp({ db: t.db, config: t.config });
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
    expect(text).toContain('Tổ chức cơ sở đảng và đơn vị trực thuộc (51)');
  });

  it('opens a grassroots committee, then a cell with its members', async () => {
    const home = await (await app.request('/')).text();
    const committeeLink = home.match(/href="(\/units\/[^"?]+)\?cycle=2022">[^<]*Đảng bộ xã Khun Há/);
    expect(committeeLink).not.toBeNull();
    const committee = await (await app.request(`${committeeLink![1]}?cycle=2022`)).text();
    expect(textOf(committee)).toContain('Đơn vị trực thuộc');
    const cellLink = committee.match(/<td><a href="(\/units\/[^"]+)">/);
    expect(cellLink).not.toBeNull();
    const cell = textOf(await (await app.request(cellLink![1]!.replace(/&amp;/g, '&'))).text());
    expect(cell).toMatch(/Đảng viên sinh hoạt tại chi bộ \(\d+\)/);
    expect(cell).toMatch(/HTXS|HTT|HT|KHT|Miễn công tác|Kết nạp chưa đủ/);
  });

  it('answers an unknown cycle or unit with a page naming it, and status 404', async () => {
    const r1 = await app.request('/?cycle=2017');
    expect(r1.status).toBe(404);
    expect(textOf(await r1.text())).toContain('Không có kỳ đánh giá năm 2017');
    const r2 = await app.request('/units/KHONG-CO?cycle=2022');
    expect(r2.status).toBe(404);
    expect(textOf(await r2.text())).toContain('«KHONG-CO»');
  });

  it('rejects a malformed cycle parameter with 400', async () => {
    const r = await app.request('/?cycle=abc');
    expect(r.status).toBe(400);
  });

  it('answers unknown API paths with the JSON error shape', async () => {
    const r = await app.request('/api/khong-co');
    expect(r.status).toBe(404);
    const body = (await r.json()) as { error: { code: string; message: { vi: string; en: string } } };
    expect(body.error.code).toBe('NotFound');
    expect(body.error.message.vi).toContain('/api/khong-co');
  });
});
