/**
 * What the pages read about a cycle (issue #9): the tree with the members on the roll and the grades
 * (the same numbers form DV prints), a new cycle's roll (never only the evaluations created: the
 * "15 đảng viên" bug), the dashboard, a unit's workspace, the check panel, search; and the web
 * application's shell, assets and unknown paths.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle } from '../../src/db/queries/cycles.js';
import { addDays } from '../../src/domain/calendar/iso-date.js';
import { todayInVietnam } from '../../src/server/routes/units.js';
import { loadDemoDistrict } from '../../src/demo/load.js';
import { createDemoUsers, DEMO_CELL_CODE } from '../../src/demo/users.js';
import { createApp } from '../../src/server/app.js';
import { overrideEligibility } from '../../src/services/eligibility.js';
import { computeAndStoreEligibility } from '../../src/services/eligibility.js';
import { getFormValues } from '../../src/services/forms.js';
import { authed, type AuthedApp, signIn } from '../helpers/auth.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';

type Json = Record<string, any>;

describe(`the pages' read models on the demo district, ${testEngine}`, () => {
  let t: TestDb;
  let raw: ReturnType<typeof createApp>;
  let admin: AuthedApp;
  let clerk: AuthedApp;
  const get = async (a: AuthedApp, path: string): Promise<{ status: number; body: Json }> => {
    const res = await a.request(path);
    return { status: res.status, body: (await res.json()) as Json };
  };
  beforeAll(async () => {
    t = await createTestDb();
    await loadDemoDistrict(t.db);
    await createDemoUsers(t.db, 'demo-pass');
    raw = createApp({ db: t.db, config: t.config });
    admin = authed(raw, await signIn(raw, t.db, { role: 'admin', scope: 'TU-LAICHAU' }));
    clerk = authed(raw, await signIn(raw, t.db, { role: 'clerk', scope: DEMO_CELL_CODE }));
  });
  afterAll(() => t.close());

  it('reads the district of 2022: 2.731 members on the roll, 2.543 graded (344 HTXS, 2.072 HTT, 90 HT, 37 KHT), 188 not graded, 51 units below', async () => {
    const { body } = await get(admin, '/api/cycles/2022/tree?unit=HU-TAMDUONG&depth=1');
    const root = body.nodes[0];
    expect(root).toMatchObject({ code: 'HU-TAMDUONG', depth: 0, childCount: 51 });
    expect(root.counts).toEqual({ roll: 2731, decided: 2543, HTXS: 344, HTT: 2072, HT: 90, KHT: 37, notRequired: 188, proposed: 0, notYet: 0 });
    expect(body.nodes.filter((n: Json) => n.depth === 1)).toHaveLength(51);
    // The demo's 2022 reports were sent on time (src/demo/load.ts): none is late.
    expect(body.nodes[1]).toMatchObject({ late: false, report: { status: 'submitted', version: 1, timing: { status: 'on_time' } } });
    expect(body.nodes.filter((n: Json) => n.late)).toEqual([]);
  });

  it('reads a new cycle\'s roll from the members on its reference date, not from the evaluations created so far', async () => {
    // A deadline a month ahead of today (inside the calendar's years), so the cell is not late.
    const dueOn = addDays(todayInVietnam(), 30);
    await createCycle(t.db, { year: 2023, referenceDate: '2023-12-31', deadlines: [{ level: 'cell', dueOn }] });
    await computeAndStoreEligibility(t.db, { cycleYear: 2023, unit: DEMO_CELL_CODE, actor: 'test' });
    const dv = (await getFormValues(t.db, { unitCode: 'HU-TAMDUONG', year: 2023, form: 'DV' })).forms.DV!.rows;
    expect(dv.total?.total).toBe(15);
    const root = (await get(admin, '/api/cycles/2023/tree?unit=HU-TAMDUONG&depth=0')).body.nodes[0];
    expect(root.counts).toMatchObject({ roll: 2731, decided: 0, notRequired: 2, proposed: 0, notYet: 2729 });
    const cell = (await get(clerk, '/api/cycles/2023/tree')).body.nodes[0];
    expect(cell).toMatchObject({ code: DEMO_CELL_CODE, state: 'not_started', counts: { roll: 15, notYet: 13 } });
    expect(cell.workingDaysLeft).toBeGreaterThanOrEqual(18);
  });

  it('counts as form DV does: a graded member made exempt leaves the graded count in the tree and on the form alike', async () => {
    const cellId = (await t.db.selectFrom('org_units').select('id').where('code', '=', DEMO_CELL_CODE).executeTakeFirstOrThrow()).id;
    const cycleId = (await t.db.selectFrom('cycles').select('id').where('year', '=', 2022).executeTakeFirstOrThrow()).id;
    const graded = await t.db.selectFrom('evaluations').select('id').where('unit_id', '=', cellId).where('cycle_id', '=', cycleId).where('subject_kind', '=', 'member').where('decided_grade', '=', 'HTT').orderBy('id').executeTakeFirstOrThrow();
    await overrideEligibility(t.db, { evaluationId: graded.id, status: 'exempt', reason: 'Miễn sinh hoạt từ tháng 3', byUnit: 'HU-TAMDUONG', actor: 'test' });
    const dv = (await getFormValues(t.db, { unitCode: 'HU-TAMDUONG', year: 2022, form: 'DV' })).forms.DV!.rows;
    const root = (await get(admin, '/api/cycles/2022/tree?unit=HU-TAMDUONG&depth=0')).body.nodes[0];
    expect([root.counts.decided, root.counts.notRequired]).toEqual([dv.graded!.total, dv.not_required!.total]);
    expect(root.counts.decided).toBe(2542);
  });

  it('shows a clerk only its cell, and names the unit of a refusal', async () => {
    const own = await get(clerk, '/api/cycles/2022/tree?depth=3');
    expect(own.body.nodes.map((n: Json) => n.code)).toEqual([DEMO_CELL_CODE]);
    const other = await get(clerk, '/api/cycles/2022/tree?unit=HU-TAMDUONG');
    expect([other.status, other.body.error.code]).toEqual([403, 'Forbidden']);
    expect(other.body.error.message.vi).toContain('«HU-TAMDUONG»');
    expect((await get(admin, '/api/cycles/2017/tree')).body.error.code).toBe('CycleNotFound');
    expect((await get(admin, '/api/cycles/2022/tree?unit=KHONG-CO')).status).toBe(404);
  });

  it('gives the dashboard: reports by timing, grades by subject kind as form cells to trace, the previous cycle, anomalies', async () => {
    const { body } = await get(admin, '/api/dashboard/HU-TAMDUONG/2022');
    const members = body.byKind.find((r: Json) => r.key === 'member');
    expect(members.grades.HTXS).toEqual({ value: 344, trace: { form: 'DV', row: 'graded.htxs', col: 'total' } });
    expect(members.graded).toBe(2542);
    expect(body.reports).toMatchObject({ late: 0, missing: 0 });
    expect(body.reports.onTime).toBe(body.reports.units.length);
    expect(body.byOrgType.reduce((s: number, r: Json) => s + r.graded, 0)).toBe(2542);
    expect(body.previous).toBeNull();
    expect(Array.isArray(body.anomalies)).toBe(true);
    const trace = await get(admin, `/api/forms/HU-TAMDUONG/2022/DV/trace?row=${members.grades.KHT.trace.row}&col=total`);
    expect(trace.body.entries).toHaveLength(37);
    const next = await get(admin, '/api/dashboard/HU-TAMDUONG/2023');
    expect(next.body.previous).toMatchObject({ year: 2022, members: { HTXS: 344, KHT: 37 } });
  });

  it('gives a cell\'s workspace: its members with their evaluation, version, stage, events, and who decides', async () => {
    const { body } = await get(clerk, `/api/workspace/${DEMO_CELL_CODE}/2022`);
    const members = body.rows.filter((r: Json) => r.kind === 'member');
    expect(members).toHaveLength(15);
    const graded = members.find((r: Json) => r.evaluation?.decidedGrade === 'HTXS');
    expect(graded.evaluation).toMatchObject({ stage: 'published', version: expect.any(Number) });
    expect(graded.authority).toMatchObject({ unitCode: 'TD-DU-TTTAMDUONG' });
    const exempt = members.filter((r: Json) => r.events.some((e: Json) => e.kind === 'exempt'));
    expect(exempt.length).toBeGreaterThan(0);
    expect(body.rows.filter((r: Json) => r.kind === 'unit').map((r: Json) => r.ref)).toEqual([DEMO_CELL_CODE]);
    const panel = await get(clerk, `/api/evaluations/${graded.evaluation.id}/panel`);
    expect(panel.body).toMatchObject({ highestAllowed: 'HTXS', stage: 'published', findings: [] });
    expect(panel.body.cap.now.scope).toContain('Đảng bộ thị trấn Tam Đường');
    expect(panel.body.cap.ifHtxs.used).toBeGreaterThanOrEqual(panel.body.cap.now.used);
  });

  it('searches ignoring diacritics: "dong" finds units named "Đồng", a card number finds its member, within the scope', async () => {
    const { body } = await get(admin, '/api/search?q=dong&cycle=2022');
    expect(body.units.length).toBeGreaterThan(0);
    expect(body.units.every((u: Json) => /đồng|dong/i.test(u.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd') + u.code))).toBe(true);
    const someone = (await get(clerk, `/api/workspace/${DEMO_CELL_CODE}/2022`)).body.rows.find((r: Json) => r.kind === 'member');
    const byCard = await get(clerk, `/api/search?q=${encodeURIComponent(someone.ref)}`);
    expect(byCard.body.persons.map((p: Json) => p.fullName)).toEqual([someone.name]);
    const outside = await get(clerk, '/api/search?q=dong');
    expect(outside.body.units).toEqual([]);
  });
});

describe(`the web application's shell and assets, ${testEngine}`, () => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await createTestDb();
    app = createApp({ db: t.db, config: t.config });
  });
  afterAll(() => t.close());

  it('serves every signed-in page address the shell, its assets compressed and cached for good, and API misses as JSON', async () => {
    const s = await signIn(app, t.db, { role: 'admin', scope: 'TINH-X', createScope: true });
    const shell = await app.request('/units/KHONG-CO/forms?cycle=2022', { headers: { cookie: s.cookie } });
    expect([shell.status, shell.headers.get('cache-control')]).toEqual([200, 'no-cache']);
    const html = await shell.text();
    const script = html.match(/src="(\/assets\/[^"]+\.js)"/)![1]!;
    const asset = await app.request(script, { headers: { 'accept-encoding': 'gzip' } });
    expect([asset.status, asset.headers.get('content-encoding'), asset.headers.get('cache-control')]).toEqual([200, 'gzip', 'public, max-age=31536000, immutable']);
    expect((await app.request('/assets/khong-co.js')).status).toBe(404);
    expect((await app.request('/assets/..%2F..%2Fpackage.json')).status).toBe(404);
    const api = await app.request('/api/khong-co', { headers: s.headers });
    expect(api.status).toBe(404);
    expect(((await api.json()) as Json).error.code).toBe('NotFound');
  });

  it('says what to run when the web application is not built', async () => {
    const bare = createApp({ db: t.db, config: t.config, webDir: '/khong/co/thu/muc' });
    const s = await signIn(bare, t.db, { role: 'admin', scope: 'TINH-X', createScope: true });
    const res = await bare.request('/', { headers: { cookie: s.cookie } });
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build');
  });
});
