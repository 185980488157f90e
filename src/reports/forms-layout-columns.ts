/**
 * The printed columns of a form (FORMS.md §1 column tree; seed's annexes 6A, 6B, GDH, 6CH): merged
 * group headers over their own "Tổng số" and their children, two and three levels deep, and the
 * numbered-columns row as the seed numbers it — STT 1, label 2, then 3, 4, …; sub-columns 9a, 9b,
 * 12a1; a sum written "3=4+…+14", "12=12a+12b+12c".
 */
import type { FormDefinition } from '../domain/forms/index.js';
import type { FormCode } from '../domain/forms/types.js';
import { FORM_PRINT } from './forms-print.js';

/** One data column of a printed form, left to right. */
export interface PlacedColumn {
  code: string;
  /** Header texts from the top group down to the column's own label (FORMS.md §1 column tree). */
  path: readonly string[];
  /** The numbered-columns row: "3=4+…+14", "9a", "12b5". */
  number: string;
  /** The header label printed in the column's own (lowest) header cell. */
  label: string;
}

/** One cell of the column header, positioned in the grid of header rows × table columns. */
export interface HeaderCell {
  /** 0-based header row. */
  row: number;
  /** 0-based table column: 0 = STT, 1 = row label, 2… = data columns, then the "Ghi chú" column. */
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
}

/**
 * Parents printed as a merged group over their own "Tổng số" and their children (seed biểu 6A, 6B);
 * the exception: in CN "graded" keeps its own column and a heading spans the grades (seed "GDH").
 */
const CHILD_GROUPS: Partial<Record<FormCode, Record<string, string>>> = {
  CN: { graded: 'Kết quả đánh giá, xếp loại chất lượng' },
};

/** The heading of the "Ghi chú" column (seed KD, GDH). */
export const NOTES_HEADING = 'Ghi chú';

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

/**
 * The columns each sum column adds, by code (`total` → the top-level types, `dvsn` → công lập and
 * ngoài công lập; a "trong đó" column is never added): what the workbook's total formulas add.
 */
export function columnSums(def: FormDefinition): ReadonlyMap<string, readonly string[]> {
  return new Map([...columnTree(def).sums].map(([code, parts]) => [code, parts.map((p) => p.code)]));
}

/** Child numbering under "12": 12a, 12b…; under "12a": 12a1, 12a2… (seed: 12 = 12a + 12b + 12c). */
const childSuffix = (parent: string, i: number): string => (/\d$/.test(parent) ? String.fromCharCode(97 + i) : String(i + 1));

/** Numbers the columns as the seed does: STT 1, label 2, then 3, 4, …; sub-columns 9a, 9b, 12b5. */
function numberColumns(roots: readonly ColumnNode[], childGroups: Record<string, string>): { numbers: Map<string, string>; last: number } {
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
  return { numbers, last: counter };
}

/** "3=4+5", "12=12a+12b+12c", "3=4+…+14" (long sums shortened as the seed does); "3" for a plain-numbered column. */
function numberText(code: string, numbers: Map<string, string>, sums: Map<string, ColumnNode[]>, plain: readonly string[]): string {
  const own = numbers.get(code) as string;
  const parts = plain.includes(code) ? [] : (sums.get(code) ?? []).map((c) => numbers.get(c.code) as string);
  if (parts.length === 0) return own;
  return parts.length > 4 ? `${own}=${parts[0]}+…+${parts[parts.length - 1]}` : `${own}=${parts.join('+')}`;
}

/** Lays out the column tree: groups merged over their leaves, leaves merged down to the last header row. */
export function placeColumns(def: FormDefinition): { columns: PlacedColumn[]; header: HeaderCell[]; depth: number; notesNumber: string | null } {
  const print = FORM_PRINT[def.code];
  const childGroups = CHILD_GROUPS[def.code] ?? {};
  const { roots, sums } = columnTree(def);
  const { numbers, last } = numberColumns(roots, childGroups);
  const depthOf = (n: ColumnNode): number => (n.children.length ? 1 + Math.max(...n.children.map(depthOf)) : 0);
  const depth = 1 + Math.max(0, ...roots.map(depthOf));
  const columns: PlacedColumn[] = [];
  const header: HeaderCell[] = [
    { row: 0, col: 0, rowSpan: depth, colSpan: 1, text: 'STT' },
    { row: 0, col: 1, rowSpan: depth, colSpan: 1, text: print.labelHeading },
  ];
  const leaf = (code: string, label: string, level: number, path: readonly string[]) => {
    header.push({ row: level, col: 2 + columns.length, rowSpan: depth - level, colSpan: 1, text: label });
    columns.push({ code, path: [...path, label], number: numberText(code, numbers, sums, print.plainNumbers), label });
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
  if (print.notesColumn) header.push({ row: 0, col: 2 + columns.length, rowSpan: depth, colSpan: 1, text: NOTES_HEADING });
  return { columns, header, depth, notesNumber: print.notesColumn ? String(last + 1) : null };
}
