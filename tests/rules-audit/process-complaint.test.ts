/**
 * A complaint before the decision (rules-audit.md R47, Q35): "Trường hợp có đơn, thư khiếu nại, tố cáo
 * … thì cấp uỷ cấp trên trực tiếp chỉ đạo kiểm tra, xác minh, thẩm định lại trước khi quyết định xếp
 * loại cuối cùng" (QĐ 366 Điều 12 k1 Bước 3; QĐ 124 Điều 11). Through the API; citations against
 * tests/fixtures/citations.ts.
 */
import { describe, expect, it } from 'vitest';
import { CITATIONS } from '../fixtures/citations.js';
import { testEngine } from '../helpers/test-db.js';
import { expectRefused, type Json } from '../workflow/helpers.js';
import { useApiWorld } from './api-world.js';

const w = useApiWorld([{ year: 2022 }, { year: 2023 }, { year: 2025 }]);

/** Self-assessed, proposed and (from 2023) appraised HTT: ready for the decision. */
const proposed = async (year: number) => {
  const id = await w.ev(year, 'member', '10.003');
  await w.ready(id, year);
  return id;
};

describe(`a complaint waits for the superior committee's re-verification (${testEngine})`, () => {
  for (const c of [
    { id: 'R47', year: 2025, cite: CITATIONS.QD366_COMPLAINT.cite },
    { id: 'Q35', year: 2023, cite: CITATIONS.QD124_COMPLAINT.cite },
  ]) {
    it(`${c.id}: in ${c.year} a decision after a complaint is refused until the directly superior committee re-verifies, citing ${c.cite}`, async () => {
      const id = await proposed(c.year);
      await expectRefused(w.t.db, () => w.api.post(`/api/evaluations/${id}/complaint`, { comment: '  ' }), { status: 400, code: 'ReasonRequired', field: 'comment' });
      const complaint = await w.api.post(`/api/evaluations/${id}/complaint`, { comment: 'Đơn phản ánh về việc kê khai tài sản' });
      expect([complaint.status, complaint.body.stage]).toEqual([201, 'appraised']);
      const refused = await expectRefused(w.t.db, () => w.api.post(`/api/evaluations/${id}/decide`, { grade: 'HTT', decidingUnit: 'XA-A' }), { status: 409, code: 'StageInvalid', field: 'stage' });
      expect(refused.message.vi).toContain('Đơn phản ánh về việc kê khai tài sản');
      expect(refused.message.vi).toContain(c.cite);
      await expectRefused(w.t.db, () => w.api.post(`/api/evaluations/${id}/reverify`, { byUnit: 'TINH', comment: 'Đã xác minh' }), { status: 403, code: 'NotCompetentAuthority', field: 'byUnit' });
      expect((await w.api.post(`/api/evaluations/${id}/reverify`, { byUnit: 'HUYEN', comment: 'Đã kiểm tra, xác minh: không có vi phạm' })).status).toBe(200);
      const decided = await w.api.post(`/api/evaluations/${id}/decide`, { grade: 'HTT', decidingUnit: 'XA-A' });
      expect([decided.status, decided.body.stage], JSON.stringify(decided.body)).toEqual([200, 'decided']);
      const steps = (await w.api.get(`/api/evaluations/${id}/workflow`)).body.steps.map((s: Json) => s.action);
      expect(steps).toEqual(['self_assess', 'propose', 'appraise', 'complaint', 'reverify', 'decide']);
    });
  }

  it('under HD 21 (no such step in the sources) the complaint is recorded and the decision is not held', async () => {
    const id = await proposed(2022);
    expect((await w.api.post(`/api/evaluations/${id}/complaint`, { comment: 'Đơn thư' })).status).toBe(201);
    expect((await w.api.post(`/api/evaluations/${id}/decide`, { grade: 'HTT', decidingUnit: 'XA-A' })).status).toBe(200);
  });
});
