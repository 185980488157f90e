/**
 * The first page (a district's or province's grassroots organisations with their counts) and one
 * unit's page (its child units, or its members and their grades). A user whose scope is a cell or
 * a grassroots organisation lands on that unit's page directly. Sections with nothing in them are
 * not shown.
 */
import { html } from 'hono/html';
import type { Role } from '../../domain/access.js';
import { GRADE_LABELS, GRADES, type Grade, ORG_TYPE_LABELS, UNIT_KIND_LABELS } from '../../domain/codes.js';
import type { TreeNode } from '../../domain/tree.js';
import type { MemberRow } from '../../db/queries/overview.js';
import type { YearFigures } from '../../domain/forms/index.js';
import { yearComparison } from './year-comparison.js';
import { type Overview, totalsOf } from '../../services/overview.js';
import {
  countsLine,
  cycleName,
  cycleQuery,
  downloadLinks,
  eligibilityText,
  fmt,
  gradeBadge,
  type Html,
  statCards,
} from './unit-parts.js';

/** Who looks at the page: the role decides which download links are shown. */
export interface Viewer {
  role: Role;
}

/** The unit's own grade, or why it has none (new, graded by the superior, …). */
function ownGradeCell(own: { grade: Grade | null; eligibility: string } | undefined): Html {
  if (own && !own.grade && own.eligibility !== 'eligible') return html`<span class="muted">${eligibilityText(own.eligibility)}</span>`;
  return gradeBadge(own?.grade);
}

function unitLabel(node: TreeNode): string {
  const type = node.effectiveOrgType ? ` · ${ORG_TYPE_LABELS[node.effectiveOrgType]}` : '';
  return `${UNIT_KIND_LABELS[node.kind]}${type}`;
}

function unitLink(overview: Overview, node: TreeNode): Html {
  return html`<a href="/units/${encodeURIComponent(node.code)}${cycleQuery(overview.cycle)}">${node.name}</a>`;
}

function childTable(overview: Overview, nodes: readonly TreeNode[]): Html {
  // The type column says nothing when every row has the same type.
  const showType = new Set(nodes.map(unitLabel)).size > 1;
  return html`<div class="scroll"><table>
<thead><tr><th>Đơn vị</th>${showType ? html`<th class="hide-sm">Loại</th>` : ''}<th class="n">Đảng viên</th>
${GRADES.map((g) => html`<th class="n hide-sm" title="${GRADE_LABELS[g]}">${g}</th>`)}<th>Xếp loại đơn vị</th></tr></thead>
<tbody>${nodes.map((n) => {
    const t = totalsOf(overview, n.id);
    // On a phone the four grade columns fold into one line under the name.
    return html`<tr><td>${unitLink(overview, n)}<div class="show-sm">${countsLine(t, false)}</div></td>
${showType ? html`<td class="hide-sm muted">${unitLabel(n)}</td>` : ''}<td class="n">${fmt(t.members)}</td>
${GRADES.map((g) => html`<td class="n hide-sm g-${g}">${fmt(t[g])}</td>`)}
<td>${ownGradeCell(overview.ownGrades.get(n.id))}</td></tr>`;
  })}</tbody></table></div>`;
}

function grassrootsBlock(overview: Overview, node: TreeNode): Html {
  return html`<details>
<summary><span class="name">${node.name}</span>${ownGradeCell(overview.ownGrades.get(node.id))} ${countsLine(totalsOf(overview, node.id))}</summary>
<div class="inner"><p class="muted">${unitLabel(node)}</p>
<p><a class="button" href="/units/${encodeURIComponent(node.code)}${cycleQuery(overview.cycle)}">Xem trang ${node.name}</a></p>
${node.children.length > 0 ? childTable(overview, node.children) : ''}</div>
</details>`;
}

function cycleNav(overview: Overview, path: string): Html {
  if (overview.cycles.length <= 1) return html``;
  return html`<nav class="cycles">Kỳ đánh giá: ${overview.cycles.map((c) =>
    c.id === overview.cycle?.id ? html`<b>${cycleName(c)}</b> ` : html`<a href="${path}${cycleQuery(c)}">${cycleName(c)}</a> `,
  )}</nav>`;
}

function dmy(iso: string): string {
  return iso.split('-').reverse().join('/');
}

function footer(overview: Overview): Html {
  const c = overview.cycle;
  return c ? html`<p class="muted">${c.title} · bộ quy tắc ${c.ruleSet} · số liệu tại ngày ${dmy(c.referenceDate)}.</p>` : html``;
}

function heading(overview: Overview, node: TreeNode): string {
  return `${node.name}${overview.cycle ? ` — kết quả ${cycleName(overview.cycle)}` : ''}`;
}

/** Body of the overview page: each district shown (a province shows its districts), its totals, its years compared, and its grassroots organisations. */
export function overviewBody(overview: Overview, viewer: Viewer, years: ReadonlyMap<string, YearFigures[]> = new Map()): Html {
  if (overview.roots.length === 0) {
    return html`<h1>Chưa có dữ liệu</h1><p>Cơ sở dữ liệu chưa có đơn vị nào. Chạy <code>npx xeploai demo load</code> để nạp huyện mẫu.</p>`;
  }
  const shown = overview.roots.flatMap((root) =>
    root.kind === 'province_committee' && root.children.length > 0 ? root.children : [root],
  );
  return html`${cycleNav(overview, '/')}
${shown.map(
  (unit) => html`<h1>${heading(overview, unit)}</h1>
<div class="card">${statCards(totalsOf(overview, unit.id))}</div>
${downloadLinks(unit, overview.cycle, viewer.role)}
${yearComparison(years.get(unit.code))}
${unit.children.length > 0 ? html`<h2>Tổ chức cơ sở đảng và đơn vị trực thuộc (${fmt(unit.children.length)})</h2>
${unit.children.map((child) => grassrootsBlock(overview, child))}` : ''}`,
)}
${footer(overview)}`;
}

function crumbs(overview: Overview, path: readonly TreeNode[]): Html {
  if (path.length === 0) return html``;
  const links = [html`<a href="/${cycleQuery(overview.cycle)}">Tổng quan</a>`, ...path.map((p) => unitLink(overview, p))];
  return html`<nav class="crumbs" aria-label="Đường dẫn">${links.map((l, i) => html`${i > 0 ? ' › ' : ''}${l}`)}</nav>`;
}

/** Body of one unit's page: breadcrumbs, totals, downloads, child units, and its members with their grades. */
export function unitBody(options: { overview: Overview; node: TreeNode; path: TreeNode[]; members: MemberRow[]; viewer: Viewer }): Html {
  const { overview, node, path, members, viewer } = options;
  const hasMembers = members.length > 0;
  return html`${crumbs(overview, path)}
${cycleNav(overview, path.length === 0 ? '/' : `/units/${encodeURIComponent(node.code)}`)}
<h1>${heading(overview, node)}</h1>
<p class="muted">${unitLabel(node)}<span class="hide-sm"> · mã ${node.code}</span> · xếp loại đơn vị: ${ownGradeCell(overview.ownGrades.get(node.id))}</p>
<div class="card">${statCards(totalsOf(overview, node.id))}</div>
${downloadLinks(node, overview.cycle, viewer.role)}
${node.children.length > 0 ? html`<h2>Đơn vị trực thuộc (${fmt(node.children.length)})</h2>${childTable(overview, node.children)}` : ''}
${hasMembers ? memberTable(members) : node.children.length === 0 ? html`<p class="muted">Chưa có đảng viên.</p>` : ''}
${footer(overview)}`;
}

/** Members not required to be graded (FORMS.md §2 DV `not_required`) show why, as the form counts them. */
const NOT_REQUIRED = new Set(['exempt', 'new_member', 'suspended']);

function memberGrade(m: MemberRow): Html {
  if (m.eligibility && NOT_REQUIRED.has(m.eligibility)) return html`<span class="muted">${eligibilityText(m.eligibility)}</span>`;
  if (m.grade) return html`${gradeBadge(m.grade)} <span class="hide-sm">${GRADE_LABELS[m.grade]}</span>`;
  return html`<span class="muted">${m.eligibility ? eligibilityText(m.eligibility) : 'chưa có phiếu đánh giá'}</span>`;
}

function memberTable(members: MemberRow[]): Html {
  return html`<h2>Đảng viên sinh hoạt tại chi bộ (${fmt(members.length)})</h2>
<div class="scroll"><table class="members"><thead><tr><th class="n">TT</th><th>Họ và tên</th><th class="hide-sm">Số thẻ đảng viên</th><th>Xếp loại</th></tr></thead>
<tbody>${members.map(
    (m, i) => html`<tr><td class="n">${i + 1}</td><td>${m.fullName}${m.official ? '' : html` <span class="muted">(dự bị)</span>`}</td>
<td class="hide-sm muted">${m.cardNumber}</td>
<td>${memberGrade(m)}</td></tr>`,
  )}</tbody></table></div>`;
}
