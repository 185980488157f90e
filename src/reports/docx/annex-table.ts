/**
 * An annex's table as WordprocessingML, painted from the shared layout (src/reports/forms-layout.ts)
 * exactly as the workbook paints its sheet: the merged column header (gridSpan across, vMerge down),
 * the numbered-columns row, the rows with their headings and numbering, the empty "Ghi chú" column.
 * The header rows repeat on every page (tblHeader) and no row splits across pages. The template
 * places it with the raw tag `{@table}` inside its `{#annexes}` loop.
 */
import { formatViInteger } from '../../domain/format/index.js';
import type { FormLayout, LayoutRow } from '../forms-layout.js';

const TWIPS_PER_MM = 1440 / 25.4;
const twips = (mm: number) => Math.round(mm * TWIPS_PER_MM);
/** Cell margins left and right (0.8 mm a side: forms-layout-size.ts counts them). */
const CELL_MARGIN = twips(0.8);
const FONT = 'Times New Roman';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface RunStyle {
  size: number;
  bold?: boolean;
  italic?: boolean;
}

/** A run of text; "\n" becomes a line break. */
function run(text: string, s: RunStyle): string {
  const props = `<w:rPr><w:rFonts w:ascii="${FONT}" w:hAnsi="${FONT}" w:cs="${FONT}"/>${s.bold ? '<w:b/><w:bCs/>' : ''}${s.italic ? '<w:i/><w:iCs/>' : ''}<w:sz w:val="${s.size * 2}"/><w:szCs w:val="${s.size * 2}"/></w:rPr>`;
  const parts = text.split('\n').map((t) => `<w:t xml:space="preserve">${escape(t)}</w:t>`);
  return `<w:r>${props}${parts.join('<w:br/>')}</w:r>`;
}

function paragraph(text: string, s: RunStyle & { align: 'left' | 'center'; indentMm?: number }): string {
  const indent = s.indentMm ? `<w:ind w:left="${twips(s.indentMm)}"/>` : '';
  return `<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>${indent}<w:jc w:val="${s.align}"/></w:pPr>${text === '' ? '' : run(text, s)}</w:p>`;
}

interface CellSpec {
  widthMm: number;
  body: string;
  gridSpan?: number;
  vMerge?: 'restart' | 'continue';
}

function cell(c: CellSpec): string {
  const span = c.gridSpan && c.gridSpan > 1 ? `<w:gridSpan w:val="${c.gridSpan}"/>` : '';
  const merge = c.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : c.vMerge === 'continue' ? '<w:vMerge/>' : '';
  return `<w:tc><w:tcPr><w:tcW w:w="${twips(c.widthMm)}" w:type="dxa"/>${span}${merge}<w:vAlign w:val="center"/></w:tcPr>${c.body}</w:tc>`;
}

function row(cells: string[], header: boolean): string {
  return `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>${cells.join('')}</w:tr>`;
}

/** Widths of the table's columns in millimetres, STT first, the "Ghi chú" column last. */
function widths(layout: FormLayout): number[] {
  return [layout.sttWidthMm, layout.labelWidthMm, ...layout.columns.map((c) => c.widthMm), ...(layout.notesColumn ? [layout.notesColumn.widthMm] : [])];
}

/** The header rows: each header cell placed where it starts, continued (vMerge) in the rows below it. */
function headerRows(layout: FormLayout, w: readonly number[]): string[] {
  const rows: string[] = [];
  for (let r = 0; r < layout.headerDepth; r++) {
    const cells: string[] = [];
    for (let c = 0; c < w.length; ) {
      const h = layout.header.find((x) => x.col === c && x.row <= r && r < x.row + x.rowSpan);
      if (!h) throw new Error(`header grid of ${layout.form} has no cell at (${r}, ${c})`);
      const widthMm = w.slice(c, c + h.colSpan).reduce((s, x) => s + x, 0);
      const starts = h.row === r;
      const body = paragraph(starts ? h.text : '', { size: layout.headerFontSize, bold: true, align: 'center' });
      cells.push(cell({ widthMm, body, gridSpan: h.colSpan, ...(h.rowSpan > 1 ? { vMerge: starts ? 'restart' : 'continue' } : {}) }));
      c += h.colSpan;
    }
    rows.push(row(cells, true));
  }
  return rows;
}

function numbersRow(layout: FormLayout, w: readonly number[]): string {
  const texts = ['1', '2', ...layout.columns.map((c) => c.numberLines.join('\n')), ...(layout.notesColumn ? [layout.notesColumn.number ?? ''] : [])];
  return row(
    texts.map((t, i) => cell({ widthMm: w[i] ?? 0, body: paragraph(t, { size: layout.numbersFontSize, italic: true, align: 'center' }) })),
    true,
  );
}

function bodyRow(layout: FormLayout, w: readonly number[], r: LayoutRow): string {
  const bold = r.bold || r.kind === 'heading';
  const s = { size: layout.fontSize, bold, italic: r.italic };
  const values = layout.columns.map((c) => {
    const v = r.values?.[c.code];
    return v === undefined ? '' : formatViInteger(v);
  });
  const texts = [r.stt, r.label, ...values, ...(layout.notesColumn ? [''] : [])];
  return row(
    texts.map((t, i) => {
      const align = i === 1 ? 'left' : 'center';
      const indentMm = i === 1 && (r.stt === '-' || r.italic) ? 2 : 0;
      return cell({ widthMm: w[i] ?? 0, body: paragraph(t, { ...s, align, indentMm }) });
    }),
    false,
  );
}

/** The annex's table as a `<w:tbl>` element. */
export function annexTableXml(layout: FormLayout): string {
  const w = widths(layout);
  const total = w.reduce((s, x) => s + x, 0);
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  const props = [
    `<w:tblW w:w="${twips(total)}" w:type="dxa"/>`,
    '<w:jc w:val="center"/>',
    `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>`,
    '<w:tblLayout w:type="fixed"/>',
    `<w:tblCellMar><w:left w:w="${CELL_MARGIN}" w:type="dxa"/><w:right w:w="${CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>`,
  ].join('');
  const grid = `<w:tblGrid>${w.map((x) => `<w:gridCol w:w="${twips(x)}"/>`).join('')}</w:tblGrid>`;
  const rows = [...headerRows(layout, w), ...(layout.numbered ? [numbersRow(layout, w)] : []), ...layout.rows.map((r) => bodyRow(layout, w, r))];
  return `<w:tbl><w:tblPr>${props}</w:tblPr>${grid}${rows.join('')}</w:tbl>`;
}
