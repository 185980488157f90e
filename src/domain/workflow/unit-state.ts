/**
 * A unit's state in a cycle as the tree and the dashboard show it (issue #9 item 2): not started,
 * in progress, submitted, accepted, returned or late — from its report to its parent (GUIDE.md §4.9,
 * src/domain/workflow/submissions.ts), its deadline in working days (src/domain/calendar), and
 * whether anything in it has been graded yet. Pure.
 */
import { type WorkingCalendar, workingDaysBetween } from '../calendar/working-calendar.js';
import type { SubmissionTiming } from '../calendar/submission-timing.js';
import type { SubmissionStatus } from './submissions.js';

export const UNIT_STATES = ['not_started', 'in_progress', 'submitted', 'accepted', 'returned', 'late'] as const;
export type UnitState = (typeof UNIT_STATES)[number];

export const UNIT_STATE_LABELS: Record<UnitState, string> = {
  not_started: 'Chưa bắt đầu',
  in_progress: 'Đang thực hiện',
  submitted: 'Đã gửi kết quả',
  accepted: 'Đã tiếp nhận',
  returned: 'Bị trả lại',
  late: 'Quá hạn',
};

/** The state, and how many working days are left before the deadline (negative: late by that many). */
export interface UnitStateResult {
  state: UnitState;
  /** True when the report came, or is still missing, after its deadline. */
  late: boolean;
  /** Working days from today to the deadline (today excluded); negative once past it; null without a deadline or calendar data. */
  workingDaysLeft: number | null;
}

/** Working days from `today` to `deadline`, or null when the calendar has no data for those years. */
export function workingDaysLeft(today: string, deadline: string | null, calendar?: WorkingCalendar): number | null {
  if (deadline === null) return null;
  try {
    return workingDaysBetween(today, deadline, calendar);
  } catch {
    return null;
  }
}

/**
 * Decides the state: the report's status first (accepted or locked, returned, submitted); without a
 * report standing, late once the deadline has passed, else in progress when something is graded.
 */
export function unitState(input: {
  status: SubmissionStatus | 'none';
  timing: SubmissionTiming | null;
  deadline: string | null;
  today: string;
  anyGraded: boolean;
  calendar?: WorkingCalendar;
  /** The working days left when the caller has counted them already (many units share a deadline). */
  workingDaysLeft?: number | null;
}): UnitStateResult {
  const left = input.workingDaysLeft !== undefined ? input.workingDaysLeft : workingDaysLeft(input.today, input.deadline, input.calendar);
  const lateReport = input.timing?.status === 'late';
  if (input.status === 'accepted' || input.status === 'locked') return { state: 'accepted', late: lateReport, workingDaysLeft: left };
  if (input.status === 'returned') return { state: 'returned', late: input.deadline !== null && input.today > input.deadline, workingDaysLeft: left };
  if (input.status === 'submitted') return { state: 'submitted', late: lateReport, workingDaysLeft: left };
  if (input.deadline !== null && input.today > input.deadline) return { state: 'late', late: true, workingDaysLeft: left };
  return { state: input.anyGraded ? 'in_progress' : 'not_started', late: false, workingDaysLeft: left };
}
