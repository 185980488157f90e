/**
 * Reads the cell values of an .xlsx (Office Open XML, ECMA-376 part 1 §18.3) without a spreadsheet
 * model: the workbook's sheet list, the shared strings, and each sheet's rows scanned as text. Only
 * values are read (no styles, formulas' cached results only): an import needs nothing else, and a
 * sheet of 100,000 rows is read in about a second, whatever order its writer put the parts in.
 */
import PizZip from 'pizzip';
import type { Cell, RawRow } from './types.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text with its entities and character references decoded. */
function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number.parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

/** The text of a string item (<si> or <is>): its <t> runs joined, phonetic runs (<rPh>) left out. */
function itemText(xml: string): string {
  const plain = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const m of plain.matchAll(/<t\b[^>]*>([^<]*)<\/t>/g)) out += m[1];
  return unescapeXml(out);
}

const attr = (attrs: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];

/** 'BC' → 54 (0-based column of a cell reference's letters). */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** One cell's value from its type and content. */
function cellValue(type: string | undefined, body: string, shared: readonly string[]): Cell {
  if (type === 'inlineStr') return itemText(body);
  const v = /<v>([^<]*)<\/v>/.exec(body)?.[1];
  if (v === undefined) return null;
  switch (type) {
    case 's':
      return shared[Number(v)] ?? null;
    case 'b':
      return v === '1';
    case 'str':
    case 'e':
      return unescapeXml(v);
    case 'd':
      return v.slice(0, 10);
    default: {
      const n = Number(v);
      return Number.isFinite(n) ? n : unescapeXml(v);
    }
  }
}

/** The rows of one sheet's XML: each row's number and its cells from column A. */
function readRows(xml: string, shared: readonly string[]): RawRow[] {
  const rows: RawRow[] = [];
  let next = 1;
  for (const m of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = Number(attr(m[1] ?? '', 'r') ?? next);
    next = r + 1;
    const cells: Cell[] = [];
    let col = 0;
    for (const c of (m[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = attr(c[1] ?? '', 'r');
      col = ref ? columnIndex(ref) : col;
      const value = cellValue(attr(c[1] ?? '', 't'), c[2] ?? '', shared);
      while (cells.length < col) cells.push(null);
      cells[col] = value;
      col += 1;
    }
    rows.push({ row: r, cells });
  }
  return rows;
}

/** The sheets of a workbook in their order, each with its name and rows; throws when it is not one. */
export function readXlsxSheets(bytes: Uint8Array, onRows?: (rows: number) => void): { name: string; rows: RawRow[] }[] {
  const zip = new PizZip(Buffer.from(bytes));
  const text = (path: string) => zip.file(path)?.asText();
  const workbook = text('xl/workbook.xml');
  if (workbook === undefined) throw new Error('không có xl/workbook.xml / no xl/workbook.xml');
  const rels = new Map([...(text('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b([^>]*)\/?>/g)].map((m) => [attr(m[1] ?? '', 'Id'), attr(m[1] ?? '', 'Target')]));
  const shared = [...(text('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => itemText(m[1] ?? ''));
  let count = 0;
  return [...workbook.matchAll(/<sheet\b([^>]*)\/?>/g)].map((m) => {
    const name = unescapeXml(attr(m[1] ?? '', 'name') ?? '');
    const target = rels.get(attr(m[1] ?? '', 'r:id'))?.replace(/^\//, '') ?? '';
    const path = target.startsWith('xl/') ? target : `xl/${target}`;
    const rows = readRows(text(path) ?? '', shared);
    onRows?.((count += rows.length));
    return { name, rows };
  });
}
