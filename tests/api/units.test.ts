import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/create-db.js';
import { createApp } from '../../src/server/app.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';
import { authed, type AuthedApp, signIn } from '../helpers/auth.js';

let t: TestDb;
let app: AuthedApp;

const TABLES = ['org_units', 'org_unit_versions', 'persons', 'memberships', 'collectives', 'positions'] as const;

/** Row counts of the tables this API writes, to prove a refusal changed nothing. */
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

/** Sends a request that must be refused with `status` and `code`, and checks nothing changed. */
async function expectRefused(send: () => Response | Promise<Response>, status: number, code: string) {
  const before = await countRows(t.db);
  const res = await send();
  const body = (await res.json()) as { error: { code: string; message: { vi: string; en: string }; field?: string } };
  expect(res.status).toBe(status);
  expect(body.error.code).toBe(code);
  expect(body.error.message.vi.length).toBeGreaterThan(0);
  expect(body.error.message.en.length).toBeGreaterThan(0);
  expect(await countRows(t.db)).toEqual(before);
  return body.error;
}

beforeAll(async () => {
  t = await createTestDb();
  const raw = createApp({ db: t.db, config: t.config });
  app = authed(raw, await signIn(raw, t.db, { role: 'admin', scope: 'QTHT', createScope: true }));
  const units = [
    { code: 'TINH', name: 'Đảng bộ tỉnh Thử', kind: 'province_committee', validFrom: '2015-01-01' },
    { code: 'HUYEN-A', name: 'Đảng bộ huyện A', kind: 'district_committee', parentCode: 'TINH', validFrom: '2015-01-01', validTo: '2025-07-01' },
    { code: 'HUYEN-B', name: 'Đảng bộ huyện B', kind: 'district_committee', parentCode: 'TINH', validFrom: '2015-01-01', validTo: '2025-07-01' },
    { code: 'XA-1', name: 'Đảng bộ xã Một', kind: 'grassroots_committee', orgType: 'xa', parentCode: 'HUYEN-A', validFrom: '2016-01-01', validTo: '2025-07-01' },
    { code: 'CB-1', name: 'Chi bộ thôn Một', kind: 'cell', parentCode: 'XA-1', validFrom: '2016-01-01', validTo: '2025-07-01' },
    { code: 'XA-2', name: 'Đảng bộ xã Hai', kind: 'grassroots_committee', orgType: 'thi_tran', parentCode: 'HUYEN-B', validFrom: '2018-01-01', validTo: '2025-07-01' },
  ];
  for (const u of units) expect((await post('/api/units', u)).status).toBe(201);
});

afterAll(async () => {
  await t.close();
});

describe('units API: happy paths', () => {
  it('moves a unit to another parent at a date and reads the subtrees before and after', async () => {
    const change = await post('/api/units/XA-1/changes', { from: '2020-01-01', parentCode: 'HUYEN-B' });
    expect(change.status).toBe(201);
    expect(((await change.json()) as { unit: unknown }).unit).toMatchObject({ code: 'XA-1', parentCode: 'HUYEN-B', validFrom: '2020-01-01', validTo: '2025-07-01' });

    const before = (await (await app.request('/api/units/HUYEN-A/subtree?date=2019-12-31')).json()) as { units: { code: string; depth: number; path: string[]; effectiveOrgType: string | null }[] };
    expect(before.units.map((u) => [u.code, u.depth])).toEqual([['HUYEN-A', 0], ['XA-1', 1], ['CB-1', 2]]);
    expect(before.units[2]).toMatchObject({ path: ['TINH', 'HUYEN-A', 'XA-1', 'CB-1'], effectiveOrgType: 'xa' });

    const afterA = (await (await app.request('/api/units/HUYEN-A/subtree?date=2020-01-01')).json()) as { units: { code: string }[] };
    expect(afterA.units.map((u) => u.code)).toEqual(['HUYEN-A']);
    const afterB = (await (await app.request('/api/units/HUYEN-B/subtree?date=2020-01-01')).json()) as { units: { code: string }[] };
    expect(afterB.units.map((u) => u.code)).toEqual(['HUYEN-B', 'XA-1', 'CB-1', 'XA-2']);
  });

  it('lists versions, children, and reads a unit (today by default)', async () => {
    const versions = (await (await app.request('/api/units/XA-1/versions')).json()) as { versions: { parentCode: string; validFrom: string }[] };
    expect(versions.versions.map((v) => [v.parentCode, v.validFrom])).toEqual([['HUYEN-A', '2016-01-01'], ['HUYEN-B', '2020-01-01']]);
    const children = (await (await app.request('/api/units/TINH/children?date=2019-01-01')).json()) as { units: { code: string }[] };
    expect(children.units.map((u) => u.code)).toEqual(['HUYEN-A', 'HUYEN-B']);
    const today = await app.request('/api/units/TINH');
    expect(today.status).toBe(200);
    expect(((await today.json()) as { unit: { name: string; kind: string } }).unit).toMatchObject({ name: 'Đảng bộ tỉnh Thử', kind: 'province_committee' });
  });
});

describe('units API: refusals change nothing', () => {
  it('unknown unit: 404 UnitNotFound', async () => {
    await expectRefused(() => app.request('/api/units/NOPE?date=2020-01-01'), 404, 'UnitNotFound');
    const e = await expectRefused(() => post('/api/units', { code: 'CB-9', name: 'x', kind: 'cell', parentCode: 'NOPE', validFrom: '2020-01-01' }), 404, 'UnitNotFound');
    expect(e.message.vi).toContain('NOPE');
  });

  it('a unit that did not exist on the date: 404 naming the date', async () => {
    const e = await expectRefused(() => app.request('/api/units/XA-1?date=2015-06-01'), 404, 'UnitNotFound');
    expect(e.message.vi).toContain('01/06/2015');
  });

  it('a parent that did not exist over the period: 422 ParentNotValid', async () => {
    const e = await expectRefused(
      () => post('/api/units', { code: 'CB-OLD', name: 'Chi bộ cũ', kind: 'cell', parentCode: 'XA-1', validFrom: '2010-01-01', validTo: '2017-01-01' }),
      422,
      'ParentNotValid',
    );
    expect(e.message.vi).toBe('Đơn vị cấp trên «XA-1» chưa tồn tại vào ngày 01/01/2010.');
    expect(e.field).toBe('parentCode');
    await expectRefused(() => post('/api/units', { code: 'CB-NEW', name: 'Chi bộ mới', kind: 'cell', parentCode: 'XA-1', validFrom: '2024-01-01' }), 422, 'ParentNotValid');
    await expectRefused(() => post('/api/units/CB-1/changes', { from: '2016-06-01', parentCode: 'XA-2' }), 422, 'ParentNotValid');
    await expectRefused(() => post('/api/units/HUYEN-A/changes', { from: '2018-01-01', parentCode: 'CB-1' }), 422, 'ParentNotValid');
  });

  it('duplicate code: 409 DuplicateCode; empty period: 400 PeriodInvalid', async () => {
    await expectRefused(() => post('/api/units', { code: 'TINH', name: 'x', kind: 'province_committee', validFrom: '2020-01-01' }), 409, 'DuplicateCode');
    await expectRefused(() => post('/api/units', { code: 'T2', name: 'x', kind: 'province_committee', validFrom: '2020-01-01', validTo: '2020-01-01' }), 400, 'PeriodInvalid');
  });

  it('invalid JSON: 400 BadJson', async () => {
    await expectRefused(() => post('/api/units', '{"code": "X",'), 400, 'BadJson');
  });

  it('missing or invalid field: 400 ValidationFailed naming the field', async () => {
    const missing = await expectRefused(() => post('/api/units', { code: 'X1', kind: 'cell', validFrom: '2020-01-01' }), 400, 'ValidationFailed');
    expect(missing.field).toBe('name');
    const kind = await expectRefused(() => post('/api/units', { code: 'X1', name: 'x', kind: 'village', validFrom: '2020-01-01' }), 400, 'ValidationFailed');
    expect(kind.field).toBe('kind');
  });

  it('invalid date: 400 ValidationFailed naming the field', async () => {
    const body = await expectRefused(() => post('/api/units', { code: 'X1', name: 'x', kind: 'province_committee', validFrom: '2022-02-30' }), 400, 'ValidationFailed');
    expect(body.field).toBe('validFrom');
    const query = await expectRefused(() => app.request('/api/units/TINH?date=2022-02-30'), 400, 'ValidationFailed');
    expect(query.field).toBe('date');
    const change = await expectRefused(() => post('/api/units/TINH/changes', { from: '2021-13-01', name: 'y' }), 400, 'ValidationFailed');
    expect(change.field).toBe('from');
  });
});
