/**
 * Every state-changing request of the pages carries the version it read (issue #9 item 10): a stale
 * one is a 409 Conflict naming `version` and changes nothing, never an overwrite — for an
 * evaluation's every step (opinions, appraisal, publication and the subject's events move its version
 * too), a unit's report upward, the narrative report, a cycle's deadlines and parameters, an account,
 * the report template.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle } from '../../src/db/queries/cycles.js';
import { createEvaluation } from '../../src/db/queries/evaluations.js';
import { createApp } from '../../src/server/app.js';
import { DEFAULT_TEMPLATE_PATH } from '../../src/services/reports.js';
import { authed, signIn } from '../helpers/auth.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';
import { seedScopeOrg } from '../server/fixtures-scope.js';
import { client, expectRefused, type Json } from '../workflow/helpers.js';

describe(`versions on every write of the pages, ${testEngine}`, () => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let api: ReturnType<typeof client>;
  let admin: ReturnType<typeof client>;
  let id: string;
  const version = async () => (await api.get(`/api/evaluations/${id}`)).body.version as number;
  const stale = (send: () => Promise<{ status: number; body: Json }>) => expectRefused(t.db, send, { status: 409, code: 'Conflict', field: 'version' });

  beforeAll(async () => {
    t = await createTestDb();
    app = createApp({ db: t.db, config: t.config });
    await seedScopeOrg(t.db);
    await createCycle(t.db, { year: 2023, referenceDate: '2023-12-31' });
    id = (await createEvaluation(t.db, { cycleYear: 2023, subjectKind: 'member', subjectRef: '10.001', actor: 'seed' })).id;
    api = client(authed(app, await signIn(app, t.db, { role: 'compiler', scope: 'HUYEN' })));
    admin = client(authed(app, await signIn(app, t.db, { role: 'admin', scope: 'TINH' })));
  });
  afterAll(() => t.close());

  it('takes each step of an evaluation only from the version it was read at, and every step moves the version on', async () => {
    const v1 = await version();
    expect((await api.post(`/api/evaluations/${id}/self-assess`, { grade: 'HTT', version: v1 })).status).toBe(200);
    await stale(() => api.post(`/api/evaluations/${id}/self-assess`, { grade: 'HT', version: v1 }));
    // An opinion changes no field of the row, yet whoever read before it must see it first.
    const v2 = await version();
    expect((await api.post(`/api/evaluations/${id}/opinions`, { bodyName: 'Chi ủy', comment: 'Đồng ý', version: v2 })).status).toBe(201);
    const v3 = await version();
    expect(v3).toBe(v2 + 1);
    await stale(() => api.post(`/api/evaluations/${id}/propose`, { grade: 'HTT', version: v2 }));
    expect((await api.post(`/api/evaluations/${id}/propose`, { grade: 'HTT', version: v3 })).status).toBe(200);
    const v4 = await version();
    expect((await api.post(`/api/evaluations/${id}/appraise`, { comment: 'Thẩm định', version: v4 })).status).toBe(200);
    await stale(() => api.post(`/api/evaluations/${id}/decide`, { grade: 'HTT', decidingUnit: 'XA-A', version: v4 }));
    const v5 = await version();
    expect((await api.post(`/api/evaluations/${id}/decide`, { grade: 'HTT', decidingUnit: 'XA-A', version: v5 })).status).toBe(200);
    await stale(() => api.post(`/api/evaluations/${id}/publish`, { byUnit: 'XA-A', version: v5 }));
    expect((await api.post(`/api/evaluations/${id}/publish`, { byUnit: 'XA-A', version: await version() })).status).toBe(200);
  });

  it('records a subject\'s event through its evaluation: checked version, history, version on; removed likewise', async () => {
    const v = await version();
    const leave = { kind: 'sick_leave', startsOn: '2023-02-01', endsOn: '2023-06-01' };
    await stale(() => api.post(`/api/evaluations/${id}/events`, { ...leave, version: v - 1 }));
    const added = await api.post(`/api/evaluations/${id}/events`, { ...leave, version: v });
    expect([added.status, added.body.evaluation.version, added.body.event.kind]).toEqual([201, v + 1, 'sick_leave']);
    const history = (await api.get(`/api/evaluations/${id}`)).body.history as Json[];
    expect(history.at(-1)).toMatchObject({ field: 'event', oldValue: null, actor: expect.any(String) });
    await stale(() => clientDelete(`/api/evaluations/${id}/events/${added.body.event.id}?version=${v}`));
    const removed = await clientDelete(`/api/evaluations/${id}/events/${added.body.event.id}?version=${v + 1}&reason=${encodeURIComponent('Nhập nhầm')}`);
    expect(removed.status).toBe(200);
    expect((await api.get(`/api/evaluations/${id}`)).body.history.at(-1)).toMatchObject({ field: 'event', newValue: null, reason: 'Nhập nhầm' });
    const events = (await api.get('/api/persons/10.001/events')).body.events as Json[];
    expect(events.filter((e) => e.kind === 'sick_leave')).toEqual([]);
  });

  async function clientDelete(path: string) {
    const s = await signIn(app, t.db, { role: 'compiler', scope: 'HUYEN' });
    const res = await app.request(path, { method: 'DELETE', headers: s.headers });
    return { status: res.status, body: (await res.json()) as Json };
  }

  it('guards a unit\'s report upward, the narrative report, a cycle, an account and the template with their versions', async () => {
    const clerk = client(authed(app, await signIn(app, t.db, { role: 'clerk', scope: 'CB-A' })));
    await stale(() => clerk.post('/api/cycles/2023/submissions/CB-A/submit', { version: 3 }));
    const sent = await clerk.post('/api/cycles/2023/submissions/CB-A/submit', { version: 0 });
    expect([sent.status, sent.body.version]).toEqual([200, 1]);
    await stale(() => api.post('/api/cycles/2023/submissions/CB-A/accept', { version: 0 }));

    const report = (await api.get('/api/reports/HUYEN/2023')).body;
    const put = async (body: Json) => {
      const res = await authed(app, await signIn(app, t.db, { role: 'compiler', scope: 'HUYEN' })).request('/api/reports/HUYEN/2023', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as Json };
    };
    expect((await put({ prose: { strengths: 'Bản một' }, version: report.version })).body.version).toBe(report.version + 1);
    const lost = await put({ prose: { strengths: 'Bản hai, viết từ bản cũ' }, version: report.version });
    expect([lost.status, lost.body.error.code]).toEqual([409, 'Conflict']);
    expect((await api.get('/api/reports/HUYEN/2023')).body.prose.strengths).toBe('Bản một');

    const cycle = (await admin.get('/api/cycles/2023')).body;
    const deadlines = { deadlines: [{ level: 'cell', dueOn: '2023-12-08' }] };
    const adminPut = async (path: string, body: Json) => {
      const res = await authed(app, await signIn(app, t.db, { role: 'admin', scope: 'TINH' })).request(path, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as Json };
    };
    expect((await adminPut('/api/cycles/2023/deadlines', { ...deadlines, version: cycle.version })).status).toBe(200);
    expect((await adminPut('/api/cycles/2023/parameters', { parameters: {}, version: cycle.version })).status).toBe(409);
    const params = await admin.get('/api/cycles/2023/parameters');
    expect(params.body.cycle.version).toBe(cycle.version + 1);

    const users = (await admin.get('/api/users')).body.users as Json[];
    const target = users.find((u) => u.role === 'clerk')!;
    const patch = async (body: Json) => {
      const res = await authed(app, await signIn(app, t.db, { role: 'admin', scope: 'TINH' })).request(`/api/users/${target.username}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as Json };
    };
    expect((await patch({ displayName: 'Tên mới', version: target.version })).body.user.version).toBe(target.version + 1);
    expect((await patch({ disabled: true, version: target.version })).status).toBe(409);

    const info = (await admin.get('/api/report-templates/active/info')).body;
    expect(info.version).toBe('default');
    const upload = async (v: string) => {
      const s = await signIn(app, t.db, { role: 'admin', scope: 'TINH' });
      return app.request(`/api/report-templates/active?name=mau.docx&version=${v}`, { method: 'PUT', headers: s.headers, body: readFileSync(DEFAULT_TEMPLATE_PATH) });
    };
    expect((await upload('default')).status).toBe(201);
    expect((await upload('default')).status).toBe(409);
  });

  it('keeps an administrator from disabling or demoting the account in use', async () => {
    const s = await signIn(app, t.db, { role: 'admin', scope: 'TINH' });
    const res = await app.request(`/api/users/${s.user.username}`, { method: 'PATCH', headers: { ...s.headers, 'content-type': 'application/json' }, body: JSON.stringify({ disabled: true }) });
    expect([res.status, ((await res.json()) as Json).error.field]).toEqual([400, 'disabled']);
  });
});
