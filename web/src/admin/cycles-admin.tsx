/**
 * Cycles for the administrator (issue #9 item 9): open a cycle, set the deadline of each level and
 * the rule set's parameters (the cap, the "(verify)" values) — each change with the cycle's version —
 * and create the evaluations of the whole tree.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UNIT_KINDS, type UnitKind } from '../../../src/domain/codes.js';
import { api, ApiError } from '../api.js';
import { ErrorNotice, Loading, type SaveState, SaveStatus, useData } from '../components/common.js';
import { fmtDate, fmtInt } from '../format.js';
import { unitKindLabel } from '../labels.js';
import { tk } from '../i18n.js';
import { type CycleInfo, useSession } from '../session.js';

const ROUNDING: Record<string, string> = { floor: tk('làm tròn xuống'), round_half_up: tk('làm tròn'), ceil: tk('làm tròn lên') };

interface ParameterView { cycle: { version: number }; parameters: Record<string, unknown>; caps: Record<string, { base: string; percent: number; rounding: string; source: string }> }

function Deadlines({ cycle, onSaved }: { cycle: CycleInfo; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const [dates, setDates] = useState<Record<string, string>>(() => Object.fromEntries(cycle.deadlines.map((d) => [d.level, d.dueOn])));
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  useEffect(() => setDates(Object.fromEntries(cycle.deadlines.map((d) => [d.level, d.dueOn]))), [cycle]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSave({ kind: 'saving' });
    try {
      const deadlines = Object.entries(dates).filter(([, d]) => d).map(([level, dueOn]) => ({ level, dueOn }));
      await api.put(`/api/cycles/${cycle.year}/deadlines`, { deadlines, version: cycle.version });
      setSave({ kind: 'saved', at: new Date().toISOString() });
      onSaved();
    } catch (err) {
      setSave({ kind: 'error', message: err instanceof ApiError ? err.text(i18n.language) : String(err) });
      if (err instanceof ApiError && err.code === 'Conflict') onSaved();
    }
  };
  return (
    <form className="card" onSubmit={submit}>
      <h3 style={{ marginTop: 0 }}>{t('Hạn gửi kết quả của từng cấp')}</h3>
      <div className="inline-fields">
        {UNIT_KINDS.map((k: UnitKind) => (
          <label key={k} className="field">
            <span>{unitKindLabel(k, i18n.language)}</span>
            <input type="date" value={dates[k] ?? ''} onChange={(e) => setDates({ ...dates, [k]: e.target.value })} />
          </label>
        ))}
      </div>
      <button type="submit" className="button primary">{t('Lưu hạn gửi')}</button> <SaveStatus state={save} />
    </form>
  );
}

function Parameters({ cycle, onSaved }: { cycle: CycleInfo; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const { data, error, reload } = useData<ParameterView>((s) => api.get(`/api/cycles/${cycle.year}/parameters`, s), [cycle.year, cycle.version]);
  const [text, setText] = useState('');
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  useEffect(() => {
    if (data) setText(JSON.stringify(data.parameters, null, 2));
  }, [data]);
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <Loading />;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    let parameters: unknown;
    try {
      parameters = JSON.parse(text || '{}');
    } catch {
      setSave({ kind: 'error', message: t('Tham số phải là JSON hợp lệ, ví dụ {"caps": {"member": {"percent": 20}}}.') });
      return;
    }
    setSave({ kind: 'saving' });
    try {
      await api.put(`/api/cycles/${cycle.year}/parameters`, { parameters, version: cycle.version });
      setSave({ kind: 'saved', at: new Date().toISOString() });
      onSaved();
      reload();
    } catch (err) {
      setSave({ kind: 'error', message: err instanceof ApiError ? err.text(i18n.language) : String(err) });
    }
  };
  const member = data.caps.member;
  return (
    <form className="card" onSubmit={submit}>
      <h3 style={{ marginTop: 0 }}>{t('Tham số của bộ quy định')}</h3>
      {member ? <p>{t('Tỉ lệ HTXS của đảng viên đang áp dụng: {{p}}% số {{base}}, {{rounding}} ({{source}}).', { p: String(member.percent).replace('.', ','), base: member.base === 'graded' ? t('đã xếp loại') : member.base, rounding: t(ROUNDING[member.rounding] ?? member.rounding), source: member.source })}</p> : null}
      <label className="field">
        <span>{t('Các tham số đã thay đổi so với mặc định (JSON)')}</span>
        <span className="hint">{t('Để trống hoặc {} để dùng giá trị mặc định. Chỉ những giá trị được ghi «cần xác minh» và tỉ lệ HTXS mới thay đổi được.')}</span>
        <textarea value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} style={{ fontFamily: 'monospace' }} />
      </label>
      <button type="submit" className="button primary">{t('Lưu tham số')}</button> <SaveStatus state={save} />
    </form>
  );
}

export function CyclesAdmin() {
  const { t } = useTranslation();
  const { cycles, reloadCycles } = useSession();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [referenceDate, setReferenceDate] = useState('');
  const [selected, setSelected] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const cycle = cycles.find((c) => c.year === selected) ?? cycles[0] ?? null;
  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const made = await api.post<CycleInfo>('/api/cycles', { year: Number(year), referenceDate: referenceDate || `${year}-12-31` });
      await reloadCycles();
      setSelected(made.year);
      setNote(t('Đã mở kỳ năm {{y}}. Đặt hạn gửi rồi lập phiếu đánh giá cho toàn bộ đơn vị.', { y: made.year }));
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  const compute = async () => {
    if (!cycle) return;
    setNote(t('Đang lập phiếu và tính diện đánh giá cho toàn bộ đơn vị…'));
    try {
      const r = await api.post<{ created: number; subjects: number }>(`/api/cycles/${cycle.year}/eligibility/compute`, {});
      setNote(t('Đã lập {{n}} phiếu mới cho {{m}} đối tượng.', { n: fmtInt(r.created), m: fmtInt(r.subjects) }));
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  return (
    <>
      <form className="card" onSubmit={create}>
        <h2 style={{ marginTop: 0 }}>{t('Mở kỳ đánh giá mới')}</h2>
        <ErrorNotice error={error} />
        <div className="inline-fields">
          <label className="field"><span>{t('Năm')}</span><input type="text" inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} /></label>
          <label className="field"><span>{t('Ngày chốt số liệu')}</span><span className="hint">{t('Mặc định 31/12 của năm')}</span><input type="date" value={referenceDate} onChange={(e) => setReferenceDate(e.target.value)} /></label>
        </div>
        <button type="submit" className="button primary">{t('Mở kỳ đánh giá')}</button>
      </form>
      {note ? <p className="notice" role="status">{note}</p> : null}
      {cycle ? (
        <section>
          <h2>{t('Kỳ đánh giá')}</h2>
          <label className="field" style={{ maxWidth: '30rem' }}>
            <span>{t('Chọn kỳ để sửa')}</span>
            <select value={cycle.year} onChange={(e) => setSelected(Number(e.target.value))}>{cycles.map((c) => <option key={c.year} value={c.year}>{c.title} — {c.ruleSet}, {t('chốt số liệu {{d}}', { d: fmtDate(c.referenceDate) })}</option>)}</select>
          </label>
          <p><button type="button" className="button" onClick={() => void compute()}>{t('Lập phiếu và tính diện đánh giá toàn bộ')}</button></p>
          <Deadlines cycle={cycle} onSaved={() => void reloadCycles()} />
          <Parameters cycle={cycle} onSaved={() => void reloadCycles()} />
        </section>
      ) : null}
    </>
  );
}
