/**
 * Process rules of each rule set through the API (rules-audit.md H29, Q33, R39; H38, Q34, R41, R42;
 * R50; Q35, R46; §6.1–6.2), each citation asserted against the table written from the sources' text
 * (tests/fixtures/citations.ts), never the product's own constants.
 */
import { describe, expect, it } from 'vitest';
import { createCollective } from '../../src/db/queries/collectives.js';
import { createPosition } from '../../src/db/queries/positions.js';
import { CITATIONS } from '../fixtures/citations.js';
import { testEngine } from '../helpers/test-db.js';
import { expectRefused, type Json } from '../workflow/helpers.js';
import { useApiWorld } from './api-world.js';

const FROM = '2015-01-01';
const w = useApiWorld([{ year: 2022 }, { year: 2023 }, { year: 2025 }], async (t) => {
  await createCollective(w.t.db, { code: 'UBND-HUYEN', unitCode: 'HUYEN', name: 'Tập thể lãnh đạo UBND huyện', kind: 'ubnd', level: 'huyen', validFrom: FROM });
  await createCollective(w.t.db, { code: 'PB-NOIVU', unitCode: 'HUYEN', name: 'Tập thể lãnh đạo Phòng Nội vụ', kind: 'phong_ban', level: 'huyen', validFrom: FROM });
});
const { ev, ready } = w;

describe(`reviewed before graded (${testEngine})`, () => {
  const cases = [
    { id: 'H29', year: 2022, cite: CITATIONS.HD21_REVIEWED_FIRST.cite },
    { id: 'Q33', year: 2023, cite: CITATIONS.QD124_STEPS.cite },
    { id: 'R39', year: 2025, cite: CITATIONS.QD366_REVIEWED_GRADED.cite },
  ];
  for (const c of cases) {
    it(`${c.id}: a member marked not reviewed cannot be proposed or decided in ${c.year}, citing ${c.cite}; once reviewed it can`, async () => {
      const id = await ev(c.year, 'member', '10.003', { reviewed: false });
      expect((await w.api.post(`/api/evaluations/${id}/self-assess`, { grade: 'HTT', ...(c.year >= 2025 ? { score: 85 } : {}) })).status).toBe(200);
      const err = await expectRefused(w.t.db, () => w.api.post(`/api/evaluations/${id}/propose`, { grade: 'HTT' }), { status: 422, code: 'GradeNotAllowed', field: 'grade' });
      expect(err.message.vi).toContain('Chưa kiểm điểm');
      expect(err.message.vi).toContain(c.cite);
      const check = await w.api.get(`/api/evaluations/${id}/check?grade=HT`);
      expect(check.body.errors.map((e: Json) => e.code)).toEqual(['not_reviewed']);
      const version = (await w.api.get(`/api/evaluations/${id}`)).body.version;
      const patched = await w.api.patch(`/api/evaluations/${id}`, { version, reviewed: true, reason: 'Đã kiểm điểm tại hội nghị chi bộ' });
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);
      const ok = await w.api.post(`/api/evaluations/${id}/propose`, { grade: 'HTT' });
      expect([ok.status, ok.body.stage]).toEqual([200, 'proposed']);
    });
  }
});

describe(`the order of decisions follows the cycle's rule set (${testEngine})`, () => {
  it('H38: under HD 21 the order is advice only: a cell decided before its members is accepted, the advice labelled as not HD 21', async () => {
    const cell = await ev(2022, 'unit', 'CB-A');
    await ev(2022, 'member', '10.001');
    await ready(cell, 2022);
    const res = await w.api.post(`/api/evaluations/${cell}/decide`, { grade: 'HTT', decidingUnit: 'XA-A' });
    expect([res.status, res.body.stage]).toEqual([200, 'decided']);
    expect(res.body.orderAdvice[0].source).toContain('HD 21 không quy định trình tự');
    expect(res.body.orderAdvice[0].text).toContain('Gợi ý trình tự');
  });

  it('Q34: a 2023 order error cites QĐ 124 Điều 11 ("cấp dưới trước, cấp trên sau"), not QĐ 366; members before their cell is advice there', async () => {
    expect(CITATIONS.QD124_ORDER.quote).toContain('lower level before higher');
    const committee = await ev(2023, 'unit', 'XA-A');
    const cell = await ev(2023, 'unit', 'CB-A');
    await ev(2023, 'member', '10.001');
    await ready(committee, 2023);
    const err = await expectRefused(w.t.db, () => w.api.post(`/api/evaluations/${committee}/decide`, { grade: 'HTT', decidingUnit: 'HUYEN' }), { status: 422, code: 'OrderViolation', field: 'order' });
    expect(err.message.vi).toContain(`${CITATIONS.QD124_ORDER.cite} (trình tự: cấp dưới trước, cấp trên sau)`);
    expect(err.message.vi).not.toContain('QĐ 366');
    const colA = await ev(2023, 'collective', 'COL-A');
    await ready(colA, 2023);
    expect((await w.api.post(`/api/evaluations/${colA}/decide`, { grade: 'HTT', decidingUnit: 'XA-A' })).status).toBe(200);
    await ready(cell, 2023);
    const res = await w.api.post(`/api/evaluations/${cell}/decide`, { grade: 'HTT', decidingUnit: 'XA-A' });
    expect([res.status, res.body.stage], JSON.stringify(res.body)).toEqual([200, 'decided']);
    expect(res.body.orderAdvice[0].source).toContain('không có trong QĐ 124, Điều 11');
  });

  it('R41: under QĐ 366 a Phó Chủ tịch UBND who sits on the UBND collective waits for it (Điều 12 k2 (1))', async () => {
    const pos = await createPosition(w.t.db, { cardNumber: '10.005', unitCode: 'HUYEN', positionGroup: 'huyen.pct_uv_bch', title: 'Phó Chủ tịch UBND huyện', validFrom: FROM });
    const id = await ev(2025, 'position', pos.id);
    await ready(id, 2025);
    const err = await expectRefused(w.t.db, () => w.api.post(`/api/evaluations/${id}/decide`, { grade: 'HTT', decidingUnit: 'HUYEN' }), { status: 422, code: 'OrderViolation' });
    expect(err.message.vi).toContain('tập thể lãnh đạo HĐND, UBND chưa được quyết định xếp loại: Tập thể lãnh đạo UBND huyện');
    expect(err.message.vi).toContain(`${CITATIONS.QD366_ORDER.cite} (1)`);
  });

  it('R42: under QĐ 366 a Trưởng phòng waits for the phòng\'s leadership collective (Điều 12 k2 (2))', async () => {
    const pos = await createPosition(w.t.db, { cardNumber: '10.003', unitCode: 'HUYEN', positionGroup: 'huyen.truong_phong_khac', title: 'Trưởng phòng Nội vụ', validFrom: FROM });
    const id = await ev(2025, 'position', pos.id);
    await ready(id, 2025);
    const err = await expectRefused(w.t.db, () => w.api.post(`/api/evaluations/${id}/decide`, { grade: 'HTT', decidingUnit: 'HUYEN' }), { status: 422, code: 'OrderViolation' });
    expect(err.message.vi).toContain('Tập thể lãnh đạo Phòng Nội vụ');
    expect(err.message.vi).toContain(`${CITATIONS.QD366_ORDER.cite} (2)`);
  });
});

describe(`re-grading and stage citations (${testEngine})`, () => {
  it('R50: after publication only the competent body or the committee directly above it re-grades; the province is refused citing QĐ 366 Điều 13', async () => {
    const id = await ev(2025, 'member', '10.001');
    await ready(id, 2025);
    expect((await w.api.post(`/api/evaluations/${id}/decide`, { grade: 'HTT', decidingUnit: 'XA-A' })).status).toBe(200);
    expect((await w.api.post(`/api/evaluations/${id}/publish`, { byUnit: 'XA-A' })).status).toBe(200);
    const err = await expectRefused(w.t.db, () => w.api.post(`/api/evaluations/${id}/regrade`, { grade: 'HT', reason: 'Rà soát', byUnit: 'TINH' }), { status: 403, code: 'NotCompetentAuthority', field: 'byUnit' });
    expect(err.message.vi).toContain(CITATIONS.QD366_REGRADE.cite);
    expect(err.message.vi).toContain('hoặc cấp ủy cấp trên trực tiếp Đơn vị HUYEN (HUYEN)');
    const ok = await w.api.post(`/api/evaluations/${id}/regrade`, { grade: 'HT', reason: 'Rà soát theo kết luận kiểm tra', byUnit: 'HUYEN' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });

  it('§6.2: a stage error in 2023 cites QĐ 124 Điều 11, in 2022 HD 21 — never QĐ 366', async () => {
    const id23 = await ev(2023, 'member', '10.005');
    const e23 = await expectRefused(w.t.db, () => w.api.post(`/api/evaluations/${id23}/propose`, { grade: 'HTT' }), { status: 409, code: 'StageInvalid' });
    expect(e23.message.vi).toContain(CITATIONS.QD124_STEPS.cite);
    expect(e23.message.vi).not.toContain('QĐ 366');
    const id22 = await ev(2022, 'member', '10.005');
    const e22 = await expectRefused(w.t.db, () => w.api.post(`/api/evaluations/${id22}/regrade`, { grade: 'HTT', reason: 'x', byUnit: 'XA-A' }), { status: 409, code: 'StageInvalid' });
    expect(e22.message.vi).toContain('HD 21');
    expect(e22.message.vi).not.toContain('QĐ 366');
  });
});

describe(`the appraisal before the decision follows the cycle's rule set (${testEngine})`, () => {
  for (const c of [
    { id: 'Q35', year: 2023, cite: CITATIONS.QD124_STEPS.cite },
    { id: 'R46', year: 2025, cite: CITATIONS.QD366_STEPS.cite },
  ]) {
    it(`${c.id}: in ${c.year} a proposal is not decided before the organisation-advisory body's appraisal ("thẩm định"), citing ${c.cite}; after it, it is`, async () => {
      expect(CITATIONS.QD366_STEPS.quote).toContain('Thẩm định và đề xuất');
      const id = await ev(c.year, 'member', '10.004');
      await ready(id, c.year, { appraise: false });
      const err = await expectRefused(w.t.db, () => w.api.post(`/api/evaluations/${id}/decide`, { grade: 'HTT', decidingUnit: 'XA-B' }), { status: 409, code: 'StageInvalid', field: 'stage' });
      expect(err.message.vi).toContain(c.cite);
      expect(err.message.vi).toContain('Bước 2');
      expect(err.message.vi).toContain('POST /api/evaluations/:id/appraise');
      expect(err.message.vi).not.toContain(c.year === 2023 ? 'QĐ 366' : 'QĐ 124');
      expect((await w.api.post(`/api/evaluations/${id}/appraise`, { comment: 'Ban Tổ chức thẩm định: đủ điều kiện HTT', grade: 'HTT', byUnit: 'HUYEN' })).status).toBe(200);
      const ok = await w.api.post(`/api/evaluations/${id}/decide`, { grade: 'HTT', decidingUnit: 'XA-B' });
      expect([ok.status, ok.body.stage], JSON.stringify(ok.body)).toEqual([200, 'decided']);
      expect((await w.api.get(`/api/evaluations/${id}/workflow`)).body.steps.map((s: Json) => s.action)).toEqual(['self_assess', 'propose', 'appraise', 'decide']);
    });
  }

  it('HD 21 (three steps: self-assessment, the bodies taking part propose, the competent level decides) has no appraisal of its own: a 2022 proposal is decided directly', async () => {
    const id = await ev(2022, 'member', '10.004');
    await ready(id, 2022);
    const ok = await w.api.post(`/api/evaluations/${id}/decide`, { grade: 'HTT', decidingUnit: 'XA-B' });
    expect([ok.status, ok.body.stage], JSON.stringify(ok.body)).toEqual([200, 'decided']);
  });
});
