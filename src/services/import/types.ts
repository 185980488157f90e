/**
 * The shapes an import passes around: the files it is given, the tables read from them, the issues
 * it finds (each naming its sheet, row, column, value and why, in Vietnamese and English) and the
 * report it returns.
 */
import type { SheetKey } from './sheets.js';

/** One file given to an import: a workbook, a CSV file, or a zip of CSV files. */
export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

/** A cell as read: text, a number (an Excel date is its serial number), a boolean, or empty. */
export type Cell = string | number | boolean | null;

/** One row of a sheet: its number as the user sees it (the header is row 1) and its cells from column A. */
export interface RawRow {
  row: number;
  cells: Cell[];
}

/** A sheet of the workbook, or a CSV file, recognised as one of the import's sheets. */
export interface RawTable {
  key: SheetKey;
  /** The sheet's name as written, or the CSV file's name. */
  source: string;
  /** Cell references (C5) for a workbook; a CSV names the line and the column only. */
  format: 'xlsx' | 'csv';
  rows: RawRow[];
}

/** Something wrong (or worth saying) about the input, placed as precisely as it can be. */
export interface ImportIssue {
  /** The sheet (workbook) or file (CSV) name. */
  sheet: string;
  /** The row as the user numbers it (the header row is 1); null for the sheet as a whole. */
  row: number | null;
  /** The column's header as written (or the field's name when the column is absent). */
  column: string | null;
  /** The API field the column stands for. */
  field: string | null;
  /** The cell reference (C5) in a workbook. */
  cell: string | null;
  /** The value as read. */
  value: string | null;
  /** An error code of the product (ValidationFailed, ParentNotValid, DuplicateCardNumber…) or of the import (UnknownColumn, MissingColumn, DuplicateRow, SheetNotStored, UnknownSheet). */
  code: string;
  message: { vi: string; en: string };
}

/** What one sheet brought: rows read, records created, updated (persons' details) and already there. */
export interface SheetSummary {
  key: SheetKey;
  sheet: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

/** The result of an import: refused (errors, nothing written), checked only (dry run), or written. */
export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  /** True when the data was written (ok, not a dry run, and something to write). */
  written: boolean;
  sheets: SheetSummary[];
  /** The first errors found (at most 1,000); `errorCount` counts them all. */
  errors: ImportIssue[];
  errorCount: number;
  warnings: ImportIssue[];
  /** Members (persons) read, and the time the import took. */
  persons: number;
  durationMs: number;
}

/** Progress of a running import, for a progress bar: a phase, how far it is, and a line to show. */
export interface ImportProgress {
  phase: 'read' | 'check' | 'write' | 'done';
  done: number;
  total: number;
  message: { vi: string; en: string };
}
