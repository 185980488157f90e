/**
 * The printed layout of the statistical forms (FORMS.md §1–2, seed's annexes): for each form its
 * heading lines, its merged column headers, its numbered-columns row and its rows with section
 * headings and numbering, computed from the form definitions and a form-values document. Pure: the
 * xlsx renderer (src/reports/xlsx/) only paints this model, and the workbook reader rebuilds it to
 * know what a valid sheet must look like.
 */
import type { RuleSetCode } from '../domain/codes.js';
import { DEFAULT_ANNEX_CODES, getFormDefinitions, type FormDefinition } from '../domain/forms/index.js';
import { FORM_CODES, type FormCode, type FormValuesDoc } from '../domain/forms/types.js';
import { buildFormRows, printedRowLabels, type LayoutRow } from './forms-layout-rows.js';
import { issuingBodyOf } from './issuing-body.js';

export type { LayoutRow } from './forms-layout-rows.js';

/** One data column of a printed form, left to right. */
export interface LayoutColumn {
  code: string;
  /** Header texts from the top group down to the column's own label (FORMS.md §1 column tree). */
  path: readonly string[];
  /** The numbered-columns row: "3=4+…+14", "9a", "12b5". */
  number: string;
  /** Width in Excel characters. */
  width: number;
}

/** One cell of the column header, positioned in the grid of header rows × table columns. */
export interface HeaderCell {
  /** 0-based header row. */
  row: number;
  /** 0-based table column: 0 = STT, 1 = row label, 2… = data columns. */
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
}

/** A form as printed. */
export interface FormLayout {
  form: FormCode;
  sheetName: string;
  /** Top-left: the issuing bodies ("ĐẢNG BỘ TỈNH …", "HUYỆN ỦY …"). */
  issuerLines: readonly string[];
  /** Top-right: the Party's name, then "{place}, ngày … tháng … năm …" when a place is given. */
  dateLine: string | null;
  titleLines: readonly string[];
  /**
   * "(Kèm theo Báo cáo số …, ngày … của …)": from the document's report, else with dotted blanks
   * to fill in by hand (the annexes always carry the line, seed 331-BC/HU).
   */
  attachedLine: string;
  subtitle: string | null;
  /** "Biểu số 6A", or null when no code is known for the form. */
  codeLine: string | null;
  headerDepth: number;
  header: readonly HeaderCell[];
  /** Width of the row-label column in Excel characters. */
  labelWidth: number;
  columns: readonly LayoutColumn[];
  rows: readonly LayoutRow[];
}

/** Options of the layout; the wording of the issuing body comes from here, else from the document. */
export interface FormsLayoutOptions {
  doc: FormValuesDoc;
  /** Who issued the report the annexes belong to, e.g. "Ban Thường vụ Huyện ủy". */
  issuer?: string;
  /** The committee printed top-left under the parent body; default issuingBodyOf(unit name) ("Huyện ủy Tam Đường"). */
  issuingBody?: string;
  /** The body above the unit, e.g. "Đảng bộ tỉnh Lai Châu". */
  parentBody?: string;
  /** The place written before the date, e.g. "Tam Đường". */
  place?: string;
}

/**
 * Parents printed as a merged group over their own "Tổng số" and their children (seed biểu 6A, 6B);
 * the exception: in CN "graded" keeps its own column and a heading spans the grades (seed "GDH").
 */
const CHILD_GROUPS: Partial<Record<FormCode, Record<string, string>>> = {
  CN: { graded: 'Kết quả đánh giá, xếp loại chất lượng' },
};
const SUBTITLES: Partial<Record<FormCode, string>> = {
  TC: 'CHIA THEO CÁC LOẠI HÌNH TỔ CHỨC CƠ SỞ ĐẢNG',
  DV: 'CHIA THEO CÁC LOẠI HÌNH TỔ CHỨC CƠ SỞ ĐẢNG',
};

/** Sheet name of a form's page in the workbook. */
export const sheetNameOf = (form: FormCode): string => `Biểu ${form}`;

const upper = (s: string) => s.toLocaleUpperCase('vi');

/** "2023-01-10" → "ngày 10 tháng 01 năm 2023", as Party documents write dates. */
export function viLongDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `ngày ${d} tháng ${m} năm ${y}`;
}

interface ColumnNode {
  code: string;
  label: string;
  children: ColumnNode[];
  /** A "trong đó" column: numbered after its siblings, never in their sum. */
  subset: boolean;
}

/**
 * The printed column tree: a subset column stands beside the column it is part of; a lone `total`
 * root is printed first with its children beside it (seed: Tổng số | Xã | Phường | …). Also returns,
 * for each column that is a sum, the columns it adds.
 */
function columnTree(def: FormDefinition): { roots: ColumnNode[]; sums: Map<string, ColumnNode[]> } {
  const nodes = new Map(def.columns.map((c) => [c.code, { code: c.code, label: c.label, subset: c.subsetOf !== undefined, children: [] } as ColumnNode]));
  let roots: ColumnNode[] = [];
  for (const c of def.columns) {
    const parent = c.parent ?? (c.subsetOf ? def.columns.find((p) => p.code === c.subsetOf)?.parent : null);
    (parent ? (nodes.get(parent)?.children ?? roots) : roots).push(nodes.get(c.code) as ColumnNode);
  }
  const sums = new Map([...nodes.values()].filter((n) => n.children.length).map((n) => [n.code, n.children.filter((k) => !k.subset)]));
  const only = roots.length === 1 ? roots[0] : undefined;
  if (only?.code === 'total') roots = [{ ...only, children: [] }, ...only.children];
  return { roots, sums };
}

const WIDTH = (label: string): number => (label.length > 40 ? 16 : label.length > 20 ? 12 : label.length > 8 ? 9 : 7);

/** Child numbering under "12": 12a, 12b…; under "12a": 12a1, 12a2… (seed: 12 = 12a + 12b + 12c). */
const childSuffix = (parent: string, i: number): string => (/\d$/.test(parent) ? String.fromCharCode(97 + i) : String(i + 1));

/** Numbers the columns as the seed does: STT 1, label 2, then 3, 4, …; sub-columns 9a, 9b, 12b5. */
function numberColumns(roots: readonly ColumnNode[], childGroups: Record<string, string>): Map<string, string> {
  const numbers = new Map<string, string>();
  let counter = 2;
  const children = (n: ColumnNode) => {
    const own = numbers.get(n.code) as string;
    n.children.forEach((c, i) => {
      numbers.set(c.code, childGroups[n.code] ? String(++counter) : `${own}${childSuffix(own, i)}`);
      children(c);
    });
  };
  for (const r of roots) {
    numbers.set(r.code, String(++counter));
    children(r);
  }
  return numbers;
}

/** "3=4+5", "12=12a+12b+12c", "3=4+…+14" (long sums shortened as the seed does). */
function numberText(code: string, numbers: Map<string, string>, sums: Map<string, ColumnNode[]>): string {
  const own = numbers.get(code) as string;
  const parts = (sums.get(code) ?? []).map((c) => numbers.get(c.code) as string);
  if (parts.length === 0) return own;
  return parts.length > 4 ? `${own}=${parts[0]}+…+${parts[parts.length - 1]}` : `${own}=${parts.join('+')}`;
}

/** Lays out the column tree: groups merged over their leaves, leaves merged down to the last header row. */
function placeColumns(def: FormDefinition): { columns: LayoutColumn[]; header: HeaderCell[]; depth: number } {
  const childGroups = CHILD_GROUPS[def.code] ?? {};
  const { roots, sums } = columnTree(def);
  const numbers = numberColumns(roots, childGroups);
  const depthOf = (n: ColumnNode): number => (n.children.length ? 1 + Math.max(...n.children.map(depthOf)) : 0);
  const depth = 1 + Math.max(0, ...roots.map(depthOf));
  const columns: LayoutColumn[] = [];
  const header: HeaderCell[] = [{ row: 0, col: 0, rowSpan: depth, colSpan: 1, text: 'STT' }, { row: 0, col: 1, rowSpan: depth, colSpan: 1, text: ROW_HEADINGS[def.code] }];
  const leaf = (code: string, label: string, level: number, path: readonly string[]) => {
    header.push({ row: level, col: 2 + columns.length, rowSpan: depth - level, colSpan: 1, text: label });
    const number = numberText(code, numbers, sums);
    // Wide enough for the sum in the numbered-columns row ("12a1+12a2+12a3") on its own line.
    const sumWidth = Math.ceil((number.split('=')[1] ?? '').length * 0.8) + 1;
    columns.push({ code, path: [...path, label], number, width: Math.max(WIDTH(label), sumWidth) });
  };
  const place = (n: ColumnNode, level: number, path: readonly string[]): void => {
    if (n.children.length === 0) return leaf(n.code, n.label, level, path);
    const groupLabel = childGroups[n.code];
    if (groupLabel) leaf(n.code, n.label, level, path);
    const text = groupLabel ?? n.label.replace(/\s*\(tổng\)$/, '');
    const start = columns.length;
    if (!groupLabel) leaf(n.code, 'Tổng số', level + 1, [...path, text]);
    for (const c of n.children) place(c, level + 1, [...path, text]);
    header.push({ row: level, col: 2 + start, rowSpan: 1, colSpan: columns.length - start, text });
  };
  for (const r of roots) place(r, 0, []);
  // A form of two or three columns (KD) spreads them over the page rather than leaving it blank.
  if (columns.length <= 3) columns.forEach((c) => (c.width = Math.max(c.width, 16)));
  return { columns, header, depth };
}

/** The row-label column: wide enough for most labels on one line, narrower where many columns follow. */
function labelWidth(rows: readonly LayoutRow[], columnCount: number): number {
  const longest = Math.max(...rows.map((r) => r.label.length));
  return Math.min(Math.max(Math.ceil(longest * 0.85), 30), columnCount <= 3 ? 62 : 44);
}

const ROW_HEADINGS: Record<FormCode, string> = { KD: 'Nội dung', TC: 'Tiêu chí', DV: 'Tiêu chí', TT: 'Tiêu chí', CN: 'Chức danh' };

/** What is left to fill in by hand in the "(Kèm theo …)" line when the document does not say it. */
export const BLANK = '……';

/**
 * "(Kèm theo Báo cáo số 331-BC/HU, ngày 10 tháng 01 năm 2023 của Ban Thường vụ Huyện ủy)"; what the
 * document does not give is left blank to fill in: "(Kèm theo Báo cáo số ……, ngày …… tháng …… năm
 * …… của ……)".
 */
function attachedLine(doc: FormValuesDoc, form: FormCode, issuer: string | undefined): string {
  const meta = doc.forms[form]?.meta;
  const number = doc.report?.number ?? meta?.reportNumberPrinted ?? BLANK;
  const date = doc.report?.date ?? meta?.reportDatePrinted ?? undefined;
  const day = date ? viLongDate(date) : `ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`;
  return `(Kèm theo Báo cáo số ${number}, ${day} của ${issuer ?? BLANK})`;
}

/** The layout of one form: headings from the document and options, columns and rows from the definition. */
export function layoutForm(def: FormDefinition, options: FormsLayoutOptions): FormLayout {
  const { doc } = options;
  const { columns, header, depth } = placeColumns(def);
  const unitName = doc.unit?.name;
  const code = doc.forms[def.code]?.meta?.codePrinted ?? DEFAULT_ANNEX_CODES[def.code] ?? null;
  const title = def.title.replace(/^Thống kê\s+/i, '');
  const rows = buildFormRows(def, doc.forms[def.code]?.rows ?? {});
  return {
    form: def.code,
    sheetName: sheetNameOf(def.code),
    issuerLines: [options.parentBody, options.issuingBody ?? (unitName ? issuingBodyOf(unitName) : undefined)].filter((l): l is string => Boolean(l)).map(upper),
    dateLine: options.place && doc.report?.date ? `${options.place}, ${viLongDate(doc.report.date)}` : null,
    titleLines: ['THỐNG KÊ', `${upper(title)} NĂM ${doc.cycle.year}`],
    attachedLine: attachedLine(doc, def.code, options.issuer ?? (unitName ? issuingBodyOf(unitName) : undefined)),
    subtitle: SUBTITLES[def.code] ?? null,
    codeLine: code ? `Biểu số ${code}` : null,
    headerDepth: depth,
    header,
    labelWidth: labelWidth(rows, columns.length),
    columns,
    rows,
  };
}

/** The layouts of the five forms of the document's rule set, in the order of FORMS.md §2. */
export function layoutForms(options: FormsLayoutOptions): FormLayout[] {
  const defs = getFormDefinitions(options.doc.cycle.ruleSet);
  return FORM_CODES.map((code) => layoutForm(defs[code], options));
}

/** What a valid sheet of `form` must show, whatever its values: columns in order and row labels by code. */
export function expectedSheet(ruleSet: RuleSetCode, form: FormCode): { layout: FormLayout; rowLabels: ReadonlyMap<string, string> } {
  const def = getFormDefinitions(ruleSet)[form];
  const empty: FormValuesDoc = { format: 'form-values/1', cycle: { year: 0, ruleSet }, forms: {}, claims: [] };
  return { layout: layoutForm(def, { doc: empty }), rowLabels: printedRowLabels(def) };
}

