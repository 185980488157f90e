/**
 * The annexes of the report as tables (GUIDE.md §5 "then the annexes"): one per form, carrying the
 * report's number and date ("Kèm theo Báo cáo số …", seed 331-BC/HU), rows and columns from the
 * form definitions as the workbook lays them out (section headings, numbering, "trong đó" rows), with
 * the numbered-columns row, and without the all-zero sections the unit has nothing of (HD 36 annexes
 * carry only what applies: no CẤP TỈNH in a district's report). Forms TC and DV have ~25 type columns; a page holds the total and
 * eight top-level types, so types beyond eight are folded into one "other types" column.
 */
import type { Level, RuleSetCode } from '../domain/codes.js';
import { DEFAULT_ANNEX_CODES, FORM_CODES, getFormDefinitions, type ColumnDef, type FormCode, type FormValuesDoc } from '../domain/forms/index.js';
import { formatViInteger } from '../domain/format/index.js';
import { layoutForms, type FormLayout, type LayoutRow } from './forms-layout.js';
import type { AnnexTable } from './report-types.js';

/** Forms whose annex ends with an empty "Ghi chú" column, as the seed's KD and CN annexes do. */
export const ANNEX_NOTES: ReadonlySet<FormCode> = new Set<FormCode>(['KD', 'CN']);

/** Value columns per annex shape: KD 2, TT and CN 7, TC and DV 9 (total + 8 types). */
export const ANNEX_WIDTH: Record<FormCode, number> = { KD: 2, TT: 7, CN: 7, TC: 9, DV: 9 };

interface Col {
  label: string;
  codes: string[];
}

/** Total plus eight top-level type columns: those with data first, the rest folded into "Loại hình khác (gộp)". */
function typeColumns(columns: readonly ColumnDef[], rows: FormValuesDoc['forms']['TC']): Col[] {
  const top = columns.filter((c) => c.parent === 'total');
  const hasData = (code: string) => Object.values(rows?.rows ?? {}).some((cells) => (cells[code] ?? 0) > 0);
  const withData = top.filter((c) => hasData(c.code));
  const without = top.filter((c) => !hasData(c.code));
  const slots = 8;
  let chosen: Col[];
  if (withData.length > slots) {
    const rest = withData.slice(slots - 1);
    chosen = [...withData.slice(0, slots - 1).map((c) => ({ label: c.label, codes: [c.code] })), { label: 'Loại hình khác (gộp)', codes: rest.map((c) => c.code) }];
  } else {
    const keep = new Set([...withData, ...without.slice(0, slots - withData.length)].map((c) => c.code));
    chosen = top.filter((c) => keep.has(c.code)).map((c) => ({ label: c.label, codes: [c.code] }));
  }
  return [{ label: 'Tổng số', codes: ['total'] }, ...chosen];
}

function columnsOf(form: FormCode, doc: FormValuesDoc, columns: readonly ColumnDef[]): Col[] {
  if (form === 'TC' || form === 'DV') return typeColumns(columns, doc.forms[form]);
  return columns.filter((c) => !c.subsetOf).map((c) => ({ label: c.label, codes: [c.code] }));
}

/** The numbered-columns row of the annex (seed: "1, 2, 3=4+…+11"): STT is 1, the label 2, values from 3. */
function columnNumbers(cols: readonly Col[], defs: readonly ColumnDef[]): string[] {
  const parentOf = new Map(defs.map((d) => [d.code, d.subsetOf ? undefined : d.parent]));
  return cols.map((c, i) => {
    const own = String(3 + i);
    const only = c.codes.length === 1 ? c.codes[0] : undefined;
    const parts = only === undefined ? [] : cols.flatMap((k, j) => (k.codes.every((code) => parentOf.get(code) === only) ? [String(3 + j)] : []));
    if (parts.length === 0) return own;
    return parts.length > 4 ? `${own}=${parts[0]}+…+${parts[parts.length - 1]}` : `${own}=${parts.join('+')}`;
  });
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];
const LEVEL_RANK: Record<string, number> = { tinh: 3, huyen: 2, co_so: 1 };
const isRoman = (stt: string) => /^[IVX]+$/.test(stt);

/**
 * Whether an all-zero section does not apply to the reporting unit: a level above its own (CẤP TỈNH in
 * a district's report, TT/CN) or a kind of organisation it has none of (TC: Đảng bộ bộ phận).
 */
function notApplicable(form: FormCode, firstCode: string, level: Level): boolean {
  if (form === 'TC') return true;
  const rank = LEVEL_RANK[firstCode.split('.')[0] ?? ''];
  return (form === 'TT' || form === 'CN') && rank !== undefined && rank > (LEVEL_RANK[level] ?? 0);
}

/** Rows of the printed layout, without the all-zero sections that do not apply; roman numbers renumbered. */
function annexRows(layout: FormLayout, level: Level): LayoutRow[] {
  const blocks: LayoutRow[][] = [];
  for (const r of layout.rows) {
    const last = blocks[blocks.length - 1];
    if (!last || isRoman(r.stt) || (r.kind === 'heading' && /^[A-Z]$/.test(r.stt))) blocks.push([r]);
    else last.push(r);
  }
  const out: LayoutRow[] = [];
  let roman = 0;
  for (const block of blocks) {
    const head = block[0] as LayoutRow;
    if (!isRoman(head.stt)) {
      roman = 0;
      out.push(...block);
      continue;
    }
    const zero = block.every((r) => Object.values(r.values ?? {}).every((v) => v === 0));
    const first = block.find((r) => r.code !== null)?.code ?? '';
    if (zero && notApplicable(layout.form, first, level)) continue;
    out.push({ ...head, stt: ROMAN[roman] ?? head.stt }, ...block.slice(1));
    roman += 1;
  }
  return out;
}

/** The annex tables of every form the document states, laid out as the workbook (src/reports/forms-layout.ts). */
export function buildAnnexes(args: { doc: FormValuesDoc; ruleSet: RuleSetCode; attached: string; level: Level }): AnnexTable[] {
  const defs = getFormDefinitions(args.ruleSet);
  const layouts = new Map(layoutForms({ doc: args.doc }).map((l) => [l.form, l]));
  const out: AnnexTable[] = [];
  for (const form of FORM_CODES) {
    const layout = layouts.get(form);
    if (!args.doc.forms[form] || !layout) continue;
    const def = defs[form];
    const cols = columnsOf(form, args.doc, def.columns);
    const rows = annexRows(layout, args.level).map((r) => ({
      stt: r.stt,
      label: r.label,
      values: cols.map((c) => (r.values ? formatViInteger(c.codes.reduce((sum, code) => sum + (r.values?.[code] ?? 0), 0)) : '')),
      bold: r.bold,
      italic: r.italic && !r.bold,
    }));
    out.push({
      form,
      code: DEFAULT_ANNEX_CODES[form] ?? null,
      title: layout.titleLines[1] ?? def.title.toLocaleUpperCase('vi'),
      // The workbook's heading of the label column (forms-layout.ts ROW_HEADINGS), read from its layout.
      labelHeading: layout.header.find((c) => c.row === 0 && c.col === 1)?.text ?? 'Tiêu chí',
      notes: ANNEX_NOTES.has(form),
      attached: args.attached,
      headers: cols.map((c) => c.label),
      numbers: columnNumbers(cols, def.columns),
      rows,
    });
  }
  return out;
}
