/**
 * The workspace grid (issue #9 item 3): one row per subject, filled from the keyboard — arrows move
 * between the grade cells, letters or 1–4 pick a grade, Enter saves and goes down — each change
 * saved at once with the row's version. Columns: choose (for bulk actions), name, eligibility, facts,
 * self-assessed grade, the grade («Xếp loại: <name>»: the proposal, or the decision for the competent
 * body), KHT reason, state. On a phone each row is a card. Rows are filtered with TanStack Table.
 */
import { columnFilteringFeature, createFilteredRowModel, tableFeatures, useTable } from '@tanstack/react-table';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../src/db/queries/users.js';
import { matchesSearch, searchWords } from '../../../src/domain/search.js';
import type { WorkspaceRow } from '../../../src/services/workspace.js';
import { ApiError } from '../api.js';
import { eligibilityLabel, type Grade, gradeLabel, khtReasonLabel } from '../labels.js';
import { Link } from '../router.js';
import { FactEditor, removeFact } from './fact-editor.js';
import { factsFor } from './fact-definitions.js';
import { GradeSelect } from './grade-select.js';
import { RowStatus } from './row-status.js';
import type { RowState, Step } from './row-saver.js';
import { canRegrade, canSelfAssess, gradeMode, standingGrade } from './row-mode.js';

export interface GridContext {
  user: User;
  ruleSet: string;
  /** Codes from the top of the tree to the workspace's unit. */
  path: readonly string[];
  khtReasons: readonly string[];
  withCycle(path: string): string;
}

export interface GridProps {
  rows: WorkspaceRow[];
  ctx: GridContext;
  focused: string | null;
  onFocusRow(row: WorkspaceRow): void;
  states: Record<string, RowState>;
  run(row: WorkspaceRow, step: Step): void;
  keep(row: WorkspaceRow): void;
  selected: ReadonlySet<string>;
  onSelect(keys: string[], on: boolean): void;
  onFactsChanged(): void;
  /** Extra cells for sub-units (their own progress), by unit code. */
  unitInfo?: (row: WorkspaceRow) => ReactNode;
}

const features = tableFeatures({ columnFilteringFeature, filteredRowModel: createFilteredRowModel() });
export const rowKey = (r: WorkspaceRow) => `${r.kind}:${r.ref}`;

type Filter = 'all' | 'todo' | 'proposed' | 'decided' | 'not_graded';

function filterStatus(row: WorkspaceRow, f: Filter): boolean {
  const e = row.evaluation;
  if (f === 'all') return true;
  if (f === 'not_graded') return !e || !['eligible', 'pending'].includes(e.eligibility);
  if (!e || !['eligible', 'pending'].includes(e.eligibility)) return false;
  if (f === 'decided') return e.decidedGrade !== null;
  if (f === 'proposed') return e.decidedGrade === null && e.proposedGrade !== null;
  return e.decidedGrade === null && e.proposedGrade === null;
}

/** The grade a row's control shows in its mode. */
function shownGrade(row: WorkspaceRow, mode: ReturnType<typeof gradeMode>): Grade | null {
  const e = row.evaluation;
  if (!e) return null;
  return mode === 'decide' ? e.decidedGrade : mode === 'propose' ? e.proposedGrade : mode === 'appraise' ? null : standingGrade(row);
}

/** A grade's code, its full name as the title and for screen readers (the legend above the grid names them all). */
function GradeCode({ grade, strong }: { grade: Grade | null; strong?: boolean }) {
  const { i18n } = useTranslation();
  if (!grade) return <span className="muted">—</span>;
  const code = <abbr title={gradeLabel(grade, i18n.language)} className={`g-${grade}`}>{grade}</abbr>;
  return strong ? <b>{code}</b> : code;
}

/** «Đã kiểm điểm»: shown checked at once while the change is saved; the saved value wins when it comes back. */
function ReviewedBox({ name, value, disabled, onChange }: { name: string; value: boolean; disabled: boolean; onChange(v: boolean): void }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(value);
  useEffect(() => setShown(value), [value]);
  return (
    <label className="reviewed">
      <input type="checkbox" checked={shown} disabled={disabled} aria-label={t('Đã kiểm điểm: {{name}}', { name })} onChange={(ev) => { setShown(ev.target.checked); onChange(ev.target.checked); }} />
      <span aria-hidden="true">{t('Đã kiểm điểm')}</span>
    </label>
  );
}

interface RowProps {
  row: WorkspaceRow;
  i: number;
  props: GridProps;
  onEdit(row: WorkspaceRow): void;
  onRemove(row: WorkspaceRow, value: Parameters<typeof removeFact>[1]): void;
}

/** One subject's row: name, review, events; self-assessed grade; the grade (and KHT reason); state. */
function GridRow({ row, i, props, onEdit, onRemove }: RowProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { ctx } = props;
  const e = row.evaluation;
  const key = rowKey(row);
  const mode = gradeMode(row, ctx.user, ctx.path, ctx.ruleSet);
  const self = canSelfAssess(row, ctx.user);
  const grade = shownGrade(row, mode);
  const kht = standingGrade(row) === 'KHT' && mode !== 'readonly';
  const name = row.kind === 'unit' ? <Link href={ctx.withCycle(`/units/${encodeURIComponent(row.ref)}`)}>{row.name}</Link> : e ? <Link href={ctx.withCycle(`/subjects/${e.id}`)}>{row.name}</Link> : row.name;
  const graded = e && ['eligible', 'pending'].includes(e.eligibility);
  return (
    <tr className={props.focused === key ? 'row-focus' : undefined} onClick={() => props.onFocusRow(row)}>
      <td data-label={t('Chọn')}>
        <input type="checkbox" aria-label={t('Chọn: {{name}}', { name: row.name })} disabled={!e} checked={props.selected.has(key)} onChange={(ev) => props.onSelect([key], ev.target.checked)} />
      </td>
      <td data-label={t('Họ và tên / tên')} className="name-cell">
        <b>{name}</b>
        <div className="muted small">{row.detail}</div>
        {e && !graded ? <div className="small"><b>{eligibilityLabel(e.eligibility, lang)}</b>{e.eligibilityReason ? <span className="muted"> — {e.eligibilityReason}</span> : null}</div> : null}
        {!e ? <div className="muted small">{t('Chưa có phiếu')}</div> : null}
        {e && graded ? <ReviewedBox name={row.name} value={e.reviewed === true} disabled={ctx.user.role === 'viewer'} onChange={(v) => props.run(row, { name: 'reviewed', reviewed: v })} /> : null}
        {props.unitInfo?.(row)}
        <div className="chips">
          {factsFor(row, ctx.ruleSet).flatMap((d) => d.current(row, lang, t)).map((v, j) => (
            <span key={j} className={`chip${v.severe ? ' bad' : ''}`}>
              {v.text}
              {e && ctx.user.role !== 'viewer' ? <button type="button" className="chip-remove" aria-label={t('Xóa: {{what}}', { what: v.text })} onClick={() => onRemove(row, v)}>×</button> : null}
            </span>
          ))}
          {e && ctx.user.role !== 'viewer' ? (
            <button type="button" className="button small" aria-label={t('Thêm sự kiện: {{name}}', { name: row.name })} onClick={() => onEdit(row)}>+ {t('Thêm sự kiện')}</button>
          ) : null}
        </div>
      </td>
      <td data-label={t('Tự xếp loại')}>
        {self ? (
          <GradeSelect label={t('Tự xếp loại: {{name}}', { name: row.name })} value={e!.selfGrade} empty={t('Chọn mức…')} row={i} col={0} onFocusRow={() => props.onFocusRow(row)} onCommit={(g) => props.run(row, { name: 'self-assess', grade: g })} />
        ) : (
          <GradeCode grade={e?.selfGrade ?? null} />
        )}
      </td>
      <td data-label={t('Xếp loại')}>
        {mode === 'readonly' ? (
          <span>
            <GradeCode grade={grade} strong />
            {canRegrade(row, ctx.user, ctx.path) && e ? <> <Link className="button small" href={ctx.withCycle(`/subjects/${e.id}`)}>{t('Xếp loại lại')}</Link></> : null}
          </span>
        ) : (
          <>
            <GradeSelect
              label={t('Xếp loại: {{name}}', { name: row.name })}
              value={grade}
              empty={mode === 'decide' || mode === 'appraise' ? t('Chọn mức (đề xuất: {{g}})', { g: e?.proposedGrade ?? '—' }) : t('Chọn mức…')}
              row={i}
              col={1}
              onFocusRow={() => props.onFocusRow(row)}
              onCommit={(g) => props.run(row, mode === 'decide' ? { name: 'decide', grade: g, decidingUnit: row.authority.unitCode ?? undefined } : mode === 'appraise' ? { name: 'appraise', grade: g, comment: t('Thẩm định trên bảng xếp loại') } : { name: 'propose', grade: g })}
            />
            {mode === 'decide' ? <div className="muted small">{t('Quyết định của {{who}}', { who: row.authority.unitName ?? '—' })}</div> : null}
            {mode === 'appraise' ? <div className="muted small">{t('Thẩm định trước khi {{who}} quyết định', { who: row.authority.unitName ?? '—' })}</div> : null}
          </>
        )}
        {kht && grade === 'KHT' ? (
          <select
            aria-label={t('Lý do KHT: {{name}}', { name: row.name })}
            value={e?.khtReasons[0] ?? ''}
            onChange={(ev) => ev.target.value && props.run(row, mode === 'decide' ? { name: 'decide', grade: 'KHT', decidingUnit: row.authority.unitCode ?? undefined, khtReasons: [ev.target.value] } : { name: 'propose', grade: 'KHT', khtReasons: [ev.target.value] })}
          >
            <option value="">{t('— Chọn lý do —')}</option>
            {ctx.khtReasons.map((r) => <option key={r} value={r}>{khtReasonLabel(r, lang)}</option>)}
          </select>
        ) : e?.khtReasons.length ? (
          <span className="small">{e.khtReasons.map((r) => khtReasonLabel(r, lang)).join('; ')}</span>
        ) : null}
      </td>
      <td data-label={t('Trạng thái')}>
        {e ? <RowStatus name={row.name} evaluation={e} state={props.states[e.id]} onRetry={(step) => props.run(row, step)} onKeep={() => props.keep(row)} /> : <span className="muted">—</span>}
      </td>
    </tr>
  );
}

export function Grid(props: GridProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { ctx } = props;
  const [text, setText] = useState('');
  const [status, setStatus] = useState<Filter>('all');
  // The row being edited by its key: after a reload (a conflict) the editor reads the fresh row and version.
  const [editingKey, setEditing] = useState<string | null>(null);
  const editing = editingKey ? (props.rows.find((r) => rowKey(r) === editingKey) ?? null) : null;
  const [factError, setFactError] = useState<string | null>(null);
  const columns = useMemo(
    () => [
      { id: 'name', accessorFn: (r: WorkspaceRow) => `${r.name} ${r.detail}`, filterFn: (row: { original: WorkspaceRow }, _id: string, q: string) => matchesSearch(searchWords(q), row.original.name, row.original.detail) },
      { id: 'status', accessorFn: (r: WorkspaceRow) => r.ref, filterFn: (row: { original: WorkspaceRow }, _id: string, f: Filter) => filterStatus(row.original, f) },
    ],
    [],
  );
  const columnFilters = useMemo(() => [...(text.trim() ? [{ id: 'name', value: text }] : []), ...(status !== 'all' ? [{ id: 'status', value: status }] : [])], [text, status]);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const table = useTable({ features, columns: columns as any, data: props.rows, state: { columnFilters }, onColumnFiltersChange: () => undefined });
  const shown = table.getRowModel().rows.map((r) => r.original as WorkspaceRow);
  const allKeys = shown.filter((r) => r.evaluation).map(rowKey);
  const allOn = allKeys.length > 0 && allKeys.every((k) => props.selected.has(k));

  const remove = async (row: WorkspaceRow, value: Parameters<typeof removeFact>[1]) => {
    setFactError(null);
    try {
      await removeFact(row, value);
    } catch (e) {
      if (e instanceof ApiError) setFactError(e.text(lang));
    }
    props.onFactsChanged();
  };

  return (
    <div>
      <div className="actions" style={{ marginBottom: '.5rem' }}>
        <label>
          <span className="visually-hidden">{t('Lọc theo tên')}</span>
          <input type="search" placeholder={t('Lọc theo tên, số thẻ…')} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <label>
          <span className="visually-hidden">{t('Lọc theo trạng thái')}</span>
          <select value={status} onChange={(e) => setStatus(e.target.value as Filter)}>
            <option value="all">{t('Tất cả ({{n}})', { n: props.rows.length })}</option>
            <option value="todo">{t('Chưa có mức xếp loại')}</option>
            <option value="proposed">{t('Đã đề xuất, chờ quyết định')}</option>
            <option value="decided">{t('Đã quyết định')}</option>
            <option value="not_graded">{t('Không phải xếp loại / chưa có phiếu')}</option>
          </select>
        </label>
      </div>
      {factError ? <div className="notice bad" role="alert">{factError}</div> : null}
      <div className="table-wrap cards-wrap">
        <table className="grid cards" data-grid>
          <thead>
            <tr>
              <th scope="col" className="col-pick"><input type="checkbox" aria-label={t('Chọn tất cả')} checked={allOn} onChange={(e) => props.onSelect(allKeys, e.target.checked)} /></th>
              <th scope="col">{t('Họ và tên; sự kiện, sự việc')}</th>
              <th scope="col" className="col-grade">{t('Tự xếp loại')}</th>
              <th scope="col" className="col-grade">{t('Xếp loại')}</th>
              <th scope="col" className="col-state">{t('Trạng thái')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row, i) => <GridRow key={rowKey(row)} row={row} i={i} props={props} onEdit={(r) => setEditing(rowKey(r))} onRemove={(r, v) => void remove(r, v)} />)}
          </tbody>
        </table>
      </div>
      {shown.length === 0 ? <p className="muted">{t('Không có dòng nào khớp bộ lọc.')}</p> : null}
      {editing ? <FactEditor row={editing} ruleSet={ctx.ruleSet} open onClose={() => setEditing(null)} onSaved={props.onFactsChanged} /> : null}
    </div>
  );
}
