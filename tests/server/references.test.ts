/**
 * Authority on references and reads that write nothing (issue #11 items 4 and 8), over HTTP on both
 * engines: future-dated tree changes that would put a district's units under themselves (or out of
 * it) are refused on every later day and change nothing; every unit, position or person a body names
 * (an opinion's body, a seated position, a review meeting's attending member) is checked against the
 * user's scope, one outside it refused (403 for a unit, 404 exactly as an unknown position or card);
 * a viewer reading a report, its document and its numbers writes no row (the report stays unsaved
 * until someone saves it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle } from '../../src/db/queries/cycles.js';
import { createEvaluation } from '../../src/db/queries/evaluations.js';
import { addMembership, createPerson } from '../../src/db/queries/persons.js';
import { createPosition } from '../../src/db/queries/positions.js';
import { createApp } from '../../src/server/app.js';
import { signIn, type SignedIn } from '../helpers/auth.js';
import { dumpTables } from '../helpers/dump.js';
import { type TestDb, testEngine } from '../helpers/test-db.js';
import { scopeWorld } from './fixtures-scope.js';

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
    ({ t, app } = await scopeWorld());
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
    // A restructuring that would put a unit under itself: a commune merged into its own cell, a commune split into its cell taking that cell.
    const merged = await send(compiler, 'POST', '/api/units/merge', { on: '2028-01-01', sources: ['XA-A'], into: 'CB-A' });
    expect([merged.status, merged.body.error.code, merged.body.error.message.vi]).toEqual([422, 'ParentNotValid', expect.stringContaining('không được có vòng')]);
    const split = await send(compiler, 'POST', '/api/units/XA-B/split', { on: '2029-01-01', parts: [{ into: 'CB-B', children: ['CB-B'] }, { newUnit: { code: 'XA-B2', name: 'Xã B2', kind: 'grassroots_committee', orgType: 'xa' }, rest: true }] });
    expect([split.status, split.body.error.code, split.body.error.message.vi]).toEqual([422, 'ParentNotValid', expect.stringContaining('không được có vòng')]);
    expect(await dumpTables(t.db)).toEqual(before);
    // The subtree still holds its units on every later day asked.
    for (const date of ['2028-01-01', '2030-06-01', '2040-01-01']) {
      const subtree = await send(compiler, 'GET', `/api/units/HUYEN/subtree?date=${date}`);
      expect((subtree.body.units as Json[]).map((u) => u.code).sort()).toEqual(['CB-A', 'CB-B', 'HUYEN', 'XA-A', 'XA-B']);
    }
  });

  it('checks every reference a body carries against the user\'s scope, changing nothing when refused', async () => {
    // Someone outside the compiler's district, holding a position there.
    await createPerson(t.db, { cardNumber: '20.001', fullName: 'Người Huyện Khác', sex: 'nam', admittedOn: '2010-01-01', officialOn: '2011-01-01' });
    await addMembership(t.db, { cardNumber: '20.001', unitCode: 'CB-X', validFrom: '2015-01-01' });
    const away = await createPosition(t.db, { cardNumber: '20.001', unitCode: 'CB-X', positionGroup: 'co_so.bi_thu', title: 'Bí thư chi bộ', validFrom: '2015-01-01' });
    const evaluation = await createEvaluation(t.db, { cycleYear: 2023, subjectKind: 'member', subjectRef: '10.003', actor: 'seed' });
    const before = await dumpTables(t.db);
    const opinion = (bodyUnit: string) => send(compiler, 'POST', `/api/evaluations/${evaluation.id}/opinions`, { bodyUnit, comment: 'Ý kiến', version: 1 });
    // An opinion credited to a body outside the scope: 403 naming it; an unknown one: 404.
    const foreign = await opinion('HUYEN-2');
    expect([foreign.status, foreign.body.error.code]).toEqual([403, 'Forbidden']);
    expect(foreign.body.error.message.vi).toContain('HUYEN-2');
    expect((await opinion('KHONG-CO')).status).toBe(404);
    // Seating a position held outside the scope answers as an unknown position (by card or by id).
    const seat = (body: Json) => send(compiler, 'POST', '/api/collectives/COL-A/members', { validFrom: '2020-01-01', ...body });
    const byCard = await seat({ cardNumber: '20.001' });
    const unknownCard = await seat({ cardNumber: '29.999' });
    expect([byCard.status, byCard.body.error.code]).toEqual([404, 'PositionNotFound']);
    expect(JSON.stringify(byCard.body).replaceAll('20.001', 'X')).toEqual(JSON.stringify(unknownCard.body).replaceAll('29.999', 'X'));
    const byId = await seat({ positionId: away.id });
    const unknownId = await seat({ positionId: 'khong-co' });
    expect([byId.status, byId.body.error.code]).toEqual([404, 'PositionNotFound']);
    expect(JSON.stringify(byId.body).replaceAll(away.id, 'X')).toEqual(JSON.stringify(unknownId.body).replaceAll('khong-co', 'X'));
    // A review meeting's attending member outside the scope who sits on no superior committee: as an unknown card.
    const meeting = (attendingCard: string) =>
      send(compiler, 'POST', '/api/cycles/2023/review-records', { subjectKind: 'unit', subjectRef: 'CB-A', meetingStart: '2023-12-05', meetingEnd: '2023-12-05', durationDays: 1, attendingCard });
    const outsider = await meeting('20.001');
    const nobody = await meeting('29.999');
    expect([outsider.status, outsider.body.error.code]).toEqual([404, 'PersonNotFound']);
    expect(JSON.stringify(outsider.body).replaceAll('20.001', 'X')).toEqual(JSON.stringify(nobody.body).replaceAll('29.999', 'X'));
    expect(await dumpTables(t.db)).toEqual(before);
    // The same requests within the scope go through.
    expect((await send(compiler, 'POST', `/api/evaluations/${evaluation.id}/self-assess`, { grade: 'HTT', version: 1 })).status).toBe(200);
    const ok = await send(compiler, 'POST', `/api/evaluations/${evaluation.id}/opinions`, { bodyUnit: 'XA-A', comment: 'Ý kiến', version: 2 });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect((await seat({ cardNumber: '10.001' })).status).toBe(201);
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
