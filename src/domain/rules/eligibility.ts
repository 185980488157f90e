/**
 * Who is reviewed (kiểm điểm) and who is graded (xếp loại) at the cycle's reference date
 * (GUIDE.md §3), from dated facts. `reviewed` / `graded` say whether the subject is due to be
 * reviewed / graded in this cycle: a 'pending' subject (absent, graded later) is due for both.
 */
import type { Eligibility, SubjectKind } from '../codes.js';
import { AppError } from '../errors.js';
import { addMonths, compareDates, formatViDate, type IsoDate } from '../calendar/iso-date.js';
import { SRC } from './sources.js';
import type { DatedEvent, RuleSet } from './types.js';

/** The subject: persons carry their admission date, units and collectives their founding date. */
export interface EligibilitySubject {
  kind: SubjectKind;
  admittedOn?: IsoDate;
  foundedOn?: IsoDate;
}

/** Facts at the reference date. */
export interface EligibilityFacts {
  events?: readonly DatedEvent[];
  /** Absent from the review or not yet assessed: to be graded later (HD 21, II.6). */
  absent?: boolean;
  /** Reviewed here, graded by a superior body (e.g. the seed's district standing members). */
  gradedByHigherLevel?: boolean;
}

/** The eligibility of one subject, with its Vietnamese reason and source. */
export interface EligibilityResult {
  status: Eligibility;
  reviewed: boolean;
  graded: boolean;
  reason: string;
  source: string;
}

function covering(events: readonly DatedEvent[], kind: 'exempt' | 'suspended', date: IsoDate): DatedEvent | undefined {
  return events.find(
    (e) => e.kind === kind && compareDates(e.from, date) <= 0 && (e.to == null || compareDates(date, e.to) <= 0),
  );
}

/** True when fewer than `months` months have passed from `start` to `date` (6 months exactly is enough). */
function underMonths(start: IsoDate, months: number, date: IsoDate): boolean {
  return compareDates(addMonths(start, months), date) > 0;
}

function personExclusion(ruleSet: RuleSet, subject: EligibilitySubject, facts: EligibilityFacts, at: IsoDate): EligibilityResult | undefined {
  const src = ruleSet.eligibility.excludedSource;
  const exempt = covering(facts.events ?? [], 'exempt', at);
  if (exempt) {
    const reason = `Được miễn công tác và sinh hoạt đảng từ ngày ${formatViDate(exempt.from)} (${src}): không kiểm điểm, không xếp loại.`;
    return { status: 'exempt', reviewed: false, graded: false, reason, source: src };
  }
  const suspended = covering(facts.events ?? [], 'suspended', at);
  if (suspended) {
    const reason = `Bị đình chỉ sinh hoạt đảng từ ngày ${formatViDate(suspended.from)} (${src}): không kiểm điểm, không xếp loại.`;
    return { status: 'suspended', reviewed: false, graded: false, reason, source: src };
  }
  const rule = ruleSet.eligibility.newMember;
  if (subject.kind === 'member' && subject.admittedOn && underMonths(subject.admittedOn, rule.months, at)) {
    const what = rule.reviewed ? 'vẫn kiểm điểm, không xếp loại' : 'không kiểm điểm, không xếp loại';
    const reason = `Kết nạp ngày ${formatViDate(subject.admittedOn)}, chưa đủ 0${rule.months} tháng đến ngày ${formatViDate(at)} (${rule.source}): ${what}.`;
    return { status: 'new_member', reviewed: rule.reviewed, graded: rule.graded, reason, source: rule.source };
  }
  return undefined;
}

function unitExclusion(ruleSet: RuleSet, subject: EligibilitySubject, at: IsoDate): EligibilityResult | undefined {
  const rule = ruleSet.eligibility.newUnit;
  if (!subject.foundedOn || !underMonths(subject.foundedOn, rule.months, at)) return undefined;
  const what = rule.graded ? 'vẫn đánh giá, xếp loại' : rule.reviewed ? 'kiểm điểm, không xếp loại' : 'không đánh giá, xếp loại';
  const reason = `Thành lập ngày ${formatViDate(subject.foundedOn)}, chưa đủ 0${rule.months} tháng đến ngày ${formatViDate(at)} (${rule.source}): ${what}.`;
  if (rule.graded) return { status: 'eligible', reviewed: true, graded: true, reason, source: rule.source };
  return { status: 'new_unit', reviewed: rule.reviewed, graded: false, reason, source: rule.source };
}

/**
 * HD 43 Mục 7 (rules-audit.md R52): "7.6. Đảng viên đang sinh hoạt đảng tạm thời thì kiểm điểm, đánh
 * giá, xếp loại ở nơi sinh hoạt đảng chính thức" — the member's membership is the official cell, the
 * temporary one an event: the member stays eligible where the membership is, the temporary cell's
 * opinion being taken first; "7.7. Cấp ủy viên bị đình chỉ sinh hoạt cấp ủy thì phải kiểm điểm …
 * tại chi bộ nơi đang sinh hoạt" — unlike a suspension from party activity, still reviewed and graded.
 */
function hd43Special(events: readonly DatedEvent[], at: IsoDate): EligibilityResult | undefined {
  const on = (kind: DatedEvent['kind']) => events.find((e) => e.kind === kind && compareDates(e.from, at) <= 0 && (e.to == null || compareDates(at, e.to) <= 0));
  const committee = on('committee_suspended');
  if (committee) {
    const reason = `Bị đình chỉ sinh hoạt cấp ủy từ ngày ${formatViDate(committee.from)}: vẫn kiểm điểm trách nhiệm trong thời gian trước khi bị đình chỉ, tại chi bộ nơi đang sinh hoạt, và đánh giá, xếp loại (${SRC.HD43_COMMITTEE_SUSPENDED}).`;
    return { status: 'eligible', reviewed: true, graded: true, reason, source: SRC.HD43_COMMITTEE_SUSPENDED };
  }
  const temporary = on('temporary_membership');
  if (temporary) {
    const reason = `Sinh hoạt đảng tạm thời từ ngày ${formatViDate(temporary.from)}: kiểm điểm, đánh giá, xếp loại ở nơi sinh hoạt đảng chính thức, sau khi lấy ý kiến nhận xét của chi bộ nơi sinh hoạt tạm thời (${SRC.HD43_TEMPORARY}).`;
    return { status: 'eligible', reviewed: true, graded: true, reason, source: SRC.HD43_TEMPORARY };
  }
  return undefined;
}

/**
 * Eligibility at `referenceDate`: exempt or suspended (an event covering the date) → neither
 * reviewed nor graded; a member admitted < 6 months → per rule set (HD 21: reviewed, not graded;
 * QĐ 124 / QĐ 366: neither); a unit or collective founded < 6 months → per rule set parameter;
 * absent → 'pending'; graded by a superior → 'higher_level'; otherwise 'eligible'.
 */
export function computeEligibility(input: {
  ruleSet: RuleSet;
  subject: EligibilitySubject;
  facts?: EligibilityFacts;
  referenceDate: IsoDate;
}): EligibilityResult {
  const { ruleSet, subject, referenceDate: at } = input;
  const facts = input.facts ?? {};
  const isPerson = subject.kind === 'member' || subject.kind === 'position';
  const excluded = isPerson ? personExclusion(ruleSet, subject, facts, at) : unitExclusion(ruleSet, subject, at);
  if (excluded && excluded.status !== 'eligible') return excluded;
  const absentSource = ruleSet.code === 'QD132-HD21' ? SRC.HD21_EXCLUDED : `${SRC.HD21_EXCLUDED} (carried over) [no section in sources]`;
  if (facts.absent) {
    const reason = `Vắng mặt hoặc chưa được đánh giá: phải đánh giá, xếp loại trong thời gian sớm nhất (${absentSource}).`;
    return { status: 'pending', reviewed: true, graded: true, reason, source: absentSource };
  }
  if (facts.gradedByHigherLevel) {
    const reason = 'Kiểm điểm tại đây, do cấp trên có thẩm quyền đánh giá, xếp loại (phân cấp quản lý cán bộ).';
    return { status: 'higher_level', reviewed: true, graded: false, reason, source: 'GUIDE.md §4.7 [no section in sources]' };
  }
  if (excluded) return excluded;
  const special = isPerson && ruleSet.code === 'QD366-HD43' ? hd43Special(facts.events ?? [], at) : undefined;
  if (special) return special;
  const source = ruleSet.code === 'QD366-HD43' ? SRC.QD366_REVIEWED_GRADED : ruleSet.eligibility.excludedSource;
  return { status: 'eligible', reviewed: true, graded: true, reason: 'Thuộc diện kiểm điểm, đánh giá, xếp loại.', source };
}

/** One entry of the audit trail (GUIDE.md §4.8: who, when, old value, new value, why). */
export interface AuditEntry {
  action: 'eligibility_override';
  by: string;
  at: string;
  old: EligibilityResult;
  new: EligibilityResult;
  reason: string;
}

/**
 * Overrides a computed eligibility with a recorded reason; returns the new result and its audit
 * entry. Throws ReasonRequired when the reason is blank.
 */
export function overrideEligibility(input: {
  computed: EligibilityResult;
  to: Pick<EligibilityResult, 'status' | 'reviewed' | 'graded'>;
  reason: string;
  by: string;
  at: string;
}): { result: EligibilityResult; audit: AuditEntry } {
  const why = input.reason.trim();
  if (!why) {
    throw new AppError('ReasonRequired', {
      vi: 'Điều chỉnh diện đánh giá phải ghi lý do.',
      en: 'An eligibility override needs a reason.',
    });
  }
  const result: EligibilityResult = { ...input.to, reason: `Điều chỉnh: ${why}`, source: `override by ${input.by}` };
  return { result, audit: { action: 'eligibility_override', by: input.by, at: input.at, old: input.computed, new: result, reason: why } };
}
