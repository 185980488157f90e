/**
 * The narrative's numbers against the tables (FORMS.md §3 "claims", §4 CLAIM_VALUE, PCT_TRUNCATED,
 * PCT_WRONG, PCT_PRECISION, NOUN). Percentages are judged exactly from integers (GUIDE.md §5: one
 * rounding rule, half-up, same decimals within a list, never truncation; or, when the document's
 * `report.rounding` says so, largest remainder for a list that partitions its base, so it sums to 100%).
 */
import { largestRemainderPercents } from '../format/largest-remainder.js';
import { classifyPrintedPercent, isExactPercent, percentScaled } from '../format/percent.js';
import { formatViDecimal, formatViInteger } from '../format/vi-number.js';
import { parseViDecimal } from '../format/vi-number.js';
import { NOUNS_BY_SUBJECT, SUBJECT_LABELS, nounVerdict } from './rule-params.js';
import { lookupRows, type FormTable } from './table.js';
import type { Claim, Finding, FormCode, PercentRounding } from './types.js';

const list = (r: string | readonly string[]): readonly string[] => (typeof r === 'string' ? [r] : r);
const rowName = (r: string | readonly string[]): string => list(r).join('+');
const where = (c: Claim, i: number) => `claims[${i}] (${c.form} ${rowName(c.row)} / ${c.col})`;

function claimValue(c: Claim, i: number, t: FormTable): Finding[] {
  // A percentage printed without its count (value null) has no count to compare.
  if (c.value === null) return [];
  const table = lookupRows(t, list(c.row), c.col);
  if (table === undefined || table === c.value) return [];
  return [
    {
      code: 'CLAIM_VALUE',
      severity: 'error',
      form: c.form,
      row: rowName(c.row),
      col: c.col,
      expected: table,
      actual: c.value,
      claim: i,
      message: {
        vi: `${where(c, i)}: văn bản ghi ${formatViInteger(c.value)} nhưng biểu ghi ${formatViInteger(table)}.`,
        en: `${where(c, i)}: the text prints ${c.value} but the table has ${table}.`,
      },
    },
  ];
}

function claimNoun(c: Claim, i: number, t: FormTable): Finding[] {
  if (!c.noun) return [];
  const subject = t.def.subjectOf(list(c.row)[0] ?? '', c.col);
  const verdict = nounVerdict(c.noun, subject);
  if (verdict === 'fits') return [];
  const fits = NOUNS_BY_SUBJECT[subject];
  return [
    {
      code: 'NOUN',
      severity: verdict,
      form: c.form,
      row: rowName(c.row),
      col: c.col,
      expected: fits.join(' | '),
      actual: c.noun,
      claim: i,
      message: {
        vi: `${where(c, i)}: danh từ đếm «${c.noun}» không hợp với ${SUBJECT_LABELS[subject].vi} được đếm (dùng: ${fits.join(', ')}).`,
        en: `${where(c, i)}: the counting noun "${c.noun}" does not fit the ${SUBJECT_LABELS[subject].en} counted (use: ${fits.join(', ')}).`,
      },
    },
  ];
}

/** The expected scaled percentage of a claim under largest remainder, or undefined where half-up applies. */
type RemainderExpectation = (c: Claim, i: number, decimals: number) => bigint | undefined;

function claimPercent(c: Claim, i: number, t: FormTable, remainder?: RemainderExpectation): Finding[] {
  // Without its count a printed percentage is checked for its precision only (FORMS.md).
  if (c.percent === undefined || c.base === undefined || c.value === null) return [];
  const base = lookupRows(t, list(c.base), c.col);
  if (base === undefined) return [];
  const common = { form: c.form, row: rowName(c.row), col: c.col, actual: c.percent, claim: i } as const;
  if (base === 0) {
    return [{ ...common, code: 'PCT_WRONG', severity: 'error', expected: null, message: {
      vi: `${where(c, i)}: tỷ lệ ${c.percent}% trên cơ sở bằng 0 (${rowName(c.base)}).`,
      en: `${where(c, i)}: percentage ${c.percent}% of an empty base (${rowName(c.base)}).`,
    } }];
  }
  const value = c.value;
  const v0 = classifyPrintedPercent({ value, base, printed: c.percent });
  const v = v0 && remainder ? againstRemainder(v0, c, i, remainder) : v0;
  if (!v || v.verdict === 'ok') return [];
  const ratio = `${formatViInteger(value)}/${formatViInteger(base)}`;
  if (v.verdict === 'truncated') {
    return [{ ...common, code: 'PCT_TRUNCATED', severity: 'error', expected: v.expected, message: {
      vi: `${where(c, i)}: ${ratio} in ${c.percent}% là số cắt bớt; làm tròn đúng là ${v.expected}%.`,
      en: `${where(c, i)}: ${ratio} printed ${c.percent}% is truncated; correctly rounded it is ${v.expected}%.`,
    } }];
  }
  return [{ ...common, code: 'PCT_WRONG', severity: 'error', expected: v.expected, message: {
    vi: `${where(c, i)}: ${ratio} in ${c.percent}% sai; đúng là ${v.expected}%.`,
    en: `${where(c, i)}: ${ratio} printed ${c.percent}% is wrong; it is ${v.expected}%.`,
  } }];
}

/**
 * A half-up verdict re-judged against the largest-remainder share where the claim's group partitions
 * its base: the printed share is right when it is that share; truncation is still named as such.
 */
function againstRemainder(v: NonNullable<ReturnType<typeof classifyPrintedPercent>>, c: Claim, i: number, remainder: RemainderExpectation): typeof v {
  const scaled = remainder(c, i, v.decimals);
  if (scaled === undefined) return v;
  const expected = formatViDecimal({ scaled, decimals: v.decimals });
  const printed = parseViDecimal(c.percent ?? '');
  if (printed?.scaled === scaled) return { ...v, verdict: 'ok', expected };
  return { ...v, verdict: c.percent === v.truncated ? 'truncated' : 'wrong', expected };
}

/**
 * Largest remainder (GUIDE.md §5, report.rounding "largest-remainder"): within a claim group on one
 * base, when the claims' values add up to the base, each share is its place in the largest-remainder
 * distribution of the group's values at the printed precision. Groups that do not partition their
 * base are rounded half-up, as the report writes them.
 */
function remainderExpectations(claims: readonly Claim[], tables: Record<FormCode, FormTable>): RemainderExpectation {
  const groups = new Map<string, number[]>();
  claims.forEach((c, i) => {
    if (c.group === undefined || c.percent === undefined || c.base === undefined) return;
    const key = `${c.group}|${c.form}|${rowName(c.base)}|${c.col}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const keyOf = new Map<number, string>();
  for (const [key, members] of groups) for (const i of members) keyOf.set(i, key);
  return (c, i, decimals) => {
    const members = groups.get(keyOf.get(i) ?? '');
    if (!members || c.base === undefined) return undefined;
    // A member printed without its count takes the table's (FORMS.md: value null).
    const values = members.map((j) => {
      const m = claims[j];
      return m ? (m.value ?? lookupRows(tables[m.form], list(m.row), m.col)) : undefined;
    });
    const base = lookupRows(tables[c.form], list(c.base), c.col);
    if (!values.every((v): v is number => v !== undefined) || c.value === null) return undefined;
    if (base === undefined || base <= 0 || values.reduce((a, b) => a + b, 0) !== base) return undefined;
    // A share of the whole base is "100" at any precision; the distribution gives the same.
    if (c.value === base) return percentScaled(c.value, base, decimals);
    return largestRemainderPercents(values, decimals)[members.indexOf(i)];
  };
}

/**
 * Decimals a printed percentage commits to; an exact integer ("100" for 51/51) commits to none, nor
 * does a bare "100" or "0" printed without its count.
 */
function committedDecimals(c: Claim, t: FormTable): number | undefined {
  if (c.percent === undefined || c.base === undefined) return undefined;
  const p = parseViDecimal(c.percent);
  if (!p) return undefined;
  if (p.decimals === 0 && c.value === null && (p.scaled === 0n || p.scaled === 100n)) return undefined;
  const base = lookupRows(t, list(c.base), c.col);
  if (p.decimals === 0 && c.value !== null && base !== undefined && base > 0 && isExactPercent(c.value, base, 0)) return undefined;
  return p.decimals;
}

/**
 * PCT_PRECISION: within one group every percentage has the same decimals. The group's finest
 * precision is the expectation (a list is brought up to what it already shows, not down), so each
 * coarser item is named: 17,64 / 72,54 / 9,8 → "9,8".
 */
function groupPrecision(claims: readonly Claim[], tables: Record<FormCode, FormTable>): Finding[] {
  const groups = new Map<string, { c: Claim; i: number; d: number }[]>();
  claims.forEach((c, i) => {
    if (c.group === undefined) return;
    const d = committedDecimals(c, tables[c.form]);
    if (d === undefined) return;
    groups.set(c.group, [...(groups.get(c.group) ?? []), { c, i, d }]);
  });
  const out: Finding[] = [];
  for (const [group, items] of groups) {
    const max = Math.max(...items.map((x) => x.d));
    const shown = items.map((x) => x.c.percent).join(' / ');
    for (const { c, i, d } of items.filter((x) => x.d < max)) {
      out.push({
        code: 'PCT_PRECISION',
        severity: 'warning',
        form: c.form,
        row: rowName(c.row),
        col: c.col,
        expected: max,
        actual: d,
        claim: i,
        message: {
          vi: `${where(c, i)}: nhóm «${group}» trộn số chữ số thập phân (${shown}); ${c.percent}% có ${d}, nên có ${max}.`,
          en: `${where(c, i)}: group "${group}" mixes precisions (${shown}); ${c.percent}% has ${d} decimals, expected ${max}.`,
        },
      });
    }
  }
  return out;
}

/**
 * Every claim against its table: value, counting noun, percentage (half-up, or largest remainder
 * when the report says so), and each group's precision.
 */
export function checkClaims(claims: readonly Claim[], tables: Record<FormCode, FormTable>, rounding: PercentRounding = 'half-up'): Finding[] {
  const out: Finding[] = [];
  const remainder = rounding === 'largest-remainder' ? remainderExpectations(claims, tables) : undefined;
  claims.forEach((c, i) => {
    const t = tables[c.form];
    out.push(...claimValue(c, i, t), ...claimPercent(c, i, t, remainder), ...claimNoun(c, i, t));
  });
  return [...out, ...groupPrecision(claims, tables)];
}
