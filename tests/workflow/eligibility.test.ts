/** Eligibility computed from dated facts on the demo district gives the statuses the generator stored; overrides are logged and kept. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDistrict } from '../../src/demo/load.js';
import { createApp } from '../../src/server/app.js';
import { computeAndStoreEligibility } from '../../src/services/eligibility.js';
import { authed, signIn } from '../helpers/auth.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';
import { client, expectRefused, type Json } from './helpers.js';

describe(`eligibility on the demo district (${testEngine})`, () => {
  let t: TestDb;
  let api: ReturnType<typeof client>;

  beforeAll(async () => {
    t = await createTestDb();
    const app = createApp({ db: t.db, config: t.config });
    await loadDemoDistrict(t.db);
    api = client(authed(app, await signIn(app, t.db, { role: 'admin', scope: 'TU-LAICHAU' })));
  }, 60_000);
  afterAll(async () => t.close());

  it('recomputes the stored statuses exactly: 122 exempt, 65 new members, 1 suspended, 2 new cells, 7 graded by the province', async () => {
    const stored = await t.db.selectFrom('evaluations').select(['eligibility', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('eligibility').execute();
    const s = await computeAndStoreEligibility(t.db, { cycleYear: 2022, unit: 'HU-TAMDUONG', actor: 'test' });
    expect(s).toMatchObject({ created: 0, changed: 0, overridden: 0 });
    expect(s.byStatus).toMatchObject({ exempt: 122, new_member: 65, suspended: 1, new_unit: 2, higher_level: 7, pending: 0 });
    expect(Object.fromEntries(stored.map((r) => [r.eligibility, Number(r.n)]))).toEqual(Object.fromEntries(Object.entries(s.byStatus).filter(([, n]) => n > 0)));
    expect(s.subjects).toBe(stored.reduce((n, r) => n + Number(r.n), 0));
  });

  it('lets a compiler override with a reason, logged as override, and keeps it on recompute', async () => {
    const [e] = (await api.get('/api/cycles/2022/evaluations?unit=TD-DU-BINHLU-CB01&subjectKind=member&eligibility=eligible')).body.evaluations as Json[];
    await expectRefused(t.db, () => api.post(`/api/evaluations/${e!.id}/eligibility`, { status: 'pending', reason: '  ', byUnit: 'HU-TAMDUONG' }), { status: 400, code: 'ReasonRequired' });
    await expectRefused(t.db, () => api.post(`/api/evaluations/${e!.id}/eligibility`, { status: 'absent', reason: 'x', byUnit: 'HU-TAMDUONG' }), { status: 400, code: 'ValidationFailed', field: 'status' });
    // R50: after the decision only the competent body or the committee directly above it (the district) may change it; the province may not.
    const far = await expectRefused(t.db, () => api.post(`/api/evaluations/${e!.id}/eligibility`, { status: 'pending', reason: 'Đi học dài hạn, vắng mặt tại hội nghị' }), { status: 403, code: 'NotCompetentAuthority' });
    expect(far.message.vi).toContain('HD 21');
    const res = await api.post(`/api/evaluations/${e!.id}/eligibility`, { status: 'pending', reason: 'Đi học dài hạn, vắng mặt tại hội nghị', byUnit: 'HU-TAMDUONG' });
    expect([res.status, res.body.eligibility, res.body.eligibilityReason]).toEqual([200, 'pending', 'Điều chỉnh: Đi học dài hạn, vắng mặt tại hội nghị']);
    const history = (await api.get(`/api/evaluations/${e!.id}`)).body.history.filter((h: Json) => h.action === 'override');
    expect(history).toContainEqual(expect.objectContaining({ field: 'eligibility', oldValue: 'eligible', newValue: 'pending', reason: 'Đi học dài hạn, vắng mặt tại hội nghị (HU-TAMDUONG điều chỉnh sau quyết định)' }));
    const s = await computeAndStoreEligibility(t.db, { cycleYear: 2022, unit: 'HU-TAMDUONG', actor: 'test' });
    expect(s).toMatchObject({ overridden: 1, changed: 0 });
    expect((await api.get(`/api/evaluations/${e!.id}`)).body.eligibility).toBe('pending');
  });

  it('computes a changed fact: a decided member suspended in the year is listed for a re-decision, with its reason, and left alone', async () => {
    const [e] = (await api.get('/api/cycles/2022/evaluations?unit=TD-DU-BINHLU-CB02&subjectKind=member&eligibility=eligible')).body.evaluations as Json[];
    const person = await t.db.selectFrom('persons').select('id').where('card_number', '=', e!.subjectRef).executeTakeFirstOrThrow();
    await t.db.insertInto('person_events').values({ id: 'ev-test', person_id: person.id, kind: 'suspended', level: null, starts_on: '2022-12-01', ends_on: null, note: null }).execute();
    const res = await api.post('/api/cycles/2022/eligibility/compute', { unit: 'TD-DU-BINHLU' });
    expect(res.body).toMatchObject({ changed: 0, created: 0, needsRedecision: { count: 1 } });
    expect(res.body.needsRedecision.items[0]).toMatchObject({ evaluationId: e!.id, stored: 'eligible', computed: 'suspended' });
    expect(res.body.needsRedecision.items[0].reason).toContain('Bị đình chỉ sinh hoạt đảng từ ngày 01/12/2022');
    expect((await api.get(`/api/evaluations/${e!.id}`)).body.eligibility).toBe('eligible');
  });
});
