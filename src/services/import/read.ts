/**
 * Reads the files of an import into tables of raw cells: a workbook (.xlsx, read as a stream: a
 * sheet of 100,000 rows is never held as a document), CSV files named as the sheets' files
 * (units.csv, persons.csv, …), or a zip of them. Sheets and files are recognised by name (the
 * template's Vietnamese name, the CSV name, or the key, whatever the case and accents); the
 * template's own sheets are skipped, anything else is a warning.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import { AppError } from '../../domain/errors.js';
import { makeSearchKey } from '../../domain/model/people.js';
import { parseCsv } from './csv.js';
import { SHEETS, type SheetKey } from './sheets.js';
import type { Cell, ImportFile, ImportIssue, RawRow, RawTable } from './types.js';

/** The template's sheets that hold no data (src/services/import/template.ts). */
export const TEMPLATE_EXTRA_SHEETS = ['Hướng dẫn', 'Danh mục'];

/** The sheet key a sheet or file name stands for, or undefined. */
export function sheetKeyOf(name: string): SheetKey | undefined {
  const base = name.replace(/^.*[\\/]/, '');
  const k = makeSearchKey(base.replace(/\.csv$/i, ''));
  return SHEETS.find((s) => [s.sheet, s.file.replace(/\.csv$/, ''), s.key].some((n) => makeSearchKey(n) === k))?.key;
}

/** A workbook cell's value as text, number or boolean: rich text joined, a formula's result, a link's text. */
function cellOf(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
  if (o.richText) return o.richText.map((r) => r.text).join('');
  if ('result' in o) return cellOf(o.result);
  if (o.text !== undefined) return cellOf(o.text);
  if (o.error !== undefined) return String(o.error);
  return String(v);
}

const unknownSheet = (sheet: string, what: 'sheet' | 'file'): ImportIssue => ({
  sheet,
  row: null,
  column: null,
  field: null,
  cell: null,
  value: null,
  code: 'UnknownSheet',
  message: {
    vi: `${what === 'sheet' ? 'Trang' : 'Tệp'} «${sheet}» không phải trang nhập liệu nào (${SHEETS.map((s) => (what === 'sheet' ? s.sheet : s.file)).join(', ')}): bỏ qua.`,
    en: `${what === 'sheet' ? 'Sheet' : 'File'} "${sheet}" is none of the import's (${SHEETS.map((s) => (what === 'sheet' ? s.sheet : s.file)).join(', ')}): skipped.`,
  },
});

const FIRST_ENTRIES = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];

/**
 * The workbook with its index entries (workbook, relations, shared strings) before its sheets: the
 * streaming reader needs them first, and not every writer puts them there (exceljs itself writes
 * the workbook last). Stored uncompressed: it is read once, right away.
 */
function indexFirst(bytes: Uint8Array): Readable {
  const zip = new PizZip(Buffer.from(bytes));
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const firstSheet = names.findIndex((n) => n.startsWith('xl/worksheets/'));
  const late = FIRST_ENTRIES.some((n) => names.indexOf(n) > firstSheet);
  if (!late) return Readable.from(Buffer.from(bytes));
  const ordered = new PizZip();
  for (const n of [...FIRST_ENTRIES.filter((x) => names.includes(x)), ...names.filter((x) => !FIRST_ENTRIES.includes(x))]) {
    ordered.file(n, zip.files[n]!.asUint8Array(), { binary: true });
  }
  return Readable.from(ordered.generate({ type: 'nodebuffer', compression: 'STORE' }));
}

/** Reads every recognised sheet of a workbook, row by row. */
export async function readWorkbook(bytes: Uint8Array, source: string, onRows?: (rows: number) => void): Promise<{ tables: RawTable[]; warnings: ImportIssue[] }> {
  const tables: RawTable[] = [];
  const warnings: ImportIssue[] = [];
  let count = 0;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(indexFirst(bytes), { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'ignore' });
    for await (const sheet of reader as AsyncIterable<AsyncIterable<{ number: number; values: unknown }> & { name: string }>) {
      const key = sheetKeyOf(sheet.name);
      const rows: RawRow[] = [];
      for await (const row of sheet) {
        if (!key) continue;
        const values = Array.isArray(row.values) ? (row.values as unknown[]).slice(1) : [];
        rows.push({ row: row.number, cells: values.map(cellOf) });
        if (++count % 10_000 === 0) onRows?.(count);
      }
      if (key) tables.push({ key, source: sheet.name, format: 'xlsx', rows });
      else if (!TEMPLATE_EXTRA_SHEETS.includes(sheet.name)) warnings.push(unknownSheet(sheet.name, 'sheet'));
    }
  } catch (e) {
    throw new AppError('FileUnreadable', {
      vi: `Không đọc được bảng tính «${source}»: ${e instanceof Error ? e.message : String(e)}.`,
      en: `Cannot read the workbook "${source}": ${e instanceof Error ? e.message : String(e)}.`,
    }, { field: 'file' });
  }
  return { tables, warnings };
}

/** True for a zip archive (an .xlsx is one); `xl/workbook.xml` inside says it is a workbook. */
const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isWorkbook = (f: ImportFile) => /\.xlsx$/i.test(f.name) || (isZip(f.bytes) && !/\.zip$/i.test(f.name) && Buffer.from(f.bytes).includes('xl/workbook.xml'));

/** The CSV files inside a zip archive. */
function unzipCsv(file: ImportFile): ImportFile[] {
  try {
    const zip = new PizZip(Buffer.from(file.bytes));
    return Object.values(zip.files)
      .filter((f) => !f.dir && /\.csv$/i.test(f.name))
      .map((f) => ({ name: f.name.replace(/^.*\//, ''), bytes: f.asUint8Array() }));
  } catch (e) {
    throw new AppError('FileUnreadable', { vi: `Không mở được tệp nén «${file.name}»: ${String(e)}.`, en: `Cannot open the zip "${file.name}": ${String(e)}.` }, { field: 'file' });
  }
}

/**
 * Reads an import's files: one workbook, or CSV files (loose or in a zip). FileUnreadable when a
 * file cannot be read at all; a file or sheet that is not one of the import's is a warning.
 */
export async function readImportFiles(files: readonly ImportFile[], onRows?: (rows: number) => void): Promise<{ tables: RawTable[]; warnings: ImportIssue[] }> {
  const books = files.filter(isWorkbook);
  if (books.length > 1 || (books.length === 1 && files.length > 1)) {
    throw new AppError('ValidationFailed', { vi: 'Chỉ nhập một bảng tính mỗi lần (không kèm tệp khác).', en: 'Import one workbook at a time (with no other file).' }, { field: 'file' });
  }
  if (books[0]) return readWorkbook(books[0].bytes, books[0].name, onRows);
  const csvFiles = files.flatMap((f) => (isZip(f.bytes) ? unzipCsv(f) : [f]));
  const tables: RawTable[] = [];
  const warnings: ImportIssue[] = [];
  for (const f of csvFiles) {
    const key = sheetKeyOf(f.name);
    if (!key || !/\.csv$/i.test(f.name)) {
      warnings.push(unknownSheet(f.name, 'file'));
      continue;
    }
    if (tables.some((t) => t.key === key)) throw new AppError('ValidationFailed', { vi: `Có hai tệp cho «${f.name}».`, en: `Two files for "${f.name}".` }, { field: 'file' });
    tables.push({ key, source: f.name, format: 'csv', rows: parseCsv(f.bytes, f.name) });
    onRows?.(tables.reduce((n, t) => n + t.rows.length, 0));
  }
  if (tables.length === 0 && files.length > 0 && warnings.length === files.length) {
    throw new AppError('ValidationFailed', {
      vi: `Không có tệp nào để nhập: cần một bảng tính .xlsx hoặc các tệp ${SHEETS.map((s) => s.file).join(', ')}.`,
      en: `Nothing to import: give an .xlsx workbook or the files ${SHEETS.map((s) => s.file).join(', ')}.`,
    }, { field: 'file' });
  }
  return { tables, warnings };
}
