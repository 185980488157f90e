/**
 * The statistical forms of a unit and cycle, served live from the stored counts (FORMS.md §2–3):
 * read as a form-values document, checked, verified against a full recomputation, rebuilt, and fed
 * by imported counts for units that report counts only. Tracing a cell lives in forms-trace.ts.
 */
import type { Db } from '../db/create-db.js';
import { createCycle, findCycle, getCycle } from '../db/queries/cycles.js';
import { applyCountDelta, listEnteredValues, readUnitCounts, replaceEnteredValues, scanStoredCounts } from '../db/queries/form-counts.js';
import { sqliteHandleOf } from '../db/create-db.js';
import { rebuildFormCounts, recomputeCycleCounts } from '../db/queries/form-counts-sync.js';
import { listCycleKeys, loadAncestorsOn, loadTreeOn } from '../db/queries/rollup-facts.js';
import { getUnitAt } from '../db/queries/units.js';
import { nowIso } from '../db/ids.js';
import { assertZipWithin } from './zip-guard.js';
import { AppError } from '../domain/errors.js';
import { checkFormValues, FORM_CODES, getFormDefinitions, parseFormValues, type Finding, type FormCode, type FormDefinition, type FormValues, type FormValuesDoc } from '../domain/forms/index.js';
import { placeOf } from '../domain/forms/table.js';
import type { Cells } from '../domain/forms/types.js';
import { addEntered, cellKey, type CountDifference, countRows, diffCounts, type EnteredValue, type UnitCounts } from '../domain/rollup/index.js';
import { type Cycle, DEFAULT_PERIOD } from '../domain/model/cycles.js';
import { inTransaction } from '../db/queries/common.js';
import { findReport } from '../db/queries/reports.js';
import { levelOfUnitKind } from '../reports/forms-layout.js';
import { signerBodyOf } from '../reports/issuing-body.js';
import { defaultSettings, mergeSettings } from '../reports/report-settings.js';

/** Which unit and cycle a form is of. */
export interface FormsKey {
  unitCode: string;
  year: number;
  period?: string | undefined;
}

async function resolveKey(db: Db, key: FormsKey) {
  const cycle = await getCycle(db, { year: key.year, period: key.period });
  const unit = await getUnitAt(db, key.unitCode, cycle.referenceDate);
  return { cycle, unit };
}

/**
 * Builds the document from one unit's stored counts: every row of every form (derived rows summed
 * from their parts), every column stated, zeros included, so the checker checks every identity.
 */
export function formsDocFromCounts(counts: ReadonlyMap<string, number>, meta: { cycle: Cycle; unit: { code: string; name: string } }, forms: readonly FormCode[] = FORM_CODES): FormValuesDoc {
  const defs = getFormDefinitions(meta.cycle.ruleSet);
  const out: FormValuesDoc['forms'] = {};
  for (const form of forms) {
    const def = defs[form];
    const rows: Record<string, Cells> = {};
    for (const row of def.rows) {
      const parts = row.derivedFrom ?? [row.code];
      rows[row.code] = Object.fromEntries(
        def.columns.map((c) => [c.code, parts.reduce((n, r) => n + (counts.get(cellKey({ form, row: r, col: c.code })) ?? 0), 0)]),
      );
    }
    out[form] = { rows };
  }
  return { format: 'form-values/1', unit: meta.unit, cycle: { year: meta.cycle.year, ruleSet: meta.cycle.ruleSet }, forms: out, claims: [] };
}

/**
 * The forms KD, TC, DV, TT and CN of a unit's subtree in a cycle, read from the live counts (no
 * recomputation): format form-values/1, claims empty. UnitNotFound when the unit did not exist on
 * the cycle's reference date.
 */
export async function getFormValues(db: Db, key: FormsKey & { form?: FormCode }): Promise<FormValuesDoc> {
  const { cycle, unit } = await resolveKey(db, key);
  const counts = await readUnitCounts(db, { cycleId: cycle.id, unitId: unit.unitId, ...(key.form ? { form: key.form } : {}) });
  return formsDocFromCounts(counts, { cycle, unit: { code: unit.code, name: unit.name } }, key.form ? [key.form] : FORM_CODES);
}

/**
 * The forms as exported: the live values, plus the number and date of the unit's report for the
 * cycle when one has been written, so the annexes carry the report's number and date.
 */
export async function getFormValuesForExport(db: Db, key: FormsKey): Promise<FormValuesDoc> {
  const { cycle, unit } = await resolveKey(db, key);
  const doc = await getFormValues(db, key);
  const report = await findReport(db, { unitId: unit.unitId, cycleId: cycle.id });
  return report?.number && report.date ? { ...doc, report: { number: report.number, date: report.date } } : doc;
}

/** The checker's findings (FORMS.md §4) on a unit's live forms. */
export async function checkLiveForms(db: Db, key: FormsKey): Promise<Finding[]> {
  return checkFormValues(await getFormValues(db, key));
}

/** One stored cell that differs from its recomputation. */
export interface VerifyDifference {
  unitCode: string;
  form: FormCode;
  row: string;
  col: string;
  stored: number;
  expected: number;
}

export interface VerifyResult {
  cycles: { year: number; period: string; ruleSet: string; differences: VerifyDifference[] }[];
  differences: number;
}

/** Recomputes every cycle's counts (or one year's) from the evaluations and lists every difference. */
export async function verify(db: Db, options: { year?: number } = {}): Promise<VerifyResult> {
  const result: VerifyResult = { cycles: [], differences: 0 };
  const cycles = await listCycleKeys(db, options.year === undefined ? {} : { year: options.year });
  if (options.year !== undefined && cycles.length === 0) {
    throw new AppError('CycleNotFound', {
      vi: `Không tìm thấy kỳ đánh giá năm ${options.year}.`,
      en: `There is no review cycle for ${options.year}.`,
    });
  }
  // On SQLite, the recomputation and the stored counts stream through the connection's handle.
  const sqlite = sqliteHandleOf(db);
  for (const cycle of cycles) {
    const tree = await loadTreeOn(db, cycle.referenceDate);
    const expected = await recomputeCycleCounts(db, cycle, { sqlite });
    const diffs: CountDifference[] = [];
    const seen = new Set<string>();
    const compare = (unitId: string, stored: Map<string, number>) => {
      seen.add(unitId);
      for (const d of diffCounts(new Map([[unitId, stored]]), new Map([[unitId, expected.get(unitId)]]))) diffs.push(d);
    };
    await scanStoredCounts(db, cycle.id, compare, { sqlite });
    for (const [unitId] of expected.units()) if (!seen.has(unitId)) compare(unitId, new Map());
    const differences = diffs.map((d) => ({ unitCode: tree.get(d.unitId)?.code ?? d.unitId, form: d.form, row: d.row, col: d.col, stored: d.stored, expected: d.expected }));
    differences.sort((a, b) => a.unitCode.localeCompare(b.unitCode) || a.form.localeCompare(b.form) || a.row.localeCompare(b.row) || a.col.localeCompare(b.col));
    result.cycles.push({ year: cycle.year, period: cycle.period, ruleSet: cycle.ruleSet, differences });
    result.differences += differences.length;
  }
  return result;
}

/** Recomputes and replaces the stored counts of every cycle (or one year's), in one transaction. */
export async function rebuild(db: Db, options: { year?: number } = {}): Promise<{ year: number; period: string; rows: number }[]> {
  const done = await inTransaction(db, (trx) => rebuildFormCounts(trx, options.year === undefined ? {} : { year: options.year }));
  return done.map((d) => ({ year: d.cycle.year, period: d.cycle.period, rows: d.rows }));
}

function invalid(place: string, vi: string, en: string): AppError {
  return new AppError('FormValuesInvalid', { vi: `Số liệu biểu không hợp lệ tại «${place}»: ${vi}.`, en: `Invalid form values at "${place}": ${en}.` }, { field: place });
}

/** Checks the document is for this unit and cycle and consistent in itself; returns its printed cells. */
function importableCells(doc: FormValuesDoc, cycle: Cycle, unitCode: string): Omit<EnteredValue, 'unitId'>[] {
  if (doc.cycle.year !== cycle.year) throw invalid('cycle.year', `năm ${doc.cycle.year} khác kỳ ${cycle.year}`, `year ${doc.cycle.year} is not the cycle's ${cycle.year}`);
  if (doc.cycle.ruleSet !== cycle.ruleSet) throw invalid('cycle.ruleSet', `bộ quy tắc ${doc.cycle.ruleSet} khác ${cycle.ruleSet} của kỳ`, `rule set ${doc.cycle.ruleSet} is not the cycle's ${cycle.ruleSet}`);
  if (doc.unit?.code !== undefined && doc.unit.code !== unitCode) throw invalid('unit.code', `đơn vị «${doc.unit.code}» khác «${unitCode}»`, `unit "${doc.unit.code}" is not "${unitCode}"`);
  const error = checkFormValues({ ...doc, claims: [] }).find((f) => f.severity === 'error');
  if (error) throw invalid(placeOf(error.form, error.row, error.col), `số liệu mâu thuẫn (${error.code}): ${error.message.vi}`, `inconsistent values (${error.code}): ${error.message.en}`);
  const defs = getFormDefinitions(cycle.ruleSet);
  const cells: Omit<EnteredValue, 'unitId'>[] = [];
  for (const form of FORM_CODES) {
    storableOnly(defs[form], doc.forms[form]);
    for (const [row, values] of Object.entries(doc.forms[form]?.rows ?? {})) {
      // Derived rows (tccsd.X, truc_thuoc.X) equal the sum of their parts (just checked): not stored;
      // neither are the groupings reports print beyond the form ("HTT trở lên"), checked against their parts.
      const def = defs[form].rows.find((r) => r.code === row);
      if (!def || def.derivedFrom) continue;
      for (const [col, value] of Object.entries(values)) {
        if (value !== 0 && defs[form].columns.some((c) => c.code === col)) cells.push({ form, row, col, value });
      }
    }
  }
  return cells;
}

/**
 * Imported counts are stored cell by cell, so a form must give them all: a form marked partial (its
 * absent cells unknown) or a grouping ("HTT trở lên") whose parts are not all given cannot be stored.
 */
function storableOnly(def: FormDefinition, values: FormValues | undefined): void {
  if (!values) return;
  if (values.meta?.partial === true) {
    throw invalid(`forms.${def.code}.meta.partial`, 'biểu chỉ nêu một phần số liệu (partial) nên không nhập được: ô bỏ trống là chưa biết, không phải 0', 'a partial form cannot be imported: its absent cells are unknown, not zero');
  }
  for (const [row, cells] of Object.entries(values.rows)) {
    const extraRow = def.extraRows.find((r) => r.code === row);
    const missing = extraRow ? extraRow.grouping?.find((p) => !values.rows[p]) : undefined;
    if (extraRow && missing) {
      throw invalid(placeOf(def.code, row, null), `không lưu được «${extraRow.label}» khi thiếu dòng «${missing}»: hãy nhập riêng từng mức xếp loại`, `"${row}" cannot be stored without row "${missing}": give each grade on its own`);
    }
    for (const g of def.extraColumns.filter((c) => c.code in cells)) {
      const absent = g.grouping?.find((p) => !(p in cells));
      if (absent) throw invalid(placeOf(def.code, row, g.code), `không lưu được cột «${g.label}» khi thiếu cột «${absent}»: hãy nhập riêng từng mức xếp loại`, `column "${g.code}" cannot be stored without column "${absent}": give each grade on its own`);
    }
  }
}

/** What an import stored. */
export interface ImportResult {
  unitCode: string;
  year: number;
  cells: number;
  replaced: number;
  /** True when the import opened the (past) year's cycle to hold these counts. */
  cycleCreated: boolean;
}

/**
 * A past year known only from its report (issue #10 item 6): when the year has no cycle yet, opens
 * an annual one for it (reference date 31/12, the rule set the document names, which must be the
 * year's) so its counts can be stored and compared with other years. Returns whether it opened one.
 */
async function openPastCycle(db: Db, key: FormsKey, doc: FormValuesDoc): Promise<boolean> {
  if (await findCycle(db, { year: key.year, period: key.period })) return false;
  if ((key.period ?? DEFAULT_PERIOD) !== DEFAULT_PERIOD) return false;
  if (doc.cycle.year !== key.year) throw invalid('cycle.year', `năm ${doc.cycle.year} khác năm ${key.year} cần nhập`, `year ${doc.cycle.year} is not ${key.year}`);
  await createCycle(db, { year: key.year, ruleSet: doc.cycle.ruleSet, referenceDate: `${key.year}-12-31`, title: `Số liệu năm ${key.year} (nhập từ báo cáo)` });
  return true;
}

/**
 * Loads form values for a unit that reports counts only, all or nothing: the document is parsed
 * (FormValuesInvalid naming the place), must be of this unit, year and rule set and free of checker
 * errors; it replaces the unit's previous import and rolls up to its ancestors in one transaction.
 * A unit whose subtree already has counts of its own (evaluations, a sub-unit's import) is refused.
 */
export async function importFormValues(db: Db, input: FormsKey & { doc: unknown; actor?: string; createCycle?: boolean }): Promise<ImportResult> {
  const doc = parseFormValues(input.doc);
  return inTransaction(db, async (trx) => {
    const cycleCreated = input.createCycle === true && (await openPastCycle(trx, input, doc));
    const { cycle, unit } = await resolveKey(trx, input);
    const cells = importableCells(doc, cycle, unit.code);
    const old = await listEnteredValues(trx, { cycleId: cycle.id, unitId: unit.unitId });
    const stored = await readUnitCounts(trx, { cycleId: cycle.id, unitId: unit.unitId });
    for (const o of old) stored.set(cellKey(o), (stored.get(cellKey(o)) ?? 0) - o.value);
    if ([...stored.values()].some((v) => v !== 0)) {
      throw new AppError(
        'Conflict',
        {
          vi: `Đơn vị «${unit.code}» đã có số liệu từ phiếu đánh giá (của chính nó hoặc đơn vị trực thuộc) trong kỳ ${cycle.year}; chỉ nhập số liệu cho đơn vị chỉ báo cáo số liệu.`,
          en: `Unit "${unit.code}" already has counts from evaluations (its own or its sub-units') in ${cycle.year}; import only for units that report counts only.`,
        },
        { field: 'unit' },
      );
    }
    const values = cells.map((c) => ({ ...c, unitId: unit.unitId }));
    await replaceEnteredValues(trx, { cycleId: cycle.id, unitId: unit.unitId, values, at: nowIso(), by: input.actor ?? 'import' });
    const tree = await loadAncestorsOn(trx, [unit.unitId], cycle.referenceDate);
    const delta: UnitCounts = new Map();
    addEntered(delta, old, tree, -1);
    addEntered(delta, values, tree, 1);
    await applyCountDelta(trx, { cycleId: cycle.id, rows: countRows(delta) });
    return { unitCode: unit.code, year: cycle.year, cells: values.length, replaced: old.length, cycleCreated };
  });
}

/** A unit's forms as the workbook in the official layout, with a file name for the download. */
export interface FormsWorkbookFile {
  bytes: Buffer;
  /** "Bieu-thong-ke-HU-TAMDUONG-2022.xlsx": ASCII, for clients that take only `filename=`. */
  asciiName: string;
  /** "Biểu thống kê Đảng bộ huyện Tam Đường 2022.xlsx": for `filename*=UTF-8''…`. */
  fileName: string;
}

/**
 * The workbook of a unit's live forms (src/reports/xlsx/forms-workbook.ts), headed as the report
 * is: the parent body above the unit's committee ("ĐẢNG BỘ TỈNH LAI CHÂU" / "HUYỆN ỦY TAM ĐƯỜNG"), the
 * "(Kèm theo Báo cáo số …)" line naming the report's signer (its stored settings, else a new report's),
 * and the sections of the unit's level (no CẤP TỈNH for a district).
 */
export async function formsWorkbook(db: Db, key: FormsKey): Promise<FormsWorkbookFile> {
  const { cycle, unit } = await resolveKey(db, key);
  const doc = await getFormValuesForExport(db, key);
  const parentCode = unit.path[unit.path.length - 2];
  const parentBody = parentCode ? (await getUnitAt(db, parentCode, cycle.referenceDate)).name : undefined;
  const report = await findReport(db, { unitId: unit.unitId, cycleId: cycle.id });
  const base = defaultSettings({ code: unit.code, name: unit.name, kind: unit.kind, parentName: parentBody ?? null }, report?.date ?? cycle.referenceDate);
  const settings = report ? mergeSettings(base, report.settings) : base;
  const { renderFormsWorkbook } = await import('../reports/xlsx/forms-workbook.js');
  const bytes = await renderFormsWorkbook({
    doc,
    issuer: signerBodyOf(settings),
    issuingBody: settings.issuingBody,
    ...(settings.parentBody ? { parentBody: settings.parentBody } : {}),
    level: levelOfUnitKind(unit.kind),
  });
  const ascii = `Bieu-thong-ke-${unit.code}-${cycle.year}.xlsx`.replace(/[^A-Za-z0-9._-]/g, '_');
  return { bytes, asciiName: ascii, fileName: `Biểu thống kê ${unit.name} ${cycle.year}.xlsx`.replace(/[\\/:*?"<>|]/g, '_') };
}

/** An .xlsx (like any OOXML file) is a zip archive: it starts with "PK\x03\x04". */
const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * The form-values document in uploaded or read bytes: the product's workbook (read back cell by
 * cell, FormValuesInvalid naming the sheet and cell) or JSON text (BadJson naming `source`). Not
 * yet parsed against FORMS.md §3: importFormValues and checkFormsDocument do that, naming the place.
 */
export async function readFormsDocument(bytes: Uint8Array, source: string): Promise<unknown> {
  if (isZip(bytes)) {
    assertZipWithin(bytes, source); // before the workbook library holds any of it
    const { readFormsWorkbook } = await import('../reports/xlsx/forms-workbook.js');
    return readFormsWorkbook(Buffer.from(bytes));
  }
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new AppError('BadJson', {
      vi: `«${source}» không phải JSON hợp lệ cũng không phải bảng tính Excel (.xlsx) của phần mềm: ${why}.`,
      en: `"${source}" is neither valid JSON nor the product's Excel workbook (.xlsx): ${why}.`,
    });
  }
}

/** The checker's findings on a document (FORMS.md §4); FormValuesInvalid naming the place when malformed. Writes nothing. */
export function checkFormsDocument(raw: unknown): Finding[] {
  return checkFormValues(parseFormValues(raw));
}
