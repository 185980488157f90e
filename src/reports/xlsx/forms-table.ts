/**
 * Paints a form's table on its sheet: the merged column header, the numbered-columns row and the
 * rows, each data row carrying its row code in the hidden column A.
 */
import type ExcelJS from 'exceljs';
import type { FormLayout, LayoutRow } from '../forms-layout.js';
import { BORDERS, COUNT_FORMAT, FONT, fitRowHeight, linesFor } from './sheet-style.js';
import { HEADER_MARK, NUMBERS_MARK } from './workbook-identity.js';

/** Where the table starts: its first column (STT) and its first header row. */
export interface TablePlacement {
  firstColumn: number;
  headerRow: number;
}

const STT_WIDTH = 5;
const HEADER_LINE = 14;

/** Paints header, numbering row and rows; returns the table's last row. */
export function paintTable(ws: ExcelJS.Worksheet, layout: FormLayout, at: TablePlacement): number {
  ws.getColumn(at.firstColumn).width = STT_WIDTH;
  ws.getColumn(at.firstColumn + 1).width = layout.labelWidth;
  layout.columns.forEach((c, i) => (ws.getColumn(at.firstColumn + 2 + i).width = c.width));
  paintHeader(ws, layout, at);
  const numbersRow = at.headerRow + layout.headerDepth;
  paintNumbers(ws, layout, at, numbersRow);
  layout.rows.forEach((row, i) => paintRow(ws, layout, at, numbersRow + 1 + i, row));
  return numbersRow + layout.rows.length;
}

const widthOf = (layout: FormLayout, col: number, span: number): number => {
  const widths = [STT_WIDTH, layout.labelWidth, ...layout.columns.map((c) => c.width)];
  return widths.slice(col, col + span).reduce((s, w) => s + w, 0);
};

function paintHeader(ws: ExcelJS.Worksheet, layout: FormLayout, at: TablePlacement): void {
  const heights = Array.from({ length: layout.headerDepth }, () => HEADER_LINE + 4);
  for (const h of layout.header) {
    const top = at.headerRow + h.row;
    const left = at.firstColumn + h.col;
    if (h.rowSpan > 1 || h.colSpan > 1) ws.mergeCells(top, left, top + h.rowSpan - 1, left + h.colSpan - 1);
    const cell = ws.getCell(top, left);
    cell.value = h.text;
    for (let r = top; r < top + h.rowSpan; r++) {
      for (let c = left; c < left + h.colSpan; c++) {
        const part = ws.getCell(r, c);
        part.font = { ...FONT, bold: true };
        part.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        part.border = BORDERS;
      }
    }
    // Bold text is wider: the estimate leans on the safe side so that no header is cut.
    const need = linesFor(h.text, widthOf(layout, h.col, h.colSpan), 1.12) * HEADER_LINE + 4;
    const have = heights.slice(h.row, h.row + h.rowSpan).reduce((s, x) => s + x, 0);
    const lastRow = h.row + h.rowSpan - 1;
    if (need > have) heights[lastRow] = (heights[lastRow] ?? 0) + need - have;
  }
  heights.forEach((height, i) => {
    const row = ws.getRow(at.headerRow + i);
    row.height = height;
    row.getCell(1).value = HEADER_MARK;
  });
}

function paintNumbers(ws: ExcelJS.Worksheet, layout: FormLayout, at: TablePlacement, rowNumber: number): void {
  const row = ws.getRow(rowNumber);
  row.getCell(1).value = NUMBERS_MARK;
  let lines = 1;
  ['1', '2', ...layout.columns.map((c) => c.number)].forEach((text, i) => {
    const cell = row.getCell(at.firstColumn + i);
    // "12a=12a1+12a2+12a3" breaks after "=" rather than shrinking out of sight.
    cell.value = text.replace('=', '=\n');
    cell.font = { ...FONT, size: 9, italic: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDERS;
    const [own = '', sum = ''] = text.split('=');
    lines = Math.max(lines, linesFor(own, widthOf(layout, i, 1), 0.75) + (sum ? linesFor(sum, widthOf(layout, i, 1), 0.75) : 0));
  });
  row.height = lines * 12 + 2;
}

function paintRow(ws: ExcelJS.Worksheet, layout: FormLayout, at: TablePlacement, rowNumber: number, row: LayoutRow): void {
  const r = ws.getRow(rowNumber);
  if (row.code) r.getCell(1).value = row.code;
  const font = { ...FONT, bold: row.bold || row.kind === 'heading', italic: row.italic };
  const stt = r.getCell(at.firstColumn);
  stt.value = row.stt || null;
  stt.font = font;
  stt.alignment = { horizontal: 'center', vertical: 'middle' };
  stt.border = BORDERS;
  const label = r.getCell(at.firstColumn + 1);
  label.value = row.label;
  label.font = font;
  label.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true, indent: row.stt === '-' || row.italic ? 1 : 0 };
  label.border = BORDERS;
  layout.columns.forEach((c, i) => {
    const cell = r.getCell(at.firstColumn + 2 + i);
    const value = row.values?.[c.code];
    // An absent cell stays empty; a stated zero prints 0 (FORMS.md §3).
    cell.value = value ?? null;
    cell.numFmt = COUNT_FORMAT;
    cell.font = { ...FONT, bold: font.bold };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.border = BORDERS;
  });
  fitRowHeight(r, row.label, layout.labelWidth, 15, 0.85);
}
