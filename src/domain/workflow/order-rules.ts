/**
 * The order of decisions (GUIDE.md §4.6; QĐ 366 Điều 12 khoản 2, rules_2025.md §1.5): "(1) Tập thể
 * lãnh đạo, quản lý trước, cá nhân thành viên sau. (2) Hoàn thành đánh giá, xếp loại tập thể lãnh đạo,
 * quản lý trước khi đánh giá, xếp loại người đứng đầu. (3) Hoàn thành đánh giá, xếp loại tập thể cấp
 * uỷ, tổ chức đảng, đảng viên trực thuộc trước khi đánh giá, xếp loại tổ chức đảng. (4) Đánh giá, xếp
 * loại tổ chức, cơ quan, đơn vị trước, tổ chức đảng sau. (5) Tập thể cấp dưới trước, cấp trên sau."
 * GUIDE.md §4.6 states the order for every cycle, so it is checked under every rule set.
 *
 * A prerequisite counts when it is due to be graded here: 'eligible' and not decided blocks (an
 * error); 'pending' (absent, graded later: HD 21, II.6) only warns; subjects not graded here (exempt,
 * suspended, new, graded by a higher level) are left out.
 */
import type { Eligibility } from '../codes.js';

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

/** Prerequisites of one rule, with a noun naming them ("đảng viên", "tổ chức đảng trực thuộc"). */
export interface OrderGroup {
  rule: OrderRule;
  noun: string;
  items: readonly Prerequisite[];
}

/** The source of rule `n`. */
export function orderSource(rule: OrderRule): string {
  return `QĐ 366, Điều 12 khoản 2 (${rule}); GUIDE.md §4.6`;
}

function finding(group: OrderGroup, missing: readonly Prerequisite[], pendingOnly: boolean): OrderFinding {
  const total = group.items.filter((p) => p.eligibility === 'eligible' || p.eligibility === 'pending').length;
  const sample = missing.slice(0, 5).map((p) => p.label);
  const more = missing.length > sample.length ? ` và ${missing.length - sample.length} đối tượng khác` : '';
  const what = pendingOnly ? 'chưa được xếp loại (vắng mặt, xếp loại sau)' : 'chưa được quyết định xếp loại';
  const text = `${missing.length}/${total} ${group.noun} ${what}: ${sample.join(', ')}${more} — ${RULE_TEXT[group.rule]} (${orderSource(group.rule)}).`;
  return { rule: group.rule, text, source: orderSource(group.rule), pending: missing.map((p) => p.label) };
}

/**
 * Checks the order before a decision: each group's undecided eligible prerequisites are an error,
 * undecided pending ones a warning. Returns both lists (empty when the order is kept).
 */
export function checkDecisionOrder(groups: readonly OrderGroup[]): { errors: OrderFinding[]; warnings: OrderFinding[] } {
  const errors: OrderFinding[] = [];
  const warnings: OrderFinding[] = [];
  for (const group of groups) {
    const blocking = group.items.filter((p) => p.eligibility === 'eligible' && !p.decided);
    const later = group.items.filter((p) => p.eligibility === 'pending' && !p.decided);
    if (blocking.length > 0) errors.push(finding(group, blocking, false));
    if (later.length > 0) warnings.push(finding(group, later, true));
  }
  return { errors, warnings };
}
