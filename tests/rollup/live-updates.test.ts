/**
 * The forms follow every evaluation change at once, through the query functions and the HTTP API:
 * create, update grade, regrade, eligibility change, KHT reason change, a review topic, a tree
 * change. After each step `verify` finds no difference; a refused change leaves the counts as they
 * were.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle } from '../../src/db/queries/cycles.js';
import { createEvaluation, regrade, updateEvaluation } from '../../src/db/queries/evaluations.js';
import { readCycleCounts } from '../../src/db/queries/form-counts.js';
import { addReviewTopic } from '../../src/db/queries/review-topics.js';
import { changeUnit, createUnit } from '../../src/db/queries/units.js';
import { createApp } from '../../src/server/app.js';
import { getFormValues, verify } from '../../src/services/forms.js';
import { seedOrg } from '../api/fixtures-evaluations.js';
import { authed, type AuthedApp, signIn } from '../helpers/auth.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';

type Json = Record<string, any>;
let t: TestDb;
let app: AuthedApp;
let cycleId: string;
const ids: Record<string, string> = {};

const form = async (unitCode = 'HU-THU') => (await getFormValues(t.db, { unitCode, year: 2022 })).forms;
const dv = async (row: string, col = 'total', unit?: string) => (await form(unit)).DV?.rows[row]?.[col];
const clean = async () => expect((await verify(t.db)).differences).toBe(0);
const stored = async () => JSON.stringify([...(await readCycleCounts(t.db, cycleId))].map(([u, m]) => [u, [...m].sort()]).sort());

beforeAll(async () => {
  t = await createTestDb();
  await seedOrg(t.db);
  cycleId = (await createCycle(t.db, { year: 2022, referenceDate: '2022-12-31' })).id;
  const raw = createApp({ db: t.db, config: t.config });
  app = authed(raw, await signIn(raw, t.db, { role: 'admin', scope: 'HU-THU' }));
});
afterAll(async () => t?.close());

describe(`live form counts through the query functions (${testEngine})`, () => {
  it('create: each subject kind shows at the root at once', async () => {
    ids.member = (await createEvaluation(t.db, { cycleYear: 2022, subjectKind: 'member', subjectRef: '01.000001', reviewed: true, decidedGrade: 'HTT', actor: 't' })).id;
    ids.unit = (await createEvaluation(t.db, { cycleYear: 2022, subjectKind: 'unit', subjectRef: 'DB-XA', reviewed: true, decidedGrade: 'HTXS', actor: 't' })).id;
    ids.collective = (await createEvaluation(t.db, { cycleYear: 2022, subjectKind: 'collective', subjectRef: 'TT-UBND-XA', reviewed: true, actor: 't' })).id;
    ids.position = (await createEvaluation(t.db, { cycleYear: 2022, subjectKind: 'position', subjectRef: 'pos-bt-xa', reviewed: true, decidedGrade: 'HT', actor: 't' })).id;
    const f = await form();
    expect(f.DV?.rows['graded.htt']).toMatchObject({ total: 1, xa: 1 });
    expect(f.TC?.rows['tccsd.dang_bo.graded.htxs']).toMatchObject({ total: 1, xa: 1 });
    expect(f.TT?.rows['co_so.not_graded']).toMatchObject({ total: 1, ubnd: 1 });
    expect(f.CN?.rows['co_so.bi_thu']).toMatchObject({ total: 1, graded: 1, ht: 1 });
    expect(f.KD?.rows.reviewed).toEqual({ collective: 2, individual: 2 });
    await clean();
  });

  it('update grade, regrade to KHT with a reason, change the reason, then the eligibility', async () => {
    await updateEvaluation(t.db, ids.member!, { decidedGrade: 'HT' }, { actor: 't' });
    expect([await dv('graded.htt'), await dv('graded.ht')]).toEqual([0, 1]);
    await regrade(t.db, ids.member!, { grade: 'KHT', reason: 'Rà soát sau thẩm định', khtReasons: ['below_50'], actor: 't' });
    expect([await dv('graded.ht'), await dv('graded.kht'), await dv('kht.below_50', 'xa')]).toEqual([0, 1, 1]);
    await updateEvaluation(t.db, ids.member!, { khtReasons: ['disciplined', 'below_50'] }, { actor: 't' });
    expect([await dv('kht.below_50'), await dv('kht.disciplined')]).toEqual([0, 1]);
    await clean();
    await updateEvaluation(t.db, ids.member!, { eligibility: 'exempt', decidedGrade: null, khtReasons: [], reviewed: false }, { actor: 't' });
    expect([await dv('graded'), await dv('not_required.exempt'), await dv('total')]).toEqual([0, 1, 1]);
    expect((await form()).KD?.rows['not_reviewed.new_or_exempt']?.individual).toBe(1);
    await clean();
  });

  it('a collective graded by the superior counts its grade there, its review here', async () => {
    await updateEvaluation(t.db, ids.collective!, { eligibility: 'higher_level', decidingUnit: 'HU-THU', decidedGrade: 'HTT' }, { actor: 't' });
    expect((await form('HU-THU')).TT?.rows['co_so.graded.htt']?.ubnd).toBe(1);
    expect((await form('DB-XA')).TT?.rows['co_so.total']?.total).toBe(0);
    expect((await form('DB-XA')).KD?.rows.reviewed?.collective).toBe(2);
    await clean();
  });

  it('a review topic shows in KD suggested', async () => {
    await addReviewTopic(t.db, { cycleYear: 2022, subjectKind: 'position', subjectRef: 'pos-bt-xa', managedBy: 'huyen', assignedByUnit: 'HU-THU', topic: 'Kiểm điểm sâu' });
    expect((await form()).KD?.rows['suggested.huyen']?.individual).toBe(1);
    expect((await form()).KD?.rows.suggested?.individual).toBe(1);
    await clean();
  });

  it('a refused change leaves every count untouched', async () => {
    const before = await stored();
    await expect(updateEvaluation(t.db, ids.unit!, { decidedGrade: 'TOT' }, { actor: 't' })).rejects.toMatchObject({ code: 'GradeInvalid' });
    await expect(updateEvaluation(t.db, ids.unit!, { decidedGrade: 'HT' }, { actor: 't', expectedVersion: 99 })).rejects.toMatchObject({ code: 'Conflict' });
    await expect(regrade(t.db, ids.unit!, { grade: 'HT', reason: ' ', actor: 't' })).rejects.toMatchObject({ code: 'ReasonRequired' });
    await expect(createEvaluation(t.db, { cycleYear: 2022, subjectKind: 'member', subjectRef: '01.000001', actor: 't' })).rejects.toMatchObject({ code: 'DuplicateEvaluation' });
    await expect(updateEvaluation(t.db, ids.unit!, { khtReasons: ['disunity'] }, { actor: 't' })).rejects.toMatchObject({ code: 'ValidationFailed' });
    expect(await stored()).toBe(before);
  });

  it('a tree change dated before the reference date moves the counts (the cycle’s own tree)', async () => {
    await createUnit(t.db, { code: 'DB-PHUONG', name: 'Đảng bộ phường Hai', kind: 'grassroots_committee', orgType: 'phuong', parentCode: 'HU-THU', validFrom: '2015-01-01' });
    await changeUnit(t.db, 'CB-BAN1', { from: '2022-06-01', parentCode: 'DB-PHUONG' });
    // The fixture's cell states its own type (xa), so it keeps it under the new parent.
    expect((await form('DB-PHUONG')).DV?.rows.total).toMatchObject({ total: 1, xa: 1, phuong: 0 });
    expect((await form('DB-XA')).DV?.rows.total?.total).toBe(0);
    await clean();
    await changeUnit(t.db, 'CB-BAN1', { from: '2022-06-01', parentCode: 'DB-XA' });
    expect((await form('DB-XA')).DV?.rows.total).toMatchObject({ total: 1, xa: 1 });
    await clean();
  });
});

describe(`live form counts through the HTTP API (${testEngine})`, () => {
  const req = async (path: string, init?: RequestInit): Promise<{ status: number; body: Json }> => {
    const res = await app.request(path, init);
    return { status: res.status, body: (await res.json()) as Json };
  };
  const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('two regrades show in GET /api/forms at once; trace names the subject; check has no error', async () => {
    // Grades change through the workflow only (a plain PATCH refuses decidedGrade).
    expect((await req(`/api/evaluations/${ids.unit}/regrade`, json('POST', { grade: 'HT', reason: 'Rà soát' }))).status).toBe(200);
    let tc = await req('/api/forms/HU-THU/2022/TC');
    expect(tc.status).toBe(200);
    expect(Object.keys(tc.body.forms)).toEqual(['TC']);
    expect(tc.body.forms.TC.rows['tccsd.graded.ht'].total).toBe(1);
    expect((await req(`/api/evaluations/${ids.unit}/regrade`, json('POST', { grade: 'HTT', reason: 'Xếp loại lại' }))).status).toBe(200);
    tc = await req('/api/forms/HU-THU/2022/TC');
    expect([tc.body.forms.TC.rows['tccsd.graded.ht'].total, tc.body.forms.TC.rows['tccsd.graded.htt'].total]).toEqual([0, 1]);
    const trace = await req('/api/forms/HU-THU/2022/TC/trace?row=tccsd.graded.htt&col=xa');
    expect(trace.body).toMatchObject({ value: 1, entries: [{ source: 'evaluation', id: ids.unit, subjectKind: 'unit', subjectRef: 'DB-XA', name: 'Đảng bộ xã Một', row: 'tccsd.dang_bo.graded.htt' }] });
    const check = await req('/api/forms/HU-THU/2022/check');
    expect(check.body.errors).toBe(0);
    const whole = await req('/api/forms/HU-THU/2022');
    expect(whole.body).toMatchObject({ format: 'form-values/1', unit: { code: 'HU-THU' }, claims: [] });
    expect((await verify(t.db)).differences).toBe(0);
  });

  it('a refused PATCH changes no count; unknown form, row, unit answer with the place', async () => {
    const before = await stored();
    const ev = await req(`/api/evaluations/${ids.unit}`);
    expect((await req(`/api/evaluations/${ids.unit}`, json('PATCH', { version: ev.body.version, decidedGrade: 'XS' }))).status).toBe(400);
    expect(await stored()).toBe(before);
    expect((await req('/api/forms/HU-THU/2022/XX')).status).toBe(400);
    const badRow = await req('/api/forms/HU-THU/2022/TC/trace?row=tccsd.nope&col=total');
    expect([badRow.status, badRow.body.error.field]).toEqual([400, 'row']);
    expect((await req('/api/forms/NO-UNIT/2022')).status).toBe(404);
  });
});
