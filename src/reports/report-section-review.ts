/**
 * Section I.2.1 of the report (seed 331-BC/HU §2.1.1): topics assigned for in-depth review, the
 * collectives and individuals reviewed and graded with their breakdown, and the exemptions. Every
 * count is read from the forms (and claimed) where a form holds it, else from the records.
 */
import { formatCountVi } from '../domain/format/index.js';
import { getRuleSet } from '../domain/rules/index.js';
import { higherLevelLeaders, reviewedGroups } from './report-groups.js';
import type { ReportParagraph, ReportRecords, TopicRecord } from './report-types.js';
import type { ClaimWriter } from './report-writer.js';
import type { LevelWords } from './report-words.js';

const MANAGED_BY: Record<string, (w: LevelWords) => string> = {
  tinh: () => 'Ban Thường vụ Tỉnh ủy',
  huyen: (w) => `Ban Thường vụ ${w.committee}`,
  'co_so.dang_uy': () => 'đảng ủy cơ sở',
  'co_so.chi_bo': () => 'chi bộ cơ sở',
};

/** KD row of a topic's managing body (FORMS.md §2 `suggested.*`). */
const suggestedRow = (managedBy: string) => `suggested.${managedBy}`;

function topicLines(cw: ClaimWriter, topics: readonly TopicRecord[], w: LevelWords, individual: boolean): string[] {
  const mine = topics.filter((t) => (t.subjectKind === 'member' || t.subjectKind === 'position') === individual);
  const col = individual ? 'individual' : 'collective';
  const noun = individual ? 'cá nhân' : 'tập thể';
  const head = `+ Số lượng ${noun} được gợi ý kiểm điểm: `;
  if (mine.length === 0) return [`${head}không có.`];
  const byBody = new Map<string, TopicRecord[]>();
  for (const t of mine) byBody.set(t.managedBy, [...(byBody.get(t.managedBy) ?? []), t]);
  const parts = [...byBody].map(([body, list]) => {
    const n = cw.count({ form: 'KD', row: suggestedRow(body), col }, noun);
    const who = (MANAGED_BY[body] ?? (() => body))(w);
    return `${n} ${noun} thuộc diện ${who} quản lý (${list.map((t) => t.subjectName).join('; ')})`;
  });
  return [`${head}${parts.join('; ')}.`];
}

function topicContent(topics: readonly TopicRecord[]): string | null {
  if (topics.length === 0) return null;
  const parts = topics.map((t) => {
    const who = t.subjectKind === 'member' || t.subjectKind === 'position' ? `cá nhân ${lowerFirst(t.subjectName)}` : `tập thể ${t.subjectName}`;
    return `${who} “${t.topic}”`;
  });
  return `+ Nội dung gợi ý kiểm điểm: ${parts.join('; ')}.`;
}

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/** The collectives reviewed with their breakdown, and the individuals reviewed and graded. */
function countLines(cw: ClaimWriter, records: ReportRecords, w: LevelWords): string[] {
  const groups = reviewedGroups(records, w);
  const total = groups.reduce((s, g) => s + g.count, 0);
  const lines: string[] = [];
  const kdStated = cw.stated({ form: 'KD', row: 'reviewed' }) && cw.cell({ form: 'KD', row: 'reviewed', col: 'collective' }) === total;
  const totalText = kdStated ? cw.count({ form: 'KD', row: 'reviewed', col: 'collective' }, 'tập thể') : formatCountVi(total);
  lines.push(`- Số lượng tập thể kiểm điểm, đánh giá, xếp loại chất lượng: ${totalText}, trong đó:`);
  for (const g of groups) {
    const parts = g.parts?.filter((p) => p.count > 0).map((p) => `${formatCountVi(p.count)} ${p.label}`);
    lines.push(`+ ${g.label}: ${formatCountVi(g.count)}${parts && parts.length > 0 ? ` (${parts.join(', ')})` : ''}.`);
  }
  const members = cw.cell({ form: 'DV', row: 'graded', col: 'total' });
  const leaderRows = ['tinh', 'huyen', 'co_so'].filter((l) => cw.stated({ form: 'CN', row: l }));
  const leaders = cw.cell({ form: 'CN', row: leaderRows, col: 'graded' });
  // A sum across forms (DV + CN, the seed's wording): no one cell holds it, so its two parts are
  // claimed and printed right after it (GUIDE.md §3: 2.768 = 2.543 members + 225 leader evaluations).
  lines.push(
    `- Số lượng cá nhân kiểm điểm, đánh giá, xếp loại chất lượng: ${formatCountVi(members + leaders)}, trong đó: ` +
      `đảng viên ${cw.count({ form: 'DV', row: 'graded', col: 'total' }, 'đồng chí')} đồng chí; ` +
      `cán bộ lãnh đạo, quản lý các cấp ${cw.count({ form: 'CN', row: leaderRows, col: 'graded' }, 'đồng chí')} đồng chí.` +
      reviewedIndividuals(cw, records, w),
  );
  return lines;
}

/**
 * The individuals the review form (KD) counts as reviewed, so the text agrees with its annex: KD
 * counts everyone reviewed, the line above only those graded. The difference is named from the data:
 * new members reviewed but not graded (where the rule set reviews them: HD 21, rules_2025.md §2) and
 * leaders reviewed here but graded by the superior (GUIDE.md §4.7).
 */
function reviewedIndividuals(cw: ClaimWriter, records: ReportRecords, w: LevelWords): string {
  if (!cw.stated({ form: 'KD', row: 'reviewed' })) return '';
  const reviewed = cw.count({ form: 'KD', row: 'reviewed', col: 'individual' });
  const extras: string[] = [];
  const rule = getRuleSet(cw.ruleSet).eligibility.newMember;
  if (rule.reviewed && !rule.graded && cw.cell({ form: 'DV', row: 'not_required.new_member', col: 'total' }) > 0) {
    const fresh = cw.count({ form: 'DV', row: 'not_required.new_member', col: 'total' }, 'đảng viên');
    extras.push(`${fresh} đảng viên mới kết nạp chưa đủ ${rule.months} tháng đã kiểm điểm nhưng chưa đánh giá, xếp loại chất lượng`);
  }
  const higher = higherLevelLeaders(records).count;
  if (higher > 0) extras.push(`${formatCountVi(higher)} đồng chí cán bộ lãnh đạo, quản lý kiểm điểm tại ${w.committee} nhưng do Ban Thường vụ ${w.superior} đánh giá, xếp loại`);
  const why = extras.length > 0 ? `, nhiều hơn số nêu trên vì bao gồm cả ${extras.join(' và ')}` : '';
  return ` Theo biểu thống kê kết quả kiểm điểm kèm theo, số lượt cá nhân đã kiểm điểm tự phê bình và phê bình là ${reviewed}${why}.`;
}

/** Members exempt, and members reviewed but not graded (HD 21: admitted < 6 months; suspended). */
function exemptionLines(cw: ClaimWriter): string[] {
  const exempt = cw.count({ form: 'DV', row: 'not_required.exempt', col: 'total' }, 'đồng chí');
  const notGraded = cw.count({ form: 'DV', row: ['not_required.new_member', 'not_required.suspended'], col: 'total' }, 'đồng chí');
  const fresh = cw.count({ form: 'DV', row: 'not_required.new_member', col: 'total' }, 'đồng chí');
  const suspended = cw.count({ form: 'DV', row: 'not_required.suspended', col: 'total' }, 'đồng chí');
  return [
    `- Số lượng đảng viên miễn kiểm điểm, đánh giá, xếp loại chất lượng ${exempt} đồng chí (được miễn công tác và sinh hoạt Đảng).`,
    `- Số lượng đảng viên không đánh giá, xếp loại chất lượng ${notGraded} đồng chí (đảng viên kết nạp chưa đủ 6 tháng: ${fresh} đồng chí và đình chỉ sinh hoạt Đảng: ${suspended} đồng chí).`,
  ];
}

/** The numeric paragraphs of §2.1.1 after the staff's preparation prose. */
export function reviewParagraphs(cw: ClaimWriter, records: ReportRecords, w: LevelWords): ReportParagraph[] {
  const lines = [
    '- Việc gợi ý kiểm điểm:',
    ...topicLines(cw, records.topics, w, false),
    ...topicLines(cw, records.topics, w, true),
    ...[topicContent(records.topics)].filter((x): x is string => x !== null),
    ...countLines(cw, records, w),
    ...exemptionLines(cw),
  ];
  return lines.map((text) => ({ kind: 'body', text }));
}
