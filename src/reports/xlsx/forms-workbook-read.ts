/**
 * Reads the product's own forms workbook (renderFormsWorkbook) back into a form-values document,
 * all or nothing: the first problem throws an AppError naming the sheet and the cell, and the
 * result goes through parseFormValues so that the same rules apply as to JSON (FORMS.md §3).
 */
import ExcelJS from 'exceljs';
import { RULE_SET_CODES, ruleSetForYear, type RuleSetCode } from '../../domain/codes.js';
import { AppError } from '../../domain/errors.js';
import { getFormDefinitions } from '../../domain/forms/definitions.js';
import { parseFormValues } from '../../domain/forms/parse.js';
import { deriveCells } from '../forms-layout-rows.js';
import { FORM_CODES, type FormCode, type FormValuesDoc } from '../../domain/forms/types.js';
import { mergeExtraCells } from './extra-cells.js';
import { cellText, failAt } from './read-cells.js';
import { readFormSheet, type SheetAnchor } from './read-form-sheet.js';
import { readMeta, type WorkbookMeta } from './read-meta.js';
import { MARKER_PREFIX, META_SHEET } from './workbook-identity.js';

async function load(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new AppError('FileUnreadable', {
      vi: `Không đọc được tệp Excel (.xlsx): ${(e as Error).message}.`,
      en: `The file is not a readable Excel workbook (.xlsx): ${(e as Error).message}.`,
    });
  }
  return wb;
}

/** Finds each form's sheet by its marker cell, wherever the sheet and the cell now are. */
function anchors(wb: ExcelJS.Workbook): Map<FormCode, SheetAnchor> {
  const found = new Map<FormCode, SheetAnchor>();
  wb.eachSheet((ws) => {
    if (ws.name === META_SHEET) return;
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        const text = cellText(cell);
        if (!text.startsWith(MARKER_PREFIX)) return;
        const form = text.slice(MARKER_PREFIX.length) as FormCode;
        if (!FORM_CODES.includes(form)) failAt({ form: null, sheet: ws.name, address: cell.address }, `dấu biểu «${text}» không biết`, `unknown form marker "${text}"`);
        const other = found.get(form);
        if (other) failAt({ form, sheet: ws.name, address: cell.address }, `biểu ${form} có hai trang tính («${other.ws.name}» và «${ws.name}»)`, `form ${form} appears on two sheets ("${other.ws.name}" and "${ws.name}")`);
        found.set(form, { ws, row: r, col: c });
      }),
    );
  });
  return found;
}

function resolveRuleSet(meta: WorkbookMeta, wanted: RuleSetCode | undefined): RuleSetCode {
  const own = meta.ruleSet === undefined ? undefined : (meta.ruleSet as RuleSetCode);
  if (own !== undefined && !RULE_SET_CODES.includes(own)) {
    failAt({ form: null, sheet: META_SHEET }, `bộ quy tắc «${String(own)}» không tồn tại (có: ${RULE_SET_CODES.join(', ')})`, `unknown rule set "${String(own)}" (known: ${RULE_SET_CODES.join(', ')})`);
  }
  if (own && wanted && own !== wanted) {
    throw new AppError('RuleSetMismatch', {
      vi: `Sổ tính lập theo bộ quy tắc ${own}, nhưng kỳ đánh giá dùng ${wanted}.`,
      en: `The workbook was made under rule set ${own}, but the cycle uses ${wanted}.`,
    });
  }
  const ruleSet = own ?? wanted ?? (typeof meta.year === 'number' ? ruleSetForYear(meta.year) : undefined);
  if (!ruleSet) failAt({ form: null, sheet: META_SHEET }, `không xác định được bộ quy tắc (năm ${String(meta.year)})`, `no rule set can be told (year ${String(meta.year)})`);
  return ruleSet;
}

/**
 * The derived rows the sheet did not print because their parts say them (FORMS.md §2 `tccsd.X`):
 * the sum of the parts as read, so a part corrected on the sheet carries into its total.
 */
function rederive(rows: Record<string, Record<string, number>>, form: FormCode, ruleSet: RuleSetCode, codes: readonly string[]): void {
  const defs = getFormDefinitions(ruleSet)[form].rows;
  for (const code of codes) {
    const parts = defs.find((r) => r.code === code)?.derivedFrom;
    if (!parts) failAt({ form, sheet: META_SHEET }, `«${code}» không phải dòng tổng suy ra của biểu ${form}`, `"${code}" is not a derived row of form ${form}`);
    const cells = deriveCells(parts.map((p) => rows[p]));
    if (cells) rows[code] = { ...cells };
  }
}

/**
 * Reads a workbook made by renderFormsWorkbook back into a form-values document.
 * @param options.ruleSet the rule set the values must follow (e.g. the target cycle's); a workbook
 *   made under another one is refused.
 * Rows a sheet leaves out (`omit.XX` in `_meta`: sections above the unit's level, zeros) and derived
 * rows it does not print (`derivedRows`: the sum of their parts) come back as the document stated them.
 * @throws AppError FileUnreadable (not an .xlsx), RuleSetMismatch, or FormValuesInvalid naming the
 *   sheet and cell (moved or renamed columns, unknown or moved rows, a negative, fractional or
 *   textual count, a formula whose cached result contradicts what it computes, a missing sheet).
 */
export async function readFormsWorkbook(data: Buffer, options: { ruleSet?: RuleSetCode } = {}): Promise<FormValuesDoc> {
  const wb = await load(data);
  const meta = readMeta(wb);
  const ruleSet = resolveRuleSet(meta, options.ruleSet);
  const sheets = anchors(wb);
  const forms: Record<string, unknown> = {};
  for (const form of FORM_CODES) {
    const at = sheets.get(form);
    if (!at) failAt({ form, sheet: `Biểu ${form}` }, `thiếu trang tính của biểu ${form}`, `the sheet of form ${form} is missing`);
    const left = meta.omitted.get(form) ?? {};
    const unknown = Object.keys(left).find((code) => !getFormDefinitions(ruleSet)[form].rows.some((r) => r.code === code));
    if (unknown) failAt({ form, sheet: META_SHEET }, `dòng lược bỏ «${unknown}» không có trong biểu ${form}`, `left-out row "${unknown}" is not in form ${form}`);
    const rows: Record<string, Record<string, number>> = readFormSheet(at, { form, ruleSet, omitted: Object.keys(left) });
    const stated = meta.forms.get(form);
    if (!stated && Object.keys(rows).length === 0) continue;
    for (const [code, cells] of Object.entries(left)) if (cells && !rows[code]) rows[code] = { ...cells };
    for (const code of stated?.emptyRows ?? []) rows[code] ??= {};
    rederive(rows, form, ruleSet, stated?.derivedRows ?? []);
    mergeExtraCells(rows, stated?.extraCells ?? {});
    forms[form] = { ...(stated?.meta !== undefined ? { meta: stated.meta } : {}), rows };
  }
  const raw: Record<string, unknown> = {
    format: meta.docFormat,
    cycle: { year: meta.year, ...(meta.ruleSet !== undefined ? { ruleSet: meta.ruleSet } : options.ruleSet ? { ruleSet: options.ruleSet } : {}) },
    forms,
    claims: meta.claims,
  };
  if (Object.keys(meta.unit).length) raw.unit = meta.unit;
  if (Object.keys(meta.report).length) raw.report = meta.report;
  return parseFormValues(raw);
}
