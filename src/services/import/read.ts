/**
 * Reads the files of an import into tables of raw cells: a workbook (.xlsx, its values only), CSV
 * files named as the sheets' files (units.csv, persons.csv, …), or a zip of them. Sheets and files are recognised by name (the
 * template's Vietnamese name, the CSV name, or the key, whatever the case and accents); the
 * template's own sheets are skipped, anything else is a warning.
 */
import PizZip from 'pizzip';
import { AppError } from '../../domain/errors.js';
import { makeSearchKey } from '../../domain/model/people.js';
import { parseCsv } from './csv.js';
import { readXlsxSheets } from './read-xlsx.js';
import { assertZipWithin, IMPORT_ZIP_LIMITS } from '../zip-guard.js';
import { SHEETS, type SheetKey } from './sheets.js';
import type { ImportFile, ImportIssue, RawTable } from './types.js';

/** The template's sheets that hold no data (src/services/import/template.ts). */
export const TEMPLATE_EXTRA_SHEETS = ['Hướng dẫn', 'Danh mục'];

/** The sheet key a sheet or file name stands for, or undefined. */
export function sheetKeyOf(name: string): SheetKey | undefined {
  const base = name.replace(/^.*[\\/]/, '');
  const k = makeSearchKey(base.replace(/\.csv$/i, ''));
  return SHEETS.find((s) => [s.sheet, s.file.replace(/\.csv$/, ''), s.key].some((n) => makeSearchKey(n) === k))?.key;
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

/** Reads every recognised sheet of a workbook (src/services/import/read-xlsx.ts). */
export function readWorkbook(bytes: Uint8Array, source: string, onRows?: (rows: number) => void): { tables: RawTable[]; warnings: ImportIssue[] } {
  let sheets: ReturnType<typeof readXlsxSheets>;
  try {
    sheets = readXlsxSheets(bytes, onRows);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new AppError('FileUnreadable', { vi: `Không đọc được bảng tính «${source}»: ${why}.`, en: `Cannot read the workbook "${source}": ${why}.` }, { field: 'file' });
  }
  const tables: RawTable[] = [];
  const warnings: ImportIssue[] = [];
  for (const sheet of sheets) {
    const key = sheetKeyOf(sheet.name);
    if (key) tables.push({ key, source: sheet.name, format: 'xlsx', rows: sheet.rows });
    else if (!TEMPLATE_EXTRA_SHEETS.includes(sheet.name)) warnings.push(unknownSheet(sheet.name, 'sheet'));
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
/**
 * Checks every archive among an import's files (a workbook, a zip of CSV files) for its size, entry
 * count and expanded size before anything parses it (src/services/zip-guard.ts): PayloadTooLarge
 * (413) or FileUnreadable (400) naming the file.
 */
export function assertImportArchivesWithin(files: readonly ImportFile[]): void {
  for (const f of files) if (isZip(f.bytes)) assertZipWithin(f.bytes, f.name, IMPORT_ZIP_LIMITS);
}

export async function readImportFiles(files: readonly ImportFile[], onRows?: (rows: number) => void): Promise<{ tables: RawTable[]; warnings: ImportIssue[] }> {
  assertImportArchivesWithin(files);
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
