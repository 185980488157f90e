/**
 * rules-audit.md §3 (QĐ 366 / HD 43, a 2025 cycle): each row fixed by storing a fact and feeding it
 * to the rule. The fact is entered through the API; the ceiling, or the refusal, is read through the
 * services (and the decision route).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvaluation } from '../../src/db/queries/evaluations.js';
import { SRC } from '../../src/domain/rules/sources.js';
import { testEngine } from '../helpers/test-db.js';
import { bindingSources, createWorld, reasonText, type World } from './world.js';

const FULL = { general: 28, results: 67 }; // 95 points

describe(`rules audit, QĐ 366 rows (${testEngine})`, () => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld();
  });
  afterAll(async () => w.close());

  /** A 2025 evaluation with 95 points entered as its two parts (and the shortcomings remedied). */
  const scored = async (kind: string, ref: string) => {
    const id = await w.evaluation(2025, kind, ref);
    await w.fact(id, 'scoreParts', FULL);
    await w.fact(id, 'shortcomingsRemedied', true);
    return id;
  };

  it('R11: a grade rests on the score: without one every grade is refused, naming the missing fact, and the decision is refused', async () => {
    const id = await w.evaluation(2025, 'member', '10.004');
    const c = await w.check(id, 'HT');
    expect(c.errors.map((e) => e.code)).toEqual(['missing_fact']);
    expect(c.errors[0]!.text).toContain('chưa có tổng điểm đánh giá (score, hoặc scoreParts');
    const before = (await w.call('GET', `/api/evaluations/${id}`)).body;
    // The self-assessment is the subject's own and is not checked; the proposal and the decision are.
    expect((await w.call('POST', `/api/evaluations/${id}/self-assess`, { grade: 'HTT' })).status).toBe(200);
    const proposal = await w.call('POST', `/api/evaluations/${id}/propose`, { grade: 'HTT', byUnit: 'CB-B' });
    expect([proposal.status, proposal.body.error?.code]).toEqual([422, 'GradeNotAllowed']);
    expect(proposal.body.error.message.vi).toContain('chưa có tổng điểm đánh giá');
    const decision = await w.call('POST', `/api/evaluations/${id}/decide`, { grade: 'HTT', decidingUnit: 'XA-B' });
    expect(decision.status).toBeGreaterThanOrEqual(400);
    expect((await w.call('GET', `/api/evaluations/${id}`)).body).toMatchObject({ version: before.version + 1, proposedGrade: null, decidedGrade: null });
    await w.fact(id, 'scoreParts', { general: 20, results: 40 });
    expect((await w.check(id, 'HT')).errors).toEqual([]);
  });

  it('R13: the score is stored as its two parts (general ≤ 30, results ≤ 70); the total follows; a part out of range is refused naming the field', async () => {
    const id = await w.evaluation(2025, 'member', '10.002');
    const entered = await w.fact(id, 'scoreParts', { general: 25, results: 64.99 }, { documentNumber: 'Phiếu 02-PL' });
    expect(entered.evaluation.score).toBe(89.99);
    const facts = (await w.call('GET', `/api/evaluations/${id}/facts`)).body;
    expect(facts.facts).toEqual([expect.objectContaining({ fact: 'scoreParts', value: { general: 25, results: 64.99 }, documentNumber: 'Phiếu 02-PL', enteredBy: 'quan.tri' })]);
    expect(reasonText(await w.check(id, 'HTXS'))).toContain('tổng điểm 89,99 < 90,00');
    const bad = await w.call('PUT', `/api/evaluations/${id}/facts/scoreParts`, { value: { general: 31, results: 60 } });
    expect([bad.status, bad.body.error.code, bad.body.error.field]).toEqual([400, 'ValidationFailed', 'value']);
    expect(bad.body.error.message.vi).toContain('tiêu chí chung');
  });

  it('R7: HTXS needs 100% of the last review’s shortcomings remedied: recorded false ⇒ at most HTT', async () => {
    const id = await scored('member', '10.001');
    expect((await w.check(id, 'HTXS')).highestAllowed).toBe('HTXS');
    await w.fact(id, 'shortcomingsRemedied', false, { concludedOn: '2025-12-01' });
    const c = await w.check(id, 'HTXS');
    expect([c.highestAllowed, bindingSources(c)]).toEqual(['HTT', [SRC.QD366_HTXS]]);
    expect(reasonText(c)).toContain('chưa khắc phục 100% hạn chế, khuyết điểm kỳ trước');
  });

  it('R8, R21: only the positions seated on a collective are its members: the deputy secretary’s discipline touches the party committee, not the MTTQ (Done when)', async () => {
    const du = await scored('collective', 'XA-A.DU');
    const mttq = await scored('collective', 'XA-A.MTTQ');
    await w.seat('XA-A.DU', { positionId: w.positions.pbt, validFrom: '2020-10-01' });
    const before = await w.check(mttq, 'HTXS');
    await w.event('10.003', { kind: 'disciplined', level: 'khien_trach', startsOn: '2025-03-03', dutyRelated: false });
    // R8: a member disciplined (for anything) ⇒ no HTXS; not duty-related ⇒ no KHT (R21).
    const r8 = await w.check(du, 'HTXS');
    expect([r8.highestAllowed, bindingSources(r8)], reasonText(r8)).toEqual(['HTT', [SRC.QD366_HTXS]]);
    expect(reasonText(r8)).toContain('có đơn vị trực thuộc hoặc thành viên bị kỷ luật');
    const after = await w.check(mttq, 'HTXS');
    expect([after.highestAllowed, after.reasons]).toEqual([before.highestAllowed, before.reasons]);
    // R21: a member disciplined for a duty-related violation ⇒ KHT.
    await w.event('10.003', { kind: 'disciplined', level: 'khien_trach', startsOn: '2025-06-06', dutyRelated: true, documentNumber: '31-QĐ/UBKT' });
    const r21 = await w.check(du, 'HT');
    expect([r21.highestAllowed, bindingSources(r21)]).toEqual(['KHT', [SRC.QD366_KHT, SRC.QD366_HTXS]]);
    expect(reasonText(r21)).toContain('có thành viên bị kỷ luật khiển trách ngày 06/06/2025 do vi phạm liên quan đến chức trách, nhiệm vụ');
    expect((await w.check(mttq, 'HTXS')).highestAllowed).toBe('HTXS');
  });

  it('R8: a party organisation whose sub-unit was disciplined is not HTXS (computed from the sub-unit’s own discipline)', async () => {
    const unit = await scored('unit', 'XA-B');
    const cell = await w.evaluation(2025, 'unit', 'CB-B');
    const version = (await w.call('GET', `/api/evaluations/${cell}`)).body.version;
    expect((await w.call('PATCH', `/api/evaluations/${cell}`, { version, discipline: { level: 'khien_trach', on: '2025-02-02' } })).status).toBe(200);
    const c = await w.check(unit, 'HTXS');
    expect([c.highestAllowed, bindingSources(c)]).toEqual(['HTT', [SRC.QD366_HTXS]]);
  });

  it('R15 [A], R18: a member’s discipline binds when duty-related; not recorded either way, or self-detected and remedied, it is weighed; "any" is a cycle reading', async () => {
    const id = await scored('member', '10.005');
    await w.event('10.005', { kind: 'disciplined', level: 'khien_trach', startsOn: '2025-04-01' });
    const unknown = await w.check(id, 'HTT');
    expect([unknown.highestAllowed, unknown.errors, unknown.warnings.map((x) => x.code)]).toEqual(['HTXS', [], ['weighed_reason']]);
    expect(unknown.warnings[0]!.text).toContain('chưa ghi vi phạm có liên quan đến chức trách, nhiệm vụ hay không (dutyRelated)');
    expect((await w.call('PUT', '/api/cycles/2025/parameters', { parameters: { readings: { memberDiscipline: 'any' } } })).status).toBe(200);
    expect((await w.check(id, 'HTT')).highestAllowed).toBe('KHT');
    expect((await w.call('PUT', '/api/cycles/2025/parameters', { parameters: {} })).status).toBe(200);
    // R18: self-detected and remedied: weighed by the competent level.
    const other = await scored('member', '10.003');
    const r18 = await w.check(other, 'HTT');
    expect(r18.highestAllowed).toBe('KHT'); // 10.003's duty-related khiển trách of 06/06/2025 (above) binds
    const fresh = await w.call('POST', '/api/persons', { cardNumber: '10.077', fullName: 'Vì Văn Bảy', sex: 'nam', admittedOn: '2010-01-01', officialOn: '2011-01-01' });
    expect(fresh.status).toBe(201);
    expect((await w.call('POST', '/api/persons/10.077/memberships', { unitCode: 'CB-A', validFrom: '2015-01-01' })).status).toBe(201);
    const seven = await scored('member', '10.077');
    await w.event('10.077', { kind: 'disciplined', level: 'canh_cao', startsOn: '2025-05-05', dutyRelated: true, selfDetectedRemedied: true });
    const weighed = await w.check(seven, 'HTT');
    expect([weighed.highestAllowed, weighed.warnings.map((x) => x.source)]).toEqual(['HTXS', [SRC.QD366_KHT]]);
    expect(weighed.warnings[0]!.text).toContain('tự phát hiện và khắc phục — cấp có thẩm quyền xem xét');
  });

  it('R16: a violation of what members must not do is a recorded fact making the member KHT', async () => {
    const fresh = await w.call('POST', '/api/persons', { cardNumber: '10.078', fullName: 'Lò Văn Tám', sex: 'nam', admittedOn: '2010-01-01', officialOn: '2011-01-01' });
    expect(fresh.status).toBe(201);
    expect((await w.call('POST', '/api/persons/10.078/memberships', { unitCode: 'CB-A', validFrom: '2015-01-01' })).status).toBe(201);
    const id = await scored('member', '10.078');
    await w.event('10.078', { kind: 'violated_prohibitions', startsOn: '2025-07-07', documentNumber: '09-KL/UBKT', documentDate: '2025-07-07' });
    const c = await w.check(id, 'HT');
    expect([c.highestAllowed, bindingSources(c)]).toEqual(['KHT', [SRC.QD366_KHT]]);
    expect(reasonText(c)).toContain('vi phạm những điều đảng viên không được làm');
  });

  it('R19 [A]: a violation of an earlier year disciplined now at khiển trách is weighed (HD 43 4.3, a reading); "binding" as a cycle parameter', async () => {
    const p = await w.call('POST', '/api/positions', { cardNumber: '10.004', unitCode: 'XA-B', positionGroup: 'co_so.uv_bch', title: 'Ủy viên Ban Chấp hành', validFrom: '2021-01-01' });
    const leader = await scored('position', p.body.position.id);
    await w.event('10.004', { kind: 'disciplined', level: 'khien_trach', startsOn: '2025-02-10', dutyRelated: true, violationYear: 2023 });
    const weighed = await w.check(leader, 'HTT');
    expect([weighed.highestAllowed, weighed.warnings.map((x) => x.code)]).toEqual(['HTXS', ['weighed_reason']]);
    expect(weighed.warnings[0]!.text).toContain('vi phạm năm 2023, kỷ luật trong kỳ — xem xét theo từng trường hợp (HD 43, điểm 4.3 [cách đọc');
    expect((await w.call('PUT', '/api/cycles/2025/parameters', { parameters: { readings: { earlierViolation: 'binding' } } })).status).toBe(200);
    expect((await w.check(leader, 'HTT')).highestAllowed).toBe('KHT');
    expect((await w.call('PUT', '/api/cycles/2025/parameters', { parameters: {} })).status).toBe(200);
  });

  it('R20, R22, R24: a collective’s disunity, a seated member’s decline, the five socio-economic targets missed ⇒ KHT', async () => {
    const col = await scored('collective', 'COL-B');
    const kht = async () => (await w.check(col, 'HT')).highestAllowed;
    await w.fact(col, 'disunity', true, { documentNumber: '11-KL/HU' });
    expect(await kht()).toBe('KHT');
    await w.fact(col, 'disunity', false);
    await w.fact(col, 'fiveTargetsMissed', true);
    expect(reasonText(await w.check(col, 'HT'))).toContain('không hoàn thành 5 chỉ tiêu kinh tế - xã hội cơ bản');
    await w.fact(col, 'fiveTargetsMissed', false);
    expect(await kht()).toBe('HTXS');
    const p = await w.call('POST', '/api/positions', { cardNumber: '10.002', unitCode: 'CB-B', positionGroup: 'co_so.uv_bch', title: 'Chi ủy viên', validFrom: '2021-01-01' });
    await w.seat('COL-B', { positionId: p.body.position.id, validFrom: '2021-01-01' });
    await w.event('10.002', { kind: 'decline_concluded', startsOn: '2025-09-09' });
    const r22 = await w.check(col, 'HT');
    expect([r22.highestAllowed, bindingSources(r22)]).toEqual(['KHT', [SRC.QD366_KHT]]);
  });

  it('R28: under 2025 a Phó Bí thư with a duty-related khiển trách and 95 points asking HTXS gets KHT as the highest allowed (Done when)', async () => {
    const deputy = await scored('position', w.positions.pbt);
    const c = await w.check(deputy, 'HTXS');
    expect(c.highestAllowed).toBe('KHT');
    expect(c.reasons.find((r) => r.grade === 'KHT')).toMatchObject({ source: SRC.QD366_KHT, binding: true });
    expect(c.errors.map((e) => e.code)).toContain('above_ceiling');
  });

  it('R24, R26, R27, R30: a leader’s five targets, units led graded KHT (computed from stored grades), low-confidence votes, corruption within scope', async () => {
    const head = await scored('position', w.positions.btxa);
    const kht = async () => (await w.check(head, 'HT')).highestAllowed;
    expect(await kht()).toBe('HTXS');
    await w.fact(head, 'fiveTargetsMissed', true);
    expect(await kht()).toBe('KHT');
    await w.fact(head, 'fiveTargetsMissed', false);
    await w.fact(head, 'lowConfidenceVotes', { low: 50, total: 100 });
    expect(await kht()).toBe('HTXS');
    await w.fact(head, 'lowConfidenceVotes', { low: 51, total: 100 }, { concludedOn: '2025-11-20', documentNumber: 'Biên bản kiểm phiếu 03' });
    expect(reasonText(await w.check(head, 'HT'))).toContain('51/100 phiếu tín nhiệm thấp, trên 50%');
    await w.fact(head, 'lowConfidenceVotes', { low: 0, total: 100 });
    await w.fact(head, 'corruptionCases', 1);
    expect(reasonText(await w.check(head, 'HT'))).toContain('tham nhũng, lãng phí, tiêu cực');
    await w.fact(head, 'corruptionCases', 0);
    expect(await kht()).toBe('HTXS');
    // R26: the one unit below XA-A, decided KHT: 1/1 > 50%.
    await createEvaluation(w.t.db, { cycleYear: 2025, subjectKind: 'unit', subjectRef: 'CB-A', decidedGrade: 'KHT', actor: 'seed' });
    const r26 = await w.check(head, 'HT');
    expect([r26.highestAllowed, bindingSources(r26)]).toEqual(['KHT', [SRC.QD366_KHT]]);
    expect(reasonText(r26)).toContain('1/1 đơn vị phụ trách bị xếp loại KHT, trên 50%');
  });

  it('facts are validated against the subject and the rule set, and each entry moves the version on with history', async () => {
    // 10.001's 2025 evaluation, its shortcomings recorded as not remedied (R7 above).
    const id = (await w.call('GET', '/api/cycles/2025/evaluations?subjectKind=member')).body.evaluations.find((e: { subjectRef: string }) => e.subjectRef === '10.001').id as string;
    const refused = [
      [{ fact: 'criterionPoor', value: true }, 'fact', 'không có trong bộ quy định QD366-HD43'],
      [{ fact: 'lowConfidenceVotes', value: { low: 1, total: 2 } }, 'fact', 'không áp dụng cho đảng viên'],
      [{ fact: 'shortcomingsRemedied', value: 'có' }, 'value', 'phải là true hoặc false'],
      [{ fact: 'shortcomingsRemedied', value: true, documentDate: '2025-13-01' }, 'documentDate', 'documentDate'],
    ] as const;
    for (const [body, field, text] of refused) {
      const before = (await w.call('GET', `/api/evaluations/${id}`)).body.version;
      const { fact, ...rest } = body as { fact: string } & Record<string, unknown>;
      const res = await w.call('PUT', `/api/evaluations/${id}/facts/${fact}`, rest);
      expect([res.status, res.body.error.field], JSON.stringify(res.body)).toEqual([400, field]);
      expect(res.body.error.message.vi).toContain(text);
      expect((await w.call('GET', `/api/evaluations/${id}`)).body.version).toBe(before);
    }
    const before = (await w.call('GET', `/api/evaluations/${id}`)).body;
    await w.fact(id, 'shortcomingsRemedied', true, { version: before.version, documentNumber: '02-BB/CB' });
    const after = (await w.call('GET', `/api/evaluations/${id}`)).body;
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.history.at(-1)).toMatchObject({ field: 'fact', actor: 'quan.tri', oldValue: expect.stringContaining('"value":false'), newValue: expect.stringContaining('"documentNumber":"02-BB/CB"') });
    const stale = await w.call('PUT', `/api/evaluations/${id}/facts/shortcomingsRemedied`, { value: false, version: before.version });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'Conflict']);
    // A person's event moves the person's evaluations on too, with the event in their history.
    const v = (await w.call('GET', `/api/evaluations/${id}`)).body.version;
    await w.event('10.001', { kind: 'sick_leave', startsOn: '2025-03-01', endsOn: '2025-04-01' });
    const moved = (await w.call('GET', `/api/evaluations/${id}`)).body;
    expect(moved.version).toBe(v + 1);
    expect(moved.history.at(-1)).toMatchObject({ field: 'event', newValue: expect.stringContaining('"kind":"sick_leave"') });
    const subject = (await w.call('GET', `/api/evaluations/${id}/subject`)).body;
    expect(subject.subjectFacts.map((f: { fact: string }) => f.fact)).toEqual(expect.arrayContaining(['scoreParts', 'shortcomingsRemedied']));
  });
});
