/**
 * Process rules of each rule set through the API (rules-audit.md H29, Q33, R39; H38, Q34, R41, R42;
 * R50; §6.1–6.2), each citation asserted against the table written from the sources' text
 * (tests/fixtures/citations.ts), never the product's own constants.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCollective } from '../../src/db/queries/collectives.js';
import { createCycle } from '../../src/db/queries/cycles.js';
import { createEvaluation } from '../../src/db/queries/evaluations.js';
import { createPosition } from '../../src/db/queries/positions.js';
import { createApp } from '../../src/server/app.js';
import { CITATIONS } from '../fixtures/citations.js';
import { authed, signIn } from '../helpers/auth.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';
import { seedScopeOrg } from '../server/fixtures-scope.js';
import { client, expectRefused, type Json } from '../workflow/helpers.js';

let t: TestDb;
let api: ReturnType<typeof client>;
const FROM = '2015-01-01';

const ev = async (year: number, subjectKind: string, subjectRef: string, extra: Record<string, unknown> = {}) =>
  (await createEvaluation(t.db, { cycleYear: year, subjectKind, subjectRef, actor: 'seed', ...extra })).id;
/** Self-assessed and proposed HTT (with a QĐ 366 score where the cycle scores). */
const ready = async (id: string, year: number) => {
  const score = year >= 2025 ? { score: 85 } : {};
  expect((await api.post(`/api/evaluations/${id}/self-assess`, { grade: 'HTT', ...score })).status).toBe(200);
  const p = await api.post(`/api/evaluations/${id}/propose`, { grade: 'HTT' });
  expect(p.status, JSON.stringify(p.body)).toBe(200);
};

beforeAll(async () => {
  t = await createTestDb();
  const app = createApp({ db: t.db, config: t.config });
  await seedScopeOrg(t.db);
  for (const year of [2022, 2023, 2025]) await createCycle(t.db, { year, referenceDate: `${year}-12-31` });
  await createCollective(t.db, { code: 'UBND-HUYEN', unitCode: 'HUYEN', name: 'Tập thể lãnh đạo UBND huyện', kind: 'ubnd', level: 'huyen', validFrom: FROM });
  await createCollective(t.db, { code: 'PB-NOIVU', unitCode: 'HUYEN', name: 'Tập thể lãnh đạo Phòng Nội vụ', kind: 'phong_ban', level: 'huyen', validFrom: FROM });
  api = client(authed(app, await signIn(app, t.db, { role: 'admin', scope: 'TINH' })));
});
afterAll(async () => t.close());

describe(`reviewed before graded (${testEngine})`, () => {
  const cases = [
    { id: 'H29', year: 2022, cite: CITATIONS.HD21_REVIEWED_FIRST.cite },
    { id: 'Q33', year: 2023, cite: CITATIONS.QD124_STEPS.cite },
    { id: 'R39', year: 2025, cite: CITATIONS.QD366_REVIEWED_GRADED.cite },
  ];
  for (const c of cases) {
    it(`${c.id}: a member marked not reviewed cannot be proposed or decided in ${c.year}, citing ${c.cite}; once reviewed it can`, async () => {
      const id = await ev(c.year, 'member', '10.003', { reviewed: false });
      expect((await api.post(`/api/evaluations/${id}/self-assess`, { grade: 'HTT', ...(c.year >= 2025 ? { score: 85 } : {}) })).status).toBe(200);
      const err = await expectRefused(t.db, () => api.post(`/api/evaluations/${id}/propose`, { grade: 'HTT' }), { status: 422, code: 'GradeNotAllowed', field: 'grade' });
      expect(err.message.vi).toContain('Chưa kiểm điểm');
      expect(err.message.vi).toContain(c.cite);
      const check = await api.get(`/api/evaluations/${id}/check?grade=HT`);
      expect(check.body.errors.map((e: Json) => e.code)).toEqual(['not_reviewed']);
      const version = (await api.get(`/api/evaluations/${id}`)).body.version;
      const patched = await api.patch(`/api/evaluations/${id}`, { version, reviewed: true, reason: 'Đã kiểm điểm tại hội nghị chi bộ' });
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);
      const ok = await api.post(`/api/evaluations/${id}/propose`, { grade: 'HTT' });
      expect([ok.status, ok.body.stage]).toEqual([200, 'proposed']);
    });
  }
});

describe(`the order of decisions follows the cycle's rule set (${testEngine})`, () => {
  it('H38: under HD 21 the order is advice only: a cell decided before its members is accepted, the advice labelled as not HD 21', async () => {
    const cell = await ev(2022, 'unit', 'CB-A');
    await ev(2022, 'member', '10.001');
    await ready(cell, 2022);
    const res = await api.post(`/api/evaluations/${cell}/decide`, { grade: 'HTT', decidingUnit: 'XA-A' });
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
    const err = await expectRefused(t.db, () => api.post(`/api/evaluations/${committee}/decide`, { grade: 'HTT', decidingUnit: 'HUYEN' }), { status: 422, code: 'OrderViolation', field: 'order' });
    expect(err.message.vi).toContain(`${CITATIONS.QD124_ORDER.cite} (trình tự: cấp dưới trước, cấp trên sau)`);
    expect(err.message.vi).not.toContain('QĐ 366');
    const colA = await ev(2023, 'collective', 'COL-A');
    await ready(colA, 2023);
    expect((await api.post(`/api/evaluations/${colA}/decide`, { grade: 'HTT', decidingUnit: 'XA-A' })).status).toBe(200);
    await ready(cell, 2023);
    const res = await api.post(`/api/evaluations/${cell}/decide`, { grade: 'HTT', decidingUnit: 'XA-A' });
    expect([res.status, res.body.stage], JSON.stringify(res.body)).toEqual([200, 'decided']);
    expect(res.body.orderAdvice[0].source).toContain('không có trong QĐ 124, Điều 11');
  });

  it('R41: under QĐ 366 a Phó Chủ tịch UBND who sits on the UBND collective waits for it (Điều 12 k2 (1))', async () => {
    const pos = await createPosition(t.db, { cardNumber: '10.005', unitCode: 'HUYEN', positionGroup: 'huyen.pct_uv_bch', title: 'Phó Chủ tịch UBND huyện', validFrom: FROM });
    const id = await ev(2025, 'position', pos.id);
    await ready(id, 2025);
    const err = await expectRefused(t.db, () => api.post(`/api/evaluations/${id}/decide`, { grade: 'HTT', decidingUnit: 'HUYEN' }), { status: 422, code: 'OrderViolation' });
    expect(err.message.vi).toContain('tập thể lãnh đạo HĐND, UBND chưa được quyết định xếp loại: Tập thể lãnh đạo UBND huyện');
    expect(err.message.vi).toContain(`${CITATIONS.QD366_ORDER.cite} (1)`);
  });

  it('R42: under QĐ 366 a Trưởng phòng waits for the phòng\'s leadership collective (Điều 12 k2 (2))', async () => {
    const pos = await createPosition(t.db, { cardNumber: '10.003', unitCode: 'HUYEN', positionGroup: 'huyen.truong_phong_khac', title: 'Trưởng phòng Nội vụ', validFrom: FROM });
    const id = await ev(2025, 'position', pos.id);
    await ready(id, 2025);
    const err = await expectRefused(t.db, () => api.post(`/api/evaluations/${id}/decide`, { grade: 'HTT', decidingUnit: 'HUYEN' }), { status: 422, code: 'OrderViolation' });
    expect(err.message.vi).toContain('Tập thể lãnh đạo Phòng Nội vụ');
    expect(err.message.vi).toContain(`${CITATIONS.QD366_ORDER.cite} (2)`);
  });
});

describe(`re-grading and stage citations (${testEngine})`, () => {
  it('R50: after publication only the competent body or the committee directly above it re-grades; the province is refused citing QĐ 366 Điều 13', async () => {
    const id = await ev(2025, 'member', '10.001');
    await ready(id, 2025);
    expect((await api.post(`/api/evaluations/${id}/decide`, { grade: 'HTT', decidingUnit: 'XA-A' })).status).toBe(200);
    expect((await api.post(`/api/evaluations/${id}/publish`, { byUnit: 'XA-A' })).status).toBe(200);
    const err = await expectRefused(t.db, () => api.post(`/api/evaluations/${id}/regrade`, { grade: 'HT', reason: 'Rà soát', byUnit: 'TINH' }), { status: 403, code: 'NotCompetentAuthority', field: 'byUnit' });
    expect(err.message.vi).toContain(CITATIONS.QD366_REGRADE.cite);
    expect(err.message.vi).toContain('hoặc cấp ủy cấp trên trực tiếp Đơn vị HUYEN (HUYEN)');
    const ok = await api.post(`/api/evaluations/${id}/regrade`, { grade: 'HT', reason: 'Rà soát theo kết luận kiểm tra', byUnit: 'HUYEN' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });

  it('§6.2: a stage error in 2023 cites QĐ 124 Điều 11, in 2022 HD 21 — never QĐ 366', async () => {
    const id23 = await ev(2023, 'member', '10.005');
    const e23 = await expectRefused(t.db, () => api.post(`/api/evaluations/${id23}/propose`, { grade: 'HTT' }), { status: 409, code: 'StageInvalid' });
    expect(e23.message.vi).toContain(CITATIONS.QD124_STEPS.cite);
    expect(e23.message.vi).not.toContain('QĐ 366');
    const id22 = await ev(2022, 'member', '10.005');
    const e22 = await expectRefused(t.db, () => api.post(`/api/evaluations/${id22}/regrade`, { grade: 'HTT', reason: 'x', byUnit: 'XA-A' }), { status: 409, code: 'StageInvalid' });
    expect(e22.message.vi).toContain('HD 21');
    expect(e22.message.vi).not.toContain('QĐ 366');
  });
});
