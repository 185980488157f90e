/**
 * Paints a form's table on its sheet from the shared layout (src/reports/forms-layout.ts): the
 * merged column header, the numbered-columns row, the rows (totals as formulas, forms-formulas.ts)
 * and the empty "Ghi chú" column; each data row carries its row code in the hidden column A.
 */
import type ExcelJS from 'exceljs';
import type { FormDefinition } from '../../domain/forms/index.js';
import type { FormLayout, LayoutRow } from '../forms-layout.js';
import { cellKey, totalFormulas, type TotalFormulas } from './forms-formulas.js';
import { BORDERS, COUNT_FORMAT, font, raiseRow, rowHeightFor, widthOfMm } from './sheet-style.js';
import { HEADER_MARK, NUMBERS_MARK } from './workbook-identity.js';

/** Where the table starts: its first column (STT) and its first header row. */
export interface TablePlacement {
  firstColumn: number;
  headerRow: number;
}

/** Widths of the table's columns in millimetres, STT first, the "Ghi chú" column last. */
export function tableWidthsMm(layout: FormLayout): number[] {
  return [layout.sttWidthMm, layout.labelWidthMm, ...layout.columns.map((c) => c.widthMm), ...(layout.notesColumn ? [layout.notesColumn.widthMm] : [])];
}

/** Paints header, numbering row and rows; returns the table's last row. */
export function paintTable(ws: ExcelJS.Worksheet, layout: FormLayout, def: FormDefinition, at: TablePlacement): number {
  tableWidthsMm(layout).forEach((mm, i) => (ws.getColumn(at.firstColumn + i).width = widthOfMm(mm)));
  paintHeader(ws, layout, at);
  const firstDataRow = at.headerRow + layout.headerDepth + (layout.numbered ? 1 : 0);
  if (layout.numbered) paintNumbers(ws, layout, at, firstDataRow - 1);
  const rowOf = new Map(layout.rows.flatMap((r, i) => (r.code ? [[r.code, firstDataRow + i] as const] : [])));
  const colOf = new Map(layout.columns.map((c, i) => [c.code, at.firstColumn + 2 + i]));
  const formulas = totalFormulas(def, layout, { address: (row, col) => ws.getCell(rowOf.get(row) ?? 0, colOf.get(col) ?? 0).address });
  layout.rows.forEach((row, i) => paintRow(ws, { layout, at, formulas }, firstDataRow + i, row));
  return firstDataRow + layout.rows.length - 1;
}

const widthOf = (layout: FormLayout, col: number, span: number): number => tableWidthsMm(layout).slice(col, col + span).reduce((s, w) => s + w, 0);

function paintHeader(ws: ExcelJS.Worksheet, layout: FormLayout, at: TablePlacement): void {
  const pt = layout.headerFontSize;
  const heights = Array.from({ length: layout.headerDepth }, () => pt * 1.15 + 4);
  for (const h of layout.header) {
    const top = at.headerRow + h.row;
    const left = at.firstColumn + h.col;
    if (h.rowSpan > 1 || h.colSpan > 1) ws.mergeCells(top, left, top + h.rowSpan - 1, left + h.colSpan - 1);
    ws.getCell(top, left).value = h.text;
    for (let r = top; r < top + h.rowSpan; r++) {
      for (let c = left; c < left + h.colSpan; c++) {
        const part = ws.getCell(r, c);
        part.font = font(pt, { bold: true });
        part.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        part.border = BORDERS;
      }
    }
    // A label merged down several header rows may take their height together; the last row gives what lacks.
    const need = rowHeightFor(h.text, widthOf(layout, h.col, h.colSpan), pt, true);
    const have = heights.slice(h.row, h.row + h.rowSpan).reduce((s, x) => s + x, 0);
    const lastRow = h.row + h.rowSpan - 1;
    if (need > have) heights[lastRow] = (heights[lastRow] ?? 0) + need - have;
  }
  heights.forEach((height, i) => {
    const row = ws.getRow(at.headerRow + i);
    row.height = Math.ceil(height);
    row.getCell(1).value = HEADER_MARK;
  });
}

function paintNumbers(ws: ExcelJS.Worksheet, layout: FormLayout, at: TablePlacement, rowNumber: number): void {
  const row = ws.getRow(rowNumber);
  row.getCell(1).value = NUMBERS_MARK;
  const texts = ['1', '2', ...layout.columns.map((c) => c.numberLines.join('\n')), ...(layout.notesColumn?.number ? [layout.notesColumn.number] : layout.notesColumn ? [''] : [])];
  texts.forEach((text, i) => {
    const cell = row.getCell(at.firstColumn + i);
    cell.value = text;
    cell.font = font(layout.numbersFontSize, { italic: true });
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDERS;
  });
  const lines = Math.max(...layout.columns.map((c) => c.numberLines.length), 1);
  row.height = Math.ceil(lines * layout.numbersFontSize * 1.15 + 4);
}

interface RowContext {
  layout: FormLayout;
  at: TablePlacement;
  formulas: TotalFormulas;
}

function paintRow(ws: ExcelJS.Worksheet, ctx: RowContext, rowNumber: number, row: LayoutRow): void {
  const { layout, at } = ctx;
  const r = ws.getRow(rowNumber);
  if (row.code) r.getCell(1).value = row.code;
  const bold = row.bold || row.kind === 'heading';
  const style = font(layout.fontSize, { bold, italic: row.italic });
  const stt = r.getCell(at.firstColumn);
  stt.value = row.stt || null;
  stt.font = style;
  stt.alignment = { horizontal: 'center', vertical: 'middle' };
  stt.border = BORDERS;
  const label = r.getCell(at.firstColumn + 1);
  label.value = row.label;
  label.font = style;
  label.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true, indent: row.stt === '-' || row.italic ? 1 : 0 };
  label.border = BORDERS;
  layout.columns.forEach((c, i) => {
    const cell = r.getCell(at.firstColumn + 2 + i);
    const value = row.values?.[c.code];
    const formula = row.code ? ctx.formulas.get(cellKey(row.code, c.code)) : undefined;
    // An absent cell stays empty; a stated zero prints 0 (FORMS.md §3); a total adds its parts.
    cell.value = formula ?? value ?? null;
    cell.numFmt = COUNT_FORMAT;
    cell.font = font(layout.fontSize, { bold, italic: row.italic });
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.border = BORDERS;
  });
  if (layout.notesColumn) {
    const notes = r.getCell(at.firstColumn + 2 + layout.columns.length);
    notes.font = font(layout.fontSize);
    notes.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    notes.border = BORDERS;
  }
  raiseRow(r, rowHeightFor(row.label, layout.labelWidthMm, layout.fontSize, bold));
}
