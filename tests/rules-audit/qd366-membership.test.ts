/**
 * rules-audit.md R52: HD 43 Mục 7 — "7.6. Đảng viên đang sinh hoạt đảng tạm thời thì kiểm điểm, đánh
 * giá, xếp loại ở nơi sinh hoạt đảng chính thức" and "7.7. Cấp ủy viên bị đình chỉ sinh hoạt cấp ủy thì
 * phải kiểm điểm … tại chi bộ nơi đang sinh hoạt". Modelled on the data that exists: the membership is
 * the official cell; the temporary membership and the suspension from the committee are dated person
 * events entered through POST /api/persons/:card/events; eligibility computed through the API.
 * Citations against tests/fixtures/citations.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITATIONS } from '../fixtures/citations.js';
import { testEngine } from '../helpers/test-db.js';
import { createWorld, type Json, type World } from './world.js';

describe(`R52: temporary membership and suspension from the committee under HD 43 (${testEngine})`, () => {
  let w: World;
  const evaluationsOf = async (unit: string, kind: string): Promise<Json[]> => (await w.call('GET', `/api/cycles/2025/evaluations?unit=${unit}&subjectKind=${kind}`)).body.evaluations;
  beforeAll(async () => {
    w = await createWorld();
    // 10.002 (official cell CB-B of XA-B) works away and attends CB-A temporarily.
    await w.event('10.002', { kind: 'temporary_membership', startsOn: '2025-03-01', note: 'Sinh hoạt tạm thời tại Chi bộ CB-A (đi công tác dài ngày)' });
    // 10.005, Bí thư Đảng ủy xã A, suspended from the committee; 10.004 suspended from party activity (the contrast).
    await w.event('10.005', { kind: 'committee_suspended', startsOn: '2025-06-01', note: 'Quyết định đình chỉ sinh hoạt cấp ủy' });
    await w.event('10.004', { kind: 'suspended', startsOn: '2025-06-01' });
    for (const unit of ['XA-A', 'XA-B']) {
      const res = await w.call('POST', '/api/cycles/2025/eligibility/compute', { unit });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
  });
  afterAll(async () => w.close());

  it(`R52 (7.6): a member on temporary membership is graded at the official cell, not at the temporary one, citing ${CITATIONS.HD43_TEMPORARY.cite}`, async () => {
    const official = (await evaluationsOf('CB-B', 'member')).find((e) => e.subjectRef === '10.002');
    expect(official, JSON.stringify(official)).toMatchObject({ eligibility: 'eligible' });
    expect(official!.eligibilityReason).toContain(CITATIONS.HD43_TEMPORARY.cite);
    expect(official!.eligibilityReason).toContain('nơi sinh hoạt đảng chính thức');
    expect((await evaluationsOf('CB-A', 'member')).map((e) => e.subjectRef)).not.toContain('10.002');
    // The official cell is the membership; the temporary one is the dated event.
    expect((await w.call('GET', '/api/persons/10.002')).body.memberships.map((m: Json) => m.unitCode)).toEqual(['CB-B']);
    const events = (await w.call('GET', '/api/persons/10.002/events')).body.events as Json[];
    expect(events).toContainEqual(expect.objectContaining({ kind: 'temporary_membership', startsOn: '2025-03-01' }));
  });

  it(`R52 (7.7): a committee member suspended from the committee is still reviewed and graded, citing ${CITATIONS.HD43_COMMITTEE_SUSPENDED.cite}; a suspension from party activity is not`, async () => {
    const member = (await evaluationsOf('CB-A', 'member')).find((e) => e.subjectRef === '10.005');
    expect(member).toMatchObject({ eligibility: 'eligible' });
    expect(member!.eligibilityReason).toContain(CITATIONS.HD43_COMMITTEE_SUSPENDED.cite);
    const leader = (await evaluationsOf('XA-A', 'position')).find((e) => e.subjectRef === w.positions.btxa);
    expect(leader).toMatchObject({ eligibility: 'eligible' });
    const suspended = (await evaluationsOf('CB-B', 'member')).find((e) => e.subjectRef === '10.004');
    expect(suspended).toMatchObject({ eligibility: 'suspended' });
  });
});
