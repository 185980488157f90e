/**
 * Reading single cells of a forms workbook strictly, with errors that name the sheet and the cell
 * ("Biểu DV, ô F12 (graded.htt / xa)") in Vietnamese and English. A count is a non-negative integer
 * (FORMS.md §3, §4 VALUE); an empty cell is absent, never zero.
 */
import type ExcelJS from 'exceljs';
import { AppError } from '../../domain/errors.js';
import { evaluateFormula } from './formula-eval.js';

/** Where a problem is: the form (or the `_meta` sheet), the sheet's name, the cell, and its codes. */
export interface CellPlace {
  form: string | null;
  sheet: string;
  address?: string;
  row?: string;
  col?: string;
}

function describe(p: CellPlace): { vi: string; en: string } {
  const own = p.form ? `Biểu ${p.form}` : `Trang «${p.sheet}»`;
  const renamed = p.form && p.sheet !== `Biểu ${p.form}` ? ` (trang tính «${p.sheet}»)` : '';
  const codes = p.row || p.col ? ` (${[p.row, p.col].filter(Boolean).join(' / ')})` : '';
  const cellVi = p.address ? `, ô ${p.address}${codes}` : codes;
  const cellEn = p.address ? `, cell ${p.address}${codes}` : codes;
  const ownEn = p.form ? `Form ${p.form}` : `Sheet "${p.sheet}"`;
  return { vi: `${own}${renamed}${cellVi}`, en: `${ownEn}${renamed}${cellEn}` };
}

/** Throws FormValuesInvalid naming the place. */
export function failAt(place: CellPlace, vi: string, en: string): never {
  const where = describe(place);
  throw new AppError(
    'FormValuesInvalid',
    { vi: `Sổ tính biểu không hợp lệ — ${where.vi}: ${vi}.`, en: `Invalid forms workbook — ${where.en}: ${en}.` },
    { field: place.address ? `${place.sheet}!${place.address}` : place.sheet },
  );
}

/** A cell's text, trimmed and in NFC, or '' when it holds no text. */
export function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (typeof v === 'number') return String(v);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('').normalize('NFC').replace(/\s+/g, ' ').trim();
  return '';
}

/**
 * A formula whose cached result is not what it computes from the sheet contradicts itself (it was
 * changed without recalculating, or its number was): refused, naming the cell, rather than taking
 * either number. A formula this reader cannot evaluate is taken by its result.
 */
function checkFormula(cell: ExcelJS.Cell, result: number, place: CellPlace): void {
  const formula = cell.formula;
  const computed = formula ? evaluateFormula(cell.worksheet, formula) : undefined;
  if (computed === undefined || Math.abs(computed - result) < 1e-9) return;
  const shown = (n: number) => String(n).replace('.', ',');
  failAt(
    place,
    `công thức «=${formula}» cho ${shown(computed)} nhưng ô ghi kết quả ${shown(result)}: công thức và số mâu thuẫn nhau (hãy mở tệp bằng Excel để tính lại, hoặc ghi số trực tiếp)`,
    `the formula "=${formula}" gives ${computed} but the cell's stored result is ${result}: the formula and the number contradict each other (open the file in Excel to recalculate, or type the number)`,
  );
}

/** The number a cell shows: a literal, or a formula's cached result (checked against the formula). */
function numericValue(cell: ExcelJS.Cell, place: CellPlace): number | undefined {
  const v = cell.value;
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    if (v.trim() === '') return undefined;
    failAt(place, `ô chứa chữ «${v.trim()}» thay vì một số`, `the cell holds the text "${v.trim()}" instead of a number`);
  }
  if (typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
    // exceljs leaves a zero result out of `value`; the cell's own `result` keeps it.
    const result = (v as ExcelJS.CellFormulaValue).result ?? cell.result;
    if (typeof result !== 'number') {
      failAt(place, 'công thức không có kết quả là số (hãy lưu lại tệp bằng Excel hoặc ghi số trực tiếp)', 'the formula has no numeric result (save the file again in Excel or type the number)');
    }
    checkFormula(cell, result, place);
    return result;
  }
  if (typeof v === 'object' && 'richText' in v) {
    failAt(place, `ô chứa chữ «${cellText(cell)}» thay vì một số`, `the cell holds the text "${cellText(cell)}" instead of a number`);
  }
  return failAt(place, `ô chứa giá trị không phải số (${JSON.stringify(v)})`, `the cell holds a value that is not a number (${JSON.stringify(v)})`);
}

/** A count cell: undefined when empty; otherwise a non-negative integer, else FormValuesInvalid. */
export function readCount(cell: ExcelJS.Cell, place: CellPlace): number | undefined {
  if (cell.isMerged && cell.master.address !== cell.address) {
    failAt(place, `ô đã bị gộp với ô ${cell.master.address}; hãy bỏ gộp ô`, `the cell is merged into ${cell.master.address}; unmerge it`);
  }
  const n = numericValue(cell, place);
  if (n === undefined) return undefined;
  if (!Number.isFinite(n) || !Number.isInteger(n)) {
    failAt(place, `số lẻ thập phân (${String(n).replace('.', ',')}); chỉ chấp nhận số nguyên không âm`, `fractional count (${n}); only non-negative integers are allowed`);
  }
  if (n < 0) failAt(place, `số âm (${n}); chỉ chấp nhận số nguyên không âm`, `negative count (${n}); only non-negative integers are allowed`);
  return n;
}
