/**
 * The form-values document (FORMS.md §3) and the checker's findings (FORMS.md §4).
 */
import type { RuleSetCode } from '../codes.js';
import type { LocalisedMessage } from '../errors.js';

/** The five forms of FORMS.md §2. */
export const FORM_CODES = ['KD', 'TC', 'DV', 'TT', 'CN'] as const;
export type FormCode = (typeof FORM_CODES)[number];

/** One row of a form: column code → non-negative integer; an absent cell is empty (FORMS.md §3). */
export type Cells = Readonly<Record<string, number>>;

/** What an annex printed about itself, to compare with the report (FORMS.md §3). */
export interface FormMeta {
  reportDatePrinted?: string | null;
  codePrinted?: string | null;
  reportNumberPrinted?: string | null;
  /**
   * The report stated only some cells of this form: an absent cell is unknown rather than zero, and
   * an identity whose parts are not all stated is checked as an inequality (FORMS.md "Reports as they
   * are printed"). Absent or null: an absent cell is zero, as a blank cell of a printed table is.
   */
  partial?: boolean | null;
}

/** One form's values. */
export interface FormValues {
  meta?: FormMeta;
  rows: Readonly<Record<string, Cells>>;
}

/** A number the narrative printed (FORMS.md §3 "claims"). */
export interface Claim {
  form: FormCode;
  row: string | readonly string[];
  col: string;
  /** The printed count; null for a percentage printed without its count (only its precision is checked). */
  value: number | null;
  base?: string | readonly string[];
  percent?: string;
  noun?: string | null;
  group?: string;
}

/**
 * How a report rounds a list of percentages (GUIDE.md §5): half-up each, or largest remainder so a
 * list that partitions its base sums to exactly 100%.
 */
export const PERCENT_ROUNDINGS = ['half-up', 'largest-remainder'] as const;
export type PercentRounding = (typeof PERCENT_ROUNDINGS)[number];

/** A parsed form-values document, format "form-values/1". */
export interface FormValuesDoc {
  format: 'form-values/1';
  unit?: { code?: string; name?: string };
  cycle: { year: number; ruleSet: RuleSetCode };
  /** `rounding`: how the report rounded its percentage lists (default half-up; GUIDE.md §5). */
  report?: { number?: string; date?: string; rounding?: PercentRounding };
  forms: Partial<Record<FormCode, FormValues>>;
  claims: readonly Claim[];
}

/** Finding codes of FORMS.md §4. */
export const FINDING_CODES = [
  'SUM_COLUMNS',
  'SUM_SUBCOLUMNS',
  'SUM_ROWS',
  'SUM_REASONS',
  'CROSS_FORM',
  'CLAIM_VALUE',
  'PCT_TRUNCATED',
  'PCT_WRONG',
  'PCT_PRECISION',
  'NOUN',
  'ANNEX_META',
  'CAP',
  'VALUE',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];
export type Severity = 'error' | 'warning';

/** One thing the checker reports (FORMS.md §4). */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  form: FormCode;
  /** Row code (a list of rows joined with "+"), or null for a form-level finding. */
  row: string | null;
  col: string | null;
  expected: number | string | null;
  actual: number | string | null;
  message: LocalisedMessage;
  /** CAP: the base the expected maximum was computed on ("HTT", "HTT+HTXS", "graded"). */
  base?: string;
  /** Claims: the claim's index in `claims`. */
  claim?: number;
  /** SUM_*: the one cell whose correction would repair both its row's and its column's sum. */
  suspect?: { row: string; col: string; expected: number };
}
