/**
 * Writes sheets of plain rows as an .xlsx, streamed (a sheet of 100,000 rows is written row by row,
 * never held as a document): the export's workbook, and any caller's rows. The header row is bold
 * and frozen; text stays text (a card number "01.001" is not turned into a number).
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

export interface SheetToWrite {
  name: string;
  rows: readonly (readonly (string | number | boolean | null)[])[];
  /** Column widths in characters. */
  widths?: readonly number[];
}

/** The workbook's bytes. */
export async function writeSheets(sheets: readonly SheetToWrite[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    if (sheet.widths) ws.columns = sheet.widths.map((width) => ({ width }));
    sheet.rows.forEach((row, i) => {
      const r = ws.addRow([...row]);
      if (i === 0) r.font = { bold: true };
      r.commit();
    });
    ws.commit();
  }
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}
