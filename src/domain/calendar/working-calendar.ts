/**
 * Working days per the Labour Code (BLLĐ 2019 Điều 111–112, rules_2025.md §5; GUIDE.md §4.9), built
 * from the yearly holiday data. Monday–Friday are working days unless a holiday, its compensation
 * day or a swapped day off; a swapped Saturday (làm bù) is a working day.
 */
import { AppError } from '../errors.js';
import { HOLIDAY_DATA, type YearHolidays } from './holiday-data.js';
import { addDays, compareDates, isWeekend, toDayNumber, yearOf, type IsoDate } from './iso-date.js';

/** A ready-to-query calendar: days off with their names, worked weekend days, covered years. */
export interface WorkingCalendar {
  readonly daysOff: ReadonlyMap<IsoDate, string>;
  readonly workingWeekendDays: ReadonlySet<IsoDate>;
  readonly years: ReadonlySet<number>;
}

/** A statutory holiday before any weekend move. */
interface Holiday {
  date: IsoDate;
  name: string;
}

/** The statutory holidays of a year (BLLĐ 2019 Điều 112 khoản 1; 2019–2020: BLLĐ 2012 Điều 115 [M]). */
function statutoryHolidays(y: YearHolidays): Holiday[] {
  const list: Holiday[] = [
    { date: `${y.year}-01-01`, name: 'Tết Dương lịch' },
    ...y.tet.map((date) => ({ date, name: 'Tết Âm lịch' })),
    { date: y.hungKings, name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
    { date: `${y.year}-04-30`, name: 'Ngày Chiến thắng' },
    { date: `${y.year}-05-01`, name: 'Ngày Quốc tế lao động' },
    { date: `${y.year}-09-02`, name: 'Quốc khánh' },
  ];
  if (y.nationalDayAdjacent) list.push({ date: y.nationalDayAdjacent, name: 'Quốc khánh (ngày liền kề)' });
  return list.sort((a, b) => compareDates(a.date, b.date));
}

/**
 * Builds the calendar. A holiday on Saturday or Sunday is taken on the next working day
 * (BLLĐ 2019 Điều 111 khoản 3), skipping days already off, in date order.
 */
export function buildWorkingCalendar(data: readonly YearHolidays[] = HOLIDAY_DATA): WorkingCalendar {
  const daysOff = new Map<IsoDate, string>();
  const workingWeekendDays = new Set<IsoDate>();
  for (const y of data) {
    for (const d of y.extraWorkingDays) workingWeekendDays.add(d);
    for (const d of y.extraDaysOff) daysOff.set(d, 'Nghỉ hoán đổi ngày làm việc');
  }
  for (const y of data) {
    const holidays = statutoryHolidays(y);
    for (const h of holidays) daysOff.set(h.date, h.name);
    for (const h of holidays) {
      if (!isWeekend(h.date)) continue;
      let d = addDays(h.date, 1);
      while ((isWeekend(d) && !workingWeekendDays.has(d)) || daysOff.has(d)) d = addDays(d, 1);
      daysOff.set(d, `Nghỉ bù ${h.name}`);
    }
  }
  return { daysOff, workingWeekendDays, years: new Set(data.map((y) => y.year)) };
}

/** The calendar built from HOLIDAY_DATA (2019–2027). */
export const DEFAULT_CALENDAR: WorkingCalendar = buildWorkingCalendar();

/** True when `date` is a working day; throws CalendarYearMissing for a year without holiday data. */
export function isWorkingDay(date: IsoDate, calendar: WorkingCalendar = DEFAULT_CALENDAR): boolean {
  const year = yearOf(date);
  if (!calendar.years.has(year)) {
    throw new AppError(
      'CalendarYearMissing',
      { vi: `Chưa có dữ liệu ngày nghỉ lễ, tết năm ${year}.`, en: `No public holiday data for ${year}.` },
      { details: { year } },
    );
  }
  if (calendar.workingWeekendDays.has(date)) return true;
  return !isWeekend(date) && !calendar.daysOff.has(date);
}

/** The name of the day off at `date` (holiday, compensation or swap), or undefined. */
export function dayOffName(date: IsoDate, calendar: WorkingCalendar = DEFAULT_CALENDAR): string | undefined {
  return calendar.daysOff.get(date);
}

/**
 * The date `n` working days after `date` (before it when `n` is negative); `n = 0` returns `date`
 * itself, working day or not. E.g. "ít nhất 03 ngày làm việc" before a meeting = addWorkingDays(meeting, -3).
 */
export function addWorkingDays(date: IsoDate, n: number, calendar: WorkingCalendar = DEFAULT_CALENDAR): IsoDate {
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let d = date;
  while (left > 0) {
    d = addDays(d, step);
    if (isWorkingDay(d, calendar)) left -= 1;
  }
  return d;
}

/**
 * The number of working days d with from < d ≤ to (the start excluded, the end included);
 * negative when `to` is before `from`. workingDaysBetween(x, x) = 0.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: WorkingCalendar = DEFAULT_CALENDAR): number {
  const span = toDayNumber(to) - toDayNumber(from);
  if (span < 0) return -workingDaysBetween(to, from, calendar);
  let count = 0;
  for (let i = 1; i <= span; i += 1) if (isWorkingDay(addDays(from, i), calendar)) count += 1;
  return count;
}
