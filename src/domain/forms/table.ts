/**
 * Reading cells of a form under the statedness rules of FORMS.md §3: an absent cell is empty
 * (zero); a row that gives only `total` states no breakdown by type; a parent column whose
 * sub-columns are all absent states no breakdown of that parent.
 */
import type { FormDefinition } from './definitions.js';
import type { Cells, FormValues } from './types.js';

/** A form's definition with the values a document gives for it. */
export interface FormTable {
  def: FormDefinition;
  values: FormValues | undefined;
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
 * Columns a stated row says nothing about: the descendants of every column the row gives without
 * giving any of its children (FORMS.md §3). A row {total: 22} knows nothing by type; a row with
 * `dn` but no `dn.*` knows nothing about the kinds of enterprise.
 */
export function unknownColumns(def: FormDefinition, cells: Cells): Set<string> {
  const unknown = new Set<string>();
  for (const col of def.columns) {
    if (!(col.code in cells)) continue;
    const children = def.columns.filter((c) => c.parent === col.code);
    if (children.length > 0 && !children.some((c) => c.code in cells)) {
      for (const d of descendants(def, col.code)) unknown.add(d);
    }
  }
  return unknown;
}

/**
 * The value of (row, col): a stated cell (absent = 0), or for a derived row (FORMS.md §2
 * `tccsd.X`, `truc_thuoc.X`) the sum of its stated parts. Undefined when nothing is stated, or when
 * a part states no breakdown that reaches `col`.
 */
export function lookupCell(t: FormTable, row: string, col: string): number | undefined {
  const cells = statedRow(t, row);
  if (cells) return unknownColumns(t.def, cells).has(col) ? undefined : cellOf(cells, col);
  const def = t.def.rows.find((r) => r.code === row);
  if (!def?.derivedFrom) return undefined;
  const parts = def.derivedFrom.map((p) => statedRow(t, p)).filter((c): c is Cells => c !== undefined);
  if (parts.length === 0) return undefined;
  if (parts.some((c) => unknownColumns(t.def, c).has(col))) return undefined;
  return parts.reduce((sum, c) => sum + cellOf(c, col), 0);
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
