/**
 * rules-audit.md §1 (QĐ 132 / HD 21, a 2022 cycle): each row fixed by storing a fact and feeding it
 * to the rule. The fact is entered through the API; the ceiling is read through the services.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SRC } from '../../src/domain/rules/sources.js';
import { testEngine } from '../helpers/test-db.js';
import { bindingSources, createWorld, reasonText, type World } from './world.js';

describe(`rules audit, HD 21 rows (${testEngine})`, () => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld();
  });
  afterAll(async () => w.close());

  it('H12: the government, MTTQ and mass organisations at the same level bound the organisation (computed from their grades, or entered)', async () => {
    const unit = await w.evaluation(2022, 'unit', 'XA-A');
    expect((await w.check(unit, 'HTXS')).highestAllowed).toBe('HTXS');
    const mttq = await w.evaluation(2022, 'collective', 'XA-A.MTTQ');
    expect((await w.call('POST', `/api/evaluations/${mttq}/self-assess`, { grade: 'HT' })).status).toBe(200);
    const computed = await w.check(unit, 'HTXS');
    expect([computed.highestAllowed, bindingSources(computed)]).toEqual(['HTT', [SRC.HD21_ORG]]);
    expect(reasonText(computed)).toContain('chính quyền, MTTQ, đoàn thể cùng cấp có nơi xếp loại HT');
    await w.fact(unit, 'peerBodyGrades', ['KHT'], { documentNumber: '05-BC/UBND' });
    expect((await w.check(unit, 'HTT')).highestAllowed).toBe('HT');
  });

  it('H14: an organisation that completed < 50% of its targets, or with party building rated Kém, is KHT', async () => {
    const unit = await w.evaluation(2022, 'unit', 'XA-B');
    await w.fact(unit, 'targetsCompleted', 50);
    expect((await w.check(unit, 'HT')).highestAllowed).toBe('HTXS');
    await w.fact(unit, 'targetsCompleted', 49.99, { concludedOn: '2022-12-15', documentNumber: '12-BC/ĐU', documentDate: '2022-12-15' });
    const low = await w.check(unit, 'HT');
    expect([low.highestAllowed, bindingSources(low)]).toEqual(['KHT', [SRC.HD21_ORG]]);
    expect(reasonText(low)).toContain('hoàn thành 49,99% chỉ tiêu, dưới 50%');
    await w.fact(unit, 'targetsCompleted', 80);
    await w.fact(unit, 'criterionPoor', true);
    expect(reasonText(await w.check(unit, 'HT'))).toContain('có tiêu chí đánh giá ở mức "Kém" (HD 21, II.B.1.3) → KHT');
  });

  it('H18: a member who completed < 50% of targets is KHT', async () => {
    const member = await w.evaluation(2022, 'member', '10.002');
    await w.fact(member, 'targetsCompleted', 49.5);
    const c = await w.check(member, 'HT');
    expect([c.highestAllowed, bindingSources(c)]).toEqual(['KHT', [SRC.HD21_MEMBER_KHT]]);
  });

  it('H21: a member with a criterion rated Kém does not reach HT: KHT', async () => {
    const member = await w.evaluation(2022, 'member', '10.004');
    await w.fact(member, 'criterionPoor', true, { concludedOn: '2022-12-20' });
    const c = await w.check(member, 'HT');
    expect([c.highestAllowed, bindingSources(c)]).toEqual(['KHT', [SRC.HD21_MEMBER_KHT]]);
  });

  it('H30: a collective concluded to show disunity is KHT', async () => {
    const col = await w.evaluation(2022, 'collective', 'COL-B');
    await w.fact(col, 'disunity', true, { documentNumber: '15-KL/UBKT', documentDate: '2022-10-10' });
    const c = await w.check(col, 'HT');
    expect([c.highestAllowed, bindingSources(c)]).toEqual(['KHT', [SRC.HD21_COLLECTIVE]]);
  });

  it('H31, H34: only the positions seated on a collective are its members: a decline or a cảnh cáo of the deputy secretary lowers the party committee, not the MTTQ or UBND', async () => {
    const du = await w.evaluation(2022, 'collective', 'XA-A.DU');
    const ubnd = await w.evaluation(2022, 'collective', 'XA-A.UBND');
    await w.seat('XA-A.DU', { positionId: w.positions.pbt, validFrom: '2020-10-01', documentNumber: '01-QĐ/HU' });
    await w.event('10.003', { kind: 'disciplined', level: 'canh_cao', startsOn: '2022-05-10', documentNumber: '20-QĐ/UBKT', documentDate: '2022-05-10' });
    const party = await w.check(du, 'HTT');
    expect([party.highestAllowed, bindingSources(party)]).toEqual(['KHT', [SRC.HD21_COLLECTIVE]]);
    expect(reasonText(party)).toContain('có thành viên bị kỷ luật cảnh cáo ngày 10/05/2022');
    expect((await w.check(ubnd, 'HTXS')).highestAllowed).toBe('HTXS');
    // H31: a decline concluded of a member seated on UBND.
    const chair = await w.call('POST', '/api/positions', { cardNumber: '10.002', unitCode: 'XA-A', positionGroup: 'co_so.uv_bch', title: 'Chủ tịch UBND xã', validFrom: '2021-01-01' });
    expect(chair.status).toBe(201);
    await w.seat('XA-A.UBND', { positionId: chair.body.position.id, validFrom: '2021-01-01' });
    await w.event('10.002', { kind: 'decline_concluded', startsOn: '2022-08-01' });
    const declined = await w.check(ubnd, 'HT');
    expect([declined.highestAllowed, bindingSources(declined)]).toEqual(['KHT', [SRC.HD21_COLLECTIVE]]);
    expect(reasonText(declined)).toContain('có thành viên bị cấp có thẩm quyền kết luận có biểu hiện suy thoái');
    // Seated on the MTTQ only from 01/09/2022: the decline of 01/08/2022 is not the MTTQ's.
    const mttq = (await w.call('GET', '/api/cycles/2022/evaluations?unit=XA-A&subjectKind=collective')).body.evaluations.find((e: { subjectRef: string }) => e.subjectRef === 'XA-A.MTTQ').id as string;
    const before = await w.check(mttq, 'HTT');
    await w.seat('XA-A.MTTQ', { positionId: chair.body.position.id, validFrom: '2022-09-01' });
    expect((await w.check(mttq, 'HTT')).reasons).toEqual(before.reasons);
  });

  it('H32 [A]: the collective targets rule is a reading: "or" by default, "and" as a cycle parameter, labelled as a reading', async () => {
    const col = await w.evaluation(2022, 'collective', 'COL-A');
    await w.fact(col, 'keyTargetsMissed', true);
    expect((await w.check(col, 'HT')).highestAllowed).toBe('KHT');
    expect((await w.call('PUT', '/api/cycles/2022/parameters', { parameters: { readings: { collectiveTargets: 'and' } } })).status).toBe(200);
    expect((await w.check(col, 'HT')).highestAllowed).toBe('HTXS');
    await w.fact(col, 'targetsCompleted', 40);
    const both = await w.check(col, 'HT');
    expect(both.highestAllowed).toBe('KHT');
    expect(reasonText(both)).toContain('cách đọc — tham số của kỳ, không phải lời văn quy định');
    expect((await w.call('PUT', '/api/cycles/2022/parameters', { parameters: {} })).status).toBe(200);
  });

  it('H35: a self-detected and remedied violation can be entered and is excepted (an organisation’s own discipline, a member’s discipline)', async () => {
    const unit = await w.evaluation(2022, 'unit', 'CB-B');
    const read = (await w.call('GET', `/api/evaluations/${unit}`)).body;
    const patched = await w.call('PATCH', `/api/evaluations/${unit}`, { version: read.version, discipline: { level: 'khien_trach', on: '2022-04-01', selfDetectedRemedied: true } });
    expect(patched.status).toBe(200);
    expect((await w.check(unit, 'HTT')).highestAllowed).toBe('HTXS');
    const member = await w.evaluation(2022, 'member', '10.001');
    await w.event('10.001', { kind: 'disciplined', level: 'khien_trach', startsOn: '2022-03-01', selfDetectedRemedied: true });
    expect((await w.check(member, 'HTT')).highestAllowed).toBe('HTXS');
  });

  it('H36 [A]: a leader whose units completed < 50% of targets is KHT (the targets part, now a stored fact)', async () => {
    const leader = await w.evaluation(2022, 'position', w.positions.bt);
    await w.fact(leader, 'targetsCompleted', 40, { documentNumber: '03-BC/CB' });
    const c = await w.check(leader, 'HT');
    expect([c.highestAllowed, bindingSources(c)]).toEqual(['KHT', [SRC.HD21_LEADER]]);
  });

  it('H37 [A]: a leader’s HTXS needs the unit led graded HTT or above, and the head is not above it: weighed by default, binding as a cycle reading', async () => {
    const unit = (await w.call('GET', '/api/cycles/2022/evaluations?unit=XA-A&subjectKind=unit')).body.evaluations[0].id as string;
    expect((await w.call('POST', `/api/evaluations/${unit}/self-assess`, { grade: 'HT' })).status).toBe(200);
    const head = await w.evaluation(2022, 'position', w.positions.btxa);
    const weighed = await w.check(head, 'HTXS');
    expect(weighed.highestAllowed).toBe('HTXS');
    expect(weighed.warnings.map((x) => x.text).join(' ')).toContain('là người đứng đầu, đơn vị do mình lãnh đạo xếp loại hoàn thành nhiệm vụ');
    expect((await w.call('PUT', '/api/cycles/2022/parameters', { parameters: { readings: { leaderLedUnit: 'bound' } } })).status).toBe(200);
    expect((await w.check(head, 'HTXS')).highestAllowed).toBe('HT');
    const member = await w.call('POST', '/api/positions', { cardNumber: '10.004', unitCode: 'XA-A', positionGroup: 'co_so.uv_bch', title: 'Ủy viên Ban Chấp hành', validFrom: '2021-01-01' });
    const deputy = await w.evaluation(2022, 'position', member.body.position.id);
    expect((await w.check(deputy, 'HTXS')).highestAllowed).toBe('HTT');
    expect((await w.call('PUT', '/api/cycles/2022/parameters', { parameters: {} })).status).toBe(200);
  });
});
