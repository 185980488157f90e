/**
 * Checks of a review meeting's record (GUIDE.md §4.4): the draft review report circulated at least 3
 * working days before the meeting (HD 43 Mục 2 điểm 1: "gửi trước cho các thành viên tham gia hội nghị
 * kiểm điểm ít nhất 03 ngày làm việc"), and the meeting's minimum length: QĐ 132 / HD 21 (seed) ≥ 1.5
 * days for standing committees and commune committees, ≥ 1 day for others; HD 43 ≥ 1 day, province
 * standing committees 2 days. QĐ 124 / HD 25 states nothing in the sources: HD 21's values carried over.
 * The record keeps what happened; a missed rule is a finding, not a refusal.
 */
import type { CollectiveKind, Level, OrgType, RuleSetCode, UnitKind } from '../codes.js';
import { AppError } from '../errors.js';
import { compareDates, formatViDate, toDayNumber, type IsoDate } from '../calendar/iso-date.js';
import { addWorkingDays, DEFAULT_CALENDAR, type WorkingCalendar } from '../calendar/working-calendar.js';

export interface ReviewSubject {
  kind: 'collective' | 'unit';
  collectiveKind?: CollectiveKind;
  level?: Level;
  unitKind: UnitKind;
  orgType: OrgType | null;
}

export interface ReviewFinding {
  code: 'draft_late' | 'draft_missing' | 'too_short';
  text: string;
  source: string;
}

const COMMUNE_TYPES: readonly (OrgType | null)[] = ['xa', 'phuong', 'thi_tran', 'dac_khu'];
/**
 * The draft-circulation rule's citation per rule set (rules-audit.md §6.3): HD 43 from 2025; before,
 * the seed's practice under HD 21 (regulations.md §2.6: "draft collective report sent ≥ 3 working days
 * before"), carried over to HD 25 whose sources say nothing.
 */
export function draftSource(ruleSet: RuleSetCode): string {
  if (ruleSet === 'QD366-HD43') return 'HD 43, Mục 2 điểm 1 (ít nhất 03 ngày làm việc); GUIDE.md §4.4';
  if (ruleSet === 'QD132-HD21') return 'QĐ 132 / HD 21 (seed: gửi dự thảo trước ít nhất 03 ngày làm việc; GUIDE.md §4.4)';
  return 'HD 25 [no section in sources; carried over from HD 21 — verify]; GUIDE.md §4.4';
}

/** Minimum duration in half days and its source, per rule set and subject. */
export function minimumMeetingHalfDays(ruleSet: RuleSetCode, s: ReviewSubject): { halfDays: number; source: string; label: string } {
  const standing = s.kind === 'collective' && s.collectiveKind === 'cap_uy' && (s.level === 'tinh' || s.level === 'huyen');
  if (ruleSet === 'QD366-HD43') {
    const provinceStanding = standing && s.level === 'tinh';
    return provinceStanding
      ? { halfDays: 4, source: 'HD 43, Mục 2 điểm 1', label: 'ban thường vụ tỉnh ủy: tối thiểu 02 ngày' }
      : { halfDays: 2, source: 'HD 43, Mục 2 điểm 1', label: 'tối thiểu 01 ngày' };
  }
  const commune = s.kind === 'collective' ? s.collectiveKind === 'cap_uy' && s.level === 'co_so' && COMMUNE_TYPES.includes(s.orgType) : s.unitKind === 'grassroots_committee' && COMMUNE_TYPES.includes(s.orgType);
  const source = ruleSet === 'QD132-HD21' ? 'QĐ 132 / HD 21 (seed; GUIDE.md §4.4)' : 'HD 25 [no section in sources; carried over from HD 21 — verify]';
  return standing || commune
    ? { halfDays: 3, source, label: 'ban thường vụ, đảng ủy xã, phường, thị trấn: tối thiểu 1,5 ngày' }
    : { halfDays: 2, source, label: 'tối thiểu 01 ngày' };
}

function invalid(field: string, vi: string, en: string): AppError {
  return new AppError('ValidationFailed', { vi, en }, { field });
}

/** Validates the dates and duration: end on or after start, duration > 0 and within the days spanned. */
export function assertMeetingDates(input: { meetingStart: IsoDate; meetingEnd: IsoDate; durationHalfDays: number }): void {
  if (compareDates(input.meetingEnd, input.meetingStart) < 0) {
    throw invalid('meetingEnd', `Ngày kết thúc hội nghị (${formatViDate(input.meetingEnd)}) trước ngày bắt đầu (${formatViDate(input.meetingStart)}).`, 'The meeting ends before it starts.');
  }
  const span = toDayNumber(input.meetingEnd) - toDayNumber(input.meetingStart) + 1;
  if (!Number.isInteger(input.durationHalfDays) || input.durationHalfDays <= 0 || input.durationHalfDays > span * 2) {
    throw invalid('durationDays', `Thời gian hội nghị phải là bội của 0,5 ngày, lớn hơn 0 và không quá ${span} ngày (từ ngày bắt đầu đến ngày kết thúc).`, `The duration must be a positive multiple of 0.5 days, at most ${span}.`);
  }
}

/**
 * The findings of a review record: draft circulated later than 3 working days before the meeting's
 * first day (the latest allowed day is `addWorkingDays(start, -3)`), no circulation date recorded for
 * a collective, or a meeting shorter than the minimum.
 */
export function checkReviewRecord(input: {
  ruleSet: RuleSetCode;
  subject: ReviewSubject;
  meetingStart: IsoDate;
  meetingEnd: IsoDate;
  durationHalfDays: number;
  draftCirculatedOn: IsoDate | null;
  calendar?: WorkingCalendar;
}): { findings: ReviewFinding[]; latestCirculation: IsoDate; minimumHalfDays: number } {
  assertMeetingDates(input);
  const calendar = input.calendar ?? DEFAULT_CALENDAR;
  const latest = addWorkingDays(input.meetingStart, -3, calendar);
  const findings: ReviewFinding[] = [];
  const SRC_DRAFT = draftSource(input.ruleSet);
  if (input.draftCirculatedOn === null) {
    if (input.subject.kind === 'collective') {
      findings.push({ code: 'draft_missing', text: 'Chưa ghi ngày gửi dự thảo báo cáo kiểm điểm.', source: SRC_DRAFT });
    }
  } else if (compareDates(input.draftCirculatedOn, latest) > 0) {
    findings.push({
      code: 'draft_late',
      text: `Dự thảo báo cáo gửi ngày ${formatViDate(input.draftCirculatedOn)}, muộn hơn hạn ${formatViDate(latest)} (ít nhất 03 ngày làm việc trước hội nghị ngày ${formatViDate(input.meetingStart)}) (${SRC_DRAFT}).`,
      source: SRC_DRAFT,
    });
  }
  const min = minimumMeetingHalfDays(input.ruleSet, input.subject);
  if (input.durationHalfDays < min.halfDays) {
    const days = (n: number) => String(n / 2).replace('.', ',');
    findings.push({
      code: 'too_short',
      text: `Hội nghị kiểm điểm ${days(input.durationHalfDays)} ngày, dưới mức ${min.label} (${min.source}).`,
      source: min.source,
    });
  }
  return { findings, latestCirculation: latest, minimumHalfDays: min.halfDays };
}
