/**
 * Reads one form's sheet of the product's workbook by its hidden codes, never by position alone,
 * and checks that the sheet is still the official layout: the hidden column codes are the form's,
 * in its order, under the visible header labels that belong to them; each row code is the form's,
 * once, beside its own label; every printed row is there; every number is a count.
 */
import type ExcelJS from 'exceljs';
import type { RuleSetCode } from '../../domain/codes.js';
import { getFormDefinitions } from '../../domain/forms/definitions.js';
import type { FormCode } from '../../domain/forms/types.js';
import { plainRowLabels } from '../forms-layout-rows.js';
import { expectedSheet, type FormLayout } from '../forms-layout.js';
import { cellText, failAt, readCount, type CellPlace } from './read-cells.js';
import { HEADER_MARK, LABEL_MARK, NOTES_MARK, NUMBERS_MARK, STT_MARK } from './workbook-identity.js';

/** Which sheet is read: its form, the rule set, and the rows the sheet leaves out (named in `_meta`). */
export interface SheetKey {
  form: FormCode;
  ruleSet: RuleSetCode;
  omitted: readonly string[];
}

/** Where the hidden codes cross: the marker cell's row (column codes) and column (row codes). */
export interface SheetAnchor {
  ws: ExcelJS.Worksheet;
  row: number;
  col: number;
}

interface ColumnCodes {
  labelCol: number;
  /** Sheet column → column code, left to right. */
  codes: [number, string][];
}

const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

function readColumnCodes(at: SheetAnchor, form: FormCode, expected: readonly string[]): ColumnCodes {
  const place = (address: string): CellPlace => ({ form, sheet: at.ws.name, address });
  const codes: [number, string][] = [];
  let labelCol = 0;
  at.ws.getRow(at.row).eachCell((cell, c) => {
    if (c === at.col) return;
    const text = cellText(cell);
    if (text === LABEL_MARK) labelCol = c;
    else if (text === STT_MARK || text === NOTES_MARK || text === '') return;
    else if (!expected.includes(text)) failAt(place(cell.address), `mã cột ẩn «${text}» không có trong biểu ${form}`, `hidden column code "${text}" is not in form ${form}`);
    else if (codes.some(([, k]) => k === text)) failAt(place(cell.address), `mã cột ẩn «${text}» xuất hiện hai lần`, `hidden column code "${text}" appears twice`);
    else codes.push([c, text]);
  });
  const missing = expected.find((code) => !codes.some(([, k]) => k === code));
  if (missing) failAt({ form, sheet: at.ws.name, col: missing }, `thiếu cột «${missing}» (hàng mã cột ẩn ${at.row})`, `column "${missing}" is missing (hidden code row ${at.row})`);
  codes.forEach(([c, code], i) => {
    if (code !== expected[i]) {
      const address = at.ws.getCell(at.row, c).address;
      failAt(place(address), `cột «${code}» đứng sai chỗ (ở đây phải là «${expected[i]}»): các cột đã bị di chuyển`, `column "${code}" is out of place (expected "${expected[i]}" here): columns were moved`);
    }
  });
  if (!labelCol) failAt({ form, sheet: at.ws.name }, `thiếu mã ẩn «${LABEL_MARK}» của cột tên dòng`, `the hidden mark "${LABEL_MARK}" of the row-label column is missing`);
  return { labelCol, codes };
}

/** Rows of the code column carrying `mark`. */
function markedRows(at: SheetAnchor, mark: string): number[] {
  const out: number[] = [];
  at.ws.getColumn(at.col).eachCell((cell, r) => {
    if (cellText(cell) === mark) out.push(r);
  });
  return out;
}

/**
 * Checks that each coded column sits under its own header labels (a moved or renamed column fails);
 * returns the last row of the header (the numbered-columns row where the form prints one).
 */
function checkHeader(at: SheetAnchor, layout: FormLayout, cols: ColumnCodes): number {
  const form = layout.form;
  const headerRows = markedRows(at, HEADER_MARK);
  const numbers = markedRows(at, NUMBERS_MARK);
  const first = headerRows[0] ?? 0;
  const contiguous = headerRows.every((r, i) => r === first + i);
  // A workbook of an earlier version numbered every form's columns: the row is optional where the form prints none.
  const numbersOk = numbers.length === 1 ? numbers[0] === first + layout.headerDepth : numbers.length === 0 && !layout.numbered;
  if (headerRows.length !== layout.headerDepth || !contiguous || !numbersOk) {
    failAt({ form, sheet: at.ws.name }, 'phần tiêu đề bảng (các hàng tiêu đề và hàng đánh số cột) đã bị thay đổi', 'the table header (header rows and the numbered-columns row) was changed');
  }
  cols.codes.forEach(([c, code], i) => {
    const expected = layout.columns[i]?.path.map(norm) ?? [];
    const seen = headerRows.map((r) => cellText(at.ws.getCell(r, c))).filter((t, k, all) => t !== '' && t !== all[k - 1]);
    if (seen.join(' / ') !== expected.join(' / ')) {
      // The cell the user sees: the top-left of a label merged down the header.
      const address = at.ws.getCell(headerRows[headerRows.length - 1] as number, c).master.address;
      failAt(
        { form, sheet: at.ws.name, address, col: code },
        `tiêu đề cột «${seen.join(' / ')}» không khớp mã cột «${code}» (phải là «${expected.join(' / ')}»): các cột đã bị di chuyển hoặc đổi tên`,
        `header "${seen.join(' / ')}" does not match column code "${code}" (expected "${expected.join(' / ')}"): columns were moved or renamed`,
      );
    }
  });
  return numbers[0] ?? first + layout.headerDepth - 1;
}

/**
 * Reads a form's sheet: row code → stated cells (empty rows left out), after checking the layout.
 * A row's label is the one printed (its note mark numbered over the rows the sheet prints), or the
 * form definition's own wording (as an earlier version printed it).
 */
export function readFormSheet(at: SheetAnchor, key: SheetKey): Record<string, Record<string, number>> {
  const { form, ruleSet, omitted } = key;
  const { layout, rowLabels } = expectedSheet(ruleSet, form, omitted);
  const plain = plainRowLabels(getFormDefinitions(ruleSet)[form]);
  const cols = readColumnCodes(at, form, layout.columns.map((c) => c.code));
  const numbersRow = checkHeader(at, layout, cols);
  const rows: Record<string, Record<string, number>> = {};
  const seen = new Set<string>();
  for (let r = numbersRow + 1; r <= at.ws.rowCount; r++) {
    const codeCell = at.ws.getCell(r, at.col);
    const code = cellText(codeCell);
    const place = (c: number, col?: string): CellPlace => ({ form, sheet: at.ws.name, address: at.ws.getCell(r, c).address, ...(code ? { row: code } : {}), ...(col ? { col } : {}) });
    if (code && !rowLabels.has(code)) failAt(place(at.col), `mã dòng ẩn «${code}» không có trong biểu ${form}`, `hidden row code "${code}" is not in form ${form}`);
    if (code && seen.has(code)) failAt(place(at.col), `mã dòng ẩn «${code}» xuất hiện hai lần`, `hidden row code "${code}" appears twice`);
    const label = cellText(at.ws.getCell(r, cols.labelCol));
    if (code && label !== norm(rowLabels.get(code) ?? '') && label !== norm(plain.get(code) ?? '')) {
      failAt(place(cols.labelCol), `dòng «${label}» không khớp mã dòng «${code}» (phải là «${rowLabels.get(code)}»): các dòng đã bị di chuyển hoặc đổi tên`, `row label "${label}" does not match row code "${code}" (expected "${rowLabels.get(code)}"): rows were moved or renamed`);
    }
    const cells: Record<string, number> = {};
    for (const [c, col] of cols.codes) {
      const cell = at.ws.getCell(r, c);
      // Under a row without a code (a heading, the notes under the table) a merged cell shows its master's text.
      if (!code && cell.isMerged && cell.master.address !== cell.address) continue;
      const value = readCount(cell, place(c, col));
      if (value === undefined) continue;
      if (!code) failAt(place(c), 'có số liệu ở một dòng không có mã dòng (dòng tiêu đề, chú thích hoặc ngoài bảng)', 'a number in a row without a row code (a heading, a note, or outside the table)');
      cells[col] = value;
    }
    if (code) seen.add(code);
    if (Object.keys(cells).length > 0) rows[code] = cells;
  }
  const missing = layout.rows.find((row) => row.code && !seen.has(row.code));
  if (missing?.code) failAt({ form, sheet: at.ws.name, row: missing.code }, `thiếu dòng «${missing.label}» (mã «${missing.code}»)`, `row "${missing.label}" (code "${missing.code}") is missing`);
  return rows;
}
