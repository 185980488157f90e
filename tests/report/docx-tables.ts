/**
 * Reads the tables of a generated .docx back as a grid: each row's cells with their text, how many
 * grid columns they span and whether they continue a cell merged from above, so that a test can read
 * a merged header column by column, as a reader sees it.
 */

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
const decode = (t: string) => t.replace(/&(amp|lt|gt|quot|apos);/g, (e) => ENTITIES[e] ?? e);

/** One cell of a table row. */
export interface DocxCell {
  text: string;
  span: number;
  /** True when the cell continues a cell merged down from the row above (w:vMerge without "restart"). */
  continued: boolean;
}

/** One table: its rows, and whether each repeats as a header on every page. */
export interface DocxTable {
  rows: { cells: DocxCell[]; header: boolean }[];
}

/** The text of a cell: its paragraphs joined by a space, line breaks kept as "\n". */
function cellText(xml: string): string {
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => (m[0] === '<w:br/>' ? '\n' : decode(m[1] ?? ''))).join(''))
    .filter((t) => t.length > 0)
    .join(' ');
}

/** The tables of a document.xml, in order (tables nested in tables are not read). */
export function docxTables(xml: string): DocxTable[] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) => ({
    rows: [...(t[1] ?? '').matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) => ({
      header: (r[1] ?? '').includes('<w:tblHeader/>'),
      cells: [...(r[1] ?? '').matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => {
        const body = c[1] ?? '';
        return {
          text: cellText(body),
          span: Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(body)?.[1] ?? 1),
          continued: /<w:vMerge\/>/.test(body),
        };
      }),
    })),
  }));
}

/** The grid column each cell starts at, row by row. */
function placed(row: { cells: DocxCell[] }): { col: number; cell: DocxCell }[] {
  let col = 0;
  return row.cells.map((cell) => {
    const at = { col, cell };
    col += cell.span;
    return at;
  });
}

/** The numbered-columns row ("1", "2", "3=4+…+14", …) among the header rows, if the table has one. */
export function numbersRow(table: DocxTable): { cells: DocxCell[] } | undefined {
  return table.rows.find((r) => r.header && r.cells[0]?.text === '1' && r.cells[1]?.text === '2');
}

/** What a reader sees above grid column `col` in the header rows (not the numbered row): each label from top to bottom. */
export function headerPath(table: DocxTable, col: number): string[] {
  const path: string[] = [];
  const numbers = numbersRow(table);
  for (const row of table.rows.filter((r) => r.header && r !== numbers)) {
    const hit = placed(row).find((p) => p.col <= col && col < p.col + p.cell.span);
    if (hit && !hit.cell.continued && hit.cell.text !== '') path.push(hit.cell.text);
  }
  return path;
}

/** The texts of a row by grid column (a spanning cell counted at its first column). */
export function rowTexts(row: { cells: DocxCell[] }): string[] {
  return row.cells.map((c) => c.text);
}
