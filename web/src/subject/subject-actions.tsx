/**
 * The workflow steps a user may take on one subject's page (issue #9 item 4): self-assessment,
 * proposal, an opinion of a related body, appraisal, the decision by the competent body, publication,
 * re-grading with a reason, a complaint and its re-verification, and the eligibility override with a reason — each with the version read,
 * warnings answered with a justification, errors said in words and naming the field.
 */
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../src/db/queries/users.js';
import { ELIGIBILITY } from '../../../src/domain/codes.js';
import { processSources } from '../../../src/domain/workflow/process-sources.js';
import type { RowEvaluation } from '../../../src/services/workspace.js';
import { api, ApiError } from '../api.js';
import { eligibilityLabel, GRADES, type Grade, gradeOption, khtReasonLabel } from '../labels.js';
import { plainRuleText } from '../workspace/citation.js';

type Stage = RowEvaluation['stage'];

interface Props {
  evaluation: RowEvaluation;
  user: User;
  authority: string | null;
  khtReasons: readonly string[];
  /** The cycle's rule set: under QĐ 124 and QĐ 366 the decision waits for the appraisal. */
  ruleSet: string;
  onDone(): void;
}

function StepForm({ title, children, onSubmit, busy, verb, error }: { title: string; children: ReactNode; onSubmit: () => void; busy: boolean; verb: string; error: string | null }) {
  return (
    <form className="card" onSubmit={(e: FormEvent) => { e.preventDefault(); onSubmit(); }}>
      <h3 style={{ marginTop: 0 }}>{title}</h3>
      {error ? <div className="notice bad" role="alert">{error}</div> : null}
      {children}
      <button type="submit" className="button primary" disabled={busy}>{verb}</button>
    </form>
  );
}

function GradeField({ label, value, onChange, optional }: { label: string; value: string; onChange: (v: string) => void; optional?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} required={!optional}>
        <option value="">{optional ? t('— Không đề xuất mức —') : t('— Chọn mức —')}</option>
        {GRADES.map((g) => <option key={g} value={g}>{gradeOption(g, i18n.language)}</option>)}
      </select>
    </label>
  );
}

const can = (stage: Stage, stages: readonly Stage[]) => stages.includes(stage);

export function SubjectActions({ evaluation: e, user, authority, khtReasons, ruleSet, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [v, setV] = useState<Record<string, string>>({});
  const set = (k: string) => (x: string) => setV((o) => ({ ...o, [k]: x }));
  const decider = user.role === 'admin' || user.role === 'compiler';
  const writer = user.role !== 'viewer';
  const graded = ['eligible', 'pending'].includes(e.eligibility);

  const post = async (key: string, path: string, body: Record<string, unknown>) => {
    setBusy(key);
    setErrors((o) => ({ ...o, [key]: '' }));
    try {
      await api.post(`/api/evaluations/${e.id}/${path}`, { ...body, version: e.version });
      setV({});
      onDone();
    } catch (err) {
      const message = err instanceof ApiError ? plainRuleText(err.text(i18n.language), t) + (err.code === 'Conflict' ? ` ${t('Trang đã tải lại dữ liệu mới nhất; hãy xem lại rồi làm lại.')}` : '') : String(err);
      setErrors((o) => ({ ...o, [key]: message }));
      if (err instanceof ApiError && err.code === 'Conflict') onDone();
    } finally {
      setBusy(null);
    }
  };
  const kht = (key: string) =>
    v[key] === 'KHT' ? (
      <label className="field">
        <span>{t('Lý do không hoàn thành nhiệm vụ')}</span>
        <select value={v[`${key}.kht`] ?? ''} onChange={(x) => set(`${key}.kht`)(x.target.value)}>
          <option value="">{t('— Chọn lý do —')}</option>
          {khtReasons.map((r) => <option key={r} value={r}>{khtReasonLabel(r, i18n.language)}</option>)}
        </select>
      </label>
    ) : null;
  const justification = (key: string) => (
    <label className="field">
      <span>{t('Lý do chấp nhận cảnh báo (nếu có cảnh báo)')}</span>
      <textarea rows={2} style={{ minHeight: '4rem' }} value={v[`${key}.why`] ?? ''} onChange={(x) => set(`${key}.why`)(x.target.value)} />
    </label>
  );
  const step = (key: string) => ({ grade: v[key] as Grade, ...(v[`${key}.kht`] ? { khtReasons: [v[`${key}.kht`]] } : {}), ...(v[`${key}.why`]?.trim() ? { justification: v[`${key}.why`]!.trim() } : {}) });
  const busyOf = (k: string) => busy === k;
  const forms: ReactNode[] = [];

  if (writer && graded && can(e.stage, ['not_started', 'self_assessed'])) {
    forms.push(<StepForm key="self" title={t('Tự đánh giá, xếp loại (bước 1)')} verb={t('Ghi mức tự xếp loại')} busy={busyOf('self')} error={errors.self || null} onSubmit={() => void post('self', 'self-assess', { grade: v.self, ...(v['self.comment'] ? { comment: v['self.comment'] } : {}) })}>
      <GradeField label={t('Mức đảng viên, tập thể tự xếp loại')} value={v.self ?? ''} onChange={set('self')} />
    </StepForm>);
  }
  if (writer && graded && can(e.stage, ['self_assessed', 'opinions'])) {
    forms.push(<StepForm key="opinion" title={t('Ý kiến của chủ thể liên quan')} verb={t('Ghi ý kiến')} busy={busyOf('opinion')} error={errors.opinion || null} onSubmit={() => void post('opinion', 'opinions', { bodyName: v.body ?? '', comment: v.comment ?? '', ...(v.opinion ? { proposedGrade: v.opinion } : {}) })}>
      <label className="field"><span>{t('Chủ thể (ví dụ: Chi ủy, Ban công tác Mặt trận khu dân cư)')}</span><input type="text" required value={v.body ?? ''} onChange={(x) => set('body')(x.target.value)} /></label>
      <GradeField label={t('Mức chủ thể đề xuất')} value={v.opinion ?? ''} onChange={set('opinion')} optional />
      <label className="field"><span>{t('Nội dung ý kiến')}</span><textarea required rows={2} style={{ minHeight: '4rem' }} value={v.comment ?? ''} onChange={(x) => set('comment')(x.target.value)} /></label>
    </StepForm>);
  }
  if (writer && graded && can(e.stage, ['self_assessed', 'opinions', 'proposed'])) {
    forms.push(<StepForm key="propose" title={t('Đề xuất xếp loại (bước 2)')} verb={t('Ghi đề xuất')} busy={busyOf('propose')} error={errors.propose || null} onSubmit={() => void post('propose', 'propose', step('propose'))}>
      <GradeField label={t('Mức đề xuất')} value={v.propose ?? ''} onChange={set('propose')} />{kht('propose')}{justification('propose')}
    </StepForm>);
  }
  if (decider && graded && can(e.stage, ['proposed', 'appraised'])) {
    forms.push(<StepForm key="appraise" title={t('Thẩm định')} verb={t('Ghi thẩm định')} busy={busyOf('appraise')} error={errors.appraise || null} onSubmit={() => void post('appraise', 'appraise', { comment: v.acomment ?? '', ...(v.appraise ? { grade: v.appraise } : {}) })}>
      <GradeField label={t('Mức Ban Tổ chức đề nghị')} value={v.appraise ?? ''} onChange={set('appraise')} optional />
      <label className="field"><span>{t('Ý kiến thẩm định')}</span><textarea rows={2} style={{ minHeight: '4rem' }} value={v.acomment ?? ''} onChange={(x) => set('acomment')(x.target.value)} /></label>
    </StepForm>);
  }
  // QĐ 124 Điều 11 / QĐ 366 Điều 12 k1 Bước 2: the decision comes after the appraisal where it is a step.
  if (decider && graded && authority && can(e.stage, processSources(ruleSet).appraisalStep ? ['appraised', 'decided'] : ['proposed', 'appraised', 'decided'])) {
    forms.push(<StepForm key="decide" title={t('Quyết định xếp loại (bước 3)')} verb={t('Ghi quyết định')} busy={busyOf('decide')} error={errors.decide || null} onSubmit={() => void post('decide', 'decide', { ...step('decide'), decidingUnit: authority })}>
      <GradeField label={t('Mức cấp có thẩm quyền quyết định')} value={v.decide ?? ''} onChange={set('decide')} />{kht('decide')}{justification('decide')}
    </StepForm>);
  }
  if (decider && authority && e.stage === 'decided') {
    forms.push(<StepForm key="publish" title={t('Công bố kết quả')} verb={t('Công bố')} busy={busyOf('publish')} error={errors.publish || null} onSubmit={() => void post('publish', 'publish', { byUnit: authority })}><p>{t('Công bố mức đã quyết định; sau khi công bố chỉ thay đổi bằng xếp loại lại, có lý do.')}</p></StepForm>);
  }
  if (decider && e.stage === 'published') {
    forms.push(<StepForm key="regrade" title={t('Xếp loại lại')} verb={t('Xếp loại lại')} busy={busyOf('regrade')} error={errors.regrade || null} onSubmit={() => void post('regrade', 'regrade', { ...step('regrade'), reason: v.reason ?? '', ...(authority ? { byUnit: authority } : {}) })}>
      <GradeField label={t('Mức xếp loại mới')} value={v.regrade ?? ''} onChange={set('regrade')} />{kht('regrade')}
      <label className="field"><span>{t('Lý do xếp loại lại (bắt buộc)')}</span><textarea required rows={2} style={{ minHeight: '4rem' }} value={v.reason ?? ''} onChange={(x) => set('reason')(x.target.value)} /></label>
      {justification('regrade')}
    </StepForm>);
  }
  // QĐ 366 Điều 12 k1 Bước 3 (QĐ 124 Điều 11): a complaint before the decision, then the re-verification by the superior committee.
  if (writer && graded && can(e.stage, ['not_started', 'self_assessed', 'opinions', 'proposed', 'appraised'])) {
    forms.push(<StepForm key="complaint" title={t('Đơn thư khiếu nại, tố cáo')} verb={t('Ghi đơn thư')} busy={busyOf('complaint')} error={errors.complaint || null} onSubmit={() => void post('complaint', 'complaint', { comment: v.complaint ?? '' })}>
      <label className="field"><span>{t('Nội dung đơn thư (người gửi, ngày nhận, nội dung chính)')}</span><textarea required rows={2} style={{ minHeight: '4rem' }} value={v.complaint ?? ''} onChange={(x) => set('complaint')(x.target.value)} /></label>
    </StepForm>);
  }
  if (decider && graded && authority && can(e.stage, ['self_assessed', 'opinions', 'proposed', 'appraised'])) {
    forms.push(<StepForm key="reverify" title={t('Kiểm tra, xác minh, thẩm định lại')} verb={t('Ghi kết quả xác minh')} busy={busyOf('reverify')} error={errors.reverify || null} onSubmit={() => void post('reverify', 'reverify', { byUnit: v.byUnit?.trim() || authority, comment: v.reverify ?? '' })}>
      <label className="field"><span>{t('Mã cấp ủy kiểm tra, xác minh (cấp có thẩm quyền hoặc cấp ủy cấp trên trực tiếp)')}</span><input type="text" value={v.byUnit ?? authority} onChange={(x) => set('byUnit')(x.target.value)} /></label>
      <label className="field"><span>{t('Kết quả kiểm tra, xác minh')}</span><textarea required rows={2} style={{ minHeight: '4rem' }} value={v.reverify ?? ''} onChange={(x) => set('reverify')(x.target.value)} /></label>
    </StepForm>);
  }
  if (decider) {
    forms.push(<StepForm key="eligibility" title={t('Điều chỉnh diện đánh giá')} verb={t('Ghi diện đánh giá')} busy={busyOf('eligibility')} error={errors.eligibility || null} onSubmit={() => void post('eligibility', 'eligibility', { status: v.status ?? e.eligibility, reason: v.sreason ?? '', ...(authority ? { byUnit: authority } : {}) })}>
      <label className="field"><span>{t('Diện đánh giá')}</span>
        <select value={v.status ?? e.eligibility} onChange={(x) => set('status')(x.target.value)}>{ELIGIBILITY.map((s) => <option key={s} value={s}>{eligibilityLabel(s, i18n.language)}</option>)}</select>
      </label>
      <label className="field"><span>{t('Lý do (bắt buộc)')}</span><textarea required rows={2} style={{ minHeight: '4rem' }} value={v.sreason ?? ''} onChange={(x) => set('sreason')(x.target.value)} /></label>
    </StepForm>);
  }
  if (forms.length === 0) return <p className="muted">{t('Bạn chỉ xem thông tin của đối tượng này.')}</p>;
  return <>{forms}</>;
}
