/**
 * The printed rows of the forms (seed's annexes; regulations.md §5): section headings ("A. TỔ CHỨC
 * CƠ SỞ ĐẢNG", "I. ĐẢNG BỘ CƠ SỞ"), numbering (1, 2, "-" for a breakdown, 4.1 in the review form),
 * italic "trong đó" rows and the KHT reasons under "Trong đó:" / "Chia ra:", the note marks of the
 * leader table. Codes and labels come from the form definitions, the printed wording from
 * forms-print.ts; only the presentation is decided here. Sections that cannot exist at the reporting
 * unit's level are left out (CẤP TỈNH in a district's TT and CN); a derived row (FORMS.md §2 `tccsd.X`)
 * is printed only where it says something its parts do not.
 */
import type { Level, RuleSetCode } from '../domain/codes.js';
import type { FormDefinition, RowDef } from '../domain/forms/index.js';
import type { Cells, FormCode } from '../domain/forms/types.js';
import { FORM_PRINT, sectionApplies } from './forms-print.js';

/** One printed row: a section heading, a note ("Trong đó:") or a data row carrying a row code. */
export interface LayoutRow {
  kind: 'heading' | 'note' | 'data';
  stt: string;
  label: string;
  /** The row code of a data row, else null. */
  code: string | null;
  bold: boolean;
  italic: boolean;
  /** The cells the document states for a data row (absent cells stay absent), else null. */
  values: Cells | null;
}

/** The printed rows of a form, the derived rows left unprinted because their parts say them, and the notes. */
export interface PrintedRows {
  rows: LayoutRow[];
  /** Derived rows the document states that equal the sum of their printed parts (re-derived on reading). */
  derivedRows: string[];
  /** The notes under the table: "(1) Ủy viên BTV …", in the order of their marks. */
  notes: string[];
}

/** Forms whose row labels repeat their section ("Đảng bộ cơ sở: số có đến cuối năm"): the heading says it. */
const SECTIONED: readonly FormCode[] = ['TC', 'TT'];
/** The line printed above the KHT reasons: FORMS.md §2 "trong đó" (DV), "chia ra" (TT). */
const REASON_NOTES: Partial<Record<FormCode, string>> = { DV: 'Trong đó:', TT: 'Chia ra:' };
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];
const LETTERS = ['A', 'B', 'C', 'D'];
const LEVEL_CODES: readonly string[] = ['tinh', 'huyen', 'co_so'];

const upper = (s: string) => s.toLocaleUpperCase('vi');
const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
const sectionLabel = (row: RowDef) => row.label.slice(0, Math.max(0, row.label.indexOf(': ')));
const firstParts = (code: string, n: number) => code.split('.').slice(0, n).join('.');

/**
 * The rows a unit of `level` leaves out (null: none): in TT and CN, the sections of the levels above
 * it, where the document states nothing but zeros in them (a district has no province collectives;
 * a section whose data says otherwise is printed).
 */
export function omittedRows(def: FormDefinition, stated: Readonly<Record<string, Cells>>, level: Level | null): string[] {
  if (def.code !== 'TT' && def.code !== 'CN') return [];
  return groupBy(def.rows, (r) => firstParts(r.code, 1)).flatMap(([section, rows]) => {
    if (!LEVEL_CODES.includes(section) || sectionApplies(section as Level, level)) return [];
    const zero = rows.every((r) => Object.values(stated[r.code] ?? {}).every((v) => v === 0));
    return zero ? rows.map((r) => r.code) : [];
  });
}

/** The rows of a form that are printed: all but the omitted ones. */
function printedDefinitionRows(def: FormDefinition, omitted: ReadonlySet<string>): RowDef[] {
  return def.rows.filter((r) => !omitted.has(r.code));
}

/** Which form and which rows are left out. */
export interface RowOptions {
  ruleSet: RuleSetCode;
  omitted: ReadonlySet<string>;
}

/** Row code → the definition's own label without its section prefix (what an earlier version printed). */
export function plainRowLabels(def: FormDefinition): ReadonlyMap<string, string> {
  const strip = SECTIONED.includes(def.code);
  return new Map(def.rows.map((r) => [r.code, strip && r.label.includes(': ') ? capitalise(r.label.slice(r.label.indexOf(': ') + 2)) : r.label]));
}

/**
 * Row code → label as printed: without the section prefix where a heading carries it, in the
 * seed's wording (forms-print.ts), with its note mark "(1)" numbered over the rows printed.
 */
export function printedRowLabels(def: FormDefinition, options: RowOptions): ReadonlyMap<string, string> {
  const print = FORM_PRINT[def.code];
  const plain = plainRowLabels(def);
  const notes = print.notes(options.ruleSet);
  const printed = new Set(printedDefinitionRows(def, options.omitted).map((r) => r.code));
  let mark = 0;
  return new Map(
    def.rows.map((r) => {
      const own = plain.get(r.code) ?? r.label;
      const noted = notes[r.code];
      const label = noted?.label ?? print.labels[r.code] ?? own;
      return [r.code, noted && printed.has(r.code) ? `${label} (${++mark})` : label];
    }),
  );
}

/** The notes under the table, in the order of their marks ("(1) Ủy viên BTV các huyện, …"). */
function printedNotes(def: FormDefinition, options: RowOptions): string[] {
  const notes = FORM_PRINT[def.code].notes(options.ruleSet);
  return printedDefinitionRows(def, options.omitted)
    .filter((r) => notes[r.code])
    .map((r, i) => `(${i + 1}) ${notes[r.code]?.note ?? ''}`);
}

interface BlockContext {
  def: FormDefinition;
  labels: ReadonlyMap<string, string>;
  stated: Readonly<Record<string, Cells>>;
}

const heading = (stt: string, label: string): LayoutRow => ({ kind: 'heading', stt, label, code: null, bold: true, italic: false, values: null });
const note = (label: string): LayoutRow => ({ kind: 'note', stt: '', label, code: null, bold: false, italic: true, values: null });

function dataRow(ctx: BlockContext, code: string, stt: string, style: { bold?: boolean; italic?: boolean } = {}): LayoutRow {
  return { kind: 'data', stt, label: ctx.labels.get(code) ?? code, code, bold: style.bold ?? false, italic: style.italic ?? false, values: ctx.stated[code] ?? null };
}

/**
 * Numbers the rows of one section (codes below `prefix`): its own rows 1, 2, 3…; a breakdown "-"
 * (or 4.1, 4.2 in the review form, whose deeper rows carry their "Chia ra:" in the label); a
 * "trong đó" subset and the KHT reasons italic and unnumbered.
 */
function numberBlock(ctx: BlockContext, rows: readonly RowDef[], prefix: string, style: 'dash' | 'decimal'): LayoutRow[] {
  const parts = (kind: 'subset' | 'SUM_REASONS') =>
    new Set(ctx.def.identities.filter((i) => (kind === 'subset' ? i.relation === 'subset' : i.kind === kind)).flatMap((i) => i.parts));
  const reasons = parts('SUM_REASONS');
  const subsets = parts('subset');
  const own = new Map<string, string>();
  const childCount = new Map<string, number>();
  const out: LayoutRow[] = [];
  for (const row of rows) {
    const rel = row.code.slice(prefix.length);
    if (reasons.has(row.code)) {
      if (!out.some((r) => r.kind === 'note' && r.label === REASON_NOTES[ctx.def.code])) out.push(note(REASON_NOTES[ctx.def.code] ?? 'Trong đó:'));
      out.push(dataRow(ctx, row.code, '', { italic: true }));
    } else if (subsets.has(row.code)) {
      out.push(dataRow(ctx, row.code, '', { italic: true }));
    } else if (!rel.includes('.')) {
      own.set(rel, String(own.size + 1));
      out.push(dataRow(ctx, row.code, String(own.size)));
    } else if (style === 'dash') {
      out.push(dataRow(ctx, row.code, '-'));
    } else {
      const parent = rel.slice(0, rel.indexOf('.'));
      const k = (childCount.get(parent) ?? 0) + 1;
      const deeper = rel.indexOf('.') !== rel.lastIndexOf('.');
      if (!deeper) childCount.set(parent, k);
      if (!deeper && k === 1) out.push(note('Trong đó:'));
      out.push(dataRow(ctx, row.code, deeper ? '' : `${own.get(parent) ?? ''}.${k}`));
    }
  }
  return out;
}

/** Rows grouped by a key, in the order of their first appearance. */
function groupBy(rows: readonly RowDef[], key: (r: RowDef) => string): [string, RowDef[]][] {
  const groups = new Map<string, RowDef[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return [...groups];
}

/** The sum of some rows' cells, over the columns any of them states (absent = 0): what re-deriving gives. */
export function deriveCells(parts: readonly (Cells | undefined)[]): Cells | undefined {
  const stated = parts.filter((p): p is Cells => p !== undefined);
  if (stated.length === 0) return undefined;
  const cols = new Set(stated.flatMap((p) => Object.keys(p)));
  return Object.fromEntries([...cols].map((c) => [c, stated.reduce((n, p) => n + (p[c] ?? 0), 0)]));
}

/** Whether a stated derived row is exactly what its stated parts add up to: then printing it would repeat them. */
function redundant(row: RowDef, stated: Readonly<Record<string, Cells>>): boolean {
  const own = stated[row.code];
  const sum = deriveCells((row.derivedFrom ?? []).map((p) => stated[p]));
  if (!own || !sum) return false;
  const keys = Object.keys(own);
  return keys.length === Object.keys(sum).length && keys.every((k) => own[k] === sum[k]);
}

/** TC (seed biểu 6A): A/B by kind of organisation, I/II by section; a derived total only when it adds something. */
function tcRows(ctx: BlockContext, derivedRows: string[]): LayoutRow[] {
  const out: LayoutRow[] = [];
  const printed = ctx.def.rows.filter((r) => !r.derivedFrom);
  groupBy(printed, (r) => firstParts(r.code, 1)).forEach(([group, rows], gi) => {
    const derived = ctx.def.rows.filter((r) => r.derivedFrom && firstParts(r.code, 1) === group);
    out.push(heading(LETTERS[gi] ?? '', upper(derived[0] ? sectionLabel(derived[0]) : group)));
    const stated = derived.filter((r) => ctx.stated[r.code]);
    if (stated.every((r) => redundant(r, ctx.stated))) derivedRows.push(...stated.map((r) => r.code));
    else out.push(...numberBlock(ctx, derived, `${group}.`, 'dash'));
    groupBy(rows, (r) => firstParts(r.code, 2)).forEach(([section, srows], si) => {
      out.push(heading(ROMAN[si] ?? '', upper(sectionLabel(srows[0] as RowDef))));
      out.push(...numberBlock(ctx, srows, `${section}.`, 'dash'));
    });
  });
  return out;
}

/** TT (seed "6CH"): I/II/III by level, each numbered 1–3 with its grades and KHT reasons. */
function ttRows(ctx: BlockContext, rows: readonly RowDef[]): LayoutRow[] {
  return groupBy(rows, (r) => firstParts(r.code, 1)).flatMap(([level, lrows], i) => [
    heading(ROMAN[i] ?? '', upper(sectionLabel(lrows[0] as RowDef))),
    ...numberBlock(ctx, lrows, `${level}.`, 'dash'),
  ]);
}

/** CN (seed "GDH"): the level's own row carries its totals (I CẤP HUYỆN 64 …), positions 1, 2, …. */
function cnRows(ctx: BlockContext, rows: readonly RowDef[]): LayoutRow[] {
  return groupBy(rows, (r) => firstParts(r.code, 1)).flatMap(([level, lrows], i) => [
    dataRow(ctx, level, ROMAN[i] ?? '', { bold: true }),
    ...numberBlock(ctx, lrows.filter((r) => r.code !== level), `${level}.`, 'dash'),
  ]);
}

/** The printed rows of a form (all but the omitted ones), with the values the document states. */
export function buildFormRows(def: FormDefinition, stated: Readonly<Record<string, Cells>>, options: RowOptions): PrintedRows {
  const ctx: BlockContext = { def, labels: printedRowLabels(def, options), stated };
  const rows = printedDefinitionRows(def, options.omitted);
  const derivedRows: string[] = [];
  const notes = printedNotes(def, options);
  switch (def.code) {
    case 'TC':
      return { rows: tcRows(ctx, derivedRows), derivedRows, notes };
    case 'TT':
      return { rows: ttRows(ctx, rows), derivedRows, notes };
    case 'CN':
      return { rows: cnRows(ctx, rows), derivedRows, notes };
    case 'KD':
      return { rows: numberBlock(ctx, rows, '', 'decimal'), derivedRows, notes };
    case 'DV':
      return { rows: numberBlock(ctx, rows, '', 'dash'), derivedRows, notes };
  }
}
