/**
 * Sections I.2.2.1 (party organisations, form TC) and I.2.2.2 (members, form DV) of the report,
 * modelled on the seed 331-BC/HU. Each percentage names its base; each list of grades is one
 * claim group with the report's decimals (GUIDE.md §5).
 */
import { DEFAULT_ANNEX_CODES } from '../domain/forms/index.js';
import { formatCountVi } from '../domain/format/index.js';
import { newUnitNames } from './report-groups.js';
import type { ReportParagraph, ReportRecords } from './report-types.js';
import type { ClaimWriter, ListItem, Share } from './report-writer.js';

const GRADE_LINES = [
  ['htxs', 'Hoàn thành xuất sắc nhiệm vụ'],
  ['htt', 'Hoàn thành tốt nhiệm vụ'],
  ['ht', 'Hoàn thành nhiệm vụ'],
  ['kht', 'Không hoàn thành nhiệm vụ'],
] as const;

/** "HTXS + HTT", as reports print it (FORMS.md "Reports as they are printed"). */
const HTT_UP_LABEL = 'Hoàn thành tốt nhiệm vụ trở lên';

/** Adds a footnote and returns its 1-based number. */
export type AddFootnote = (text: string) => number;

interface OrgSection {
  /** TC section code, e.g. `tccsd` (derived) or `truc_thuoc.chi_bo`. */
  s: string;
  /** "tổ chức cơ sở đảng", "chi bộ trực thuộc đảng ủy cơ sở". */
  name: string;
  /** The noun printed after a ratio; null where the seed prints none ("09/51, chiếm …"). */
  noun: string | null;
  /** The noun the claim of a total carries. */
  totalNoun: string;
  /** "số tổ chức cơ sở đảng", "số chi bộ". */
  baseName: string;
  /** Unit kinds whose new units the footnote names. */
  kinds: readonly string[];
  group: string;
}

interface GradeListArgs {
  form: 'TC' | 'DV';
  prefix: string;
  noun: string | null;
  baseName: string;
  group: string;
  colon: boolean;
}

/** One line of a grade list: "- Hoàn thành …: 09/51, chiếm 17,65% số … được đánh giá, xếp loại." (bare "0" when none). */
function gradeLine(s: Share | undefined, label: string, bullet: string, base: number, args: GradeListArgs, end = '.'): ReportParagraph {
  const sep = args.colon ? ': ' : ' ';
  if (!s || s.value === 0 || s.percent === null) {
    // Printed as a bare "0": claimed so, without percent or noun.
    s?.claim({ percent: false, noun: null });
    return { kind: 'body', text: `${bullet} ${label}${sep}${s?.count ?? '0'}.` };
  }
  s.claim();
  const ratio = `${s.count}/${formatCountVi(base)}${args.noun ? ` ${args.noun}` : ''}`;
  return { kind: 'body', text: `${bullet} ${label}${sep}${ratio}, chiếm ${s.percent}% ${args.baseName} được đánh giá, xếp loại${args.form === 'DV' ? ' chất lượng' : ''}${end}` };
}

/**
 * The grade list of a TC section or of DV: "- Hoàn thành …: 09/51, chiếm 17,65% số … được đánh giá,
 * xếp loại." With the report's printHttUp, "hoàn thành tốt nhiệm vụ trở lên" (HTXS + HTT) heads the
 * list, claimed with its `…graded.htt_up` row in a group of its own, and its two grades follow under it.
 */
function gradeList(cw: ClaimWriter, args: GradeListArgs): ReportParagraph[] {
  const graded = `${args.prefix}graded`;
  const items: ListItem[] = GRADE_LINES.map(([g]) => ({ form: args.form, row: `${graded}.${g}`, col: 'total', noun: args.noun }));
  const base = cw.cell({ form: args.form, row: graded, col: 'total' });
  const shares = cw.percentList(items, graded, args.group);
  if (!cw.httUp) return GRADE_LINES.map(([, label], i) => gradeLine(shares[i], label, '-', base, args));
  const up = cw.percent({ form: args.form, row: `${graded}.htt_up`, col: 'total', noun: args.noun }, graded, `${args.group}-htt-up`);
  const under = up.value > 0;
  return [
    gradeLine(up, HTT_UP_LABEL, '-', base, args, under ? '; trong đó:' : '.'),
    ...GRADE_LINES.map(([, label], i) => gradeLine(shares[i], label, i < 2 ? '+' : '-', base, args)),
  ];
}

function orgSection(cw: ClaimWriter, o: OrgSection, records: ReportRecords, footnote: AddFootnote): ReportParagraph[] {
  const total = cw.count({ form: 'TC', row: `${o.s}.total`, col: 'total' }, o.totalNoun);
  const status = cw.percentList(
    [
      { form: 'TC', row: `${o.s}.graded`, col: 'total' },
      { form: 'TC', row: `${o.s}.not_graded`, col: 'total' },
    ],
    `${o.s}.total`,
    `${o.group}-status`,
  );
  const [graded, notGraded] = status;
  // GUIDE.md §5: every percentage names its base — here the organisations of the section.
  const ofTotal = `tổng số ${o.name}`;
  graded?.claim();
  let text = `Đối với ${o.name}: Tổng có ${total} ${o.name}; số đã được đánh giá, xếp loại ${graded?.count ?? '0'}`;
  text += graded?.percent ? `, chiếm ${graded.percent}% ${ofTotal}` : '';
  let fn: number | undefined;
  if (notGraded && notGraded.value > 0) {
    notGraded.claim();
    text += `, số không đánh giá, xếp loại ${notGraded.count}${notGraded.percent ? `, chiếm ${notGraded.percent}% ${ofTotal}` : ''}`;
    const fresh = cw.cell({ form: 'TC', row: `${o.s}.not_graded.new`, col: 'total' });
    if (fresh === notGraded.value) text += ' (do mới thành lập chưa đủ 6 tháng)';
    const names = newUnitNames(records, o.kinds);
    if (names.length > 0) fn = footnote(`${names.join(', ')}.`);
  }
  // The seed anchors the footnote naming the new units on the not-graded clause, not the paragraph's end.
  const mark = fn ? { footnote: fn, footnoteAt: text.length } : {};
  const head: ReportParagraph = { kind: 'body', text: `${text}. Kết quả đánh giá, xếp loại như sau:`, ...mark };
  return [head, ...gradeList(cw, { form: 'TC', prefix: `${o.s}.`, noun: o.noun, baseName: o.baseName, group: o.group, colon: true })];
}

/** §2.2.1: grassroots organisations, sub-committees (when any) and cells under committees. */
export function organisationParagraphs(cw: ClaimWriter, records: ReportRecords, footnote: AddFootnote): ReportParagraph[] {
  const sections: OrgSection[] = [
    { s: 'tccsd', name: 'tổ chức cơ sở đảng', noun: null, totalNoun: 'tổ chức cơ sở đảng', baseName: 'số tổ chức cơ sở đảng', kinds: ['grassroots_committee', 'grassroots_cell'], group: '2.2.1-tccsd' },
    { s: 'truc_thuoc.dang_bo_bo_phan', name: 'đảng bộ bộ phận', noun: 'đảng bộ bộ phận', totalNoun: 'đảng bộ bộ phận', baseName: 'số đảng bộ bộ phận', kinds: ['sub_committee'], group: '2.2.1-dbbp' },
    { s: 'truc_thuoc.chi_bo', name: 'chi bộ trực thuộc đảng ủy cơ sở', noun: 'chi bộ', totalNoun: 'chi bộ', baseName: 'số chi bộ', kinds: ['cell'], group: '2.2.1-chi-bo' },
  ];
  const out: ReportParagraph[] = [];
  for (const o of sections) {
    const present = o.s === 'tccsd' ? cw.stated({ form: 'TC', row: ['tccsd.dang_bo.total', 'tccsd.chi_bo.total'] }) : cw.stated({ form: 'TC', row: `${o.s}.total` });
    if (!present || (o.s !== 'tccsd' && cw.cell({ form: 'TC', row: `${o.s}.total`, col: 'total' }) === 0)) continue;
    out.push(...orgSection(cw, o, records, footnote));
  }
  out.push({ kind: 'note', text: `(biểu ${DEFAULT_ANNEX_CODES.TC ?? 'TC'} kèm theo)` });
  return out;
}

/** §2.2.2: members at the reference date, not graded (with reasons), graded, and the grade list. */
export function memberParagraphs(cw: ClaimWriter): ReportParagraph[] {
  const total = cw.count({ form: 'DV', row: 'total', col: 'total' }, 'đồng chí');
  const pending = cw.cell({ form: 'DV', row: 'pending', col: 'total' });
  const items: ListItem[] = [
    { form: 'DV', row: 'graded', col: 'total', noun: 'đồng chí' },
    { form: 'DV', row: 'not_required', col: 'total', noun: 'đồng chí' },
    ...(pending > 0 ? [{ form: 'DV' as const, row: 'pending', col: 'total', noun: 'đồng chí' }] : []),
  ];
  const [graded, notRequired, notYet] = cw.percentList(items, 'total', '2.2.2-status');
  for (const s of [graded, notRequired, notYet]) s?.claim();
  const exempt = cw.count({ form: 'DV', row: 'not_required.exempt', col: 'total' });
  const fresh = cw.count({ form: 'DV', row: 'not_required.new_member', col: 'total' });
  const suspended = cw.count({ form: 'DV', row: 'not_required.suspended', col: 'total' });
  let text =
    `Tổng số đảng viên đến thời điểm được đánh giá, xếp loại ${total} đồng chí, trong đó: số đảng viên được đánh giá, xếp loại ` +
    `${graded?.count} đồng chí, chiếm ${graded?.percent ?? '0'}% tổng số đảng viên; số không phải đánh giá, xếp loại: ${notRequired?.count} đồng chí ` +
    `(đảng viên miễn công tác và sinh hoạt đảng: ${exempt}; đảng viên mới kết nạp chưa đủ 6 tháng: ${fresh}; đình chỉ sinh hoạt đảng: ${suspended}), ` +
    `chiếm ${notRequired?.percent ?? '0'}% tổng số đảng viên`;
  if (notYet) text += `; số chưa được đánh giá, xếp loại: ${notYet.count} đồng chí, chiếm ${notYet.percent ?? '0'}% tổng số đảng viên`;
  return [
    { kind: 'body', text: `${text}. Kết quả đánh giá, xếp loại chất lượng như sau:` },
    ...gradeList(cw, { form: 'DV', prefix: '', noun: 'đồng chí', baseName: 'số đảng viên', group: '2.2.2-dv', colon: false }),
    { kind: 'note', text: `(biểu ${DEFAULT_ANNEX_CODES.DV ?? 'DV'} kèm theo)` },
  ];
}
