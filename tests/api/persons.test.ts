import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/create-db.js';
import { createUnit } from '../../src/db/queries/units.js';
import { createApp } from '../../src/server/app.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';
import { authed, type AuthedApp, signIn } from '../helpers/auth.js';

let t: TestDb;
let app: AuthedApp;

const TABLES = ['org_units', 'org_unit_versions', 'persons', 'memberships', 'person_events'] as const;

async function countRows(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

function send(method: string, path: string, body: unknown) {
  return app.request(path, { method, headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}
const post = (path: string, body: unknown) => send('POST', path, body);

type ErrorBody = { error: { code: string; message: { vi: string; en: string }; field?: string } };

async function expectRefused(request: () => Response | Promise<Response>, status: number, code: string): Promise<ErrorBody['error']> {
  const before = await countRows(t.db);
  const res = await request();
  const body = (await res.json()) as ErrorBody;
  expect([res.status, body.error.code]).toEqual([status, code]);
  expect(body.error.message.vi).not.toBe('');
  expect(body.error.message.en).not.toBe('');
  expect(await countRows(t.db)).toEqual(before);
  return body.error;
}

async function getJson<T>(path: string): Promise<T> {
  const res = await app.request(path);
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

const person = (cardNumber: string, fullName: string) => ({ cardNumber, fullName, sex: 'nam', admittedOn: '2010-05-19', officialOn: '2011-05-19' });

beforeAll(async () => {
  t = await createTestDb();
  const raw = createApp({ db: t.db, config: t.config });
  await createUnit(t.db, { code: 'HUYEN', name: 'Đảng bộ huyện', kind: 'district_committee', validFrom: '2015-01-01' });
  await createUnit(t.db, { code: 'XA', name: 'Đảng bộ xã', kind: 'grassroots_committee', orgType: 'xa', parentCode: 'HUYEN', validFrom: '2015-01-01' });
  app = authed(raw, await signIn(raw, t.db, { role: 'admin', scope: 'HUYEN' }));
  await createUnit(t.db, { code: 'CB-1', name: 'Chi bộ thôn 1', kind: 'cell', parentCode: 'XA', validFrom: '2015-01-01' });
  await createUnit(t.db, { code: 'CB-2', name: 'Chi bộ thôn 2', kind: 'cell', parentCode: 'XA', validFrom: '2018-01-01' });
  await createUnit(t.db, { code: 'CB-CQ', name: 'Chi bộ cơ quan', kind: 'grassroots_cell', orgType: 'co_quan_dang', parentCode: 'HUYEN', validFrom: '2015-01-01' });
  // An NFD-encoded name, as some keyboards send it.
  for (const p of [person('01.001', 'Nguyễn Văn An'.normalize('NFD')), person('01.002', 'Nguyễn Văn Bình'), person('01.003', 'Đào Thị Cúc')]) {
    expect((await post('/api/persons', p)).status).toBe(201);
  }
});

afterAll(async () => {
  await t.close();
});

describe('persons API', () => {
  it('finds names without accents or case', async () => {
    const found = await getJson<{ persons: { fullName: string }[] }>(`/api/persons?q=${encodeURIComponent('nguyen van')}`);
    expect(found.persons.map((p) => p.fullName)).toEqual(['Nguyễn Văn An', 'Nguyễn Văn Bình']);
    expect(found.persons[0]?.fullName).toBe('Nguyễn Văn An'.normalize('NFC'));
    const dao = await getJson<{ persons: { cardNumber: string }[] }>(`/api/persons?q=${encodeURIComponent('ĐÀO cuc')}`);
    expect(dao.persons.map((p) => p.cardNumber)).toEqual(['01.003']);
    const none = await getJson<{ persons: unknown[] }>('/api/persons?q=50%25');
    expect(none.persons).toEqual([]);
  });

  it('reads and updates a person; the search follows the new name', async () => {
    const res = await send('PATCH', '/api/persons/01.002', { fullName: 'Nguyễn Văn Bính', isCivilServant: true });
    expect(res.status).toBe(200);
    const got = await getJson<{ person: { fullName: string; isCivilServant: boolean } }>('/api/persons/01.002');
    expect(got.person).toMatchObject({ fullName: 'Nguyễn Văn Bính', isCivilServant: true });
    const found = await getJson<{ persons: { cardNumber: string }[] }>('/api/persons?q=binh');
    expect(found.persons.map((p) => p.cardNumber)).toEqual(['01.002']);
  });

  it('places members in cells, transfers one, and lists members of a cell and of a subtree', async () => {
    expect((await post('/api/persons/01.001/memberships', { unitCode: 'CB-1', validFrom: '2015-01-01' })).status).toBe(201);
    expect((await post('/api/persons/01.002/memberships', { unitCode: 'CB-2', validFrom: '2018-01-01' })).status).toBe(201);
    expect((await post('/api/persons/01.003/memberships', { unitCode: 'CB-CQ', validFrom: '2016-01-01' })).status).toBe(201);
    const moved = await post('/api/persons/01.001/transfer', { toUnitCode: 'CB-2', on: '2022-01-01' });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ closed: { unitCode: 'CB-1', validTo: '2022-01-01' }, opened: { unitCode: 'CB-2', validFrom: '2022-01-01', validTo: null } });

    type Members = { members: { person: { cardNumber: string }; membership: { unitCode: string } }[] };
    const cards = (m: Members) => m.members.map((x) => x.person.cardNumber);
    expect(cards(await getJson<Members>('/api/units/CB-1/members?date=2021-12-31'))).toEqual(['01.001']);
    expect(cards(await getJson<Members>('/api/units/CB-1/members?date=2022-01-01'))).toEqual([]);
    expect(cards(await getJson<Members>('/api/units/CB-2/members?date=2022-01-01'))).toEqual(['01.001', '01.002']);
    expect(cards(await getJson<Members>('/api/units/XA/members?date=2022-01-01'))).toEqual([]);
    const subtree = await getJson<Members>('/api/units/HUYEN/members?date=2022-01-01&subtree=1');
    expect(subtree.members.map((x) => [x.person.cardNumber, x.membership.unitCode])).toEqual([
      ['01.003', 'CB-CQ'],
      ['01.001', 'CB-2'],
      ['01.002', 'CB-2'],
    ]);
    const history = await getJson<{ memberships: { unitCode: string }[] }>('/api/persons/01.001');
    expect(history.memberships.map((m) => m.unitCode)).toEqual(['CB-1', 'CB-2']);
  });

  it('records events: a discipline names its level and carries its flags; a sick leave is its dates, with no month count', async () => {
    const discipline = { kind: 'disciplined', level: 'khien_trach', startsOn: '2022-03-01', dutyRelated: true, selfDetectedRemedied: false, documentNumber: '12-QĐ/UBKT', documentDate: '2022-02-28' };
    expect((await post('/api/persons/01.003/events', discipline)).status).toBe(201);
    expect((await post('/api/persons/01.003/events', { kind: 'sick_leave', startsOn: '2022-05-01', endsOn: '2022-09-01' })).status).toBe(201);
    const events = await getJson<{ events: Record<string, unknown>[] }>('/api/persons/01.003/events');
    expect(events.events).toMatchObject([
      { kind: 'disciplined', level: 'khien_trach', dutyRelated: true, selfDetectedRemedied: false, violationYear: null, documentNumber: '12-QĐ/UBKT', documentDate: '2022-02-28' },
      { kind: 'sick_leave', level: null, dutyRelated: null },
    ]);
    expect(events.events[0]).not.toHaveProperty('months');
    expect((await expectRefused(() => post('/api/persons/01.003/events', { kind: 'disciplined', startsOn: '2022-03-01' }), 400, 'ValidationFailed')).field).toBe('level');
    expect((await expectRefused(() => post('/api/persons/01.003/events', { kind: 'sick_leave', startsOn: '2022-03-01', months: 4 }), 400, 'ValidationFailed')).field).toBe('months');
    expect((await expectRefused(() => post('/api/persons/01.003/events', { kind: 'sick_leave', startsOn: '2022-03-01', dutyRelated: true }), 400, 'ValidationFailed')).field).toBe('dutyRelated');
    expect((await expectRefused(() => post('/api/persons/01.003/events', { ...discipline, violationYear: 2022 }), 400, 'ValidationFailed')).field).toBe('violationYear');
    await expectRefused(() => post('/api/persons/01.003/events', { kind: 'exempt', startsOn: '2022-03-01', endsOn: '2022-01-01' }), 400, 'PeriodInvalid');
  });
});

describe('persons API: refusals change nothing', () => {
  it('a member put in two cells over the same period: 409 MembershipOverlap naming the other cell', async () => {
    const e = await expectRefused(() => post('/api/persons/01.003/memberships', { unitCode: 'CB-1', validFrom: '2020-01-01', validTo: '2021-01-01' }), 409, 'MembershipOverlap');
    expect(e.message.vi).toContain('CB-CQ');
    expect(e.message.vi).toContain('01/01/2016');
    await expectRefused(() => post('/api/persons/01.001/transfer', { toUnitCode: 'CB-CQ', on: '2019-01-01', validTo: '2023-01-01' }), 409, 'MembershipOverlap');
    // The failed transfer closed nothing either.
    const history = await getJson<{ memberships: { unitCode: string; validTo: string | null }[] }>('/api/persons/01.001');
    expect(history.memberships.map((m) => [m.unitCode, m.validTo])).toEqual([['CB-1', '2022-01-01'], ['CB-2', null]]);
  });

  it('a unit that is not a cell, or not there yet, or unknown', async () => {
    await expectRefused(() => post('/api/persons/01.002/memberships', { unitCode: 'XA', validFrom: '2016-01-01', validTo: '2017-01-01' }), 422, 'NotACell');
    const e = await expectRefused(() => post('/api/persons/01.002/memberships', { unitCode: 'CB-2', validFrom: '2016-01-01', validTo: '2017-01-01' }), 422, 'UnitNotValidOnDate');
    expect(e.message.vi).toContain('01/01/2016');
    await expectRefused(() => post('/api/persons/01.002/memberships', { unitCode: 'CB-9', validFrom: '2016-01-01' }), 404, 'UnitNotFound');
    await expectRefused(() => app.request('/api/units/CB-9/members?date=2020-01-01'), 404, 'UnitNotFound');
  });

  it('a duplicate party card number: 409 DuplicateCardNumber naming it', async () => {
    const e = await expectRefused(() => post('/api/persons', person('01.001', 'Lò Văn Khác')), 409, 'DuplicateCardNumber');
    expect(e.message.vi).toContain('01.001');
    expect(e.field).toBe('cardNumber');
  });

  it('unknown person: 404 PersonNotFound', async () => {
    await expectRefused(() => app.request('/api/persons/99.999'), 404, 'PersonNotFound');
    await expectRefused(() => post('/api/persons/99.999/memberships', { unitCode: 'CB-1', validFrom: '2020-01-01' }), 404, 'PersonNotFound');
  });

  it('invalid JSON, missing field, invalid date: 400 naming the field', async () => {
    await expectRefused(() => post('/api/persons', '{"cardNumber":'), 400, 'BadJson');
    const { cardNumber: _omit, ...noCard } = person('x', 'Lò Văn Mới');
    expect((await expectRefused(() => post('/api/persons', noCard), 400, 'ValidationFailed')).field).toBe('cardNumber');
    expect((await expectRefused(() => post('/api/persons', { ...person('01.009', 'Lò Văn Mới'), admittedOn: '2022-02-30' }), 400, 'ValidationFailed')).field).toBe('admittedOn');
    expect((await expectRefused(() => post('/api/persons/01.001/memberships', { unitCode: 'CB-1', validFrom: '2023-02-29' }), 400, 'ValidationFailed')).field).toBe('validFrom');
    expect((await expectRefused(() => app.request('/api/units/CB-1/members?date=2022-02-30'), 400, 'ValidationFailed')).field).toBe('date');
    expect((await expectRefused(() => app.request('/api/persons'), 400, 'ValidationFailed')).field).toBe('q');
  });
});
