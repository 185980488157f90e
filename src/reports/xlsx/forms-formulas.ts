/**
 * The workbook's totals as formulas (issue 13): a total cell adds its parts on the sheet, so a
 * compiler who corrects a count in Excel sees the totals follow, and the formula's cached result is
 * the count itself, so a reader that does not recalculate still sees the document's numbers. A cell
 * gets a formula only where the document's value is exactly what the formula gives: a column total
 * (`total` = Σ the types, `dvsn` = công lập + ngoài công lập …) first, else a row identity of
 * FORMS.md §2 (graded = Σ grades, total = graded + not graded …). Where the document's numbers do
 * not add up (a printed report's error) or states no part, the value is written as it is.
 */
import type { FormDefinition } from '../../domain/forms/index.js';
import type { Cells } from '../../domain/forms/types.js';
import { columnSums } from '../forms-layout-columns.js';
import type { FormLayout } from '../forms-layout.js';

/** A formula (without "=") and the count it gives, keyed by "row|col" codes. */
export type TotalFormulas = Map<string, { formula: string; result: number }>;

/** Where each row and column code sits on the sheet. */
export interface SheetAddresses {
  address(row: string, col: string): string;
}

export const cellKey = (row: string, col: string): string => `${row}|${col}`;

/** The formula adding `parts` when the whole equals their sum and at least one part is stated. */
function sumOf(value: number, parts: readonly { cells: Cells | undefined; col: string; address: string }[]): string | null {
  const stated = parts.filter((p) => p.cells?.[p.col] !== undefined);
  if (stated.length === 0) return null;
  const total = parts.reduce((n, p) => n + (p.cells?.[p.col] ?? 0), 0);
  return total === value ? parts.map((p) => p.address).join('+') : null;
}

/** The total formulas of a form's sheet. */
export function totalFormulas(def: FormDefinition, layout: FormLayout, at: SheetAddresses): TotalFormulas {
  const sums = columnSums(def);
  const printed = new Map(layout.rows.filter((r) => r.code && r.values).map((r) => [r.code as string, r.values as Cells]));
  const identities = def.identities.filter((i) => i.kind === 'SUM_ROWS' && i.relation === 'eq' && printed.has(i.whole) && i.parts.every((p) => printed.has(p)));
  const out: TotalFormulas = new Map();
  for (const [row, cells] of printed) {
    for (const [col, value] of Object.entries(cells)) {
      const across = sums.get(col);
      let formula = across ? sumOf(value, across.map((c) => ({ cells, col: c, address: at.address(row, c) }))) : null;
      const identity = identities.find((i) => i.whole === row);
      if (formula === null && identity) formula = sumOf(value, identity.parts.map((p) => ({ cells: printed.get(p), col, address: at.address(p, col) })));
      if (formula !== null) out.set(cellKey(row, col), { formula, result: value });
    }
  }
  return out;
}
