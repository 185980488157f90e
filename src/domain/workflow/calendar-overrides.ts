/**
 * Configured days on top of the statutory calendar (GUIDE.md §4.9: "swapped days are announced
 * yearly: keep the calendar as data"; rules_2025.md §5: 24/11 may become a holiday): a day off or a
 * working day set by the compiling committee, applied after the holiday data of the year.
 */
import { AppError } from '../errors.js';
import { isIsoDate, type IsoDate } from '../calendar/iso-date.js';
import { buildWorkingCalendar, type WorkingCalendar } from '../calendar/working-calendar.js';
import { HOLIDAY_DATA, type YearHolidays } from '../calendar/holiday-data.js';

export const CALENDAR_OVERRIDE_KINDS = ['day_off', 'working_day'] as const;
export type CalendarOverrideKind = (typeof CALENDAR_OVERRIDE_KINDS)[number];

export interface CalendarOverride {
  date: IsoDate;
  kind: CalendarOverrideKind;
  name: string;
}

/** Checks one override: a real date, a known kind, a name. */
export function assertCalendarOverride(o: { date: string; kind: string; name: string }): asserts o is CalendarOverride {
  if (!isIsoDate(o.date)) throw new AppError('ValidationFailed', { vi: `Ngày «${o.date}» không hợp lệ (YYYY-MM-DD).`, en: `Invalid date "${o.date}".` }, { field: 'date' });
  if (!(CALENDAR_OVERRIDE_KINDS as readonly string[]).includes(o.kind)) {
    throw new AppError('ValidationFailed', { vi: `Loại ngày «${o.kind}» không hợp lệ (day_off, working_day).`, en: `Unknown kind "${o.kind}".` }, { field: 'kind' });
  }
  if (o.name.trim() === '') throw new AppError('ValidationFailed', { vi: 'Phải ghi tên ngày nghỉ / ngày làm bù.', en: 'A name is required.' }, { field: 'name' });
}

/** The working calendar with overrides applied (a day off wins over the statutory working day and vice versa). */
export function calendarWithOverrides(overrides: readonly CalendarOverride[], data: readonly YearHolidays[] = HOLIDAY_DATA): WorkingCalendar {
  const base = buildWorkingCalendar(data);
  if (overrides.length === 0) return base;
  const daysOff = new Map(base.daysOff);
  const workingWeekendDays = new Set(base.workingWeekendDays);
  for (const o of overrides) {
    if (o.kind === 'day_off') {
      daysOff.set(o.date, o.name);
      workingWeekendDays.delete(o.date);
    } else {
      daysOff.delete(o.date);
      workingWeekendDays.add(o.date);
    }
  }
  return { daysOff, workingWeekendDays, years: base.years };
}
