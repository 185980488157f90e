/**
 * The cells a document states that the official layout has no place for: the rows and the column
 * reports print beyond the forms (FORMS.md "Reports as they are printed": `…graded.htt_up`, CN
 * `htt_up`). The workbook keeps them in its hidden `_meta` sheet, so that reading it back loses none.
 */
import type { FormDefinition } from '../../domain/forms/definitions.js';
import type { Cells } from '../../domain/forms/types.js';

/** Row code → the row's cells that the sheet does not print (every cell of an extra row, extra-column cells of a form row). */
export type ExtraCells = Record<string, Record<string, number>>;

/** The cells of `rows` that only `_meta` can carry (empty when there are none). */
export function extraCellsOf(def: FormDefinition, rows: Readonly<Record<string, Cells>>): ExtraCells {
  const printedRows = new Set(def.rows.map((r) => r.code));
  const printedCols = new Set(def.columns.map((c) => c.code));
  const out: ExtraCells = {};
  for (const [row, cells] of Object.entries(rows)) {
    const extra = Object.entries(cells).filter(([col]) => !printedRows.has(row) || !printedCols.has(col));
    if (extra.length > 0) out[row] = Object.fromEntries(extra);
  }
  return out;
}

/** Puts the extra cells back beside the cells read from the sheet. */
export function mergeExtraCells(rows: Record<string, Record<string, number>>, extra: Readonly<Record<string, unknown>>): void {
  for (const [row, cells] of Object.entries(extra)) rows[row] = { ...rows[row], ...(cells as Record<string, number>) };
}
