/**
 * A unit's report of the cycle to its parent (issue #9 item 5; GUIDE.md §4.9): its state, the
 * deadline with the working days left (Labour Code calendar), and the one action the user may take
 * now — «Gửi kết quả» for the unit, «Tiếp nhận» or «Trả lại» (with a comment) for its parent — with
 * the report's version; what is still missing is said before sending.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../src/db/queries/users.js';
import type { ProgressNode } from '../../../src/services/progress.js';
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

export function ReportBar({ node, parentCode, year, period, user, path, missing, onChanged }: { node: ProgressNode; parentCode: string | null; year: number; period: string; user: User; path: readonly string[]; missing: number; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [note, setNote] = useState('');
  const status = node.report.status;
  const scopeAt = path.indexOf(user.scopeUnitCode);
  const isOwn = user.role === 'admin' || scopeAt === path.length - 1;
  const isParent = user.role === 'admin' || (scopeAt >= 0 && scopeAt < path.length - 1);
  const canSend = user.role !== 'viewer' && isOwn && ['none', 'draft', 'returned'].includes(status);
  const canJudge = user.role !== 'viewer' && isParent && status === 'submitted' && parentCode !== null;

  const act = async (action: 'submit' | 'accept' | 'return', body: Record<string, unknown> = {}) => {
    setBusy(true);
    setError(null);
    try {
      const withNote = action !== 'return' && note.trim() ? { comment: note.trim() } : {};
      await api.post(`/api/cycles/${year}/submissions/${encodeURIComponent(node.code)}/${action}`, { ...withNote, ...body, version: node.report.version, ...(period !== 'nam' ? { period } : {}) });
      setNote('');
      setConfirm(false);
      setReturning(false);
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? e.text(i18n.language) : String(e));
      if (e instanceof ApiError && e.code === 'Conflict') onChanged();
    } finally {
      setBusy(false);
    }
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
        {canSend ? <button type="button" className="button primary" disabled={busy} onClick={() => (missing > 0 ? setConfirm(true) : void act('submit'))}>{t('Gửi kết quả')}</button> : null}
        {canJudge ? <button type="button" className="button primary" disabled={busy} onClick={() => void act('accept')}>{t('Tiếp nhận')}</button> : null}
        {canJudge ? <button type="button" className="button danger" disabled={busy} onClick={() => setReturning(true)}>{t('Trả lại')}</button> : null}
      </div>
      <Dialog open={confirm} title={t('Gửi kết quả khi còn thiếu?')} onClose={() => setConfirm(false)}>
        <p>{t('Còn {{n}} đối tượng phải xếp loại chưa có mức đề xuất. Cấp trên sẽ thấy danh sách này còn thiếu.', { n: fmtInt(missing) })}</p>
        <div className="actions">
          <button type="button" className="button primary" disabled={busy} onClick={() => void act('submit')}>{t('Vẫn gửi kết quả')}</button>
          <button type="button" className="button" onClick={() => setConfirm(false)}>{t('Quay lại bổ sung')}</button>
        </div>
      </Dialog>
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
