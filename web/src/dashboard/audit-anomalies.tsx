/**
 * The dashboard's anomalies from the grade audit (issue #9 item 6: "a binding-rule violation from
 * the grade audit"; GET /api/cycles/:year/audit): every decided grade above what a binding rule
 * allows on today's facts — a fact entered after the decision, a rule the decision overrode — each a
 * link to the subject, where the grade is re-graded with a reason. Grades a rule asks to weigh are
 * listed apart, on demand. Loaded after the dashboard: re-checking thousands of grades takes a while.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditViolation, GradeAudit } from '../../../src/services/grade-audit.js';
import { api, qs } from '../api.js';
import { ErrorNotice, useData } from '../components/common.js';
import { fmtInt } from '../format.js';
import { gradeLabel } from '../labels.js';
import { Link } from '../router.js';
import { useSession } from '../session.js';
import { plainRuleText } from '../workspace/citation.js';
import { Cite } from '../workspace/cite.js';

/** A rule's text begins a line: its first letter upper case. */
const sentence = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

function Violation({ v }: { v: AuditViolation }) {
  const { t, i18n } = useTranslation();
  const { withCycle } = useSession();
  return (
    <li data-testid="audit-violation">
      <Link href={withCycle(`/subjects/${encodeURIComponent(v.evaluationId)}`)}>{v.subject}</Link>
      <div>
        {t('Đã quyết định {{grade}}, mức cao nhất được xếp {{max}}', { grade: `${v.decidedGrade} — ${gradeLabel(v.decidedGrade, i18n.language)}`, max: `${v.highestAllowed} — ${gradeLabel(v.highestAllowed, i18n.language)}` })}
      </div>
      <div>{sentence(plainRuleText(v.rule, t, v.source))}{v.rule.includes(v.source) ? null : <Cite source={v.source} />}</div>
    </li>
  );
}

/** Up to this many decided grades the audit runs with the page; a larger scope asks first (minutes of work on the server). */
const AUTO_AUDIT_MAX = 300;

export function AuditAnomalies({ code, year, period, decided }: { code: string; year: number; period?: string | undefined; decided: number }) {
  const { t } = useTranslation();
  const [limit, setLimit] = useState(10);
  const [asked, setAsked] = useState(false);
  const run = asked || decided <= AUTO_AUDIT_MAX;
  const { data, error, loading } = useData((s) => (run ? api.get<GradeAudit>(`/api/cycles/${year}/audit${qs({ unit: code, period })}`, s) : Promise.resolve(null)), [code, year, period, run]);
  if (!run) {
    return (
      <p>
        <button type="button" className="button" onClick={() => setAsked(true)}>{t('Rà soát {{n}} mức đã quyết định theo quy định', { n: fmtInt(decided) })}</button>{' '}
        <span className="muted small">{t('(tìm mức xếp loại vượt quy định bắt buộc; với nhiều đối tượng có thể mất vài phút)')}</span>
      </p>
    );
  }
  if (error) return <ErrorNotice error={error} />;
  if (loading || !data) return <p className="muted" role="status">{t('Đang rà soát các mức đã quyết định theo quy định…')}</p>;
  const binding = data.violations.filter((v) => v.binding);
  const weighed = data.violations.filter((v) => !v.binding);
  return (
    <div data-testid="audit">
      {binding.length === 0 ? (
        <p className="notice ok">{t('Rà soát {{n}} mức đã quyết định: không có mức nào vượt quy định bắt buộc.', { n: fmtInt(data.checked) })}</p>
      ) : (
        <>
          <h3>{t('Vi phạm quy định bắt buộc ({{n}} trong {{checked}} mức đã quyết định)', { n: fmtInt(binding.length), checked: fmtInt(data.checked) })}</h3>
          <ul className="card audit-list">{binding.slice(0, limit).map((v, i) => <Violation key={`${v.evaluationId}-${i}`} v={v} />)}</ul>
          {binding.length > limit ? <button type="button" className="button small" onClick={() => setLimit(limit + 50)}>{t('Hiện thêm')}</button> : null}
        </>
      )}
      {weighed.length > 0 ? (
        <details>
          <summary>{t('Cần cân nhắc ({{n}}): quy định để cấp có thẩm quyền xem xét', { n: fmtInt(weighed.length) })}</summary>
          <ul className="audit-list">{weighed.slice(0, 50).map((v, i) => <Violation key={`${v.evaluationId}-w${i}`} v={v} />)}</ul>
          {weighed.length > 50 ? <p className="muted">{t('Đang hiện {{n}}/{{all}}.', { n: fmtInt(50), all: fmtInt(weighed.length) })}</p> : null}
        </details>
      ) : null}
    </div>
  );
}
