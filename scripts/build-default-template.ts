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
const BODY_WIDTH_MM = 210 - 30 - 15;

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

/** The issuing bodies top left of an annex, as the seed's annexes carry them: parent body, then the committee in bold. */
function annexIssuer(): Table {
  const lines = [centred([run('{issuerParent}', { size: pt(12) })]), centred([run('{issuerBody}', { bold: true, size: pt(12) })])];
  return new Table({
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    width: { size: mm(100), type: WidthType.DXA },
    columnWidths: [mm(100)],
    rows: [new TableRow({ children: [cell(lines, 100, { borders: false, top: true })] })],
  });
}

/**
 * One annex: the issuing bodies, "THỐNG KÊ" and the title, "(Kèm theo …)", "Biểu số …", the
 * subtitle, the table (generated from the forms' layout, raw XML), the notes under it, and the
 * section break that puts the annex on its own paper (A4 or A3 landscape).
 */
function annexBlock(): (Paragraph | Table)[] {
  const line = (text: string, o: Omit<IRunOptions, 'text'>, p: Omit<IParagraphOptions, 'children'> = {}) => centred([run(text, o)], p);
  return [
    tag('{#annexes}'),
    annexIssuer(),
    para([run('', { size: pt(8) })]),
    tag('{#titleLines}'),
    line('{text}', { bold: true }),
    tag('{/titleLines}'),
    tag('{#yearLine}'),
    line('{yearLine}', {}),
    tag('{/yearLine}'),
    line('{attached}', { italics: true, size: pt(13) }),
    tag('{#codeLine}'),
    para([run('{codeLine}', { bold: true, size: pt(12) })], { alignment: AlignmentType.RIGHT }),
    tag('{/codeLine}'),
    tag('{#subtitle}'),
    line('{subtitle}', { bold: true, size: pt(12) }),
    tag('{/subtitle}'),
    para([run('', { size: pt(6) })]),
    para([run('{@table}')]),
    tag('{#hasFootnotes}'),
    para([run('Ghi chú:', { bold: true, italics: true, size: pt(11) })], { spacing: { before: pt(3) * 20 } }),
    tag('{/hasFootnotes}'),
    tag('{#footnotes}'),
    para([run('{.}', { size: pt(11) })], { indent: { left: mm(5) } }),
    tag('{/footnotes}'),
    para([run('{@sectionEnd}')]),
    tag('{/annexes}'),
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
        // of their own from 1, top centre, named as the annexes' ("Phụ lục – trang 1"). Each annex
        // copies this section with its own paper (src/reports/docx/annex-sections.ts).
        properties: {
          page: {
            size: { width: mm(210), height: mm(297), orientation: PageOrientation.LANDSCAPE },
            margin: { top: mm(20), bottom: mm(15), left: mm(20), right: mm(15), header: mm(8) },
            pageNumbers: { start: 1 },
          },
        },
        headers: { default: new Header({ children: [centred([run('', { size: pt(12), children: ['Phụ lục – trang ', PageNumber.CURRENT] })])] }) },
        children: [...annexBlock(), para([run('', { size: pt(1) })], { spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT } })],
      },
    ],
  });
}

const out = join(import.meta.dirname, '..', 'templates', 'bao-cao-mac-dinh.docx');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, await Packer.toBuffer(build()));
console.log(`Đã ghi ${out}`);
