import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/create-db.js';
import { createPerson } from '../../src/db/queries/persons.js';
import { createUnit } from '../../src/db/queries/units.js';
import { createApp } from '../../src/server/app.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';
import { authed, type AuthedApp, signIn } from '../helpers/auth.js';

let t: TestDb;
let app: AuthedApp;

const TABLES = ['org_units', 'persons', 'collectives', 'positions'] as const;

async function countRows(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

function post(path: string, body: unknown) {
  return app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

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

const ubnd = { code: 'TT-UBND-XA', unitCode: 'XA', name: 'Tập thể lãnh đạo UBND xã', kind: 'ubnd', level: 'co_so', validFrom: '2016-01-01' };
const bithu = { cardNumber: '02.001', unitCode: 'XA', positionGroup: 'co_so.bi_thu', title: 'Bí thư Đảng ủy xã', decidingUnitCode: 'HUYEN', validFrom: '2020-10-01' };

beforeAll(async () => {
  t = await createTestDb();
  const raw = createApp({ db: t.db, config: t.config });
  await createUnit(t.db, { code: 'HUYEN', name: 'Đảng bộ huyện', kind: 'district_committee', validFrom: '2015-01-01' });
  await createUnit(t.db, { code: 'XA', name: 'Đảng bộ xã', kind: 'grassroots_committee', orgType: 'xa', parentCode: 'HUYEN', validFrom: '2016-01-01' });
  app = authed(raw, await signIn(raw, t.db, { role: 'admin', scope: 'HUYEN' }));
  await createPerson(t.db, { cardNumber: '02.001', fullName: 'Hoàng Văn Tú', sex: 'nam', admittedOn: '2005-01-01' });
  await createPerson(t.db, { cardNumber: '02.002', fullName: 'Lò Thị Mai', sex: 'nu', admittedOn: '2008-01-01' });
});

afterAll(async () => {
  await t.close();
});

describe('collectives API', () => {
  it('creates, reads and lists collectives of a unit and of a subtree', async () => {
    expect((await post('/api/collectives', ubnd)).status).toBe(201);
    expect((await post('/api/collectives', { ...ubnd, code: 'TT-BTV-HUYEN', unitCode: 'HUYEN', name: 'Ban Thường vụ Huyện ủy', kind: 'cap_uy', level: 'huyen', validFrom: '2015-01-01' })).status).toBe(201);
    const got = await getJson<{ collective: unknown }>('/api/collectives/TT-UBND-XA');
    expect(got.collective).toMatchObject({ code: 'TT-UBND-XA', unitCode: 'XA', kind: 'ubnd', level: 'co_so', validTo: null });
    type List = { collectives: { code: string }[] };
    expect((await getJson<List>('/api/units/HUYEN/collectives?date=2020-01-01')).collectives.map((c) => c.code)).toEqual(['TT-BTV-HUYEN']);
    expect((await getJson<List>('/api/units/HUYEN/collectives?date=2020-01-01&subtree=1')).collectives.map((c) => c.code)).toEqual(['TT-BTV-HUYEN', 'TT-UBND-XA']);
    expect((await getJson<List>('/api/units/HUYEN/collectives?date=2015-06-01&subtree=1')).collectives.map((c) => c.code)).toEqual(['TT-BTV-HUYEN']);
  });

  it('refuses an unknown unit, a unit not there over the period, a duplicate code, a bad kind; changes nothing', async () => {
    await expectRefused(() => post('/api/collectives', { ...ubnd, code: 'TT-X', unitCode: 'NOPE' }), 404, 'UnitNotFound');
    const e = await expectRefused(() => post('/api/collectives', { ...ubnd, code: 'TT-X', validFrom: '2015-01-01' }), 422, 'UnitNotValidOnDate');
    expect(e.message.vi).toContain('01/01/2015');
    await expectRefused(() => post('/api/collectives', ubnd), 409, 'DuplicateCode');
    expect((await expectRefused(() => post('/api/collectives', { ...ubnd, code: 'TT-X', kind: 'club' }), 400, 'ValidationFailed')).field).toBe('kind');
    expect((await expectRefused(() => post('/api/collectives', { ...ubnd, code: 'TT-X', validTo: '2022-02-30' }), 400, 'ValidationFailed')).field).toBe('validTo');
    await expectRefused(() => post('/api/collectives', '{'), 400, 'BadJson');
    await expectRefused(() => app.request('/api/collectives/NOPE'), 404, 'CollectiveNotFound');
  });
});

describe('positions API', () => {
  it('creates positions and lists them for a unit and a subtree', async () => {
    const res = await post('/api/positions', bithu);
    expect(res.status).toBe(201);
    expect(((await res.json()) as { position: unknown }).position).toMatchObject({ cardNumber: '02.001', fullName: 'Hoàng Văn Tú', decidingUnitCode: 'HUYEN' });
    expect((await post('/api/positions', { ...bithu, cardNumber: '02.002', positionGroup: 'co_so.pho_bi_thu', title: 'Phó Bí thư', decidingUnitCode: undefined })).status).toBe(201);
    type List = { positions: { cardNumber: string; positionGroup: string }[] };
    const atXa = await getJson<List>('/api/units/XA/positions?date=2021-01-01');
    expect(atXa.positions.map((p) => [p.cardNumber, p.positionGroup])).toEqual([['02.001', 'co_so.bi_thu'], ['02.002', 'co_so.pho_bi_thu']]);
    expect((await getJson<List>('/api/units/HUYEN/positions?date=2021-01-01')).positions).toEqual([]);
    expect((await getJson<List>('/api/units/HUYEN/positions?date=2021-01-01&subtree=1')).positions).toHaveLength(2);
    expect((await getJson<List>('/api/units/XA/positions?date=2020-09-30')).positions).toEqual([]);
  });

  it('refuses an unknown person or unit, a bad group, a bad date; changes nothing', async () => {
    await expectRefused(() => post('/api/positions', { ...bithu, cardNumber: '99.999' }), 404, 'PersonNotFound');
    await expectRefused(() => post('/api/positions', { ...bithu, unitCode: 'NOPE' }), 404, 'UnitNotFound');
    await expectRefused(() => post('/api/positions', { ...bithu, validFrom: '2015-06-01' }), 422, 'UnitNotValidOnDate');
    expect((await expectRefused(() => post('/api/positions', { ...bithu, positionGroup: 'chu_tich' }), 400, 'ValidationFailed')).field).toBe('positionGroup');
    expect((await expectRefused(() => post('/api/positions', { ...bithu, title: undefined }), 400, 'ValidationFailed')).field).toBe('title');
    expect((await expectRefused(() => app.request('/api/units/XA/positions?date=2021-02-29'), 400, 'ValidationFailed')).field).toBe('date');
  });
});
