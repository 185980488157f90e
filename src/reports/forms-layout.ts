/**
 * The printed layout of the statistical forms (FORMS.md §1–2, seed's annexes): for each form its
 * heading lines, its merged column headers, its numbered-columns row, its rows with section headings
 * and numbering, the notes under it, the column widths and the paper it needs — computed from the
 * form definitions, how the seed prints each form (forms-print.ts) and a form-values document. Pure,
 * and the one layout both the report's .docx annexes (src/reports/docx/annex-table.ts) and the .xlsx
 * workbook (src/reports/xlsx/) paint; the workbook reader rebuilds it to know what a valid sheet
 * must look like.
 */
import type { Level, RuleSetCode, UnitKind } from '../domain/codes.js';
import { DEFAULT_ANNEX_CODES, getFormDefinitions, type FormDefinition } from '../domain/forms/index.js';
import { FORM_CODES, type FormCode, type FormValuesDoc } from '../domain/forms/types.js';
import { NOTES_HEADING, placeColumns, type HeaderCell, type PlacedColumn } from './forms-layout-columns.js';
import { buildFormRows, omittedRows, printedRowLabels, type LayoutRow } from './forms-layout-rows.js';
import { FORM_PRINT, numbersFontSize } from './forms-print.js';
import { sizeTable, type PageSetup } from './forms-layout-size.js';
import { issuingBodyOf } from './issuing-body.js';
import { numberAsPrinted } from './report-settings.js';

export type { LayoutRow } from './forms-layout-rows.js';
export type { HeaderCell } from './forms-layout-columns.js';
export type { PageSetup } from './forms-layout-size.js';

/** One data column of a printed form, left to right, with its printed width. */
export interface LayoutColumn extends PlacedColumn {
  /** Width in millimetres. */
  widthMm: number;
  /** The numbered-columns row's text broken into the lines the column holds ("12a=", "12a1+12a2+12a3"). */
  numberLines: readonly string[];
}

/** The empty "Ghi chú" column at the table's right (seed: KD, GDH). */
export interface NotesColumn {
  heading: string;
  /** Its number in the numbered-columns row ("10"), or null when the table has no such row. */
  number: string | null;
  widthMm: number;
}

/** A form as printed. */
export interface FormLayout {
  form: FormCode;
  sheetName: string;
  /** Top-left: the issuing bodies ("ĐẢNG BỘ TỈNH LAI CHÂU", "HUYỆN ỦY TAM ĐƯỜNG"), as the seed's annexes head them. */
  issuerLines: readonly string[];
  /** Bold lines: "THỐNG KÊ", the title (with the year unless `yearLine` carries it). */
  titleLines: readonly string[];
  /** "Năm 2022" on a line of its own under the title (seed biểu 6B), else null. */
  yearLine: string | null;
  /**
   * "(Kèm theo Báo cáo số …, ngày … của …)": from the document's report, else with dotted blanks
   * to fill in by hand (the annexes always carry the line, seed 331-BC/HU).
   */
  attachedLine: string;
  /** "Biểu số 6A", or null when no code is known for the form. */
  codeLine: string | null;
  subtitle: string | null;
  headerDepth: number;
  header: readonly HeaderCell[];
  /** Whether the numbered-columns row is printed under the header (seed: all but KD). */
  numbered: boolean;
  sttWidthMm: number;
  labelWidthMm: number;
  columns: readonly LayoutColumn[];
  notesColumn: NotesColumn | null;
  rows: readonly LayoutRow[];
  /** Derived rows the document states but the table does not print: their parts add up to them. */
  derivedRows: readonly string[];
  /** "Ghi chú:" lines under the table ("(1) Ủy viên BTV các huyện, …"), empty when none. */
  footnotes: readonly string[];
  /** Font size of the table in points, of its column header, and of its numbered-columns row. */
  fontSize: number;
  headerFontSize: number;
  numbersFontSize: number;
  page: PageSetup;
  /** The reporting unit's level (null: not told), and the rows it leaves out: sections above it that hold only zeros. */
  level: Level | null;
  omittedRows: readonly string[];
}

/** Options of the layout; the wording of the issuing body comes from here, else from the document. */
export interface FormsLayoutOptions {
  doc: FormValuesDoc;
  /** Who issued the report the annexes belong to, after "của": the report's signer, e.g. "Ban Thường vụ Huyện ủy". */
  issuer?: string;
  /** The committee printed top-left under the parent body; default issuingBodyOf(unit name) ("Huyện ủy Tam Đường"). */
  issuingBody?: string;
  /** The body above the unit, e.g. "Đảng bộ tỉnh Lai Châu". */
  parentBody?: string;
  /** The reporting unit's level: sections that cannot exist there are left out. Default: every section. */
  level?: Level | null;
}

/** Sheet name of a form's page in the workbook. */
export const sheetNameOf = (form: FormCode): string => `Biểu ${form}`;

const upper = (s: string) => s.toLocaleUpperCase('vi');

/** "2023-01-10" → "ngày 10 tháng 01 năm 2023", as Party documents write dates. */
export function viLongDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `ngày ${d} tháng ${m} năm ${y}`;
}

/** The level whose collectives and leaders a unit of this kind reports (TT, CN sections). */
export function levelOfUnitKind(kind: UnitKind): Level {
  return kind === 'province_committee' ? 'tinh' : kind === 'district_committee' ? 'huyen' : 'co_so';
}

/** What is left to fill in by hand in the "(Kèm theo …)" line when the document does not say it. */
export const BLANK = '……';

/**
 * "(Kèm theo Báo cáo số 331-BC/HU, ngày 10 tháng 01 năm 2023 của Ban Thường vụ Huyện ủy)"; what the
 * document does not give is left blank to fill in: "(Kèm theo Báo cáo số ……, ngày …… tháng …… năm
 * …… của ……)".
 */
function attachedLine(doc: FormValuesDoc, form: FormCode, issuer: string | undefined): string {
  const meta = doc.forms[form]?.meta;
  const stated = doc.report?.number ?? meta?.reportNumberPrinted;
  const number = stated ? numberAsPrinted(stated, BLANK) : BLANK;
  const date = doc.report?.date ?? meta?.reportDatePrinted ?? undefined;
  const day = date ? viLongDate(date) : `ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`;
  return `(Kèm theo Báo cáo số ${number}, ${day} của ${issuer ?? BLANK})`;
}

/** The layout of one form: headings from the document and options, columns and rows from the definition. */
export function layoutForm(def: FormDefinition, options: FormsLayoutOptions): FormLayout {
  const { doc } = options;
  const print = FORM_PRINT[def.code];
  const level = options.level ?? null;
  const placed = placeColumns(def);
  const unitName = doc.unit?.name;
  const code = doc.forms[def.code]?.meta?.codePrinted ?? DEFAULT_ANNEX_CODES[def.code] ?? null;
  const title = upper(def.title.replace(/^Thống kê\s+/i, ''));
  const stated = doc.forms[def.code]?.rows ?? {};
  const omitted = omittedRows(def, stated, level);
  const printed = buildFormRows(def, stated, { ruleSet: doc.cycle.ruleSet, omitted: new Set(omitted) });
  const size = sizeTable({ columns: placed.columns, rows: printed.rows, print, notes: print.notesColumn });
  return {
    form: def.code,
    sheetName: sheetNameOf(def.code),
    issuerLines: [options.parentBody, options.issuingBody ?? (unitName ? issuingBodyOf(unitName) : undefined)].filter((l): l is string => Boolean(l)).map(upper),
    titleLines: ['THỐNG KÊ', print.yearOnOwnLine ? title : `${title} NĂM ${doc.cycle.year}`],
    yearLine: print.yearOnOwnLine ? `Năm ${doc.cycle.year}` : null,
    attachedLine: attachedLine(doc, def.code, options.issuer ?? (unitName ? issuingBodyOf(unitName) : undefined)),
    codeLine: code ? `Biểu số ${code}` : null,
    subtitle: print.subtitle,
    headerDepth: placed.depth,
    header: placed.header,
    numbered: print.numbered,
    sttWidthMm: size.sttMm,
    labelWidthMm: size.labelMm,
    columns: placed.columns.map((c, i) => ({ ...c, widthMm: size.columnsMm[i] ?? 0, numberLines: size.numberLines[i] ?? [c.number] })),
    notesColumn: print.notesColumn ? { heading: NOTES_HEADING, number: print.numbered ? placed.notesNumber : null, widthMm: size.notesMm } : null,
    rows: printed.rows,
    derivedRows: printed.derivedRows,
    footnotes: printed.notes,
    fontSize: size.fontSize,
    headerFontSize: size.headerFontSize,
    numbersFontSize: Math.max(9, Math.min(numbersFontSize(print), size.fontSize)),
    page: size.page,
    level,
    omittedRows: omitted,
  };
}

/** The layouts of the five forms of the document's rule set, in the order of FORMS.md §2. */
export function layoutForms(options: FormsLayoutOptions): FormLayout[] {
  const defs = getFormDefinitions(options.doc.cycle.ruleSet);
  return FORM_CODES.map((code) => layoutForm(defs[code], options));
}

/**
 * What a valid sheet of `form` must show, whatever its values: columns in order, the printed row
 * labels by code, and the rows printed (all but the `omitted` ones, which the workbook names).
 */
export function expectedSheet(ruleSet: RuleSetCode, form: FormCode, omitted: readonly string[] = []): { layout: FormLayout; rowLabels: ReadonlyMap<string, string> } {
  const def = getFormDefinitions(ruleSet)[form];
  const set = new Set(omitted);
  const empty: FormValuesDoc = { format: 'form-values/1', cycle: { year: 0, ruleSet }, forms: {}, claims: [] };
  const layout = layoutForm(def, { doc: empty });
  const printed = buildFormRows(def, {}, { ruleSet, omitted: set });
  return { layout: { ...layout, rows: printed.rows, omittedRows: [...set] }, rowLabels: printedRowLabels(def, { ruleSet, omitted: set }) };
}
