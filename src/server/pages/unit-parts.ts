/**
 * Pieces shared by the overview and a unit's page: grade badges, count lines, the cycle's name as
 * users say it ("năm 2022", not the period code), and the download links of a unit's forms and
 * report for the roles that may read them.
 */
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { can, type Role } from '../../domain/access.js';
import { ELIGIBILITY_LABELS, type Eligibility, GRADE_LABELS, GRADES, type Grade, type UnitKind } from '../../domain/codes.js';
import type { TreeNode } from '../../domain/tree.js';
import type { CycleSummary } from '../../db/queries/overview.js';
import type { UnitCounts } from '../../services/overview.js';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const nf = new Intl.NumberFormat('vi-VN');
/** Vietnamese grouping: 2.731. */
export const fmt = (n: number): string => nf.format(n);

export { cycleName } from '../../domain/model/cycles.js';

/** The query string that keeps the cycle across links (the period only when it is not the year). */
export function cycleQuery(c: Pick<CycleSummary, 'year' | 'period'> | null): string {
  if (!c) return '';
  return c.period === 'nam' ? `?cycle=${c.year}` : `?cycle=${c.year}&period=${encodeURIComponent(c.period)}`;
}

/** A grade as a coloured badge, or "chưa xếp loại". */
export function gradeBadge(grade: Grade | null | undefined): Html {
  if (!grade) return html`<span class="badge muted">chưa xếp loại</span>`;
  return html`<span class="badge g-${grade}" title="${GRADE_LABELS[grade]}">${grade}</span>`;
}

/** The Vietnamese label of an eligibility code. */
export function eligibilityText(eligibility: string): string {
  return ELIGIBILITY_LABELS[eligibility as Eligibility] ?? eligibility;
}

/** The stat cards of a unit: members, graded, each grade; not required and pending only when there are any. */
export function statCards(c: UnitCounts): Html {
  const graded = GRADES.reduce((s, g) => s + c[g], 0);
  const extra: [number, string][] = [
    [c.notRequired, 'không phải đánh giá, xếp loại'],
    [c.pending, 'chưa được đánh giá, xếp loại'],
  ];
  return html`<div class="stats">
<div class="stat"><b>${fmt(c.members)}</b><span>đảng viên</span></div>
<div class="stat"><b>${fmt(graded)}</b><span>đảng viên đã xếp loại</span></div>
${GRADES.map((g) => html`<div class="stat"><b class="g-${g}">${fmt(c[g])}</b><span>${GRADE_LABELS[g]}</span></div>`)}
${extra.filter(([n]) => n > 0).map(([n, label]) => html`<div class="stat"><b>${fmt(n)}</b><span>${label}</span></div>`)}
</div>`;
}

/** "75 đảng viên · HTXS 13 · HTT 55 · …" (without the members when `members` is false), each part kept on one line. */
export function countsLine(c: UnitCounts, members = true): Html {
  const parts = [
    ...(members ? [html`<span>${fmt(c.members)} đảng viên</span>`] : []),
    ...GRADES.map((g) => html`<span class="g-${g}" title="${GRADE_LABELS[g]}">${g} ${fmt(c[g])}</span>`),
  ];
  return html`<span class="counts">${parts.map((p, i) => html`${i > 0 ? ' · ' : ''}${p}`)}</span>`;
}

/** Units whose forms and report are compiled: every committee and grassroots cell, not a cell under a committee. */
const REPORTING_KINDS: readonly UnitKind[] = ['province_committee', 'district_committee', 'grassroots_committee', 'grassroots_cell', 'sub_committee'];

/**
 * Download links of a unit's statistical forms (Excel) and report (.docx, PDF) for the cycle, shown
 * only to a role that may read them (the API routes check `read` on the unit, src/server/routes/).
 */
export function downloadLinks(node: TreeNode, cycle: CycleSummary | null, role: Role): Html {
  if (!cycle || !REPORTING_KINDS.includes(node.kind) || !can(role, 'read')) return html``;
  const key = `${encodeURIComponent(node.code)}/${cycle.year}`;
  const q = cycle.period === 'nam' ? '' : `?period=${encodeURIComponent(cycle.period)}`;
  return html`<div class="downloads" aria-label="Tải về">
<a class="button" href="/api/forms/${key}/xlsx${q}" download>Tải biểu thống kê (Excel)</a>
<a class="button" href="/api/reports/${key}/docx${q}" download>Tải báo cáo (.docx)</a>
<a class="button" href="/api/reports/${key}/pdf${q}" download>Tải báo cáo (.pdf)</a>
</div>`;
}
