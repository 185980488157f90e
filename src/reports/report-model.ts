/**
 * The narrative report as a structured model (GUIDE.md §5), built purely from the forms, the
 * records the forms cannot hold, the report's settings and its prose. Section I's numbers are
 * written from data and claimed (FORMS.md §3), so `values` — the forms, the report's number and
 * date on every annex, and the claims — passes `xeploai forms check` whenever the text is right.
 * Structure and wording follow the seed 331-BC/HU; layout follows HD 36-HD/VPTW (rules_2025.md §4).
 */
import { comparisonSentence, DEFAULT_ANNEX_CODES, FORM_CODES, type FormValues, type FormValuesDoc, yearFiguresOf } from '../domain/forms/index.js';
import { levelOfUnitKind } from './forms-layout.js';
import { signerBodyOf } from './issuing-body.js';
import { numberAsPrinted } from './report-settings.js';
import { buildAnnexes } from './report-annex.js';
import { organisationParagraphs, memberParagraphs } from './report-section-grading.js';
import { appraisalParagraphs, collectiveParagraphs, leaderParagraphs } from './report-section-leaders.js';
import { reviewParagraphs } from './report-section-review.js';
import type { ReportInput, ReportModel, ReportParagraph } from './report-types.js';
import { ClaimWriter } from './report-writer.js';
import { levelWords, proseParagraphs, splitAtNumbers, viLongDate } from './report-words.js';

/** The report's subject line (trích yếu) for a year. */
export function reportSubject(year: number): string {
  return `Kết quả kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên và tập thể, cá nhân cán bộ lãnh đạo, quản lý các cấp năm ${year}`;
}

const h = (kind: ReportParagraph['kind'], text: string): ReportParagraph => ({ kind, text });

/** Section I: deployment prose, then the numbers of 2.1 and 2.2. */
function sectionOne(input: ReportInput, cw: ClaimWriter, footnote: (t: string) => number): ReportParagraph[] {
  const { records, prose, settings } = input;
  const w = levelWords(records.unit.kind);
  const deployment = proseParagraphs(prose.deployment);
  const last = deployment[deployment.length - 1];
  if (last && settings.deploymentFootnote.trim()) last.footnote = footnote(settings.deploymentFootnote.trim());
  // The seed prints §2.1.1's numbers between the preparation paragraphs (marker `[số liệu]`).
  const preparation = splitAtNumbers(prose.preparation);
  return [
    h('h1', 'I. TÌNH HÌNH TRIỂN KHAI VÀ KẾT QUẢ THỰC HIỆN'),
    h('h2', '1. Tình hình triển khai'),
    ...deployment,
    h('h2', '2. Kết quả thực hiện'),
    h('h3', '2.1. Kết quả kiểm điểm tự phê bình và phê bình'),
    h('h4', '2.1.1. Công tác chuẩn bị'),
    ...preparation.before,
    ...reviewParagraphs(cw, records, w),
    ...preparation.after,
    h('h4', '2.1.2. Tổ chức kiểm điểm'),
    ...proseParagraphs(prose.organisation),
    h('h3', '2.2. Kết quả xếp loại chất lượng'),
    h('h4', '2.2.1. Đối với tổ chức đảng'),
    ...organisationParagraphs(cw, records, footnote),
    ...comparison(input, 'organisations'),
    h('h4', '2.2.2. Kết quả đánh giá, xếp loại chất lượng đảng viên'),
    ...memberParagraphs(cw),
    ...comparison(input, 'members'),
    h('h4', '2.2.3. Kết quả đánh giá, xếp loại chất lượng tập thể lãnh đạo, quản lý các cấp'),
    ...collectiveParagraphs(cw, records, w),
    h('h4', '2.2.4. Kết quả đánh giá, xếp loại chất lượng cán bộ lãnh đạo, quản lý các cấp'),
    ...leaderParagraphs(cw, records, w),
    h('h4', '2.2.5. Công tác chỉ đạo kiểm tra, giám sát, thẩm định kết quả đánh giá, xếp loại'),
    ...appraisalParagraphs(records, w),
  ];
}

/** The comparison with the latest earlier year that has figures (none when there is no such year). */
function comparison(input: ReportInput, who: 'members' | 'organisations'): ReportParagraph[] {
  const before = input.previous;
  if (!before) return [];
  const now = yearFiguresOf(input.forms);
  const text = comparisonSentence({ now: now[who], before: before[who], beforeYear: before.year, who, decimals: input.settings.decimals });
  return text ? [h('body', text)] : [];
}

/**
 * The audit's counts among the limitations (issue 8 item 3: "the report's «hạn chế» section can cite
 * these counts"): a sentence only when decided grades break a binding rule.
 */
function auditParagraphs(input: ReportInput): ReportParagraph[] {
  const a = input.audit;
  if (!a || a.breaking === 0) return [];
  const rules = a.byRule.map((r) => `${r.count} trường hợp theo ${r.source}`).join('; ');
  return [h('body', `Rà soát lại ${a.checked} mức xếp loại đã quyết định theo dữ liệu hiện có, còn ${a.breaking} trường hợp có mức xếp loại cao hơn mức quy định cho phép (${rules}); cấp có thẩm quyền cần xem xét, xếp loại lại.`)];
}

/** Section II: the staff's assessment prose. */
function sectionTwo(input: ReportInput): ReportParagraph[] {
  const { prose } = input;
  return [
    h('h1', 'II. ĐÁNH GIÁ CHUNG'),
    h('h2', '1. Ưu điểm'),
    ...proseParagraphs(prose.strengths),
    h('h2', '2. Hạn chế, khuyết điểm và nguyên nhân'),
    h('h3', '2.1. Hạn chế, khuyết điểm'),
    ...proseParagraphs(prose.weaknesses),
    ...auditParagraphs(input),
    h('h3', '2.2. Nguyên nhân của hạn chế, khuyết điểm'),
    ...proseParagraphs(prose.causes),
    h('h2', '3. Nhiệm vụ trong thời gian tới'),
    ...proseParagraphs(prose.tasks),
  ];
}

/** The form-values document of the report: forms stamped with the report's number and date, and the claims. */
function valuesDoc(input: ReportInput, claims: ReportModel['claims']): FormValuesDoc {
  const { forms, settings, records } = input;
  const stamped: FormValuesDoc['forms'] = {};
  for (const form of FORM_CODES) {
    const f = forms.forms[form];
    if (!f) continue;
    const meta = { reportDatePrinted: settings.date, reportNumberPrinted: settings.number, codePrinted: DEFAULT_ANNEX_CODES[form] ?? null };
    stamped[form] = { meta, rows: f.rows } satisfies FormValues;
  }
  return {
    format: 'form-values/1',
    unit: { code: records.unit.code, name: records.unit.name },
    cycle: forms.cycle,
    // The checker judges the text's percentages by the rule the report rounded them with.
    report: { number: settings.number, date: settings.date, rounding: settings.rounding },
    forms: stamped,
    claims,
  };
}

/** Builds the report model; pure. */
export function buildReportModel(input: ReportInput): ReportModel {
  const { settings, forms, records } = input;
  const cw = new ClaimWriter(forms, { decimals: settings.decimals, rounding: settings.rounding, httUp: settings.printHttUp });
  const footnotes: string[] = [];
  const footnote = (text: string) => footnotes.push(text);
  const paragraphs = [...sectionOne(input, cw, footnote), ...sectionTwo(input)];
  const values = valuesDoc(input, cw.claims);
  // The annexes name the report's signer ("T/M BAN THƯỜNG VỤ" → "của Ban Thường vụ Huyện ủy"), as the seed's do.
  const heading = { issuer: signerBodyOf(settings), issuingBody: settings.issuingBody, parentBody: settings.parentBody };
  return {
    header: {
      parentBody: settings.parentBody.toLocaleUpperCase('vi'),
      issuingBody: settings.issuingBody.toLocaleUpperCase('vi'),
      partyTitle: 'ĐẢNG CỘNG SẢN VIỆT NAM',
      numberLine: `Số ${numberAsPrinted(settings.number)}`,
      placeDate: `${settings.place}, ${viLongDate(settings.date)}`,
    },
    title: 'BÁO CÁO',
    subject: reportSubject(forms.cycle.year),
    paragraphs,
    footnotes,
    recipients: settings.recipients,
    signature: { authority: settings.signerAuthority, title: settings.signerTitle, name: settings.signerName },
    annexes: buildAnnexes({ doc: values, heading, level: levelOfUnitKind(records.unit.kind) }),
    claims: cw.claims,
    values,
  };
}
