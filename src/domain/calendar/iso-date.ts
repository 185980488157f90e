/**
 * Calendar dates as ISO text 'YYYY-MM-DD', computed in UTC so that no time zone or clock is involved.
 * Every function is pure; an invalid date raises AppError('ValidationFailed').
 */
import { AppError } from '../errors.js';

/** A calendar date written 'YYYY-MM-DD'. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Parses 'YYYY-MM-DD' into a day number (days since 1970-01-01); rejects impossible dates such as 2023-02-30. */
export function toDayNumber(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw invalidDate(date);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) throw invalidDate(date);
  return Math.round(ms / DAY_MS);
}

/** The ISO date of a day number. */
export function fromDayNumber(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** True when the text is a valid 'YYYY-MM-DD' date. */
export function isIsoDate(text: string): boolean {
  try {
    toDayNumber(text);
    return true;
  } catch {
    return false;
  }
}

/** The date `days` calendar days after `date` (before it when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * The date `months` calendar months after `date`, clamped to the month's last day
 * (2022-08-31 + 6 months = 2023-02-28).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const d = toDayNumber(date); // validates
  const src = new Date(d * DAY_MS);
  const total = src.getUTCFullYear() * 12 + src.getUTCMonth() + months;
  const y = Math.floor(total / 12);
  const mo = total - y * 12;
  const last = new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();
  const day = Math.min(src.getUTCDate(), last);
  return fromDayNumber(Math.round(Date.UTC(y, mo, day) / DAY_MS));
}

/** Negative, zero or positive as `a` is before, equal to or after `b`. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(toDayNumber(date) * DAY_MS).getUTCDay();
}

/** True on Saturday and Sunday, the weekly rest days of the Labour Code's default week. */
export function isWeekend(date: IsoDate): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

/** The year of an ISO date. */
export function yearOf(date: IsoDate): number {
  toDayNumber(date);
  return Number(date.slice(0, 4));
}

/** Vietnamese short form 'DD/MM/YYYY' used in reason texts (e.g. 12/05/2022). */
export function formatViDate(date: IsoDate): string {
  toDayNumber(date);
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/**
 * The ISO date of a timestamp text: 'YYYY-MM-DD' as is, or the date part of 'YYYY-MM-DDThh:mm…'
 * (the caller passes local Vietnamese time; no zone conversion is done here).
 */
export function dateOfTimestamp(text: string): IsoDate {
  const date = text.slice(0, 10);
  toDayNumber(date);
  return date;
}

function invalidDate(date: string): AppError {
  return new AppError('ValidationFailed', {
    vi: `Ngày không hợp lệ «${date}» (cần dạng YYYY-MM-DD).`,
    en: `Invalid date "${date}" (expected YYYY-MM-DD).`,
  });
}
