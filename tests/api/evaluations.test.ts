import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';
import { authed, type AuthedApp, signIn } from '../helpers/auth.js';
import { countRows, jsonInit, seedOrg } from './fixtures-evaluations.js';

type Json = Record<string, any>;

describe(`evaluations API on ${testEngine}`, () => {
  let t: TestDb;
  let app: AuthedApp;
  const ids: Record<string, string> = {};
  const req = async (path: string, init?: RequestInit): Promise<{ status: number; body: Json }> => {
    const res = await app.request(path, init);
    return { status: res.status, body: (await res.json()) as Json };
  };
  /** Sends a bad request and checks its status, code, bilingual message and that no row changed. */
  const refused = async (path: string, init: RequestInit, status: number, code: string): Promise<Json> => {
    const before = await countRows(t.db);
    const evaluationsBefore = await t.db.selectFrom('evaluations').selectAll().orderBy('id').execute();
    const res = await req(path, init);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message.vi).toEqual(expect.any(String));
    expect(res.body.error.message.en).toEqual(expect.any(String));
    expect(await countRows(t.db)).toEqual(before);
    expect(await t.db.selectFrom('evaluations').selectAll().orderBy('id').execute()).toEqual(evaluationsBefore);
    return res.body.error;
  };
  const post = (body: Json, year = 2022) => req(`/api/cycles/${year}/evaluations`, jsonInit('POST', body, 'to_chuc'));

  beforeAll(async () => {
    t = await createTestDb();
    const raw = createApp({ db: t.db, config: t.config });
    await seedOrg(t.db);
    // The history records the signed-in user: each actor the tests name signs in as itself.
    const as = (username: string) => signIn(raw, t.db, { role: 'admin', scope: 'HU-THU', username });
    app = authed(raw, await as('system'), { to_chuc: await as('to_chuc'), ban_to_chuc: await as('ban_to_chuc'), btv: await as('btv') });
    for (const year of [2022, 2025]) {
      expect((await req('/api/cycles', jsonInit('POST', { year, referenceDate: `${year}-12-31` }))).status).toBe(201);
    }
  });
  afterAll(async () => t.close());

  it('creates an evaluation of each subject kind, in the right unit, with create history', async () => {
    const cases = [
      { subjectKind: 'unit', subjectRef: 'DB-XA', unitCode: 'DB-XA' },
      { subjectKind: 'member', subjectRef: '01.000001', unitCode: 'CB-BAN1' },
      { subjectKind: 'collective', subjectRef: 'TT-UBND-XA', unitCode: 'DB-XA' },
      { subjectKind: 'position', subjectRef: 'pos-bt-xa', unitCode: 'DB-XA' },
    ];
    for (const c of cases) {
      const res = await post({ subjectKind: c.subjectKind, subjectRef: c.subjectRef, reviewed: true });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ ...c, eligibility: 'eligible', proposedGrade: null, reviewed: true, decidedGrade: null, khtReasons: [], version: 1 });
      ids[c.subjectKind] = res.body.id;
    }
    const one = await req(`/api/evaluations/${ids.member}`);
    expect(one.body.history.map((h: Json) => [h.action, h.field, h.oldValue, h.newValue, h.actor])).toEqual([
      ['create', 'eligibility', null, 'eligible', 'to_chuc'],
      ['create', 'reviewed', null, 'true', 'to_chuc'],
    ]);
  });

  it('refuses an unknown cycle, unit, person, collective, position and a member with no cell', async () => {
    await refused('/api/cycles/2030/evaluations', jsonInit('POST', { subjectKind: 'unit', subjectRef: 'DB-XA' }), 404, 'CycleNotFound');
    await refused('/api/cycles/2022/evaluations', jsonInit('POST', { subjectKind: 'unit', subjectRef: 'NOPE' }), 404, 'UnitNotFound');
    await refused('/api/cycles/2022/evaluations', jsonInit('POST', { subjectKind: 'member', subjectRef: '99.9' }), 404, 'PersonNotFound');
    await refused('/api/cycles/2022/evaluations', jsonInit('POST', { subjectKind: 'collective', subjectRef: 'X' }), 404, 'CollectiveNotFound');
    await refused('/api/cycles/2022/evaluations', jsonInit('POST', { subjectKind: 'position', subjectRef: 'X' }), 404, 'PositionNotFound');
    const e = await refused('/api/cycles/2022/evaluations', jsonInit('POST', { subjectKind: 'member', subjectRef: '01.000002' }), 422, 'MemberNotInCell');
    expect(e.message.vi).toContain('2022-12-31');
    await refused('/api/cycles/2022/evaluations', jsonInit('POST', { subjectKind: 'cell', subjectRef: 'CB-BAN1' }), 400, 'ValidationFailed');
  });

  it('refuses a grade outside the four, naming the field', async () => {
    const p = await refused(`/api/evaluations/${ids.unit}/self-assess`, jsonInit('POST', { grade: 'XUATSAC' }), 400, 'GradeInvalid');
    expect(p.field).toBe('grade');
  });

  it('refuses grades, deciding body, KHT reasons and eligibility on a plain create or edit, naming the field and the endpoint', async () => {
    const cases: [string, Json, string][] = [
      ['decidedGrade', { decidedGrade: 'HTT' }, '/decide'],
      ['proposedGrade', { proposedGrade: 'HTT' }, '/propose'],
      ['selfGrade', { selfGrade: 'HTT' }, '/self-assess'],
      ['decidingUnit', { decidingUnit: 'HU-THU' }, '/decide'],
      ['khtReasons', { khtReasons: ['decline'] }, '/regrade'],
      ['eligibility', { eligibility: 'exempt' }, '/eligibility'],
      ['eligibilityReason', { eligibilityReason: 'x' }, '/eligibility'],
    ];
    for (const [field, body, endpoint] of cases) {
      const c = await refused('/api/cycles/2022/evaluations', jsonInit('POST', { subjectKind: 'unit', subjectRef: 'CB-BAN1', ...body }), 400, 'ValidationFailed');
      const e = await refused(`/api/evaluations/${ids.unit}`, jsonInit('PATCH', { version: 1, ...body }), 400, 'ValidationFailed');
      for (const err of [c, e]) {
        expect(err.field).toBe(field);
        expect(err.message.vi).toContain(endpoint);
      }
    }
  });

  it('refuses a duplicate evaluation', async () => {
    await refused('/api/cycles/2022/evaluations', jsonInit('POST', { subjectKind: 'member', subjectRef: '01.000001' }), 409, 'DuplicateEvaluation');
  });

  it('updates with one history row per changed field, who and why', async () => {
    const res = await req(`/api/evaluations/${ids.member}`, jsonInit('PATCH', { version: 1, note: 'Đã thẩm định', reviewed: false, reason: 'Thẩm định' }, 'ban_to_chuc'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ decidedGrade: null, note: 'Đã thẩm định', reviewed: false, version: 2 });
    const history = (await req(`/api/evaluations/${ids.member}`)).body.history.filter((h: Json) => h.action === 'update');
    expect(history.map((h: Json) => [h.field, h.oldValue, h.newValue, h.actor, h.reason])).toEqual([
      ['note', null, 'Đã thẩm định', 'ban_to_chuc', 'Thẩm định'],
      ['reviewed', 'true', 'false', 'ban_to_chuc', 'Thẩm định'],
    ]);
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const e = await refused(`/api/evaluations/${ids.member}`, jsonInit('PATCH', { version: 1, note: 'Khác' }), 409, 'Conflict');
    expect(e.field).toBe('version');
    await refused(`/api/evaluations/${ids.member}`, jsonInit('PATCH', { note: 'Khác' }), 400, 'ValidationFailed');
    await refused('/api/evaluations/nope', jsonInit('PATCH', { version: 1, note: 'Khác' }), 404, 'EvaluationNotFound');
  });

  it('checks KHT reasons against the grade and the subject kind', async () => {
    // H29: a member marked not reviewed cannot be graded; the review is recorded first.
    const version = (await req(`/api/evaluations/${ids.member}`)).body.version;
    expect((await req(`/api/evaluations/${ids.member}`, jsonInit('PATCH', { version, reviewed: true, reason: 'Đã kiểm điểm' }))).status).toBe(200);
    expect((await req(`/api/evaluations/${ids.member}/self-assess`, jsonInit('POST', { grade: 'KHT' }))).status).toBe(200);
    const wrongKind = await refused(`/api/evaluations/${ids.member}/propose`, jsonInit('POST', { grade: 'KHT', khtReasons: ['disunity'] }), 400, 'ValidationFailed');
    expect(wrongKind.field).toBe('khtReasons');
    expect((await req(`/api/evaluations/${ids.collective}/self-assess`, jsonInit('POST', { grade: 'KHT' }))).status).toBe(200);
    const ok = await req(`/api/evaluations/${ids.collective}/propose`, jsonInit('POST', { grade: 'KHT', khtReasons: ['disunity', 'below_50'] }));
    expect(ok.status).toBe(200);
    expect(ok.body.evaluation.khtReasons).toEqual(['disunity', 'below_50']);
    const decided = await req(`/api/evaluations/${ids.collective}/decide`, jsonInit('POST', { grade: 'KHT', decidingUnit: 'HU-THU', khtReasons: ['disunity', 'below_50'] }));
    expect([decided.status, decided.body.evaluation?.decidedGrade]).toEqual([200, 'KHT']);
    expect((await req(`/api/evaluations/${ids.collective}/publish`, jsonInit('POST', { byUnit: 'HU-THU' }))).status).toBe(200);
  });

  it('stores scores as hundredths under QD366-HD43 only', async () => {
    await refused(`/api/evaluations/${ids.unit}`, jsonInit('PATCH', { version: 1, score: 80 }), 400, 'ValidationFailed');
    const created = await post({ subjectKind: 'member', subjectRef: '01.000003', score: 87.55 }, 2025);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ scoreX100: 8755, score: 87.55, unitCode: 'CB-BAN1' });
    for (const score of [87.555, 100.01, -1]) {
      const e = await refused(`/api/evaluations/${created.body.id}`, jsonInit('PATCH', { version: 1, score }), 400, 'ValidationFailed');
      expect(e.field).toBe('score');
    }
  });

  it('regrades only with a reason, recorded as action regrade', async () => {
    const e = await refused(`/api/evaluations/${ids.collective}/regrade`, jsonInit('POST', { grade: 'HT' }), 400, 'ReasonRequired');
    expect(e.field).toBe('reason');
    await refused(`/api/evaluations/${ids.collective}/regrade`, jsonInit('POST', { grade: 'HT', reason: '   ' }), 400, 'ReasonRequired');
    await refused(`/api/evaluations/${ids.collective}/regrade`, jsonInit('POST', { grade: 'XUATSAC', reason: 'x' }), 400, 'GradeInvalid');
    const res = await req(`/api/evaluations/${ids.collective}/regrade`, jsonInit('POST', { grade: 'HT', reason: 'Rà soát lại theo kết luận kiểm tra' }, 'btv'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ decidedGrade: 'HT', khtReasons: [] });
    const history = (await req(`/api/evaluations/${ids.collective}`)).body.history.filter((h: Json) => h.action === 'regrade');
    expect(history.map((h: Json) => [h.field, h.oldValue, h.newValue, h.actor, h.reason])).toEqual([
      ['decidedGrade', 'KHT', 'HT', 'btv', 'Rà soát lại theo kết luận kiểm tra'],
      ['khtReasons', '["disunity","below_50"]', '[]', 'btv', 'Rà soát lại theo kết luận kiểm tra'],
    ]);
  });

  it('lists a cycle’s evaluations by unit, subject kind and eligibility', async () => {
    const all = await req('/api/cycles/2022/evaluations');
    expect(all.body.evaluations).toHaveLength(4);
    const cell = await req('/api/cycles/2022/evaluations?unit=CB-BAN1');
    expect(cell.body.evaluations.map((e: Json) => e.subjectRef)).toEqual(['01.000001']);
    const collectives = await req('/api/cycles/2022/evaluations?subjectKind=collective');
    expect(collectives.body.evaluations.map((e: Json) => e.subjectRef)).toEqual(['TT-UBND-XA']);
    const moved = await req(`/api/evaluations/${ids.position}/eligibility`, jsonInit('POST', { status: 'higher_level', reason: 'Cấp trên quản lý cán bộ' }));
    expect(moved.status).toBe(200);
    const higher = await req('/api/cycles/2022/evaluations?eligibility=higher_level');
    expect(higher.body.evaluations.map((e: Json) => e.subjectKind)).toEqual(['position']);
    expect((await req('/api/cycles/2025/evaluations')).body.evaluations).toHaveLength(1);
    await refused('/api/cycles/2022/evaluations?unit=NOPE', { method: 'GET' }, 404, 'UnitNotFound');
    await refused('/api/cycles/2022/evaluations?subjectKind=cell', { method: 'GET' }, 400, 'ValidationFailed');
    await refused('/api/cycles/2030/evaluations', { method: 'GET' }, 404, 'CycleNotFound');
    await refused('/api/evaluations/nope', { method: 'GET' }, 404, 'EvaluationNotFound');
  });
});
