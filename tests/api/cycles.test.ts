import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';
import { authed, type AuthedApp, signIn } from '../helpers/auth.js';
import { countRows, jsonInit, seedOrg } from './fixtures-evaluations.js';

type Json = Record<string, any>;

describe(`cycles API on ${testEngine}`, () => {
  let t: TestDb;
  let app: AuthedApp;
  const req = async (path: string, init?: RequestInit): Promise<{ status: number; body: Json }> => {
    const res = await app.request(path, init);
    return { status: res.status, body: (await res.json()) as Json };
  };
  /** Sends a bad request and checks its status, code, bilingual message and that nothing changed. */
  const refused = async (path: string, init: RequestInit, status: number, code: string): Promise<Json> => {
    const before = await countRows(t.db);
    const res = await req(path, init);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message.vi).toEqual(expect.any(String));
    expect(res.body.error.message.en).toEqual(expect.any(String));
    expect(await countRows(t.db)).toEqual(before);
    return res.body.error;
  };

  beforeAll(async () => {
    t = await createTestDb();
    const raw = createApp({ db: t.db, config: t.config });
    await seedOrg(t.db);
    app = authed(raw, await signIn(raw, t.db, { role: 'admin', scope: 'HU-THU' }));
  });
  afterAll(async () => t.close());

  it('creates cycles with the rule set derived from the year', async () => {
    const expected = { 2022: 'QD132-HD21', 2024: 'QD124-HD25', 2025: 'QD366-HD43' } as const;
    for (const [year, ruleSet] of Object.entries(expected)) {
      const res = await req('/api/cycles', jsonInit('POST', { year: Number(year), referenceDate: `${year}-12-31` }));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ year: Number(year), period: 'nam', ruleSet, referenceDate: `${year}-12-31`, deadlines: [] });
      expect(res.body.title).toBe(`Kiểm điểm, đánh giá, xếp loại chất lượng năm ${year}`);
    }
    const list = await req('/api/cycles');
    expect(list.body.cycles.map((c: Json) => c.year)).toEqual([2025, 2024, 2022]);
  });

  it('reads a cycle by year, and 404s an unknown one', async () => {
    const res = await req('/api/cycles/2022');
    expect(res.status).toBe(200);
    expect(res.body.ruleSet).toBe('QD132-HD21');
    await refused('/api/cycles/2030', { method: 'GET' }, 404, 'CycleNotFound');
    await refused('/api/cycles/2022?period=q1', { method: 'GET' }, 404, 'CycleNotFound');
  });

  it('refuses a year with no rule set', async () => {
    const e = await refused('/api/cycles', jsonInit('POST', { year: 2017, referenceDate: '2017-12-31' }), 422, 'NoRuleSet');
    expect(e.message.vi).toContain('Năm 2017 không có bộ quy tắc đánh giá');
  });

  it('refuses a named rule set that does not govern the year', async () => {
    const e = await refused('/api/cycles', jsonInit('POST', { year: 2023, ruleSet: 'QD366-HD43', referenceDate: '2023-12-31' }), 422, 'RuleSetMismatch');
    expect(e.field).toBe('ruleSet');
    const ok = await req('/api/cycles', jsonInit('POST', { year: 2023, ruleSet: 'QD124-HD25', referenceDate: '2023-12-31' }));
    expect(ok.status).toBe(201);
  });

  it('refuses a duplicate cycle', async () => {
    await refused('/api/cycles', jsonInit('POST', { year: 2022, referenceDate: '2022-12-31' }), 409, 'DuplicateCycle');
  });

  it('refuses invalid dates, periods, unknown fields and bad JSON', async () => {
    const e = await refused('/api/cycles', jsonInit('POST', { year: 2021, referenceDate: '2021-02-30' }), 400, 'ValidationFailed');
    expect(e.field).toBe('referenceDate');
    await refused('/api/cycles', jsonInit('POST', { year: 2021, period: 'q1', referenceDate: '2021-03-31' }), 400, 'PeriodInvalid');
    await refused('/api/cycles', jsonInit('POST', { year: 2021, referenceDate: '2021-12-31', rule_set: 'x' }), 400, 'ValidationFailed');
    await refused('/api/cycles', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }, 400, 'BadJson');
    await refused('/api/cycles/abc', { method: 'GET' }, 400, 'ValidationFailed');
  });

  it('opens a quarterly cycle under QD366-HD43', async () => {
    const res = await req('/api/cycles', jsonInit('POST', { year: 2025, period: 'q1', referenceDate: '2025-03-31' }));
    expect(res.status).toBe(201);
    expect((await req('/api/cycles/2025?period=q1')).body.period).toBe('q1');
  });

  it('sets and replaces deadlines', async () => {
    const first = await req(
      '/api/cycles/2022/deadlines',
      jsonInit('PUT', { deadlines: [{ level: 'cell', dueOn: '2022-12-10' }, { level: 'grassroots_committee', dueOn: '2022-12-20' }] }),
    );
    expect(first.status).toBe(200);
    expect(first.body.deadlines).toEqual([
      { level: 'cell', dueOn: '2022-12-10' },
      { level: 'grassroots_committee', dueOn: '2022-12-20' },
    ]);
    const second = await req('/api/cycles/2022/deadlines', jsonInit('PUT', { deadlines: [{ level: 'cell', dueOn: '2022-12-15' }] }));
    expect(second.body.deadlines).toEqual([{ level: 'cell', dueOn: '2022-12-15' }]);
    const bad = await refused('/api/cycles/2022/deadlines', jsonInit('PUT', { deadlines: [{ level: 'village', dueOn: '2022-12-15' }] }), 400, 'ValidationFailed');
    expect(bad.field).toBe('deadlines.0.level');
    await refused('/api/cycles/2019/deadlines', jsonInit('PUT', { deadlines: [] }), 404, 'CycleNotFound');
    expect((await req('/api/cycles/2022')).body.deadlines).toEqual([{ level: 'cell', dueOn: '2022-12-15' }]);
  });

  it('adds and lists review topics', async () => {
    const topic = { subjectKind: 'collective', subjectRef: 'TT-UBND-XA', managedBy: 'huyen', assignedByUnit: 'HU-THU', topic: 'Chậm giải ngân vốn đầu tư công' };
    const res = await req('/api/cycles/2022/topics', jsonInit('POST', topic));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ subjectKind: 'collective', subjectRef: 'TT-UBND-XA', assignedByUnitCode: 'HU-THU', managedBy: 'huyen' });
    const member = { ...topic, subjectKind: 'member', subjectRef: '01.000001', managedBy: 'co_so.dang_uy', assignedByUnit: 'DB-XA', topic: 'Nêu gương' };
    expect((await req('/api/cycles/2022/topics', jsonInit('POST', member))).status).toBe(201);
    const list = await req('/api/cycles/2022/topics');
    expect(list.body.topics).toHaveLength(2);
    expect(list.body.topics.map((x: Json) => x.subjectRef).sort()).toEqual(['01.000001', 'TT-UBND-XA']);
    await refused('/api/cycles/2030/topics', jsonInit('POST', topic), 404, 'CycleNotFound');
    await refused('/api/cycles/2022/topics', jsonInit('POST', { ...topic, assignedByUnit: 'NOPE' }), 404, 'UnitNotFound');
    await refused('/api/cycles/2022/topics', jsonInit('POST', { ...topic, subjectRef: 'NOPE' }), 404, 'CollectiveNotFound');
    await refused('/api/cycles/2022/topics', jsonInit('POST', { ...topic, managedBy: 'xa' }), 400, 'ValidationFailed');
    await refused('/api/cycles/2022/topics', jsonInit('POST', { ...topic, topic: '  ' }), 400, 'ValidationFailed');
  });
});
