import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeUnit, createUnit, getSubtreeAt, getUnitAt, listChildrenAt, listUnitVersions } from '../../src/db/queries/units.js';
import { firstUncoveredDate, isIsoDate, periodsOverlap } from '../../src/domain/model/units.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';
import { inTransaction } from '../../src/db/queries/common.js';

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  const { db } = t;
  await createUnit(db, { code: 'TINH', name: 'Đảng bộ tỉnh', kind: 'province_committee', validFrom: '2015-01-01' });
  await createUnit(db, { code: 'HUYEN-A', name: 'Huyện A', kind: 'district_committee', parentCode: 'TINH', validFrom: '2015-01-01', validTo: '2025-07-01' });
  await createUnit(db, { code: 'HUYEN-B', name: 'Huyện B', kind: 'district_committee', parentCode: 'TINH', validFrom: '2015-01-01', validTo: '2025-07-01' });
  await createUnit(db, { code: 'XA-1', name: 'Đảng bộ xã 1', kind: 'grassroots_committee', orgType: 'xa', parentCode: 'HUYEN-A', validFrom: '2015-01-01', validTo: '2025-07-01' });
  await createUnit(db, { code: 'CB-1', name: 'Chi bộ thôn 1', kind: 'cell', parentCode: 'XA-1', validFrom: '2016-01-01', validTo: '2025-07-01' });
});

afterAll(async () => {
  await t.close();
});

describe('pure period helpers', () => {
  it('accepts only real dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2022-02-30')).toBe(false);
    expect(isIsoDate('2022-2-01')).toBe(false);
  });
  it('finds the first uncovered day of a period', () => {
    const cover = [
      { validFrom: '2020-01-01', validTo: '2021-01-01' },
      { validFrom: '2021-01-01', validTo: null },
    ];
    expect(firstUncoveredDate({ validFrom: '2020-06-01', validTo: null }, cover)).toBeNull();
    expect(firstUncoveredDate({ validFrom: '2019-06-01', validTo: null }, cover)).toBe('2019-06-01');
    expect(firstUncoveredDate({ validFrom: '2020-06-01', validTo: '2022-01-01' }, [cover[0]!])).toBe('2021-01-01');
  });
  it('treats periods as half-open', () => {
    expect(periodsOverlap({ validFrom: '2020-01-01', validTo: '2021-01-01' }, { validFrom: '2021-01-01', validTo: null })).toBe(false);
    expect(periodsOverlap({ validFrom: '2020-01-01', validTo: null }, { validFrom: '2019-01-01', validTo: '2020-01-02' })).toBe(true);
  });
});

describe('unit queries', () => {
  it('reads a unit on a date with its path and inherited organisation type', async () => {
    const cell = await getUnitAt(t.db, 'CB-1', '2020-05-01');
    expect(cell).toMatchObject({ code: 'CB-1', parentCode: 'XA-1', kind: 'cell', orgType: null, effectiveOrgType: 'xa' });
    expect(cell.path).toEqual(['TINH', 'HUYEN-A', 'XA-1', 'CB-1']);
    await expect(getUnitAt(t.db, 'CB-1', '2015-06-01')).rejects.toMatchObject({ code: 'UnitNotFound' });
  });

  it('rejects a parent that does not cover the whole period, naming the first missing day', async () => {
    const err = await createUnit(t.db, { code: 'CB-X', name: 'x', kind: 'cell', parentCode: 'XA-1', validFrom: '2024-01-01' }).catch((e) => e);
    expect(err).toMatchObject({ code: 'ParentNotValid', field: 'parentCode' });
    expect(err.messages.vi).toContain('01/07/2025');
    expect(await listUnitVersions(t.db, 'XA-1')).toHaveLength(1);
  });

  it('moves a unit to a new parent at a date and keeps history', async () => {
    await changeUnit(t.db, 'XA-1', { from: '2020-01-01', parentCode: 'HUYEN-B', name: 'Đảng bộ xã Một' });
    const versions = await listUnitVersions(t.db, 'XA-1');
    expect(versions.map((v) => [v.parentCode, v.validFrom, v.validTo])).toEqual([
      ['HUYEN-A', '2015-01-01', '2020-01-01'],
      ['HUYEN-B', '2020-01-01', '2025-07-01'],
    ]);
    const before = await getSubtreeAt(t.db, 'HUYEN-A', '2019-12-31');
    expect(before.map((u) => [u.code, u.depth])).toEqual([['HUYEN-A', 0], ['XA-1', 1], ['CB-1', 2]]);
    const after = await getSubtreeAt(t.db, 'HUYEN-A', '2020-01-01');
    expect(after.map((u) => u.code)).toEqual(['HUYEN-A']);
    const b = await getSubtreeAt(t.db, 'HUYEN-B', '2020-01-01');
    expect(b.map((u) => u.path.join('/'))).toEqual(['TINH/HUYEN-B', 'TINH/HUYEN-B/XA-1', 'TINH/HUYEN-B/XA-1/CB-1']);
    expect(b[2]).toMatchObject({ effectiveOrgType: 'xa', depth: 2 });
    expect((await listChildrenAt(t.db, 'TINH', '2020-01-01')).map((u) => u.code)).toEqual(['HUYEN-A', 'HUYEN-B']);
  });

  it('refuses a parent that lies under the unit (a cycle)', async () => {
    await expect(changeUnit(t.db, 'HUYEN-B', { from: '2021-01-01', parentCode: 'CB-1' })).rejects.toMatchObject({ code: 'ParentNotValid' });
    expect(await listUnitVersions(t.db, 'HUYEN-B')).toHaveLength(1);
  });

  it('rolls back every write of a failed transaction', async () => {
    const failing = inTransaction(t.db, async (trx) => {
      await createUnit(trx, { code: 'TMP', name: 'tạm', kind: 'district_committee', parentCode: 'TINH', validFrom: '2020-01-01' });
      await createUnit(trx, { code: 'TMP', name: 'tạm', kind: 'district_committee', parentCode: 'TINH', validFrom: '2020-01-01' });
    });
    await expect(failing).rejects.toMatchObject({ code: 'DuplicateCode' });
    await expect(listUnitVersions(t.db, 'TMP')).rejects.toMatchObject({ code: 'UnitNotFound' });
  });
});
