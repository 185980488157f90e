/**
 * The subjects a number counts (issue #9 item 6: "any number drills down to the subjects it
 * counts"; UI.md principle 5): one cell of a unit's form, traced to the evaluations, review topics
 * and entered counts behind it (GET /api/forms/:unit/:year/:form/trace).
 */
import { useTranslation } from 'react-i18next';
import type { TraceResult } from '../../../src/services/forms-trace.js';
import { api, qs } from '../api.js';
import { ErrorNotice, Loading, useData, useTitle } from '../components/common.js';
import { fmtInt } from '../format.js';
import { tk } from '../i18n.js';
import { Link, useLocation } from '../router.js';
import { useSession } from '../session.js';

const KIND: Record<string, string> = { member: tk('Đảng viên'), unit: tk('Tổ chức đảng'), collective: tk('Tập thể'), position: tk('Cán bộ lãnh đạo') };

export function TracePage({ code }: { code: string }) {
  const { t } = useTranslation();
  const { query } = useLocation();
  const { cycle, withCycle } = useSession();
  const form = query.get('form') ?? 'DV';
  const row = query.get('row') ?? 'graded';
  const col = query.get('col') ?? 'total';
  const period = cycle && cycle.period !== 'nam' ? cycle.period : undefined;
  const { data, error } = useData<TraceResult | null>((s) => (cycle ? api.get<TraceResult>(`/api/forms/${encodeURIComponent(code)}/${cycle.year}/${form}/trace${qs({ row, col, period })}`, s) : Promise.resolve(null)), [code, cycle?.year, form, row, col, period]);
  useTitle(t('Những đối tượng được đếm'));
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <Loading />;
  return (
    <>
      <h1>{t('{{n}} đối tượng được đếm', { n: fmtInt(data.value) })}</h1>
      <p className="muted">{t('Biểu {{form}}, dòng «{{row}}», cột «{{col}}» của {{unit}}, năm {{year}}.', { form, row, col, unit: code, year: data.year })}</p>
      <p><Link href={withCycle(`/units/${encodeURIComponent(code)}/forms`)}>{t('Xem biểu {{form}}', { form })}</Link></p>
      <div className="table-wrap">
        <table className="cards">
          <thead><tr><th scope="col">{t('Đối tượng')}</th><th scope="col">{t('Loại')}</th><th scope="col">{t('Đơn vị')}</th><th scope="col" className="num">{t('Số đếm')}</th></tr></thead>
          <tbody>
            {data.entries.map((e, i) => (
              <tr key={`${e.id ?? 'x'}-${i}`}>
                <td data-label={t('Đối tượng')}>{e.source === 'evaluation' && e.id ? <Link href={withCycle(`/subjects/${e.id}`)}>{e.name ?? e.subjectRef}</Link> : (e.name ?? (e.source === 'entered' ? t('Số liệu nhập trực tiếp') : e.subjectRef))}{e.subjectRef && e.subjectKind === 'member' ? <span className="muted small"> · {e.subjectRef}</span> : null}</td>
                <td data-label={t('Loại')}>{e.subjectKind ? t(KIND[e.subjectKind] ?? e.subjectKind) : t('Số liệu nhập')}</td>
                <td data-label={t('Đơn vị')}><Link href={withCycle(`/units/${encodeURIComponent(e.unitCode)}`)}>{e.unitCode}</Link></td>
                <td data-label={t('Số đếm')} className="num">{fmtInt(e.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.entries.length === 0 ? <p className="muted">{t('Ô này bằng 0: không có đối tượng nào.')}</p> : null}
    </>
  );
}
