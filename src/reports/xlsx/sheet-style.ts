/**
 * The look shared by the forms' sheets: Times New Roman, thin borders, Vietnamese number display,
 * and the conversions from the layout's millimetres to Excel's column and row units.
 */
import type ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import { lineHeightPt, wrappedLines } from '../text-measure.js';

/** Party documents are typeset in Times New Roman (Liberation Serif stands in where it is absent). */
export const FONT_NAME = 'Times New Roman';

/** A Times New Roman font of `size` points. */
export const font = (size: number, style: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: FONT_NAME, size, ...style });

/** Integers with a dot between thousands (STACK.md: the `[$-42A]` prefix makes Excel write 2.543). */
export const COUNT_FORMAT = '[$-42A]#,##0';

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
export const BORDERS: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * Millimetres of one unit of Excel column width when the workbook's default font is Times New Roman
 * 11 pt (measured through LibreOffice: a width of 10 prints 55 pt; Excel prints it about 5% narrower).
 */
const MM_PER_WIDTH_UNIT = (5.5 * 25.4) / 72;

/** Excel column width for a column `mm` millimetres wide. */
export const widthOfMm = (mm: number): number => Math.round((mm / MM_PER_WIDTH_UNIT) * 100) / 100;

/** Row height in points that shows `text` wrapped in a cell `widthMm` wide at `pt` points. */
export function rowHeightFor(text: string, widthMm: number, pt: number, bold = false): number {
  return wrappedLines(text, Math.max(1, widthMm - 2), pt, bold) * lineHeightPt(pt) + 3;
}

/** Sets a row's height to at least `height` points. */
export function raiseRow(row: ExcelJS.Row, height: number): void {
  row.height = Math.max(row.height ?? 0, Math.ceil(height));
}

/**
 * Makes Times New Roman 11 pt the workbook's default (Normal) font. exceljs always writes Calibri,
 * which LibreOffice replaces by a wider font where Calibri is absent: column widths, counted in the
 * default font's digits, would then print about a quarter wider than in Excel and shrink the page.
 */
export function setDefaultFont(xlsx: Buffer): Buffer {
  const zip = new PizZip(xlsx);
  const styles = zip.file('xl/styles.xml')?.asText();
  if (styles === undefined) return xlsx;
  const first = /<font>(?:(?!<\/font>).)*<\/font>/.exec(styles);
  if (!first) return xlsx;
  const patched = styles.replace(first[0], `<font><sz val="11"/><name val="${FONT_NAME}"/><family val="1"/></font>`);
  zip.file('xl/styles.xml', patched);
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}
