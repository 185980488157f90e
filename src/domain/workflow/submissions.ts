/**
 * Units report their results of a cycle to their parent (GUIDE.md §4.9: "Units report upward by a
 * deadline … Track each unit's submission time against its deadline, children before parents"):
 * draft → submitted → returned with a comment (→ submitted again) or accepted → locked. A parent's
 * report is accepted only after its children's are, except for a child named with a reason (dissolved,
 * merged, reporting counts only). Once a parent's report is locked its children can no longer submit.
 */
import { AppError } from '../errors.js';
import { submissionTiming, type SubmissionTiming } from '../calendar/submission-timing.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { IsoDate } from '../calendar/iso-date.js';

export const SUBMISSION_STATUSES = ['draft', 'submitted', 'returned', 'accepted', 'locked'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
export const SUBMISSION_ACTIONS = ['draft', 'submit', 'return', 'accept', 'lock'] as const;
export type SubmissionAction = (typeof SUBMISSION_ACTIONS)[number];

export const SUBMISSION_STATUS_LABELS: Record<SubmissionStatus | 'none', string> = {
  none: 'Chưa có báo cáo',
  draft: 'Đang soạn',
  submitted: 'Đã nộp',
  returned: 'Bị trả lại',
  accepted: 'Đã tiếp nhận',
  locked: 'Đã khóa',
};

const TRANSITIONS: Record<SubmissionAction, { from: readonly (SubmissionStatus | 'none')[]; to: SubmissionStatus }> = {
  draft: { from: ['none', 'returned'], to: 'draft' },
  submit: { from: ['none', 'draft', 'returned'], to: 'submitted' },
  return: { from: ['submitted'], to: 'returned' },
  accept: { from: ['submitted'], to: 'accepted' },
  lock: { from: ['accepted'], to: 'locked' },
};

const ACTION_VI: Record<SubmissionAction, string> = { draft: 'soạn', submit: 'nộp', return: 'trả lại', accept: 'tiếp nhận', lock: 'khóa' };

/** The status after `action`; SubmissionStateInvalid when the action does not apply. */
export function nextSubmissionStatus(current: SubmissionStatus | 'none', action: SubmissionAction, unitCode: string): SubmissionStatus {
  const t = TRANSITIONS[action];
  if (t.from.includes(current)) return t.to;
  throw new AppError(
    'SubmissionStateInvalid',
    {
      vi: `Không thể ${ACTION_VI[action]} báo cáo của «${unitCode}» khi đang ở trạng thái «${SUBMISSION_STATUS_LABELS[current]}».`,
      en: `Cannot ${action} the report of "${unitCode}" while it is "${current}".`,
    },
    { field: 'status', details: { current, action } },
  );
}

/** Throws SubmissionLocked when the parent's report is locked: nothing below it may change. */
export function assertParentOpen(input: { parentStatus: SubmissionStatus | 'none'; parentCode: string; unitCode: string }): void {
  if (input.parentStatus !== 'locked') return;
  throw new AppError(
    'SubmissionLocked',
    {
      vi: `Báo cáo của «${input.parentCode}» đã khóa; «${input.unitCode}» không thể nộp hoặc thay đổi báo cáo nữa.`,
      en: `The report of "${input.parentCode}" is locked; "${input.unitCode}" can no longer submit or change its report.`,
    },
    { field: 'unitCode' },
  );
}

/** A child accepted without its own accepted report, with the reason. */
export interface SubmissionException {
  unitCode: string;
  reason: string;
}

/**
 * Checks that every child's report is accepted (or locked) before the parent's is accepted; a child
 * named in `exceptions` with a reason is excused. Returns the exceptions actually used; throws
 * ChildrenNotAccepted naming the children still outstanding, or ValidationFailed for a blank reason
 * or an exception naming no child.
 */
export function checkChildrenAccepted(input: {
  unitCode: string;
  children: readonly { code: string; status: SubmissionStatus | 'none' }[];
  exceptions?: readonly SubmissionException[];
}): SubmissionException[] {
  const exceptions = input.exceptions ?? [];
  exceptions.forEach((e, i) => {
    if (!input.children.some((c) => c.code === e.unitCode)) {
      throw new AppError('ValidationFailed', { vi: `«${e.unitCode}» không phải đơn vị trực thuộc «${input.unitCode}».`, en: `"${e.unitCode}" is not a child of "${input.unitCode}".` }, { field: `exceptions.${i}.unitCode` });
    }
    if (e.reason.trim() === '') {
      throw new AppError('ReasonRequired', { vi: `Ngoại lệ cho «${e.unitCode}» phải ghi lý do.`, en: `The exception for "${e.unitCode}" needs a reason.` }, { field: `exceptions.${i}.reason` });
    }
  });
  const outstanding = input.children.filter((c) => c.status !== 'accepted' && c.status !== 'locked');
  const unexcused = outstanding.filter((c) => !exceptions.some((e) => e.unitCode === c.code));
  if (unexcused.length > 0) {
    const list = unexcused.map((c) => `${c.code} (${SUBMISSION_STATUS_LABELS[c.status]})`).join(', ');
    throw new AppError(
      'ChildrenNotAccepted',
      {
        vi: `Chưa thể tiếp nhận báo cáo của «${input.unitCode}»: ${unexcused.length} đơn vị trực thuộc chưa được tiếp nhận báo cáo: ${list}. Cấp dưới trước, cấp trên sau (GUIDE.md §4.9); nếu đơn vị đã giải thể, sáp nhập hoặc chỉ báo cáo số liệu, ghi ngoại lệ kèm lý do.`,
        en: `Cannot accept "${input.unitCode}": ${unexcused.length} child report(s) not accepted: ${list}.`,
      },
      { field: 'exceptions', details: { outstanding: unexcused.map((c) => c.code) } },
    );
  }
  return exceptions.filter((e) => outstanding.some((c) => c.code === e.unitCode)).map((e) => ({ unitCode: e.unitCode, reason: e.reason.trim() }));
}

/** A subject of the unit's scope that must be graded and has neither a proposed nor a decided grade. */
export interface UngradedSubject {
  evaluationId: string;
  subjectKind: string;
  subjectRef: string;
  name: string;
}

/** A subject sent ungraded, with the unit's reason. */
export interface UngradedException extends UngradedSubject {
  reason: string;
}

const SUBJECT_KIND_VI: Record<string, string> = { member: 'đảng viên', unit: 'tổ chức', collective: 'tập thể', position: 'cá nhân lãnh đạo' };

/** "đảng viên Lò Thị Ba (10.003)". */
export function ungradedLabel(s: UngradedSubject): string {
  return `${SUBJECT_KIND_VI[s.subjectKind] ?? s.subjectKind} ${s.name}${s.name === s.subjectRef ? '' : ` (${s.subjectRef})`}`;
}

/**
 * A unit sends its results only when every subject of its scope to be graded has a proposed or
 * decided grade, or is named as an exception with a reason (issue 8: "a unit cannot submit while
 * subjects in its scope are ungraded and not listed as exceptions with a reason"; GUIDE.md §4.9).
 * Returns the exceptions used (with the subjects' names); throws ValidationFailed for an exception
 * naming a subject that is not ungraded in the scope, ReasonRequired for a blank reason, and
 * SubjectsNotGraded listing the subjects still ungraded (details.ungraded, for the page's dialog).
 */
export function checkSubjectsGraded(input: {
  unitCode: string;
  ungraded: readonly UngradedSubject[];
  exceptions?: readonly { evaluationId: string; reason: string }[];
}): UngradedException[] {
  const exceptions = input.exceptions ?? [];
  const byId = new Map(input.ungraded.map((u) => [u.evaluationId, u]));
  exceptions.forEach((e, i) => {
    if (!byId.has(e.evaluationId)) {
      throw new AppError(
        'ValidationFailed',
        { vi: `Ngoại lệ thứ ${i + 1}: phiếu «${e.evaluationId}» không phải đối tượng chưa xếp loại thuộc «${input.unitCode}».`, en: `Exception ${i + 1}: "${e.evaluationId}" is not an ungraded subject of "${input.unitCode}".` },
        { field: `ungradedExceptions.${i}.evaluationId` },
      );
    }
    if (e.reason.trim() === '') {
      const label = ungradedLabel(byId.get(e.evaluationId) as UngradedSubject);
      throw new AppError('ReasonRequired', { vi: `Ngoại lệ cho ${label} phải ghi lý do chưa xếp loại.`, en: `The exception for ${e.evaluationId} needs a reason.` }, { field: `ungradedExceptions.${i}.reason` });
    }
  });
  const unexcused = input.ungraded.filter((u) => !exceptions.some((e) => e.evaluationId === u.evaluationId));
  if (unexcused.length > 0) {
    const shown = unexcused.slice(0, 10).map(ungradedLabel).join('; ');
    const more = unexcused.length > 10 ? ` và ${unexcused.length - 10} đối tượng khác` : '';
    throw new AppError(
      'SubjectsNotGraded',
      {
        vi: `Chưa thể gửi kết quả của «${input.unitCode}»: ${unexcused.length} đối tượng phải xếp loại chưa có mức đề xuất hoặc quyết định: ${shown}${more}. Hãy xếp loại, hoặc ghi từng đối tượng là ngoại lệ kèm lý do.`,
        en: `Cannot submit "${input.unitCode}": ${unexcused.length} subject(s) to be graded have no proposed or decided grade; grade them or list each as an exception with a reason.`,
      },
      { field: 'ungradedExceptions', details: { ungraded: unexcused } },
    );
  }
  return exceptions.map((e) => ({ ...(byId.get(e.evaluationId) as UngradedSubject), reason: e.reason.trim() }));
}

/** Vietnam keeps UTC+7 all year: the local date of an ISO instant ('…Z' or with an offset). */
export function vietnamDate(instant: string): IsoDate {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new AppError('ValidationFailed', { vi: `Thời điểm «${instant}» không hợp lệ.`, en: `Invalid instant "${instant}".` }, { field: 'at' });
  return new Date(ms + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Timing of a report: only a report standing as submitted (submitted, accepted, locked) counts. */
export function reportTiming(input: {
  status: SubmissionStatus | 'none';
  submittedAt: string | null;
  deadline: IsoDate | null;
  calendar?: WorkingCalendar;
}): SubmissionTiming | null {
  if (input.deadline === null) return null;
  const standing = input.status === 'submitted' || input.status === 'accepted' || input.status === 'locked';
  const submittedAt = standing && input.submittedAt ? vietnamDate(input.submittedAt) : null;
  return submissionTiming({ submittedAt, deadline: input.deadline, ...(input.calendar ? { calendar: input.calendar } : {}) });
}
