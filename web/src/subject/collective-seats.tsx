/**
 * A leadership collective's seats (issue 8, "Facts as data"; the rules read its members: HD 21,
 * II.B.3; QĐ 124 Điều 12; QĐ 366 Điều 11 k4): every dated seat with the decision it rests on; seat a
 * position of the collective's unit (POST /api/collectives/:code/members) and end a seat on a day
 * (POST …/members/:id/end). Each change moves the collective's evaluations one version on, so the
 * page reloads its subject afterwards.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectiveMember } from '../../../src/db/queries/collective-members.js';
import type { Position } from '../../../src/domain/model/people.js';
import { api, ApiError, qs } from '../api.js';
import { ErrorNotice, Loading, useData } from '../components/common.js';
import { fmtDate } from '../format.js';

interface Props {
  collectiveCode: string;
  unitCode: string;
  /** The cycle's reference date: the positions offered are those held then. */
  date: string;
  canEdit: boolean;
  onChanged(): void;
}

/** Ending a seat: a button first, then the last day and a confirmation, so a long list stays short. */
function EndSeat({ seat, onEnd }: { seat: CollectiveMember; onEnd(validTo: string): Promise<void> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [on, setOn] = useState('');
  if (!open) return <button type="button" className="button small" onClick={() => setOpen(true)}>{t('Kết thúc: {{name}}', { name: seat.fullName })}</button>;
  return (
    <form className="inline-form" onSubmit={(e: FormEvent) => { e.preventDefault(); void onEnd(on); }}>
      <label className="field">
        <span>{t('Ngày thôi tham gia: {{name}}', { name: seat.fullName })}</span>
        <input type="date" required value={on} min={seat.validFrom} onChange={(e) => setOn(e.target.value)} />
      </label>
      <button type="submit" className="button">{t('Xác nhận kết thúc: {{name}}', { name: seat.fullName })}</button>
      <button type="button" className="button" onClick={() => setOpen(false)}>{t('Hủy')}</button>
    </form>
  );
}

export function CollectiveSeats({ collectiveCode, unitCode, date, canEdit, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const [tick, setTick] = useState(0);
  const [v, setV] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const code = encodeURIComponent(collectiveCode);
  const { data, error: loadError } = useData(
    async (signal) => {
      const [seats, positions] = await Promise.all([
        api.get<{ members: CollectiveMember[] }>(`/api/collectives/${code}/members`, signal),
        canEdit ? api.get<{ positions: Position[] }>(`/api/units/${encodeURIComponent(unitCode)}/positions${qs({ date })}`, signal) : Promise.resolve({ positions: [] }),
      ]);
      return { seats: seats.members, positions: positions.positions };
    },
    [code, unitCode, date, canEdit, tick],
  );
  const run = async (what: () => Promise<unknown>, message: string) => {
    setError(null);
    setDone(null);
    try {
      await what();
      setV({});
      setDone(message);
      setTick((n) => n + 1);
      onChanged();
    } catch (err) {
      setError(err instanceof ApiError ? err.text(i18n.language) : String(err));
    }
  };
  const seat = (e: FormEvent) => {
    e.preventDefault();
    const body = { positionId: v.position, validFrom: v.from, documentNumber: v.doc?.trim() || null, documentDate: v.docDate || null };
    const who = data?.positions.find((p) => p.id === v.position)?.fullName ?? '';
    void run(() => api.post(`/api/collectives/${code}/members`, body), t('Đã cử {{name}} vào tập thể.', { name: who }));
  };
  // Positions already seated (an open seat) are not offered again.
  const free = data ? data.positions.filter((p) => !data.seats.some((s) => s.positionId === p.id && !s.validTo)) : [];
  const end = (s: CollectiveMember) => (validTo: string) => run(() => api.post(`/api/collectives/${code}/members/${encodeURIComponent(s.id)}/end`, { validTo }), t('Đã kết thúc: {{name}}.', { name: s.fullName }));
  return (
    <section className="card" aria-labelledby="seats-title">
      <h2 id="seats-title" style={{ marginTop: 0 }}>{t('Thành viên tập thể')}</h2>
      <ErrorNotice error={loadError} />
      {error ? <div className="notice bad" role="alert">{error}</div> : null}
      {done ? <div className="notice ok" role="status">{done}</div> : null}
      {!data ? <Loading /> : data.seats.length === 0 ? <p className="muted">{t('Tập thể chưa có thành viên nào được ghi.')}</p> : (
        <ul className="seats">
          {data.seats.map((s) => (
            <li key={s.id} data-testid="seat">
              <b>{s.fullName}</b> — {s.title}
              <div className="small">
                {s.validTo ? t('Từ {{from}} đến {{to}}', { from: fmtDate(s.validFrom), to: fmtDate(s.validTo) }) : t('Từ {{from}}, đang tham gia', { from: fmtDate(s.validFrom) })}
                {s.documentNumber ? <span className="muted"> · {s.documentNumber}{s.documentDate ? `, ${fmtDate(s.documentDate)}` : ''}</span> : null}
              </div>
              {canEdit && !s.validTo ? <EndSeat seat={s} onEnd={end(s)} /> : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit && data && free.length === 0 ? <p className="muted">{t('Mọi chức vụ của đơn vị đã ở trong tập thể; muốn cử người khác, hãy kết thúc một suất trước.')}</p> : null}
      {canEdit && data && free.length > 0 ? (
        <form onSubmit={seat}>
          <h3>{t('Cử thêm thành viên')}</h3>
          <label className="field">
            <span>{t('Chức vụ, người giữ chức vụ')}</span>
            <select required value={v.position ?? ''} onChange={(e) => setV({ ...v, position: e.target.value })}>
              <option value="">{t('— Chọn —')}</option>
              {free.map((p) => <option key={p.id} value={p.id}>{p.fullName} — {p.title}</option>)}
            </select>
          </label>
          <label className="field"><span>{t('Từ ngày')}</span><input type="date" required value={v.from ?? ''} onChange={(e) => setV({ ...v, from: e.target.value })} /></label>
          <label className="field"><span>{t('Số quyết định, kết luận')} {t('(không bắt buộc)')}</span><input type="text" value={v.doc ?? ''} onChange={(e) => setV({ ...v, doc: e.target.value })} /></label>
          <label className="field"><span>{t('Ngày quyết định, kết luận')} {t('(không bắt buộc)')}</span><input type="date" value={v.docDate ?? ''} onChange={(e) => setV({ ...v, docDate: e.target.value })} /></label>
          <button type="submit" className="button primary">{t('Cử vào tập thể')}</button>
        </form>
      ) : null}
    </section>
  );
}
