/**
 * Parses and validates a form-values document (FORMS.md §3) by hand, so that every failure names
 * its exact place (`forms.DV.rows.graded.htxs.xa`, `claims[3].percent`) in Vietnamese and English.
 * Keys beginning with `_` are comments and are ignored at every level. An optional field that is
 * `null` is not known, the same as an absent key (FORMS.md §3).
 */
import { RULE_SET_CODES, ruleSetForYear, type RuleSetCode } from '../codes.js';
import { AppError } from '../errors.js';
import { parseViDecimal } from '../format/vi-number.js';
import { findColumn, findRow, getFormDefinitions, type FormDefinition } from './definitions.js';
import { FORM_CODES, PERCENT_ROUNDINGS, type Claim, type FormCode, type FormMeta, type FormValues, type FormValuesDoc, type PercentRounding } from './types.js';

type Json = Record<string, unknown>;

function fail(place: string, vi: string, en: string): never {
  throw new AppError(
    'FormValuesInvalid',
    { vi: `Số liệu biểu không hợp lệ tại «${place}»: ${vi}.`, en: `Invalid form values at "${place}": ${en}.` },
    { field: place },
  );
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function object(v: unknown, place: string): Json {
  if (!isObject(v)) fail(place, 'phải là một đối tượng JSON', 'must be a JSON object');
  return v;
}

/** The keys of an object that are not comments. */
function keys(o: Json): string[] {
  return Object.keys(o).filter((k) => !k.startsWith('_'));
}

function onlyKeys(o: Json, allowed: readonly string[], place: string): void {
  for (const k of keys(o)) {
    if (!allowed.includes(k)) {
      fail(`${place}.${k}`, `trường không được biết (chỉ có: ${allowed.join(', ')})`, `unknown field (known: ${allowed.join(', ')})`);
    }
  }
}

function optString(v: unknown, place: string, nullable = false): string | undefined | null {
  if (v === undefined) return undefined;
  if (v === null && nullable) return null;
  if (typeof v !== 'string') fail(place, 'phải là chuỗi ký tự', 'must be a string');
  return v;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
function optDate(v: unknown, place: string, nullable = false): string | undefined | null {
  const s = optString(v, place, nullable);
  if (typeof s === 'string' && (!ISO_DATE.test(s) || Number.isNaN(Date.parse(`${s}T00:00:00Z`)))) {
    fail(place, `ngày «${s}» phải viết dạng YYYY-MM-DD`, `date "${s}" must be written YYYY-MM-DD`);
  }
  return s;
}

/** A count: a non-negative integer (FORMS.md §3; VALUE in §4). */
function count(v: unknown, place: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(place, `«${JSON.stringify(v)}» không phải là số`, `${JSON.stringify(v)} is not a number`);
  if (!Number.isInteger(v)) fail(place, `số lẻ thập phân (${v}); chỉ chấp nhận số nguyên không âm`, `fractional count (${v}); only non-negative integers are allowed`);
  if (v < 0) fail(place, `số âm (${v}); chỉ chấp nhận số nguyên không âm`, `negative count (${v}); only non-negative integers are allowed`);
  return v;
}

function parseCycle(raw: unknown): FormValuesDoc['cycle'] {
  const o = object(raw, 'cycle');
  onlyKeys(o, ['year', 'ruleSet'], 'cycle');
  const year = o.year;
  if (typeof year !== 'number' || !Number.isInteger(year)) fail('cycle.year', 'năm phải là số nguyên', 'the year must be an integer');
  let ruleSet: RuleSetCode | undefined;
  if (o.ruleSet !== undefined && o.ruleSet !== null) {
    if (!(RULE_SET_CODES as readonly unknown[]).includes(o.ruleSet)) {
      fail('cycle.ruleSet', `bộ quy tắc «${String(o.ruleSet)}» không tồn tại (có: ${RULE_SET_CODES.join(', ')})`, `unknown rule set "${String(o.ruleSet)}" (known: ${RULE_SET_CODES.join(', ')})`);
    }
    ruleSet = o.ruleSet as RuleSetCode;
  } else {
    ruleSet = ruleSetForYear(year);
    if (!ruleSet) fail('cycle.ruleSet', `không có bộ quy tắc cho năm ${year}`, `no rule set covers ${year}`);
  }
  return { year, ruleSet };
}

function parseMeta(raw: unknown, place: string): FormMeta {
  const o = object(raw, place);
  onlyKeys(o, ['reportDatePrinted', 'codePrinted', 'reportNumberPrinted', 'partial'], place);
  const meta: FormMeta = {};
  const date = optDate(o.reportDatePrinted, `${place}.reportDatePrinted`, true);
  if (date !== undefined) meta.reportDatePrinted = date;
  const code = optString(o.codePrinted, `${place}.codePrinted`, true);
  if (code !== undefined) meta.codePrinted = code;
  const num = optString(o.reportNumberPrinted, `${place}.reportNumberPrinted`, true);
  if (num !== undefined) meta.reportNumberPrinted = num;
  if (o.partial !== undefined && o.partial !== null) {
    if (typeof o.partial !== 'boolean') fail(`${place}.partial`, 'phải là true hoặc false', 'must be true or false');
    meta.partial = o.partial;
  }
  return meta;
}

function parseForm(def: FormDefinition, raw: unknown, place: string): FormValues {
  const o = object(raw, place);
  onlyKeys(o, ['meta', 'rows'], place);
  const rowsRaw = object(o.rows ?? {}, `${place}.rows`);
  const rows: Record<string, Record<string, number>> = {};
  for (const rowCode of keys(rowsRaw)) {
    const rowPlace = `${place}.rows.${rowCode}`;
    // A row or column a printed report states beyond the form (FORMS.md: `…graded.htt_up`) is read too.
    if (!findRow(def, rowCode)) fail(rowPlace, `dòng «${rowCode}» không có trong biểu ${def.code}`, `row "${rowCode}" is not in form ${def.code}`);
    const cellsRaw = object(rowsRaw[rowCode], rowPlace);
    const cells: Record<string, number> = {};
    for (const col of keys(cellsRaw)) {
      if (!findColumn(def, col)) fail(`${rowPlace}.${col}`, `cột «${col}» không có trong biểu ${def.code}`, `column "${col}" is not in form ${def.code}`);
      cells[col] = count(cellsRaw[col], `${rowPlace}.${col}`);
    }
    rows[rowCode] = cells;
  }
  const form: FormValues = { rows };
  if (o.meta !== undefined && o.meta !== null) form.meta = parseMeta(o.meta, `${place}.meta`);
  return form;
}

function rowRef(def: FormDefinition, raw: unknown, place: string): string | string[] {
  const list = typeof raw === 'string' ? [raw] : Array.isArray(raw) && raw.length > 0 ? raw : undefined;
  if (!list) fail(place, 'phải là mã dòng hoặc danh sách mã dòng', 'must be a row code or a non-empty list of row codes');
  list.forEach((r, i) => {
    const p = typeof raw === 'string' ? place : `${place}[${i}]`;
    if (typeof r !== 'string' || !findRow(def, r)) {
      fail(p, `dòng «${String(r)}» không có trong biểu ${def.code}`, `row "${String(r)}" is not in form ${def.code}`);
    }
  });
  return typeof raw === 'string' ? raw : (list as string[]);
}

const CLAIM_KEYS = ['form', 'row', 'col', 'value', 'base', 'percent', 'noun', 'group'];

function parseClaim(defs: Record<FormCode, FormDefinition>, raw: unknown, place: string): Claim {
  const o = object(raw, place);
  onlyKeys(o, CLAIM_KEYS, place);
  if (!(FORM_CODES as readonly unknown[]).includes(o.form)) {
    fail(`${place}.form`, `biểu «${String(o.form)}» không tồn tại (có: ${FORM_CODES.join(', ')})`, `unknown form "${String(o.form)}" (known: ${FORM_CODES.join(', ')})`);
  }
  const def = defs[o.form as FormCode];
  if (o.value === undefined) fail(`${place}.value`, 'thiếu số được in (dùng null cho tỷ lệ in không kèm số lượng)', 'the printed count is missing (use null for a percentage printed without its count)');
  const claim: Claim = {
    form: def.code,
    row: rowRef(def, o.row, `${place}.row`),
    col: '',
    // null: a percentage printed without its count (FORMS.md "Reports as they are printed").
    value: o.value === null ? null : count(o.value, `${place}.value`),
  };
  if (typeof o.col !== 'string' || !findColumn(def, o.col)) {
    fail(`${place}.col`, `cột «${String(o.col)}» không có trong biểu ${def.code}`, `column "${String(o.col)}" is not in form ${def.code}`);
  }
  claim.col = o.col;
  if (o.base !== undefined && o.base !== null) claim.base = rowRef(def, o.base, `${place}.base`);
  const percent = optString(o.percent, `${place}.percent`, true);
  if (percent !== undefined && percent !== null) {
    if (!parseViDecimal(percent)) {
      fail(`${place}.percent`, `«${percent}» không phải là số viết theo kiểu Việt Nam (ví dụ 17,65)`, `"${percent}" is not a number written the Vietnamese way (e.g. 17,65)`);
    }
    if (claim.base === undefined) fail(`${place}.base`, 'tỷ lệ phần trăm phải nêu cơ sở (base)', 'a percentage needs its base');
    claim.percent = percent;
  }
  if (claim.value === null && claim.percent === undefined) {
    fail(`${place}.value`, 'chỉ được để null (không in số lượng) cho một tỷ lệ phần trăm: hãy nêu percent và base', 'may be null (count not printed) only for a percentage: give percent and base');
  }
  const noun = optString(o.noun, `${place}.noun`, true);
  if (noun !== undefined) claim.noun = noun;
  const group = optString(o.group, `${place}.group`, true);
  if (typeof group === 'string') claim.group = group;
  return claim;
}

/** `report.rounding`: "half-up" or "largest-remainder" (FORMS.md §3 extension; GUIDE.md §5); null is the default. */
function optRounding(v: unknown): PercentRounding | undefined {
  if (v === undefined || v === null) return undefined;
  if (!(PERCENT_ROUNDINGS as readonly unknown[]).includes(v)) {
    fail('report.rounding', `cách làm tròn ${JSON.stringify(v)} không được biết (có: ${PERCENT_ROUNDINGS.join(', ')})`, `unknown rounding ${JSON.stringify(v)} (known: ${PERCENT_ROUNDINGS.join(', ')})`);
  }
  return v as PercentRounding;
}

/**
 * Parses a form-values document (already JSON-decoded).
 * @throws AppError('FormValuesInvalid') naming the place of the first problem.
 */
export function parseFormValues(raw: unknown): FormValuesDoc {
  const o = object(raw, '(tài liệu / document)');
  onlyKeys(o, ['format', 'unit', 'cycle', 'report', 'forms', 'claims'], '$');
  if (o.format !== 'form-values/1') {
    fail('format', `định dạng phải là "form-values/1", không phải ${JSON.stringify(o.format)}`, `format must be "form-values/1", not ${JSON.stringify(o.format)}`);
  }
  const cycle = parseCycle(o.cycle);
  const defs = getFormDefinitions(cycle.ruleSet);
  const doc: FormValuesDoc = { format: 'form-values/1', cycle, forms: {}, claims: [] };
  // Optional fields: null means not known, the same as an absent key (FORMS.md §3).
  if (o.unit !== undefined && o.unit !== null) {
    const u = object(o.unit, 'unit');
    onlyKeys(u, ['code', 'name'], 'unit');
    const code = optString(u.code, 'unit.code', true);
    const name = optString(u.name, 'unit.name', true);
    doc.unit = { ...(code ? { code } : {}), ...(name ? { name } : {}) };
  }
  if (o.report !== undefined && o.report !== null) {
    const r = object(o.report, 'report');
    onlyKeys(r, ['number', 'date', 'rounding'], 'report');
    const number = optString(r.number, 'report.number', true);
    const date = optDate(r.date, 'report.date', true);
    const rounding = optRounding(r.rounding);
    doc.report = { ...(number ? { number } : {}), ...(date ? { date } : {}), ...(rounding ? { rounding } : {}) };
  }
  const forms = object(o.forms ?? {}, 'forms');
  for (const code of keys(forms)) {
    if (!(FORM_CODES as readonly string[]).includes(code)) {
      fail(`forms.${code}`, `biểu «${code}» không tồn tại (có: ${FORM_CODES.join(', ')})`, `unknown form "${code}" (known: ${FORM_CODES.join(', ')})`);
    }
    if (forms[code] === null) continue; // a form not known
    doc.forms[code as FormCode] = parseForm(defs[code as FormCode], forms[code], `forms.${code}`);
  }
  if (o.claims !== undefined && o.claims !== null) {
    if (!Array.isArray(o.claims)) fail('claims', 'phải là một danh sách', 'must be a list');
    doc.claims = o.claims.map((c, i) => parseClaim(defs, c, `claims[${i}]`));
  }
  return doc;
}
