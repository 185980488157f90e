/**
 * The order of decisions (GUIDE.md §4.6), as the cycle's rule set states it (rules-audit.md H38, Q34,
 * R41–R45). The prerequisites are gathered in QĐ 366's numbering (Điều 12 khoản 2, rules_2025.md
 * §1.5): "(1) Tập thể lãnh đạo, quản lý trước, cá nhân thành viên sau. (2) Hoàn thành đánh giá, xếp
 * loại tập thể lãnh đạo, quản lý trước khi đánh giá, xếp loại người đứng đầu. (3) Hoàn thành đánh giá,
 * xếp loại tập thể cấp uỷ, tổ chức đảng, đảng viên trực thuộc trước khi đánh giá, xếp loại tổ chức
 * đảng. (4) Đánh giá, xếp loại tổ chức, cơ quan, đơn vị trước, tổ chức đảng sau. (5) Tập thể cấp dưới
 * trước, cấp trên sau." Each rule set decides which of them bind and what they cite:
 * - QĐ 366 / HD 43 (2025 on): all five bind.
 * - QĐ 124 / HD 25 (2023–2024), Điều 11 (regulations.md §3): "chính quyền, chuyên môn, đoàn thể
 *   trước, tổ chức đảng sau; cấp dưới trước, cấp trên sau; tập thể trước, cá nhân thành viên sau; đơn
 *   vị trước, người đứng đầu sau": (1), (2), (4), (5) and the sub-organisations of (3) bind, citing
 *   QĐ 124; the cấp ủy collective and the members before the organisation are not in Điều 11 and are
 *   advice only.
 * - QĐ 132 / HD 21 (2019–2022): the sources give no order, so every rule is advice only, labelled as
 *   QĐ 366's order for reference (no error, no justification needed).
 *
 * A prerequisite counts when it is due to be graded here: 'eligible' and not decided blocks (an
 * error); 'pending' (absent, graded later: HD 21, II.6) only warns; subjects not graded here (exempt,
 * suspended, new, graded by a higher level) are left out.
 */
import type { Eligibility, RuleSetCode } from '../codes.js';

/** A subject that must be decided before the one being decided. */
export interface Prerequisite {
  label: string;
  eligibility: Eligibility;
  decided: boolean;
}

/** One broken order rule. */
export interface OrderFinding {
  rule: 1 | 2 | 3 | 4 | 5;
  text: string;
  source: string;
  pending: string[];
}

export type OrderRule = OrderFinding['rule'];

const RULE_TEXT: Record<OrderRule, string> = {
  1: 'tập thể lãnh đạo, quản lý trước, cá nhân thành viên sau',
  2: 'hoàn thành xếp loại tập thể lãnh đạo, quản lý trước khi xếp loại người đứng đầu',
  3: 'hoàn thành xếp loại tập thể cấp ủy, tổ chức đảng, đảng viên trực thuộc trước khi xếp loại tổ chức đảng',
  4: 'xếp loại tổ chức, cơ quan, đơn vị trước, tổ chức đảng sau',
  5: 'tập thể cấp dưới trước, cấp trên sau',
};

/** Which prerequisites of rule (3) a group holds: sub-organisations, the cấp ủy collective, the members. */
export type OrderBasis = 'sub_units' | 'committee' | 'members';

/** Prerequisites of one rule, with a noun naming them ("đảng viên", "tổ chức đảng trực thuộc"). */
export interface OrderGroup {
  rule: OrderRule;
  noun: string;
  items: readonly Prerequisite[];
  basis?: OrderBasis;
}

/** How a rule set reads one group: binding or advice, its wording and citation. */
export interface OrderReading {
  binding: boolean;
  text: string;
  source: string;
}

const QD124_TEXT = {
  government: 'chính quyền, chuyên môn, đoàn thể trước, tổ chức đảng sau',
  lower: 'cấp dưới trước, cấp trên sau',
  collective: 'tập thể trước, cá nhân thành viên sau',
  head: 'đơn vị trước, người đứng đầu sau',
} as const;

/** The reading of a group under the cycle's rule set (see the module comment). */
export function orderReading(ruleSet: RuleSetCode | string, group: Pick<OrderGroup, 'rule' | 'basis'>): OrderReading {
  const rule = group.rule;
  if (ruleSet === 'QD124-HD25') {
    const text = rule === 1 ? QD124_TEXT.collective : rule === 2 ? QD124_TEXT.head : rule === 4 ? QD124_TEXT.government : rule === 5 || group.basis === 'sub_units' ? QD124_TEXT.lower : undefined;
    if (text) return { binding: true, text, source: `QĐ 124, Điều 11 (trình tự: ${text})` };
    return { binding: false, text: RULE_TEXT[rule], source: `không có trong QĐ 124, Điều 11 — tham khảo QĐ 366, Điều 12 khoản 2 (${rule})` };
  }
  if (ruleSet === 'QD132-HD21') {
    return { binding: false, text: RULE_TEXT[rule], source: `HD 21 không quy định trình tự — tham khảo QĐ 366, Điều 12 khoản 2 (${rule}); GUIDE.md §4.6` };
  }
  return { binding: true, text: RULE_TEXT[rule], source: orderSource(rule) };
}

/** The source of rule `n` under QĐ 366. */
export function orderSource(rule: OrderRule): string {
  return `QĐ 366, Điều 12 khoản 2 (${rule}); GUIDE.md §4.6`;
}

function finding(group: OrderGroup, reading: OrderReading, missing: readonly Prerequisite[], pendingOnly: boolean): OrderFinding {
  const total = group.items.filter((p) => p.eligibility === 'eligible' || p.eligibility === 'pending').length;
  const sample = missing.slice(0, 5).map((p) => p.label);
  const more = missing.length > sample.length ? ` và ${missing.length - sample.length} đối tượng khác` : '';
  const what = pendingOnly ? 'chưa được xếp loại (vắng mặt, xếp loại sau)' : 'chưa được quyết định xếp loại';
  const advice = reading.binding ? '' : 'Gợi ý trình tự: ';
  const text = `${advice}${missing.length}/${total} ${group.noun} ${what}: ${sample.join(', ')}${more} — ${reading.text} (${reading.source}).`;
  return { rule: group.rule, text, source: reading.source, pending: missing.map((p) => p.label) };
}

/**
 * Checks the order before a decision under the cycle's rule set: a binding rule's undecided eligible
 * prerequisites are an error, its undecided pending ones a warning; a rule the rule set does not
 * have is advice (shown, never blocking, no justification). Empty lists when the order is kept.
 */
export function checkDecisionOrder(groups: readonly OrderGroup[], ruleSet: RuleSetCode | string = 'QD366-HD43'): { errors: OrderFinding[]; warnings: OrderFinding[]; advice: OrderFinding[] } {
  const errors: OrderFinding[] = [];
  const warnings: OrderFinding[] = [];
  const advice: OrderFinding[] = [];
  for (const group of groups) {
    const reading = orderReading(ruleSet, group);
    const blocking = group.items.filter((p) => p.eligibility === 'eligible' && !p.decided);
    const later = group.items.filter((p) => p.eligibility === 'pending' && !p.decided);
    if (!reading.binding) {
      const all = [...blocking, ...later];
      if (all.length > 0) advice.push(finding(group, reading, all, false));
      continue;
    }
    if (blocking.length > 0) errors.push(finding(group, reading, blocking, false));
    if (later.length > 0) warnings.push(finding(group, reading, later, true));
  }
  return { errors, warnings, advice };
}
