/** The look shared by the forms' sheets: Times New Roman, thin borders, Vietnamese number display. */
import type ExcelJS from 'exceljs';

/** Party documents are typeset in Times New Roman (Liberation Serif stands in where it is absent). */
export const FONT: Partial<ExcelJS.Font> = { name: 'Times New Roman', size: 11 };

/** Integers with a dot between thousands (STACK.md: the `[$-42A]` prefix makes Excel write 2.543). */
export const COUNT_FORMAT = '[$-42A]#,##0';

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
export const BORDERS: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Lines a text needs in a wrapped cell `width` characters wide (Times is narrower than the width unit). */
export function linesFor(text: string, width: number, factor = 1): number {
  const perLine = Math.max(1, Math.floor((width - 1) / (0.92 * factor)));
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
}

/** Sets a row's height so that `text` wrapped in `width` characters is shown whole. */
export function fitRowHeight(row: ExcelJS.Row, text: string, width: number, lineHeight = 15, factor = 1): void {
  const height = linesFor(text, width, factor) * lineHeight + 3;
  row.height = Math.max(row.height ?? 0, height);
}
