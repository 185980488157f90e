/**
 * The checker on the seed report as printed (tam-duong-2022.printed.json): every error it
 * contains, each at its form, row and column (GUIDE.md §6; regulations.md §7).
 */
import { describe, expect, it } from 'vitest';
import { checkFormValues, parseFormValues, type Finding } from '../../src/domain/forms/index.js';
import { seedRaw } from './fixtures.js';

const findings = checkFormValues(parseFormValues(seedRaw()));

function at(code: Finding['code'], form: string, row: string | null, col: string | null): Finding {
  const hits = findings.filter((f) => f.code === code && f.form === form && f.row === row && f.col === col);
  expect(hits, `${code} ${form} ${row} ${col}`).toHaveLength(1);
  return hits[0] as Finding;
}

describe('seed 331-BC/HU as printed: DV (biểu 6B)', () => {
  it('DV graded.htt: xa breaks its column sum (2.052 ≠ 2.072) and the graded row (1.775 ≠ 1.795); suspect xa = 1.454', () => {
    const col = at('SUM_COLUMNS', 'DV', 'graded.htt', 'total');
    expect(col).toMatchObject({ expected: 2052, actual: 2072, severity: 'error' });
    const row = at('SUM_ROWS', 'DV', 'graded', 'xa');
    expect(row).toMatchObject({ expected: 1775, actual: 1795 });
    expect(col.suspect).toEqual({ row: 'graded.htt', col: 'xa', expected: 1454 });
    expect(row.suspect).toEqual({ row: 'graded.htt', col: 'xa', expected: 1454 });
  });
  it('2.543/2.731 printed 93,11 is truncated (93,12)', () => {
    expect(at('PCT_TRUNCATED', 'DV', 'graded', 'total')).toMatchObject({ expected: '93,12', actual: '93,11' });
  });
  it('DV 6,88 / 13,5 / 81,5 / 3,5 / 1,5 are correctly rounded', () => {
    const pct = findings.filter((f) => f.form === 'DV' && f.code.startsWith('PCT_'));
    expect(pct.map((f) => f.row)).toEqual(['graded']);
  });
  it('the cap on members is exceeded in the Công an column (13 > 20% × 55) but not on HTT+HTXS', () => {
    const f = at('CAP', 'DV', 'graded.htxs', 'cong_an');
    expect(f).toMatchObject({ severity: 'warning', base: 'HTT', expected: 11, actual: 13 });
    expect(f.message.en).toContain('base HTT+HTXS: at most 13 (20% × 68) → within');
  });
});

describe('seed as printed: TC (biểu 6A)', () => {
  it('TC tccsd.dang_bo.total: co_quan_dang/co_quan_nha_nuoc shifted → SUM_COLUMNS (16 vs 18)', () => {
    expect(at('SUM_COLUMNS', 'TC', 'tccsd.dang_bo.total', 'total')).toMatchObject({ expected: 18, actual: 16 });
    expect(at('SUM_COLUMNS', 'TC', 'tccsd.dang_bo.graded', 'total')).toMatchObject({ expected: 18, actual: 16 });
  });
  it('TC tccsd.dang_bo.graded: co_quan_dang and co_quan_nha_nuoc graded 1 but no grade → SUM_ROWS', () => {
    expect(at('SUM_ROWS', 'TC', 'tccsd.dang_bo.graded', 'co_quan_dang')).toMatchObject({ expected: 0, actual: 1 });
    expect(at('SUM_ROWS', 'TC', 'tccsd.dang_bo.graded', 'co_quan_nha_nuoc')).toMatchObject({ expected: 0, actual: 1 });
  });
  it('TC chi bộ cơ sở: row totals disagree with their breakdown (35 vs 38, HTXS 6 vs 10, HT 4 vs 3)', () => {
    expect(at('SUM_COLUMNS', 'TC', 'tccsd.chi_bo.total', 'total')).toMatchObject({ expected: 38, actual: 35 });
    expect(at('SUM_COLUMNS', 'TC', 'tccsd.chi_bo.graded', 'total')).toMatchObject({ expected: 38, actual: 35 });
    expect(at('SUM_COLUMNS', 'TC', 'tccsd.chi_bo.graded.htxs', 'total')).toMatchObject({ expected: 10, actual: 6 });
    expect(at('SUM_COLUMNS', 'TC', 'tccsd.chi_bo.graded.ht', 'total')).toMatchObject({ expected: 3, actual: 4 });
  });
  it('sub-columns repeating their parent (dvsn.cong_lap = dvsn.ngoai_cong_lap = dvsn) → SUM_SUBCOLUMNS on every such row', () => {
    const rows = findings.filter((f) => f.code === 'SUM_SUBCOLUMNS').map((f) => `${f.row}/${f.col}`);
    expect(rows).toEqual([
      'tccsd.dang_bo.total/dvsn',
      'tccsd.dang_bo.graded/dvsn',
      'tccsd.dang_bo.graded.htt/dvsn',
      'tccsd.chi_bo.total/dvsn',
      'tccsd.chi_bo.graded/dvsn',
      'tccsd.chi_bo.graded.htt/dvsn',
      'tccsd.chi_bo.graded.ht/dvsn',
      'truc_thuoc.chi_bo.total/dvsn',
      'truc_thuoc.chi_bo.graded/dvsn',
      'truc_thuoc.chi_bo.graded.htxs/dvsn',
      'truc_thuoc.chi_bo.graded.htt/dvsn',
    ]);
    expect(at('SUM_SUBCOLUMNS', 'TC', 'truc_thuoc.chi_bo.total', 'dvsn')).toMatchObject({ expected: 18, actual: 9 });
  });
  it('17,64 truncated (9/51 = 17,647 → 17,65)', () => {
    expect(at('PCT_TRUNCATED', 'TC', 'tccsd.graded.htxs', 'total')).toMatchObject({ expected: '17,65', actual: '17,64' });
  });
  it('72,54 truncated (37/51 → 72,55)', () => {
    expect(at('PCT_TRUNCATED', 'TC', 'tccsd.graded.htt', 'total')).toMatchObject({ expected: '72,55', actual: '72,54' });
  });
  it('0,96 truncated (2/207 = 0,966 → 0,97); 99 for 205/207 is fine', () => {
    expect(at('PCT_TRUNCATED', 'TC', 'truc_thuoc.chi_bo.not_graded', 'total')).toMatchObject({ expected: '0,97' });
    expect(findings.some((f) => f.code.startsWith('PCT_T') && f.row === 'truc_thuoc.chi_bo.graded')).toBe(false);
  });
  it('73,6 truncated (151/205 = 73,66 → 73,7)', () => {
    expect(at('PCT_TRUNCATED', 'TC', 'truc_thuoc.chi_bo.graded.htt', 'total')).toMatchObject({ expected: '73,7' });
  });
  it('0,48 truncated (1/205 = 0,4878 → 0,49)', () => {
    expect(at('PCT_TRUNCATED', 'TC', 'truc_thuoc.chi_bo.graded.kht', 'total')).toMatchObject({ expected: '0,49' });
  });
  it('9,8 and 15,1 mixed precision (and 73,6, 10,7 beside 0,48; 99 beside 0,96)', () => {
    expect(at('PCT_PRECISION', 'TC', 'tccsd.graded.ht', 'total')).toMatchObject({ expected: 2, actual: 1 });
    expect(at('PCT_PRECISION', 'TC', 'truc_thuoc.chi_bo.graded.htxs', 'total')).toMatchObject({ expected: 2, actual: 1 });
    at('PCT_PRECISION', 'TC', 'truc_thuoc.chi_bo.graded.htt', 'total');
    at('PCT_PRECISION', 'TC', 'truc_thuoc.chi_bo.graded.ht', 'total');
    expect(at('PCT_PRECISION', 'TC', 'truc_thuoc.chi_bo.graded', 'total')).toMatchObject({ expected: 2, actual: 0 });
    // "100" for 51/51 is exact and commits to no precision
    expect(findings.some((f) => f.code === 'PCT_PRECISION' && f.row === 'tccsd.graded')).toBe(false);
  });
  it('đồng chí for cells → NOUN, on each of the four chi bộ grades', () => {
    for (const g of ['htxs', 'htt', 'ht', 'kht']) {
      expect(at('NOUN', 'TC', `truc_thuoc.chi_bo.graded.${g}`, 'total')).toMatchObject({ actual: 'đồng chí' });
    }
    expect(findings.filter((f) => f.code === 'NOUN')).toHaveLength(4);
  });
  it('the cap 9/37 and 31/151 is over on base HTT, within on HTT+HTXS', () => {
    const tccsd = at('CAP', 'TC', 'tccsd.graded.htxs', 'total');
    expect(tccsd).toMatchObject({ severity: 'warning', base: 'HTT', expected: 7, actual: 9 });
    expect(tccsd.message.en).toContain('base HTT: at most 7 (20% × 37) → over');
    expect(tccsd.message.en).toContain('base HTT+HTXS: at most 9 (20% × 46) → within');
    const chibo = at('CAP', 'TC', 'truc_thuoc.chi_bo.graded.htxs', 'total');
    expect(chibo).toMatchObject({ expected: 30, actual: 31 });
    expect(chibo.message.vi).toContain('cơ sở HTT+HTXS: tối đa 36 (20% × 182) → trong giới hạn');
  });
});

describe('seed as printed: KD, TT, CN and the annexes', () => {
  it('KD individual 2,543 vs the text\'s 2,768 → CLAIM_VALUE', () => {
    expect(at('CLAIM_VALUE', 'KD', 'required', 'individual')).toMatchObject({ expected: 2543, actual: 2768, claim: 1 });
    expect(findings.filter((f) => f.code === 'CLAIM_VALUE')).toHaveLength(1);
  });
  it('TT meta date 2023-01-01 → ANNEX_META (error)', () => {
    expect(at('ANNEX_META', 'TT', null, 'meta.reportDatePrinted')).toMatchObject({
      severity: 'error',
      expected: '2023-01-10',
      actual: '2023-01-01',
    });
  });
  it('annexes headed 6CH and GDH while the text cites 6D and 6E → ANNEX_META (warning)', () => {
    expect(at('ANNEX_META', 'TT', null, 'meta.codePrinted')).toMatchObject({ severity: 'warning', expected: '6D', actual: '6CH' });
    expect(at('ANNEX_META', 'CN', null, 'meta.codePrinted')).toMatchObject({ severity: 'warning', expected: '6E', actual: 'GDH' });
  });
  it('CN huyen section leaves its total blank while its rows total 64 → SUM_ROWS, worded as blank', () => {
    // FORMS.md §3: the section row `huyen` is stated (graded 64, htxs 9, htt 55), so its identity is
    // checked; its `total` cell is absent (the annex printed nothing there): "để trống", not "ghi 0".
    const f = at('SUM_ROWS', 'CN', 'huyen', 'total');
    expect(f).toMatchObject({ expected: 64, actual: null });
    expect(f.message.vi).toBe('forms.CN.rows.huyen.total: để trống nhưng tổng các dòng thành phần là 64 (huyen.bi_thu 0 + huyen.pho_bi_thu 0 + huyen.uv_btv 7 + huyen.pct_uv_bch 1 + huyen.truong_phong_uv_bch 12 + huyen.truong_phong_khac 13 + huyen.pho_phong 31).');
    expect(f.message.en).toMatch(/^forms\.CN\.rows\.huyen\.total: is blank but the sum of its rows is 64 /);
  });
  it('TT district collectives 5/24 over the literal cap; per kind: district đoàn thể 1/3, commune UBND 3/10', () => {
    expect(at('CAP', 'TT', 'huyen.graded.htxs', 'total')).toMatchObject({ expected: 4, actual: 5 });
    expect(at('CAP', 'TT', 'huyen.graded.htxs', 'doan_the')).toMatchObject({ expected: 0, actual: 1 });
    expect(at('CAP', 'TT', 'co_so.graded.htxs', 'ubnd')).toMatchObject({ expected: 2, actual: 3 });
  });
  it('cross-form relations hold in the seed (409 ≥ 256 + 149; 2.543 ≥ 2.543; 51 ≥ 29)', () => {
    expect(findings.filter((f) => f.code === 'CROSS_FORM')).toEqual([]);
  });
});

describe('seed as printed: the whole list', () => {
  it('reports exactly these findings, errors first', () => {
    const list = findings.map((f) => `${f.severity} ${f.code} ${f.form} ${f.row ?? '-'} ${f.col ?? '-'}`);
    expect(list.filter((l) => l.startsWith('error'))).toHaveLength(34);
    expect(list.filter((l) => l.startsWith('warning'))).toHaveLength(13);
    expect(findings.findIndex((f) => f.severity === 'warning')).toBe(34);
  });
});
