/** Documents and workbook helpers for the forms-workbook tests. */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { SEED_PRINTED_PATH } from '../fixtures/spec.js';
import type { RuleSetCode } from '../../src/domain/codes.js';
import { AppError } from '../../src/domain/errors.js';
import { FORM_CODES, getFormDefinitions, parseFormValues, type FormValuesDoc } from '../../src/domain/forms/index.js';

/** The seed's 6A and 6B type columns (FORMS.md §1 codes), in the seed's order with its numbers (seed-report-tam-duong-2022.txt). */
export const SEED_TYPE_COLUMNS: readonly [string, string][] = [
  ['total', '3=4+…+14'], ['xa', '4'], ['phuong', '5'], ['thi_tran', '6'], ['co_quan_dang', '7'], ['co_quan_nha_nuoc', '8'],
  ['dvsn', '9=9a+9b'], ['dvsn.cong_lap', '9a'], ['dvsn.ngoai_cong_lap', '9b'], ['quan_doi', '10'], ['cong_an', '11'],
  ['dn', '12=12a+12b+12c'], ['dn.nn', '12a=12a1+12a2+12a3'], ['dn.nn.100', '12a1'], ['dn.nn.tu_50', '12a2'], ['dn.nn.duoi_50', '12a3'],
  ['dn.ngoai', '12b=12b1+…+12b5'], ['dn.ngoai.cp', '12b1'], ['dn.ngoai.tn', '12b2'], ['dn.ngoai.tnhh', '12b3'], ['dn.ngoai.hop_danh', '12b4'],
  ['dn.ngoai.fdi', '12b5'], ['dn.ngoai.fdi.trong_do_100', '12b6'], ['dn.htx', '12c'], ['ngoai_nuoc', '13'], ['khac', '14'],
];

/** The seed's annexes as printed (FORMS.md §3), parsed. */
export function seedDoc(): FormValuesDoc {
  return parseFormValues(JSON.parse(readFileSync(SEED_PRINTED_PATH, 'utf8')));
}

/**
 * A document stating every row (derived ones too) and every column of every form of a rule set,
 * each cell a different number, zeros included, one row stated empty: any misplaced cell shows.
 */
export function fullDoc(ruleSet: RuleSetCode, year: number): FormValuesDoc {
  const defs = getFormDefinitions(ruleSet);
  let n = 0;
  const forms = Object.fromEntries(
    FORM_CODES.map((form) => [
      form,
      {
        rows: Object.fromEntries(
          defs[form].rows.map((row, i) => [row.code, i === 1 ? {} : Object.fromEntries(defs[form].columns.map((c) => [c.code, n++ % 7 === 0 ? 0 : n * 3]))]),
        ),
      },
    ]),
  );
  return parseFormValues({ format: 'form-values/1', cycle: { year, ruleSet }, forms, claims: [] });
}

/** Loads a workbook, lets `change` edit it, and writes it again. */
export async function tamper(data: Buffer, change: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = await load(data);
  change(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function load(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

/** The sheet of a form, by its default name. */
export function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** Finds the first cell whose text equals `text` (or satisfies it, for a RegExp). */
export function findCell(ws: ExcelJS.Worksheet, text: string | RegExp): ExcelJS.Cell | undefined {
  let found: ExcelJS.Cell | undefined;
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const v = typeof cell.value === 'string' ? cell.value : '';
      if (!found && (typeof text === 'string' ? v === text : text.test(v))) found = cell;
    }),
  );
  return found;
}

/** Row number of a row code (hidden column A) and column number of a column code (hidden row 1). */
export function rowOf(ws: ExcelJS.Worksheet, code: string): number {
  let at = 0;
  ws.getColumn(1).eachCell((cell, r) => {
    if (cell.value === code) at = r;
  });
  if (!at) throw new Error(`no row ${code}`);
  return at;
}
export function colOf(ws: ExcelJS.Worksheet, code: string): number {
  let at = 0;
  ws.getRow(1).eachCell((cell, c) => {
    if (cell.value === code) at = c;
  });
  if (!at) throw new Error(`no column ${code}`);
  return at;
}
export const cellAt = (ws: ExcelJS.Worksheet, row: string, col: string): ExcelJS.Cell => ws.getCell(rowOf(ws, row), colOf(ws, col));

/** The AppError a promise rejects with. */
export async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

/** Plain JSON of a document, for deep equality without prototypes. */
export const plain = (doc: FormValuesDoc): unknown => JSON.parse(JSON.stringify(doc));
