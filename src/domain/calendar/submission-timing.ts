/**
 * Whether a unit's report reached its superior by the deadline (GUIDE.md §4.9: "track each unit's
 * submission time against its deadline"), measured in working days of the Labour Code calendar.
 */
import { addWorkingDays, DEFAULT_CALENDAR, isWorkingDay, workingDaysBetween, type WorkingCalendar } from './working-calendar.js';
import { compareDates, dateOfTimestamp, toDayNumber, type IsoDate } from './iso-date.js';

/** The timing of one submission. */
export type SubmissionTiming =
  | { status: 'on_time'; effectiveDeadline: IsoDate }
  | { status: 'late'; effectiveDeadline: IsoDate; workingDaysLate: number; calendarDaysLate: number }
  | { status: 'missing'; effectiveDeadline: IsoDate };

/**
 * What happens when the deadline is a day off: 'as_is' (default: the date set by the plan counts) or
 * 'next_working_day' (the period ends on the next working day, as in Bộ luật Dân sự 2015 Điều 148
 * khoản 5 — [M], not in the sources folder; a plan may choose it).
 */
export type DeadlineOnDayOff = 'as_is' | 'next_working_day';

/**
 * On time when submitted on or before the (effective) deadline date; late otherwise, with the working
 * days late counted after the deadline up to and including the submission date; missing when nothing
 * was submitted. `submittedAt` is 'YYYY-MM-DD' or a local timestamp 'YYYY-MM-DDThh:mm…'.
 */
export function submissionTiming(input: {
  submittedAt: string | null | undefined;
  deadline: IsoDate;
  calendar?: WorkingCalendar;
  deadlineOnDayOff?: DeadlineOnDayOff;
}): SubmissionTiming {
  const calendar = input.calendar ?? DEFAULT_CALENDAR;
  let effectiveDeadline = input.deadline;
  if (input.deadlineOnDayOff === 'next_working_day' && !isWorkingDay(input.deadline, calendar)) {
    effectiveDeadline = addWorkingDays(input.deadline, 1, calendar);
  }
  if (input.submittedAt === null || input.submittedAt === undefined) return { status: 'missing', effectiveDeadline };
  const submitted = dateOfTimestamp(input.submittedAt);
  if (compareDates(submitted, effectiveDeadline) <= 0) return { status: 'on_time', effectiveDeadline };
  return {
    status: 'late',
    effectiveDeadline,
    workingDaysLate: workingDaysBetween(effectiveDeadline, submitted, calendar),
    calendarDaysLate: toDayNumber(submitted) - toDayNumber(effectiveDeadline),
  };
}
