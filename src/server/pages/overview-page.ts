/** The first page: a cycle's unit tree with members and grade counts, and one unit's members. */
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import {
  ELIGIBILITY_LABELS,
  type Eligibility,
  GRADE_LABELS,
  GRADES,
  type Grade,
  ORG_TYPE_LABELS,
  UNIT_KIND_LABELS,
} from '../../domain/codes.js';
import type { TreeNode } from '../../domain/tree.js';
import type { MemberRow } from '../../db/queries/overview.js';
import type { Overview, UnitCounts } from '../../services/overview.js';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const nf = new Intl.NumberFormat('vi-VN');
const fmt = (n: number): string => nf.format(n);

function gradeBadge(grade: Grade | null | undefined): Html {
  if (!grade) return html`<span class="badge muted">chưa xếp loại</span>`;
  return html`<span class="badge g-${grade}" title="${GRADE_LABELS[grade]}">${grade}</span>`;
}

function eligibilityText(eligibility: string): string {
  return ELIGIBILITY_LABELS[eligibility as Eligibility] ?? eligibility;
}

/** The unit's own grade, or why it has none (new, graded by the superior, …). */
function ownGradeCell(own: { grade: Grade | null; eligibility: string } | undefined): Html {
  if (own && !own.grade && own.eligibility !== 'eligible') return html`<span class="muted">${eligibilityText(own.eligibility)}</span>`;
  return gradeBadge(own?.grade);
}

function cycleQuery(overview: Overview): string {
  return overview.cycle ? `?cycle=${overview.cycle.year}` : '';
}

function statCards(c: UnitCounts): Html {
  const graded = GRADES.reduce((s, g) => s + c[g], 0);
  return html`<div class="stats">
<div class="stat"><b>${fmt(c.members)}</b><span>đảng viên</span></div>
<div class="stat"><b>${fmt(graded)}</b><span>đảng viên đã xếp loại</span></div>
${GRADES.map((g) => html`<div class="stat"><b class="g-${g}">${fmt(c[g])}</b><span>${GRADE_LABELS[g]}</span></div>`)}
</div>`;
}

function countsLine(c: UnitCounts): Html {
  return html`<span class="counts">${fmt(c.members)} đảng viên · ${GRADES.map(
    (g, i) => html`${i > 0 ? ' · ' : ''}<span class="g-${g}" title="${GRADE_LABELS[g]}">${g} ${fmt(c[g])}</span>`,
  )}</span>`;
}

function unitLabel(node: TreeNode): string {
  const type = node.effectiveOrgType ? ` · ${ORG_TYPE_LABELS[node.effectiveOrgType]}` : '';
  return `${UNIT_KIND_LABELS[node.kind]}${type}`;
}

function unitLink(overview: Overview, node: TreeNode): Html {
  return html`<a href="/units/${encodeURIComponent(node.code)}${cycleQuery(overview)}">${node.name}</a>`;
}

function childTable(overview: Overview, nodes: readonly TreeNode[]): Html {
  return html`<table>
<thead><tr><th>Đơn vị</th><th class="hide-sm">Loại</th><th class="n">Đảng viên</th>
${GRADES.map((g) => html`<th class="n" title="${GRADE_LABELS[g]}">${g}</th>`)}<th>Xếp loại đơn vị</th></tr></thead>
<tbody>${nodes.map((n) => {
    const t = overview.totals.get(n.id);
    return html`<tr><td>${unitLink(overview, n)}</td>
<td class="hide-sm muted">${unitLabel(n)}</td><td class="n">${fmt(t?.members ?? 0)}</td>
${GRADES.map((g) => html`<td class="n g-${g}">${fmt(t?.[g] ?? 0)}</td>`)}
<td>${ownGradeCell(overview.ownGrades.get(n.id))}</td></tr>`;
  })}</tbody></table>`;
}

function grassrootsBlock(overview: Overview, node: TreeNode): Html {
  const t = overview.totals.get(node.id);
  return html`<details>
<summary><span class="name">${node.name}</span>${ownGradeCell(overview.ownGrades.get(node.id))} ${t ? countsLine(t) : ''}</summary>
<div class="inner"><p class="muted">${unitLabel(node)} · ${unitLink(overview, node)}</p>
${node.children.length > 0 ? childTable(overview, node.children) : html`<p class="muted">Chi bộ cơ sở: đảng viên sinh hoạt trực tiếp tại chi bộ.</p>`}</div>
</details>`;
}

function cycleNav(overview: Overview, path: string): Html {
  if (overview.cycles.length <= 1) return html``;
  return html`<nav class="cycles">Kỳ đánh giá: ${overview.cycles.map((c) =>
    c.id === overview.cycle?.id ? html`<b>${c.year}</b> ` : html`<a href="${path}?cycle=${c.year}">${c.year}</a> `,
  )}</nav>`;
}

function dmy(iso: string): string {
  return iso.split('-').reverse().join('/');
}

/** Body of the overview page: each root unit (a province shows its districts), its totals, and its grassroots organisations. */
export function overviewBody(overview: Overview): Html {
  if (overview.roots.length === 0) {
    return html`<h1>Chưa có dữ liệu</h1><p>Cơ sở dữ liệu chưa có đơn vị nào. Chạy <code>npx xeploai demo load</code> để nạp huyện mẫu.</p>`;
  }
  const c = overview.cycle;
  const shown = overview.roots.flatMap((root) =>
    root.kind === 'province_committee' && root.children.length > 0 ? root.children : [root],
  );
  return html`${cycleNav(overview, '/')}
${shown.map(
  (unit) => html`<h1>${unit.name}${c ? ` — kết quả năm ${c.year}` : ''}</h1>
<div class="card">${overview.totals.get(unit.id) ? statCards(overview.totals.get(unit.id)!) : ''}</div>
<h2>Tổ chức cơ sở đảng và đơn vị trực thuộc (${fmt(unit.children.length)})</h2>
${unit.children.map((child) => grassrootsBlock(overview, child))}`,
)}
${c ? html`<p class="muted">${c.title} · bộ quy tắc ${c.ruleSet} · số liệu tại ngày ${dmy(c.referenceDate)}.</p>` : ''}`;
}

/** Body of one unit's page: breadcrumbs, totals, child units, and its members with their grades. */
export function unitBody(options: { overview: Overview; node: TreeNode; path: TreeNode[]; members: MemberRow[] }): Html {
  const { overview, node, path, members } = options;
  const t = overview.totals.get(node.id);
  return html`<div class="crumbs"><a href="/${cycleQuery(overview)}">Tổng quan</a> › ${path.map((p) => html`${unitLink(overview, p)} › `)}</div>
${cycleNav(overview, `/units/${encodeURIComponent(node.code)}`)}
<h1>${node.name}</h1>
<p class="muted">${unitLabel(node)} · mã ${node.code} · xếp loại đơn vị: ${ownGradeCell(overview.ownGrades.get(node.id))}</p>
${t ? html`<div class="card">${statCards(t)}</div>` : ''}
${node.children.length > 0 ? html`<h2>Đơn vị trực thuộc (${fmt(node.children.length)})</h2>${childTable(overview, node.children)}` : ''}
${members.length > 0 ? memberTable(members) : node.children.length === 0 ? html`<p class="muted">Chưa có đảng viên.</p>` : ''}`;
}

function memberTable(members: MemberRow[]): Html {
  return html`<h2>Đảng viên sinh hoạt tại chi bộ (${fmt(members.length)})</h2>
<table><thead><tr><th class="n">TT</th><th>Họ và tên</th><th class="hide-sm">Số thẻ đảng viên</th><th>Xếp loại</th></tr></thead>
<tbody>${members.map(
    (m, i) => html`<tr><td class="n">${i + 1}</td><td>${m.fullName}${m.official ? '' : html` <span class="muted">(dự bị)</span>`}</td>
<td class="hide-sm muted">${m.cardNumber}</td>
<td>${m.grade ? gradeBadge(m.grade) : html`<span class="muted">${m.eligibility ? eligibilityText(m.eligibility) : 'chưa có phiếu đánh giá'}</span>`}</td></tr>`,
  )}</tbody></table>`;
}
