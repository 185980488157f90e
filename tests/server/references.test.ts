/**
 * Authority on references and reads that write nothing (issue #11 items 4 and 8), over HTTP on both
 * engines: future-dated tree changes that would put a district's units under themselves (or out of
 * it) are refused on every later day and change nothing; a viewer reading a report, its document
 * and its numbers writes no row (the report stays unsaved until someone saves it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle } from '../../src/db/queries/cycles.js';
import { createApp } from '../../src/server/app.js';
import { signIn, type SignedIn } from '../helpers/auth.js';
import { dumpTables } from '../helpers/dump.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';
import { seedScopeOrg } from './fixtures-scope.js';

type Json = Record<string, any>;

describe(`references and reads, ${testEngine}`, () => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let compiler: SignedIn;
  let viewer: SignedIn;
  const send = async (who: SignedIn, method: string, path: string, body?: unknown) => {
    const res = await app.request(path, { method, headers: { ...who.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, body: (type.includes('json') ? await res.json() : {}) as Json };
  };

  beforeAll(async () => {
    t = await createTestDb();
    app = createApp({ db: t.db, config: t.config });
    await seedScopeOrg(t.db);
    await createCycle(t.db, { year: 2023, referenceDate: '2023-12-31' });
    compiler = await signIn(app, t.db, { role: 'compiler', scope: 'HUYEN' });
    viewer = await signIn(app, t.db, { role: 'viewer', scope: 'HUYEN' });
  });
  afterAll(() => t.close());

  it('refuses future-dated tree changes that break the tree on any later day, changing nothing', async () => {
    const before = await dumpTables(t.db);
    // Moving a commune to another district from 2028 writes into a unit outside the compiler's scope: 403.
    const away = await send(compiler, 'POST', '/api/units/XA-B/changes', { from: '2028-01-01', parentCode: 'HUYEN-2' });
    expect([away.status, away.body.error.code]).toEqual([403, 'Forbidden']);
    // The commune under its own cell from 2028, or the district under its commune from 2030: refused, naming the day.
    for (const [code, change] of [['XA-A', { from: '2028-01-01', parentCode: 'CB-A' }], ['HUYEN', { from: '2030-06-01', parentCode: 'XA-A' }], ['XA-A', { from: '2029-01-01', kind: 'cell' }]] as const) {
      const res = await send(compiler, 'POST', `/api/units/${code}/changes`, change);
      expect([403, 422], JSON.stringify(res.body)).toContain(res.status);
      expect(res.body.error.message.vi).toEqual(expect.any(String));
    }
    expect(await dumpTables(t.db)).toEqual(before);
    // The subtree still holds its units on every later day asked.
    for (const date of ['2028-01-01', '2030-06-01', '2040-01-01']) {
      const subtree = await send(compiler, 'GET', `/api/units/HUYEN/subtree?date=${date}`);
      expect((subtree.body.units as Json[]).map((u) => u.code).sort()).toEqual(['CB-A', 'CB-B', 'HUYEN', 'XA-A', 'XA-B']);
    }
  });

  it('writes nothing when a viewer reads a report, its document and its numbers', async () => {
    const before = await dumpTables(t.db);
    const view = await send(viewer, 'GET', '/api/reports/HUYEN/2023');
    expect([view.status, view.body.version]).toEqual([200, 0]);
    expect((await send(viewer, 'GET', '/api/reports/HUYEN/2023/values')).status).toBe(200);
    expect((await app.request('/api/reports/HUYEN/2023/docx', { headers: viewer.headers })).status).toBe(200);
    expect(await dumpTables(t.db)).toEqual(before);
    expect(await t.db.selectFrom('reports').selectAll().execute()).toEqual([]);
    // The first save stores it, credited to whoever saved.
    const saved = await send(compiler, 'PUT', '/api/reports/HUYEN/2023', { prose: { strengths: 'Đã lưu' }, version: 0 });
    expect([saved.status, saved.body.version, saved.body.updatedBy]).toEqual([200, 1, compiler.user.username]);
    const stale = await send(compiler, 'PUT', '/api/reports/HUYEN/2023', { prose: { strengths: 'Từ bản chưa lưu' }, version: 0 });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'Conflict']);
  });
});
