/**
 * The dashboard's comparison of years (issue #10 item 6): a unit's members by grade and its
 * grassroots organisations rated good or better, year by year, newest first, from the same stored
 * counts as the forms (a past year may be a report's imported counts). Shown from two years on.
 */
import { html } from 'hono/html';
import type { YearFigures } from '../../domain/forms/index.js';
import { formatPercentVi } from '../../domain/format/index.js';
import { fmt, type Html } from './unit-parts.js';

const pct = (v: number, b: number) => (b > 0 ? `${formatPercentVi(v, b, 2)}%` : '—');

/** The table, or nothing when fewer than two years have figures. */
export function yearComparison(years: readonly YearFigures[] | undefined): Html {
  if (!years || years.length < 2) return html``;
  const rows = [...years].reverse();
  return html`<h2>So sánh các năm</h2>
<div class="scroll"><table class="years"><thead><tr><th>Năm</th><th class="n">Đảng viên</th><th class="n">Đã xếp loại</th><th class="n" title="Hoàn thành xuất sắc nhiệm vụ">HTXS</th>
<th class="n" title="Hoàn thành tốt nhiệm vụ trở lên">HTT trở lên</th><th class="n" title="Không hoàn thành nhiệm vụ">KHT</th><th class="n hide-sm" title="Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên">TCCSĐ HTT trở lên</th></tr></thead>
<tbody>${rows.map((y) => {
    const m = y.members;
    const o = y.organisations;
    return html`<tr><td>${y.year}</td><td class="n">${fmt(m.total)}</td><td class="n">${fmt(m.graded)}</td><td class="n g-HTXS">${fmt(m.htxs)} <span class="muted">(${pct(m.htxs, m.graded)})</span></td>
<td class="n g-HTT">${fmt(m.htxs + m.htt)} <span class="muted">(${pct(m.htxs + m.htt, m.graded)})</span></td><td class="n g-KHT">${fmt(m.kht)}</td>
<td class="n hide-sm">${o.graded > 0 ? html`${fmt(o.htxs + o.htt)}/${fmt(o.graded)} (${pct(o.htxs + o.htt, o.graded)})` : '—'}</td></tr>`;
  })}</tbody></table></div>
<p class="muted">Tỷ lệ tính trên số đã xếp loại. Năm chưa dùng phần mềm lấy số liệu nhập từ báo cáo năm đó.</p>`;
}
