/**
 * The check panel (issue #9 item 3; UI.md principle 4: "the rule speaks where the decision is
 * made"): for the subject in focus, the highest grade allowed and why with each clause cited, the
 * HTXS cap's headroom in the scope now and if this subject were HTXS, the competent authority, the
 * order of decisions; and for the unit what is still missing before it can send its results.
 * Findings of further checks (`findings`) show as they come, so new checks plug in as data.
 */
import { useTranslation } from 'react-i18next';
import type { CheckPanel as Panel } from '../../../src/services/check-panel.js';
import { api } from '../api.js';
import { ErrorNotice, Loading, useData } from '../components/common.js';
import { fmtInt } from '../format.js';
import { gradeLabel, stageLabel } from '../labels.js';
import { plainRuleText } from './citation.js';
import { Cite } from './cite.js';

type Cap = Omit<Panel['cap']['ifHtxs'], 'scope'>;

function CapLine({ cap, title }: { cap: Cap; title: string }) {
  const { t } = useTranslation();
  return (
    <dd>
      <b>{title}</b>{' '}
      <span data-testid="cap-line">
        {t('{{used}} HTXS, tối đa {{max}} ({{percent}}% × {{base}} {{baseName}})', { used: fmtInt(cap.used), max: fmtInt(cap.allowedMax), percent: String(cap.percent).replace('.', ','), base: fmtInt(cap.baseCount), baseName: cap.base === 'HTT' ? 'HTT' : cap.base === 'HTT+HTXS' ? t('HTT trở lên') : t('đã xếp loại') })}
        {' — '}
        {cap.over ? <b className="g-KHT">{t('vượt {{n}}', { n: fmtInt(cap.used - cap.allowedMax) })}</b> : <b>{t('còn {{n}} suất', { n: fmtInt(cap.headroom) })}</b>}
      </span>
      <Cite source={cap.source} />
    </dd>
  );
}

/** What is still missing before the unit sends its results. */
export interface UnitMissing {
  unitName: string;
  withoutProposal: number;
  withoutEvaluation: number;
}

export function CheckPanelBody({ evaluationId, subject, tick, missing }: { evaluationId: string | null; subject: string | null; tick: number; missing?: UnitMissing }) {
  const { t, i18n } = useTranslation();
  const { data: loaded, error, loading } = useData<{ id: string; panel: Panel } | null>(
    async (signal) => (evaluationId ? { id: evaluationId, panel: await api.get<Panel>(`/api/evaluations/${evaluationId}/panel`, signal) } : null),
    [evaluationId, tick],
  );
  // Another subject's panel is never shown under this subject's name while this one loads.
  const data = loaded && loaded.id === evaluationId ? loaded.panel : null;
  return (
    <div aria-live="polite">
      <h2>{subject ? t('Kiểm tra quy định: {{name}}', { name: subject }) : t('Kiểm tra quy định')}</h2>
      {!evaluationId ? <p className="muted">{t('Chọn một dòng (hoặc đặt con trỏ vào ô xếp loại) để xem mức cao nhất được xếp và tỉ lệ HTXS.')}</p> : null}
      <ErrorNotice error={error} />
      {loading && !data && evaluationId ? <Loading /> : null}
      {data ? (
        <dl data-testid="check-panel">
          <dt>{t('Mức cao nhất được xếp')}</dt>
          <dd data-testid="highest-allowed">
            <b className={`g-${data.highestAllowed}`}>{gradeLabel(data.highestAllowed, i18n.language)} ({data.highestAllowed})</b>
          </dd>
          {data.reasons.length > 0 ? (
            <dd>
              <ul className="reasons">
                {data.reasons.map((r, i) => (
                  <li key={i}>
                    {r.binding ? t('Tối đa {{grade}} (bắt buộc): ', { grade: r.grade }) : t('Cân nhắc, tối đa {{grade}}: ', { grade: r.grade })}
                    {plainRuleText(r.text, t, r.source)}{r.text.includes(r.source) ? null : <Cite source={r.source} />}
                  </li>
                ))}
              </ul>
            </dd>
          ) : (
            <dd className="muted">{t('Không có quy định nào hạ mức của đối tượng này.')}</dd>
          )}
          {data.notes.map((n, i) => <dd key={i} className="muted small">{plainRuleText(n, t)}</dd>)}
          <dt>{t('Tỉ lệ Hoàn thành xuất sắc nhiệm vụ')}</dt>
          <dd className="small">{plainRuleText(data.cap.now.scope, t)}</dd>
          <CapLine title={t('Đã quyết định:')} cap={data.cap.now} />
          <CapLine title={t('Nếu giữ nguyên các đề xuất:')} cap={data.cap.now.ifProposalsStand} />
          <CapLine title={t('Nếu xếp HTXS:')} cap={data.cap.ifHtxs} />
          <dt>{t('Cấp quyết định')}</dt>
          <dd>{plainRuleText(data.competentAuthority.text, t)} <Cite source={data.competentAuthority.source} /></dd>
          <dt>{t('Bước hiện tại')}</dt>
          <dd>{stageLabel(data.stage, i18n.language)}</dd>
          {data.order.errors.length + data.order.warnings.length + (data.order.advice?.length ?? 0) > 0 ? (
            <>
              <dt>{t('Trình tự xếp loại')}</dt>
              {[...data.order.errors, ...data.order.warnings, ...(data.order.advice ?? [])].map((f, i) => <dd key={i} className={i < data.order.errors.length ? 'g-KHT' : i >= data.order.errors.length + data.order.warnings.length ? 'muted small' : ''}>{plainRuleText(f.text, t)}</dd>)}
            </>
          ) : null}
          {data.findings.map((f, i) => (
            <dd key={`f${i}`} className={f.severity === 'error' ? 'g-KHT' : ''}>{plainRuleText(f.text, t, f.source)}{f.text.includes(f.source) ? null : <Cite source={f.source} />}</dd>
          ))}
        </dl>
      ) : null}
      {!missing ? null : <h3>{t('Trước khi gửi kết quả')}</h3>}
      {!missing ? null : missing.withoutEvaluation + missing.withoutProposal === 0 ? (
        <p>{t('Mọi đối tượng của {{unit}} đã có mức xếp loại.', { unit: missing.unitName })}</p>
      ) : (
        <ul className="reasons">
          {missing.withoutEvaluation > 0 ? <li>{t('{{n}} đối tượng chưa có phiếu đánh giá', { n: fmtInt(missing.withoutEvaluation) })}</li> : null}
          {missing.withoutProposal > 0 ? <li>{t('{{n}} đối tượng phải xếp loại chưa có mức đề xuất', { n: fmtInt(missing.withoutProposal) })}</li> : null}
        </ul>
      )}
    </div>
  );
}
