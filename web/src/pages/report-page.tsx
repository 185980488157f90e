/**
 * The report editor (issue #9 item 8): the document's number, date, place, signer and recipients,
 * and the prose of sections I and II, saved as you type (with the version read: a report someone
 * else saved meanwhile is shown beside yours to choose, never overwritten); a preview of the text as
 * generated, with the numbers from the data; the .docx and .pdf made on demand. The `[số liệu]`
 * line is explained where it is used.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportProse, ReportSettings } from '../../../src/reports/report-types.js';
import type { ReportModel } from '../../../src/reports/report-types.js';
import type { ReportView } from '../../../src/services/reports.js';
import { api, ApiError, download, qs } from '../api.js';
import { ErrorNotice, Loading, type SaveState, SaveStatus, useData, useTitle, NoCycle } from '../components/common.js';
import { fmtDateTime } from '../format.js';
import { tk } from '../i18n.js';
import { useLeaveGuard } from '../router.js';
import { useSession } from '../session.js';

type Loaded = ReportView & { model: Pick<ReportModel, 'header' | 'title' | 'subject' | 'paragraphs' | 'footnotes'> };
type Draft = { settings: ReportSettings; prose: ReportProse };

const PROSE: { key: keyof ReportProse; label: string; hint?: string; part: 'I' | 'II' }[] = [
  { key: 'deployment', label: tk('1. Việc quán triệt, triển khai thực hiện'), part: 'I' },
  { key: 'preparation', label: tk('2.1. Công tác chuẩn bị kiểm điểm'), part: 'I', hint: tk('Gõ một dòng riêng «[số liệu]» ở chỗ muốn chèn các con số của mục 2.1.1 (số tập thể, cá nhân đã kiểm điểm…, lấy từ dữ liệu). Không có dòng này thì các con số được chèn sau đoạn thứ hai, như báo cáo mẫu.') },
  { key: 'organisation', label: tk('2.1. Việc tổ chức kiểm điểm'), part: 'I' },
  { key: 'strengths', label: tk('Ưu điểm'), part: 'II' },
  { key: 'weaknesses', label: tk('Hạn chế, khuyết điểm'), part: 'II' },
  { key: 'causes', label: tk('Nguyên nhân'), part: 'II' },
  { key: 'tasks', label: tk('Phương hướng, nhiệm vụ thời gian tới'), part: 'II' },
];

const SETTINGS: { key: keyof ReportSettings; label: string; type?: string }[] = [
  { key: 'number', label: tk('Số văn bản (ví dụ 331-BC/HU)') },
  { key: 'date', label: tk('Ngày ban hành'), type: 'date' },
  { key: 'place', label: tk('Địa danh') },
  { key: 'issuingBody', label: tk('Cơ quan ban hành') },
  { key: 'parentBody', label: tk('Cơ quan cấp trên') },
  { key: 'signerAuthority', label: tk('Thẩm quyền ký (ví dụ T/M BAN THƯỜNG VỤ)') },
  { key: 'signerTitle', label: tk('Chức vụ người ký') },
  { key: 'signerName', label: tk('Họ tên người ký') },
];

/** The fields that differ between two drafts, for the conflict. */
function changedKeys(a: Draft, b: Draft): string[] {
  const s = SETTINGS.map((x) => x.key).filter((k) => JSON.stringify(a.settings[k]) !== JSON.stringify(b.settings[k]));
  const p = PROSE.map((x) => x.key).filter((k) => a.prose[k] !== b.prose[k]);
  return [...s, ...(JSON.stringify(a.settings.recipients) !== JSON.stringify(b.settings.recipients) ? ['recipients'] : []), ...p];
}

export function ReportPage({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const { cycle, user } = useSession();
  const period = cycle && cycle.period !== 'nam' ? cycle.period : undefined;
  const path = cycle ? `/api/reports/${encodeURIComponent(code)}/${cycle.year}` : '';
  const loaded = useData<Loaded | null>((s) => (cycle ? api.get<Loaded>(`${path}${qs({ period })}`, s) : Promise.resolve(null)), [path, period]);
  const [draft, setDraft] = useState<Draft | null>(null);
  // The version read, in a ref: a save started while another is on its way sends the newest one.
  const version = useRef(0);
  const setVersion = (v: number) => { version.current = v; };
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [conflict, setConflict] = useState<Loaded | null>(null);
  const [files, setFiles] = useState<Record<string, string>>({});
  const dirty = useRef(false);
  /** Bumped by every edit: a save only marks the page clean when nothing was typed while it went. */
  const edits = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  const readOnly = user.role === 'viewer';
  useTitle(t('Báo cáo — {{unit}}', { unit: code }));

  useEffect(() => {
    if (loaded.data && !dirty.current) {
      setDraft({ settings: loaded.data.settings, prose: loaded.data.prose });
      setVersion(loaded.data.version);
    }
  }, [loaded.data]);

  useLeaveGuard(useCallback(() => (dirty.current ? t('Báo cáo còn thay đổi chưa lưu. Rời trang?') : null), [t]));

  const persist = useCallback(
    async (d: Draft, v: number) => {
      setSave({ kind: 'saving' });
      const at = edits.current;
      try {
        const res = await api.put<ReportView>(`${path}${qs({ period })}`, { ...d.settings, prose: d.prose, version: v });
        if (edits.current === at) dirty.current = false;
        setVersion(res.version);
        setSave({ kind: 'saved', at: res.updatedAt });
        setConflict(null);
        loaded.reload();
      } catch (e) {
        if (e instanceof ApiError && e.code === 'Conflict') {
          setConflict(await api.get<Loaded>(`${path}${qs({ period })}`));
          setSave({ kind: 'error', message: e.text(i18n.language) });
        } else setSave({ kind: 'error', message: e instanceof ApiError ? e.text(i18n.language) : String(e) });
      }
    },
    [path, period, i18n.language, loaded],
  );

  const change = (next: Draft) => {
    setDraft(next);
    dirty.current = true;
    edits.current += 1;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void persist(next, version.current), 1500);
  };
  useEffect(() => () => window.clearTimeout(timer.current), []);

  if (!cycle) return <NoCycle />;
  if (loaded.error) return <ErrorNotice error={loaded.error} />;
  if (!draft || !loaded.data) return <Loading />;
  const view = loaded.data;
  const get = async (format: 'docx' | 'pdf') => {
    setFiles((f) => ({ ...f, [format]: format === 'pdf' ? t('Đang tạo PDF, có thể mất vài giây…') : t('Đang tạo báo cáo…') }));
    try {
      if (dirty.current) await persist(draft, version.current);
      const file = await download(`${path}/${format}${qs({ period })}`, `bao-cao-${code}-${cycle.year}.${format}`);
      setFiles((f) => ({ ...f, [format]: t('Đã tải {{name}}', { name: file.name }) }));
    } catch (e) {
      setFiles((f) => ({ ...f, [format]: e instanceof ApiError ? e.text(i18n.language) : String(e) }));
    }
  };
  const setting = (k: keyof ReportSettings, v: string) => change({ ...draft, settings: { ...draft.settings, [k]: v } });

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('Báo cáo kết quả kiểm điểm, đánh giá, xếp loại')}</h1>
          <p className="muted">{view.settings.issuingBody} · {cycle.title} · {t('sửa lần cuối {{at}} bởi {{who}}', { at: fmtDateTime(view.updatedAt), who: view.updatedBy })}</p>
        </div>
        <div className="actions">
          <SaveStatus state={save} />
          {!readOnly ? <button type="button" className="button" onClick={() => { window.clearTimeout(timer.current); void persist(draft, version.current); }}>{t('Lưu ngay')}</button> : null}
          <button type="button" className="button primary" onClick={() => void get('docx')}>{t('Tạo báo cáo (.docx)')}</button>
          <button type="button" className="button" onClick={() => void get('pdf')}>{t('Tạo PDF')}</button>
        </div>
      </div>
      {Object.entries(files).map(([k, v]) => <p key={k} role="status" className="small">{v}</p>)}
      {conflict ? (
        <div className="conflict" role="alert">
          <p><b>{t('Người khác vừa lưu báo cáo này ({{who}}, {{at}}).', { who: conflict.updatedBy, at: fmtDateTime(conflict.updatedAt) })}</b> {t('Bản của bạn chưa được ghi. Các phần khác nhau: {{fields}}.', { fields: changedKeys(draft, { settings: conflict.settings, prose: conflict.prose }).join(', ') })}</p>
          <div className="actions">
            <button type="button" className="button small" onClick={() => { dirty.current = false; setDraft({ settings: conflict.settings, prose: conflict.prose }); setVersion(conflict.version); setConflict(null); setSave({ kind: 'idle' }); }}>{t('Dùng bản hiện tại')}</button>
            <button type="button" className="button small primary" onClick={() => void persist(draft, conflict.version)}>{t('Ghi bản của tôi')}</button>
          </div>
        </div>
      ) : null}
      <div className="split wide">
        <form onSubmit={(e) => e.preventDefault()}>
          <fieldset className="card" disabled={readOnly}>
            <legend><b>{t('Thông tin văn bản')}</b></legend>
            <div className="inline-fields">
              {SETTINGS.map((f) => (
                <label key={f.key} className="field">
                  <span>{t(f.label)}</span>
                  <input type={f.type ?? 'text'} value={String(draft.settings[f.key] ?? '')} onChange={(e) => setting(f.key, e.target.value)} />
                </label>
              ))}
            </div>
            <label className="field">
              <span>{t('Nơi nhận (mỗi nơi một dòng)')}</span>
              <textarea rows={3} value={draft.settings.recipients.join('\n')} onChange={(e) => change({ ...draft, settings: { ...draft.settings, recipients: e.target.value.split('\n') } })} style={{ minHeight: '5rem' }} />
            </label>
          </fieldset>
          {(['I', 'II'] as const).map((part) => (
            <fieldset key={part} className="card" disabled={readOnly}>
              <legend><b>{part === 'I' ? t('Phần I. Kết quả triển khai, thực hiện (số liệu lấy từ dữ liệu)') : t('Phần II. Đánh giá chung')}</b></legend>
              {PROSE.filter((p) => p.part === part).map((p) => (
                <label key={p.key} className="field">
                  <span>{t(p.label)}</span>
                  {p.hint ? <span className="hint">{t(p.hint)}</span> : null}
                  <textarea value={draft.prose[p.key]} onChange={(e) => change({ ...draft, prose: { ...draft.prose, [p.key]: e.target.value } })} />
                </label>
              ))}
            </fieldset>
          ))}
        </form>
        <aside aria-labelledby="preview-title">
          <h2 id="preview-title" style={{ marginTop: 0 }}>{t('Xem trước (sau lần lưu gần nhất)')}</h2>
          <div className="preview" tabIndex={0} role="region" aria-label={t('Xem trước báo cáo')}>
            <p style={{ textAlign: 'center', textIndent: 0 }}><b>{view.model.title}</b><br /><i>{view.model.subject}</i></p>
            {view.model.paragraphs.map((p, i) => <p key={i} className={p.kind}>{p.text}</p>)}
          </div>
        </aside>
      </div>
    </>
  );
}
