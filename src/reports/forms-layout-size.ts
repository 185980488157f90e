/**
 * Sizes a printed form: column widths from what each column must hold (the longest word of its
 * header, its widest number, a piece of its number "12b1+"), the paper it needs and the font. A4
 * landscape when the table fits it at its font, else A3 landscape; only when even A3 is too narrow
 * does the font step down, and never under 9 pt (issue 13: the forms print at 9 pt or more). The
 * same widths serve the report's .docx annexes and the workbook.
 */
import { formatViInteger } from '../domain/format/index.js';
import type { PlacedColumn } from './forms-layout-columns.js';
import type { LayoutRow } from './forms-layout-rows.js';
import { numbersFontSize, type FormPrint } from './forms-print.js';
import { textWidthMm, widestWordMm } from './text-measure.js';

/** The page a form prints on (landscape), its size and margins in millimetres. */
export interface PageSetup {
  paper: 'A4' | 'A3';
  orientation: 'landscape';
  widthMm: number;
  heightMm: number;
  margins: { top: number; right: number; bottom: number; left: number };
}

/** Landscape pages, and the annexes' margins (the report template's annex section: 20/15/15/20 mm). */
export const PAPERS: Readonly<Record<PageSetup['paper'], { widthMm: number; heightMm: number }>> = {
  A4: { widthMm: 297, heightMm: 210 },
  A3: { widthMm: 420, heightMm: 297 },
};
export const MARGINS_MM = { top: 20, right: 15, bottom: 15, left: 20 } as const;

/** What a cell adds around its text: the renderers' cell margins (0.8 mm a side) and a safety allowance. */
export const CELL_PAD_MM = 2.4;
/** The smallest text the forms print, in points. */
export const MIN_FONT_PT = 9;

const printable = (paper: PageSetup['paper']) => PAPERS[paper].widthMm - MARGINS_MM.left - MARGINS_MM.right;

interface SizeInput {
  columns: readonly PlacedColumn[];
  rows: readonly LayoutRow[];
  print: FormPrint;
  notes: boolean;
}

/** The sized table. */
export interface SizedTable {
  fontSize: number;
  headerFontSize: number;
  page: PageSetup;
  sttMm: number;
  labelMm: number;
  notesMm: number;
  columnsMm: number[];
  numberLines: string[][];
}

/** The header's font size at a table font of `pt`: the form's, never above the table's nor under 9 pt. */
export const headerFont = (print: FormPrint, pt: number): number => Math.max(MIN_FONT_PT, Math.min(print.headerFontSize, pt));

/** The pieces a number may break into: "12b=" "12b1+" "…+" "12b5". */
const numberTokens = (n: string): string[] => n.match(/[^=+]+[=+]?/g) ?? [n];

/** Packs a number's pieces into lines no wider than `widthMm`: whole, else broken after "=" first ("3=" / "4+…+14"). */
function packNumber(n: string, widthMm: number, pt: number): string[] {
  if (textWidthMm(n, pt) <= widthMm) return [n];
  const [own = n, ...rest] = numberTokens(n);
  const lines: string[] = [own];
  for (const token of rest) {
    const last = lines.length > 1 ? lines[lines.length - 1] : undefined;
    if (last !== undefined && textWidthMm(last + token, pt) <= widthMm) lines[lines.length - 1] = last + token;
    else lines.push(token);
  }
  return lines;
}

interface Needs {
  sttMm: number;
  labelMin: number;
  labelIdeal: number;
  notesMin: number;
  notesIdeal: number;
  columnMin: number[];
  columnIdeal: number[];
}

/** What each column needs at font size `pt`, and what it would like. */
function needs(input: SizeInput, pt: number): Needs {
  const numberPt = Math.min(numbersFontSize(input.print), pt);
  const headerPt = headerFont(input.print, pt);
  const dataRows = input.rows.filter((r) => r.values);
  const columnMin = input.columns.map((c) => {
    const values = dataRows.map((r) => {
      const v = r.values?.[c.code];
      return v === undefined ? 0 : textWidthMm(formatViInteger(v), pt, true);
    });
    const pieces = numberTokens(c.number).map((t) => textWidthMm(t, numberPt));
    // A short sum keeps its line ("4+…+14" under "3="); a long one breaks at its "+".
    const sumPart = textWidthMm(c.number.slice(c.number.indexOf('=') + 1), numberPt);
    if (sumPart <= 14) pieces.push(sumPart);
    return Math.max(widestWordMm(c.label, headerPt, true), ...values, ...pieces, 4) + CELL_PAD_MM;
  });
  const wide = input.columns.length > 3;
  // Many type columns (TC, DV) share an A3 page; the seven of TT (long headers) and CN (beside its
  // "Ghi chú") spread over A4; KD's two are wide.
  const ideal = input.columns.length > 8 ? 14 : wide ? (input.notes ? 22 : 25) : 34;
  const labels = input.rows.map((r) => r.label);
  const longest = Math.max(...labels.map((l) => textWidthMm(l, pt, true)));
  const labelMin = Math.max(40, ...labels.map((l) => widestWordMm(l, pt, true) + CELL_PAD_MM));
  const stt = Math.max(...input.rows.map((r) => textWidthMm(r.stt, pt, true)), textWidthMm('STT', pt, true));
  return {
    sttMm: Math.max(9, stt + CELL_PAD_MM),
    labelMin,
    // With many columns, every label on one line keeps the long table on fewer pages; with few, the columns come first.
    labelIdeal: Math.max(labelMin, input.columns.length > 8 ? Math.min(longest + CELL_PAD_MM, 80) : Math.min(longest / 2 + CELL_PAD_MM, 130)),
    notesMin: input.notes ? Math.max(16, widestWordMm('Ghi chú', headerPt, true) + CELL_PAD_MM) : 0,
    notesIdeal: input.notes ? (wide ? 24 : 36) : 0,
    columnMin,
    columnIdeal: columnMin.map((m) => Math.max(m, ideal)),
  };
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/** Spreads the room left after the minimums: the label to its ideal, the notes, the columns, then the label again. */
function spread(n: Needs, room: number): { labelMm: number; notesMm: number; columnsMm: number[] } {
  let left = room - n.sttMm - n.labelMin - n.notesMin - sum(n.columnMin);
  const grow = (have: number, want: number) => {
    const add = Math.max(0, Math.min(left, want - have));
    left -= add;
    return have + add;
  };
  let labelMm = grow(n.labelMin, n.labelIdeal);
  const notesMm = grow(n.notesMin, n.notesIdeal);
  const wanted = sum(n.columnIdeal) - sum(n.columnMin);
  const share = wanted > 0 ? Math.min(1, left / wanted) : 0;
  const columnsMm = n.columnMin.map((m, i) => m + ((n.columnIdeal[i] ?? m) - m) * share);
  left -= wanted * share;
  labelMm = grow(labelMm, 130);
  return { labelMm, notesMm, columnsMm };
}

/** Sizes the table: the first of A4 and A3 (landscape) it fits at its font, else A3 at a smaller font, never under 9 pt. */
export function sizeTable(input: SizeInput): SizedTable {
  const tries: [PageSetup['paper'], number][] = [['A4', input.print.fontSize]];
  for (let pt = input.print.fontSize; pt >= MIN_FONT_PT; pt--) tries.push(['A3', pt]);
  const fits = tries.find(([paper, pt]) => {
    const n = needs(input, pt);
    return n.sttMm + n.labelMin + n.notesMin + sum(n.columnMin) <= printable(paper);
  });
  const [paper, pt] = fits ?? ['A3', MIN_FONT_PT];
  const n = needs(input, pt);
  const room = printable(paper);
  const total = n.sttMm + n.labelMin + n.notesMin + sum(n.columnMin);
  // Wider than A3 even at 9 pt (a form of very large numbers): every column shrinks alike.
  const squeeze = total > room ? room / total : 1;
  const widths = squeeze < 1 ? { labelMm: n.labelMin * squeeze, notesMm: n.notesMin * squeeze, columnsMm: n.columnMin.map((m) => m * squeeze) } : spread(n, room);
  const numberPt = Math.min(numbersFontSize(input.print), pt);
  return {
    fontSize: pt,
    headerFontSize: headerFont(input.print, pt),
    page: { paper, orientation: 'landscape', ...PAPERS[paper], margins: { ...MARGINS_MM } },
    sttMm: n.sttMm * squeeze,
    ...widths,
    numberLines: input.columns.map((c, i) => packNumber(c.number, (widths.columnsMm[i] ?? 0) - CELL_PAD_MM, numberPt)),
  };
}
