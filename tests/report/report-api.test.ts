/**
 * The report through the API: settings and prose read and edited (and printed in the next .docx),
 * last year's text offered as the starting point of a new year's report, the form-values document,
 * and the template round trip: download, change a wording, upload, find it in the next report; a
 * broken template is refused naming the placeholder and the previous template stays active.
 */
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle } from '../../src/db/queries/cycles.js';
import { countTemplates } from '../../src/db/queries/reports.js';
import { loadDemoDistrict } from '../../src/demo/load.js';
import { checkFormValues, type FormValuesDoc } from '../../src/domain/forms/index.js';
import { createApp } from '../../src/server/app.js';
import { type SignedIn, signIn, withAuth } from '../helpers/auth.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';
import { docxParagraphs } from './docx-text.js';

type Json = Record<string, any>;
let t: TestDb;
let app: ReturnType<typeof createApp>;
let admin: SignedIn;
let viewer: SignedIn;

async function get(path: string, s: SignedIn = admin): Promise<Response> {
  return app.request(path, withAuth(s));
}

async function put(path: string, body: string | Uint8Array, s: SignedIn = admin, type = 'application/json'): Promise<Response> {
  return app.request(path, withAuth(s, { method: 'PUT', headers: { 'content-type': type }, body }));
}

async function docx(path = '/api/reports/HU-TAMDUONG/2022/docx'): Promise<string[]> {
  const res = await get(path);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('wordprocessingml');
  return docxParagraphs(Buffer.from(await res.arrayBuffer()));
}

beforeAll(async () => {
  t = await createTestDb();
  await loadDemoDistrict(t.db);
  app = createApp({ db: t.db, config: t.config });
  admin = await signIn(app, t.db, { role: 'admin', scope: 'TU-LAICHAU' });
  viewer = await signIn(app, t.db, { role: 'viewer', scope: 'HU-TAMDUONG' });
});

afterAll(async () => {
  await t.close();
});

describe('report settings and prose', () => {
  it('reads the report with its model, the seed prose as the demo’s starting point', async () => {
    const res = await get('/api/reports/HU-TAMDUONG/2022', viewer);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(body.settings).toMatchObject({ number: '331-BC/HU', date: '2023-01-10', place: 'Tam Đường', issuingBody: 'Huyện ủy Tam Đường', parentBody: 'Đảng bộ tỉnh Lai Châu', decimals: 2, rounding: 'half-up' });
    expect(body.prose.strengths).toContain('Về kiểm điểm tự phê bình và phê bình');
    expect(body.model.header.numberLine).toBe('Số 331-BC/HU');
  });

  it('edits prose and settings; the next .docx prints them', async () => {
    const res = await put('/api/reports/HU-TAMDUONG/2022', JSON.stringify({ signerName: 'Nguyễn Văn Ký', prose: { tasks: 'Nhiệm vụ mới thứ nhất.\nNhiệm vụ mới thứ hai.' } }));
    expect(res.status).toBe(200);
    const paragraphs = await docx();
    expect(paragraphs).toContain('Nhiệm vụ mới thứ nhất.');
    expect(paragraphs).toContain('Nhiệm vụ mới thứ hai.');
    expect(paragraphs).toContain('Nguyễn Văn Ký');
    expect(paragraphs).toContain('Về kiểm điểm tự phê bình và phê bình: Các báo cáo kiểm điểm của tập thể, bản kiểm điểm của từng cá nhân được các cấp ủy, tổ chức đảng chỉ đạo chuẩn bị cơ bản kịp thời, chu đáo, nội dung đánh giá khá chi tiết, đầy đủ những kết quả đạt được, thẳng thắn chỉ rõ những hạn chế, khuyết điểm và xác định rõ nội dung trọng tâm, trọng điểm; vai trò, trách nhiệm của tập thể, cá nhân có liên quan trong lãnh đạo, chỉ đạo thực hiện nhiệm vụ được phát huy. Trong kiểm điểm, các tập thể, cá nhân cơ bản đã tự phê bình và phê bình một cách cầu thị, nghiêm túc, trung thực, thẳng thắn, đoàn kết, trách nhiệm, đạt hiệu quả cao; kiểm điểm trên cơ sở gắn trách nhiệm cá nhân với tập thể và với kết quả thực hiện nhiệm vụ của cơ quan, đơn vị.');
  });

  it('refuses a bad field naming it and changes nothing; a viewer may not edit', async () => {
    const before = await (await get('/api/reports/HU-TAMDUONG/2022')).json();
    const bad = await put('/api/reports/HU-TAMDUONG/2022', JSON.stringify({ rounding: 'truncate' }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Json).error.field).toBe('rounding');
    const refused = await put('/api/reports/HU-TAMDUONG/2022', JSON.stringify({ signerName: 'X' }), viewer);
    expect(refused.status).toBe(403);
    expect(await (await get('/api/reports/HU-TAMDUONG/2022')).json()).toEqual(before);
  });

  it('offers last year’s prose as the starting point of a new year’s report', async () => {
    await createCycle(t.db, { year: 2023, referenceDate: '2023-12-31' });
    const res = await get('/api/reports/HU-TAMDUONG/2023');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(body.prose.tasks).toBe('Nhiệm vụ mới thứ nhất.\nNhiệm vụ mới thứ hai.');
    expect(body.prose.strengths).toContain('Về kiểm điểm tự phê bình và phê bình');
    expect(body.settings.signerName).toBe('Nguyễn Văn Ký');
    expect(body.settings.number).toBe('-BC/HU');
  });
});

describe('form values of the report', () => {
  it('serves the values document with claims; the checker finds no error', async () => {
    const res = await get('/api/reports/HU-TAMDUONG/2022/values');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as FormValuesDoc;
    expect(doc.claims.length).toBeGreaterThan(60);
    expect(checkFormValues(doc).filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('"hoàn thành tốt nhiệm vụ trở lên" (setting printHttUp)', () => {
  it('prints it when set, claims it with the htt_up rows, and the values still check with no error', async () => {
    const on = await put('/api/reports/HU-TAMDUONG/2022', JSON.stringify({ printHttUp: true }));
    expect(on.status).toBe(200);
    expect(((await (await get('/api/reports/HU-TAMDUONG/2022')).json()) as Json).settings.printHttUp).toBe(true);
    const paragraphs = await docx();
    // 9 + 37 = 46 of 51 grassroots organisations (90,196… → 90,20); 344 + 2.072 = 2.416 of 2.543 members (95,005… → 95,01).
    expect(paragraphs).toContain('- Hoàn thành tốt nhiệm vụ trở lên: 46/51, chiếm 90,20% số tổ chức cơ sở đảng được đánh giá, xếp loại; trong đó:');
    expect(paragraphs).toContain('+ Hoàn thành xuất sắc nhiệm vụ: 09/51, chiếm 17,65% số tổ chức cơ sở đảng được đánh giá, xếp loại.');
    expect(paragraphs).toContain('- Hoàn thành tốt nhiệm vụ trở lên 2.416/2.543 đồng chí, chiếm 95,01% số đảng viên được đánh giá, xếp loại chất lượng; trong đó:');
    expect(paragraphs).toContain('- Cấp huyện: 64 đồng chí (hoàn thành tốt nhiệm vụ trở lên 64 đồng chí), cụ thể:');
    const doc = (await (await get('/api/reports/HU-TAMDUONG/2022/values')).json()) as FormValuesDoc;
    expect(doc.claims).toContainEqual(expect.objectContaining({ form: 'TC', row: 'tccsd.graded.htt_up', value: 46, base: 'tccsd.graded', percent: '90,20' }));
    expect(doc.claims).toContainEqual(expect.objectContaining({ form: 'DV', row: 'graded.htt_up', value: 2416, percent: '95,01' }));
    expect(doc.claims).toContainEqual(expect.objectContaining({ form: 'CN', row: 'huyen', col: 'htt_up', value: 64 }));
    expect(checkFormValues(doc).filter((f) => f.severity === 'error')).toEqual([]);
    const off = await put('/api/reports/HU-TAMDUONG/2022', JSON.stringify({ printHttUp: false }));
    expect(off.status).toBe(200);
    expect((await docx()).some((p) => /tốt nhiệm vụ trở lên/i.test(p))).toBe(false);
  });

  it('refuses a setting that is not true or false, naming it', async () => {
    const bad = await put('/api/reports/HU-TAMDUONG/2022', JSON.stringify({ printHttUp: 'có' }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Json).error.field).toBe('printHttUp');
  });
});

describe('report template', () => {
  it('round-trips an edited template and refuses a broken one, keeping the previous', async () => {
    const down = await get('/api/report-templates/active');
    expect(down.status).toBe(200);
    const original = Buffer.from(await down.arrayBuffer());
    const zip = new PizZip(original);
    const xml = zip.file('word/document.xml')?.asText() ?? '';
    expect(xml).toContain('Nơi nhận:');
    zip.file('word/document.xml', xml.replace('Nơi nhận:', 'Nơi nhận báo cáo:'));
    const edited = zip.generate({ type: 'nodebuffer' });
    const up = await put('/api/report-templates/active?name=mau-sua.docx', new Uint8Array(edited), admin, 'application/octet-stream');
    expect(up.status, await up.clone().text()).toBe(201);
    expect(await docx()).toContain('Nơi nhận báo cáo:');

    const templates = await countTemplates(t.db);
    const broken = new PizZip(edited);
    broken.file('word/document.xml', xml.replace('Nơi nhận:', 'Nơi nhận báo cáo:').replace('{/paragraphs}', ''));
    const refused = await put('/api/report-templates/active', new Uint8Array(broken.generate({ type: 'nodebuffer' })), admin, 'application/octet-stream');
    expect(refused.status).toBe(422);
    const error = ((await refused.json()) as Json).error;
    expect(error.code).toBe('TemplateInvalid');
    expect(error.message.vi).toContain('Thẻ «{#paragraphs}» chưa được đóng');
    expect(await countTemplates(t.db)).toBe(templates);
    expect(await docx()).toContain('Nơi nhận báo cáo:');
  });

  it('refuses a file that is not a .docx, and a non-admin upload', async () => {
    const junk = await put('/api/report-templates/active', 'không phải docx', admin, 'application/octet-stream');
    expect(junk.status).toBe(422);
    expect(((await junk.json()) as Json).error.code).toBe('TemplateInvalid');
    const notAdmin = await put('/api/report-templates/active', new Uint8Array([1, 2, 3]), viewer, 'application/octet-stream');
    expect(notAdmin.status).toBe(403);
  });
});
