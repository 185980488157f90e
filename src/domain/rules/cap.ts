/**
 * The HTXS cap (GUIDE.md §3): "≤ 20% of HTT" read with a configurable base, scope, percentage and
 * rounding of the allowed maximum, shown as headroom while grading and reported as a warning that
 * names its base — never silently (HD 21, II.B.2.3 / II.B.3; QĐ 124, Điều 12; QĐ 366, Điều 11 k1.5).
 */
import type { SubjectKind } from '../codes.js';
import { formatPoints } from './score-bands.js';
import type { CapBase, CapParameters, CapRounding, GradeCounts, RuleSet } from './types.js';

/** The cap in one scope. */
export interface CapHeadroom {
  allowedMax: number;
  used: number;
  headroom: number;
  over: boolean;
  base: CapBase;
  baseCount: number;
  percent: number;
  rounding: CapRounding;
  source: string;
  text: string;
}

const BASE_LABEL: Record<CapBase, string> = { HTT: 'HTT', 'HTT+HTXS': 'HTT trở lên', graded: 'số được xếp loại' };
const ROUNDING_LABEL: Record<CapRounding, string> = { floor: 'làm tròn xuống', round_half_up: 'làm tròn', ceil: 'làm tròn lên' };

/** The number the percentage applies to. */
export function capBaseCount(counts: GradeCounts, base: CapBase): number {
  if (base === 'HTT') return counts.HTT;
  if (base === 'HTT+HTXS') return counts.HTT + counts.HTXS;
  return counts.HTXS + counts.HTT + counts.HT + counts.KHT;
}

/** percent% of `count`, rounded as asked, in integers (percent may have two decimals at most). */
export function allowedMaximum(count: number, percent: number, rounding: CapRounding): number {
  const scaled = Math.round(percent * 100) * count; // percent × count × 100
  if (rounding === 'floor') return Math.floor(scaled / 10000);
  if (rounding === 'ceil') return Math.ceil(scaled / 10000);
  return Math.floor((scaled * 2 + 10000) / 20000);
}

/**
 * Headroom of the cap for one scope (a grassroots organisation's members, a group of similar
 * collectives or positions). Parameters default to the rule set's cap for `subjectKind`;
 * `outstanding` applies the exceptional percentage (QĐ 366: up to 25%) where one exists.
 */
export function capHeadroom(input: {
  ruleSet: RuleSet;
  counts: GradeCounts;
  subjectKind?: SubjectKind;
  base?: CapBase;
  percent?: number;
  rounding?: CapRounding;
  outstanding?: boolean;
}): CapHeadroom {
  const p: CapParameters = input.ruleSet.caps[input.subjectKind ?? 'member'];
  const base = input.base ?? p.base;
  const percent = input.percent ?? (input.outstanding && p.exceptionalPercent !== null ? p.exceptionalPercent : p.percent);
  const rounding = input.rounding ?? p.rounding;
  const baseCount = capBaseCount(input.counts, base);
  const allowedMax = allowedMaximum(baseCount, percent, rounding);
  const used = input.counts.HTXS;
  const exact = formatPoints(Math.round(percent * baseCount));
  const verdict = used > allowedMax ? `vượt ${used - allowedMax}` : `còn ${allowedMax - used}`;
  // A percentage, exception or scope the rule set does not have is cited as the local decision that set it (rules-audit.md H7, Q4, §6.8).
  const source = p.localDecision ? `${p.localDecision} (quyết định của địa phương; ${p.source})` : p.source;
  const text = `HTXS ${used}, tối đa ${allowedMax} (${percent}% × ${baseCount} ${BASE_LABEL[base]} = ${exact} → ${allowedMax}, ${ROUNDING_LABEL[rounding]}): ${verdict} (${source})`;
  return { allowedMax, used, headroom: allowedMax - used, over: used > allowedMax, base, baseCount, percent, rounding, source, text };
}
