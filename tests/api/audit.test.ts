/**
 * The append-only audit log (issue #11 item 6) over HTTP, on both engines: changes of people,
 * deadlines and evaluations, failed and successful sign-ins and exports of personal data are logged
 * with who, when, what, old, new, why and from where; the hash chain verifies, and an edited, an
 * inserted and a deleted entry are each reported by number.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { entryHash } from '../../src/domain/audit-chain.js';
import { createApp } from '../../src/server/app.js';
import { verifyAudit } from '../../src/services/audit.js';
import { signIn, type SignedIn } from '../helpers/auth.js';
import { type TestDb, testEngine } from '../helpers/test-db.js';
import { openCycle2023, scopeWorld } from '../server/fixtures-scope.js';
import { dumpTables } from '../helpers/dump.js';

type Json = Record<string, any>;

describe(`audit log, ${testEngine}`, () => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let admin: SignedIn;
  let compiler: SignedIn;
  let evaluationId: string;
  const socket = { incoming: { socket: { remoteAddress: '198.51.100.23' } } };
  const send = async (who: SignedIn, method: string, path: string, body?: unknown) => {
    const res = await app.request(path, { method, headers: { ...who.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }, socket);
    return { status: res.status, body: (await res.json().catch(() => ({}))) as Json };
  };
  const entries = async () => (await t.db.selectFrom('audit_log').selectAll().orderBy('seq').execute()).map((r) => ({ ...r, old: r.old_value ? JSON.parse(r.old_value) : null, new: r.new_value ? JSON.parse(r.new_value) : null }));

  beforeAll(async () => {
    ({ t, app } = await scopeWorld());
    evaluationId = await openCycle2023(t.db);
    admin = await signIn(app, t.db, { role: 'admin', scope: 'TINH' });
    compiler = await signIn(app, t.db, { role: 'compiler', scope: 'HUYEN' });
  });
  afterAll(() => t.close());

  it('logs changes with who, when, what, old, new, why and from where', async () => {
    expect((await send(compiler, 'PATCH', '/api/persons/10.002', { fullName: 'Trần Văn Bính' })).status).toBe(200);
    expect((await send(admin, 'PUT', '/api/cycles/2023/deadlines', { deadlines: [{ level: 'cell', dueOn: '2023-12-08' }] })).status).toBe(200);
    expect((await send(admin, 'PUT', '/api/cycles/2023/deadlines', { deadlines: [] })).status).toBe(200);
    expect((await send(compiler, 'PATCH', `/api/evaluations/${evaluationId}`, { note: 'Ghi chú', version: 1, reason: 'Bổ sung' })).status).toBe(200);
    const bad = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: admin.user.username, password: 'sai' }) }, socket);
    expect(bad.status).toBe(401);
    expect((await app.request('/api/exports/csv', { headers: compiler.headers }, socket)).status).toBe(200);

    const log = await entries();
    const person = log.find((e) => e.action === 'PATCH /api/persons/10.002')!;
    expect(person).toMatchObject({ actor: compiler.user.username, source: '198.51.100.23' });
    expect(JSON.stringify(person.old), JSON.stringify(person)).toContain('Trần Văn Bình');
    expect(person.new.request).toEqual({ fullName: 'Trần Văn Bính' });
    // The PUT that deleted the deadline left its old value.
    const emptied = log.filter((e) => e.action === 'PUT /api/cycles/2023/deadlines').at(-1)!;
    expect(JSON.stringify(emptied.old)).toContain('2023-12-08');
    expect(emptied.new.request).toEqual({ deadlines: [] });
    const field = log.find((e) => e.action === 'evaluation.update' && e.entity_key === evaluationId)!;
    expect(field).toMatchObject({ actor: compiler.user.username, reason: 'Bổ sung', old: { note: null }, new: { note: 'Ghi chú' } });
    expect(log.find((e) => e.action === 'sign_in_failed')).toMatchObject({ actor: admin.user.username, source: '198.51.100.23' });
    expect(log.filter((e) => e.action === 'sign_in').map((e) => e.actor)).toEqual(expect.arrayContaining([admin.user.username, compiler.user.username]));
    expect(log.find((e) => e.action === 'export /api/exports/csv')).toMatchObject({ actor: compiler.user.username });
    expect(JSON.stringify(log)).not.toContain(`mật khẩu ${admin.user.username}`);
    expect(log.map((e) => Number(e.seq))).toEqual(log.map((_, i) => i + 1));
    expect((await verifyAudit(t.db)).findings).toEqual([]);
  });

  it('serves the log to an administrator only, a page at a time, and logs the reading', async () => {
    expect((await send(compiler, 'GET', '/api/audit')).status).toBe(403);
    expect((await send(compiler, 'GET', '/api/audit/verify')).status).toBe(403);
    expect((await send(admin, 'GET', '/api/audit?limit=0')).status).toBe(400);
    const total = Number((await t.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq);
    const seen: number[] = [];
    let after = 0;
    for (;;) {
      const page = await send(admin, 'GET', `/api/audit?limit=3&after=${after}`);
      expect(page.status).toBe(200);
      seen.push(...(page.body.entries as Json[]).map((e) => e.seq));
      if (page.body.next === null) break;
      after = page.body.next;
    }
    // Every entry once, in order (the first page's own reading comes after it was read).
    expect(seen.slice(0, total)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    const reads = (await entries()).filter((e) => e.action === 'export /api/audit');
    expect(reads.length).toBeGreaterThan(0);
    expect(reads[0]).toMatchObject({ actor: admin.user.username, source: '198.51.100.23' });
    const verified = await send(admin, 'GET', '/api/audit/verify');
    expect([verified.status, verified.body.intact, verified.body.findings]).toEqual([200, true, []]);
    // Replacing the report template: its change is logged, reading a template (the user's, or the log's own read of the old one) is no export.
    const template = Buffer.from(await (await app.request('/api/report-templates/active', { headers: admin.headers }, socket)).arrayBuffer());
    const put = await app.request('/api/report-templates/active?name=mau.docx', { method: 'PUT', headers: { ...admin.headers, 'content-type': 'application/octet-stream' }, body: template }, socket);
    expect(put.status).toBe(201);
    expect((await entries()).filter((e) => e.action.endsWith('/api/report-templates/active')).map((e) => e.action)).toEqual(['PUT /api/report-templates/active']);
    // A download of a report is logged like the exports.
    expect((await app.request('/api/reports/HUYEN/2023/docx', { headers: compiler.headers }, socket)).status).toBe(200);
    expect((await entries()).filter((e) => e.action === 'export /api/reports/HUYEN/2023/docx').map((e) => e.actor)).toEqual([compiler.user.username]);
  });

  it('verify reports an edited, an inserted and a deleted entry by number', async () => {
    const before = await verifyAudit(t.db);
    expect(before.findings).toEqual([]);
    const n = before.entries;
    expect(n).toBeGreaterThan(5);

    const edited = await t.db.selectFrom('audit_log').selectAll().where('seq', '=', 3).executeTakeFirstOrThrow();
    await t.db.updateTable('audit_log').set({ actor: 'ai-do-khac' }).where('seq', '=', 3).execute();
    expect((await verifyAudit(t.db)).findings.map((f) => [f.kind, f.seq])).toEqual([['edited', 3]]);
    const overHttp = await send(admin, 'GET', '/api/audit/verify');
    expect([overHttp.body.intact, overHttp.body.findings.map((f: Json) => [f.kind, f.seq])]).toEqual([false, [['edited', 3]]]);
    await t.db.updateTable('audit_log').set({ actor: edited.actor }).where('seq', '=', 3).execute();

    await t.db.deleteFrom('audit_log').where('seq', '=', 4).execute();
    expect((await verifyAudit(t.db)).findings.map((f) => [f.kind, f.seq])).toEqual([['deleted', 4]]);
    const gone = await t.db.selectFrom('audit_log').select('seq').where('seq', '=', 4).executeTakeFirst();
    expect(gone).toBeUndefined();

    // An entry forged at the end, with a correctly computed hash: past the head.
    const { t: t2, app: app2 } = await scopeWorld();
    try {
      await signIn(app2, t2.db, { role: 'admin', scope: 'TINH' });
      const last = (await t2.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow());
      const forged = { seq: Number(last.seq) + 1, at: '2024-01-01T00:00:00.000Z', actor: 'ke-gia', source: null, action: 'sign_in', entity: null, entityKey: null, oldValue: null, newValue: null, reason: null };
      await t2.db.insertInto('audit_log').values({ seq: forged.seq, at: forged.at, actor: forged.actor, source: null, action: forged.action, entity: null, entity_key: null, old_value: null, new_value: null, reason: null, prev_hash: last.hash, hash: entryHash(last.hash, forged) }).execute();
      expect((await verifyAudit(t2.db)).findings.map((f) => [f.kind, f.seq])).toEqual([['inserted', forged.seq]]);
      // One slipped in the middle by renumbering breaks the chain where it sits.
      await t2.db.deleteFrom('audit_log').where('seq', '=', forged.seq).execute();
      expect((await verifyAudit(t2.db)).findings).toEqual([]);
    } finally {
      await t2.close();
    }
  });

  it('keeps the log whole under concurrent writers (numbered without gaps, chain intact)', async () => {
    const { t: t3, app: app3 } = await scopeWorld();
    try {
      const s = await signIn(app3, t3.db, { role: 'compiler', scope: 'HUYEN' });
      const results = await Promise.all(Array.from({ length: 30 }, (_, i) => app3.request('/api/persons/10.001', { method: 'PATCH', headers: { ...s.headers, 'content-type': 'application/json' }, body: JSON.stringify({ fullName: `Nguyễn Văn An ${i}` }) })));
      expect(results.map((r) => r.status).filter((x) => x !== 200)).toEqual([]);
      const check = await verifyAudit(t3.db);
      expect(check.findings).toEqual([]);
      expect((await t3.db.selectFrom('audit_log').select('seq').where('action', '=', 'PATCH /api/persons/10.001').execute()).length).toBe(30);
    } finally {
      await t3.close();
    }
  });

  it('writes each change and its entry in one transaction: an entry that cannot be written leaves no change', async () => {
    const { t: t4, app: app4 } = await scopeWorld();
    try {
      const id = await openCycle2023(t4.db);
      const boss = await signIn(app4, t4.db, { role: 'admin', scope: 'TINH' });
      const clerk = await signIn(app4, t4.db, { role: 'compiler', scope: 'HUYEN' });
      const call = async (who: SignedIn, method: string, path: string, body: unknown) =>
        (await app4.request(path, { method, headers: { ...who.headers, 'content-type': 'application/json' }, body: JSON.stringify(body) }, socket)).status;
      const rename = (from: string, to: string) => sql`alter table ${sql.id(from)} rename to ${sql.id(to)}`.execute(t4.db);
      // People, units, deadlines, calendar, facts, users, seats: each change once with the log unwritable, then again.
      const changes: [SignedIn, string, string, unknown][] = [
        [clerk, 'PATCH', '/api/persons/10.002', { fullName: 'Trần Văn Bình Hai' }],
        [clerk, 'POST', '/api/units/XA-B/changes', { from: '2026-01-01', name: 'Xã B mới' }],
        [boss, 'PUT', '/api/cycles/2023/deadlines', { deadlines: [{ level: 'cell', dueOn: '2023-12-10' }] }],
        [boss, 'PUT', '/api/calendar/days', { date: '2023-12-11', kind: 'day_off', name: 'Nghỉ bù' }],
        [clerk, 'PUT', `/api/evaluations/${id}/facts/forceMajeure`, { value: true, reason: 'Bão số 3' }],
        [boss, 'POST', '/api/users', { username: 'moi.a', role: 'viewer', scope: 'HUYEN' }],
        [boss, 'PATCH', `/api/users/${clerk.user.username}`, { displayName: 'Cán bộ tổng hợp' }],
        [clerk, 'POST', '/api/collectives/COL-A/members', { cardNumber: '10.001', validFrom: '2020-01-01' }],
      ];
      const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined); // the 500s' own logging
      for (const [who, method, path, body] of changes) {
        const before = await dumpTables(t4.db);
        await rename('audit_log', 'audit_log_away');
        try {
          expect(await call(who, method, path, body), `${method} ${path}`).toBe(500);
        } finally {
          await rename('audit_log_away', 'audit_log');
        }
        expect(await dumpTables(t4.db), `${method} ${path} changed data without its entry`).toEqual(before);
        expect(await call(who, method, path, body), `${method} ${path}`).toBeLessThan(300);
        const last = await t4.db.selectFrom('audit_log').selectAll().where('action', '=', `${method} ${path}`).orderBy('seq', 'desc').executeTakeFirstOrThrow();
        expect(last).toMatchObject({ actor: who.user.username, source: '198.51.100.23' });
        expect(JSON.parse(last.new_value ?? 'null').request).toEqual(body);
      }
      quiet.mockRestore();
      // Each change of a record kept its old value: what the user read there just before.
      const oldOf = async (action: string) => JSON.parse((await t4.db.selectFrom('audit_log').select('old_value').where('action', '=', action).orderBy('seq', 'desc').executeTakeFirstOrThrow()).old_value ?? 'null');
      expect(await oldOf('POST /api/units/XA-B/changes')).toMatchObject({ from: 'GET /api/units/XA-B/versions' });
      expect(JSON.stringify(await oldOf('POST /api/units/XA-B/changes'))).toContain('Đơn vị XA-B');
      expect(await oldOf('POST /api/collectives/COL-A/members')).toMatchObject({ from: 'GET /api/collectives/COL-A/members', value: { members: [] } });
      expect(JSON.stringify(await oldOf('PATCH /api/persons/10.002'))).toContain('Trần Văn Bình');
      expect(await oldOf('PUT /api/calendar/days')).toEqual({ from: 'GET /api/calendar/days', value: { days: [] } });
      expect(JSON.stringify(await oldOf(`PATCH /api/users/${clerk.user.username}`))).toContain(clerk.user.username);
      expect((await verifyAudit(t4.db)).findings).toEqual([]);
    } finally {
      await t4.close();
    }
  });
});
