/**
 * An invented district of any size as the import's sheets (issue #10: "100,000 members import in
 * seconds"), for the import test and the benchmark: a province, one district, communes (xã, phường,
 * thị trấn) with their cells, grassroots cells of other types, members in every cell, and exemptions
 * and suspensions as events. Seeded: the same size and seed give the same rows. With the rows comes
 * what the forms must then count on the reference date 31/12/2022 (members, new members, exempt,
 * suspended by organisation type; organisations by kind and type), counted here from the rows made.
 */
import type { OrgType } from '../domain/codes.js';
import { inventName } from './names.js';
import { Rng, splitTotal } from './random.js';

/** A sheet as rows of text, the header first. */
export type SheetRows = (string | null)[][];

/** The counts the forms must show at the district once every subject's eligibility is computed. */
export interface DistrictExpectation {
  /** DV rows total, not_required.exempt, not_required.new_member, not_required.suspended, pending: by leaf type, and `total`. */
  dv: Record<string, Record<string, number>>;
  /** TC rows tccsd.dang_bo.total, tccsd.chi_bo.total, truc_thuoc.chi_bo.total: by leaf type, and `total`. */
  tc: Record<string, Record<string, number>>;
}

export interface GeneratedDistrict {
  districtCode: string;
  members: number;
  units: SheetRows;
  persons: SheetRows;
  events: SheetRows;
  expected: DistrictExpectation;
}

/** Communes' types and shares; other grassroots organisations are grassroots cells of these types. */
const COMMUNE_TYPES: readonly [OrgType, number][] = [['xa', 0.8], ['phuong', 0.12], ['thi_tran', 0.08]];
const CELL_TYPES: readonly OrgType[] = ['co_quan_dang', 'co_quan_nha_nuoc', 'dvsn.cong_lap', 'quan_doi', 'cong_an', 'dn.nn.100', 'dn.ngoai.cp', 'dn.htx'];
const FROM = '2015-01-01';

function bump(table: Record<string, Record<string, number>>, row: string, col: string): void {
  const r = (table[row] ??= {});
  r[col] = (r[col] ?? 0) + 1;
  r.total = (r.total ?? 0) + 1;
}

interface Cell {
  code: string;
  type: OrgType;
}

/** The tree: province, district, communes with cells under them, grassroots cells; the cells that hold members. */
function buildUnits(rng: Rng, members: number, expected: DistrictExpectation, prefix: string): { rows: SheetRows; cells: Cell[] } {
  const rows: SheetRows = [['code', 'name', 'kind', 'orgType', 'parentCode', 'validFrom']];
  const add = (code: string, name: string, kind: string, orgType: string | null, parent: string | null) => rows.push([code, name, kind, orgType, parent, FROM]);
  add(`${prefix}-TINH`, 'Đảng bộ tỉnh Sinh Thử', 'province_committee', null, null);
  add(`${prefix}-HUYEN`, 'Đảng bộ huyện Sinh Thử', 'district_committee', null, `${prefix}-TINH`);
  const communes = Math.max(1, Math.round(members / 1000));
  const cells: Cell[] = [];
  for (let c = 1; c <= communes; c++) {
    const type = pickShare(rng, COMMUNE_TYPES);
    const code = `${prefix}-X${String(c).padStart(4, '0')}`;
    add(code, `Đảng bộ ${type === 'xa' ? 'xã' : type === 'phuong' ? 'phường' : 'thị trấn'} Số ${c}`, 'grassroots_committee', type, `${prefix}-HUYEN`);
    bump(expected.tc, 'tccsd.dang_bo.total', type);
    const n = rng.int(15, 25);
    for (let i = 1; i <= n; i++) {
      add(`${code}-CB${String(i).padStart(2, '0')}`, `Chi bộ thôn ${i} – ${c}`, 'cell', null, code);
      cells.push({ code: `${code}-CB${String(i).padStart(2, '0')}`, type });
      bump(expected.tc, 'truc_thuoc.chi_bo.total', type);
    }
  }
  for (let g = 1; g <= Math.max(1, Math.round(communes / 2)); g++) {
    const type = rng.pick(CELL_TYPES);
    const code = `${prefix}-CB${String(g).padStart(4, '0')}`;
    add(code, `Chi bộ cơ quan Số ${g}`, 'grassroots_cell', type, `${prefix}-HUYEN`);
    cells.push({ code, type });
    bump(expected.tc, 'tccsd.chi_bo.total', type);
  }
  return { rows, cells };
}

function pickShare<T>(rng: Rng, shares: readonly [T, number][]): T {
  let x = rng.next();
  for (const [v, share] of shares) if ((x -= share) < 0) return v;
  return shares[shares.length - 1]![0];
}

/** A district of `members` members (default 100,000), generated from `seed`. */
export function generateImportDistrict(options: { members?: number; seed?: number; prefix?: string } = {}): GeneratedDistrict {
  const members = options.members ?? 100_000;
  const rng = new Rng(options.seed ?? 2025);
  const expected: DistrictExpectation = { dv: {}, tc: {} };
  const prefix = options.prefix ?? 'GEN';
  const { rows: units, cells } = buildUnits(rng, members, expected, prefix);
  const sizes = splitTotal(members, cells.map(() => 0.5 + rng.next()), 1);
  const persons: SheetRows = [['cardNumber', 'fullName', 'birthDate', 'sex', 'admittedOn', 'officialOn', 'unitCode', 'validFrom']];
  const events: SheetRows = [['cardNumber', 'kind', 'level', 'startsOn', 'endsOn', 'note']];
  let n = 0;
  cells.forEach((cell, i) => {
    for (let k = 0; k < (sizes[i] ?? 0); k++) {
      const card = `${prefix}${String(++n).padStart(8, '0')}`;
      const sex = rng.next() < 0.3 ? 'nu' : 'nam';
      const fresh = rng.next() < 0.02;
      const admitted = fresh ? rng.date('2022-09-01', '2022-12-15') : rng.date('1975-01-01', '2021-12-31');
      const official = fresh ? null : addYear(admitted);
      persons.push([card, inventName(rng, sex, 0.2), rng.date('1950-01-01', '1998-12-31'), sex, admitted, official, cell.code, admitted > FROM ? admitted : FROM]);
      bump(expected.dv, 'total', cell.type);
      const roll = rng.next();
      if (fresh) bump(expected.dv, 'not_required.new_member', cell.type);
      else if (roll < 0.03) {
        events.push([card, 'exempt', null, '2021-01-01', null, 'Tuổi cao, sức yếu']);
        bump(expected.dv, 'not_required.exempt', cell.type);
      } else if (roll < 0.035) {
        events.push([card, 'suspended', null, '2022-11-01', null, null]);
        bump(expected.dv, 'not_required.suspended', cell.type);
      } else bump(expected.dv, 'pending', cell.type);
    }
  });
  return { districtCode: `${prefix}-HUYEN`, members: n, units, persons, events, expected };
}

/** One year after an ISO date (a member becomes official a year after admission). */
function addYear(date: string): string {
  const y = Number(date.slice(0, 4)) + 1;
  const md = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${y}-${md}`;
}
