/**
 * The HTXS cap through the API (rules-audit.md H5, H6/Q3/R4, H7/Q4, Q2/R2, F1, F2): it counts
 * decided grades (proposals shown apart), a lowering that shrinks the base warns, an overrun needs a
 * recorded justification or is refused where the cycle says so, a percentage or exception the rule
 * set does not have stands only with a local decision it then cites, the scope follows the rule set.
 * Citations are checked against tests/fixtures/citations.ts (written from the sources' text).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle } from '../../src/db/queries/cycles.js';
import { createEvaluation } from '../../src/db/queries/evaluations.js';
import { addMembership, createPerson } from '../../src/db/queries/persons.js';
import { createApp } from '../../src/server/app.js';
import { CITATIONS } from '../fixtures/citations.js';
import { authed, signIn } from '../helpers/auth.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';
import { seedScopeOrg } from '../server/fixtures-scope.js';
import { client, expectRefused, type Json } from '../workflow/helpers.js';

let t: TestDb;
let api: ReturnType<typeof client>;
let put: (year: number, parameters: unknown) => Promise<{ status: number; body: Json }>;
const ids: Record<string, string> = {};

const ev = async (year: number, subjectKind: string, subjectRef: string, extra: Record<string, unknown> = {}) =>
  (await createEvaluation(t.db, { cycleYear: year, subjectKind, subjectRef, actor: 'seed', ...extra })).id;
const check = async (id: string, grade: string) => (await api.get(`/api/evaluations/${id}/check?grade=${grade}`)).body;

beforeAll(async () => {
  t = await createTestDb();
  const raw = createApp({ db: t.db, config: t.config });
  await seedScopeOrg(t.db);
  for (const card of ['10.201', '10.202', '10.203', '10.204', '10.205']) {
    await createPerson(t.db, { cardNumber: card, fullName: `Đảng viên ${card}`, sex: 'nu', admittedOn: '2010-01-01', officialOn: '2011-01-01' });
    await addMembership(t.db, { cardNumber: card, unitCode: 'CB-A', validFrom: '2015-01-01' });
  }
  for (const year of [2022, 2023]) await createCycle(t.db, { year, referenceDate: `${year}-12-31` });
  // In XA-A's members: 5 decided HTT, 1 proposed HTXS, 10.001 not graded yet.
  for (const card of ['10.003', '10.005', '10.201', '10.202', '10.204']) await ev(2022, 'member', card, { selfGrade: 'HTT', proposedGrade: 'HTT', decidedGrade: 'HTT', decidingUnit: 'XA-A' });
  ids.proposed = await ev(2022, 'member', '10.203', { selfGrade: 'HTXS', proposedGrade: 'HTXS' });
  ids.x = await ev(2022, 'member', '10.001');
  api = client(authed(raw, await signIn(raw, t.db, { role: 'admin', scope: 'TINH' })));
  put = async (year, parameters) => {
    const res = await raw.request(`/api/cycles/${year}/parameters`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: (await signIn(raw, t.db, { role: 'admin', scope: 'TINH' })).headers.authorization! },
      body: JSON.stringify({ parameters }),
    });
    return { status: res.status, body: (await res.json()) as Json };
  };
});
afterAll(async () => t.close());

describe(`the HTXS cap (${testEngine})`, () => {
  it('F2: the cap counts decided grades; the proposals are shown apart as "if the proposals stand"', async () => {
    const c = await check(ids.x!, 'HTXS');
    expect(c.capHeadroom).toMatchObject({ used: 1, baseCount: 5, allowedMax: 1, over: false });
    expect(c.capIfProposalsStand).toMatchObject({ used: 2, allowedMax: 1, over: true });
    expect(c.capIfProposalsStand.scope).toContain('nếu giữ nguyên các đề xuất');
    expect(c.warnings).toEqual([]);
    expect(c.capHeadroom.source).toContain(CITATIONS.HD21_CAP_MEMBER.cite);
    const panel = (await api.get(`/api/evaluations/${ids.x}/panel`)).body;
    expect([panel.cap.now.used, panel.cap.now.ifProposalsStand.used]).toEqual([0, 1]);
  });

  it('F1: with an HTXS decided, lowering an HTT shrinks the base and warns', async () => {
    expect((await api.post(`/api/evaluations/${ids.x}/self-assess`, { grade: 'HTXS' })).status).toBe(200);
    expect((await api.post(`/api/evaluations/${ids.x}/propose`, { grade: 'HTXS' })).status).toBe(200);
    const decided = await api.post(`/api/evaluations/${ids.x}/decide`, { grade: 'HTXS', decidingUnit: 'XA-A' });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    const [lowered] = (await api.get('/api/cycles/2022/evaluations?unit=CB-A&subjectKind=member')).body.evaluations.filter((e: Json) => e.subjectRef === '10.003');
    const c = await check(lowered.id, 'HT');
    expect(c.warnings).toEqual([expect.objectContaining({ code: 'cap_exceeded', grade: 'HT' })]);
    expect(c.warnings[0].text).toContain('làm giảm cơ sở tính tỉ lệ');
    expect((await check(lowered.id, 'HTT')).warnings).toEqual([]);
  });

  it('H6: an overrun ("không vượt quá") is decided only with a recorded justification, stated as the competent body\'s own decision', async () => {
    const body = { grade: 'HTXS', decidingUnit: 'XA-A' };
    const err = await expectRefused(t.db, () => api.post(`/api/evaluations/${ids.proposed}/decide`, body), { status: 422, code: 'JustificationRequired', field: 'justification' });
    expect(err.message.vi).toContain('quy định ghi «không vượt quá»');
    const ok = await api.post(`/api/evaluations/${ids.proposed}/decide`, { ...body, justification: 'Nghị quyết Đảng ủy xã A số 07-NQ/ĐU: thành tích nổi trội' });
    expect([ok.status, ok.body.justified]).toEqual([200, 'Nghị quyết Đảng ủy xã A số 07-NQ/ĐU: thành tích nổi trội']);
    const wf = (await api.get(`/api/evaluations/${ids.proposed}/workflow`)).body;
    expect(wf.justifications[0].warnings[0]).toMatchObject({ code: 'cap_exceeded' });
  });

  it('H6, Q3, R4: with the cycle parameter overrun = refuse, an overrun is an error', async () => {
    expect((await put(2022, { caps: { member: { overrun: 'refuse' } } })).status).toBe(200);
    const id = await ev(2022, 'member', '10.205', { selfGrade: 'HTXS', proposedGrade: 'HTXS' });
    const c = await check(id, 'HTXS');
    expect(c.errors).toEqual([expect.objectContaining({ code: 'cap_exceeded' })]);
    await expectRefused(t.db, () => api.post(`/api/evaluations/${id}/decide`, { grade: 'HTXS', decidingUnit: 'XA-A', justification: 'x' }), { status: 422, code: 'GradeNotAllowed' });
    expect((await put(2022, {})).status).toBe(200);
  });

  it('H7, Q4: a percentage or an exception the rule set does not have is refused, or stands with the local decision it then cites', async () => {
    const refused = await put(2022, { caps: { member: { percent: 25 } } });
    expect([refused.status, refused.body.error.code, refused.body.error.field]).toEqual([400, 'ValidationFailed', 'caps.member.percent']);
    expect(refused.body.error.message.vi).toContain('localDecision');
    const q4 = await put(2023, { caps: { member: { exceptionalPercent: 25 } } });
    expect([q4.status, q4.body.error.field]).toEqual([400, 'caps.member.exceptionalPercent']);
    const local = 'Nghị quyết số 09-NQ/HU ngày 05/12/2022';
    expect((await put(2022, { caps: { member: { percent: 25, localDecision: local } } })).status).toBe(200);
    const c = await check(ids.x!, 'HTXS');
    expect(c.capHeadroom.percent).toBe(25);
    expect(c.capHeadroom.source).toContain(`${local} (quyết định của địa phương; ${CITATIONS.HD21_CAP_MEMBER.cite}`);
    expect((await put(2022, {})).status).toBe(200);
  });

  it('Q2, R2: under QĐ 124 (as under QĐ 366) members are capped by the cycle\'s groups of similar position (default: the grassroots organisation, labelled); HD 21 refuses groups', async () => {
    const id = await ev(2023, 'member', '10.001');
    expect((await check(id, 'HTXS')).capHeadroom.scope).toContain('chưa xác định nhóm tương đồng cho kỳ: tính theo tổ chức cơ sở đảng');
    expect((await check(id, 'HTXS')).capHeadroom.source).toContain(CITATIONS.QD124_CAP.cite);
    expect((await put(2023, { capGroups: [{ name: 'Khối xã', units: ['XA-A', 'XA-B'] }] })).status).toBe(200);
    await ev(2023, 'member', '10.002', { decidedGrade: 'HTT', decidingUnit: 'XA-B' });
    const grouped = await check(id, 'HTXS');
    expect(grouped.capHeadroom.scope).toContain('nhóm «Khối xã»');
    expect(grouped.capHeadroom.baseCount).toBe(1);
    const bad = await put(2023, { capGroups: [{ name: 'Khối xã', units: ['KHONG-CO'] }] });
    expect([bad.status, bad.body.error.field]).toEqual([400, 'parameters.capGroups.0.units.0']);
    const hd21 = await put(2022, { capGroups: [{ name: 'Khối xã', units: ['XA-A'] }] });
    expect([hd21.status, hd21.body.error.field]).toEqual([400, 'parameters.capGroups']);
  });

  it('H5: under HD 21 grassroots organisations are capped together (đảng bộ and chi bộ cơ sở), citing the cut sentence as a reading', async () => {
    const id = await ev(2022, 'unit', 'XA-A');
    const c = await check(id, 'HTXS');
    expect(c.capHeadroom.scope).toContain('đảng bộ cơ sở, chi bộ cơ sở');
    expect(c.capHeadroom.source).toContain(CITATIONS.HD21_ORG_CAP_CUT.cite);
    expect(c.capHeadroom.source).toContain('[M');
  });
});
