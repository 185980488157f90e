/**
 * Organisation units and leadership collectives as the rest of the product sees them, and the pure
 * rules of effective dating (GUIDE.md §2: "the tree is effective-dated; merges and splits keep
 * history"). Periods are half-open: [validFrom, validTo), validTo null = still valid.
 */
import type { CollectiveKind, Level, OrgType, UnitKind } from '../codes.js';
import { AppError } from '../errors.js';

/** A half-open validity period. */
export interface Period {
  validFrom: string;
  validTo: string | null;
}

/** One version of a unit: its parent, name, kind and organisation type over a period. */
export interface UnitVersion extends Period {
  versionId: string;
  unitId: string;
  code: string;
  parentCode: string | null;
  name: string;
  kind: UnitKind;
  /** Stated organisation type; null = inherited from the nearest ancestor. */
  orgType: OrgType | null;
}

/** A unit as it stood on a date, placed in the tree. */
export interface UnitAt extends UnitVersion {
  /** Codes from the topmost ancestor down to this unit. */
  path: string[];
  /** Organisation type, inherited from the nearest ancestor that states one (FORMS.md §1). */
  effectiveOrgType: OrgType | null;
}

/** A unit of a subtree read on a date; depth 0 is the subtree's root. */
export interface SubtreeUnit extends UnitAt {
  depth: number;
}

/** A leadership collective (tập thể lãnh đạo, quản lý), GUIDE.md §2. */
export interface Collective extends Period {
  id: string;
  code: string;
  unitCode: string;
  name: string;
  kind: CollectiveKind;
  level: Level;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2022-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(mo) ? 30 : 31);
}

/** 2022-03-01 → 01/03/2022, the way dates are written in Vietnamese messages. */
export function formatViDate(date: string): string {
  const m = ISO_DATE.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date;
}

/** Throws ValidationFailed naming `field` unless `value` is a real ISO date. */
export function assertIsoDate(value: string, field: string): void {
  if (isIsoDate(value)) return;
  throw new AppError(
    'ValidationFailed',
    { vi: `Trường «${field}» không phải ngày hợp lệ (YYYY-MM-DD): «${value}».`, en: `Field "${field}" is not a valid date (YYYY-MM-DD): "${value}".` },
    { field },
  );
}

/** Checks both dates and that the period is not empty (validFrom < validTo). */
export function assertPeriod(period: Period, fields: { from: string; to: string } = { from: 'validFrom', to: 'validTo' }): void {
  assertIsoDate(period.validFrom, fields.from);
  if (period.validTo === null) return;
  assertIsoDate(period.validTo, fields.to);
  if (period.validFrom < period.validTo) return;
  throw new AppError(
    'PeriodInvalid',
    {
      vi: `Ngày kết thúc (${formatViDate(period.validTo)}) phải sau ngày bắt đầu (${formatViDate(period.validFrom)}).`,
      en: `The end date (${period.validTo}) must be after the start date (${period.validFrom}).`,
    },
    { field: fields.to },
  );
}

/** True when the period contains the day `date`. */
export function periodContains(period: Period, date: string): boolean {
  return period.validFrom <= date && (period.validTo === null || date < period.validTo);
}

/** True when two half-open periods share at least one day. */
export function periodsOverlap(a: Period, b: Period): boolean {
  const aStartsBeforeBEnds = b.validTo === null || a.validFrom < b.validTo;
  const bStartsBeforeAEnds = a.validTo === null || b.validFrom < a.validTo;
  return aStartsBeforeBEnds && bStartsBeforeAEnds;
}

/**
 * The first day of `period` that none of `cover` contains, or null when they cover all of it.
 * Used to check that a parent (or a cell, a collective's unit) exists throughout a new period.
 */
export function firstUncoveredDate(period: Period, cover: readonly Period[]): string | null {
  const sorted = [...cover].sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0));
  let cursor: string | null = period.validFrom;
  for (const p of sorted) {
    if (cursor === null || (period.validTo !== null && cursor >= period.validTo)) return null;
    if (p.validFrom > cursor) return cursor;
    if (p.validTo === null || p.validTo > cursor) cursor = p.validTo;
  }
  if (cursor === null || (period.validTo !== null && cursor >= period.validTo)) return null;
  return cursor;
}

/**
 * The error for a unit missing on some day of a period it must cover: ParentNotValid for a parent,
 * UnitNotValidOnDate for a cell or a collective's or position's unit, naming the first such day
 * ("chưa" before it existed, "không còn" after it ended).
 */
export function unitGapError(options: { code: string; gap: string; versions: readonly Period[]; error: 'ParentNotValid' | 'UnitNotValidOnDate'; field: string }): AppError {
  const before = options.versions.every((v) => options.gap < v.validFrom);
  const role = options.error === 'ParentNotValid' ? { vi: 'Đơn vị cấp trên', en: 'Parent unit' } : { vi: 'Đơn vị', en: 'Unit' };
  return new AppError(
    options.error,
    {
      vi: `${role.vi} «${options.code}» ${before ? 'chưa' : 'không còn'} tồn tại vào ngày ${formatViDate(options.gap)}.`,
      en: `${role.en} "${options.code}" does not exist on ${options.gap}.`,
    },
    { field: options.field, details: { unitCode: options.code, date: options.gap } },
  );
}

/** Words for a period in messages: "từ 01/01/2022 đến 01/07/2025" / "from 2022-01-01 to 2025-07-01". */
export function describePeriod(period: Period): { vi: string; en: string } {
  const to = period.validTo;
  return {
    vi: `từ ${formatViDate(period.validFrom)}${to ? ` đến ${formatViDate(to)}` : ''}`,
    en: `from ${period.validFrom}${to ? ` to ${to}` : ''}`,
  };
}

/** Orders tree paths (lists of codes) so that a parent comes right before its subtree (pre-order). */
export function comparePaths(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/**
 * Fills `effectiveOrgType` down a subtree listed parents-first: a unit's own type, else its
 * parent's effective type, else `rootInherited` (the type the subtree root inherits from above).
 */
export function inheritOrgTypes<T extends { code: string; parentCode: string | null; orgType: OrgType | null }>(
  units: readonly T[],
  rootInherited: OrgType | null,
): (T & { effectiveOrgType: OrgType | null })[] {
  const byCode = new Map<string, OrgType | null>();
  return units.map((u) => {
    const fromParent = u.parentCode !== null && byCode.has(u.parentCode) ? (byCode.get(u.parentCode) ?? null) : rootInherited;
    const effectiveOrgType = u.orgType ?? fromParent;
    byCode.set(u.code, effectiveOrgType);
    return { ...u, effectiveOrgType };
  });
}
