/** Small pieces every page uses: loading data, errors, the save state, breadcrumbs, a dialog, the page title. */
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import { fmtTime } from '../format.js';
import { Link } from '../router.js';

/** Loads data for a page; `reload()` fetches again; a stale answer (deps changed) is dropped. */
export function useData<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): { data: T | null; error: ApiError | null; loading: boolean; reload: () => void; setData: (v: T) => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  useEffect(() => {
    const ctl = new AbortController();
    setLoading(true);
    run(ctl.signal)
      .then((v) => {
        if (!ctl.signal.aborted) {
          setData(v);
          setError(null);
        }
      })
      .catch((e: unknown) => {
        if (ctl.signal.aborted) return;
        setError(e instanceof ApiError ? e : new ApiError(0, 'Internal', { vi: String(e), en: String(e) }));
      })
      .finally(() => {
        if (!ctl.signal.aborted) setLoading(false);
      });
    return () => ctl.abort();
  }, [run, tick]);
  return { data, error, loading, reload: () => setTick((n) => n + 1), setData };
}

/** Sets the document title: "<page> · xeploai". */
export function useTitle(title: string | null | undefined): void {
  useEffect(() => {
    if (title) document.title = `${title} · xeploai`;
  }, [title]);
}

/** An error from the API, in the page's language, announced. */
export function ErrorNotice({ error, title }: { error: ApiError | null; title?: string }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  return (
    <div className="notice bad" role="alert">
      {title ? <b>{title}: </b> : error.status === 403 ? <b>{t('Không có quyền')}: </b> : null}
      {error.text(i18n.language)}
    </div>
  );
}

/** Loading text while the first answer is awaited. */
export function Loading() {
  const { t } = useTranslation();
  return <p className="muted" role="status">{t('Đang tải…')}</p>;
}

/** The state of one save (principle 3): Đang lưu…, Đã lưu lúc 20:41, or the error. */
export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'error'; message: string };

export function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  if (state.kind === 'idle') return null;
  if (state.kind === 'saving') return <span className="save saving" role="status">{t('Đang lưu…')}</span>;
  if (state.kind === 'saved') return <span className="save" role="status">{t('Đã lưu lúc {{time}}', { time: fmtTime(state.at) })}</span>;
  return <span className="save error" role="alert">{state.message}</span>;
}

/** Breadcrumbs from the top of the tree to the unit. */
export function Crumbs({ items }: { items: { href: string; label: string }[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <nav className="crumbs" aria-label={t('Đường dẫn')}>
      <ol>
        {items.map((i) => (
          <li key={i.href}><Link href={i.href}>{i.label}</Link></li>
        ))}
      </ol>
    </nav>
  );
}

/** A modal dialog (native <dialog>: focus kept inside, Escape closes). */
export function Dialog({ open, title, onClose, children }: { open: boolean; title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="dialog-title" onClose={onClose}>
      {open ? (
        <>
          <h2 id="dialog-title" style={{ marginTop: 0 }}>{title}</h2>
          {children}
        </>
      ) : null}
    </dialog>
  );
}

/** A state badge with its class. */
export function Badge({ kind, children }: { kind: string; children: ReactNode }) {
  return <span className={`badge state-${kind}`}>{children}</span>;
}

/** What a page shows before any review cycle exists: what it is waiting for, and who opens one. */
export function NoCycle() {
  const { t } = useTranslation();
  return (
    <div className="card">
      <h1>{t('Chưa có kỳ đánh giá')}</h1>
      <p>{t('Trang này hiện kết quả của một kỳ kiểm điểm, đánh giá, xếp loại. Quản trị viên mở kỳ đánh giá ở trang Quản trị; sau đó đơn vị lập phiếu và xếp loại.')}</p>
    </div>
  );
}
