/**
 * rules-audit.md R32 [A]: under QĐ 366 a party organisation's grade "dựa trên kết quả đánh giá, xếp
 * loại chất lượng của: tập thể …, tổ chức đảng trực thuộc (nếu có) và toàn bộ đảng viên" (HD 43 Mục 3)
 * with no numeric trigger. The audit's case: a cell with 8 of its 10 graded members KHT was allowed
 * HTXS. Now a labelled reading («cách đọc», readings.organisationBasis): more than 20% KHT ⇒ KHT,
 * weighed by default (a warning needing a justification), binding or off as a cycle parameter, its
 * share a parameter too. Members and memberships entered through the API; the cell's check and
 * proposal through the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvaluation } from '../../src/db/queries/evaluations.js';
import { testEngine } from '../helpers/test-db.js';
import { createWorld, type Json, type World } from './world.js';

describe(`R32: a party organisation's grade rests on its members' (${testEngine})`, () => {
  let w: World;
  let cell: string;
  const check = async (grade: string) => (await w.call('GET', `/api/evaluations/${cell}/check?grade=${grade}`)).body;
  const setReading = async (readings: Json) => {
    const res = await w.call('PUT', '/api/cycles/2025/parameters', { parameters: { readings } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };

  beforeAll(async () => {
    w = await createWorld();
    // CB-A has 3 members (10.001, 10.003, 10.005); 7 more join it through the API: 10 in all.
    const cards = ['20.001', '20.002', '20.003', '20.004', '20.005', '20.006', '20.007'];
    for (const [i, card] of cards.entries()) {
      const p = await w.call('POST', '/api/persons', { cardNumber: card, fullName: `Đảng Viên Số ${i + 1}`, sex: 'nam', admittedOn: '2010-01-01', officialOn: '2011-01-01' });
      expect(p.status, JSON.stringify(p.body)).toBe(201);
      expect((await w.call('POST', `/api/persons/${card}/memberships`, { unitCode: 'CB-A', validFrom: '2015-01-01' })).status).toBe(201);
    }
    // The members' decided grades of 2025 (set up as decided: 8 KHT, 2 HTT).
    for (const [i, card] of ['10.001', '10.003', '10.005', ...cards].entries()) {
      await createEvaluation(w.t.db, { cycleYear: 2025, subjectKind: 'member', subjectRef: card, actor: 'seed', selfGrade: i < 8 ? 'KHT' : 'HTT', proposedGrade: i < 8 ? 'KHT' : 'HTT', decidedGrade: i < 8 ? 'KHT' : 'HTT', decidingUnit: 'XA-A', score: i < 8 ? 40 : 85 });
    }
    cell = await w.evaluation(2025, 'unit', 'CB-A');
    await w.fact(cell, 'scoreParts', { general: 28, results: 67 });
    await w.fact(cell, 'shortcomingsRemedied', true);
  });
  afterAll(async () => w.close());

  it('R32: 8 of 10 members KHT: HTXS is no longer silent — a weighed reason (KHT) labelled as a reading, a warning that needs a justification', async () => {
    const c = await check('HTXS');
    const reason = c.reasons.find((r: Json) => r.text.includes('8/10 đảng viên xếp loại KHT'));
    expect(reason, JSON.stringify(c.reasons)).toMatchObject({ grade: 'KHT', binding: false });
    expect(reason.source).toContain('HD 43, Mục 3');
    expect(reason.source).toContain('cách đọc');
    expect(c.errors).toEqual([]);
    expect(c.warnings).toContainEqual(expect.objectContaining({ code: 'weighed_reason', grade: 'KHT' }));
    expect(c.notes.join(' ')).toContain('không có ngưỡng tỉ lệ');
    // The cell's proposal of HTXS: refused without a justification (naming the reason), recorded with one.
    expect((await w.call('POST', `/api/evaluations/${cell}/self-assess`, { grade: 'HTXS' })).status).toBe(200);
    const refused = await w.call('POST', `/api/evaluations/${cell}/propose`, { grade: 'HTXS' });
    expect([refused.status, refused.body.error?.code]).toEqual([422, 'JustificationRequired']);
    expect(refused.body.error.message.vi).toContain('8/10 đảng viên xếp loại KHT');
    const p = await w.call('POST', `/api/evaluations/${cell}/propose`, { grade: 'HTXS', justification: 'Chi bộ lãnh đạo khắc phục xong vi phạm của đảng viên trong năm' });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
  });

  it('R32: the reading is a cycle parameter: bound, the same case is refused; a higher share or "off" lifts it', async () => {
    await setReading({ organisationBasis: 'bound' });
    const bound = await check('HTXS');
    expect(bound.highestAllowed).toBe('KHT');
    expect(bound.errors.length).toBeGreaterThan(0);
    expect(bound.reasons.find((r: Json) => r.text.includes('8/10'))).toMatchObject({ binding: true });
    await setReading({ organisationBasis: 'bound', organisationBasisKhtPercent: 80 });
    expect((await check('HTXS')).reasons.some((r: Json) => r.text.includes('8/10'))).toBe(false);
    await setReading({ organisationBasis: 'off' });
    expect((await check('HTXS')).reasons.some((r: Json) => r.text.includes('đảng viên xếp loại KHT'))).toBe(false);
    const wrong = await w.call('PUT', '/api/cycles/2023/parameters', { parameters: { readings: { organisationBasis: 'bound' } } });
    expect([wrong.status, wrong.body.error?.field]).toEqual([400, 'readings.organisationBasis']);
    await setReading({});
  });
});
