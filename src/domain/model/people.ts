/**
 * Persons (party members), their cell memberships, dated events and leader positions (GUIDE.md §3:
 * "a leader is also a member: keep the person once and the evaluations apart"), with the pure
 * checks that guard them.
 */
import { DISCIPLINE_LEVELS, type DisciplineLevel, type PersonEventKind, type PositionGroup } from '../codes.js';
import { AppError } from '../errors.js';
import { assertIsoDate, assertPeriod, describePeriod, type Period, periodsOverlap } from './units.js';

/** Sex as recorded on the party card: nam (male), nu (female). */
export const SEXES = ['nam', 'nu'] as const;
export type Sex = (typeof SEXES)[number];

export interface Person {
  id: string;
  cardNumber: string;
  fullName: string;
  birthDate: string | null;
  sex: Sex;
  admittedOn: string;
  /** Date the member became official; null while probationary. */
  officialOn: string | null;
  isCivilServant: boolean;
  createdAt: string;
}

/** The fields a caller supplies to create a person. */
export type PersonInput = Omit<Person, 'id' | 'createdAt' | 'birthDate' | 'officialOn' | 'isCivilServant'> &
  Partial<Pick<Person, 'birthDate' | 'officialOn' | 'isCivilServant'>>;

/** The fields that may change after creation (the card number is the person's key). */
export type PersonPatch = Partial<Omit<Person, 'id' | 'createdAt' | 'cardNumber'>>;

/** A person's membership of one cell over a period. */
export interface Membership extends Period {
  id: string;
  cardNumber: string;
  unitCode: string;
}

/** A member of a cell on a date: the person and the membership that places them there. */
export interface MemberAt {
  person: Person;
  membership: Membership;
}

export interface PersonEvent {
  id: string;
  cardNumber: string;
  kind: PersonEventKind;
  /** Discipline level, for `disciplined` only. */
  level: DisciplineLevel | null;
  startsOn: string;
  endsOn: string | null;
  /** Length in months, for `sick_leave`. */
  months: number | null;
  note: string | null;
}

export type PersonEventInput = Omit<PersonEvent, 'id' | 'level' | 'endsOn' | 'months' | 'note'> &
  Partial<Pick<PersonEvent, 'level' | 'endsOn' | 'months' | 'note'>>;

/** A leader or manager position (CN rows of FORMS.md §2) held by a person in a unit. */
export interface Position extends Period {
  id: string;
  cardNumber: string;
  fullName: string;
  unitCode: string;
  positionGroup: PositionGroup;
  title: string;
  /** Unit that decides this leader's grade; null = resolved from the tree. */
  decidingUnitCode: string | null;
}

/**
 * The accent-free, lower-case form of a name that search compares against (SQLite's lower() is
 * ASCII-only, STACK.md): NFC first, since Vietnamese input arrives in NFC or NFD; đ becomes d.
 */
export function makeSearchKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/\s+/g, ' ')
    .trim();
}

function invalid(field: string, vi: string, en: string): AppError {
  return new AppError('ValidationFailed', { vi: `Trường «${field}» ${vi}.`, en: `Field "${field}" ${en}.` }, { field });
}

/** Checks a person's dates: real dates, and official membership not before admission. */
export function assertPersonDates(p: Pick<Person, 'admittedOn' | 'officialOn' | 'birthDate'>): void {
  assertIsoDate(p.admittedOn, 'admittedOn');
  if (p.birthDate !== null) assertIsoDate(p.birthDate, 'birthDate');
  if (p.officialOn === null) return;
  assertIsoDate(p.officialOn, 'officialOn');
  if (p.officialOn < p.admittedOn) {
    throw invalid('officialOn', 'không được trước ngày kết nạp', 'must not be before the admission date');
  }
}

/**
 * Checks an event's shape: a discipline names its level (GUIDE.md §8), a sick leave its length in
 * months (the "sick leave ≥ 3 months" ceiling of GUIDE.md §3 depends on it), and the period holds.
 */
export function assertPersonEvent(e: PersonEventInput): void {
  assertPeriod({ validFrom: e.startsOn, validTo: e.endsOn ?? null }, { from: 'startsOn', to: 'endsOn' });
  const level = e.level ?? null;
  if (e.kind === 'disciplined') {
    if (level === null || !DISCIPLINE_LEVELS.includes(level)) {
      throw invalid('level', 'phải là một hình thức kỷ luật', `must be a discipline level (${DISCIPLINE_LEVELS.join(', ')})`);
    }
  } else if (level !== null) {
    throw invalid('level', 'chỉ dùng cho sự kiện kỷ luật', 'is only for a discipline event');
  }
  const months = e.months ?? null;
  if (e.kind === 'sick_leave' && (months === null || !Number.isInteger(months) || months < 1)) {
    throw invalid('months', 'phải là số tháng nghỉ ốm (số nguyên dương)', 'must be the months of sick leave (a positive integer)');
  }
}

/**
 * Throws MembershipOverlap when `period` overlaps any of the person's other memberships: a member
 * belongs to one cell at a time.
 */
export function assertNoMembershipOverlap(period: Period, others: readonly Membership[]): void {
  const clash = others.find((m) => periodsOverlap(period, m));
  if (!clash) return;
  const when = describePeriod(clash);
  throw new AppError(
    'MembershipOverlap',
    {
      vi: `Đảng viên «${clash.cardNumber}» đã sinh hoạt ở chi bộ «${clash.unitCode}» ${when.vi}, trùng với thời gian mới.`,
      en: `Member "${clash.cardNumber}" already belongs to cell "${clash.unitCode}" ${when.en}, which overlaps the new period.`,
    },
    { field: 'validFrom', details: { unitCode: clash.unitCode, validFrom: clash.validFrom, validTo: clash.validTo } },
  );
}

const viCollator = new Intl.Collator('vi', { numeric: true });

/** Vietnamese lists sort people by given name (the last word), then by the full name (Nguyễn Văn An before Trần Thị Bình). */
export function compareByGivenName(a: string, b: string): number {
  const given = (name: string) => name.trim().split(/\s+/).at(-1) ?? '';
  return viCollator.compare(given(a), given(b)) || viCollator.compare(a, b);
}
