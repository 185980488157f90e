/**
 * The order of decisions through the API (GUIDE.md §4.6; QĐ 366 Điều 12 khoản 2), in a 2025 cycle
 * (QĐ 366 governs it; rules-audit.md H38: not in 2019–2022): refused in the wrong order citing the
 * rule, accepted in the right one — a committee's members (1) and its head (2)
 * after the collective; a cell after its members and its unit's collectives (3, 4); a district's
 * committee after the collectives below it (5).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCollective } from '../../src/db/queries/collectives.js';
import { createCycle } from '../../src/db/queries/cycles.js';
import { createEvaluation } from '../../src/db/queries/evaluations.js';
import { createPosition } from '../../src/db/queries/positions.js';
import { createApp } from '../../src/server/app.js';
import { authed, signIn } from '../helpers/auth.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';
import { seedScopeOrg } from '../server/fixtures-scope.js';
import { client, expectRefused } from './helpers.js';

describe(`decision order through the API, QĐ 366 (${testEngine})`, () => {
  let t: TestDb;
  let api: ReturnType<typeof client>;
  const ids: Record<string, string> = {};

  const ready = async (id: string) => {
    expect((await api.post(`/api/evaluations/${id}/self-assess`, { grade: 'HTT', score: 85 })).status).toBe(200);
    expect((await api.post(`/api/evaluations/${id}/propose`, { grade: 'HTT' })).status).toBe(200);
    // QĐ 366 Điều 12 khoản 1, Bước 2: the appraisal comes before any decision (rules-audit.md R46).
    expect((await api.post(`/api/evaluations/${id}/appraise`, { comment: 'Đã thẩm định' })).status).toBe(200);
  };
  const decide = (id: string, by: string) => api.post(`/api/evaluations/${id}/decide`, { grade: 'HTT', decidingUnit: by });
  const refusedCiting = async (id: string, by: string, rule: number) => {
    const err = await expectRefused(t.db, () => decide(id, by), { status: 422, code: 'OrderViolation', field: 'order' });
    expect(err.message.vi).toContain(`QĐ 366, Điều 12 khoản 2 (${rule})`);
  };
  const accepted = async (id: string, by: string) => {
    const res = await decide(id, by);
    expect([res.status, res.body.stage], JSON.stringify(res.body)).toEqual([200, 'decided']);
  };

  beforeAll(async () => {
    t = await createTestDb();
    const app = createApp({ db: t.db, config: t.config });
    await seedScopeOrg(t.db);
    await createCycle(t.db, { year: 2025, referenceDate: '2025-12-31' });
    const from = '2015-01-01';
    await createCollective(t.db, { code: 'CU-XA-A', unitCode: 'XA-A', name: 'Ban Chấp hành Đảng bộ xã A', kind: 'cap_uy', level: 'co_so', validFrom: from });
    await createCollective(t.db, { code: 'CU-HUYEN', unitCode: 'HUYEN', name: 'Ban Thường vụ Huyện ủy', kind: 'cap_uy', level: 'huyen', validFrom: from });
    const head = await createPosition(t.db, { cardNumber: '10.003', unitCode: 'XA-A', positionGroup: 'co_so.bi_thu', title: 'Bí thư Đảng ủy', validFrom: from });
    const member = await createPosition(t.db, { cardNumber: '10.005', unitCode: 'XA-A', positionGroup: 'co_so.uv_bch', title: 'Đảng ủy viên', validFrom: from });
    const ev = async (key: string, subjectKind: string, subjectRef: string) => {
      ids[key] = (await createEvaluation(t.db, { cycleYear: 2025, subjectKind, subjectRef, actor: 'seed' })).id;
    };
    await ev('capUyXa', 'collective', 'CU-XA-A');
    await ev('capUyHuyen', 'collective', 'CU-HUYEN');
    await ev('colA', 'collective', 'COL-A');
    await ev('colB', 'collective', 'COL-B');
    await ev('head', 'position', head.id);
    await ev('uvbch', 'position', member.id);
    await ev('cell', 'unit', 'CB-A');
    for (const card of ['10.001', '10.003', '10.005']) await ev(`m${card}`, 'member', card);
    api = client(authed(app, await signIn(app, t.db, { role: 'admin', scope: 'TINH' })));
    for (const id of Object.values(ids)) await ready(id);
  });
  afterAll(async () => t.close());

  it('refuses a cell before its members (3) and its collectives (4); accepts it after', async () => {
    await refusedCiting(ids.cell!, 'XA-A', 3);
    for (const card of ['10.001', '10.003', '10.005']) await accepted(ids[`m${card}`]!, 'XA-A');
    await refusedCiting(ids.cell!, 'XA-A', 4);
    await accepted(ids.colA!, 'XA-A');
    await accepted(ids.cell!, 'XA-A');
  });

  it('refuses the head (2) and a member (1) of the committee before the committee collective; accepts them after', async () => {
    await refusedCiting(ids.head!, 'HUYEN', 2);
    await refusedCiting(ids.uvbch!, 'HUYEN', 1);
    // The committee collective comes after the collectives below it (5): COL-A was decided above.
    await accepted(ids.capUyXa!, 'HUYEN');
    await accepted(ids.head!, 'HUYEN');
    await accepted(ids.uvbch!, 'HUYEN');
  });

  it('refuses the district committee before the collectives below it (5); accepts it after', async () => {
    await refusedCiting(ids.capUyHuyen!, 'TINH', 5);
    await accepted(ids.colB!, 'XA-B');
    await accepted(ids.capUyHuyen!, 'TINH');
  });
});
