/**
 * Builds the default report template `templates/bao-cao-mac-dinh.docx` with the `docx` library (a
 * dev dependency: the product ships the generated file, not this script). Run after changing the
 * layout: `npx tsx scripts/build-default-template.ts`.
 *
 * Layout: HD 36-HD/VPTW (rules_2025.md §4.1, Phụ lục 3): issuing body top left (parent body 14 pt,
 * issuing body 14 pt bold, "*" centred below, "Số 331-BC/HU"), "ĐẢNG CỘNG SẢN VIỆT NAM" top right
 * 15 pt bold underlined, place and date 14 pt italic, "BÁO CÁO" 16 pt bold, subject 14 pt bold,
 * body 14 pt justified; Times New Roman; A4, margins top/bottom 20 mm, left 30 mm, right 15 mm.
 * Tags are docxtemplater's ({x}, loops {#list}…{/list}, conditions {#flag}…{/flag}); the fields are
 * documented in src/reports/docx/template-data.ts.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  AlignmentType,
  BorderStyle,
  Document,
  FootnoteReferenceRun,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  convertMillimetersToTwip as mm,
  type IRunOptions,
  type IParagraphOptions,
} from 'docx';

const FONT = 'Times New Roman';
const pt = (n: number) => n * 2;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const GRID = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };
const BODY_WIDTH_MM = 210 - 30 - 15;
const ANNEX_WIDTH_MM = 297 - 20 - 15;

function run(text: string, o: Omit<IRunOptions, 'text'> = {}): TextRun {
  return new TextRun({ text, font: FONT, size: pt(14), ...o });
}

function para(children: IParagraphOptions['children'], o: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
  return new Paragraph({ children, spacing: { before: 0, after: 0 }, ...o });
}

/** A paragraph holding only a loop or condition tag: docxtemplater removes it (paragraphLoop). */
const tag = (t: string) => para([run(t)]);

const centred = (children: IParagraphOptions['children'], o: Omit<IParagraphOptions, 'children'> = {}) => para(children, { alignment: AlignmentType.CENTER, ...o });

function cell(children: Paragraph[], widthMm: number, o: { borders?: boolean; top?: boolean } = {}): TableCell {
  return new TableCell({
    children,
    width: { size: mm(widthMm), type: WidthType.DXA },
    verticalAlign: o.top ? VerticalAlign.TOP : VerticalAlign.CENTER,
    ...(o.borders === false ? { borders: { top: NONE, bottom: NONE, left: NONE, right: NONE } } : {}),
    margins: { left: mm(1), right: mm(1) },
  });
}

/** Header: issuing body left, "ĐẢNG CỘNG SẢN VIỆT NAM" and place-date right (HD 36 Phụ lục 1, ô 1–4). */
function header(): Table {
  const left = [
    centred([run('{parentBody}')]),
    centred([run('{issuingBody}', { bold: true })]),
    centred([run('*')]),
    centred([run('{numberLine}')]),
  ];
  const right = [
    centred([run('{partyTitle}', { bold: true, size: pt(15), underline: {} })]),
    centred([run('')]),
    centred([run('{placeDate}', { italics: true })]),
  ];
  return new Table({
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    width: { size: mm(BODY_WIDTH_MM), type: WidthType.DXA },
    columnWidths: [mm(70), mm(BODY_WIDTH_MM - 70)],
    rows: [new TableRow({ children: [cell(left, 70, { borders: false, top: true }), cell(right, BODY_WIDTH_MM - 70, { borders: false, top: true })] })],
  });
}

const bodySpacing = { before: pt(3) * 10, after: 0, line: 380, lineRule: LineRuleType.EXACT };

/** One block per paragraph kind inside the {#paragraphs} loop; each kind has its own style. */
function bodyBlocks(): Paragraph[] {
  const heading = (kind: string) => [
    tag(`{#${kind}}`),
    para([run('{text}', { bold: true })], { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: mm(10) }, spacing: bodySpacing, keepNext: true }),
    tag(`{/${kind}}`),
  ];
  const footnoteRefs = [1, 2, 3, 4].flatMap((n) => [run(`{#fn${n}}`), new FootnoteReferenceRun(n), run(`{/fn${n}}`)]);
  return [
    tag('{#paragraphs}'),
    ...heading('h1'),
    ...heading('h2'),
    ...heading('h3'),
    ...heading('h4'),
    tag('{#body}'),
    tag('{^keep}'),
    para([run('{head}'), ...footnoteRefs, run('{tail}')], { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: mm(10) }, spacing: bodySpacing }),
    tag('{/keep}'),
    // The closing paragraphs go with the signature block (HD 36: a signature never stands alone on a page).
    tag('{#keep}'),
    para([run('{head}'), ...footnoteRefs, run('{tail}')], { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: mm(10) }, spacing: bodySpacing, keepNext: true, keepLines: true }),
    tag('{/keep}'),
    tag('{/body}'),
    tag('{#note}'),
    para([run('{text}', { italics: true })], { alignment: AlignmentType.CENTER, spacing: bodySpacing }),
    tag('{/note}'),
    tag('{/paragraphs}'),
  ];
}

/** Recipients left (12 pt), signature block right (HD 36 ô 7, 9). */
function closing(): Table {
  const left = [
    para([run('Nơi nhận:', { bold: true, italics: true, size: pt(12), underline: {} })]),
    tag('{#recipients}'),
    para([run('- {.}', { size: pt(12) })]),
    tag('{/recipients}'),
  ];
  const right = [
    centred([run('{signerAuthority}', { bold: true })]),
    centred([run('{signerTitle}', { bold: true })]),
    centred([run('')]),
    centred([run('')]),
    centred([run('')]),
    centred([run('{signerName}', { bold: true })]),
  ];
  return new Table({
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    width: { size: mm(BODY_WIDTH_MM), type: WidthType.DXA },
    columnWidths: [mm(85), mm(BODY_WIDTH_MM - 85)],
    rows: [new TableRow({ cantSplit: true, children: [cell(left, 85, { borders: false, top: true }), cell(right, BODY_WIDTH_MM - 85, { borders: false, top: true })] })],
  });
}

/**
 * The table of one annex shape with `n` value columns, with or without the empty "Ghi chú" column
 * the seed's KD and CN annexes end with; the label column's heading is the workbook's ({labelHeading}).
 */
function annexTable(n: number, notes: boolean): Table {
  const notesMm = notes ? (n === 2 ? 40 : 22) : 0;
  const labelMm = (n === 2 ? 150 : n === 7 ? 95 : 80) - (notes && n === 2 ? 40 : 0);
  const sttMm = 12;
  const valueMm = (ANNEX_WIDTH_MM - labelMm - sttMm - notesMm) / n;
  const small = (t: string, o: Omit<IRunOptions, 'text'> = {}) => centred([run(t, { size: pt(11), ...o })]);
  const extra = (text: string, o: Omit<IRunOptions, 'text'> = {}) => (notes ? [cell([small(text, o)], notesMm)] : []);
  const numberRow = new TableRow({
    tableHeader: true,
    children: [
      cell([small('1', { italics: true })], sttMm),
      cell([small('2', { italics: true })], labelMm),
      ...Array.from({ length: n }, (_, i) => cell([small(`{n${i}}`, { italics: true })], valueMm)),
      ...extra('{notesNumber}', { italics: true }),
    ],
  });
  const headerRow = new TableRow({
    tableHeader: true,
    children: [
      cell([small('STT', { bold: true })], sttMm),
      cell([small('{labelHeading}', { bold: true })], labelMm),
      ...Array.from({ length: n }, (_, i) => cell([small(`{c${i}}`, { bold: true })], valueMm)),
      ...extra('Ghi chú', { bold: true }),
    ],
  });
  const bodyRow = new TableRow({
    children: [
      cell([small('{#rows}{stt}')], sttMm),
      cell([para([run('{#bold}{label}{/bold}', { size: pt(11), bold: true }), run('{#italic}{label}{/italic}', { size: pt(11), italics: true }), run('{#plain}{label}{/plain}', { size: pt(11) })])], labelMm),
      ...Array.from({ length: n }, (_, i) => cell([small(`{v${i}}${i === n - 1 && !notes ? '{/rows}' : ''}`)], valueMm)),
      ...extra('{/rows}'),
    ],
  });
  return new Table({
    layout: TableLayoutType.FIXED,
    borders: GRID,
    width: { size: mm(ANNEX_WIDTH_MM), type: WidthType.DXA },
    columnWidths: [mm(sttMm), mm(labelMm), ...Array.from({ length: n }, () => mm(valueMm)), ...(notes ? [mm(notesMm)] : [])],
    rows: [headerRow, numberRow, bodyRow],
  });
}

/** One annex shape with `n` value columns: title, "(Kèm theo …)", the table with or without "Ghi chú". */
function annexShape(n: number): (Paragraph | Table)[] {
  return [
    tag(`{#annexes${n}}`),
    centred([run('THỐNG KÊ', { bold: true })], { pageBreakBefore: true }),
    centred([run('{title}', { bold: true })]),
    centred([run('{attached}', { italics: true })]),
    para([run('{#code}Biểu số {code}{/code}', { italics: true, size: pt(12) })], { alignment: AlignmentType.RIGHT, spacing: { after: pt(3) * 20 } }),
    tag('{#notes}'),
    annexTable(n, true),
    tag('{/notes}'),
    tag('{^notes}'),
    annexTable(n, false),
    tag('{/notes}'),
    tag(`{/annexes${n}}`),
  ];
}

function build(): Document {
  const main = [
    header(),
    para([run('')]),
    centred([run('{title}', { bold: true, size: pt(16) })], { spacing: { before: pt(6) * 10 } }),
    centred([run('{subject}', { bold: true })], { spacing: { after: pt(6) * 20 } }),
    ...bodyBlocks(),
    para([run('')], { keepNext: true }),
    closing(),
  ];
  const footnote = (n: number) => ({ children: [para([run(`{footnote${n}}`, { size: pt(11) })], { alignment: AlignmentType.JUSTIFIED })] });
  return new Document({
    creator: 'xeploai',
    title: 'Báo cáo kết quả kiểm điểm, đánh giá, xếp loại chất lượng',
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    footnotes: { 1: footnote(1), 2: footnote(2), 3: footnote(3), 4: footnote(4) },
    sections: [
      {
        // HD 36: page numbers from the second page, top centre; none on the first page.
        properties: { titlePage: true, page: { size: { width: mm(210), height: mm(297), orientation: PageOrientation.PORTRAIT }, margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10) } } },
        headers: { default: new Header({ children: [centred([run('', { children: [PageNumber.CURRENT] })])] }), first: new Header({ children: [para([])] }) },
        children: main,
      },
      {
        // The annexes are tables of their own ("Biểu số …"): not the report's page numbers, a sequence
        // of their own from 1, top centre, named as the annexes' ("Phụ lục – trang 1").
        properties: {
          page: {
            size: { width: mm(210), height: mm(297), orientation: PageOrientation.LANDSCAPE },
            margin: { top: mm(20), bottom: mm(15), left: mm(20), right: mm(15), header: mm(8) },
            pageNumbers: { start: 1 },
          },
        },
        headers: { default: new Header({ children: [centred([run('', { size: pt(12), children: ['Phụ lục – trang ', PageNumber.CURRENT] })])] }) },
        children: [...annexShape(2), ...annexShape(9), ...annexShape(7), para([run('')])],
      },
    ],
  });
}

const out = join(import.meta.dirname, '..', 'templates', 'bao-cao-mac-dinh.docx');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, await Packer.toBuffer(build()));
console.log(`Đã ghi ${out}`);
