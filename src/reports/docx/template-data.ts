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
 * `{#annexes2}` (form KD), `{#annexes9}` (TC, DV), `{#annexes7}` (TT, CN), and `{#annexes}` (all):
 * form, code, title, attached, labelHeading (the label column's heading: "Nội dung", "Tiêu chí",
 * "Chức danh"), notes (the table ends with an empty "Ghi chú" column: KD, CN) and notesNumber (its
 * number in the numbered-columns row), c0…cN (column headers), n0…nN (the numbered-columns row,
 * "3=4+…+11"), `{#rows}` stt, label, bold, italic, plain (neither), v0…vN.
 */
import { ANNEX_WIDTH } from '../report-annex.js';
import type { AnnexTable, ReportModel, ReportParagraph } from '../report-types.js';

/** Template data of one annex: headers and cells as c0…/v0… keys. */
function annexData(a: AnnexTable): Record<string, unknown> {
  const headers = Object.fromEntries(a.headers.map((h, i) => [`c${i}`, h]));
  const numbers = Object.fromEntries(a.numbers.map((n, i) => [`n${i}`, n]));
  const rows = a.rows.map((r) => ({
    stt: r.stt,
    label: r.label,
    bold: r.bold,
    italic: r.italic,
    plain: !r.bold && !r.italic,
    ...Object.fromEntries(r.values.map((v, i) => [`v${i}`, v])),
  }));
  const notes = { labelHeading: a.labelHeading, notes: a.notes, notesNumber: String(3 + a.numbers.length) };
  return { form: a.form, code: a.code ?? '', title: a.title, attached: a.attached, ...notes, ...headers, ...numbers, rows };
}

/** The text before and after a paragraph's footnote mark (at its end unless placed inside). */
function splitAtMark(p: ReportParagraph): { head: string; tail: string } {
  const at = p.footnote && p.footnoteAt !== undefined ? Math.max(0, Math.min(p.footnoteAt, p.text.length)) : p.text.length;
  return { head: p.text.slice(0, at), tail: p.text.slice(at) };
}

/** How many closing paragraphs stay on the signature's page. */
const KEEP_WITH_SIGNATURE = 2;

/** Flattens the model into the template's data. */
export function templateData(model: ReportModel): Record<string, unknown> {
  const annexes = model.annexes.map((a) => ({ width: ANNEX_WIDTH[a.form], data: annexData(a) }));
  const shape = (n: number) => annexes.filter((a) => a.width === n).map((a) => a.data);
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
    annexes: annexes.map((a) => a.data),
    annexes2: shape(2),
    annexes7: shape(7),
    annexes9: shape(9),
  };
}
