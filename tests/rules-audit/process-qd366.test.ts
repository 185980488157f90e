/**
 * QĐ 366 process readings through the API (rules-audit.md R12, R38, R51): a score whose HT
 * conditions are unmet is weighed, not an automatic KHT; a quarterly cycle reads its own quarter; a
 * new organisation's treatment is a labelled parameter. Citations against tests/fixtures/citations.ts.
 */
import { describe, expect, it } from 'vitest';
import { addPersonEvent } from '../../src/db/queries/persons.js';
import { CITATIONS } from '../fixtures/citations.js';
import { testEngine } from '../helpers/test-db.js';
import { type Json } from '../workflow/helpers.js';
import { useApiWorld } from './api-world.js';

const w = useApiWorld([{ year: 2025 }, { year: 2025, period: 'q3', referenceDate: '2025-09-30' }]);

describe(`QĐ 366 process readings (${testEngine})`, () => {
  it('R12: 85 points with 1 of 10 tasks not completed: HT at most, KHT only weighed by the competent level (the sources are silent)', async () => {
    const id = await w.ev(2025, 'member', '10.005');
    expect((await w.api.post(`/api/evaluations/${id}/self-assess`, { grade: 'HT', score: 85, tasks: { total: 10, onTime: 9, late: 0, exceeding: 0 } })).status).toBe(200);
    const htt = (await w.api.get(`/api/evaluations/${id}/check?grade=HTT`)).body;
    expect(htt.errors.map((e: Json) => e.grade)).toEqual(['HT']);
    const ht = (await w.api.get(`/api/evaluations/${id}/check?grade=HT`)).body;
    expect(ht.errors).toEqual([]);
    expect(ht.warnings).toContainEqual(expect.objectContaining({ code: 'weighed_reason', grade: 'KHT', source: expect.stringContaining('nguồn không quy định') }));
  });

  it('R51: a quarterly cycle reads its quarter: a discipline of 01/02/2025 limits the annual grade, not the third quarter\'s', async () => {
    expect(CITATIONS.QD366_QUARTERLY.quote).toContain('hằng quý');
    await addPersonEvent(w.t.db, { cardNumber: '10.003', kind: 'disciplined', level: 'khien_trach', startsOn: '2025-02-01' });
    const annual = await w.ev(2025, 'member', '10.003');
    const quarter = await w.ev(2025, 'member', '10.003', {}, 'q3');
    const text = (c: Json) => c.reasons.map((r: Json) => r.text).join(' | ');
    expect(text((await w.api.get(`/api/evaluations/${annual}/check?grade=HTT`)).body)).toContain('01/02/2025');
    expect(text((await w.api.get(`/api/evaluations/${quarter}/check?grade=HTT`)).body)).not.toContain('01/02/2025');
  });

  it('R38: a new organisation under QĐ 366 is a labelled parameter (no rule in the sources), the default excluding it can be changed', async () => {
    const res = await w.api.put('/api/cycles/2025/parameters', { parameters: { newUnit: { reviewed: true, graded: true } } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await w.api.get('/api/cycles/2025/parameters')).body.parameters).toEqual({ newUnit: { reviewed: true, graded: true } });
    const { getRuleSet } = await import('../../src/domain/rules/rule-set.js');
    expect(getRuleSet('QD366-HD43').eligibility.newUnit.source).toContain('[no rule in sources: parameter]');
    expect((await w.api.put('/api/cycles/2025/parameters', { parameters: {} })).status).toBe(200);
  });
});
