/**
 * Entering and removing a row's facts (issue #9 item 3): pick the kind (from the fact definitions),
 * fill its fields, save — with the version the page read. The check panel then reads the new fact
 * (a discipline lowers the ceiling at once). Errors name the field; nothing typed is lost.
 */
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceRow } from '../../../src/services/workspace.js';
import { api, ApiError, qs } from '../api.js';
import { Dialog } from '../components/common.js';
import { plainRuleText } from './citation.js';
import { type FactDefinition, factLabel, factsFor, type FactValue } from './fact-definitions.js';

/** Records a fact through the evaluation (its version checked). */
export async function saveFact(row: WorkspaceRow, def: FactDefinition, values: Record<string, string>): Promise<void> {
  const e = row.evaluation!;
  if (def.store === 'event') await api.post(`/api/evaluations/${e.id}/events`, { version: e.version, ...def.body(values) });
  else if (def.store === 'fact') await api.put(`/api/evaluations/${e.id}/facts/${def.id}`, { version: e.version, ...def.body(values) });
  else await api.patch(`/api/evaluations/${e.id}`, { version: e.version, ...def.body(values) });
}

/** Removes one fact value shown on the row. */
export async function removeFact(row: WorkspaceRow, value: FactValue): Promise<void> {
  const e = row.evaluation!;
  if ('event' in value.remove) await api.del(`/api/evaluations/${e.id}/events/${value.remove.event}${qs({ version: e.version })}`);
  else if ('fact' in value.remove) await api.del(`/api/evaluations/${e.id}/facts/${value.remove.fact}${qs({ version: e.version })}`);
  else await api.patch(`/api/evaluations/${e.id}`, { version: e.version, [value.remove.field]: null });
}

export function FactEditor({ row, ruleSet, open, onClose, onSaved }: { row: WorkspaceRow; ruleSet: string; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const defs = useMemo(() => factsFor(row, ruleSet), [row, ruleSet]);
  const [kind, setKind] = useState(defs[0]?.id ?? '');
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  /** The version a conflict was answered at: until the row is read again, the stored value is not known yet. */
  const [staleVersion, setStaleVersion] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const def = defs.find((d) => d.id === kind);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!def) return;
    setBusy(true);
    setError(null);
    try {
      await saveFact(row, def, values);
      setValues({});
      onSaved();
      onClose();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      if (err instanceof ApiError && err.code === 'Conflict') setStaleVersion(row.evaluation?.version ?? null);
      if (err instanceof ApiError && err.code === 'Conflict') onSaved();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} title={t('Ghi sự kiện, sự việc: {{name}}', { name: row.name })} onClose={onClose}>
      <form onSubmit={submit}>
        {error ? (
          <div className="error-summary" role="alert">
            <h2>{t('Chưa lưu được')}</h2>
            <p>{plainRuleText(error.text(i18n.language), t)}</p>
            {error.code === 'Conflict' ? <p>{t('Dữ liệu mới nhất đã được tải lại; hãy kiểm tra rồi lưu lại.')}</p> : null}
            {error.code === 'Conflict' && def ? (
              <p data-testid="conflict-current">
                {t('Hiện đang là:')}{' '}
                {row.evaluation?.version === staleVersion ? t('đang tải…') : def.current(row, i18n.language, t).map((v) => v.text).join('; ') || t('(chưa ghi)')}
              </p>
            ) : null}
          </div>
        ) : null}
        <label className="field">
          <span>{t('Loại sự kiện, sự việc')}</span>
          <select value={kind} onChange={(e) => { setKind(e.target.value); setValues({}); }}>
            {defs.some((d) => d.store === 'event') ? (
              <optgroup label={t('Sự kiện của người (kỷ luật, vi phạm, nghỉ…)')}>
                {defs.filter((d) => d.store === 'event').map((d) => <option key={d.id} value={d.id}>{factLabel(d, i18n.language, t)}</option>)}
              </optgroup>
            ) : null}
            <optgroup label={t('Dữ kiện xếp loại của năm')}>
              {defs.filter((d) => d.store !== 'event').map((d) => <option key={d.id} value={d.id}>{factLabel(d, i18n.language, t)}</option>)}
            </optgroup>
          </select>
        </label>
        {def?.fields.map((f) => (
          <label className="field" key={f.name}>
            <span>{t(f.label)}{f.required ? '' : ` ${t('(không bắt buộc)')}`}</span>
            {f.hint ? <span className="hint">{t(f.hint)}</span> : null}
            {f.type === 'boolean' ? (
              <input type="checkbox" checked={values[f.name] === 'true'} onChange={(e) => setValues({ ...values, [f.name]: e.target.checked ? 'true' : '' })} />
            ) : f.type === 'select' ? (
              <select required={f.required} value={values[f.name] ?? ''} aria-invalid={error?.field === f.name || undefined} onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}>
                <option value="">{t('— Chọn —')}</option>
                {f.options?.(i18n.language).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
            ) : (
              <input type={f.type === 'number' ? 'text' : f.type} inputMode={f.type === 'number' ? 'decimal' : undefined} required={f.required} value={values[f.name] ?? ''} aria-invalid={error?.field === f.name || undefined} onChange={(e) => setValues({ ...values, [f.name]: e.target.value })} />
            )}
          </label>
        ))}
        <div className="actions">
          <button className="button primary" type="submit" disabled={busy || !def}>{busy ? t('Đang lưu…') : t('Lưu sự kiện')}</button>
          <button className="button" type="button" onClick={onClose}>{t('Đóng')}</button>
        </div>
      </form>
    </Dialog>
  );
}
