/**
 * A committee's dashboard (issue #9 item 6): its roll; its units' reports on time, late or missing;
 * grade distributions by subject kind and by organisation type with charts and the numbers beside
 * them (every number a link to the subjects it counts); the previous cycle; the anomalies.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellNumber, DashboardView, GradeRow } from '../../../src/services/dashboard.js';
import type { ProgressNode } from '../../../src/services/progress.js';
import { api, qs } from '../api.js';
import { StackedBars } from '../components/chart.js';
import { Badge, ErrorNotice, Loading, useData, useTitle, NoCycle } from '../components/common.js';
import { fmtDate, fmtDateTime, fmtInt, fmtPct } from '../format.js';
import { tk } from '../i18n.js';
import { GRADES, gradeLabel, unitKindLabel, unitStateLabel } from '../labels.js';
import { Link } from '../router.js';
import { useSession } from '../session.js';
import { DeadlineText } from '../workspace/report-bar.js';
import { Cite } from '../workspace/cite.js';
import { plainRuleText } from '../workspace/citation.js';
import { AuditAnomalies } from '../dashboard/audit-anomalies.js';

const COLORS = { HTXS: '#0b6b3a', HTT: '#1a56a0', HT: '#b8860b', KHT: '#b3261e' } as const;

/** Labels the dashboard's read model sends (src/services/dashboard.ts), translated where shown. */
export const SERVER_LABELS = [
  tk('Đảng viên'),
  tk('Tổ chức cơ sở đảng'),
  tk('Tổ chức đảng trực thuộc'),
  tk('Tập thể lãnh đạo, quản lý cấp tỉnh'),
  tk('Tập thể lãnh đạo, quản lý cấp huyện'),
  tk('Tập thể lãnh đạo, quản lý cấp cơ sở'),
  tk('Cán bộ lãnh đạo, quản lý cấp tỉnh'),
  tk('Cán bộ lãnh đạo, quản lý cấp huyện'),
  tk('Cán bộ lãnh đạo, quản lý cấp cơ sở'),
];

function NumberLink({ n, code, base }: { n: CellNumber; code: string; base?: number }) {
  const { withCycle } = useSession();
  const text = fmtInt(n.value);
  const pct = base !== undefined ? <span className="muted small"> ({fmtPct(n.value, base)})</span> : null;
  if (!n.trace || n.value === 0) return <>{text}{pct}</>;
  const href = withCycle(`/units/${encodeURIComponent(code)}/trace${qs({ form: n.trace.form, row: n.trace.row, col: n.trace.col })}`);
  return <><Link href={href}>{text}</Link>{pct}</>;
}

function GradeTable({ rows, code, caption }: { rows: GradeRow[]; code: string; caption: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('Đối tượng')}</th>
            <th scope="col" className="num">{t('Đã xếp loại')}</th>
            {GRADES.map((g) => <th key={g} scope="col" className="num"><abbr title={gradeLabel(g, i18n.language)}>{g}</abbr></th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row" style={{ background: 'none', color: 'inherit', fontSize: '1rem' }}>{t(r.label)}</th>
              <td className="num">{fmtInt(r.graded)}</td>
              {GRADES.map((g) => <td key={g} className={`num g-${g}`}><NumberLink n={r.grades[g]} code={code} base={r.graded} /></td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Distribution({ rows, code, title }: { rows: GradeRow[]; code: string; title: string }) {
  const { t, i18n } = useTranslation();
  const categories = useMemo(() => rows.map((r) => t(r.label)), [rows, t]);
  const series = useMemo(() => GRADES.map((g) => ({ name: `${g} — ${gradeLabel(g, i18n.language)}`, color: COLORS[g], values: rows.map((r) => r.grades[g].value) })), [rows, i18n.language]);
  if (rows.length === 0) return null;
  return (
    <section>
      <h2>{title}</h2>
      <div className="chart-row">
        <GradeTable rows={rows} code={code} caption={title} />
        <div className="card"><StackedBars categories={categories} series={series} label={t('Biểu đồ tỉ lệ xếp loại: {{title}} (số liệu ở bảng bên cạnh)', { title })} /></div>
      </div>
    </section>
  );
}

type ReportFilter = 'all' | 'late' | 'missing' | 'onTime' | 'pending';

function reportKind(n: ProgressNode, today: string): Exclude<ReportFilter, 'all'> {
  if (n.report.timing?.status === 'on_time') return 'onTime';
  if (n.report.timing?.status === 'late') return 'late';
  return today > (n.report.deadline ?? '') ? 'missing' : 'pending';
}

function Reports({ view }: { view: DashboardView }) {
  const { t, i18n } = useTranslation();
  const { withCycle } = useSession();
  const [filter, setFilter] = useState<ReportFilter>(view.reports.missing + view.reports.late > 0 ? 'missing' : 'all');
  const [limit, setLimit] = useState(20);
  const r = view.reports;
  const units = r.units.filter((n) => filter === 'all' || reportKind(n, view.today) === filter);
  const chip = (f: ReportFilter, label: string, n: number) => (
    <button type="button" className={`button small${filter === f ? ' primary' : ''}`} aria-pressed={filter === f} onClick={() => { setFilter(f); setLimit(20); }}>
      {label}: {fmtInt(n)}
    </button>
  );
  return (
    <section>
      <h2>{t('Báo cáo của các đơn vị trực thuộc')}</h2>
      <div className="actions" style={{ marginBottom: '.5rem' }}>
        {chip('all', t('Tất cả'), r.units.length)}
        {chip('onTime', t('Đúng hạn'), r.onTime)}
        {chip('late', t('Gửi muộn'), r.late)}
        {chip('missing', t('Quá hạn chưa gửi'), r.missing)}
        {chip('pending', t('Chưa đến hạn'), r.pending)}
      </div>
      <div className="table-wrap">
        <table className="cards">
          <thead>
            <tr><th scope="col">{t('Đơn vị')}</th><th scope="col">{t('Trạng thái')}</th><th scope="col">{t('Hạn gửi')}</th><th scope="col">{t('Gửi lúc')}</th><th scope="col" className="num">{t('Đã xếp loại / đảng viên')}</th></tr>
          </thead>
          <tbody>
            {units.slice(0, limit).map((n) => (
              <tr key={n.code}>
                <td data-label={t('Đơn vị')}><Link href={withCycle(`/units/${encodeURIComponent(n.code)}`)}>{n.name}</Link><div className="muted small">{unitKindLabel(n.kind, i18n.language)}</div></td>
                <td data-label={t('Trạng thái')}><Badge kind={n.state}>{unitStateLabel(n.state, i18n.language)}</Badge></td>
                <td data-label={t('Hạn gửi')}><DeadlineText node={n} /></td>
                <td data-label={t('Gửi lúc')}>{fmtDateTime(n.report.submittedAt)}</td>
                <td data-label={t('Đã xếp loại / đảng viên')} className="num">{fmtInt(n.counts.decided)} / {fmtInt(n.counts.roll)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {units.length > limit ? (
        <p>
          <span className="muted">{t('Đang hiện {{n}}/{{all}} đơn vị.', { n: fmtInt(limit), all: fmtInt(units.length) })}</span>{' '}
          <button type="button" className="button small" onClick={() => setLimit(limit + 50)}>{t('Hiện thêm')}</button>
        </p>
      ) : null}
    </section>
  );
}

export function DashboardPage({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const { cycle, withCycle } = useSession();
  const period = cycle && cycle.period !== 'nam' ? cycle.period : undefined;
  const { data, error } = useData<DashboardView | null>((s) => (cycle ? api.get<DashboardView>(`/api/dashboard/${encodeURIComponent(code)}/${cycle.year}${qs({ period })}`, s) : Promise.resolve(null)), [code, cycle?.year, period]);
  useTitle(data ? t('Tổng hợp — {{unit}}', { unit: data.unit.name }) : null);
  if (!cycle) return <NoCycle />;
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <Loading />;
  const c = data.root.counts;
  const members = data.byKind.find((r) => r.key === 'member');
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('Tổng hợp — {{unit}}', { unit: data.unit.name })}</h1>
          <p className="muted">{data.cycle.title} · {t('số liệu tại ngày {{date}}', { date: fmtDate(data.cycle.referenceDate) })}</p>
        </div>
        <div className="actions">
          <Link className="button" href={withCycle(`/units/${encodeURIComponent(code)}`)}>{t('Danh sách xếp loại')}</Link>
          <Link className="button" href={withCycle(`/units/${encodeURIComponent(code)}/forms`)}>{t('Biểu thống kê')}</Link>
          <Link className="button primary" href={withCycle(`/units/${encodeURIComponent(code)}/report`)}>{t('Báo cáo')}</Link>
        </div>
      </div>
      <div className="stats" data-testid="dashboard-stats">
        <div className="stat"><b>{fmtInt(c.roll)}</b><span>{t('đảng viên trong danh sách')}</span></div>
        <div className="stat"><b>{members ? <NumberLink n={{ value: c.decided, trace: { form: 'DV', row: 'graded', col: 'total' } }} code={code} /> : fmtInt(c.decided)}</b><span>{t('đã xếp loại: {{p}} của {{base}} phải xếp loại', { p: fmtPct(c.decided, c.roll - c.notRequired), base: fmtInt(c.roll - c.notRequired) })}</span></div>
        <div className="stat"><b>{fmtInt(c.proposed)}</b><span>{t('đang xếp loại, chờ quyết định')}</span></div>
        <div className="stat"><b>{fmtInt(c.notYet)}</b><span>{t('chưa xếp loại')}</span></div>
        <div className="stat"><b><NumberLink n={{ value: c.notRequired, trace: { form: 'DV', row: 'not_required', col: 'total' } }} code={code} /></b><span>{t('không phải xếp loại')}</span></div>
      </div>
      <section>
        <h2>{t('Điểm cần chú ý')}</h2>
        {data.anomalies.length > 0 ? <h3>{t('Tỉ lệ và so sánh giữa các đơn vị ({{n}})', { n: fmtInt(data.anomalies.length) })}</h3> : null}
        {data.anomalies.length > 0 ? (
          <ul className="card" style={{ paddingLeft: '2rem' }}>
            {data.anomalies.map((a, i) => (
              <li key={i}><Link href={withCycle(`/units/${encodeURIComponent(a.unitCode)}`)}>{a.unitName}</Link>: {a.source ? plainRuleText(a.text, t, a.source) : a.text}{a.source && !a.text.includes(a.source) ? <Cite source={a.source} /> : null}</li>
            ))}
          </ul>
        ) : <p className="notice ok">{t('Tỉ lệ và so sánh giữa các đơn vị: chưa thấy điểm bất thường (vượt tỉ lệ HTXS, đơn vị toàn HTXS, đơn vị khác xa đơn vị cùng loại).')}</p>}
        <AuditAnomalies code={code} year={data.cycle.year} period={period} decided={data.byKind.reduce((s, r) => s + r.graded, 0)} />
      </section>
      <Reports view={data} />
      <Distribution rows={data.byKind} code={code} title={t('Kết quả xếp loại theo đối tượng')} />
      <Distribution rows={data.byOrgType} code={code} title={t('Đảng viên theo loại hình tổ chức cơ sở đảng')} />
      {data.previous && members ? (
        <section>
          <h2>{t('So với năm {{year}}', { year: data.previous.year })}</h2>
          <div className="table-wrap">
            <table>
              <thead><tr><th scope="col">{t('Mức xếp loại đảng viên')}</th><th scope="col" className="num">{t('Năm {{y}}', { y: data.previous.year })}</th><th scope="col" className="num">{t('Năm {{y}}', { y: data.cycle.year })}</th></tr></thead>
              <tbody>
                {GRADES.map((g) => (
                  <tr key={g}>
                    <th scope="row" style={{ background: 'none', color: 'inherit', fontSize: '1rem' }}>{g} — {gradeLabel(g, i18n.language)}</th>
                    <td className="num">{fmtInt(data.previous!.members[g])} <span className="muted small">({fmtPct(data.previous!.members[g], data.previous!.graded)})</span></td>
                    <td className="num"><NumberLink n={members.grades[g]} code={code} base={members.graded} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
