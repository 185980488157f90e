/**
 * Import and export over HTTP (issue #10 items 1–2): an upload starts a job whose progress can be
 * polled until its report; a dry run writes nothing; a user scoped to a unit imports only there;
 * the template and the exports download; another user's job is not shown; the write is audited.
 */
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxSheets } from '../../src/services/import/read-xlsx.js';
import { createApp } from '../../src/server/app.js';
import { dumpTables } from '../helpers/dump.js';
import { type SignedIn, signIn, withAuth } from '../helpers/auth.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';
import { COLLECTIVES, EVENTS, PERSONS, POSITIONS, UNITS, workbook } from '../import/fixtures.js';

let t: TestDb;
let app: ReturnType<typeof createApp>;
let admin: SignedIn;
type Json = Record<string, any>;

async function upload(as: SignedIn, files: { name: string; bytes: Uint8Array }[], query = ''): Promise<{ status: number; body: Json }> {
  const form = new FormData();
  for (const f of files) form.append('file', new File([f.bytes], f.name));
  const res = await app.request(`/api/imports${query}`, withAuth(as, { method: 'POST', body: form }));
  return { status: res.status, body: (await res.json()) as Json };
}

/** Polls the job until it is no longer running, keeping every progress seen. */
async function follow(as: SignedIn, id: string): Promise<{ job: Json; seen: Json[] }> {
  const seen: Json[] = [];
  for (;;) {
    const res = await app.request(`/api/imports/${id}`, withAuth(as));
    expect(res.status).toBe(200);
    const { job } = (await res.json()) as { job: Json };
    seen.push(job.progress);
    if (job.status !== 'running') return { job, seen };
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, config: t.config });
  admin = await signIn(app, t.db, { role: 'admin', scope: 'QTHT', createScope: true });
});
afterAll(() => t.close());

describe(`import and export over HTTP, on ${testEngine}`, () => {
  const sheets = { 'Đơn vị': UNITS, 'Đảng viên': PERSONS, 'Sự kiện': EVENTS, 'Tập thể': COLLECTIVES, 'Chức vụ': POSITIONS };

  it('a dry run reports and writes nothing; the import then runs as a job to its report', async () => {
    const file = await workbook(sheets);
    const before = await dumpTables(t.db);
    const dry = await upload(admin, [file], '?dryRun=1');
    expect(dry.status).toBe(202);
    expect(dry.body.job).toMatchObject({ status: 'running', dryRun: true });
    const checked = await follow(admin, dry.body.job.id);
    expect(checked.job).toMatchObject({ status: 'done', report: { ok: true, dryRun: true, written: false } });
    expect(await dumpTables(t.db)).toEqual(before);

    const run = await upload(admin, [file]);
    const { job, seen } = await follow(admin, run.body.job.id);
    expect(job.report).toMatchObject({ ok: true, written: true, persons: 4 });
    expect(job.progress).toMatchObject({ phase: 'done', percent: 100 });
    for (const p of seen) {
      expect(p.percent).toBeGreaterThanOrEqual(0);
      expect(p.percent).toBeLessThanOrEqual(100);
      expect(p.message.vi).not.toBe('');
    }
    // The write is logged in its own transaction, naming who imported which files; the dry run wrote no such entry.
    const logged = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'import.write').execute();
    expect(logged.map((e) => [e.actor, e.entity_key])).toEqual([[admin.user.username, file.name]]);
    expect(JSON.parse(logged[0]!.new_value ?? '{}')).toMatchObject({ files: [{ name: file.name, bytes: file.bytes.length }], planned: expect.any(Number) });
    const members = await app.request('/api/units/CB-1/members?date=2016-06-01', withAuth(admin));
    expect(((await members.json()) as Json).members.map((m: Json) => m.person.cardNumber)).toEqual(['01.002', '01.001']);
  });

  it('a clerk imports only under its own unit: rows elsewhere are refused, naming the unit', async () => {
    const clerk = await signIn(app, t.db, { role: 'clerk', scope: 'XA-1' });
    const before = await dumpTables(t.db);
    const rows = [
      ['code', 'name', 'kind', 'parentCode', 'validFrom'],
      ['CB-3', 'Chi bộ thôn Ba', 'cell', 'XA-1', '2020-01-01'],
      ['XA-2', 'Đảng bộ xã Hai', 'grassroots_committee', 'HUYEN', '2020-01-01'],
    ];
    const { job } = await follow(clerk, (await upload(clerk, [await workbook({ 'Đơn vị': rows })])).body.job.id);
    expect(job.report.ok).toBe(false);
    expect(job.report.errors).toHaveLength(1);
    expect(job.report.errors[0]).toMatchObject({ sheet: 'Đơn vị', row: 3, field: 'parentCode', code: 'Forbidden', value: 'HUYEN' });
    expect(await dumpTables(t.db)).toEqual(before);
    // Another user's job is not shown to it.
    const res = await app.request(`/api/imports/${job.id}`, withAuth(admin));
    expect(res.status).toBe(200);
    const other = await signIn(app, t.db, { role: 'clerk', scope: 'XA-1' });
    expect((await app.request(`/api/imports/${job.id}`, withAuth(other))).status).toBe(404);
  });

  it('a viewer cannot import', async () => {
    const viewer = await signIn(app, t.db, { role: 'viewer', scope: 'XA-1' });
    expect((await upload(viewer, [await workbook(sheets)])).status).toBe(403);
  });

  it('downloads the template and exports the scope as a workbook and as CSV files', async () => {
    const template = await app.request('/api/imports/template', withAuth(admin));
    expect(template.headers.get('content-type')).toContain('spreadsheetml');
    const bytes = new Uint8Array(await template.arrayBuffer());
    const sheets = readXlsxSheets(bytes);
    expect(sheets.map((s) => s.name)).toEqual(['Đơn vị', 'Đảng viên', 'Sự kiện', 'Tập thể', 'Chức vụ', 'Thành viên tập thể', 'Hướng dẫn', 'Danh mục']);
    expect(sheets[0]!.rows[0]!.cells.slice(0, 3)).toEqual(['Mã đơn vị (code)', 'Tên đơn vị (name)', 'Loại tổ chức đảng (kind)']);
    // The unit kind's column is a drop-down of the codes listed on the sheet Danh mục.
    const unitsXml = new PizZip(Buffer.from(bytes)).file('xl/worksheets/sheet1.xml')!.asText();
    expect(unitsXml).toMatch(/<dataValidation type="list"[^>]*sqref="C2:C5000"[^>]*>\s*<formula1>(&apos;|')Danh mục(&apos;|')!\$A\$2:\$A\$7<\/formula1>/);
    const lists = sheets.find((s) => s.name === 'Danh mục')!;
    expect(lists.rows.slice(1, 7).map((r) => r.cells[0])).toEqual(['province_committee', 'district_committee', 'grassroots_committee', 'grassroots_cell', 'sub_committee', 'cell']);

    const clerk = await signIn(app, t.db, { role: 'clerk', scope: 'CB-2' });
    const zip = await app.request('/api/exports/csv', withAuth(clerk));
    expect(zip.headers.get('content-type')).toBe('application/zip');
    const files = new PizZip(Buffer.from(await zip.arrayBuffer())).files;
    const persons = files['persons.csv']!.asText().replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(persons[0]).toBe('cardNumber,fullName,birthDate,sex,admittedOn,officialOn,isCivilServant,unitCode,validFrom,validTo');
    expect(persons.slice(1).map((l) => l.split(',')[7])).toEqual(['CB-2']);
    expect((await app.request('/api/exports/workbook?unit=CB-1', withAuth(clerk))).status).toBe(403);

    const book = await app.request('/api/exports/workbook', withAuth(admin));
    const units = readXlsxSheets(new Uint8Array(await book.arrayBuffer())).find((s) => s.name === 'Đơn vị')!;
    expect(units.rows[0]?.cells[0]).toBe('Mã đơn vị (code)');
    expect(units.rows.slice(1).map((r) => r.cells[0])).toEqual(['CB-1', 'CB-2', 'HUYEN', 'QTHT', 'TINH', 'XA-1']);
  });
});
