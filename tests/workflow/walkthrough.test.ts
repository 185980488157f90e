/**
 * Issue #3 "Done when", on the demo district: a cell proposes, its committee decides, the district
 * re-grades one member with a reason, units submit (one late, across a weekend and New Year's Day);
 * bad input gets a clear error and changes nothing. A 2023 cycle is opened on the demo tree (the 2022
 * cycle of the demo is already decided).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle } from '../../src/db/queries/cycles.js';
import { loadDemoDistrict } from '../../src/demo/load.js';
import { createApp } from '../../src/server/app.js';
import { authed, signIn } from '../helpers/auth.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';
import { client, expectRefused, type Json } from './helpers.js';

const Y = 2023;

describe(`workflow walk-through on the demo district (${testEngine})`, () => {
  let t: TestDb;
  let api: ReturnType<typeof client>;
  let member: Json;
  let cell: Json;

  beforeAll(async () => {
    t = await createTestDb();
    const app = createApp({ db: t.db, config: t.config });
    await loadDemoDistrict(t.db);
    await createCycle(t.db, {
      year: Y,
      referenceDate: '2023-12-31',
      deadlines: [
        { level: 'cell', dueOn: '2023-12-08' },
        { level: 'grassroots_committee', dueOn: '2023-12-20' },
        { level: 'district_committee', dueOn: '2023-12-29' },
      ],
    });
    api = client(authed(app, await signIn(app, t.db, { role: 'admin', scope: 'TU-LAICHAU' })));
  }, 60_000);
  afterAll(async () => t.close());

  it('computes eligibility for one committee, creating its evaluations with reasons', async () => {
    const res = await api.post(`/api/cycles/${Y}/eligibility/compute`, { unit: 'TD-DU-QUANSU' });
    expect(res.status).toBe(200);
    const members = await t.db.selectFrom('memberships as m').innerJoin('org_unit_versions as v', 'v.unit_id', 'm.unit_id').select('m.id').where('v.parent_id', 'in', (eb) => eb.selectFrom('org_units').select('id').where('code', '=', 'TD-DU-QUANSU')).where('m.valid_to', 'is', null).execute();
    // The committee, its 3 cells, its members and its party committee collective.
    const created = 1 + 3 + members.length + 1;
    expect(res.body).toMatchObject({ created, changed: 0 });
    // The district compiles (the highest deadline): the committee and its collective, decided by the district, are graded here.
    expect(res.body.byStatus).toMatchObject({ eligible: created, higher_level: 0 });
    const list = await api.get(`/api/cycles/${Y}/evaluations?unit=TD-DU-QUANSU-CB01&subjectKind=member`);
    member = list.body.evaluations.find((e: Json) => e.eligibility === 'eligible');
    expect(member.eligibilityReason).toBe('Thuộc diện kiểm điểm, đánh giá, xếp loại.');
    cell = (await api.get(`/api/cycles/${Y}/evaluations?unit=TD-DU-QUANSU-CB01&subjectKind=unit`)).body.evaluations[0];
    expect(cell.eligibility).toBe('eligible');
  });

  it('refuses a grade outside the four, naming the field, and a proposal before the self-assessment', async () => {
    await expectRefused(t.db, () => api.post(`/api/evaluations/${member.id}/propose`, { grade: 'XS' }), { status: 400, code: 'GradeInvalid', field: 'grade' });
    await expectRefused(t.db, () => api.post(`/api/evaluations/${member.id}/propose`, { grade: 'HTT' }), { status: 409, code: 'StageInvalid' });
  });

  it('walks self-assessment → opinion → the cell proposes', async () => {
    expect((await api.post(`/api/evaluations/${member.id}/self-assess`, { grade: 'HTT' })).body.stage).toBe('self_assessed');
    const op = await api.post(`/api/evaluations/${member.id}/opinions`, { bodyName: 'Chi ủy nơi cư trú', proposedGrade: 'HTT', comment: 'Gương mẫu nơi cư trú' });
    expect([op.status, op.body.stage]).toEqual([201, 'opinions']);
    const p = await api.post(`/api/evaluations/${member.id}/propose`, { grade: 'HTT', byUnit: 'TD-DU-QUANSU-CB01' });
    expect([p.status, p.body.stage, p.body.evaluation.proposedGrade]).toEqual([200, 'proposed', 'HTT']);
  });

  it('answers the highest grade, the competent authority and the cap headroom while grading', async () => {
    const res = await api.get(`/api/evaluations/${member.id}/check?grade=HTXS`);
    expect(res.status).toBe(200);
    expect(res.body.competentAuthority.unitCode).toBe('TD-DU-QUANSU');
    expect(res.body.highestAllowed).toBe('HTXS');
    // Only this member has a grade in the committee: 1 HTXS on a base of 0 HTT leaves 0 allowed: a warning, not an error.
    expect(res.body.capHeadroom).toMatchObject({ base: 'HTT', baseCount: 0, used: 1, allowedMax: 0, over: true });
    expect(res.body.capHeadroom.scope).toContain('Đảng bộ Quân sự huyện');
    expect(res.body.errors).toEqual([]);
    expect(res.body.warnings.map((w: Json) => w.code)).toEqual(['cap_exceeded']);
  });

  it('answers why a grade is capped: a member disciplined in the year → KHT, citing the rule', async () => {
    const others = (await api.get(`/api/cycles/${Y}/evaluations?unit=TD-DU-QUANSU-CB02&subjectKind=member`)).body.evaluations as Json[];
    const other = others[0]!;
    const person = await t.db.selectFrom('persons').select('id').where('card_number', '=', other.subjectRef).executeTakeFirstOrThrow();
    await t.db.insertInto('person_events').values({ id: 'ev-kt', person_id: person.id, kind: 'disciplined', level: 'khien_trach', starts_on: '2023-05-12', ends_on: null, note: null }).execute();
    const res = await api.get(`/api/evaluations/${other.id}/check?grade=HTT`);
    expect(res.body.highestAllowed).toBe('KHT');
    expect(res.body.errors.map((e: Json) => e.code)).toEqual(['above_ceiling']);
    expect(res.body.reasons[0].text).toContain('12/05/2023');
    expect(res.body.reasons[0].text).toContain('QĐ 124');
    await expectRefused(t.db, () => api.get(`/api/evaluations/${other.id}/check?grade=TOT`), { status: 400, code: 'GradeInvalid', field: 'grade' });
    await api.post(`/api/evaluations/${other.id}/self-assess`, { grade: 'HTT' });
    const before = (await api.get(`/api/evaluations/${other.id}`)).body.version;
    await expectRefused(t.db, () => api.post(`/api/evaluations/${other.id}/propose`, { grade: 'HTT' }), { status: 422, code: 'GradeNotAllowed', field: 'grade' });
    expect((await api.get(`/api/evaluations/${other.id}`)).body.version).toBe(before);
  });

  it('refuses a decision by a body without authority and changes nothing', async () => {
    const err = await expectRefused(t.db, () => api.post(`/api/evaluations/${member.id}/decide`, { grade: 'HTT', decidingUnit: 'HU-TAMDUONG' }), { status: 403, code: 'NotCompetentAuthority', field: 'decidingUnit' });
    expect(err.message.vi).toContain('TD-DU-QUANSU');
    await expectRefused(t.db, () => api.post(`/api/evaluations/${member.id}/decide`, { grade: 'HTT', decidingUnit: 'TD-DU-QUANSU-CB01' }), { status: 403, code: 'NotCompetentAuthority' });
  });

  it('under QĐ 124 the decision waits for the appraisal (Điều 11, Bước 2: rules-audit.md Q35); the district appraises; the grassroots committee decides; a re-grade before publication is refused', async () => {
    await expectRefused(t.db, () => api.post(`/api/evaluations/${member.id}/decide`, { grade: 'HTT', decidingUnit: 'TD-DU-QUANSU' }), { status: 409, code: 'StageInvalid', field: 'stage' });
    const a = await api.post(`/api/evaluations/${member.id}/appraise`, { grade: 'HTT', comment: 'Ban Tổ chức Huyện ủy thẩm định: đề nghị giữ mức HTT', byUnit: 'HU-TAMDUONG' });
    expect([a.status, a.body.stage], JSON.stringify(a.body)).toEqual([200, 'appraised']);
    const d = await api.post(`/api/evaluations/${member.id}/decide`, { grade: 'HTT', decidingUnit: 'TD-DU-QUANSU' });
    expect([d.status, d.body.stage, d.body.evaluation.decidedGrade, d.body.evaluation.decidingUnitCode]).toEqual([200, 'decided', 'HTT', 'TD-DU-QUANSU']);
    await expectRefused(t.db, () => api.post(`/api/evaluations/${member.id}/regrade`, { grade: 'HT', reason: 'Rà soát' }), { status: 409, code: 'StageInvalid' });
    const pub = await api.post(`/api/evaluations/${member.id}/publish`, { byUnit: 'TD-DU-QUANSU' });
    expect([pub.status, pub.body.stage]).toEqual([200, 'published']);
  });

  it('lets the district re-grade after publication, only with a reason, recorded as regrade', async () => {
    await expectRefused(t.db, () => api.post(`/api/evaluations/${member.id}/regrade`, { grade: 'HT', byUnit: 'HU-TAMDUONG' }), { status: 400, code: 'ReasonRequired', field: 'reason' });
    await expectRefused(t.db, () => api.post(`/api/evaluations/${member.id}/regrade`, { grade: 'HT', reason: 'x', byUnit: 'TD-DU-QUANSU-CB01' }), { status: 403, code: 'NotCompetentAuthority' });
    const reason = 'Rà soát, thẩm định lại: còn hạn chế trong thực hiện nhiệm vụ';
    const r = await api.post(`/api/evaluations/${member.id}/regrade`, { grade: 'HT', reason, byUnit: 'HU-TAMDUONG' });
    expect([r.status, r.body.decidedGrade]).toEqual([200, 'HT']);
    const history = (await api.get(`/api/evaluations/${member.id}`)).body.history.filter((h: Json) => h.action === 'regrade');
    expect(history).toEqual([expect.objectContaining({ field: 'decidedGrade', oldValue: 'HTT', newValue: 'HT', reason })]);
    const wf = (await api.get(`/api/evaluations/${member.id}/workflow`)).body;
    expect(wf.steps.map((s: Json) => [s.action, s.to, s.unitCode])).toEqual([
      ['self_assess', 'self_assessed', null],
      ['opinion', 'opinions', null],
      ['propose', 'proposed', 'TD-DU-QUANSU-CB01'],
      ['appraise', 'appraised', 'HU-TAMDUONG'],
      ['decide', 'decided', 'TD-DU-QUANSU'],
      ['publish', 'published', 'TD-DU-QUANSU'],
      ['regrade', 'published', 'HU-TAMDUONG'],
    ]);
    expect(wf.opinions).toEqual([expect.objectContaining({ bodyName: 'Chi ủy nơi cư trú', proposedGrade: 'HTT' })]);
  });

  it('needs a recorded justification to re-grade over the cap, and stores it', async () => {
    const body = { grade: 'HTXS', reason: 'Khiếu nại được chấp nhận', byUnit: 'HU-TAMDUONG' };
    await expectRefused(t.db, () => api.post(`/api/evaluations/${member.id}/regrade`, body), { status: 422, code: 'JustificationRequired', field: 'justification' });
    const ok = await api.post(`/api/evaluations/${member.id}/regrade`, { ...body, justification: 'Thành tích nổi trội, Ban Thường vụ thống nhất' });
    expect(ok.status).toBe(200);
    const j = (await api.get(`/api/evaluations/${member.id}/workflow`)).body.justifications;
    expect(j).toEqual([expect.objectContaining({ action: 'regrade', grade: 'HTXS', text: 'Thành tích nổi trội, Ban Thường vụ thống nhất' })]);
    expect(j[0].warnings[0].code).toBe('cap_exceeded');
  });

  it('keeps the order of QĐ 124 Điều 11 in 2023: the committee is not decided before its cells ("cấp dưới trước, cấp trên sau"), citing QĐ 124, not QĐ 366 (Q34)', async () => {
    const committee = (await api.get(`/api/cycles/${Y}/evaluations?unit=TD-DU-QUANSU&subjectKind=unit`)).body.evaluations.find((e: Json) => e.subjectRef === 'TD-DU-QUANSU');
    await api.post(`/api/evaluations/${committee.id}/self-assess`, { grade: 'HTT' });
    await api.post(`/api/evaluations/${committee.id}/propose`, { grade: 'HTT' });
    await api.post(`/api/evaluations/${committee.id}/appraise`, { comment: 'Đã thẩm định' });
    const err = await expectRefused(t.db, () => api.post(`/api/evaluations/${committee.id}/decide`, { grade: 'HTT', decidingUnit: 'HU-TAMDUONG' }), { status: 422, code: 'OrderViolation' });
    expect(err.message.vi).toContain('tổ chức đảng trực thuộc chưa được quyết định xếp loại');
    expect(err.message.vi).toContain('QĐ 124, Điều 11 (trình tự: cấp dưới trước, cấp trên sau)');
    expect(err.message.vi).not.toContain('QĐ 366');
  });

  it('tracks submissions upward: on time, late in working days, missing; children before parents; nothing after a lock', async () => {
    const post = (code: string, action: string, body: Json = {}) => api.post(`/api/cycles/${Y}/submissions/${code}/${action}`, body);
    // A unit submits only with every subject graded or named ungraded with a reason (issue 8): the cells here are mostly ungraded.
    const reasonsFor = async (code: string) =>
      (await api.get(`/api/cycles/${Y}/submissions/${code}/ungraded`)).body.ungraded.map((u: Json) => ({ evaluationId: u.evaluationId, reason: 'Chưa họp xét xong; báo cáo bổ sung sau' }));
    const sub = async (code: string, action: string, body: Json = {}) => post(code, action, action === 'submit' ? { ...body, ungradedExceptions: await reasonsFor(code) } : body);
    const refused = await expectRefused(t.db, () => post('TD-DU-QUANSU-CB01', 'submit', { receivedAt: '2023-12-08T16:30:00+07:00' }), { status: 422, code: 'SubjectsNotGraded', field: 'ungradedExceptions' });
    expect(refused.ungraded.length).toBeGreaterThan(0);
    expect(refused.ungraded.map((u: Json) => u.evaluationId)).not.toContain(member.id); // proposed and decided above
    expect(refused.message.vi).toContain('ngoại lệ kèm lý do');
    const blank = (await reasonsFor('TD-DU-QUANSU-CB01')).map((e: Json) => ({ ...e, reason: ' ' }));
    await expectRefused(t.db, () => post('TD-DU-QUANSU-CB01', 'submit', { ungradedExceptions: blank }), { status: 400, code: 'ReasonRequired', field: 'ungradedExceptions.0.reason' });
    const first = await sub('TD-DU-QUANSU-CB01', 'submit', { receivedAt: '2023-12-08T16:30:00+07:00' });
    expect(first.body.timing).toMatchObject({ status: 'on_time' });
    expect(first.body.ungradedExceptions).toHaveLength(refused.ungraded.length);
    expect(first.body.ungradedExceptions[0]).toMatchObject({ evaluationId: refused.ungraded[0].evaluationId, name: refused.ungraded[0].name, reason: 'Chưa họp xét xong; báo cáo bổ sung sau' });
    // Deadline Fri 08/12; Mon 11/12 is the first working day after it.
    expect((await sub('TD-DU-QUANSU-CB02', 'submit', { receivedAt: '2023-12-11T08:00:00+07:00' })).body.timing).toMatchObject({ status: 'late', workingDaysLate: 1, calendarDaysLate: 3 });
    expect((await sub('TD-DU-QUANSU', 'submit', { receivedAt: '2023-12-20T10:00:00+07:00' })).body.timing).toMatchObject({ status: 'on_time' });
    const refusal = await expectRefused(t.db, () => sub('TD-DU-QUANSU', 'accept'), { status: 422, code: 'ChildrenNotAccepted' });
    expect(refusal.message.vi).toContain('TD-DU-QUANSU-CB03');
    await expectRefused(t.db, () => sub('TD-DU-QUANSU-CB02', 'return'), { status: 400, code: 'ReasonRequired', field: 'comment' });
    expect((await sub('TD-DU-QUANSU-CB02', 'return', { comment: 'Thiếu biên bản hội nghị' })).body.status).toBe('returned');
    expect((await sub('TD-DU-QUANSU-CB02', 'submit', { receivedAt: '2023-12-12T09:00:00+07:00' })).body.timing).toMatchObject({ status: 'late', workingDaysLate: 2 });
    expect((await sub('TD-DU-QUANSU-CB01', 'accept')).body.status).toBe('accepted');
    expect((await sub('TD-DU-QUANSU-CB02', 'accept')).body.status).toBe('accepted');
    await expectRefused(t.db, () => sub('TD-DU-QUANSU', 'accept'), { status: 422, code: 'ChildrenNotAccepted' });
    const accepted = await sub('TD-DU-QUANSU', 'accept', { exceptions: [{ unitCode: 'TD-DU-QUANSU-CB03', reason: 'Chỉ báo cáo số liệu, đang sáp nhập' }] });
    expect([accepted.status, accepted.body.status, accepted.body.exceptions]).toEqual([200, 'accepted', [{ unitCode: 'TD-DU-QUANSU-CB03', reason: 'Chỉ báo cáo số liệu, đang sáp nhập' }]]);
    expect((await sub('TD-DU-QUANSU', 'lock')).body.status).toBe('locked');
    const locked = await expectRefused(t.db, () => sub('TD-DU-QUANSU-CB03', 'submit', { receivedAt: '2023-12-21T09:00:00+07:00' }), { status: 409, code: 'SubmissionLocked' });
    expect(locked.message.vi).toContain('đã khóa');
    // The district reports on Tue 02/01/2024 for a Fri 29/12 deadline: Sat, Sun and New Year's Day do not count.
    expect((await sub('HU-TAMDUONG', 'submit', { receivedAt: '2024-01-02T09:00:00+07:00' })).body.timing).toMatchObject({ status: 'late', workingDaysLate: 1, calendarDaysLate: 4 });

    const list = (await api.get(`/api/cycles/${Y}/submissions?unit=TD-DU-QUANSU`)).body;
    expect(list.unit).toMatchObject({ unitCode: 'TD-DU-QUANSU', status: 'locked', deadline: '2023-12-20', timing: { status: 'on_time' } });
    expect(list.children.map((r: Json) => [r.unitCode, r.status, r.timing.status, r.timing.workingDaysLate ?? null])).toEqual([
      ['TD-DU-QUANSU-CB01', 'accepted', 'on_time', null],
      ['TD-DU-QUANSU-CB02', 'accepted', 'late', 2],
      ['TD-DU-QUANSU-CB03', 'none', 'missing', null],
    ]);
    const history = (await api.get(`/api/cycles/${Y}/submissions/TD-DU-QUANSU-CB02/history`)).body.events;
    expect(history.map((e: Json) => e.action)).toEqual(['submit', 'return', 'submit', 'accept']);
  });
});
