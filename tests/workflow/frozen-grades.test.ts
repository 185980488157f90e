/**
 * A decided grade is frozen (GUIDE.md §4.8–4.9; QĐ 366 Điều 13), on the demo district's 2022 cycle
 * (decided and published by the district): an eligibility override after the decision needs the
 * re-grading authority and a reason; eligibility compute leaves decided grades alone and lists them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle } from '../../src/db/queries/cycles.js';
import { addPersonEvent } from '../../src/db/queries/persons.js';
import { loadDemoDistrict } from '../../src/demo/load.js';
import { createApp } from '../../src/server/app.js';
import { authed, signIn } from '../helpers/auth.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';
import { client, expectRefused, type Json } from './helpers.js';

describe(`frozen grades on the demo district (${testEngine})`, () => {
  let t: TestDb;
  const as: Record<string, ReturnType<typeof client>> = {};

  beforeAll(async () => {
    t = await createTestDb();
    const app = createApp({ db: t.db, config: t.config });
    await loadDemoDistrict(t.db);
    const sign = async (role: 'admin' | 'compiler' | 'clerk', scope: string) => client(authed(app, await signIn(app, t.db, { role, scope })));
    as.admin = await sign('admin', 'TU-LAICHAU');
    as.quansu = await sign('compiler', 'TD-DU-QUANSU');
    as.district = await sign('compiler', 'HU-TAMDUONG');
    as.clerk = await sign('clerk', 'TD-DU-QUANSU-CB01');
  }, 60_000);
  afterAll(async () => t.close());

  async function evaluation(unit: string, subjectKind: string): Promise<Json> {
    const list = (await as.admin!.get(`/api/cycles/2022/evaluations?unit=${unit}&subjectKind=${subjectKind}&eligibility=eligible`)).body.evaluations as Json[];
    const e = list.find((x) => x.decidedGrade !== null);
    if (!e) throw new Error(`no decided ${subjectKind} evaluation in ${unit}`);
    return e;
  }

  it('refuses a committee’s compiler overriding its own decided evaluation; the district may, with a reason, logged', async () => {
    const own = await evaluation('TD-DU-QUANSU', 'unit');
    expect((await as.admin!.get(`/api/evaluations/${own.id}/workflow`)).body.competentAuthority.unitCode).toBe('HU-TAMDUONG');
    const err = await expectRefused(t.db, () => as.quansu!.post(`/api/evaluations/${own.id}/eligibility`, { status: 'exempt', reason: 'Tự điều chỉnh' }), {
      status: 403,
      code: 'NotCompetentAuthority',
      field: 'byUnit',
    });
    expect(err.message.vi).toContain('«TD-DU-QUANSU»');
    expect(err.message.vi).toContain('/regrade');
    // Naming a body above does not help a compiler whose scope does not reach it.
    await expectRefused(t.db, () => as.quansu!.post(`/api/evaluations/${own.id}/eligibility`, { status: 'exempt', reason: 'x', byUnit: 'HU-TAMDUONG' }), { status: 403, code: 'Forbidden' });
    await expectRefused(t.db, () => as.district!.post(`/api/evaluations/${own.id}/eligibility`, { status: 'exempt', reason: ' ' }), { status: 400, code: 'ReasonRequired' });
    const ok = await as.district!.post(`/api/evaluations/${own.id}/eligibility`, { status: 'exempt', reason: 'Giải thể theo quyết định của Huyện ủy' });
    expect([ok.status, ok.body.eligibility]).toEqual([200, 'exempt']);
    const history = (await as.admin!.get(`/api/evaluations/${own.id}`)).body.history as Json[];
    expect(history).toContainEqual(
      expect.objectContaining({ action: 'override', field: 'eligibility', oldValue: 'eligible', newValue: 'exempt', reason: 'Giải thể theo quyết định của Huyện ủy (HU-TAMDUONG điều chỉnh sau quyết định)' }),
    );
  });

  it('a clerk’s eligibility compute leaves a published member alone and lists it as needing a re-decision', async () => {
    const member = await evaluation('TD-DU-QUANSU-CB01', 'member');
    await addPersonEvent(t.db, { cardNumber: member.subjectRef, kind: 'exempt', startsOn: '2022-06-01' });
    const res = await as.clerk!.post('/api/cycles/2022/eligibility/compute', {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ changed: 0, needsRedecision: { count: 1, label: 'cần điều chỉnh bằng quyết định lại / override' } });
    expect(res.body.needsRedecision.items).toEqual([
      expect.objectContaining({ evaluationId: member.id, subjectKind: 'member', subjectRef: member.subjectRef, stored: 'eligible', computed: 'exempt', decidedGrade: member.decidedGrade }),
    ]);
    const after = (await as.admin!.get(`/api/evaluations/${member.id}`)).body;
    expect([after.eligibility, after.decidedGrade, after.version]).toEqual(['eligible', member.decidedGrade, member.version]);
  });

  it('an accepted report freezes grading under it (self-assess, decide: SubmissionLocked); a re-grade with a reason still goes', async () => {
    await createCycle(t.db, { year: 2023, referenceDate: '2023-12-31', deadlines: [{ level: 'cell', dueOn: '2023-12-08' }] });
    expect((await as.admin!.post('/api/cycles/2023/eligibility/compute', { unit: 'TD-DU-QUANSU-CB03' })).status).toBe(200);
    const members = ((await as.admin!.get('/api/cycles/2023/evaluations?unit=TD-DU-QUANSU-CB03&subjectKind=member&eligibility=eligible')).body.evaluations as Json[]).slice(0, 3);
    const [done, proposed, fresh] = members as [Json, Json, Json];
    for (const e of [done, proposed]) {
      expect((await as.admin!.post(`/api/evaluations/${e.id}/self-assess`, { grade: 'HT' })).status).toBe(200);
      expect((await as.admin!.post(`/api/evaluations/${e.id}/propose`, { grade: 'HT' })).status).toBe(200);
      expect((await as.admin!.post(`/api/evaluations/${e.id}/appraise`, { comment: 'Đã thẩm định', byUnit: 'HU-TAMDUONG' })).status).toBe(200);
    }
    expect((await as.admin!.post(`/api/evaluations/${done.id}/decide`, { grade: 'HT', decidingUnit: 'TD-DU-QUANSU' })).status).toBe(200);
    expect((await as.admin!.post(`/api/evaluations/${done.id}/publish`, { byUnit: 'TD-DU-QUANSU' })).status).toBe(200);
    // The cell's other subjects are sent ungraded, each with a reason (issue 8's submission guard).
    const ungraded = (await as.admin!.get('/api/cycles/2023/submissions/TD-DU-QUANSU-CB03/ungraded')).body.ungraded as Json[];
    expect(ungraded.map((u) => u.evaluationId)).toContain(fresh.id);
    const ungradedExceptions = ungraded.map((u) => ({ evaluationId: u.evaluationId, reason: 'Xếp loại sau khi có kết luận kiểm tra' }));
    expect((await as.admin!.post('/api/cycles/2023/submissions/TD-DU-QUANSU-CB03/submit', { ungradedExceptions })).status).toBe(200);
    expect((await as.admin!.post('/api/cycles/2023/submissions/TD-DU-QUANSU-CB03/accept', {})).status).toBe(200);
    const self = await expectRefused(t.db, () => as.admin!.post(`/api/evaluations/${fresh.id}/self-assess`, { grade: 'HT' }), { status: 409, code: 'SubmissionLocked', field: 'unitCode' });
    expect(self.message.vi).toContain('«TD-DU-QUANSU-CB03»');
    expect(self.message.vi).toContain('«Đã tiếp nhận»');
    await expectRefused(t.db, () => as.admin!.post(`/api/evaluations/${proposed.id}/decide`, { grade: 'HT', decidingUnit: 'TD-DU-QUANSU' }), { status: 409, code: 'SubmissionLocked' });
    await expectRefused(t.db, () => as.admin!.post(`/api/evaluations/${fresh.id}/eligibility`, { status: 'exempt', reason: 'x', byUnit: 'TD-DU-QUANSU-CB03' }), { status: 409, code: 'SubmissionLocked' });
    await expectRefused(t.db, () => as.admin!.post(`/api/evaluations/${done.id}/publish`, { byUnit: 'TD-DU-QUANSU' }), { status: 409, code: 'SubmissionLocked' });
    const regrade = await as.quansu!.post(`/api/evaluations/${done.id}/regrade`, { grade: 'HTT', reason: 'Rà soát sau khi tiếp nhận báo cáo' });
    expect([regrade.status, regrade.body.decidedGrade]).toEqual([200, 'HTT']);
  });
});
