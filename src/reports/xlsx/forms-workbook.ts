/**
 * The statistical forms as an Excel workbook in the official layout of the seed's annexes: one sheet
 * per form, issuing body and title, "(Kèm theo Báo cáo số …)", merged two- and three-level column
 * headers, numbered columns, numbered rows, Times New Roman, thin borders, A4 landscape fitted to the
 * page width, Vietnamese number display (STACK.md: `[$-42A]#,##0` shows 2.543). An absent cell stays
 * empty and a zero prints 0 (FORMS.md §3). Codes hidden in the sheet let `readFormsWorkbook` read it
 * back exactly (see workbook-identity.ts).
 */
import ExcelJS from 'exceljs';
import { getFormDefinitions } from '../../domain/forms/definitions.js';
import type { FormCode, FormValuesDoc } from '../../domain/forms/types.js';
import { layoutForms, type FormLayout } from '../forms-layout.js';
import { extraCellsOf } from './extra-cells.js';
import { paintTable, type TablePlacement } from './forms-table.js';
import { FONT, fitRowHeight } from './sheet-style.js';
import { LABEL_MARK, META_KEYS, META_SHEET, STT_MARK, WORKBOOK_FORMAT, formMarker } from './workbook-identity.js';

export { readFormsWorkbook } from './forms-workbook-read.js';

/** Options of renderFormsWorkbook: the document, and how its issuing body is worded. */
export interface RenderFormsWorkbookOptions {
  doc: FormValuesDoc;
  /** Who issued the report, after "của" in "(Kèm theo Báo cáo số …)"; default: the unit's committee. */
  issuer?: string;
  /** The committee printed top-left ("HUYỆN ỦY TAM ĐƯỜNG"); default: issuingBodyOf(the unit's name). */
  issuingBody?: string;
  /** The body above the unit, printed first in the top-left header ("ĐẢNG BỘ TỈNH …"). */
  parentBody?: string;
  /** The place before the date in the top-right header ("Tam Đường, ngày …"). */
  place?: string;
}

/** First table column (B): column A is the hidden column of row codes. */
const FIRST = 2;

/**
 * Renders the five forms of the document's rule set, one sheet each, plus the hidden `_meta` sheet.
 * @returns the .xlsx bytes.
 */
export async function renderFormsWorkbook(options: RenderFormsWorkbookOptions): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'xeploai';
  for (const layout of layoutForms(options)) renderSheet(wb, layout);
  renderMeta(wb, options.doc);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function renderSheet(wb: ExcelJS.Workbook, layout: FormLayout): void {
  const ws = wb.addWorksheet(layout.sheetName, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C&"Times New Roman"&10Trang &P/&N' },
  });
  const last = FIRST + 1 + layout.columns.length;
  writeCodes(ws, layout);
  let row = writeTitleBlock(ws, layout, last);
  const placement: TablePlacement = { firstColumn: FIRST, headerRow: row + 1 };
  row = paintTable(ws, layout, placement);
  ws.getColumn(1).hidden = true;
  ws.getColumn(1).width = 12;
  ws.views = [{ state: 'frozen', xSplit: FIRST + 1, ySplit: placement.headerRow + layout.headerDepth, topLeftCell: `D${placement.headerRow + layout.headerDepth + 1}` }];
  ws.pageSetup.printArea = `B2:${ws.getColumn(last).letter}${row}`;
  ws.pageSetup.printTitlesRow = `${placement.headerRow}:${placement.headerRow + layout.headerDepth}`;
}

/** Row 1 (hidden): the form's marker, then the code of every column; it also marks the header rows. */
function writeCodes(ws: ExcelJS.Worksheet, layout: FormLayout): void {
  const codes = ws.getRow(1);
  codes.getCell(1).value = formMarker(layout.form);
  codes.getCell(FIRST).value = STT_MARK;
  codes.getCell(FIRST + 1).value = LABEL_MARK;
  layout.columns.forEach((c, i) => (codes.getCell(FIRST + 2 + i).value = c.code));
  codes.hidden = true;
}

/** Issuing body, Party name and date, title, "(Kèm theo …)", subtitle and form code; returns the last row used. */
function writeTitleBlock(ws: ExcelJS.Worksheet, layout: FormLayout, last: number): number {
  const right = Math.max(FIRST + 2, FIRST + 2 + Math.floor(layout.columns.length / 2));
  const put = (row: number, from: number, to: number, text: string, style: Partial<ExcelJS.Font>, align: ExcelJS.Alignment['horizontal'] = 'center') => {
    if (to > from) ws.mergeCells(row, from, row, to);
    const cell = ws.getCell(row, from);
    cell.value = text;
    cell.font = { ...FONT, size: 13, ...style };
    cell.alignment = { horizontal: align, vertical: 'middle', wrapText: false };
  };
  const left = [...layout.issuerLines, ...(layout.issuerLines.length ? ['*'] : [])];
  left.forEach((line, i) => put(2 + i, FIRST, FIRST + 1, line, { bold: line !== '*' }));
  put(2, right, last, 'ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, underline: true });
  if (layout.dateLine) put(3, right, last, layout.dateLine, { italic: true });
  let row = Math.max(2 + left.length, 4) + 1;
  const lines: [string, Partial<ExcelJS.Font>][] = [
    ...layout.titleLines.map((t): [string, Partial<ExcelJS.Font>] => [t, { bold: true, size: 14 }]),
    [layout.attachedLine, { italic: true }],
    ...(layout.subtitle ? [[layout.subtitle, { bold: true, size: 12 }] as [string, Partial<ExcelJS.Font>]] : []),
  ];
  for (const [text, style] of lines) {
    put(++row, FIRST, last, text, style);
    fitRowHeight(ws.getRow(row), text, totalWidth(layout), (style.size ?? 13) + 5);
  }
  if (layout.codeLine) put(++row, right, last, layout.codeLine, { bold: true, size: 12 }, 'right');
  return row;
}

/** Width of the whole table in Excel characters. */
export function totalWidth(layout: FormLayout): number {
  return layout.columns.reduce((s, c) => s + c.width, 0) + 5 + layout.labelWidth;
}

/** The hidden `_meta` sheet: what the cells cannot say (unit, cycle, report, annex meta, claims). */
function renderMeta(wb: ExcelJS.Workbook, doc: FormValuesDoc): void {
  const ws = wb.addWorksheet(META_SHEET, { state: 'hidden' });
  const rows: [string, string | number][] = [
    [META_KEYS.format, WORKBOOK_FORMAT],
    [META_KEYS.docFormat, doc.format],
    [META_KEYS.year, doc.cycle.year],
    [META_KEYS.ruleSet, doc.cycle.ruleSet],
  ];
  if (doc.unit?.code) rows.push([META_KEYS.unitCode, doc.unit.code]);
  if (doc.unit?.name) rows.push([META_KEYS.unitName, doc.unit.name]);
  if (doc.report?.number) rows.push([META_KEYS.reportNumber, doc.report.number]);
  if (doc.report?.date) rows.push([META_KEYS.reportDate, doc.report.date]);
  const defs = getFormDefinitions(doc.cycle.ruleSet);
  for (const [form, values] of Object.entries(doc.forms)) {
    if (!values) continue;
    const emptyRows = Object.entries(values.rows).filter(([, cells]) => Object.keys(cells).length === 0).map(([code]) => code);
    // Cells of the rows and column reports print beyond the form ("HTT trở lên"): no place on the sheet.
    const extraCells = extraCellsOf(defs[form as FormCode], values.rows);
    const extra = Object.keys(extraCells).length > 0 ? { extraCells } : {};
    rows.push([`${META_KEYS.formPrefix}${form}`, JSON.stringify({ ...(values.meta ? { meta: values.meta } : {}), emptyRows, ...extra })]);
  }
  for (const claim of doc.claims) rows.push([META_KEYS.claim, JSON.stringify(claim)]);
  rows.forEach(([key, value], i) => {
    ws.getCell(i + 1, 1).value = key;
    ws.getCell(i + 1, 2).value = value;
  });
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 80;
}
