/**
 * The data a report template receives (docxtemplater tags). Administrators editing the template in
 * Word can use every field below; the default template (templates/bao-cao-mac-dinh.docx, built by
 * scripts/build-default-template.ts) uses them all.
 *
 * Root: parentBody, issuingBody, partyTitle, numberLine, placeDate, title, subject, signerAuthority,
 * signerTitle, signerName, number, date, year, recipients (list of strings, `{.}`), footnote1..4.
 * `{#paragraphs}`: text, and one flag for its kind: h1, h2, h3, h4, body, note; fn1..fn4 when the
 * paragraph refers to footnote 1..4; head and tail, the text before and after the footnote's mark
 * (`{head}` mark `{tail}`; without a footnote head is the text and tail empty; a template printing
 * `{text}` and the mark puts the mark at the paragraph's end); keep on the last paragraphs, so they stay on the page of the
 * signature block (HD 36: the signature never stands alone on a page).
 * `{#annexes}` (one per form, in the order of FORMS.md §2; each annex is a section of its own, on
 * the paper its table needs): form, code ("6A"), issuerParent and issuerBody (the issuing bodies
 * top left, in capitals), titleLines (list of `{text}`: "THỐNG KÊ", the title), yearLine ("Năm 2022"
 * under the title of 6B, else empty), attached ("(Kèm theo Báo cáo số … của …)"), codeLine ("Biểu số
 * 6A"), subtitle, `{@table}` (the table, laid out as the workbook's sheet: src/reports/docx/annex-table.ts),
 * hasFootnotes and footnotes (the notes under the table, list of strings, `{.}`), and `{@sectionEnd}`
 * (the section break that ends the annex; keep it last in the loop).
 */
import type { AnnexTable, ReportModel, ReportParagraph } from '../report-types.js';
import { annexSectPr, sectionBreakXml } from './annex-sections.js';
import { annexTableXml } from './annex-table.js';

/** Template data of one annex; `sectPr` is the template's annex section, copied to end the annex. */
function annexData(a: AnnexTable, end: { sectPr: string | null; first: boolean; last: boolean }): Record<string, unknown> {
  const [issuerParent = '', issuerBody = ''] = a.issuerLines.length > 1 ? a.issuerLines : ['', a.issuerLines[0] ?? ''];
  return {
    form: a.form,
    code: a.codeLine?.replace(/^Biểu số /, '') ?? '',
    issuerParent,
    issuerBody,
    titleLines: a.titleLines.map((text) => ({ text })),
    yearLine: a.yearLine ?? '',
    attached: a.attachedLine,
    codeLine: a.codeLine ?? '',
    subtitle: a.subtitle ?? '',
    table: annexTableXml(a),
    hasFootnotes: a.footnotes.length > 0,
    footnotes: a.footnotes.map((n) => `- ${n}`),
    sectionEnd: end.last || !end.sectPr ? '' : sectionBreakXml(annexSectPr(end.sectPr, a.page, end.first)),
  };
}

/** The text before and after a paragraph's footnote mark (at its end unless placed inside). */
function splitAtMark(p: ReportParagraph): { head: string; tail: string } {
  const at = p.footnote && p.footnoteAt !== undefined ? Math.max(0, Math.min(p.footnoteAt, p.text.length)) : p.text.length;
  return { head: p.text.slice(0, at), tail: p.text.slice(at) };
}

/** How many closing paragraphs stay on the signature's page. */
const KEEP_WITH_SIGNATURE = 2;

/**
 * Flattens the model into the template's data; `annexSection` is the template's last section
 * properties (its annex pages), which each annex's own section copies.
 */
export function templateData(model: ReportModel, annexSection: string | null = null): Record<string, unknown> {
  const count = model.annexes.length;
  const annexes = model.annexes.map((a, i) => annexData(a, { sectPr: annexSection, first: i === 0, last: i === count - 1 }));
  const date = model.values.report?.date ?? '';
  return {
    ...model.header,
    title: model.title,
    subject: model.subject,
    number: model.values.report?.number ?? '',
    date,
    year: model.values.cycle.year,
    paragraphs: model.paragraphs.map((p, i) => ({
      text: p.text,
      ...splitAtMark(p),
      [p.kind]: true,
      keep: i >= model.paragraphs.length - KEEP_WITH_SIGNATURE,
      ...(p.footnote ? { [`fn${Math.min(p.footnote, 4)}`]: true } : {}),
    })),
    footnote1: model.footnotes[0] ?? '',
    footnote2: model.footnotes[1] ?? '',
    footnote3: model.footnotes[2] ?? '',
    footnote4: model.footnotes.slice(3).join(' '),
    recipients: model.recipients,
    signerAuthority: model.signature.authority,
    signerTitle: model.signature.title,
    signerName: model.signature.name,
    annexes,
  };
}
