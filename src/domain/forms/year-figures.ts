/**
 * A unit's key figures of one year, read from its forms (FORMS.md §2: DV for members, TC's
 * grassroots organisations), and the sentence a report prints to compare a year with an earlier one
 * (issue #10 item 6: prior years, often only known as counts from their reports, compared with the
 * current one). Pure: percentages from integers, rounded once when worded (GUIDE.md §5).
 */
import { formatCountVi, formatPercentVi } from '../format/index.js';
import type { FormCode, FormValuesDoc } from './types.js';

/** Graded subjects by grade, and how many there were. */
export interface GradeFigures {
  total: number;
  graded: number;
  htxs: number;
  htt: number;
  ht: number;
  kht: number;
}

/** One year's figures of a unit. */
export interface YearFigures {
  year: number;
  ruleSet: string;
  /** Members (form DV). */
  members: GradeFigures;
  /** Grassroots party organisations (form TC, tccsd = đảng bộ cơ sở + chi bộ cơ sở). */
  organisations: GradeFigures;
}

const GRADES = ['htxs', 'htt', 'ht', 'kht'] as const;

/** The figures of a unit's form-values document (its live forms, or a past year's imported counts). */
export function yearFiguresOf(doc: FormValuesDoc): YearFigures {
  const get = (form: FormCode, row: string) => doc.forms[form]?.rows[row]?.total ?? 0;
  const members = { total: get('DV', 'total'), graded: get('DV', 'graded'), ...Object.fromEntries(GRADES.map((g) => [g, get('DV', `graded.${g}`)])) } as GradeFigures;
  const tc = (row: string) => get('TC', `tccsd.dang_bo.${row}`) + get('TC', `tccsd.chi_bo.${row}`);
  const organisations = { total: tc('total'), graded: tc('graded'), ...Object.fromEntries(GRADES.map((g) => [g, tc(`graded.${g}`)])) } as GradeFigures;
  return { year: doc.cycle.year, ruleSet: doc.cycle.ruleSet, members, organisations };
}

/** True when the year has something to compare (graded members). */
export function hasFigures(f: YearFigures): boolean {
  return f.members.graded > 0 || f.organisations.graded > 0;
}

/** "95,12%" of graded, or null when nothing was graded. */
function share(value: number, base: number, decimals: number): string | null {
  return base > 0 ? `${formatPercentVi(value, base, decimals)}%` : null;
}

/** The change in words: "tăng", "giảm" or "bằng", comparing exact fractions (no rounding). */
function direction(a: { v: number; b: number }, prev: { v: number; b: number }): string {
  const left = BigInt(a.v) * BigInt(prev.b);
  const right = BigInt(prev.v) * BigInt(a.b);
  return left > right ? 'tăng' : left < right ? 'giảm' : 'bằng';
}

/**
 * The comparison paragraph of one kind of subject with an earlier year, or null when either year
 * graded none: "So với năm 2021, tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên tăng (95,12%;
 * năm 2021: 93,40%); hoàn thành xuất sắc nhiệm vụ 13,53% (năm 2021: 12,00%); không hoàn thành
 * nhiệm vụ 37 đồng chí (năm 2021: 40 đồng chí)."
 */
export function comparisonSentence(args: { now: GradeFigures; before: GradeFigures; beforeYear: number; who: 'members' | 'organisations'; decimals: number }): string | null {
  const { now, before, beforeYear: y, decimals } = args;
  if (now.graded === 0 || before.graded === 0) return null;
  const good = { v: now.htxs + now.htt, b: now.graded };
  const goodBefore = { v: before.htxs + before.htt, b: before.graded };
  const subject = args.who === 'members' ? 'đảng viên' : 'tổ chức cơ sở đảng';
  const noun = args.who === 'members' ? 'đồng chí' : 'tổ chức';
  const kht = (n: number) => `${formatCountVi(n)} ${noun}`;
  return (
    `So với năm ${y}, tỷ lệ ${subject} hoàn thành tốt nhiệm vụ trở lên ${direction(good, goodBefore)} (${share(good.v, good.b, decimals)}; năm ${y}: ${share(goodBefore.v, goodBefore.b, decimals)}); ` +
    `hoàn thành xuất sắc nhiệm vụ ${share(now.htxs, now.graded, decimals)} (năm ${y}: ${share(before.htxs, before.graded, decimals)}); ` +
    `không hoàn thành nhiệm vụ ${kht(now.kht)} (năm ${y}: ${kht(before.kht)}).`
  );
}
