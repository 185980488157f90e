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
  note: string | null;
  /** A discipline (or a violation) related to official duties (QĐ 366 Điều 11 k4); null = not recorded. */
  dutyRelated: boolean | null;
  /** The violation was self-detected and remedied (HD 21 II.B.1.3; QĐ 124 Điều 12; QĐ 366 Điều 11 k4); null = not recorded. */
  selfDetectedRemedied: boolean | null;
  /** Year of the violation when earlier than the decision's (HD 43 4.3). */
  violationYear: number | null;
  /** The decision (or conclusion) the event rests on: number and date. */
  documentNumber: string | null;
  documentDate: string | null;
  /** Who entered it and when (null for rows older than migration 0020). */
  enteredBy: string | null;
  enteredAt: string | null;
}

/** The optional fields of an event a caller may leave out. */
type EventOptional = 'level' | 'endsOn' | 'note' | 'dutyRelated' | 'selfDetectedRemedied' | 'violationYear' | 'documentNumber' | 'documentDate' | 'enteredBy' | 'enteredAt';
export type PersonEventInput = Omit<PersonEvent, 'id' | EventOptional> & Partial<Pick<PersonEvent, EventOptional>>;

/** Kinds that are violations: they carry the duty-related and self-remedied flags and a violation year. */
export const VIOLATION_KINDS: readonly PersonEventKind[] = ['disciplined', 'violated_prohibitions', 'violated_example_duty'];

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
 * Checks an event's shape: a discipline names its level (GUIDE.md §8); the duty-related and
 * self-remedied flags and the violation's year belong to violations only, the year before the
 * decision's (HD 43 4.3); a sick leave is measured from its dates (no separate month count); the
 * period and the document's date hold.
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
  const violation = VIOLATION_KINDS.includes(e.kind);
  for (const field of ['dutyRelated', 'selfDetectedRemedied', 'violationYear'] as const) {
    if (!violation && e[field] !== undefined && e[field] !== null) {
      throw invalid(field, 'chỉ dùng cho sự kiện kỷ luật hoặc vi phạm', 'is only for a discipline or violation event');
    }
  }
  const year = e.violationYear ?? null;
  const decisionYear = Number(e.startsOn.slice(0, 4));
  if (year !== null && (!Number.isInteger(year) || year < 1930 || year >= decisionYear)) {
    throw invalid('violationYear', `phải là năm vi phạm trước năm của quyết định (${decisionYear}); để trống khi cùng năm`, `must be a year before the decision's (${decisionYear}); leave it out when the same`);
  }
  if (e.documentDate !== undefined && e.documentDate !== null) assertIsoDate(e.documentDate, 'documentDate');
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
