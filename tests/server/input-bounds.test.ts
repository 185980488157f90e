/**
 * Bad input answers 4xx with a message naming the field, never 500, on both engines (issue #11 item
 * 3): NUL and control characters in a body (the sign-in included), a path or a query; bodies and
 * fields over their limits; a workbook bomb sent by a viewer refused before any parsing, with bounded
 * memory, its declared sizes lying or not; a template name with CR/LF.
 */
import { deflateRawSync } from 'node:zlib';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentDisposition, sanitiseFileName } from '../../src/domain/file-names.js';
import { createApp } from '../../src/server/app.js';
import { BODY_LIMITS, FIELD_MAX_CHARS } from '../../src/server/input-bounds.js';
import { WorkSlots } from '../../src/server/work-slots.js';
import { assertZipWithin } from '../../src/services/zip-guard.js';
import { signIn, type SignedIn } from '../helpers/auth.js';
import { type TestDb, testEngine } from '../helpers/test-db.js';
import { snapshot } from '../workflow/helpers.js';
import { openCycle2023, scopeWorld } from './fixtures-scope.js';

type Json = Record<string, any>;

/** A zip whose one entry expands to `mb` megabytes of one repeated letter (a few tens of KB compressed). */
function bomb(mb: number): Uint8Array {
  const zip = new PizZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('xl/workbook.xml', '<workbook/>');
  zip.file('xl/worksheets/sheet1.xml', 'A'.repeat(mb * 1024 * 1024));
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
}

/** The bomb with every declared expanded size rewritten to 1 KB (a forged central directory). */
function lying(bytes: Uint8Array): Uint8Array {
  const b = Buffer.from(bytes);
  for (let i = 0; i + 4 <= b.length; i++) if (b.readUInt32LE(i) === 0x02014b50 && b.readUInt32LE(i + 24) > 1024) b.writeUInt32LE(1024, i + 24);
  return new Uint8Array(b);
}

/** A zip record: its signature, then little-endian fields as [offset, bytes, value]. */
function zipRecord(length: number, signature: number, fields: readonly [number, 2 | 4, number][]): Buffer {
  const b = Buffer.alloc(length);
  b.writeUInt32LE(signature, 0);
  for (const [at, size, value] of fields) {
    if (size === 2) b.writeUInt16LE(value, at);
    else b.writeUInt32LE(value, at);
  }
  return b;
}

/**
 * A zip of one entry per name, each expanding to `mb` megabytes, its sizes declared truthfully: built
 * by hand around one compressed run, so the test never holds the expanded bytes more than once.
 */
function bigBomb(names: readonly string[], mb: number): Uint8Array {
  const raw = Buffer.alloc(mb * 1024 * 1024, 'A');
  const data = deflateRawSync(raw);
  const crc = crc32(raw);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const n = Buffer.from(name);
    // Version 2.0, method 8 (deflate), CRC, compressed and expanded sizes, name length; the central entry adds the local header's offset.
    locals.push(zipRecord(30, 0x04034b50, [[4, 2, 20], [8, 2, 8], [14, 4, crc], [18, 4, data.length], [22, 4, raw.length], [26, 2, n.length]]), n, data);
    centrals.push(zipRecord(46, 0x02014b50, [[4, 2, 20], [6, 2, 20], [10, 2, 8], [16, 4, crc], [20, 4, data.length], [24, 4, raw.length], [28, 2, n.length], [42, 4, offset]]), n);
    offset += 30 + n.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = zipRecord(22, 0x06054b50, [[8, 2, names.length], [10, 2, names.length], [12, 4, dir.length], [16, 4, offset]]);
  return new Uint8Array(Buffer.concat([...locals, dir, end]));
}

/** CRC-32 (the zip's), for the hand-built archive to be a valid one. */
function crc32(b: Buffer): number {
  let table = crcTable;
  if (!table) {
    table = crcTable = new Int32Array(256);
    for (let i = 0; i < 256; i++) {
      let c = i;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[i] = c;
    }
  }
  let crc = -1;
  for (let i = 0; i < b.length; i++) crc = table[(crc ^ b[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}
let crcTable: Int32Array | undefined;

describe(`input bounds, ${testEngine}`, () => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let compiler: SignedIn;
  let viewer: SignedIn;
  let evaluationId: string;

  const send = async (who: SignedIn | undefined, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const init: RequestInit = { method, headers: { ...(who?.headers ?? {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers } };
    if (body !== undefined) init.body = typeof body === 'string' || body instanceof Uint8Array ? (body as string) : JSON.stringify(body);
    const res = await app.request(path, init);
    const text = await res.text();
    return { status: res.status, body: (text.startsWith('{') ? JSON.parse(text) : {}) as Json, headers: res.headers };
  };

  beforeAll(async () => {
    ({ t, app } = await scopeWorld());
    evaluationId = await openCycle2023(t.db);
    compiler = await signIn(app, t.db, { role: 'compiler', scope: 'HUYEN' });
    viewer = await signIn(app, t.db, { role: 'viewer', scope: 'HUYEN' });
  });
  afterAll(() => t.close());

  it('refuses NUL and control characters in bodies, paths and queries with a 400 naming the field, the sign-in included', async () => {
    const before = await snapshot(t.db);
    const cases: [SignedIn | undefined, string, string, unknown, string][] = [
      [undefined, 'POST', '/api/auth/login', { username: 'ad\u0000min', password: 'x' }, 'username'],
      [undefined, 'POST', '/api/auth/login', { username: 'admin', password: 'x\u0000' }, 'password'],
      [compiler, 'POST', '/api/persons', { cardNumber: '66.001', fullName: 'Tên\u0000Lạ', sex: 'nam', admittedOn: '2012-01-01' }, 'fullName'],
      [compiler, 'PATCH', `/api/evaluations/${evaluationId}`, { note: 'a\u0007b', version: 1 }, 'note'],
      [compiler, 'POST', `/api/evaluations/${evaluationId}/opinions`, { bodyName: 'Chi ủy', comment: 'x\u001by' }, 'comment'],
      [compiler, 'PUT', '/api/cycles/2023/deadlines', { deadlines: [{ level: 'cell', dueOn: '2023-12-08\u0000' }] }, 'deadlines.0.dueOn'],
      [compiler, 'GET', '/api/persons/10.001%00', undefined, 'path'],
      [compiler, 'GET', '/api/cycles/2023/evaluations?unit=CB-A%00', undefined, 'unit'],
      [compiler, 'GET', '/api/search?q=%0D%0Ax', undefined, 'q'],
    ];
    for (const [who, method, path, body, field] of cases) {
      const res = await send(who, method, path, body);
      expect([res.status, res.body.error?.code, res.body.error?.field], `${method} ${path}`).toEqual([400, 'ValidationFailed', field]);
      expect(res.body.error.message.vi).toContain(`«${field}»`);
    }
    // Line breaks and tabs stay allowed in free text.
    expect((await send(compiler, 'PATCH', `/api/evaluations/${evaluationId}`, { note: 'dòng một\ndòng hai\tcột', version: 1 })).status).toBe(200);
    const after = await snapshot(t.db);
    expect(after.evaluation_history).toBe(before.evaluation_history + 1);
  });

  it('refuses bodies over their limit with 413 (a 50 MB sign-in is not read) and text fields over FIELD_MAX_CHARS with 400', async () => {
    const big = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) }, body: 'x' });
    expect([big.status, ((await big.json()) as Json).error.code]).toEqual([413, 'PayloadTooLarge']);
    const tenMb = await send(compiler, 'PATCH', `/api/evaluations/${evaluationId}`, { note: 'n'.repeat(10 * 1024 * 1024), version: 2 });
    expect([tenMb.status, tenMb.body.error.field]).toEqual([413, 'body']);
    expect(tenMb.body.error.message.vi).toBe(`Nội dung gửi lên quá lớn: tối đa ${BODY_LIMITS.json / 1024 / 1024} MB cho yêu cầu này.`);
    const long = await send(compiler, 'PATCH', `/api/evaluations/${evaluationId}`, { note: 'n'.repeat(FIELD_MAX_CHARS + 1), version: 2 });
    expect([long.status, long.body.error.field]).toEqual([400, 'note']);
    expect((await send(compiler, 'PATCH', `/api/evaluations/${evaluationId}`, { note: 'n'.repeat(FIELD_MAX_CHARS), version: 2 })).status).toBe(200);
  });

  it('refuses a viewer\'s workbook bombs before parsing, eight at once, within bounded memory and time', async () => {
    const honest = bomb(50);
    const bombs = [honest, lying(honest)];
    const rssBefore = process.memoryUsage().rss;
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => send(viewer, 'POST', '/api/forms/check', Buffer.from(bombs[i % 2]!), { 'content-type': 'application/octet-stream' })),
    );
    const elapsed = Date.now() - started;
    const grown = process.memoryUsage().rss - rssBefore;
    for (const r of results) {
      expect([413, 429], JSON.stringify(r.body)).toContain(r.status);
      expect(r.body.error.message.vi).toEqual(expect.any(String));
    }
    expect(results.filter((r) => r.status === 413).length).toBeGreaterThanOrEqual(2);
    expect(results.find((r) => r.status === 413 && r.body.error.message.en.includes('expands to'))).toBeDefined();
    expect(results.find((r) => r.status === 413 && r.body.error.message.en.includes('declared size'))).toBeDefined();
    expect(elapsed).toBeLessThan(5_000);
    expect(grown).toBeLessThan(300 * 1024 * 1024);
  });

  it('refuses workbook and CSV-zip bombs sent to the import before parsing, within bounded memory, starting no job', async () => {
    const before = await snapshot(t.db);
    // Honest sizes: 5 sheets of 64 MB (320 MB, over the import's 256 MB); lying ones: 50 MB declared as 1 KB.
    const book = bigBomb(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml'], 64);
    const csvZip = bigBomb(['units.csv', 'persons.csv', 'events.csv', 'a.csv', 'b.csv'], 64);
    const liar = lying(bomb(50));
    const rssBefore = process.memoryUsage().rss;
    const started = Date.now();
    const octet = { 'content-type': 'application/octet-stream' };
    const results = await Promise.all([
      send(compiler, 'POST', '/api/imports?name=to-chuc.xlsx', Buffer.from(book), octet),
      send(compiler, 'POST', '/api/imports?name=to-chuc.zip', Buffer.from(csvZip), octet),
    ]);
    results.push(await send(compiler, 'POST', '/api/imports?name=gia.xlsx', Buffer.from(liar), octet));
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(csvZip)]), 'to\r\nchuc.zip');
    const res = await app.request('/api/imports', { method: 'POST', headers: compiler.headers, body: form });
    results.push({ status: res.status, body: (await res.json()) as Json, headers: res.headers });
    const grown = process.memoryUsage().rss - rssBefore;
    for (const r of results) expect([r.status, r.body.error?.code, r.body.error?.field], JSON.stringify(r.body)).toEqual([413, 'PayloadTooLarge', 'file']);
    expect(results.map((r) => r.body.error.message.en)).toEqual([
      expect.stringMatching(/"to-chuc\.xlsx" refused: expands to 320 MB, at most 256 MB/),
      expect.stringMatching(/"to-chuc\.zip" refused: expands to 320 MB/),
      expect.stringMatching(/"gia\.xlsx" refused: entry .* declared size/),
      expect.stringMatching(/"to chuc\.zip" refused/), // the uploaded name, its line break gone
    ]);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(grown).toBeLessThan(300 * 1024 * 1024);
    expect(await snapshot(t.db)).toEqual(before);
    // Within the limits the same route takes the file (a job starts).
    const small = new PizZip();
    small.file('units.csv', 'x');
    const ok = await send(compiler, 'POST', '/api/imports?name=nho.zip&dryRun=1', Buffer.from(small.generate({ type: 'uint8array', compression: 'DEFLATE' })), octet);
    expect(ok.status, JSON.stringify(ok.body)).toBe(202);
  });

  it('checks a zip\'s size, entry count and expanded size', () => {
    const many = new PizZip();
    for (let i = 0; i < 1_001; i++) many.file(`f${i}.txt`, 'x');
    expect(() => assertZipWithin(many.generate({ type: 'uint8array' }), 'nhieu.zip')).toThrow(/1001 entries, at most 1000/);
    expect(() => assertZipWithin(bomb(1), 'nho.xlsx')).not.toThrow();
    expect(() => assertZipWithin(bomb(1), 'nho.xlsx', { maxBytes: 100, maxEntries: 10, maxExpandedBytes: 1e9 })).toThrow(/at most 0 MB|at most 0\.0 MB|MB, at most/);
    expect(() => assertZipWithin(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'hong.zip')).toThrow(/not a valid zip/);
  });

  it('lets one user read at most two workbooks at once (429 beyond), others unaffected', async () => {
    const slots = new WorkSlots(2, 4);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const held = [slots.run('a', () => gate), slots.run('a', () => gate)];
    await expect(slots.run('a', async () => 1)).rejects.toMatchObject({ code: 'Busy', status: 429 });
    await expect(slots.run('b', async () => 2)).resolves.toBe(2);
    release();
    await Promise.all(held);
    await expect(slots.run('a', async () => 3)).resolves.toBe(3);
  });

  it('sanitises a template name with CR/LF so every later download still answers', async () => {
    const admin = await signIn(app, t.db, { role: 'admin', scope: 'TINH' });
    const refused = await send(admin, 'PUT', '/api/report-templates/active?name=a%0D%0ASet-Cookie:%20x=1.docx', 'x', { 'content-type': 'application/octet-stream' });
    expect([refused.status, refused.body.error.field]).toEqual([400, 'name']);
    // A name stored before the fix (written directly): the download still answers, with a clean header.
    await t.db.insertInto('report_templates').values({ id: 'tpl-crlf', name: 'mẫu\r\nSet-Cookie: x=1.docx', content: Buffer.from('PK').toString('base64'), uploaded_at: '2024-01-01T00:00:00.000Z', uploaded_by: 'cu', active: 0 }).execute();
    const row = await t.db.selectFrom('report_templates').select('name').where('id', '=', 'tpl-crlf').executeTakeFirstOrThrow();
    expect(attachmentDisposition(row.name)).toBe(`attachment; filename="mau Set-Cookie x-1.docx"; filename*=UTF-8''${encodeURIComponent('mẫu Set-Cookie x=1.docx')}`);
    expect(sanitiseFileName('../../etc/passwd', 'x')).toBe('etc passwd');
    expect(sanitiseFileName('\r\n', 'mau-bao-cao.docx')).toBe('mau-bao-cao.docx');
  });
});
