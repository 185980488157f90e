/** Form-values documents for the checker's tests: a clean, consistent one and the seed as printed. */
import { readFileSync } from 'node:fs';
import { SEED_PRINTED_PATH } from '../fixtures/spec.js';

/** The seed's figures as printed (errors included), undecoded. */
export const SEED_PATH = SEED_PRINTED_PATH;

/** The raw seed JSON. */
export function seedRaw(): Record<string, unknown> {
  return JSON.parse(readFileSync(SEED_PATH, 'utf8')) as Record<string, unknown>;
}

const meta = (codePrinted: string | null) => ({ reportDatePrinted: '2023-01-10', codePrinted });

/**
 * A small district whose forms and text agree everywhere: every sum holds, every percentage is
 * rounded half-up at two decimals, every noun fits, HTXS stays within 20% of HTT in every scope.
 */
export function cleanRaw(): Record<string, any> {
  return {
    format: 'form-values/1',
    _note: 'comments are ignored',
    unit: { code: 'HU-TEST', name: 'Huyện ủy Thử' },
    cycle: { year: 2022, ruleSet: 'QD132-HD21' },
    report: { number: '12-BC/HU', date: '2023-01-10' },
    forms: {
      KD: {
        meta: meta(null),
        rows: {
          required: { collective: 100, individual: 500 },
          reviewed: { collective: 100, individual: 500 },
          not_reviewed: {},
          suggested: { collective: 1, individual: 1 },
          'suggested.huyen': { collective: 1, individual: 1 },
        },
      },
      TC: {
        meta: meta('6A'),
        rows: {
          'tccsd.dang_bo.total': { total: 10, xa: 8, thi_tran: 1, dvsn: 1, 'dvsn.cong_lap': 1 },
          'tccsd.dang_bo.graded': { total: 10, xa: 8, thi_tran: 1, dvsn: 1, 'dvsn.cong_lap': 1 },
          'tccsd.dang_bo.graded.htxs': { total: 1, xa: 1 },
          'tccsd.dang_bo.graded.htt': { total: 8, xa: 6, thi_tran: 1, dvsn: 1, 'dvsn.cong_lap': 1 },
          'tccsd.dang_bo.graded.ht': { total: 1, xa: 1 },
          'tccsd.dang_bo.graded.kht': {},
          'tccsd.dang_bo.not_graded': {},
          'tccsd.chi_bo.total': { total: 10, co_quan_dang: 5, co_quan_nha_nuoc: 5 },
          'tccsd.chi_bo.graded': { total: 10, co_quan_dang: 5, co_quan_nha_nuoc: 5 },
          'tccsd.chi_bo.graded.htxs': { total: 2, co_quan_dang: 1, co_quan_nha_nuoc: 1 },
          'tccsd.chi_bo.graded.htt': { total: 8, co_quan_dang: 4, co_quan_nha_nuoc: 4 },
          'truc_thuoc.chi_bo.total': { total: 50, xa: 50 },
          'truc_thuoc.chi_bo.graded': { total: 48, xa: 48 },
          'truc_thuoc.chi_bo.graded.htxs': { total: 6, xa: 6 },
          'truc_thuoc.chi_bo.graded.htt': { total: 36, xa: 36 },
          'truc_thuoc.chi_bo.graded.ht': { total: 5 },
          'truc_thuoc.chi_bo.graded.kht': { total: 1 },
          'truc_thuoc.chi_bo.not_graded': { total: 2, xa: 2 },
          'truc_thuoc.chi_bo.not_graded.new': { total: 2, xa: 2 },
        },
      },
      DV: {
        meta: meta('6B'),
        rows: {
          total: { total: 600, xa: 400, thi_tran: 50, co_quan_dang: 50, co_quan_nha_nuoc: 50, dvsn: 50, 'dvsn.cong_lap': 50 },
          not_required: { total: 100, xa: 80, thi_tran: 20 },
          pending: {},
          graded: { total: 500, xa: 320, thi_tran: 30, co_quan_dang: 50, co_quan_nha_nuoc: 50, dvsn: 50, 'dvsn.cong_lap': 50 },
          'graded.htxs': { total: 70, xa: 45, thi_tran: 5, co_quan_dang: 7, co_quan_nha_nuoc: 7, dvsn: 6, 'dvsn.cong_lap': 6 },
          'graded.htt': { total: 412, xa: 260, thi_tran: 25, co_quan_dang: 43, co_quan_nha_nuoc: 40, dvsn: 44, 'dvsn.cong_lap': 44 },
          'graded.ht': { total: 13, xa: 10, co_quan_nha_nuoc: 3 },
          'graded.kht': { total: 5, xa: 5 },
          'kht.below_50': { total: 5, xa: 5 },
        },
      },
      TT: {
        meta: meta('6D'),
        rows: {
          'huyen.total': { total: 10, phong_ban: 10 },
          'huyen.graded': { total: 10, phong_ban: 10 },
          'huyen.graded.htxs': { total: 1, phong_ban: 1 },
          'huyen.graded.htt': { total: 9, phong_ban: 9 },
          'co_so.total': { total: 20, cap_uy: 10, ubnd: 10 },
          'co_so.graded': { total: 20, cap_uy: 10, ubnd: 10 },
          'co_so.graded.htxs': { total: 2, cap_uy: 1, ubnd: 1 },
          'co_so.graded.htt': { total: 17, cap_uy: 9, ubnd: 8 },
          'co_so.graded.kht': { total: 1, ubnd: 1 },
          'co_so.kht.member_disciplined': { total: 1, ubnd: 1 },
        },
      },
      CN: {
        meta: meta('6E'),
        rows: {
          huyen: { total: 10, graded: 10, htxs: 1, htt: 9 },
          'huyen.uv_btv': { total: 4, graded: 4, htt: 4 },
          'huyen.pho_phong': { total: 6, graded: 6, htxs: 1, htt: 5 },
          co_so: { total: 12, not_graded: 1, graded: 11, htxs: 1, htt: 9, ht: 1 },
          'co_so.bi_thu': { total: 4, graded: 4, htt: 4 },
          'co_so.uv_bch': { total: 8, not_graded: 1, graded: 7, htxs: 1, htt: 5, ht: 1 },
        },
      },
    },
    claims: [
      { form: 'KD', row: 'required', col: 'individual', value: 500, group: 'kd' },
      { form: 'TC', row: 'tccsd.graded', col: 'total', value: 20, base: 'tccsd.total', percent: '100', group: 'tccsd' },
      { form: 'TC', row: 'tccsd.graded.htxs', col: 'total', value: 3, base: 'tccsd.graded', percent: '15,00', noun: 'tổ chức cơ sở đảng', group: 'tccsd' },
      { form: 'TC', row: 'tccsd.graded.htt', col: 'total', value: 16, base: 'tccsd.graded', percent: '80,00', noun: 'tổ chức cơ sở đảng', group: 'tccsd' },
      { form: 'TC', row: 'tccsd.graded.ht', col: 'total', value: 1, base: 'tccsd.graded', percent: '5,00', noun: 'tổ chức cơ sở đảng', group: 'tccsd' },
      { form: 'TC', row: 'truc_thuoc.chi_bo.graded', col: 'total', value: 48, base: 'truc_thuoc.chi_bo.total', percent: '96,00', noun: 'chi bộ', group: 'chibo' },
      { form: 'TC', row: 'truc_thuoc.chi_bo.graded.kht', col: 'total', value: 1, base: 'truc_thuoc.chi_bo.graded', percent: '2,08', noun: 'chi bộ', group: 'chibo' },
      { form: 'DV', row: 'graded.htxs', col: 'total', value: 70, base: 'graded', percent: '14,00', noun: 'đồng chí', group: 'dv' },
      { form: 'DV', row: 'graded.htt', col: 'total', value: 412, base: 'graded', percent: '82,40', noun: 'đồng chí', group: 'dv' },
      { form: 'DV', row: ['graded.htxs', 'graded.htt'], col: 'total', value: 482, base: 'graded', percent: '96,40', noun: 'đảng viên', group: 'dv' },
      { form: 'TT', row: 'co_so.graded.htxs', col: 'total', value: 2, base: 'co_so.graded', percent: '10,00', noun: 'tập thể', group: 'tt' },
      { form: 'CN', row: 'co_so', col: 'graded', value: 11, noun: 'đồng chí', group: 'cn' },
    ],
  };
}

/** A deep copy of a raw document, changed by `change`. */
export function changed(change: (doc: Record<string, any>) => void, raw: Record<string, any> = cleanRaw()): Record<string, any> {
  const copy = structuredClone(raw);
  change(copy);
  return copy;
}
