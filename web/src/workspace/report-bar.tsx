/**
 * A unit's report of the cycle to its parent (issue #9 item 5; GUIDE.md §4.9): its state, the
 * deadline with the working days left (Labour Code calendar), and the one action the user may take
 * now — «Gửi kết quả» for the unit, «Tiếp nhận» or «Trả lại» (with a comment) for its parent — with
 * the report's version. Before sending, the subjects still ungraded are listed (issue 8: a unit
 * cannot submit while subjects in its scope are ungraded and not named as exceptions with a reason):
 * the dialog asks a reason for each, or the clerk goes back and grades them.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../src/db/queries/users.js';
import type { ProgressNode } from '../../../src/services/progress.js';
import type { UngradedSubject } from '../../../src/domain/workflow/submissions.js';
import { api, ApiError } from '../api.js';
import { Badge, Dialog } from '../components/common.js';
import { fmtDate, fmtDateTime, fmtInt } from '../format.js';
import { unitStateLabel } from '../labels.js';

/** The deadline line: "Hạn gửi 08/12/2023 — còn 3 ngày làm việc" (or late by N). */
export function DeadlineText({ node }: { node: ProgressNode }) {
  const { t } = useTranslation();
  if (!node.report.deadline) return <span className="muted">{t('Chưa đặt hạn gửi kết quả cho cấp này')}</span>;
  const left = node.workingDaysLeft;
  const sent = node.report.status === 'submitted' || node.report.status === 'accepted' || node.report.status === 'locked';
  const tail = sent
    ? node.report.timing?.status === 'late' ? t('gửi muộn {{n}} ngày làm việc', { n: fmtInt(node.report.timing.workingDaysLate) }) : t('gửi đúng hạn')
    : left === null ? '' : left >= 0 ? t('còn {{n}} ngày làm việc', { n: fmtInt(left) }) : t('đã quá hạn {{n}} ngày làm việc', { n: fmtInt(-left) });
  return <span>{t('Hạn gửi {{date}}', { date: fmtDate(node.report.deadline) })}{tail ? ` — ${tail}` : ''}</span>;
}

const KIND_VI: Record<string, string> = { member: 'Đảng viên', unit: 'Tổ chức', collective: 'Tập thể', position: 'Cá nhân lãnh đạo' };

/** The subjects a unit would send ungraded: the dialog lists them and asks a reason for each. */
function UngradedDialog({ list, busy, onSend, onBack }: { list: UngradedSubject[] | null; busy: boolean; onSend: (reasons: { evaluationId: string; reason: string }[]) => void; onBack: () => void }) {
  const { t } = useTranslation();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [common, setCommon] = useState('');
  const items = list ?? [];
  const filled = items.every((u) => (reasons[u.evaluationId] ?? '').trim() !== '');
  const fillBlanks = () => setReasons((r) => Object.fromEntries(items.map((u) => [u.evaluationId, (r[u.evaluationId] ?? '').trim() || common.trim()])));
  return (
    <Dialog open={list !== null} title={t('Gửi kết quả khi còn đối tượng chưa xếp loại')} onClose={onBack}>
      <form onSubmit={(e) => { e.preventDefault(); if (filled) onSend(items.map((u) => ({ evaluationId: u.evaluationId, reason: (reasons[u.evaluationId] ?? '').trim() }))); }}>
        <p>{t('Còn {{n}} đối tượng phải xếp loại chưa có mức đề xuất. Ghi lý do cho từng đối tượng để gửi kèm kết quả, hoặc quay lại xếp loại.', { n: fmtInt(items.length) })}</p>
        <div className="field-row" style={{ display: 'flex', gap: '0.5rem', alignItems: 'end', flexWrap: 'wrap' }}>
          <label className="field" style={{ flex: '1 1 20rem' }}>
            <span>{t('Lý do chung (điền vào các ô còn trống)')}</span>
            <input type="text" value={common} onChange={(e) => setCommon(e.target.value)} />
          </label>
          <button type="button" className="button" disabled={!common.trim()} onClick={fillBlanks}>{t('Điền vào các ô còn trống')}</button>
        </div>
        <table className="table">
          <caption className="small">{t('Đối tượng chưa xếp loại')}</caption>
          <thead><tr><th scope="col">{t('Đối tượng')}</th><th scope="col">{t('Lý do chưa xếp loại (bắt buộc)')}</th></tr></thead>
          <tbody>
            {items.map((u) => (
              <tr key={u.evaluationId}>
                <th scope="row">{t(KIND_VI[u.subjectKind] ?? u.subjectKind)}: {u.name}{u.name === u.subjectRef ? '' : ` (${u.subjectRef})`}</th>
                <td>
                  <input type="text" required aria-label={t('Lý do chưa xếp loại: {{name}}', { name: u.name })} value={reasons[u.evaluationId] ?? ''} onChange={(e) => setReasons((r) => ({ ...r, [u.evaluationId]: e.target.value }))} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="actions">
          <button type="submit" className="button primary" disabled={busy || !filled}>{t('Gửi kết quả kèm lý do')}</button>
          <button type="button" className="button" onClick={onBack}>{t('Quay lại xếp loại')}</button>
        </div>
      </form>
    </Dialog>
  );
}

export function ReportBar({ node, parentCode, year, period, user, path, onChanged }: { node: ProgressNode; parentCode: string | null; year: number; period: string; user: User; path: readonly string[]; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [ungraded, setUngraded] = useState<UngradedSubject[] | null>(null);
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [note, setNote] = useState('');
  const status = node.report.status;
  const scopeAt = path.indexOf(user.scopeUnitCode);
  const isOwn = user.role === 'admin' || scopeAt === path.length - 1;
  const isParent = user.role === 'admin' || (scopeAt >= 0 && scopeAt < path.length - 1);
  const canSend = user.role !== 'viewer' && isOwn && ['none', 'draft', 'returned'].includes(status);
  const canJudge = user.role !== 'viewer' && isParent && status === 'submitted' && parentCode !== null;

  const base = `/api/cycles/${year}/submissions/${encodeURIComponent(node.code)}`;
  const stillUngraded = () => api.get<{ ungraded: UngradedSubject[] }>(`${base}/ungraded${period !== 'nam' ? `?period=${encodeURIComponent(period)}` : ''}`);
  const act = async (action: 'submit' | 'accept' | 'return', body: Record<string, unknown> = {}) => {
    setBusy(true);
    setError(null);
    try {
      const withNote = action !== 'return' && note.trim() ? { comment: note.trim() } : {};
      await api.post(`${base}/${action}`, { ...withNote, ...body, version: node.report.version, ...(period !== 'nam' ? { period } : {}) });
      setNote('');
      setUngraded(null);
      setReturning(false);
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? e.text(i18n.language) : String(e));
      if (e instanceof ApiError && e.code === 'Conflict') onChanged();
      // Graded or added meanwhile: show the list as it now stands.
      if (e instanceof ApiError && e.code === 'SubjectsNotGraded') setUngraded((await stillUngraded()).ungraded);
    } finally {
      setBusy(false);
    }
  };
  /** «Gửi kết quả»: straight away when every subject is graded, else the list asking a reason for each. */
  const send = async () => {
    setBusy(true);
    setError(null);
    let list: UngradedSubject[];
    try {
      list = (await stillUngraded()).ungraded;
    } catch (e) {
      setError(e instanceof ApiError ? e.text(i18n.language) : String(e));
      return;
    } finally {
      setBusy(false);
    }
    if (list.length > 0) setUngraded(list);
    else await act('submit');
  };

  return (
    <div className="card" aria-labelledby="report-title">
      <h2 id="report-title" style={{ marginTop: 0 }}>{t('Kết quả gửi cấp trên')}</h2>
      <p>
        <Badge kind={node.state}>{unitStateLabel(node.state, i18n.language)}</Badge>{' '}
        <DeadlineText node={node} />
        {node.report.submittedAt ? <span className="muted"> · {t('gửi lúc {{at}}', { at: fmtDateTime(node.report.submittedAt) })}</span> : null}
      </p>
      {status === 'returned' && node.report.comment ? <div className="notice warn">{t('Cấp trên trả lại: {{comment}}', { comment: node.report.comment })}</div> : null}
      {error ? <div className="notice bad" role="alert">{error}</div> : null}
      {status !== 'returned' && node.report.comment ? <p className="small">{t('Ghi chú: {{comment}}', { comment: node.report.comment })}</p> : null}
      {canSend || canJudge ? (
        <label className="field" style={{ maxWidth: '40rem' }}>
          <span>{canSend ? t('Ghi chú gửi kèm kết quả (không bắt buộc)') : t('Ghi chú khi tiếp nhận (không bắt buộc)')}</span>
          <input type="text" value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
      ) : null}
      <div className="actions">
        {canSend ? <button type="button" className="button primary" disabled={busy} onClick={() => void send()}>{t('Gửi kết quả')}</button> : null}
        {canJudge ? <button type="button" className="button primary" disabled={busy} onClick={() => void act('accept')}>{t('Tiếp nhận')}</button> : null}
        {canJudge ? <button type="button" className="button danger" disabled={busy} onClick={() => setReturning(true)}>{t('Trả lại')}</button> : null}
      </div>
      <UngradedDialog key={ungraded === null ? 'closed' : ungraded.map((u) => u.evaluationId).join(',')} list={ungraded} busy={busy} onSend={(reasons) => void act('submit', { ungradedExceptions: reasons })} onBack={() => setUngraded(null)} />
      <Dialog open={returning} title={t('Trả lại kết quả của {{unit}}', { unit: node.name })} onClose={() => setReturning(false)}>
        <form onSubmit={(e) => { e.preventDefault(); void act('return', { comment }); }}>
          <label className="field">
            <span>{t('Lý do trả lại (bắt buộc)')}</span>
            <textarea required value={comment} onChange={(e) => setComment(e.target.value)} />
          </label>
          <div className="actions">
            <button type="submit" className="button danger" disabled={busy || !comment.trim()}>{t('Trả lại')}</button>
            <button type="button" className="button" onClick={() => setReturning(false)}>{t('Đóng')}</button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
