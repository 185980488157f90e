/**
 * Reading cells of a form under the statedness rules of FORMS.md §3 and "Reports as they are
 * printed": an absent cell is empty (zero), or unknown on a form marked `meta.partial`; a row that
 * gives only `total` states no breakdown by type; a parent column whose sub-columns are all absent
 * states no breakdown of that parent; a grouping ("HTT trở lên" = HTXS + HTT) stands for its parts,
 * and where one part is stated the other is implied.
 */
import { findRow, type FormDefinition } from './definitions.js';
import type { Cells, FormValues } from './types.js';

/** A form's definition with the values a document gives for it. */
export interface FormTable {
  def: FormDefinition;
  values: FormValues | undefined;
}

/** Whether the document marks the form as stating only some cells (FORMS.md `meta.partial`). */
export function isPartial(t: FormTable): boolean {
  return t.values?.meta?.partial === true;
}

/** The row as stated, or undefined when the document does not give it. */
export function statedRow(t: FormTable, row: string): Cells | undefined {
  return t.values?.rows[row];
}

/** A cell of a stated row, absent = 0. */
export function cellOf(cells: Cells, col: string): number {
  return cells[col] ?? 0;
}

/** Descendants of a column (children, their children…). */
export function descendants(def: FormDefinition, col: string): string[] {
  const out: string[] = [];
  for (const c of def.columns) {
    if (c.parent === col) out.push(c.code, ...descendants(def, c.code));
  }
  return out;
}

/**
 * The parts of a column as a row states them: its children, with a grouping column the row gives
 * (CN `htt_up`) standing for its parts where the row does not give them all (FORMS.md).
 */
export function statedChildren(def: FormDefinition, cells: Cells, col: string): string[] {
  let children = def.columns.filter((c) => c.parent === col).map((c) => c.code);
  for (const g of def.extraColumns) {
    const parts = g.grouping ?? [];
    if (!(g.code in cells) || parts.length === 0 || !parts.every((p) => children.includes(p))) continue;
    if (parts.every((p) => p in cells)) continue;
    const at = children.indexOf(parts[0] as string);
    children = children.filter((c) => !parts.includes(c));
    children.splice(at, 0, g.code);
  }
  return children;
}

/**
 * Columns a stated row says nothing about: the descendants of every column the row gives without
 * giving any of its children (FORMS.md §3). A row {total: 22} knows nothing by type; a row with
 * `dn` but no `dn.*` knows nothing about the kinds of enterprise.
 */
export function unknownColumns(def: FormDefinition, cells: Cells): Set<string> {
  const unknown = new Set<string>();
  for (const col of def.columns) {
    if (!(col.code in cells)) continue;
    const children = statedChildren(def, cells, col.code);
    if (children.length > 0 && !children.some((c) => c in cells)) {
      for (const d of descendants(def, col.code)) unknown.add(d);
    }
  }
  return unknown;
}

/** A stated row as identities read it: its cells with the parts its grouping columns imply, and the columns it says nothing about. */
export interface ReadRow {
  cells: Cells;
  unknown: ReadonlySet<string>;
}

/**
 * A stated row with what its grouping columns imply: a part (CN htt_up 64 with htxs 9: htt 55), or
 * the grouping itself from its parts (htxs 9 and htt 55: htt_up 64); and the columns it says nothing
 * about: those of unknownColumns, and whatever of a grouping cannot be told (a part neither given
 * nor implied, the implied part negative, or a grouping whose parts the row does not state).
 */
export function withImpliedColumns(t: FormTable, cells: Cells): ReadRow {
  const unknown = unknownColumns(t.def, cells);
  let out: Record<string, number> | undefined;
  for (const g of t.def.extraColumns) {
    const parts = g.grouping ?? [];
    const missing = parts.filter((p) => !(p in cells));
    const given = parts.reduce((a, p) => a + cellOf(cells, p), 0);
    if (!(g.code in cells)) {
      // From its parts, an absent one empty (zero) where the row states its grades.
      const told = !parts.some((p) => unknown.has(p)) && (missing.length === 0 || !isPartial(t));
      if (told) (out ??= { ...cells })[g.code] = given;
      else unknown.add(g.code);
    } else if (missing.length === 1 && cellOf(cells, g.code) - given >= 0) {
      (out ??= { ...cells })[missing[0] as string] = cellOf(cells, g.code) - given;
    } else {
      for (const m of missing) unknown.add(m);
    }
  }
  return { cells: out ?? cells, unknown };
}

/** A cell's value, or why there is none: the row is not stated at all, or it is but says nothing of this cell. */
type Lookup = number | 'absent' | 'unknown';

/** The value of a stated row's cell: given, implied by a grouping column, or empty (unknown on a partial form). */
function cellValue(t: FormTable, cells: Cells, col: string): Lookup {
  if (col in cells) return cells[col] as number;
  const read = withImpliedColumns(t, cells);
  if (col in read.cells) return read.cells[col] as number;
  if (read.unknown.has(col)) return 'unknown';
  return isPartial(t) ? 'unknown' : 0;
}

/** Σ of the parts of a derived or grouping row; 'absent' when none is stated, 'unknown' when one is unknown. */
function sumOf(t: FormTable, parts: readonly string[], col: string, seen: Set<string>): Lookup {
  const values = parts.map((p) => resolve(t, p, col, seen));
  if (values.every((v) => v === 'absent')) return 'absent';
  if (values.includes('unknown') || (isPartial(t) && values.includes('absent'))) return 'unknown';
  return values.reduce<number>((a, v) => a + (typeof v === 'number' ? v : 0), 0);
}

/** A row part of a grouping row the document states (htt with htt_up): implied as the grouping less the other parts. */
function implied(t: FormTable, row: string, col: string, seen: Set<string>): Lookup {
  for (const g of t.def.extraRows) {
    const whole = statedRow(t, g.code);
    if (!whole || !g.grouping?.includes(row)) continue;
    const w = cellValue(t, whole, col);
    const others = g.grouping.filter((p) => p !== row).map((p) => resolve(t, p, col, seen));
    if (typeof w !== 'number' || !others.every((v): v is number => typeof v === 'number')) return 'unknown';
    const v = w - others.reduce((a, b) => a + b, 0);
    return v >= 0 ? v : 'unknown';
  }
  return 'absent';
}

function resolve(t: FormTable, row: string, col: string, seen: Set<string>): Lookup {
  const cells = statedRow(t, row);
  if (cells) return cellValue(t, cells, col);
  if (seen.has(row)) return 'absent';
  const inner = new Set(seen).add(row);
  const def = findRow(t.def, row);
  for (const parts of [def?.derivedFrom, def?.grouping]) {
    if (!parts) continue;
    const v = sumOf(t, parts, col, inner);
    if (v !== 'absent') return v;
  }
  return implied(t, row, col, inner);
}

/**
 * The value of (row, col): a stated cell (absent = 0, or unknown on a partial form); for a derived
 * row (FORMS.md §2 `tccsd.X`, `truc_thuoc.X`) or a grouping row (`…graded.htt_up`) not stated, the sum
 * of its stated parts; for a part of a stated grouping, the grouping less its other parts. Undefined
 * when nothing is stated, when a part states no breakdown that reaches `col`, or when the cell is unknown.
 */
export function lookupCell(t: FormTable, row: string, col: string): number | undefined {
  const v = resolve(t, row, col, new Set());
  return typeof v === 'number' ? v : undefined;
}

/** Sum of lookupCell over a list of rows; undefined when any is unknown. */
export function lookupRows(t: FormTable, rows: readonly string[], col: string): number | undefined {
  let sum = 0;
  for (const r of rows) {
    const v = lookupCell(t, r, col);
    if (v === undefined) return undefined;
    sum += v;
  }
  return sum;
}

/** Place of a cell in a document, as parse errors and messages name it. */
export function placeOf(form: string, row: string | null, col: string | null): string {
  return `forms.${form}${row === null ? '' : `.rows.${row}`}${col === null ? '' : `.${col}`}`;
}
