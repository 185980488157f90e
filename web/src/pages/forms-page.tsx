/**
 * The statistical forms (issue #9 item 7) as the official tables — merged column headers, numbered
 * columns, section rows — with the checker's findings highlighted in the cells they name and listed
 * below; every number links to the subjects it counts; downloads (.xlsx, .json, the report as .docx
 * and .pdf) with progress while a file is made.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../src/domain/forms/index.js';
import type { FormLayout } from '../../../src/reports/forms-layout.js';
import type { FormsView } from '../../../src/services/forms-view.js';
import { api, ApiError, download, qs } from '../api.js';
import { ErrorNotice, Loading, useData, useTitle, NoCycle } from '../components/common.js';
import { fmtInt } from '../format.js';
import { Link } from '../router.js';
import { useSession } from '../session.js';

function findingAt(findings: readonly Finding[], form: string, row: string | null, col: string): Finding | undefined {
  return findings.find((f) => f.form === form && ((f.suspect && f.suspect.row === row && f.suspect.col === col) || (f.row !== null && row !== null && f.row.split('+').includes(row) && f.col === col)));
}

function FormTable({ layout, findings, code }: { layout: FormLayout; findings: readonly Finding[]; code: string }) {
  const { t } = useTranslation();
  const { withCycle } = useSession();
  const rows = Array.from({ length: layout.headerDepth }, (_, r) => layout.header.filter((h) => h.row === r).sort((a, b) => a.col - b.col));
  return (
    <>
      <div className="form-head">
        {layout.issuerLines.map((l) => <div key={l}>{l}</div>)}
        {layout.titleLines.map((l) => <div key={l} className="title">{l}</div>)}
        {layout.subtitle ? <div className="title">{layout.subtitle}</div> : null}
        <div className="small"><i>{layout.attachedLine}</i></div>
        {layout.codeLine ? <div className="small">{layout.codeLine}</div> : null}
      </div>
      <div className="table-wrap">
        <table className="form-table">
          <caption className="visually-hidden">{layout.titleLines.join(' ')}</caption>
          <thead>
            {rows.map((cells, r) => (
              <tr key={r}>{cells.map((h) => <th key={`${h.row}-${h.col}`} scope="col" rowSpan={h.rowSpan} colSpan={h.colSpan}>{h.text}</th>)}</tr>
            ))}
            <tr>
              <th scope="col">1</th><th scope="col">2</th>
              {layout.columns.map((c) => <th key={c.code} scope="col">{c.number}</th>)}
            </tr>
          </thead>
          <tbody>
            {layout.rows.map((row, i) => (
              <tr key={i} className={row.kind === 'heading' ? 'heading' : undefined}>
                <td>{row.stt}</td>
                <td className="label" style={{ fontWeight: row.bold ? 700 : 400, fontStyle: row.italic ? 'italic' : 'normal' }}>{row.label}</td>
                {layout.columns.map((c) => {
                  if (row.kind !== 'data' || !row.values) return <td key={c.code} />;
                  const v = row.values[c.code] ?? 0;
                  const f = findingAt(findings, layout.form, row.code, c.code);
                  const href = withCycle(`/units/${encodeURIComponent(code)}/trace${qs({ form: layout.form, row: row.code, col: c.code })}`);
                  return (
                    <td key={c.code} className={`v${f ? ` finding ${f.severity}` : ''}`} title={f ? f.message.vi : undefined}>
                      {v === 0 ? '' : <Link href={href} aria-label={t('{{v}}: {{row}} — {{col}}', { v: fmtInt(v), row: row.label, col: c.path.join(' / ') })}>{fmtInt(v)}</Link>}
                      {f ? <span className="visually-hidden"> ({t('có lỗi')})</span> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

type Busy = Record<string, string | undefined>;

export function FormsPage({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const { cycle } = useSession();
  const period = cycle && cycle.period !== 'nam' ? cycle.period : undefined;
  const { data, error } = useData<FormsView | null>((s) => (cycle ? api.get<FormsView>(`/api/forms/${encodeURIComponent(code)}/${cycle.year}/layout${qs({ period })}`, s) : Promise.resolve(null)), [code, cycle?.year, period]);
  const [tab, setTab] = useState(0);
  const [busy, setBusy] = useState<Busy>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  useTitle(data ? t('Biểu thống kê — {{unit}}', { unit: data.unit.name }) : null);
  if (!cycle) return <NoCycle />;
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <Loading />;
  const base = `${encodeURIComponent(code)}/${cycle.year}`;
  const get = async (key: string, path: string, name: string, wait: string) => {
    setBusy((b) => ({ ...b, [key]: wait }));
    setFailure(null);
    try {
      const file = await download(path + qs({ period }), name);
      setBusy((b) => ({ ...b, [key]: t('Đã tải {{name}}', { name: file.name }) }));
    } catch (e) {
      setBusy((b) => ({ ...b, [key]: undefined }));
      if (e instanceof ApiError) setFailure(e);
    }
  };
  const files = [
    { key: 'xlsx', label: t('Biểu thống kê (.xlsx)'), path: `/api/forms/${base}/xlsx`, name: `Bieu-thong-ke-${code}-${cycle.year}.xlsx`, wait: t('Đang tạo bảng tính…') },
    { key: 'json', label: t('Số liệu (.json)'), path: `/api/forms/${base}`, name: `so-lieu-${code}-${cycle.year}.json`, wait: t('Đang tải…') },
    { key: 'docx', label: t('Báo cáo (.docx)'), path: `/api/reports/${base}/docx`, name: `bao-cao-${code}-${cycle.year}.docx`, wait: t('Đang tạo báo cáo…') },
    { key: 'pdf', label: t('Báo cáo (.pdf)'), path: `/api/reports/${base}/pdf`, name: `bao-cao-${code}-${cycle.year}.pdf`, wait: t('Đang tạo PDF, có thể mất vài giây…') },
  ];
  const errors = data.findings.filter((f) => f.severity === 'error').length;
  const layout = data.forms[tab]!;
  const own = data.findings.filter((f) => f.form === layout.form);
  return (
    <>
      <h1>{t('Biểu thống kê — {{unit}}', { unit: data.unit.name })}</h1>
      <p className="muted">{t('Năm {{y}} · số liệu trực tiếp từ kết quả xếp loại; mỗi số dẫn tới các đối tượng được đếm.', { y: data.cycle.year })}</p>
      <section className="card" aria-labelledby="dl-title">
        <h2 id="dl-title" style={{ marginTop: 0 }}>{t('Tải về')}</h2>
        <div className="actions">
          {files.map((f) => (
            <span key={f.key}>
              <button type="button" className="button" disabled={Boolean(busy[f.key]?.endsWith('…'))} onClick={() => void get(f.key, f.path, f.name, f.wait)}>{f.label}</button>{' '}
              {busy[f.key] ? <span className="small" role="status">{busy[f.key]}</span> : null}
            </span>
          ))}
        </div>
        <ErrorNotice error={failure} />
      </section>
      <p className={errors ? 'notice bad' : data.findings.length ? 'notice warn' : 'notice ok'} role="status">
        {data.findings.length === 0 ? t('Bộ kiểm tra không thấy lỗi nào (tổng cột, tổng dòng, quan hệ giữa các biểu, tỉ lệ HTXS).') : t('Bộ kiểm tra thấy {{e}} lỗi và {{w}} cảnh báo; các ô liên quan được tô màu.', { e: fmtInt(errors), w: fmtInt(data.findings.length - errors) })}
      </p>
      <div className="tabs" role="tablist">
        {data.forms.map((f, i) => {
          const n = data.findings.filter((x) => x.form === f.form).length;
          return <button key={f.form} role="tab" type="button" aria-selected={i === tab} onClick={() => setTab(i)}>{t('Biểu {{form}}', { form: f.form })}{n ? ` (${n})` : ''}</button>;
        })}
      </div>
      <FormTable layout={layout} findings={data.findings} code={code} />
      {own.length > 0 ? (
        <section>
          <h2>{t('Kết quả kiểm tra biểu {{form}}', { form: layout.form })}</h2>
          <ul>{own.map((f, i) => <li key={i} className={f.severity === 'error' ? 'g-KHT' : ''}>{i18n.language === 'en' ? f.message.en : f.message.vi}</li>)}</ul>
        </section>
      ) : null}
    </>
  );
}
