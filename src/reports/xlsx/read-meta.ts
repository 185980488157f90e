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
  report: Record<string, unknown>;
  /** Form code → `{ meta?, emptyRows, extraCells? }` as written. */
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

/** A form's entry in `_meta`: its annex meta, its rows stated empty, and the cells the sheet has no place for. */
export interface FormEntry {
  meta?: unknown;
  emptyRows: string[];
  extraCells?: Record<string, unknown>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function formEntry(value: unknown, place: CellPlace): FormEntry {
  const o = value as { meta?: unknown; emptyRows?: unknown; extraCells?: unknown };
  if (typeof o !== 'object' || o === null || !Array.isArray(o.emptyRows ?? []) || !((o.emptyRows ?? []) as unknown[]).every((r) => typeof r === 'string')) {
    failAt(place, 'phải là {"meta": …, "emptyRows": [mã dòng…]}', 'must be {"meta": …, "emptyRows": [row codes…]}');
  }
  if (o.extraCells !== undefined && !(isRecord(o.extraCells) && Object.values(o.extraCells).every(isRecord))) {
    failAt(place, '"extraCells" phải là {mã dòng: {mã cột: số}}', '"extraCells" must be {row code: {column code: count}}');
  }
  return { ...(o.meta !== undefined ? { meta: o.meta } : {}), emptyRows: (o.emptyRows ?? []) as string[], ...(o.extraCells !== undefined ? { extraCells: o.extraCells as Record<string, unknown> } : {}) };
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
  const meta: WorkbookMeta = { docFormat: undefined, year: undefined, ruleSet: undefined, unit: {}, report: {}, forms: new Map(), claims: [] };
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
    else if (typeof key === 'string' && key.startsWith(META_KEYS.formPrefix)) meta.forms.set(key.slice(META_KEYS.formPrefix.length), formEntry(json(cell, place), place));
    else failAt({ ...place, address: `A${r}` }, `khóa «${String(key)}» không được biết`, `unknown key "${String(key)}"`);
  });
  if (format !== WORKBOOK_FORMAT) {
    failAt({ form: null, sheet: META_SHEET }, `định dạng sổ tính phải là «${WORKBOOK_FORMAT}», không phải «${String(format)}»`, `the workbook format must be "${WORKBOOK_FORMAT}", not "${String(format)}"`);
  }
  return meta;
}
