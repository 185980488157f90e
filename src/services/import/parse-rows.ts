/**
 * Turns a table of raw cells into the API's input, row by row, with the API's own zod schema: the
 * header row names the columns (the field's name, the template's Vietnamese label, or "label
 * (field)"), each cell is read by its column's type (a date as YYYY-MM-DD, DD/MM/YYYY or an Excel
 * date; a code or its Vietnamese label; có/không for yes/no), then the row is parsed. Every problem
 * becomes an issue naming the sheet, row, column, cell and value, with zod's reason in Vietnamese and
 * English.
 */
import type { z } from 'zod';
import { makeSearchKey } from '../../domain/model/people.js';
import { messageVi, type RawIssue } from '../../schemas/zod-vi.js';
import { ROW_SCHEMAS, type ColumnSpec, type SheetKey, sheetSpec } from './sheets.js';
import type { Cell, ImportIssue, RawTable } from './types.js';

/** A parsed row: its number, the parsed input, and where each field's cell is (for later issues). */
export interface ParsedRow<T> {
  row: number;
  data: T;
}

/** A table's columns as found: the column index of each field and the header as written. */
export interface ColumnMap {
  index: Map<string, number>;
  header: Map<string, string>;
}

/** Column letters of a workbook: 0 → A, 26 → AA. */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const display = (c: Cell | undefined): string | null => (c === null || c === undefined ? null : String(c));

/** The place of a cell as an issue states it. */
export function placeOf(table: RawTable, map: ColumnMap, row: number | null, field: string | null): Pick<ImportIssue, 'sheet' | 'row' | 'column' | 'field' | 'cell'> {
  const i = field === null ? undefined : map.index.get(field);
  return {
    sheet: table.source,
    row,
    column: field === null ? null : (map.header.get(field) ?? field),
    field,
    cell: table.format === 'xlsx' && i !== undefined && row !== null ? `${columnLetter(i)}${row}` : null,
  };
}

/** The field a header names: "cardNumber", "Số thẻ đảng viên" or "Số thẻ đảng viên (cardNumber)". */
function fieldOfHeader(header: string, columns: readonly ColumnSpec[]): ColumnSpec | undefined {
  const inner = /\(([A-Za-z][A-Za-z0-9]*)\)\s*$/.exec(header)?.[1];
  const lower = (inner ?? header).trim().toLowerCase();
  const key = makeSearchKey(header.replace(/\([^)]*\)\s*$/, ''));
  return columns.find((c) => c.field.toLowerCase() === lower) ?? columns.find((c) => makeSearchKey(c.label) === key);
}

const issue = (place: Pick<ImportIssue, 'sheet' | 'row' | 'column' | 'field' | 'cell'>, code: string, value: string | null, vi: string, en: string): ImportIssue => ({ ...place, value, code, message: { vi, en } });

/** Maps the header row to fields; unknown, repeated and missing required columns are issues. */
export function mapColumns(table: RawTable): { map: ColumnMap; issues: ImportIssue[]; headerRow: number } {
  const spec = sheetSpec(table.key);
  const headerRow = table.rows.find((r) => r.cells.some((c) => display(c)?.trim()));
  const map: ColumnMap = { index: new Map(), header: new Map() };
  const issues: ImportIssue[] = [];
  const sheetPlace = { sheet: table.source, row: headerRow?.row ?? 1, column: null, field: null, cell: null };
  (headerRow?.cells ?? []).forEach((c, i) => {
    const header = display(c)?.trim() ?? '';
    if (header === '') return;
    const col = fieldOfHeader(header, spec.columns);
    const place = { ...sheetPlace, column: header, cell: table.format === 'xlsx' ? `${columnLetter(i)}${sheetPlace.row}` : null };
    if (!col) {
      issues.push(issue(place, 'UnknownColumn', header, `Cột «${header}» không có trong trang này; các cột nhận được: ${spec.columns.map((x) => `${x.field} (${x.label})`).join(', ')}.`, `Column "${header}" is not one of this sheet's: ${spec.columns.map((x) => x.field).join(', ')}.`));
    } else if (map.index.has(col.field)) {
      issues.push(issue({ ...place, field: col.field }, 'DuplicateColumn', header, `Cột «${header}» lặp lại cột «${map.header.get(col.field)}» (cùng trường ${col.field}).`, `Column "${header}" repeats "${map.header.get(col.field)}" (field ${col.field}).`));
    } else {
      map.index.set(col.field, i);
      map.header.set(col.field, header);
    }
  });
  const dataRows = table.rows.filter((r) => r.row > (headerRow?.row ?? 0)).some((r) => r.cells.some((c) => display(c)?.trim()));
  for (const col of spec.columns.filter((c) => c.required && !map.index.has(c.field))) {
    if (!dataRows) break;
    issues.push(issue({ ...sheetPlace, column: col.label, field: col.field }, 'MissingColumn', null, `Thiếu cột bắt buộc «${col.label}» (${col.field}).`, `The required column "${col.field}" (${col.label}) is missing.`));
  }
  return { map, issues, headerRow: headerRow?.row ?? 0 };
}

/** An Excel serial day (1900 date system, with its fictitious 29/02/1900) as YYYY-MM-DD. */
function excelDay(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000).toISOString().slice(0, 10);
}

/** C0 control characters but tab, line feed and carriage return. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

const YES = new Set(['true', '1', 'co', 'x', 'yes', 'dung']);
const NO = new Set(['false', '0', 'khong', 'no', 'sai']);

/** A cell as the column's field expects it; undefined for an empty cell, the raw text when it cannot be read (the schema then says why). */
export function readCell(c: Cell, col: ColumnSpec): unknown {
  if (c === null || (typeof c === 'string' && c.trim() === '')) return undefined;
  const text = typeof c === 'string' ? c.trim().normalize('NFC') : String(c);
  switch (col.type) {
    case 'date': {
      if (typeof c === 'number') return excelDay(c);
      const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
      return dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : text;
    }
    case 'boolean': {
      if (typeof c === 'boolean') return c;
      const k = makeSearchKey(text);
      return YES.has(k) ? true : NO.has(k) ? false : text;
    }
    case 'integer':
    case 'number':
      return typeof c === 'number' ? c : /^-?\d+([.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : text;
    case 'enum': {
      if (col.values?.includes(text)) return text;
      const k = makeSearchKey(text);
      const byCode = col.values?.find((v) => v.toLowerCase() === text.toLowerCase());
      const byLabel = col.valueLabels ? Object.entries(col.valueLabels).filter(([code, l]) => col.values?.includes(code) && makeSearchKey(l) === k) : [];
      return byCode ?? (byLabel.length === 1 ? byLabel[0]![0] : text);
    }
    default:
      return typeof c === 'number' && Number.isInteger(c) ? String(c) : text;
  }
}

const DATE_WHY = {
  vi: 'không phải ngày hợp lệ; ghi ngày theo dạng YYYY-MM-DD (ví dụ 2022-12-31), DD/MM/YYYY (31/12/2022) hoặc dùng ô kiểu ngày của Excel',
  en: 'not a valid date; write YYYY-MM-DD (e.g. 2022-12-31), DD/MM/YYYY (31/12/2022) or use an Excel date cell',
};

/** Why a cell was refused, in both languages: a date said plainly; a schema's own (English) message given a Vietnamese one. */
function reasonOf(zi: z.core.$ZodIssue, col: ColumnSpec | undefined, vi: string | undefined): { vi: string; en: string } {
  if (col?.type === 'date' && zi.code === 'invalid_format') return DATE_WHY;
  if (vi !== undefined && vi !== zi.message) return { vi, en: zi.message };
  return { vi: messageVi({ ...zi, input: undefined, message: undefined } as unknown as RawIssue) ?? zi.message, en: zi.message };
}

/** Parses every data row of a table with its sheet's schema; rows that fail give issues, not data. */
export function parseTable<K extends SheetKey>(table: RawTable & { key: K }, onRow?: () => void): { rows: ParsedRow<z.output<(typeof ROW_SCHEMAS)[K]>>[]; issues: ImportIssue[]; map: ColumnMap } {
  const spec = sheetSpec(table.key);
  const schema = ROW_SCHEMAS[table.key] as z.ZodType;
  const { map, issues, headerRow } = mapColumns(table);
  const rows: ParsedRow<z.output<(typeof ROW_SCHEMAS)[K]>>[] = [];
  if (issues.some((i) => i.code === 'MissingColumn' || i.code === 'DuplicateColumn')) return { rows, issues, map };
  for (const raw of table.rows) {
    if (raw.row <= headerRow || !raw.cells.some((c) => display(c)?.trim())) continue;
    onRow?.();
    const input: Record<string, unknown> = {};
    let control = false;
    for (const col of spec.columns) {
      const i = map.index.get(col.field);
      const cell = i === undefined ? null : (raw.cells[i] ?? null);
      if (typeof cell === 'string' && CONTROL.test(cell)) {
        // A NUL or another control character cannot be stored (PostgreSQL refuses NUL in text): said, not crashed on.
        control = true;
        issues.push(issue(placeOf(table, map, raw.row, col.field), 'ValidationFailed', cell.replace(new RegExp(CONTROL.source, 'g'), '�'), `Cột «${map.header.get(col.field) ?? col.field}» chứa ký tự điều khiển không hợp lệ.`, `Column "${col.field}" holds a control character.`));
      }
      const v = cell === null ? undefined : readCell(cell, col);
      if (v !== undefined) input[col.field] = v;
    }
    if (control) continue;
    const parsed = schema.safeParse(input);
    if (parsed.success) {
      rows.push({ row: raw.row, data: parsed.data as z.output<(typeof ROW_SCHEMAS)[K]> });
      continue;
    }
    const vi = schema.safeParse(input, { error: (i: RawIssue) => messageVi(i) });
    parsed.error.issues.forEach((zi, n) => {
      const field = String(zi.path[0] ?? '');
      const cellIndex = map.index.get(field);
      const value = cellIndex === undefined ? null : display(raw.cells[cellIndex]);
      const col = spec.columns.find((c) => c.field === field);
      const why = reasonOf(zi, col, vi.success ? undefined : vi.error.issues[n]?.message);
      const label = map.header.get(field) ?? col?.label ?? field;
      issues.push(issue(placeOf(table, map, raw.row, field || null), 'ValidationFailed', value, `Cột «${label}»${value === null ? '' : `, giá trị «${value}»`}: ${why.vi}.`, `Column "${field}"${value === null ? '' : `, value "${value}"`}: ${why.en}.`));
    });
  }
  return { rows, issues, map };
}
