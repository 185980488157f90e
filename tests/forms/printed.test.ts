/**
 * The checker on reports as they are printed (FORMS.md "Reports as they are printed", issue 14): one
 * transcribed document of each kind (tests/forms/printed/*.json), each with its complete list of
 * findings, and the same document corrected, with none.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import { checkFormValues, parseFormValues, type Finding } from '../../src/domain/forms/index.js';
import { changed } from './fixtures.js';

type Raw = Record<string, any>;

/** A transcribed document of tests/forms/printed/. */
const printed = (name: string): Raw => JSON.parse(readFileSync(join(import.meta.dirname, 'printed', `${name}.json`), 'utf8')) as Raw;
const check = (raw: Raw) => checkFormValues(parseFormValues(raw));
/** A finding as [severity, code, form, row, col, expected, actual]. */
const brief = (f: Finding) => [f.severity, f.code, f.form, f.row, f.col, f.expected, f.actual];

describe('"hoàn thành tốt nhiệm vụ trở lên" (htt_up rows of TC, DV, TT and the CN column)', () => {
  it('checks each identity where both parts are stated, an implied part for being negative, and claims on implied parts', () => {
    expect(check(printed('htt-up')).map(brief)).toEqual([
      ['error', 'SUM_ROWS', 'TC', 'tccsd.chi_bo.graded.htt_up', 'total', 31, 30],
      ['error', 'SUM_ROWS', 'TT', 'co_so.graded.htt_up', 'total', '≥ 118', 114],
      ['error', 'SUM_SUBCOLUMNS', 'CN', 'co_so', 'htt_up', 156, 157],
      ['error', 'CLAIM_VALUE', 'TC', 'tccsd.dang_bo.graded.htt', 'total', 13, 12],
      ['error', 'PCT_TRUNCATED', 'DV', 'graded.htt_up', 'total', '95,01', '95,00'],
    ]);
  });

  it('finds nothing once corrected: graded = htt_up + HT + KHT where HTXS or HTT is not printed', () => {
    const fixed = changed((d) => {
      d.forms.TC.rows['tccsd.chi_bo.graded.htt_up'].total = 31;
      d.forms.TT.rows['co_so.graded.htxs'].total = 18;
      d.forms.CN.rows.co_so.htt_up = 156;
      d.claims[0].value = 46;
      d.claims[0].percent = '90,20';
      d.claims[1].value = 13;
      d.claims[3].percent = '95,01';
    }, printed('htt-up'));
    expect(check(fixed)).toEqual([]);
  });

  it('says why an implied part is wrong, in Vietnamese and English', () => {
    const f = check(printed('htt-up')).find((x) => x.form === 'TT') as Finding;
    expect(f.message.vi).toBe('forms.TT.rows.co_so.graded.htt_up.total: ghi 114 nhưng tổng các dòng thành phần đã nêu là 118 (co_so.graded.htxs 118), lớn hơn số tổng (phần chưa nêu không thể âm).');
    expect(f.message.en).toContain('more than the whole');
  });

  it('checks htt_up column by column, and the HTXS cap on an implied HTT', () => {
    const raw = changed((d) => {
      d.forms.DV.rows['graded.htt_up'] = { total: 482, xa: 305, thi_tran: 30, co_quan_dang: 50, co_quan_nha_nuoc: 47, dvsn: 50, 'dvsn.cong_lap': 50 };
    });
    expect(check(raw)).toEqual([]);
    const broken = changed((d) => {
      d.forms.DV.rows['graded.htt_up'] = { total: 482, xa: 300, thi_tran: 30, co_quan_dang: 50, co_quan_nha_nuoc: 47, dvsn: 55, 'dvsn.cong_lap': 50 };
    });
    expect(check(broken).map(brief)).toEqual([
      ['error', 'SUM_SUBCOLUMNS', 'DV', 'graded.htt_up', 'dvsn', 50, 55],
      ['error', 'SUM_ROWS', 'DV', 'graded.htt_up', 'xa', 305, 300],
      ['error', 'SUM_ROWS', 'DV', 'graded.htt_up', 'dvsn', 50, 55],
    ]);
    // Only HTXS and HTT trở lên printed: HTT is implied (10 − 3 = 7) and the cap reads it (3 > 20% × 7).
    const cap = changed((d) => {
      d.forms.TT.rows['huyen.graded.htxs'] = { total: 3, phong_ban: 3 };
      d.forms.TT.rows['huyen.graded.htt_up'] = { total: 10, phong_ban: 10 };
      delete d.forms.TT.rows['huyen.graded.htt'];
    });
    expect(check(cap).map(brief)).toEqual([
      ['warning', 'CAP', 'TT', 'huyen.graded.htxs', 'total', 1, 3],
      ['warning', 'CAP', 'TT', 'huyen.graded.htxs', 'phong_ban', 1, 3],
    ]);
  });
});

describe('identities across rows read the parts "HTT trở lên" implies', () => {
  it('a derived row against a section whose HTXS is implied, a CN section against its positions', () => {
    const raw = {
      format: 'form-values/1',
      cycle: { year: 2022 },
      forms: {
        TC: {
          rows: {
            'tccsd.graded.htxs': { total: 9 },
            'tccsd.dang_bo.graded.htt_up': { total: 15 },
            'tccsd.dang_bo.graded.htt': { total: 13 },
            'tccsd.chi_bo.graded.htxs': { total: 7 },
            'tccsd.chi_bo.graded.htt': { total: 40 },
          },
        },
        CN: {
          rows: {
            co_so: { total: 8, graded: 8, htt_up: 8, htxs: 1 },
            'co_so.bi_thu': { total: 5, graded: 5, htxs: 1, htt: 4 },
            'co_so.uv_bch': { total: 3, graded: 3, htt: 3 },
          },
        },
      },
    };
    expect(check(raw)).toEqual([]);
    // HTXS of đảng bộ is 15 − 13 = 2: 2 + 7 = 9, not 10. The section's HTT is 8 − 1 = 7 (not blank)
    // against 4 + 2; its HT is blank against 1; its htt_up 8 against 5 + 2.
    const broken = changed((d) => {
      d.forms.TC.rows['tccsd.graded.htxs'].total = 10;
      d.forms.CN.rows['co_so.uv_bch'] = { total: 3, graded: 3, htt: 2, ht: 1 };
    }, raw);
    expect(check(broken).map(brief)).toEqual([
      ['error', 'SUM_ROWS', 'TC', 'tccsd.graded.htxs', 'total', 9, 10],
      ['error', 'SUM_ROWS', 'CN', 'co_so', 'htt', 6, 7],
      ['error', 'SUM_ROWS', 'CN', 'co_so', 'ht', 1, null],
      ['error', 'SUM_ROWS', 'CN', 'co_so', 'htt_up', 7, 8],
    ]);
  });
});

describe('derived rows (tccsd.X, truc_thuoc.X) stated directly', () => {
  it('checks them as sections, and against the đảng bộ / chi bộ split where it is stated', () => {
    expect(check(printed('derived')).map(brief)).toEqual([
      ['error', 'SUM_ROWS', 'TC', 'tccsd.graded', 'total', 52, 51],
      ['error', 'SUM_ROWS', 'TC', 'tccsd.total', 'total', 53, 51],
      ['warning', 'CAP', 'TC', 'tccsd.graded.htxs', 'total', 7, 9],
    ]);
  });

  it('keeps only the cap warning once corrected; a "trong đó" larger than its row is caught too', () => {
    const fixed = changed((d) => {
      d.forms.TC.rows['tccsd.graded.ht'].total = 5;
      d.forms.TC.rows['tccsd.chi_bo.total'].total = 35;
    }, printed('derived'));
    expect(check(fixed).map(brief)).toEqual([['warning', 'CAP', 'TC', 'tccsd.graded.htxs', 'total', 7, 9]]);
    const subset = changed((d) => (d.forms.TC.rows['truc_thuoc.not_graded.new'].total = 3), fixed);
    expect(check(subset).map(brief)[0]).toEqual(['error', 'SUM_ROWS', 'TC', 'truc_thuoc.not_graded.new', 'total', '≤ 2', 3]);
  });
});

describe('claims whose value is null (a percentage printed without its count)', () => {
  it('checks only the precision within the group (and the noun), never the percentage', () => {
    expect(check(printed('percent-only')).map(brief)).toEqual([
      ['error', 'NOUN', 'DV', 'graded.ht', 'total', 'đồng chí | đảng viên', 'chi bộ'],
      ['warning', 'PCT_PRECISION', 'DV', 'graded.htt', 'total', 2, 1],
    ]);
    const fixed = changed((d) => {
      d.claims[1].percent = '81,50';
      d.claims[2].noun = 'đồng chí';
    }, printed('percent-only'));
    expect(check(fixed)).toEqual([]);
  });

  it('refuses null where no percentage is printed, naming the claim', () => {
    const raw = changed((d) => d.claims.push({ form: 'DV', row: 'graded', col: 'total', value: null }), printed('percent-only'));
    let error: unknown;
    try {
      parseFormValues(raw);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).field).toBe('claims[6].value');
    expect((error as AppError).messages.en).toContain('only for a percentage');
  });

  it('takes a member printed without its count from the table in a largest-remainder group', () => {
    const raw = changed((d) => {
      d.report = { rounding: 'largest-remainder' };
      // 344/2.543 = 13,527…, 2.072 = 81,478…, 90 = 3,539…, 37 = 1,454…: largest remainder gives 13,53 / 81,48 / 3,54 / 1,45.
      d.claims = [
        { form: 'DV', row: 'graded.htxs', col: 'total', value: 344, base: 'graded', percent: '13,53', group: 'g' },
        { form: 'DV', row: 'graded.htt', col: 'total', value: null, base: 'graded', percent: '81,48', group: 'g' },
        { form: 'DV', row: 'graded.ht', col: 'total', value: 90, base: 'graded', percent: '3,54', group: 'g' },
        { form: 'DV', row: 'graded.kht', col: 'total', value: 37, base: 'graded', percent: '1,45', group: 'g' },
      ];
    }, printed('percent-only'));
    expect(check(raw)).toEqual([]);
  });
});

describe('meta.partial: a form that states only some cells', () => {
  it('checks identities with unstated parts as inequalities; absent cells are unknown, claims on them unchecked', () => {
    expect(check(printed('partial')).map(brief)).toEqual([
      ['error', 'SUM_COLUMNS', 'DV', 'graded.kht', 'total', '≥ 40', 37],
      ['error', 'SUM_ROWS', 'DV', 'not_required', 'total', '≥ 192', 188],
      ['error', 'SUM_ROWS', 'TT', 'huyen.graded', 'total', 27, 29],
    ]);
    const fixed = changed((d) => {
      d.forms.DV.rows['graded.kht'].xa = 30;
      d.forms.DV.rows['not_required.new_member'].total = 65;
      d.forms.TT.rows['huyen.graded.ht'] = { total: 2 };
    }, printed('partial'));
    expect(check(fixed)).toEqual([]);
  });

  it('without the flag the same summary gets the false SUM errors an absent-is-zero reading gives', () => {
    const raw = changed((d) => {
      delete d.forms.DV.meta;
      delete d.forms.TC.meta;
    }, printed('partial'));
    const found = check(raw).map((f) => `${f.code} ${f.form} ${f.row} ${f.col}`);
    expect(found).toEqual([
      'SUM_COLUMNS TC tccsd.dang_bo.total total',
      'SUM_ROWS TC truc_thuoc.chi_bo.graded total',
      'SUM_COLUMNS DV graded total',
      'SUM_COLUMNS DV graded.kht total',
      'SUM_ROWS DV not_required total',
      'SUM_ROWS DV graded total',
      'SUM_ROWS TT huyen.graded total',
      'CLAIM_VALUE TC tccsd.dang_bo.total phuong',
    ]);
  });

  it('refuses a flag that is not true or false, naming it', () => {
    expect(() => parseFormValues(changed((d) => (d.forms.DV.meta.partial = 'yes'), printed('partial')))).toThrow('forms.DV.meta.partial');
  });
});

describe('counting nouns (FORMS.md lists)', () => {
  it('compares them trimmed and lower-cased; a person/organisation mix-up is an error, another misfit a warning', () => {
    expect(check(printed('nouns')).map(brief)).toEqual([
      ['error', 'NOUN', 'TC', 'truc_thuoc.chi_bo.total', 'total', 'chi bộ | chi bộ trực thuộc', 'Đồng chí'],
      ['error', 'NOUN', 'DV', 'graded', 'total', 'đồng chí | đảng viên', 'chi bộ'],
      ['error', 'NOUN', 'TT', 'co_so.total', 'total', 'tập thể', 'đảng viên'],
      ['warning', 'NOUN', 'TC', 'tccsd.total', 'total', 'tổ chức | tổ chức đảng | tổ chức cơ sở đảng | đảng bộ | chi bộ | đảng bộ cơ sở | chi bộ cơ sở', 'TCCSĐ'],
      ['warning', 'NOUN', 'TC', 'tccsd.total', 'total', 'tổ chức | tổ chức đảng | tổ chức cơ sở đảng | đảng bộ | chi bộ | đảng bộ cơ sở | chi bộ cơ sở', 'tập thể'],
      ['warning', 'NOUN', 'TC', 'tccsd.total', 'total', 'tổ chức | tổ chức đảng | tổ chức cơ sở đảng | đảng bộ | chi bộ | đảng bộ cơ sở | chi bộ cơ sở', 'chi bộ trực thuộc'],
      ['warning', 'NOUN', 'TT', 'co_so.total', 'total', 'tập thể', 'đơn vị'],
    ]);
  });

  it('names what is counted', () => {
    const f = check(printed('nouns'))[0] as Finding;
    expect(f.message.vi).toBe('claims[6] (TC truc_thuoc.chi_bo.total / total): danh từ đếm «Đồng chí» không hợp với chi bộ trực thuộc đảng ủy cơ sở được đếm (dùng: chi bộ, chi bộ trực thuộc).');
  });
});

describe('the clean document with a stated htt_up everywhere still has no finding', () => {
  it('TC sections, DV, TT levels and CN, stated with both parts', () => {
    const raw = changed((d) => {
      d.forms.TC.rows['tccsd.dang_bo.graded.htt_up'] = { total: 9, xa: 7, thi_tran: 1, dvsn: 1, 'dvsn.cong_lap': 1 };
      d.forms.TC.rows['tccsd.graded.htt_up'] = { total: 19 };
      d.forms.TT.rows['co_so.graded.htt_up'] = { total: 19, cap_uy: 10, ubnd: 9 };
      d.forms.CN.rows.co_so.htt_up = 10;
      d.claims.push({ form: 'TC', row: 'truc_thuoc.graded.htt_up', col: 'total', value: 42, base: 'truc_thuoc.graded', percent: '87,50', noun: 'chi bộ' });
      d.claims.push({ form: 'CN', row: 'huyen', col: 'htt_up', value: 10, noun: 'cán bộ' });
    });
    expect(check(raw)).toEqual([]);
    // Against the sections' htt_up: đảng bộ 9 as stated, chi bộ 10 from its HTXS and HTT.
    expect(check(changed((d) => (d.forms.TC.rows['tccsd.graded.htt_up'].total = 18), raw)).map(brief)).toEqual([
      ['error', 'SUM_ROWS', 'TC', 'tccsd.graded.htt_up', 'total', 19, 18],
    ]);
  });
});
