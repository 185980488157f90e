/** One focused test per finding code (FORMS.md §4), each on a clean document with one defect. */
import { describe, expect, it } from 'vitest';
import { checkFormValues, parseFormValues, type Finding, type FormValuesDoc } from '../../src/domain/forms/index.js';
import { changed, cleanRaw } from './fixtures.js';

const check = (raw: Record<string, any>, options = {}) => checkFormValues(parseFormValues(raw), options);
const codes = (fs: Finding[]) => fs.map((f) => `${f.code} ${f.form} ${f.row} ${f.col}`);

describe('a clean, consistent document', () => {
  it('produces no finding at all', () => {
    expect(check(cleanRaw())).toEqual([]);
  });
});

describe('sums (FORMS.md §3 statedness)', () => {
  it('SUM_COLUMNS: a row total ≠ Σ top-level type columns', () => {
    const f = check(changed((d) => (d.forms.DV.rows['graded.ht'].xa = 11)));
    expect(codes(f)).toContain('SUM_COLUMNS DV graded.ht total');
  });
  it('SUM_SUBCOLUMNS: a parent ≠ Σ its children, and a "trong đó" larger than its parent', () => {
    expect(codes(check(changed((d) => (d.forms.DV.rows.total['dvsn.ngoai_cong_lap'] = 5))))).toContain('SUM_SUBCOLUMNS DV total dvsn');
    const subset = check(
      changed((d) => {
        d.forms.DV.rows.pending = { total: 0, dn: 0, 'dn.ngoai': 0, 'dn.ngoai.fdi': 1, 'dn.ngoai.fdi.trong_do_100': 2 };
      }),
    );
    expect(codes(subset)).toContain('SUM_SUBCOLUMNS DV pending dn.ngoai.fdi.trong_do_100');
  });
  it('a parent column whose sub-columns are all absent is not checked against them', () => {
    expect(check(changed((d) => delete d.forms.DV.rows.total['dvsn.cong_lap']))).toEqual([]);
  });
  it('SUM_ROWS: graded ≠ Σ grades, total ≠ graded + not graded, section ≠ Σ its rows', () => {
    expect(codes(check(changed((d) => (d.forms.TT.rows['huyen.graded.htt'] = { total: 8, phong_ban: 8 }))))).toEqual(
      expect.arrayContaining(['SUM_ROWS TT huyen.graded total', 'SUM_ROWS TT huyen.graded phong_ban']),
    );
    expect(codes(check(changed((d) => (d.forms.TC.rows['truc_thuoc.chi_bo.total'].total = 51))))).toContain(
      'SUM_ROWS TC truc_thuoc.chi_bo.total total',
    );
    expect(codes(check(changed((d) => (d.forms.CN.rows.co_so.htt = 10))))).toContain('SUM_ROWS CN co_so htt');
  });
  it('a row that gives only total is checked on total alone', () => {
    // graded.ht of chi bộ trực thuộc gives only total: the xa column of graded is not checked against it
    expect(check(changed((d) => (d.forms.TC.rows['truc_thuoc.chi_bo.graded.ht'] = { total: 5 })))).toEqual([]);
    expect(codes(check(changed((d) => (d.forms.TC.rows['truc_thuoc.chi_bo.graded.ht'] = { total: 4 }))))).toContain(
      'SUM_ROWS TC truc_thuoc.chi_bo.graded total',
    );
  });
  it('nothing is checked where the whole or every part is absent', () => {
    expect(check(changed((d) => delete d.forms.TT.rows['huyen.graded']))).toEqual([]);
    const noParts = changed((d) => {
      for (const g of ['htxs', 'htt']) delete d.forms.TT.rows[`huyen.graded.${g}`];
    });
    expect(check(noParts).filter((f) => f.code !== 'CAP')).toEqual([]);
  });
  it('a derived row (tccsd.X) is checked against its parts only where the document states it', () => {
    expect(codes(check(changed((d) => (d.forms.TC.rows['tccsd.total'] = { total: 21 }))))).toContain('SUM_ROWS TC tccsd.total total');
    expect(check(changed((d) => (d.forms.TC.rows['tccsd.total'] = { total: 20 })))).toEqual([]);
  });
  it('SUM_REASONS: KHT reasons ≠ KHT', () => {
    const f = check(changed((d) => (d.forms.DV.rows['kht.other'] = { total: 1, xa: 1 })));
    expect(f.filter((x) => x.code === 'SUM_REASONS').map((x) => [x.row, x.col, x.expected, x.actual])).toEqual([
      ['graded.kht', 'total', 6, 5],
      ['graded.kht', 'xa', 6, 5],
    ]);
  });
  it('names the one cell that explains both a row and a column sum', () => {
    const f = check(changed((d) => (d.forms.DV.rows['graded.htt'].xa = 250)));
    expect(f.map((x) => x.suspect)).toEqual([
      { row: 'graded.htt', col: 'xa', expected: 260 },
      { row: 'graded.htt', col: 'xa', expected: 260 },
    ]);
  });
});

describe('claims', () => {
  it('CLAIM_VALUE: the text number ≠ the table (also for a list of rows and a derived row)', () => {
    const f = check(
      changed((d) => {
        d.claims[0].value = 501;
        d.claims[9].value = 481;
        d.claims[2].value = 4;
      }),
    );
    expect(f.filter((x) => x.code === 'CLAIM_VALUE').map((x) => [x.row, x.expected, x.actual])).toEqual([
      ['required', 500, 501],
      ['tccsd.graded.htxs', 3, 4],
      ['graded.htxs+graded.htt', 482, 481],
    ]);
  });
  it('PCT_TRUNCATED: the truncation, not the half-up rounding', () => {
    // 70/600 = 11,666… → 11,67; printing 11,66 is the truncation
    const f = check(changed((d) => Object.assign(d.claims[7], { base: 'total', percent: '11,66' })));
    expect(f.map((x) => [x.code, x.row, x.expected, x.actual])).toEqual([['PCT_TRUNCATED', 'graded.htxs', '11,67', '11,66']]);
  });
  it('PCT_WRONG: matches no rounding, and a percentage of an empty base', () => {
    expect(check(changed((d) => (d.claims[8].percent = '82,5'))).map((x) => [x.code, x.expected])).toEqual([
      ['PCT_WRONG', '82,4'],
      ['PCT_PRECISION', 2],
    ]);
    const empty = check(changed((d) => d.claims.push({ form: 'TC', row: 'tccsd.graded.kht', col: 'total', value: 0, base: 'tccsd.graded.kht', percent: '0' })));
    expect(empty.map((x) => x.code)).toEqual(['PCT_WRONG']);
  });
  it('PCT_PRECISION: mixed decimals in one group; an exact "100" commits to none', () => {
    const f = check(changed((d) => (d.claims[4].percent = '5,0')));
    expect(f.map((x) => [x.code, x.row, x.expected, x.actual])).toEqual([['PCT_PRECISION', 'tccsd.graded.ht', 2, 1]]);
  });
  it('NOUN: "đồng chí" for organisations or collectives, "chi bộ" for members', () => {
    expect(codes(check(changed((d) => (d.claims[5].noun = 'đồng chí'))))).toEqual(['NOUN TC truc_thuoc.chi_bo.graded total']);
    expect(codes(check(changed((d) => (d.claims[10].noun = 'Đồng chí'))))).toEqual(['NOUN TT co_so.graded.htxs total']);
    expect(codes(check(changed((d) => (d.claims[7].noun = 'chi bộ'))))).toEqual(['NOUN DV graded.htxs total']);
    expect(check(changed((d) => (d.claims[11].noun = 'cá nhân')))).toEqual([]);
  });
});

describe('cross-form, annexes, cap, values', () => {
  it('CROSS_FORM: individuals reviewed (KD) ≥ members graded (DV)', () => {
    const f = check(changed((d) => (d.forms.KD.rows.reviewed.individual = 499)));
    expect(f.filter((x) => x.code === 'CROSS_FORM').map((x) => [x.row, x.col, x.expected, x.actual])).toEqual([
      ['reviewed', 'individual', '≥ 500', 499],
    ]);
  });
  it('CROSS_FORM: under HD 21 members admitted < 6 months are reviewed too; not under HD 25', () => {
    const raw = changed((d) => {
      d.forms.DV.rows['not_required.new_member'] = { total: 5, xa: 5 };
    });
    expect(codes(check(raw))).toContain('CROSS_FORM KD reviewed individual');
    const hd25 = changed((d) => {
      d.cycle = { year: 2023, ruleSet: 'QD124-HD25' };
      d.forms.TC.rows['tccsd.dang_bo.total'] = { total: 10, xa: 9, dvsn: 1, 'dvsn.cong_lap': 1 };
    }, raw);
    expect(codes(check(hd25)).filter((c) => c.startsWith('CROSS'))).toEqual([]);
  });
  it('CROSS_FORM: collectives reviewed (KD) ≥ organisations graded (TC) + collectives graded (TT)', () => {
    const f = check(changed((d) => (d.forms.KD.rows.reviewed.collective = 97)));
    expect(f.filter((x) => x.code === 'CROSS_FORM').map((x) => [x.row, x.col, x.expected])).toEqual([['reviewed', 'collective', '≥ 98']]);
  });
  it('CROSS_FORM: grassroots committees (TT) ≤ grassroots organisations (TC)', () => {
    const f = check(
      changed((d) => {
        for (const r of ['required', 'reviewed']) d.forms.KD.rows[r].collective = 120;
        for (const r of ['co_so.total', 'co_so.graded']) Object.assign(d.forms.TT.rows[r], { total: 31, cap_uy: 21 });
        Object.assign(d.forms.TT.rows['co_so.graded.htt'], { total: 28, cap_uy: 20 });
      }),
    );
    expect(codes(f).filter((c) => c.startsWith('CROSS'))).toEqual(['CROSS_FORM TC tccsd.total total']);
  });
  it('ANNEX_META: date or number differing from the report (error), unexpected code (warning)', () => {
    const f = check(
      changed((d) => {
        d.forms.DV.meta.reportDatePrinted = '2023-01-01';
        d.forms.TC.meta.reportNumberPrinted = '13-BC/HU';
        d.forms.KD.meta.reportNumberPrinted = '12 -BC/HU';
        d.forms.CN.meta.codePrinted = 'GDH';
      }),
    );
    expect(f.map((x) => [x.code, x.severity, x.form, x.col])).toEqual([
      ['ANNEX_META', 'error', 'TC', 'meta.reportNumberPrinted'],
      ['ANNEX_META', 'error', 'DV', 'meta.reportDatePrinted'],
      ['ANNEX_META', 'warning', 'CN', 'meta.codePrinted'],
    ]);
    expect(checkFormValues(parseFormValues(changed((d) => (d.forms.CN.meta.codePrinted = 'GDH'))), { annexCodes: { CN: 'GDH' } })).toEqual([]);
  });
  it('CAP: a warning naming its base; within on HTT+HTXS is said so; the base is a parameter', () => {
    const raw = changed((d) => {
      d.forms.TT.rows['huyen.graded.htxs'] = { total: 2, phong_ban: 2 };
      d.forms.TT.rows['huyen.graded.htt'] = { total: 8, phong_ban: 8 };
    });
    const f = check(raw);
    expect(f.map((x) => [x.code, x.severity, x.row, x.col, x.base, x.expected, x.actual])).toEqual([
      ['CAP', 'warning', 'huyen.graded.htxs', 'total', 'HTT', 1, 2],
      ['CAP', 'warning', 'huyen.graded.htxs', 'phong_ban', 'HTT', 1, 2],
    ]);
    expect(f[0]?.message.en).toContain('base HTT+HTXS: at most 2 (20% × 10) → within');
    expect(check(raw, { cap: { base: 'HTT+HTXS' } })).toEqual([]);
    expect(check(raw, { cap: { percent: 25 } })).toEqual([]);
  });
  it('CAP on leaders reads the grade columns of a CN section', () => {
    const f = check(changed((d) => Object.assign(d.forms.CN.rows.co_so, { htxs: 2, htt: 8 }) && Object.assign(d.forms.CN.rows['co_so.uv_bch'], { htxs: 2, htt: 4 })));
    expect(f.map((x) => [x.code, x.form, x.row, x.col, x.expected, x.actual])).toEqual([['CAP', 'CN', 'co_so', 'htxs', 1, 2]]);
  });
  it('VALUE: negative or fractional counts in a document built in code', () => {
    const doc = parseFormValues(cleanRaw());
    const bad: FormValuesDoc = {
      ...doc,
      forms: { ...doc.forms, DV: { rows: { ...doc.forms.DV?.rows, pending: { total: -1, xa: 0.5 } } } },
    };
    expect(checkFormValues(bad).map((x) => [x.code, x.row, x.col, x.actual])).toEqual([
      ['VALUE', 'pending', 'total', -1],
      ['VALUE', 'pending', 'xa', 0.5],
    ]);
  });
});
