/**
 * The grading check reads every fact the rules need (issue #3 review, item 4), one subject kind at a
 * time, through the services: QĐ 366 score and task counts (gradeFromScore decides the band), the
 * civil-servant grade, the discipline of the persons holding a position in a collective's unit, the
 * organisation's grade for every collective, an organisation's own discipline; and the cycle's rule
 * parameters (item 6): the cap base and the 25% exception change the headroom.
 */
import { createCollective } from '../../src/db/queries/collectives.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle } from '../../src/db/queries/cycles.js';
import { createEvaluation, updateEvaluation } from '../../src/db/queries/evaluations.js';
import { addMembership, addPersonEvent, createPerson } from '../../src/db/queries/persons.js';
import { SRC } from '../../src/domain/rules/sources.js';
import { addCollectiveMember } from '../../src/db/queries/collective-members.js';
import { getWorkflow, gradingCheck, selfAssess } from '../../src/services/grading.js';
import { setCycleParameters } from '../../src/services/rule-parameters.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';
import { seedScopeOrg } from '../server/fixtures-scope.js';

describe(`grading facts and cycle parameters in the check (${testEngine})`, () => {
  let t: TestDb;
  let positionId: string;
  let refusedId: string;
  const ev = async (year: number, subjectKind: string, subjectRef: string, fields: Record<string, unknown> = {}) =>
    (await createEvaluation(t.db, { cycleYear: year, subjectKind, subjectRef, actor: 'seed', ...fields })).id;
  const sources = (check: { reasons: { source: string; binding: boolean }[] }) => check.reasons.filter((r) => r.binding).map((r) => r.source);

  beforeAll(async () => {
    t = await createTestDb();
    await seedScopeOrg(t.db);
    for (const year of [2022, 2023, 2025]) await createCycle(t.db, { year, referenceDate: `${year}-12-31` });
    positionId = (await t.db.selectFrom('positions').select('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => t.close());

  it('member, QĐ 366: score 95 but 1 of 10 tasks late → the band conditions answer HT, citing Điều 11', async () => {
    const id = await ev(2025, 'member', '10.003');
    const before = await gradingCheck(t.db, { evaluationId: id, grade: 'HTXS' });
    expect(before.highestAllowed).toBe('HTXS');
    await selfAssess(t.db, { evaluationId: id, grade: 'HTXS', actor: 't', score: 95, tasks: { total: 10, onTime: 9, late: 1, exceeding: 5 } });
    const check = await gradingCheck(t.db, { evaluationId: id, grade: 'HTXS' });
    expect(check.highestAllowed).toBe('HT');
    expect(sources(check)).toEqual(expect.arrayContaining([SRC.QD366_HTXS, SRC.QD366_HTT]));
    expect(check.reasons.map((r) => r.text).join(' | ')).toContain('9/10 nhiệm vụ hoàn thành đúng hạn');
    expect(check.errors.map((e) => e.code)).toContain('above_ceiling');
  });

  it('member, QĐ 132: the civil-servant grade HT bounds the party grade, citing HD 21', async () => {
    const id = await ev(2022, 'member', '10.003');
    await selfAssess(t.db, { evaluationId: id, grade: 'HTT', actor: 't', civilServantGrade: 'HT' });
    const check = await gradingCheck(t.db, { evaluationId: id, grade: 'HTT' });
    expect([check.highestAllowed, sources(check)]).toEqual(['HT', [SRC.HD21_MEMBER_BOUND]]);
  });

  it('collective, QĐ 132: its organisation’s grade, then a member (a position seated on it) disciplined, lower the ceiling', async () => {
    // H15: the party committee (cấp ủy) of CB-A is held to CB-A's grade; the đoàn thể collective COL-A leads another body.
    await createCollective(t.db, { code: 'CU-CB-A', unitCode: 'CB-A', name: 'Chi ủy Chi bộ A', kind: 'cap_uy', level: 'co_so', validFrom: '2015-01-01' });
    const id = await ev(2022, 'collective', 'CU-CB-A');
    const other = await ev(2022, 'collective', 'COL-A');
    expect((await gradingCheck(t.db, { evaluationId: id, grade: 'HTT' })).highestAllowed).toBe('HTXS');
    await ev(2022, 'unit', 'CB-A', { decidedGrade: 'HT' });
    const org = await gradingCheck(t.db, { evaluationId: id, grade: 'HTT' });
    expect([org.highestAllowed, sources(org)]).toEqual(['HT', [SRC.HD21_COLLECTIVE]]);
    expect((await gradingCheck(t.db, { evaluationId: other, grade: 'HTT' })).highestAllowed).toBe('HTXS');
    await addCollectiveMember(t.db, { collectiveCode: 'CU-CB-A', positionId, validFrom: '2015-01-01', actor: 't', at: '2022-01-01T00:00:00Z' });
    await addPersonEvent(t.db, { cardNumber: '10.001', kind: 'disciplined', level: 'canh_cao', startsOn: '2022-04-01' });
    const check = await gradingCheck(t.db, { evaluationId: id, grade: 'HTT' });
    expect(check.highestAllowed).toBe('KHT');
    expect(check.reasons[0]).toMatchObject({ grade: 'KHT', source: SRC.HD21_COLLECTIVE });
    expect(check.reasons[0]!.text).toContain('có thành viên bị kỷ luật cảnh cáo ngày 01/04/2022');
  });

  it('position, QĐ 366: the unit led completed 6 of 10 tasks → KHT, citing Điều 11 khoản 4', async () => {
    const id = await ev(2025, 'position', positionId);
    await selfAssess(t.db, { evaluationId: id, grade: 'HTT', actor: 't', tasks: { total: 10, onTime: 6, late: 0, exceeding: 0 } });
    const check = await gradingCheck(t.db, { evaluationId: id, grade: 'HTT' });
    expect([check.highestAllowed, check.reasons[0]?.source]).toEqual(['KHT', SRC.QD366_KHT]);
    expect(check.reasons[0]!.text).toContain('hoàn thành 6/10 nhiệm vụ, dưới 70%');
  });

  it('unit, QĐ 132: the organisation’s own discipline → KHT, citing HD 21, II.B.1.3', async () => {
    const id = await ev(2022, 'unit', 'XA-B');
    await selfAssess(t.db, { evaluationId: id, grade: 'HTT', actor: 't', discipline: { level: 'khien_trach', on: '2022-06-01' } });
    const check = await gradingCheck(t.db, { evaluationId: id, grade: 'HTT' });
    expect([check.highestAllowed, sources(check)]).toEqual(['KHT', [SRC.HD21_ORG]]);
    expect(check.reasons[0]!.text).toContain('01/06/2022');
    expect((await getWorkflow(t.db, id)).facts).toEqual({ tasks: null, civilServantGrade: null, discipline: { level: 'khien_trach', on: '2022-06-01' } });
  });

  it('refuses facts that do not fit the subject or the rule set, naming the field and changing nothing', async () => {
    const id = await ev(2023, 'member', '10.005');
    refusedId = id;
    await expect(selfAssess(t.db, { evaluationId: id, grade: 'HTT', actor: 't', tasks: { total: 1, onTime: 2, late: 0, exceeding: 0 } })).rejects.toMatchObject({ code: 'ValidationFailed', field: 'tasks' });
    await expect(selfAssess(t.db, { evaluationId: id, grade: 'HTT', actor: 't', discipline: { level: 'khien_trach', on: '2023-01-01' } })).rejects.toMatchObject({ field: 'discipline' });
    await expect(selfAssess(t.db, { evaluationId: id, grade: 'HTT', actor: 't', civilServantGrade: 'TOT' })).rejects.toMatchObject({ code: 'GradeInvalid', field: 'civilServantGrade' });
    expect(await t.db.selectFrom('evaluation_facts').select('evaluation_id').where('evaluation_id', '=', id).execute()).toEqual([]);
    expect((await t.db.selectFrom('evaluations').select('self_grade').where('id', '=', id).executeTakeFirstOrThrow()).self_grade).toBeNull();
  });

  it('cycle parameters: the cap base HTT+HTXS and the 25% exception change the headroom (QĐ 124 cycle)', async () => {
    for (const [card, name] of [['10.101', 'Người Một'], ['10.102', 'Người Hai']]) {
      await createPerson(t.db, { cardNumber: card!, fullName: name!, sex: 'nam', admittedOn: '2010-01-01', officialOn: '2011-01-01' });
      await addMembership(t.db, { cardNumber: card!, unitCode: 'CB-A', validFrom: '2015-01-01' });
    }
    for (const card of ['10.003', '10.101', '10.102']) await ev(2023, 'member', card, { decidedGrade: 'HTT' });
    await updateEvaluation(t.db, refusedId, { decidedGrade: 'HTT' }, { actor: 'seed' });
    const x = await ev(2023, 'member', '10.001');
    const cap = async () => (await gradingCheck(t.db, { evaluationId: x, grade: 'HTXS' })).capHeadroom;
    expect(await cap()).toMatchObject({ base: 'HTT', baseCount: 4, allowedMax: 0, over: true });
    await setCycleParameters(t.db, { cycleYear: 2023, parameters: { caps: { member: { base: 'HTT+HTXS' } } }, actor: 'admin' });
    expect(await cap()).toMatchObject({ base: 'HTT+HTXS', baseCount: 5, allowedMax: 1, headroom: 0, over: false });
    // Q4: QĐ 124 has no exception: it stands only with the local decision that set it, which the cap then cites.
    await expect(setCycleParameters(t.db, { cycleYear: 2023, parameters: { caps: { member: { exceptionalPercent: 25 } }, outstandingUnits: ['XA-A'] }, actor: 'admin' })).rejects.toMatchObject({ code: 'ValidationFailed', field: 'caps.member.exceptionalPercent' });
    const local = 'Quyết định số 15-QĐ/HU ngày 01/12/2023';
    await setCycleParameters(t.db, { cycleYear: 2023, parameters: { caps: { member: { exceptionalPercent: 25, localDecision: local } }, outstandingUnits: ['XA-A'] }, actor: 'admin' });
    expect(await cap()).toMatchObject({ base: 'HTT', percent: 25, allowedMax: 1, over: false, source: expect.stringContaining(`${local} (quyết định của địa phương; `) });
    await setCycleParameters(t.db, { cycleYear: 2023, parameters: {}, actor: 'admin' });
    expect(await cap()).toMatchObject({ base: 'HTT', percent: 20, allowedMax: 0, over: true });
  });

  it('refuses parameters outside the schema or fixed by the regulation, naming the field', async () => {
    const put = (cycleYear: number, parameters: unknown) => setCycleParameters(t.db, { cycleYear, parameters, actor: 'admin' });
    await expect(put(2022, { caps: { member: { percent: 120 } } })).rejects.toMatchObject({ code: 'ValidationFailed', field: 'caps.member.percent' });
    await expect(put(2022, { sickLeave: { ceiling: null } })).rejects.toMatchObject({ field: 'sickLeave' });
    await expect(put(2022, { triggers: { member: { criterion_poor: { enabled: false } } } })).rejects.toMatchObject({ field: 'triggers.member.criterion_poor' });
    await expect(put(2022, { nope: 1 })).rejects.toMatchObject({ code: 'ValidationFailed' });
    // A "(verify)" threshold may change: QĐ 132 leaders' targets trigger.
    await expect(put(2022, { triggers: { position: { targets_below: { percent: 40 } } } })).resolves.toMatchObject({ parameters: { triggers: { position: { targets_below: { percent: 40 } } } } });
    expect(await t.db.selectFrom('cycle_parameters').select('patch').execute()).toHaveLength(1);
  });

  it('refuses outstanding units that are not units, or under a rule set without an exceptional percentage', async () => {
    const put = (parameters: unknown) => setCycleParameters(t.db, { cycleYear: 2023, parameters, actor: 'admin' });
    const before = await t.db.selectFrom('cycle_parameters').selectAll().orderBy('cycle_id').execute();
    const local = 'Quyết định số 15-QĐ/HU ngày 01/12/2023';
    const unknown = put({ caps: { member: { exceptionalPercent: 25, localDecision: local } }, outstandingUnits: ['XA-A', 'KHONG-CO'] });
    await expect(unknown).rejects.toMatchObject({ code: 'ValidationFailed', field: 'parameters.outstandingUnits.1' });
    await expect(put({ caps: { member: { exceptionalPercent: 25, localDecision: local } }, outstandingUnits: ['KHONG-CO'] })).rejects.toMatchObject({ messages: { vi: expect.stringContaining('«KHONG-CO»') } });
    // QĐ 124 (2023) has no exceptional percentage: the list would sit unused.
    const none = put({ outstandingUnits: ['XA-A'] });
    await expect(none).rejects.toMatchObject({ code: 'ValidationFailed', field: 'parameters.outstandingUnits' });
    await expect(put({ outstandingUnits: ['XA-A'] })).rejects.toMatchObject({ messages: { vi: expect.stringContaining('không có tỉ lệ ngoại lệ') } });
    expect(await t.db.selectFrom('cycle_parameters').selectAll().orderBy('cycle_id').execute()).toEqual(before);
  });
});
