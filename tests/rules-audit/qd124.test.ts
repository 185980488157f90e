/**
 * rules-audit.md §2 (QĐ 124 / HD 25, a 2023 cycle): each row fixed by storing a fact and feeding it
 * to the rule. The fact is entered through the API; the ceiling is read through the services.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SRC } from '../../src/domain/rules/sources.js';
import { testEngine } from '../helpers/test-db.js';
import { bindingSources, createWorld, reasonText, type World } from './world.js';

const READ_AS_ORG = `${SRC.QD124_KHT} [cách đọc: áp dụng cho tổ chức đảng]`;

describe(`rules audit, QĐ 124 rows (${testEngine})`, () => {
  let w: World;
  const version = async (id: string) => (await w.call('GET', `/api/evaluations/${id}`)).body.version as number;
  beforeAll(async () => {
    w = await createWorld();
  });
  afterAll(async () => w.close());

  it('Q6: the government, MTTQ and mass organisations at the same level bound the organisation', async () => {
    const unit = await w.evaluation(2023, 'unit', 'XA-A');
    await w.fact(unit, 'peerBodyGrades', ['HT']);
    const c = await w.check(unit, 'HTXS');
    expect([c.highestAllowed, bindingSources(c)]).toEqual(['HTT', [SRC.HD25_UNVERIFIED]]);
  });

  it('Q8, Q16: a criterion rated Kém makes a member or a collective KHT', async () => {
    const member = await w.evaluation(2023, 'member', '10.004');
    await w.fact(member, 'criterionPoor', true);
    expect(bindingSources(await w.check(member, 'HT'))).toEqual([SRC.QD124_KHT]);
    const col = await w.evaluation(2023, 'collective', 'COL-B');
    await w.fact(col, 'criterionPoor', true);
    const c = await w.check(col, 'HT');
    expect([c.highestAllowed, bindingSources(c)]).toEqual(['KHT', [SRC.QD124_KHT]]);
  });

  it('Q11: a violation of what members must not do, or of the duty to set an example, is a recorded fact making the member KHT', async () => {
    const member = await w.evaluation(2023, 'member', '10.002');
    await w.event('10.002', { kind: 'violated_example_duty', startsOn: '2023-06-01', documentNumber: '07-KL/CB' });
    const c = await w.check(member, 'HT');
    expect([c.highestAllowed, bindingSources(c)]).toEqual(['KHT', [SRC.QD124_KHT]]);
    expect(reasonText(c)).toContain('vi phạm quy định về trách nhiệm nêu gương (kết luận ngày 01/06/2023)');
  });

  it('Q12: a leader whose units completed < 50% of targets is KHT', async () => {
    const leader = await w.evaluation(2023, 'position', w.positions.bt);
    await w.fact(leader, 'targetsCompleted', 45);
    const c = await w.check(leader, 'HT');
    expect([c.highestAllowed, bindingSources(c)]).toEqual(['KHT', [SRC.QD124_KHT]]);
  });

  it('Q14: individual HTXS needs 100% of targets on time and ≥ 50% exceeded (task counts entered through the API)', async () => {
    const member = await w.evaluation(2023, 'member', '10.001');
    const put = async (tasks: object) => expect((await w.call('PATCH', `/api/evaluations/${member}`, { version: await version(member), tasks })).status).toBe(200);
    await put({ total: 10, onTime: 10, late: 0, exceeding: 4 });
    const few = await w.check(member, 'HTXS');
    expect([few.highestAllowed, bindingSources(few)]).toEqual(['HTT', [SRC.QD124_GRADES]]);
    await put({ total: 10, onTime: 9, late: 1, exceeding: 6 });
    expect(reasonText(await w.check(member, 'HTXS'))).toContain('9/10 chỉ tiêu, nhiệm vụ hoàn thành đúng hạn, chưa đạt 100%');
    await put({ total: 10, onTime: 10, late: 0, exceeding: 5 });
    expect((await w.check(member, 'HTXS')).highestAllowed).toBe('HTXS');
  });

  it('Q15: a discipline self-detected and remedied is excepted; without the flag it makes the member KHT', async () => {
    const member = await w.evaluation(2023, 'member', '10.005');
    await w.event('10.005', { kind: 'disciplined', level: 'khien_trach', startsOn: '2023-03-01', selfDetectedRemedied: true });
    expect((await w.check(member, 'HTT')).highestAllowed).toBe('HTXS');
    await w.event('10.005', { kind: 'disciplined', level: 'khien_trach', startsOn: '2023-09-01' });
    expect((await w.check(member, 'HTT')).highestAllowed).toBe('KHT');
  });

  it('Q17, Q18, Q20, Q21: a collective’s corruption cases, targets with key targets, sub-units disciplined, disunity', async () => {
    const col = await w.evaluation(2023, 'collective', 'COL-A');
    const kht = async () => (await w.check(col, 'HT')).highestAllowed;
    await w.fact(col, 'corruptionCases', 0);
    await w.fact(col, 'targetsCompleted', 40);
    await w.fact(col, 'subUnitsDisciplined', { disciplined: 2, total: 10 });
    await w.fact(col, 'disunity', false);
    expect(await kht()).toBe('HTXS');
    await w.fact(col, 'keyTargetsMissed', true); // Q18: < 50% AND key targets missed
    expect(await kht()).toBe('KHT');
    await w.fact(col, 'keyTargetsMissed', false);
    await w.fact(col, 'corruptionCases', 1); // Q17
    expect(reasonText(await w.check(col, 'HT'))).toContain('tham nhũng, lãng phí, tiêu cực');
    await w.fact(col, 'corruptionCases', 0);
    await w.fact(col, 'subUnitsDisciplined', { disciplined: 3, total: 10 }); // Q20: > 20%
    expect(reasonText(await w.check(col, 'HT'))).toContain('3/10 đơn vị trực thuộc bị kỷ luật, trên 20%');
    await w.fact(col, 'subUnitsDisciplined', { disciplined: 0, total: 10 });
    await w.fact(col, 'disunity', true); // Q21
    const c = await w.check(col, 'HT');
    expect([c.highestAllowed, bindingSources(c)]).toEqual(['KHT', [SRC.QD124_KHT]]);
  });

  it('Q22, Q23: a collective’s members are the positions seated on it: a seated member disciplined or declined makes it KHT, anyone else leaves it alone', async () => {
    const du = await w.evaluation(2023, 'collective', 'XA-A.DU');
    const mttq = await w.evaluation(2023, 'collective', 'XA-A.MTTQ');
    await w.seat('XA-A.DU', { positionId: w.positions.pbt, validFrom: '2020-10-01' });
    await w.event('10.003', { kind: 'disciplined', level: 'khien_trach', startsOn: '2023-04-04' });
    const q23 = await w.check(du, 'HT');
    expect([q23.highestAllowed, bindingSources(q23)]).toEqual(['KHT', [SRC.QD124_KHT]]);
    expect((await w.check(mttq, 'HTXS')).highestAllowed).toBe('HTXS');
    await w.seat('XA-A.MTTQ', { positionId: w.positions.btxa, validFrom: '2020-10-01' });
    await w.event('10.005', { kind: 'decline_concluded', startsOn: '2023-10-01' });
    const q22 = await w.check(mttq, 'HT');
    expect(q22.highestAllowed).toBe('KHT');
    expect(q22.reasons.find((r) => r.text.includes('suy thoái'))).toMatchObject({ source: SRC.QD124_KHT, binding: true });
  });

  it('Q24 [A]: the QĐ 124 collective list read as binding party organisations too (a parameter): sub-units disciplined computed from their own discipline, corruption cases entered', async () => {
    const unit = (await w.call('GET', '/api/cycles/2023/evaluations?unit=XA-B&subjectKind=unit')).body.evaluations[0]?.id ?? (await w.evaluation(2023, 'unit', 'XA-B'));
    const cell = await w.evaluation(2023, 'unit', 'CB-B');
    expect((await w.check(unit, 'HT')).highestAllowed).toBe('HTXS');
    expect((await w.call('PATCH', `/api/evaluations/${cell}`, { version: await version(cell), discipline: { level: 'khien_trach', on: '2023-05-05' } })).status).toBe(200);
    const c = await w.check(unit, 'HT');
    expect([c.highestAllowed, bindingSources(c)]).toEqual(['KHT', [READ_AS_ORG]]);
    expect(reasonText(c)).toContain('1/1 đơn vị trực thuộc bị kỷ luật, trên 20%');
    const off = { triggers: { unit: { sub_units_disciplined_above: { enabled: false }, corruption_in_scope: { enabled: false } } } };
    expect((await w.call('PUT', '/api/cycles/2023/parameters', { parameters: off })).status).toBe(200);
    await w.fact(unit, 'corruptionCases', 2);
    expect((await w.check(unit, 'HT')).highestAllowed).toBe('HTXS');
    expect((await w.call('PUT', '/api/cycles/2023/parameters', { parameters: {} })).status).toBe(200);
    expect(bindingSources(await w.check(unit, 'HT'))).toEqual([READ_AS_ORG, READ_AS_ORG]);
  });

  it('Q26 [A]: a leader’s HTXS needs the units they lead to perform well: weighed when the unit led is HT', async () => {
    const unit = (await w.call('GET', '/api/cycles/2023/evaluations?unit=XA-A&subjectKind=unit')).body.evaluations[0].id as string;
    expect((await w.call('POST', `/api/evaluations/${unit}/self-assess`, { grade: 'HT' })).status).toBe(200);
    const p = await w.call('POST', '/api/positions', { cardNumber: '10.004', unitCode: 'XA-A', positionGroup: 'co_so.uv_bch', title: 'Ủy viên Ban Chấp hành', validFrom: '2021-01-01' });
    const leader = await w.evaluation(2023, 'position', p.body.position.id);
    const c = await w.check(leader, 'HTXS');
    expect(c.highestAllowed).toBe('HTXS');
    expect(c.warnings.map((x) => x.source)).toContain(`${SRC.QD124_GRADES} [cách đọc — tham số của kỳ, không phải lời văn quy định: "đơn vị do mình lãnh đạo, quản lý hoàn thành tốt"]`);
  });
});
