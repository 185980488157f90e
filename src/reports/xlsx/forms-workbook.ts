/**
 * The statistical forms as an Excel workbook in the official layout of the seed's annexes, from the
 * same layout as the report's annexes (src/reports/forms-layout.ts): one sheet per form, issuing body
 * and title, "(Kèm theo Báo cáo số …)", "Biểu số …", merged two- and three-level column headers,
 * numbered columns, numbered rows, the "Ghi chú" column and notes where the seed has them, totals as
 * formulas, Times New Roman at 9 pt or more, thin borders, A4 or A3 landscape as the table needs,
 * header rows repeated on every page and page numbers, Vietnamese number display (STACK.md:
 * `[$-42A]#,##0` shows 2.543). An absent cell stays empty and a zero prints 0 (FORMS.md §3). Codes
 * hidden in the sheet let `readFormsWorkbook` read it back exactly (see workbook-identity.ts).
 */
import ExcelJS from 'exceljs';
import type { Level } from '../../domain/codes.js';
import { getFormDefinitions, type FormDefinition } from '../../domain/forms/index.js';
import type { FormCode, FormValuesDoc } from '../../domain/forms/types.js';
import { layoutForms, type FormLayout } from '../forms-layout.js';
import { extraCellsOf } from './extra-cells.js';
import { paintTable, tableWidthsMm, type TablePlacement } from './forms-table.js';
import { font, raiseRow, rowHeightFor, setDefaultFont } from './sheet-style.js';
import { LABEL_MARK, META_KEYS, META_SHEET, NOTES_MARK, STT_MARK, WORKBOOK_FORMAT, formMarker } from './workbook-identity.js';

export { readFormsWorkbook } from './forms-workbook-read.js';

/** Options of renderFormsWorkbook: the document, how its issuing body is worded, the unit's level. */
export interface RenderFormsWorkbookOptions {
  doc: FormValuesDoc;
  /** Who issued the report, after "của" in "(Kèm theo Báo cáo số …)": the report's signer; default: the unit's committee. */
  issuer?: string;
  /** The committee printed top-left ("HUYỆN ỦY TAM ĐƯỜNG"); default: issuingBodyOf(the unit's name). */
  issuingBody?: string;
  /** The body above the unit, printed first in the top-left header ("ĐẢNG BỘ TỈNH …"). */
  parentBody?: string;
  /** The unit's level: TT and CN leave out the levels above it (no CẤP TỈNH for a district). Default: every level. */
  level?: Level | null;
}

/** First table column (B): column A is the hidden column of row codes. */
const FIRST = 2;
/** OOXML paper sizes (ECMA-376 §18.3.1.63): 9 = A4, 8 = A3 (exceljs's enum lacks A3). */
const PAPER_SIZE = { A4: 9, A3: 8 } as unknown as Record<'A4' | 'A3', ExcelJS.PaperSize>;
const INCH = 25.4;

/**
 * Renders the five forms of the document's rule set, one sheet each, plus the hidden `_meta` sheet.
 * @returns the .xlsx bytes.
 */
export async function renderFormsWorkbook(options: RenderFormsWorkbookOptions): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'xeploai';
  const layouts = layoutForms(options);
  const defs = getFormDefinitions(options.doc.cycle.ruleSet);
  for (const layout of layouts) renderSheet(wb, layout, defs[layout.form]);
  renderMeta(wb, options.doc, layouts);
  return setDefaultFont(Buffer.from(await wb.xlsx.writeBuffer()));
}

function renderSheet(wb: ExcelJS.Workbook, layout: FormLayout, def: FormDefinition): void {
  const m = layout.page.margins;
  const ws = wb.addWorksheet(layout.sheetName, {
    pageSetup: {
      paperSize: PAPER_SIZE[layout.page.paper],
      orientation: 'landscape',
      // Sized to fit at 100 %; fitting to the width only guards against another application's wider columns.
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: m.left / INCH, right: m.right / INCH, top: m.top / INCH, bottom: m.bottom / INCH, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C&"Times New Roman"&10Trang &P/&N' },
  });
  const last = FIRST + tableWidthsMm(layout).length - 1;
  writeCodes(ws, layout);
  let row = writeTitleBlock(ws, layout, last);
  const placement: TablePlacement = { firstColumn: FIRST, headerRow: row + 1 };
  row = paintTable(ws, layout, def, placement);
  row = writeFootnotes(ws, layout, row, last);
  ws.getColumn(1).hidden = true;
  ws.getColumn(1).width = 12;
  const frozen = placement.headerRow + layout.headerDepth + (layout.numbered ? 1 : 0) - 1;
  ws.views = [{ state: 'frozen', xSplit: FIRST + 1, ySplit: frozen, topLeftCell: `D${frozen + 1}` }];
  ws.pageSetup.printArea = `B2:${ws.getColumn(last).letter}${row}`;
  ws.pageSetup.printTitlesRow = `${placement.headerRow}:${frozen}`;
}

/** Row 1 (hidden): the form's marker, then the code of every column; it also marks the header rows. */
function writeCodes(ws: ExcelJS.Worksheet, layout: FormLayout): void {
  const codes = ws.getRow(1);
  codes.getCell(1).value = formMarker(layout.form);
  codes.getCell(FIRST).value = STT_MARK;
  codes.getCell(FIRST + 1).value = LABEL_MARK;
  layout.columns.forEach((c, i) => (codes.getCell(FIRST + 2 + i).value = c.code));
  if (layout.notesColumn) codes.getCell(FIRST + 2 + layout.columns.length).value = NOTES_MARK;
  codes.hidden = true;
}

/** Issuing body, title, "(Kèm theo …)", form code and subtitle, as the seed's annexes head them; returns the last row used. */
function writeTitleBlock(ws: ExcelJS.Worksheet, layout: FormLayout, last: number): number {
  const width = tableWidthsMm(layout).reduce((s, w) => s + w, 0);
  const put = (row: number, from: number, text: string, style: Partial<ExcelJS.Font>, align: ExcelJS.Alignment['horizontal'] = 'center') => {
    if (last > from) ws.mergeCells(row, from, row, last);
    const cell = ws.getCell(row, from);
    cell.value = text;
    cell.font = font(style.size ?? 13, style);
    cell.alignment = { horizontal: align, vertical: 'middle', wrapText: true };
    raiseRow(ws.getRow(row), rowHeightFor(text, width, style.size ?? 13, style.bold));
  };
  // The issuing bodies top left over the first columns (HD 36: the parent body, then the committee in bold).
  const issuerTo = Math.min(last, FIRST + 1);
  layout.issuerLines.forEach((line, i) => {
    ws.mergeCells(2 + i, FIRST, 2 + i, issuerTo);
    const cell = ws.getCell(2 + i, FIRST);
    cell.value = line;
    cell.font = font(12, { bold: i === layout.issuerLines.length - 1 });
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
  });
  let row = 2 + layout.issuerLines.length;
  ws.getRow(row).height = 8;
  const lines: [string, Partial<ExcelJS.Font>][] = [
    ...layout.titleLines.map((t): [string, Partial<ExcelJS.Font>] => [t, { bold: true, size: 14 }]),
    ...(layout.yearLine ? [[layout.yearLine, { size: 13 }] as [string, Partial<ExcelJS.Font>]] : []),
    [layout.attachedLine, { italic: true, size: 13 }],
  ];
  for (const [text, style] of lines) put(++row, FIRST, text, style);
  if (layout.codeLine) put(++row, FIRST, layout.codeLine, { bold: true, size: 12 }, 'right');
  if (layout.subtitle) put(++row, FIRST, layout.subtitle, { bold: true, size: 12 });
  return row;
}

/** "Ghi chú:" and the notes under the table (seed GDH: (1)–(3)); returns the last row used. */
function writeFootnotes(ws: ExcelJS.Worksheet, layout: FormLayout, after: number, last: number): number {
  if (layout.footnotes.length === 0) return after;
  const width = tableWidthsMm(layout).reduce((s, w) => s + w, 0);
  const lines: [string, Partial<ExcelJS.Font>][] = [['Ghi chú:', { bold: true, italic: true }], ...layout.footnotes.map((n): [string, Partial<ExcelJS.Font>] => [`- ${n}`, {}])];
  let row = after + 1;
  ws.getRow(row).height = 6;
  for (const [text, style] of lines) {
    row += 1;
    ws.mergeCells(row, FIRST, row, last);
    const cell = ws.getCell(row, FIRST);
    cell.value = text;
    cell.font = font(layout.fontSize, style);
    cell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    raiseRow(ws.getRow(row), rowHeightFor(text, width, layout.fontSize, style.bold));
  }
  return row;
}

/** The hidden `_meta` sheet: what the cells cannot say (unit, cycle, report, annex meta, rows left out, claims). */
function renderMeta(wb: ExcelJS.Workbook, doc: FormValuesDoc, layouts: readonly FormLayout[]): void {
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
    const derivedRows = layouts.find((l) => l.form === form)?.derivedRows ?? [];
    rows.push([`${META_KEYS.formPrefix}${form}`, JSON.stringify({ ...(values.meta ? { meta: values.meta } : {}), emptyRows, ...(derivedRows.length ? { derivedRows } : {}), ...extra })]);
  }
  for (const l of layouts.filter((x) => x.omittedRows.length > 0)) {
    const stated = doc.forms[l.form]?.rows ?? {};
    rows.push([`${META_KEYS.omittedPrefix}${l.form}`, JSON.stringify(Object.fromEntries(l.omittedRows.map((code) => [code, stated[code] ?? null])))]);
  }
  for (const claim of doc.claims) rows.push([META_KEYS.claim, JSON.stringify(claim)]);
  rows.forEach(([key, value], i) => {
    ws.getCell(i + 1, 1).value = key;
    ws.getCell(i + 1, 2).value = value;
  });
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 80;
}
