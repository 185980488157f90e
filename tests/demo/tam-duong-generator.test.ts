/**
 * The demo generator itself, and loading it next to data that is already there: reproducible output,
 * names that agree with sex, HD 21's 20% cap held wherever the seed's numbers allow, and an existing
 * province unit and 2022 cycle reused rather than duplicated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countMemberGradesByDecidingUnit } from '../../src/db/queries/demo-counts.js';
import { loadDemoDistrict } from '../../src/demo/load.js';
import { givenNamesOf } from '../../src/demo/names.js';
import { generateTamDuong } from '../../src/demo/tam-duong.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';

describe('generateTamDuong', () => {
  const data = generateTamDuong();

  it('is deterministic: the same seed gives the same data set, another seed another one', () => {
    expect(generateTamDuong()).toEqual(data);
    expect(generateTamDuong({ seed: 7 }).persons.map((p) => p.cardNumber)).not.toEqual(data.persons.map((p) => p.cardNumber));
  });

  it('invents people whose given name agrees with their sex, aged 18+ at admission', () => {
    const male = givenNamesOf('nam');
    const female = givenNamesOf('nu');
    for (const p of data.persons) {
      const given = p.fullName.split(' ').at(-1) ?? '';
      expect(p.sex === 'nam' ? male.has(given) : female.has(given)).toBe(true);
      expect(Number(p.admittedOn.slice(0, 4)) - Number((p.birthDate ?? '').slice(0, 4))).toBeGreaterThanOrEqual(18);
      if (p.officialOn) expect(p.officialOn > p.admittedOn).toBe(true);
    }
  });

  it('records where it could not follow the 20% cap', () => {
    expect(data.notes.some((n) => n.startsWith('Đảng bộ Công an huyện'))).toBe(true);
  });
});

describe('loading next to existing data', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    const at = '2023-01-01T00:00:00.000Z';
    await t.db.insertInto('org_units').values({ id: 'p1', code: 'TU-LAICHAU', created_at: at }).execute();
    await t.db
      .insertInto('org_unit_versions')
      .values({ id: 'pv1', unit_id: 'p1', parent_id: null, name: 'Đảng bộ tỉnh Lai Châu', kind: 'province_committee', org_type: null, valid_from: '2004-01-01', valid_to: null })
      .execute();
    await t.db
      .insertInto('cycles')
      .values({ id: 'c1', year: 2022, period: 'nam', rule_set: 'QD132-HD21', reference_date: '2022-12-31', title: 'Năm 2022', created_at: at })
      .execute();
    await loadDemoDistrict(t.db);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('hangs the district under the existing province and grades in the existing cycle', async () => {
    const provinces = await t.db.selectFrom('org_units').select('id').where('code', '=', 'TU-LAICHAU').execute();
    expect(provinces).toEqual([{ id: 'p1' }]);
    const cycles = await t.db.selectFrom('cycles').select('id').execute();
    expect(cycles).toEqual([{ id: 'c1' }]);
    const parent = await t.db
      .selectFrom('org_unit_versions as v')
      .innerJoin('org_units as u', 'u.id', 'v.unit_id')
      .select('v.parent_id')
      .where('u.code', '=', 'HU-TAMDUONG')
      .executeTakeFirstOrThrow();
    expect(parent.parent_id).toBe('p1');
  });

  it('keeps HTXS ≤ 20% of HTT in every grassroots organisation but the one the seed forces over', async () => {
    const rows = await countMemberGradesByDecidingUnit(t.db, 'c1');
    const units = [...new Set(rows.map((r) => r.key.unit))];
    expect(units).toHaveLength(51);
    const count = (unit: string, grade: string) => rows.find((r) => r.key.unit === unit && r.key.decided === grade)?.n ?? 0;
    const over = units.filter((u) => 5 * count(u, 'HTXS') > count(u, 'HTT'));
    expect(over).toEqual(['TD-DU-CONGAN']);
  });
});
