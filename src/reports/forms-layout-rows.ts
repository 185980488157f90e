/**
 * The printed rows of the forms (seed's annexes; regulations.md §5): section headings ("A. TỔ CHỨC
 * CƠ SỞ ĐẢNG", "I. ĐẢNG BỘ CƠ SỞ"), numbering (1, 2, "-" for a breakdown, 4.1 in the review form),
 * italic "trong đó" rows and the KHT reasons under "Trong đó:" / "Chia ra:". Codes and labels come
 * from the form definitions; only the presentation is decided here.
 */
import type { FormDefinition, RowDef } from '../domain/forms/index.js';
import type { Cells, FormCode } from '../domain/forms/types.js';

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

/** Forms whose row labels repeat their section ("Đảng bộ cơ sở: số có đến cuối năm"): the heading says it. */
const SECTIONED: readonly FormCode[] = ['TC', 'TT'];
/** The line printed above the KHT reasons: FORMS.md §2 "trong đó" (DV), "chia ra" (TT). */
const REASON_NOTES: Partial<Record<FormCode, string>> = { DV: 'Trong đó:', TT: 'Chia ra:' };
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];
const LETTERS = ['A', 'B', 'C', 'D'];

const upper = (s: string) => s.toLocaleUpperCase('vi');
const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
const sectionLabel = (row: RowDef) => row.label.slice(0, Math.max(0, row.label.indexOf(': ')));

/** Row code → label as printed: without the section prefix where a heading carries it. */
export function printedRowLabels(def: FormDefinition): ReadonlyMap<string, string> {
  const strip = SECTIONED.includes(def.code);
  return new Map(def.rows.map((r) => [r.code, strip && r.label.includes(': ') ? capitalise(r.label.slice(r.label.indexOf(': ') + 2)) : r.label]));
}

interface BlockContext {
  def: FormDefinition;
  labels: ReadonlyMap<string, string>;
  stated: Readonly<Record<string, Cells>>;
}

const heading = (stt: string, label: string): LayoutRow => ({ kind: 'heading', stt, label, code: null, bold: true, italic: false, values: null });
const note = (label: string): LayoutRow => ({ kind: 'note', stt: '', label, code: null, bold: false, italic: true, values: null });

function dataRow(ctx: BlockContext, code: string, stt: string, style: { bold?: boolean; italic?: boolean } = {}): LayoutRow {
  return {
    kind: 'data',
    stt,
    label: ctx.labels.get(code) ?? code,
    code,
    bold: style.bold ?? false,
    italic: style.italic ?? false,
    values: ctx.stated[code] ?? null,
  };
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

const firstParts = (code: string, n: number) => code.split('.').slice(0, n).join('.');

/** TC (seed biểu 6A): A/B by kind of organisation, I/II by section; derived totals only when stated. */
function tcRows(ctx: BlockContext): LayoutRow[] {
  const out: LayoutRow[] = [];
  const printed = ctx.def.rows.filter((r) => !r.derivedFrom);
  groupBy(printed, (r) => firstParts(r.code, 1)).forEach(([group, rows], gi) => {
    const derived = ctx.def.rows.filter((r) => r.derivedFrom && firstParts(r.code, 1) === group);
    out.push(heading(LETTERS[gi] ?? '', upper(derived[0] ? sectionLabel(derived[0]) : group)));
    if (derived.some((r) => ctx.stated[r.code])) out.push(...numberBlock(ctx, derived, `${group}.`, 'dash'));
    groupBy(rows, (r) => firstParts(r.code, 2)).forEach(([section, srows], si) => {
      out.push(heading(ROMAN[si] ?? '', upper(sectionLabel(srows[0] as RowDef))));
      out.push(...numberBlock(ctx, srows, `${section}.`, 'dash'));
    });
  });
  return out;
}

/** TT (seed "6CH"): I/II/III by level, each numbered 1–3 with its grades and KHT reasons. */
function ttRows(ctx: BlockContext): LayoutRow[] {
  return groupBy(ctx.def.rows, (r) => firstParts(r.code, 1)).flatMap(([level, rows], i) => [
    heading(ROMAN[i] ?? '', upper(sectionLabel(rows[0] as RowDef))),
    ...numberBlock(ctx, rows, `${level}.`, 'dash'),
  ]);
}

/** CN (seed "GDH"): the level's own row carries its totals (I CẤP HUYỆN 64 …), positions 1, 2, …. */
function cnRows(ctx: BlockContext): LayoutRow[] {
  return groupBy(ctx.def.rows, (r) => firstParts(r.code, 1)).flatMap(([level, rows], i) => [
    dataRow(ctx, level, ROMAN[i] ?? '', { bold: true }),
    ...numberBlock(ctx, rows.filter((r) => r.code !== level), `${level}.`, 'dash'),
  ]);
}

/** The printed rows of a form, with the values the document states. */
export function buildFormRows(def: FormDefinition, stated: Readonly<Record<string, Cells>>): LayoutRow[] {
  const ctx: BlockContext = { def, labels: printedRowLabels(def), stated };
  switch (def.code) {
    case 'TC':
      return tcRows(ctx);
    case 'TT':
      return ttRows(ctx);
    case 'CN':
      return cnRows(ctx);
    case 'KD':
      return numberBlock(ctx, def.rows, '', 'decimal');
    case 'DV':
      return numberBlock(ctx, def.rows, '', 'dash');
  }
}
