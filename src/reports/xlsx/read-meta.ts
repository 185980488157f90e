/**
 * Reads the hidden `_meta` sheet of a forms workbook: the workbook's format, and what the cells of
 * the forms cannot say (unit, cycle, report, each form's annex meta and stated-but-empty rows, the
 * narrative's claims). Values stay raw here: parseFormValues validates them with the rest.
 */
import type ExcelJS from 'exceljs';
import { failAt, type CellPlace } from './read-cells.js';
import { META_KEYS, META_SHEET, WORKBOOK_FORMAT } from './workbook-identity.js';

/** What `_meta` holds, still raw. */
export interface WorkbookMeta {
  docFormat: unknown;
  year: unknown;
  ruleSet: unknown;
  unit: Record<string, unknown>;
  /** Form code → the rows its sheet leaves out, with their stated cells (zeros) or null. */
  omitted: Map<string, Record<string, Record<string, number> | null>>;
  report: Record<string, unknown>;
  /** Form code → `{ meta?, emptyRows, derivedRows, extraCells? }` as written. */
  forms: Map<string, FormEntry>;
  claims: unknown[];
}

function json(cell: ExcelJS.Cell, place: CellPlace): unknown {
  try {
    return JSON.parse(String(cell.value));
  } catch {
    return failAt(place, 'giá trị không phải JSON hợp lệ', 'the value is not valid JSON');
  }
}

/** What `_meta` says of one form: its annex meta, its rows stated empty, its total rows left to be derived, and the cells the sheet has no place for. */
export interface FormEntry {
  meta?: unknown;
  emptyRows: string[];
  derivedRows: string[];
  extraCells?: Record<string, unknown>;
}

const isCodeList = (v: unknown) => Array.isArray(v ?? []) && ((v ?? []) as unknown[]).every((r) => typeof r === 'string');
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function formEntry(value: unknown, place: CellPlace): FormEntry {
  const o = value as { meta?: unknown; emptyRows?: unknown; derivedRows?: unknown; extraCells?: unknown };
  if (typeof o !== 'object' || o === null || !isCodeList(o.emptyRows) || !isCodeList(o.derivedRows)) {
    failAt(place, 'phải là {"meta": …, "emptyRows": [mã dòng…], "derivedRows": [mã dòng…]}', 'must be {"meta": …, "emptyRows": [row codes…], "derivedRows": [row codes…]}');
  }
  if (o.extraCells !== undefined && !(isRecord(o.extraCells) && Object.values(o.extraCells).every(isRecord))) {
    failAt(place, '"extraCells" phải là {mã dòng: {mã cột: số}}', '"extraCells" must be {row code: {column code: count}}');
  }
  return {
    ...(o.meta !== undefined ? { meta: o.meta } : {}),
    emptyRows: (o.emptyRows ?? []) as string[],
    derivedRows: (o.derivedRows ?? []) as string[],
    ...(o.extraCells !== undefined ? { extraCells: o.extraCells as Record<string, unknown> } : {}),
  };
}

/** `{ row code: cells of zeros | null }`: a row left out of a sheet holds nothing but zeros. */
function omittedEntry(value: unknown, place: CellPlace): Record<string, Record<string, number> | null> {
  const ok =
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((cells) => cells === null || (typeof cells === 'object' && !Array.isArray(cells) && Object.values(cells as object).every((v) => v === 0)));
  if (!ok) failAt(place, 'phải là {"mã dòng": {"mã cột": 0, …} hoặc null}: dòng được lược bỏ chỉ có số 0', 'must be {"row code": {"column code": 0, …} or null}: a row left out holds only zeros');
  return value as Record<string, Record<string, number> | null>;
}

/**
 * Reads `_meta`.
 * @throws FormValuesInvalid when the sheet is missing (not the product's workbook), when its format
 *   is another, or when a key is unknown or a JSON value malformed — naming the cell.
 */
export function readMeta(wb: ExcelJS.Workbook): WorkbookMeta {
  const ws = wb.getWorksheet(META_SHEET);
  if (!ws) {
    failAt(
      { form: null, sheet: META_SHEET },
      'sổ tính không có trang ẩn «_meta»: đây không phải sổ tính biểu do xeploai xuất (hãy dùng tệp do «xeploai forms export» tạo ra, hoặc tệp JSON)',
      'the workbook has no hidden "_meta" sheet: it is not a forms workbook exported by xeploai (use a file made by "xeploai forms export", or JSON)',
    );
  }
  const meta: WorkbookMeta = { docFormat: undefined, year: undefined, ruleSet: undefined, unit: {}, omitted: new Map(), report: {}, forms: new Map(), claims: [] };
  let format: unknown;
  ws.eachRow((row, r) => {
    const key = row.getCell(1).value;
    const cell = row.getCell(2);
    const place: CellPlace = { form: null, sheet: META_SHEET, address: cell.address };
    const value = cell.value ?? undefined;
    if (key === META_KEYS.format) format = value;
    else if (key === META_KEYS.docFormat) meta.docFormat = value;
    else if (key === META_KEYS.year) meta.year = value;
    else if (key === META_KEYS.ruleSet) meta.ruleSet = value;
    else if (key === META_KEYS.unitCode) meta.unit.code = value;
    else if (key === META_KEYS.unitName) meta.unit.name = value;
    else if (key === META_KEYS.reportNumber) meta.report.number = value;
    else if (key === META_KEYS.reportDate) meta.report.date = value;
    else if (key === META_KEYS.claim) meta.claims.push(json(cell, place));
    else if (typeof key === 'string' && key.startsWith(META_KEYS.omittedPrefix)) meta.omitted.set(key.slice(META_KEYS.omittedPrefix.length), omittedEntry(json(cell, place), place));
    else if (typeof key === 'string' && key.startsWith(META_KEYS.formPrefix)) meta.forms.set(key.slice(META_KEYS.formPrefix.length), formEntry(json(cell, place), place));
    else failAt({ ...place, address: `A${r}` }, `khóa «${String(key)}» không được biết`, `unknown key "${String(key)}"`);
  });
  if (format !== WORKBOOK_FORMAT) {
    failAt({ form: null, sheet: META_SHEET }, `định dạng sổ tính phải là «${WORKBOOK_FORMAT}», không phải «${String(format)}»`, `the workbook format must be "${WORKBOOK_FORMAT}", not "${String(format)}"`);
  }
  return meta;
}
