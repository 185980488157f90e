/** Review meeting records on the demo district: dates, duration, draft circulation checked in working days, attendee, assigned topics. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDistrict } from '../../src/demo/load.js';
import { createApp } from '../../src/server/app.js';
import { authed, signIn } from '../helpers/auth.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';
import { client, expectRefused } from './helpers.js';

describe(`review records (${testEngine})`, () => {
  let t: TestDb;
  let api: ReturnType<typeof client>;
  let card: string;

  beforeAll(async () => {
    t = await createTestDb();
    const app = createApp({ db: t.db, config: t.config });
    await loadDemoDistrict(t.db);
    api = client(authed(app, await signIn(app, t.db, { role: 'admin', scope: 'TU-LAICHAU' })));
    // A member of the superior committee: a person holding a position in the district committee on the meeting day.
    card = (
      await t.db
        .selectFrom('positions as p')
        .innerJoin('persons as s', 's.id', 'p.person_id')
        .innerJoin('org_units as u', 'u.id', 'p.unit_id')
        .select('s.card_number')
        .where('u.code', '=', 'HU-TAMDUONG')
        .where('p.valid_from', '<=', '2022-12-19')
        .where((eb) => eb.or([eb('p.valid_to', 'is', null), eb('p.valid_to', '>', '2022-12-19')]))
        .orderBy('s.card_number')
        .executeTakeFirstOrThrow()
    ).card_number;
  }, 60_000);
  afterAll(async () => t.close());

  it('records a commune committee meeting and checks it: draft late by the working-day count, 1.5 days met, topic shown', async () => {
    // Meeting Mon 19/12/2022: the 3 working days before are Fri 16, Thu 15, Wed 14 → circulated Thu 15 is late.
    const res = await api.post('/api/cycles/2022/review-records', {
      subjectKind: 'collective',
      subjectRef: 'TD-DU-KHUNHA.DANGUY',
      meetingStart: '2022-12-19',
      meetingEnd: '2022-12-20',
      durationDays: 1.5,
      draftCirculatedOn: '2022-12-15',
      attendingCard: card,
      notes: 'Ủy viên Ban Thường vụ dự, chỉ đạo',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ subjectRef: 'TD-DU-KHUNHA.DANGUY', durationDays: 1.5, minimumDays: 1.5, latestCirculation: '2022-12-14', attending: { cardNumber: card } });
    expect(res.body.findings.map((f: { code: string }) => f.code)).toEqual(['draft_late']);
    expect(res.body.topics).toEqual([expect.objectContaining({ assignedByUnitCode: 'HU-TAMDUONG', managedBy: 'huyen' })]);
    const fixed = await api.post('/api/cycles/2022/review-records', { subjectKind: 'collective', subjectRef: 'TD-DU-KHUNHA.DANGUY', meetingStart: '2022-12-19', meetingEnd: '2022-12-19', durationDays: 1, draftCirculatedOn: '2022-12-14' });
    expect(fixed.body.findings.map((f: { code: string }) => f.code)).toEqual(['too_short']);
    const list = await api.get('/api/cycles/2022/review-records?unit=TD-DU-KHUNHA');
    expect(list.body.records).toHaveLength(1);
  });

  it('refuses impossible records naming the field, changing nothing', async () => {
    const base = { subjectKind: 'collective', subjectRef: 'HU-TAMDUONG.PB01', meetingStart: '2022-12-19', meetingEnd: '2022-12-19', durationDays: 1 };
    await expectRefused(t.db, () => api.post('/api/cycles/2022/review-records', { ...base, meetingEnd: '2022-12-18' }), { status: 400, code: 'ValidationFailed', field: 'meetingEnd' });
    await expectRefused(t.db, () => api.post('/api/cycles/2022/review-records', { ...base, durationDays: 2 }), { status: 400, code: 'ValidationFailed', field: 'durationDays' });
    await expectRefused(t.db, () => api.post('/api/cycles/2022/review-records', { ...base, draftCirculatedOn: '2022-02-30' }), { status: 400, code: 'ValidationFailed', field: 'draftCirculatedOn' });
    await expectRefused(t.db, () => api.post('/api/cycles/2022/review-records', { ...base, attendingCard: '00.000000' }), { status: 404, code: 'PersonNotFound', field: 'attendingCard' });
  });

  it('accepts as attending member only a person holding a position in the superior committee (GUIDE.md §4.2)', async () => {
    // A member of the commune's own cells holds no position in the district committee.
    const outsider = await t.db
      .selectFrom('memberships as m')
      .innerJoin('persons as s', 's.id', 'm.person_id')
      .innerJoin('org_units as u', 'u.id', 'm.unit_id')
      .select(['s.card_number', 's.id'])
      .where('u.code', 'like', 'TD-DU-KHUNHA-%')
      .where('s.id', 'not in', (eb) => eb.selectFrom('positions as p').innerJoin('org_units as pu', 'pu.id', 'p.unit_id').select('p.person_id').where('pu.code', 'in', ['HU-TAMDUONG', 'TU-LAICHAU']))
      .orderBy('s.card_number')
      .executeTakeFirstOrThrow();
    const base = { subjectKind: 'collective', subjectRef: 'TD-DU-KHUNHA.DANGUY', meetingStart: '2022-12-19', meetingEnd: '2022-12-20', durationDays: 1.5 };
    const err = await expectRefused(t.db, () => api.post('/api/cycles/2022/review-records', { ...base, attendingCard: outsider.card_number }), { status: 400, code: 'ValidationFailed', field: 'attendingCard' });
    expect(err.message.vi).toContain('cấp ủy cấp trên');
    expect(err.message.vi).toContain('HU-TAMDUONG');
    expect((await api.post('/api/cycles/2022/review-records', { ...base, attendingCard: card })).status).toBe(201);
  });
});
