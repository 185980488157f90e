/**
 * A complaint before the decision (rules-audit.md R47, Q35): "Trường hợp có đơn, thư khiếu nại, tố cáo
 * … thì cấp uỷ cấp trên trực tiếp chỉ đạo kiểm tra, xác minh, thẩm định lại trước khi quyết định xếp
 * loại cuối cùng" (QĐ 366 Điều 12 k1 Bước 3; QĐ 124 Điều 11). Through the API; citations against
 * tests/fixtures/citations.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle } from '../../src/db/queries/cycles.js';
import { createEvaluation } from '../../src/db/queries/evaluations.js';
import { createApp } from '../../src/server/app.js';
import { CITATIONS } from '../fixtures/citations.js';
import { authed, signIn } from '../helpers/auth.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';
import { seedScopeOrg } from '../server/fixtures-scope.js';
import { client, expectRefused, type Json } from '../workflow/helpers.js';

let t: TestDb;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  t = await createTestDb();
  const app = createApp({ db: t.db, config: t.config });
  await seedScopeOrg(t.db);
  for (const year of [2022, 2023, 2025]) await createCycle(t.db, { year, referenceDate: `${year}-12-31` });
  api = client(authed(app, await signIn(app, t.db, { role: 'admin', scope: 'TINH' })));
});
afterAll(async () => t.close());

const proposed = async (year: number) => {
  const id = (await createEvaluation(t.db, { cycleYear: year, subjectKind: 'member', subjectRef: '10.003', actor: 'seed' })).id;
  expect((await api.post(`/api/evaluations/${id}/self-assess`, { grade: 'HTT', ...(year >= 2025 ? { score: 85 } : {}) })).status).toBe(200);
  expect((await api.post(`/api/evaluations/${id}/propose`, { grade: 'HTT' })).status).toBe(200);
  return id;
};

describe(`a complaint waits for the superior committee's re-verification (${testEngine})`, () => {
  for (const c of [
    { id: 'R47', year: 2025, cite: CITATIONS.QD366_COMPLAINT.cite },
    { id: 'Q35', year: 2023, cite: CITATIONS.QD124_COMPLAINT.cite },
  ]) {
    it(`${c.id}: in ${c.year} a decision after a complaint is refused until the directly superior committee re-verifies, citing ${c.cite}`, async () => {
      const id = await proposed(c.year);
      await expectRefused(t.db, () => api.post(`/api/evaluations/${id}/complaint`, { comment: '  ' }), { status: 400, code: 'ReasonRequired', field: 'comment' });
      const complaint = await api.post(`/api/evaluations/${id}/complaint`, { comment: 'Đơn phản ánh về việc kê khai tài sản' });
      expect([complaint.status, complaint.body.stage]).toEqual([201, 'proposed']);
      const refused = await expectRefused(t.db, () => api.post(`/api/evaluations/${id}/decide`, { grade: 'HTT', decidingUnit: 'XA-A' }), { status: 409, code: 'StageInvalid', field: 'stage' });
      expect(refused.message.vi).toContain('Đơn phản ánh về việc kê khai tài sản');
      expect(refused.message.vi).toContain(c.cite);
      await expectRefused(t.db, () => api.post(`/api/evaluations/${id}/reverify`, { byUnit: 'TINH', comment: 'Đã xác minh' }), { status: 403, code: 'NotCompetentAuthority', field: 'byUnit' });
      expect((await api.post(`/api/evaluations/${id}/reverify`, { byUnit: 'HUYEN', comment: 'Đã kiểm tra, xác minh: không có vi phạm' })).status).toBe(200);
      const decided = await api.post(`/api/evaluations/${id}/decide`, { grade: 'HTT', decidingUnit: 'XA-A' });
      expect([decided.status, decided.body.stage], JSON.stringify(decided.body)).toEqual([200, 'decided']);
      const steps = (await api.get(`/api/evaluations/${id}/workflow`)).body.steps.map((s: Json) => s.action);
      expect(steps).toEqual(['self_assess', 'propose', 'complaint', 'reverify', 'decide']);
    });
  }

  it('under HD 21 (no such step in the sources) the complaint is recorded and the decision is not held', async () => {
    const id = await proposed(2022);
    expect((await api.post(`/api/evaluations/${id}/complaint`, { comment: 'Đơn thư' })).status).toBe(201);
    expect((await api.post(`/api/evaluations/${id}/decide`, { grade: 'HTT', decidingUnit: 'XA-A' })).status).toBe(200);
  });
});
