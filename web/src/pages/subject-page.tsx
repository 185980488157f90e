/**
 * A subject's page (issue #9 item 4): who or what is graded, where, its grades side by side and its
 * stage, the check panel, the steps the user may take, its facts, and its whole history — every
 * change, workflow step, opinion and justification with who, when, what and why.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evaluation, EvaluationHistoryEntry } from '../../../src/domain/model/evaluations.js';
import type { Stage } from '../../../src/domain/workflow/stages.js';
import type { CheckPanel } from '../../../src/services/check-panel.js';
import type { SubjectView } from '../../../src/services/subject-view.js';
import type { WorkspaceRow } from '../../../src/services/workspace.js';
import { api, ApiError } from '../api.js';
import { Crumbs, ErrorNotice, Loading, useData, useTitle } from '../components/common.js';
import { fmtDate, fmtDateTime } from '../format.js';
import { disciplineLabel, type Eligibility, eligibilityLabel, eventLabel, gradeLabel, khtReasonLabel, stageLabel, type Grade } from '../labels.js';
import { tk } from '../i18n.js';
import { useSession } from '../session.js';
import { CollectiveSeats } from '../subject/collective-seats.js';
import { SubjectActions } from '../subject/subject-actions.js';
import { CheckPanelBody } from '../workspace/check-panel.js';
import { FactEditor, removeFact } from '../workspace/fact-editor.js';
import { factsFor } from '../workspace/fact-definitions.js';
import { subjectFactText } from '../workspace/subject-fact-definitions.js';
import { toRow } from '../workspace/row-saver.js';

interface Workflow {
  stage: Stage;
  competentAuthority: { unitCode: string | null; text: string; source: string };
  steps: { action: string; from: string; to: string; unitCode: string | null; grade: string | null; comment: string | null; at: string; actor: string }[];
  opinions: { bodyName: string; proposedGrade: string | null; comment: string; at: string; actor: string }[];
  justifications: { action: string; grade: string; text: string; at: string; actor: string }[];
}

const FIELD: Record<string, string> = { eligibility: tk('Diện đánh giá'), eligibilityReason: tk('Lý do diện đánh giá'), reviewed: tk('Đã kiểm điểm'), selfGrade: tk('Tự xếp loại'), proposedGrade: tk('Đề xuất'), decidedGrade: tk('Quyết định'), decidingUnitId: tk('Cấp quyết định'), khtReasons: tk('Lý do KHT'), scoreX100: tk('Điểm'), note: tk('Ghi chú'), event: tk('Sự kiện, sự việc'), fact: tk('Dữ kiện xếp loại'), collectiveMember: tk('Thành viên tập thể') };
const ACTION: Record<string, string> = { create: tk('Lập phiếu'), update: tk('Cập nhật'), regrade: tk('Xếp loại lại'), override: tk('Điều chỉnh diện'), self_assess: tk('Tự đánh giá'), opinion: tk('Ý kiến chủ thể liên quan'), propose: tk('Đề xuất'), appraise: tk('Thẩm định'), decide: tk('Quyết định'), publish: tk('Công bố'), complaint: tk('Đơn thư khiếu nại, tố cáo'), reverify: tk('Kiểm tra, xác minh, thẩm định lại'), justification: tk('Lý do chấp nhận cảnh báo') };

/** A history value as people read it: labels for codes, unit codes for ids, events in words. */
function valueText(field: string, value: string | null, ctx: { lang: string; t: (s: string) => string; unitCodes: Record<string, string> }): string {
  if (value === null || value === '') return '—';
  try {
    if (field === 'eligibility') return eligibilityLabel(value as Eligibility, ctx.lang);
    if (field === 'reviewed') return value === 'true' ? ctx.t('Đã kiểm điểm') : ctx.t('Chưa kiểm điểm');
    if (field === 'decidingUnitId') return ctx.unitCodes[value] ?? value;
    if (field === 'scoreX100') return String(Number(value) / 100).replace('.', ',');
    if (field === 'khtReasons') return (JSON.parse(value) as string[]).map((r) => khtReasonLabel(r, ctx.lang)).join('; ') || '—';
    if (field === 'fact') {
      return subjectFactText(JSON.parse(value) as Parameters<typeof subjectFactText>[0], ctx.lang, ctx.t);
    }
    if (field === 'collectiveMember') {
      const m = JSON.parse(value) as { fullName: string; title: string; validFrom: string; validTo: string | null };
      return `${m.fullName} — ${m.title}, ${fmtDate(m.validFrom)}${m.validTo ? `–${fmtDate(m.validTo)}` : ''}`;
    }
    if (field === 'event') {
      const e = JSON.parse(value) as { kind: Parameters<typeof eventLabel>[0]; level: Parameters<typeof disciplineLabel>[0] | null; startsOn: string; endsOn: string | null; documentNumber?: string | null; documentDate?: string | null };
      const doc = [e.documentNumber, e.documentDate ? fmtDate(e.documentDate) : null].filter(Boolean).join(', ');
      return `${eventLabel(e.kind, ctx.lang)}${e.level ? ` (${disciplineLabel(e.level, ctx.lang)})` : ''} ${fmtDate(e.startsOn)}${e.endsOn ? `–${fmtDate(e.endsOn)}` : ''}${doc ? ` · ${doc}` : ''}`;
    }
  } catch {
    return value;
  }
  return value;
}

function historyRows(e: Evaluation & { history: EvaluationHistoryEntry[] }, wf: Workflow, ctx: { lang: string; t: (s: string) => string; unitCodes: Record<string, string> }) {
  const { t } = ctx;
  const rows = [
    ...e.history.map((h) => ({ at: h.at, actor: h.actor, what: `${t(ACTION[h.action] ?? h.action)}: ${t(FIELD[h.field] ?? h.field)}`, detail: `${valueText(h.field, h.oldValue, ctx)} → ${valueText(h.field, h.newValue, ctx)}`, why: h.reason })),
    ...wf.steps.map((s) => ({ at: s.at, actor: s.actor, what: t(ACTION[s.action] ?? s.action), detail: [s.grade, s.unitCode].filter(Boolean).join(' · '), why: s.comment })),
    ...wf.opinions.map((o) => ({ at: o.at, actor: o.actor, what: `${t(ACTION.opinion!)}: ${o.bodyName}`, detail: o.proposedGrade ?? '', why: o.comment })),
    ...wf.justifications.map((j) => ({ at: j.at, actor: j.actor, what: `${t(ACTION.justification!)} (${t(ACTION[j.action] ?? j.action)} ${j.grade})`, detail: '', why: j.text })),
  ];
  return rows.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

export function SubjectPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { user, withCycle } = useSession();
  const [tick, setTick] = useState(0);
  const [editing, setEditing] = useState(false);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const { data, error } = useData(
    async (signal) => {
      const [e, wf, subject, panel] = await Promise.all([
        api.get<Evaluation & { history: EvaluationHistoryEntry[] }>(`/api/evaluations/${id}`, signal),
        api.get<Workflow>(`/api/evaluations/${id}/workflow`, signal),
        api.get<SubjectView>(`/api/evaluations/${id}/subject`, signal),
        api.get<CheckPanel>(`/api/evaluations/${id}/panel`, signal),
      ]);
      return { e, wf, subject, panel };
    },
    [id, tick],
  );
  useTitle(data?.subject.label);
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <Loading />;
  const { e, wf, subject } = data;
  const lang = i18n.language;
  const row: WorkspaceRow = {
    kind: subject.kind,
    ref: subject.ref,
    name: subject.label,
    detail: subject.cardNumber ?? subject.ref,
    cardNumber: subject.cardNumber,
    evaluation: toRow(e, wf.stage),
    events: subject.events,
    facts: subject.facts,
    subjectFacts: subject.subjectFacts,
    authority: { unitCode: wf.competentAuthority.unitCode, unitName: null, text: wf.competentAuthority.text },
  };
  const reload = () => setTick((n) => n + 1);
  const grade = (g: Grade | null) => (g ? <b className={`g-${g}`}>{g} — {gradeLabel(g, lang)}</b> : <span className="muted">—</span>);
  const values = factsFor(row, subject.cycle.ruleSet).flatMap((d) => d.current(row, lang, t));
  return (
    <>
      <Crumbs items={subject.unit.path.map((p) => ({ href: withCycle(`/units/${encodeURIComponent(p.code)}`), label: p.name }))} />
      <h1>{subject.label}</h1>
      <p className="muted">{subject.unit.name} · {t('kỳ năm {{y}}', { y: subject.cycle.year })} · {t('số liệu tại ngày {{d}}', { d: fmtDate(subject.cycle.referenceDate) })}</p>
      <div className="split">
        <div>
          <section className="card">
            <h2 style={{ marginTop: 0 }}>{t('Kết quả')}</h2>
            <dl className="inline-fields facts">
              <div><dt><b>{t('Diện đánh giá')}</b></dt><dd>{eligibilityLabel(e.eligibility, lang)}{e.eligibilityReason ? <div className="muted small">{e.eligibilityReason}</div> : null}</dd></div>
              <div><dt><b>{t('Bước hiện tại')}</b></dt><dd>{stageLabel(wf.stage, lang)}</dd></div>
              <div><dt><b>{t('Tự xếp loại')}</b></dt><dd>{grade(e.selfGrade)}</dd></div>
              <div><dt><b>{t('Đề xuất')}</b></dt><dd>{grade(e.proposedGrade)}</dd></div>
              <div><dt><b>{t('Quyết định')}</b></dt><dd>{grade(e.decidedGrade)}{e.decidingUnitCode ? <div className="muted small">{e.decidingUnitCode}</div> : null}</dd></div>
              {e.khtReasons.length ? <div><dt><b>{t('Lý do KHT')}</b></dt><dd>{e.khtReasons.map((r) => khtReasonLabel(r, lang)).join('; ')}</dd></div> : null}
            </dl>
          </section>
          <section className="card">
            <h2 style={{ marginTop: 0 }}>{t('Sự kiện, sự việc')}</h2>
            {removeError ? <div className="notice bad" role="alert">{removeError}</div> : null}
            {values.length === 0 ? <p className="muted">{t('Chưa ghi sự kiện nào.')}</p> : (
              <ul>{values.map((v, i) => <li key={i}><span className={v.severe ? 'g-KHT' : ''}>{v.text}</span>{v.entered?.by ? <div className="muted small">{t('Ghi bởi {{who}} lúc {{when}}', { who: v.entered.by, when: fmtDateTime(v.entered.at) })}</div> : null} {user.role !== 'viewer' ? <button type="button" className="button small" aria-label={t('Xóa: {{what}}', { what: v.text })} onClick={() => void removeFact(row, v).then(() => setRemoveError(null), (err: unknown) => setRemoveError(err instanceof ApiError ? err.text(lang) : String(err))).finally(reload)}>{t('Xóa')}</button> : null}</li>)}</ul>
            )}
            {user.role !== 'viewer' ? <button type="button" className="button" onClick={() => setEditing(true)}>{t('Thêm sự kiện: {{name}}', { name: subject.label })}</button> : null}
          </section>
          {subject.kind === 'collective' ? <CollectiveSeats collectiveCode={subject.ref} unitCode={subject.unit.code} date={subject.cycle.referenceDate} canEdit={user.role !== 'viewer'} onChanged={reload} /> : null}
          <h2>{t('Thao tác')}</h2>
          <SubjectActions evaluation={row.evaluation!} user={user} authority={wf.competentAuthority.unitCode} ruleSet={subject.cycle.ruleSet} khtReasons={subject.kind === 'member' || subject.kind === 'position' ? ['decline', 'below_50', 'civil_servant', 'disciplined', 'other'] : ['disunity', 'below_50', 'key_targets', 'collective_disciplined', 'member_disciplined']} onDone={reload} />
          <h2>{t('Lịch sử (ai, khi nào, làm gì, vì sao)')}</h2>
          <div className="table-wrap">
            <table className="cards">
              <thead><tr><th scope="col">{t('Lúc')}</th><th scope="col">{t('Người thực hiện')}</th><th scope="col">{t('Việc')}</th><th scope="col">{t('Giá trị')}</th><th scope="col">{t('Lý do')}</th></tr></thead>
              <tbody>
                {historyRows(e, wf, { lang, t, unitCodes: subject.unitCodes }).map((h, i) => (
                  <tr key={i}>
                    <td data-label={t('Lúc')} className="nowrap">{fmtDateTime(h.at)}</td>
                    <td data-label={t('Người thực hiện')}>{h.actor}</td>
                    <td data-label={t('Việc')}>{h.what}</td>
                    <td data-label={t('Giá trị')} className="small">{h.detail}</td>
                    <td data-label={t('Lý do')}>{h.why ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
        <aside className="card panel" aria-label={t('Kiểm tra quy định')} tabIndex={0}>
          <CheckPanelBody evaluationId={id} subject={subject.label} tick={tick} />
        </aside>
      </div>
      {editing ? <FactEditor row={row} ruleSet={subject.cycle.ruleSet} open onClose={() => setEditing(false)} onSaved={reload} /> : null}
    </>
  );
}
