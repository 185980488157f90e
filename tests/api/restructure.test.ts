/**
 * Restructuring through the API (issue #10 item 4): merges and splits from a day on keep history
 * (members, collectives, positions and child units follow, each member's cell change recorded);
 * impossible trees and changes reaching back to an accepted report are refused, changing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCollective } from '../../src/db/queries/collectives.js';
import { createCycle } from '../../src/db/queries/cycles.js';
import { addMembership, createPerson } from '../../src/db/queries/persons.js';
import { createPosition } from '../../src/db/queries/positions.js';
import { createUnit } from '../../src/db/queries/units.js';
import { newId, nowIso } from '../../src/db/ids.js';
import { createApp } from '../../src/server/app.js';
import { authed, type AuthedApp, signIn } from '../helpers/auth.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';
import { dumpTables } from '../helpers/dump.js';

let t: TestDb;
let app: AuthedApp;
type Json = Record<string, any>;

async function send(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const res = await app.request(path, { method, ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}) });
  return { status: res.status, body: (await res.json()) as Json };
}

/** Refused with `status`/`code`, a message in both languages, and every table exactly as before. */
async function refused(method: string, path: string, body: unknown, status: number, code: string): Promise<Json> {
  const before = await dumpTables(t.db);
  const res = await send(method, path, body);
  expect([res.status, res.body.error?.code], JSON.stringify(res.body)).toEqual([status, code]);
  expect(res.body.error.message.vi).not.toBe('');
  expect(res.body.error.message.en).not.toBe('');
  expect(await dumpTables(t.db)).toEqual(before);
  return res.body.error;
}

const codesOf = (list: Json[]) => list.map((u) => u.code ?? u.cardNumber);

beforeAll(async () => {
  t = await createTestDb();
  const raw = createApp({ db: t.db, config: t.config });
  const units: [string, string, string | null, string | null][] = [
    ['TINH', 'province_committee', null, null],
    ['HUYEN', 'district_committee', 'TINH', null],
    ['XA-A', 'grassroots_committee', 'HUYEN', 'xa'],
    ['XA-B', 'grassroots_committee', 'HUYEN', 'xa'],
    ['XA-C', 'grassroots_committee', 'HUYEN', 'xa'],
    ['CB-A1', 'cell', 'XA-A', null],
    ['CB-A2', 'cell', 'XA-A', null],
    ['CB-B1', 'cell', 'XA-B', null],
    ['CB-C1', 'cell', 'XA-C', null],
    ['CB-C2', 'cell', 'XA-C', null],
    ['CB-C3', 'cell', 'XA-C', null],
  ];
  for (const [code, kind, parentCode, orgType] of units) {
    await createUnit(t.db, { code, name: `Đơn vị ${code}`, kind: kind as never, parentCode, orgType: orgType as never, validFrom: '2015-01-01' });
  }
  const people: [string, string][] = [['A1.1', 'CB-A1'], ['A1.2', 'CB-A1'], ['A2.1', 'CB-A2'], ['B1.1', 'CB-B1'], ['C1.1', 'CB-C1'], ['C2.1', 'CB-C2'], ['C3.1', 'CB-C3']];
  for (const [card, cell] of people) {
    await createPerson(t.db, { cardNumber: card, fullName: `Đảng viên ${card}`, sex: 'nam', admittedOn: '2010-01-01', officialOn: '2011-01-01' });
    await addMembership(t.db, { cardNumber: card, unitCode: cell, validFrom: '2015-01-01' });
  }
  await createCollective(t.db, { code: 'UBND-A', unitCode: 'XA-A', name: 'Tập thể lãnh đạo UBND xã A', kind: 'ubnd', level: 'co_so', validFrom: '2015-01-01' });
  await createCollective(t.db, { code: 'UBND-B', unitCode: 'XA-B', name: 'Tập thể lãnh đạo UBND xã B', kind: 'ubnd', level: 'co_so', validFrom: '2015-01-01' });
  await createPosition(t.db, { cardNumber: 'A1.1', unitCode: 'XA-A', positionGroup: 'co_so.bi_thu', title: 'Bí thư Đảng ủy xã A', validFrom: '2015-01-01' });
  await createPosition(t.db, { cardNumber: 'B1.1', unitCode: 'XA-B', positionGroup: 'co_so.bi_thu', title: 'Bí thư Đảng ủy xã B', validFrom: '2015-01-01' });
  app = authed(raw, await signIn(raw, t.db, { role: 'admin', scope: 'TINH' }));
});

afterAll(() => t.close());

describe(`restructuring through the API, on ${testEngine}`, () => {
  it('merges two communes into a new one: cells, collectives and positions follow, history kept', async () => {
    // The commune A's secretary sits on UBND-A (a seat entered through the API, with its decision).
    const seat = await send('POST', '/api/collectives/UBND-A/members', { cardNumber: 'A1.1', unitCode: 'XA-A', validFrom: '2021-07-01', documentNumber: '12-QĐ/ĐU', documentDate: '2021-06-25' });
    expect(seat.status, JSON.stringify(seat.body)).toBe(201);
    const res = await send('POST', '/api/units/merge', {
      on: '2025-07-01',
      sources: ['XA-A', 'XA-B'],
      newUnit: { code: 'XA-AB', name: 'Đảng bộ xã AB', kind: 'grassroots_committee', orgType: 'xa', parentCode: 'TINH' },
      note: 'Nghị quyết sáp nhập (giả định)',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const r = res.body.restructuring;
    expect(r).toMatchObject({ kind: 'merge', on: '2025-07-01', unitCode: 'XA-AB', ended: ['XA-A', 'XA-B'] });
    expect(r.parts[0]).toMatchObject({ unitCode: 'XA-AB', created: true, children: ['CB-A1', 'CB-A2', 'CB-B1'], members: 0, positions: 2 });
    expect(r.parts[0].collectives).toEqual([{ from: 'UBND-A', to: 'UBND-A.20250701' }, { from: 'UBND-B', to: 'UBND-B.20250701' }]);

    // Before the day: the old tree; from the day: the new one. The old communes end, with history.
    expect(codesOf((await send('GET', '/api/units/XA-A/subtree?date=2025-06-30')).body.units)).toEqual(['XA-A', 'CB-A1', 'CB-A2']);
    expect(codesOf((await send('GET', '/api/units/XA-AB/subtree?date=2025-07-01')).body.units)).toEqual(['XA-AB', 'CB-A1', 'CB-A2', 'CB-B1']);
    expect((await send('GET', '/api/units/XA-A?date=2025-07-01')).status).toBe(404);
    expect((await send('GET', '/api/units/XA-A/versions')).body.versions.map((v: Json) => v.validTo)).toEqual(['2025-07-01']);
    expect((await send('GET', '/api/units/CB-B1/versions')).body.versions.map((v: Json) => [v.parentCode, v.validFrom, v.validTo])).toEqual([
      ['XA-B', '2015-01-01', '2025-07-01'],
      ['XA-AB', '2025-07-01', null],
    ]);
    expect(codesOf((await send('GET', '/api/units/XA-AB/collectives?date=2025-07-01')).body.collectives)).toEqual(['UBND-A.20250701', 'UBND-B.20250701']);
    expect(codesOf((await send('GET', '/api/units/XA-A/collectives?date=2025-06-30')).body.collectives)).toEqual(['UBND-A']);
    const holders = (await send('GET', '/api/units/XA-AB/positions?date=2025-07-01')).body.positions.map((p: Json) => p.cardNumber).sort();
    expect(holders).toEqual(['A1.1', 'B1.1']);
    // The seat follows its collective and position: ended on the day on UBND-A, continued on UBND-A.20250701 by the successor position, same decision.
    const before = (await send('GET', '/api/collectives/UBND-A/members')).body.members;
    expect(before.map((m: Json) => [m.cardNumber, m.validFrom, m.validTo])).toEqual([['A1.1', '2021-07-01', '2025-07-01']]);
    const after = (await send('GET', '/api/collectives/UBND-A.20250701/members?date=2025-07-01')).body.members;
    expect(after.map((m: Json) => [m.cardNumber, m.unitCode, m.validFrom, m.validTo, m.documentNumber])).toEqual([['A1.1', 'XA-AB', '2025-07-01', null, '12-QĐ/ĐU']]);
    expect(after[0].positionId).not.toBe(before[0].positionId);
    const log = (await send('GET', '/api/units/XA-B/restructurings')).body.restructurings;
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ kind: 'merge', on: '2025-07-01', targetCode: 'XA-AB', note: 'Nghị quyết sáp nhập (giả định)' });
  });

  it('a merge that ends the collectives ends their seats on the day (collective_members keep their history)', async () => {
    for (const code of ['XA-E', 'XA-F']) await createUnit(t.db, { code, name: `Đảng bộ xã ${code}`, kind: 'grassroots_committee', orgType: 'xa', parentCode: 'HUYEN', validFrom: '2015-01-01' });
    await createCollective(t.db, { code: 'MTTQ-E', unitCode: 'XA-E', name: 'Ban Thường trực MTTQ xã E', kind: 'mttq', level: 'co_so', validFrom: '2015-01-01' });
    await createPosition(t.db, { cardNumber: 'C1.1', unitCode: 'XA-E', positionGroup: 'co_so.pho_bi_thu', title: 'Phó Bí thư Đảng ủy xã E', validFrom: '2015-01-01' });
    expect((await send('POST', '/api/collectives/MTTQ-E/members', { cardNumber: 'C1.1', unitCode: 'XA-E', validFrom: '2020-01-01' })).status).toBe(201);
    const res = await send('POST', '/api/units/merge', { on: '2025-08-01', sources: ['XA-E'], into: 'XA-F', collectives: 'end' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.restructuring.parts[0].collectives).toEqual([{ from: 'MTTQ-E', to: null }]);
    const seats = (await send('GET', '/api/collectives/MTTQ-E/members')).body.members;
    expect(seats.map((m: Json) => [m.cardNumber, m.validFrom, m.validTo])).toEqual([['C1.1', '2020-01-01', '2025-08-01']]);
  });

  it('merges two cells: the members follow, each cell change recorded as history', async () => {
    const res = await send('POST', '/api/units/merge', { on: '2025-09-01', sources: ['CB-A2'], into: 'CB-A1' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.restructuring.parts[0]).toMatchObject({ unitCode: 'CB-A1', created: false, members: 1 });
    expect(codesOf((await send('GET', '/api/units/CB-A1/members?date=2025-09-01')).body.members.map((m: Json) => m.person))).toEqual(['A1.1', 'A1.2', 'A2.1']);
    expect(codesOf((await send('GET', '/api/units/CB-A2/members?date=2025-08-31')).body.members.map((m: Json) => m.person))).toEqual(['A2.1']);
    const memberships = (await send('GET', '/api/persons/A2.1')).body.memberships.map((m: Json) => [m.unitCode, m.validFrom, m.validTo]);
    expect(memberships).toEqual([
      ['CB-A2', '2015-01-01', '2025-09-01'],
      ['CB-A1', '2025-09-01', null],
    ]);
  });

  it('splits a commune in two: each part takes the cells and members it names, the rest part the others', async () => {
    const res = await send('POST', '/api/units/XA-C/split', {
      on: '2025-07-01',
      parts: [
        { newUnit: { code: 'XA-C1', name: 'Đảng bộ xã C Một', kind: 'grassroots_committee', orgType: 'xa' }, children: ['CB-C1'] },
        { newUnit: { code: 'XA-C2', name: 'Đảng bộ xã C Hai', kind: 'grassroots_committee', orgType: 'xa' }, rest: true },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.restructuring.parts.map((p: Json) => [p.unitCode, p.children])).toEqual([
      ['XA-C1', ['CB-C1']],
      ['XA-C2', ['CB-C2', 'CB-C3']],
    ]);
    expect((await send('GET', '/api/units/XA-C2?date=2025-07-01')).body.unit.parentCode).toBe('HUYEN');
    expect(codesOf((await send('GET', '/api/units/XA-C/subtree?date=2025-06-30')).body.units)).toEqual(['XA-C', 'CB-C1', 'CB-C2', 'CB-C3']);
  });

  it('refuses a split that leaves something behind, naming it, and changes nothing', async () => {
    await createUnit(t.db, { code: 'XA-D', name: 'Đảng bộ xã D', kind: 'grassroots_committee', orgType: 'xa', parentCode: 'HUYEN', validFrom: '2015-01-01' });
    await createUnit(t.db, { code: 'CB-D1', name: 'Chi bộ D1', kind: 'cell', parentCode: 'XA-D', validFrom: '2015-01-01' });
    await createUnit(t.db, { code: 'CB-D2', name: 'Chi bộ D2', kind: 'cell', parentCode: 'XA-D', validFrom: '2015-01-01' });
    const body = { on: '2025-07-01', parts: [{ into: 'XA-C1', children: ['CB-D1'] }] };
    const e = await refused('POST', '/api/units/XA-D/split', body, 422, 'RestructureInvalid');
    expect(e.message.vi).toContain('CB-D2');
    const e2 = await refused('POST', '/api/units/XA-D/split', { on: '2025-07-01', parts: [{ into: 'XA-C1', children: ['CB-C3'] }], keepSource: true }, 422, 'RestructureInvalid');
    expect(e2.message.vi).toContain('«CB-C3» không thuộc «XA-D»');
  });

  it('refuses a cell under a cell, and members merged into a committee', async () => {
    const e = await refused('POST', '/api/units/CB-D1/changes', { from: '2020-01-01', parentCode: 'CB-D2' }, 422, 'KindNotAllowed');
    expect(e.message.vi).toContain('Chi bộ trực thuộc «CB-D1» không thể trực thuộc Chi bộ trực thuộc (cell) «CB-D2»');
    await refused('POST', '/api/units', { code: 'CB-X', name: 'x', kind: 'cell', parentCode: 'CB-D2', validFrom: '2020-01-01' }, 422, 'KindNotAllowed');
    await createPerson(t.db, { cardNumber: 'D1.1', fullName: 'Đảng viên D1.1', sex: 'nu', admittedOn: '2012-01-01' });
    await addMembership(t.db, { cardNumber: 'D1.1', unitCode: 'CB-D1', validFrom: '2015-01-01' });
    const e2 = await refused('POST', '/api/units/merge', { on: '2025-07-01', sources: ['CB-D1'], into: 'XA-D' }, 422, 'RestructureInvalid');
    expect(e2.message.vi).toBe('«CB-D1» có 1 đảng viên nhưng «XA-D» không phải chi bộ, không trực tiếp quản lý đảng viên.');
  });

  it('refuses a loop that future-dated changes would make on a later day, naming that day', async () => {
    // HUYEN-2 under XA-D from 2030 is a kind error on its own; the loop it makes with a later move is caught as a loop.
    await createUnit(t.db, { code: 'HUYEN-2', name: 'Đảng bộ huyện Hai', kind: 'district_committee', parentCode: 'TINH', validFrom: '2015-01-01' });
    expect((await send('POST', '/api/units/XA-D/changes', { from: '2030-01-01', parentCode: 'HUYEN-2' })).status).toBe(201);
    const e = await refused('POST', '/api/units/HUYEN-2/changes', { from: '2028-01-01', parentCode: 'XA-D' }, 422, 'ParentNotValid');
    expect(e.message.vi).toContain('Từ ngày 01/01/2030');
    expect(e.message.vi).toContain('nằm dưới chính nó');
  });

  it('refuses a change reaching back to a day an accepted report describes', async () => {
    const cycle = await createCycle(t.db, { year: 2022, referenceDate: '2022-12-31' });
    const huyen = await t.db.selectFrom('org_units').select('id').where('code', '=', 'HUYEN').executeTakeFirstOrThrow();
    await t.db
      .insertInto('submissions')
      .values({ id: newId(), cycle_id: cycle.id, unit_id: huyen.id, status: 'accepted', submitted_at: nowIso(), decided_at: nowIso(), received_at: null, comment: null, exceptions: '[]', version: 1, updated_at: nowIso() })
      .execute();
    const e = await refused('POST', '/api/units/CB-D1/changes', { from: '2022-06-01', name: 'Chi bộ D1 mới' }, 409, 'TreeLocked');
    expect(e.message.vi).toContain('báo cáo năm 2022 của «HUYEN»');
    await refused('POST', '/api/units/merge', { on: '2022-06-01', sources: ['CB-D1'], into: 'CB-D2' }, 409, 'TreeLocked');
    await refused('POST', '/api/units', { code: 'CB-D9', name: 'Chi bộ D9', kind: 'cell', parentCode: 'XA-D', validFrom: '2022-01-01' }, 409, 'TreeLocked');
    expect((await send('POST', '/api/units/CB-D1/changes', { from: '2023-01-01', name: 'Chi bộ D1 mới' })).status).toBe(201);
  });
});
