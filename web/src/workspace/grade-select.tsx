/**
 * A grade control of the grid: a native select (the phone's own picker, a screen reader's own
 * listbox) whose accessible name is its label — «Xếp loại: <name>» for the grade a user gives —
 * and which takes the grid's keys: letters or 1–4 pick a grade (saved after a short pause, or at
 * once with Enter, Tab or an arrow), arrows move to the next cell, Enter also moves down.
 */
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GRADES, type Grade, gradeOption } from '../labels.js';
import { arrowMove, gradeFromKeys, isGradeKey } from './grade-keys.js';

/**
 * Focuses the nearest enabled grid control from (row, col) moving by (dr, dc) inside `grid`; the
 * controls carry data-row and data-col. Returns true when one took the focus.
 */
export function focusCell(grid: HTMLElement, row: number, col: number, dr: number, dc: number): boolean {
  const cells = [...grid.querySelectorAll<HTMLElement>('[data-row][data-col]')].filter((el) => !(el as HTMLSelectElement).disabled);
  const at = (r: number, c: number) => cells.find((el) => Number(el.dataset.row) === r && Number(el.dataset.col) === c);
  const rows = Math.max(-1, ...cells.map((el) => Number(el.dataset.row)));
  const cols = Math.max(-1, ...cells.map((el) => Number(el.dataset.col)));
  for (let r = row + dr, c = col + dc, guard = 0; r >= 0 && r <= rows && c >= 0 && c <= cols && guard < 500; r += dr, c += dc, guard++) {
    const el = at(r, c);
    if (el) {
      el.focus();
      return true;
    }
    if (dr === 0 && dc === 0) break;
  }
  return false;
}

/** How long typed letters wait for more before the grade is saved. */
const PAUSE_MS = 700;

export interface GradeSelectProps {
  label: string;
  value: Grade | null;
  /** Text of the empty choice ("— Chưa xếp loại —"). */
  empty: string;
  disabled?: boolean;
  row: number;
  col: number;
  onCommit(grade: Grade): void;
  onFocusRow?(): void;
}

export function GradeSelect(props: GradeSelectProps) {
  const { i18n } = useTranslation();
  // `pending`: typed, not yet sent (kept in a ref too, so a blur right after Enter does not send it twice);
  // `sent`: sent and shown until the saved value comes back (or the current one after a conflict).
  const [pending, setPendingState] = useState<Grade | null>(null);
  const pendingRef = useRef<Grade | null>(null);
  const [sent, setSent] = useState<Grade | null>(null);
  const typed = useRef('');
  const timer = useRef<number | undefined>(undefined);
  const ref = useRef<HTMLSelectElement>(null);
  const setPending = (g: Grade | null) => {
    pendingRef.current = g;
    setPendingState(g);
  };
  useEffect(() => () => window.clearTimeout(timer.current), []);
  useEffect(() => setSent(null), [props.value]);

  const commit = (grade: Grade | null) => {
    window.clearTimeout(timer.current);
    typed.current = '';
    setPending(null);
    if (grade && grade !== props.value) {
      setSent(grade);
      props.onCommit(grade);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLSelectElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const move = arrowMove(e.key);
    const grid = ref.current?.closest<HTMLElement>('[data-grid]');
    if (move || e.key === 'Enter') {
      e.preventDefault();
      commit(pendingRef.current);
      if (grid) focusCell(grid, props.row, props.col, ...(move ?? [1, 0]));
      return;
    }
    if (e.key === 'Tab') {
      commit(pendingRef.current);
      return;
    }
    if (isGradeKey(e.key)) {
      e.preventDefault();
      typed.current += e.key;
      const grade = gradeFromKeys(typed.current);
      if (!grade) typed.current = e.key;
      setPending(gradeFromKeys(typed.current));
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => commit(gradeFromKeys(typed.current)), PAUSE_MS);
    }
  };

  const shown = pending ?? sent ?? props.value;
  return (
    <select
      ref={ref}
      aria-label={props.label}
      data-row={props.row}
      data-col={props.col}
      disabled={props.disabled}
      value={shown ?? ''}
      onKeyDown={onKeyDown}
      onFocus={props.onFocusRow}
      onBlur={() => pendingRef.current && commit(pendingRef.current)}
      onChange={(e) => commit((e.target.value || null) as Grade | null)}
    >
      <option value="">{props.empty}</option>
      {GRADES.map((g) => (
        <option key={g} value={g}>{gradeOption(g, i18n.language)}</option>
      ))}
    </select>
  );
}
