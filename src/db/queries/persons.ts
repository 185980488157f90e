/**
 * Persons, their cell memberships and dated events. A person is kept once (GUIDE.md §3); a member
 * belongs to one cell at a time, over half-open periods.
 */
import { type Selectable, sql } from 'kysely';
import { CELL_KINDS, PERSON_EVENT_KINDS, type DisciplineLevel, type PersonEventKind } from '../../domain/codes.js';
import { AppError, notFound } from '../../domain/errors.js';
import {
  assertNoMembershipOverlap,
  assertPersonDates,
  assertPersonEvent,
  makeSearchKey,
  type MemberAt,
  type Membership,
  type Person,
  type PersonEvent,
  type PersonEventInput,
  type PersonInput,
  type PersonPatch,
  SEXES,
  type Sex,
} from '../../domain/model/people.js';
import { assertIsoDate, assertPeriod, formatViDate, type Period, periodContains, periodsOverlap } from '../../domain/model/units.js';
import type { Db } from '../create-db.js';
import type { PersonEventTable } from '../schema.js';
import { newId, nowIso } from '../ids.js';
import { getUnitAt, listUnitVersions, requireUnitOver, withSubtree } from './units.js';
import { inTransaction, isUniqueViolation, validOn } from './common.js';

const PERSON_COLUMNS = ['p.id', 'p.card_number', 'p.full_name', 'p.birth_date', 'p.sex', 'p.admitted_on', 'p.official_on', 'p.is_civil_servant', 'p.created_at'] as const;
const collator = new Intl.Collator('vi', { numeric: true });

interface PersonRow {
  id: string;
  card_number: string;
  full_name: string;
  birth_date: string | null;
  sex: string;
  admitted_on: string;
  official_on: string | null;
  is_civil_servant: number;
  created_at: string;
}

function personRowToPerson(r: PersonRow): Person {
  return {
    id: r.id,
    cardNumber: r.card_number,
    fullName: r.full_name,
    birthDate: r.birth_date,
    sex: r.sex as Sex,
    admittedOn: r.admitted_on,
    officialOn: r.official_on,
    isCivilServant: Number(r.is_civil_servant) === 1,
    createdAt: r.created_at,
  };
}

function duplicateCard(cardNumber: string): AppError {
  return new AppError(
    'DuplicateCardNumber',
    { vi: `Số thẻ đảng viên «${cardNumber}» đã có trong danh sách.`, en: `Party card number "${cardNumber}" is already registered.` },
    { field: 'cardNumber' },
  );
}

function assertSex(sex: string): void {
  if ((SEXES as readonly string[]).includes(sex)) return;
  throw new AppError('ValidationFailed', { vi: `Trường «sex» không hợp lệ: «${sex}».`, en: `Field "sex" is invalid: "${sex}" (nam | nu).` }, { field: 'sex' });
}

/** The person holding this party card, or PersonNotFound. */
export async function getPersonByCard(db: Db, cardNumber: string): Promise<Person> {
  const row = await db.selectFrom('persons as p').select(PERSON_COLUMNS).where('p.card_number', '=', cardNumber).executeTakeFirst();
  if (!row) throw notFound('PersonNotFound', { vi: 'đảng viên có số thẻ', en: 'Party member with card' }, cardNumber);
  return personRowToPerson(row);
}

/**
 * Reads the person and takes a write lock on their row until the transaction ends (a no-op update:
 * a row lock on PostgreSQL; SQLite serialises writers anyway), so two concurrent membership writes
 * for one person cannot both pass the overlap check.
 */
async function lockPerson(trx: Db, cardNumber: string): Promise<Person> {
  await trx.updateTable('persons').set((eb) => ({ card_number: eb.ref('card_number') })).where('card_number', '=', cardNumber).execute();
  return getPersonByCard(trx, cardNumber);
}

/** Registers a person; the card number is unique (DuplicateCardNumber naming it). */
export async function createPerson(db: Db, input: PersonInput): Promise<Person> {
  const person: Person = { birthDate: null, officialOn: null, isCivilServant: false, ...input, id: newId(), createdAt: nowIso() };
  assertSex(person.sex);
  assertPersonDates(person);
  return inTransaction(db, async (trx) => {
    const taken = await trx.selectFrom('persons').select('id').where('card_number', '=', person.cardNumber).executeTakeFirst();
    if (taken) throw duplicateCard(person.cardNumber);
    try {
      await trx.insertInto('persons').values({ ...personToRow(person), id: person.id, card_number: person.cardNumber, created_at: person.createdAt }).execute();
    } catch (e) {
      throw isUniqueViolation(e) ? duplicateCard(person.cardNumber) : e;
    }
    return person;
  });
}

/** A person's details as a row (the key columns aside): the API's writes and the import's bulk writes use this one mapping. */
export function personToRow(p: Omit<Person, 'id' | 'cardNumber' | 'createdAt'>) {
  return {
    full_name: p.fullName.normalize('NFC'),
    search_key: makeSearchKey(p.fullName),
    birth_date: p.birthDate,
    sex: p.sex,
    admitted_on: p.admittedOn,
    official_on: p.officialOn,
    is_civil_servant: p.isCivilServant ? 1 : 0,
  };
}

/** Changes a person's details (not the card number); the search key follows the name. */
export async function updatePerson(db: Db, cardNumber: string, patch: PersonPatch): Promise<Person> {
  return inTransaction(db, async (trx) => {
    const current = await getPersonByCard(trx, cardNumber);
    const next: Person = { ...current, ...patch, fullName: (patch.fullName ?? current.fullName).normalize('NFC') };
    assertSex(next.sex);
    assertPersonDates(next);
    await trx.updateTable('persons').set(personToRow(next)).where('id', '=', current.id).execute();
    return next;
  });
}

/**
 * Persons whose name contains every word of `q`, compared without accents or case ("nguyen van"
 * finds "Nguyễn Văn …"), or whose card number is `q`; sorted in Vietnamese order.
 */
export async function searchPersons(db: Db, options: { q: string; limit?: number; withinUnitIds?: string[] | undefined }): Promise<Person[]> {
  const words = makeSearchKey(options.q).split(' ').filter((w) => w.length > 0);
  const within = options.withinUnitIds;
  if (words.length === 0 || within?.length === 0) return [];
  const rows = await db
    .selectFrom('persons as p')
    .select(PERSON_COLUMNS)
    // Restricted to a scope: people with a membership, past or present, in one of these units.
    .$if(within !== undefined, (q) =>
      q.where((eb) => eb.exists(eb.selectFrom('memberships as sm').select('sm.id').whereRef('sm.person_id', '=', 'p.id').where('sm.unit_id', 'in', within ?? []))),
    )
    .where((eb) =>
      eb.or([
        eb.and(words.map((w) => sql<boolean>`${sql.ref('p.search_key')} like ${`%${w.replace(/[\\%_]/g, '\\$&')}%`} escape '\\'`)),
        eb('p.card_number', '=', options.q.trim()),
      ]),
    )
    .orderBy('p.search_key')
    .orderBy('p.card_number')
    .limit(options.limit ?? 50)
    .execute();
  return rows.map(personRowToPerson).sort((a, b) => collator.compare(a.fullName, b.fullName) || a.cardNumber.localeCompare(b.cardNumber));
}

function selectMemberships(db: Db) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .innerJoin('org_units as u', 'u.id', 'm.unit_id')
    .select(['m.id', 'p.card_number', 'u.code as unit_code', 'm.valid_from', 'm.valid_to']);
}

function membershipRow(r: { id: string; card_number: string; unit_code: string; valid_from: string; valid_to: string | null }): Membership {
  return { id: r.id, cardNumber: r.card_number, unitCode: r.unit_code, validFrom: r.valid_from, validTo: r.valid_to };
}

/** A person's memberships, oldest first. */
export async function listMemberships(db: Db, cardNumber: string): Promise<Membership[]> {
  const person = await getPersonByCard(db, cardNumber);
  const rows = await selectMemberships(db).where('m.person_id', '=', person.id).orderBy('m.valid_from').execute();
  return rows.map(membershipRow);
}

/** Checks that `unitCode` is a cell (NotACell) throughout `period` and exists all that time. */
async function requireCellOver(db: Db, unitCode: string, period: Period): Promise<string> {
  const versions = await listUnitVersions(db, unitCode);
  const relevant = versions.filter((v) => periodsOverlap(v, period));
  const notCell = (relevant.length > 0 ? relevant : versions).find((v) => !CELL_KINDS.includes(v.kind));
  if (notCell) {
    throw new AppError(
      'NotACell',
      { vi: `Đơn vị «${unitCode}» không phải chi bộ, không trực tiếp quản lý đảng viên.`, en: `Unit "${unitCode}" is not a cell and holds no members directly.` },
      { field: 'unitCode' },
    );
  }
  return (await requireUnitOver(db, { code: unitCode, period, error: 'UnitNotValidOnDate', field: 'unitCode' })).id;
}

/**
 * Places a person in a cell over a period. The cell must exist throughout; the person may not be
 * in another cell over any overlapping day (MembershipOverlap naming that cell and its dates).
 */
export async function addMembership(
  db: Db,
  input: { cardNumber: string; unitCode: string; validFrom: string; validTo?: string | null },
): Promise<Membership> {
  const period: Period = { validFrom: input.validFrom, validTo: input.validTo ?? null };
  assertPeriod(period);
  return inTransaction(db, async (trx) => {
    const person = await lockPerson(trx, input.cardNumber);
    const unitId = await requireCellOver(trx, input.unitCode, period);
    const others = await selectMemberships(trx).where('m.person_id', '=', person.id).orderBy('m.valid_from').execute();
    assertNoMembershipOverlap(period, others.map(membershipRow));
    const id = newId();
    await trx.insertInto('memberships').values({ id, person_id: person.id, unit_id: unitId, valid_from: period.validFrom, valid_to: period.validTo }).execute();
    return { id, cardNumber: person.cardNumber, unitCode: input.unitCode, ...period };
  });
}

/** Moves a member to another cell on `on`: closes the current membership and opens the new one, atomically. */
export async function transferMember(
  db: Db,
  input: { cardNumber: string; toUnitCode: string; on: string; validTo?: string | null },
): Promise<{ closed: Membership; opened: Membership }> {
  assertIsoDate(input.on, 'on');
  return inTransaction(db, async (trx) => {
    const person = await lockPerson(trx, input.cardNumber);
    const rows = await selectMemberships(trx).where('m.person_id', '=', person.id).execute();
    const current = rows.map(membershipRow).find((m) => periodContains(m, input.on));
    if (!current) {
      throw new AppError(
        'MembershipNotFound',
        { vi: `Đảng viên «${input.cardNumber}» không sinh hoạt ở chi bộ nào vào ngày ${formatViDate(input.on)}.`, en: `Member "${input.cardNumber}" belongs to no cell on ${input.on}.` },
        { field: 'on' },
      );
    }
    if (current.unitCode === input.toUnitCode) {
      throw new AppError('ValidationFailed', { vi: `Đảng viên đã sinh hoạt ở chi bộ «${input.toUnitCode}».`, en: `The member already belongs to cell "${input.toUnitCode}".` }, { field: 'toUnitCode' });
    }
    assertPeriod({ validFrom: current.validFrom, validTo: input.on }, { from: 'on', to: 'on' });
    await trx.updateTable('memberships').set({ valid_to: input.on }).where('id', '=', current.id).execute();
    const opened = await addMembership(trx, { cardNumber: input.cardNumber, unitCode: input.toUnitCode, validFrom: input.on, validTo: input.validTo ?? null });
    return { closed: { ...current, validTo: input.on }, opened };
  });
}

/** Members of a cell (or of every cell in a subtree) on `date`, in Vietnamese name order. */
export async function listMembersAt(db: Db, unitCode: string, date: string, options: { includeSubtree?: boolean } = {}): Promise<MemberAt[]> {
  const root = await getUnitAt(db, unitCode, date);
  const rows = await withSubtree(db, { rootId: root.unitId, date, maxDepth: options.includeSubtree ? undefined : 0 })
    .selectFrom('memberships as m')
    .innerJoin('tree as t', 't.unit_id', 'm.unit_id')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .innerJoin('org_units as u', 'u.id', 'm.unit_id')
    .select([...PERSON_COLUMNS, 'm.id as membership_id', 'u.code as unit_code', 'm.valid_from', 'm.valid_to'])
    .where(validOn('m', date))
    .execute();
  return rows
    .map((r) => ({ person: personRowToPerson(r), membership: membershipRow({ ...r, id: r.membership_id }) }))
    .sort((a, b) => collator.compare(a.person.fullName, b.person.fullName) || a.person.cardNumber.localeCompare(b.person.cardNumber));
}

/** Records a dated fact about a person (exempt, disciplined, sick leave …), GUIDE.md §3. */
export async function addPersonEvent(db: Db, input: PersonEventInput): Promise<PersonEvent> {
  if (!PERSON_EVENT_KINDS.includes(input.kind)) {
    throw new AppError('ValidationFailed', { vi: `Trường «kind» không hợp lệ: «${input.kind}».`, en: `Field "kind" is invalid: "${input.kind}".` }, { field: 'kind' });
  }
  assertPersonEvent(input);
  const event = newPersonEvent(input);
  return inTransaction(db, async (trx) => {
    const person = await getPersonByCard(trx, input.cardNumber);
    await trx.insertInto('person_events').values(personEventToRow(event, person.id)).execute();
    return event;
  });
}

/** A new event from its input: unset fields null, a fresh id (the API and the import make events alike). */
export function newPersonEvent(input: PersonEventInput): PersonEvent {
  const blank = { level: null, endsOn: null, note: null, dutyRelated: null, selfDetectedRemedied: null, violationYear: null, documentNumber: null, documentDate: null, enteredBy: null, enteredAt: null };
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as PersonEventInput;
  return { ...blank, ...given, id: newId() };
}

/** An event as a row of person_events: the API's writes and the import's bulk writes use this one mapping. */
export function personEventToRow(event: PersonEvent, personId: string) {
  const flag = (v: boolean | null) => (v === null ? null : v ? 1 : 0);
  return {
    id: event.id,
    person_id: personId,
    kind: event.kind,
    level: event.level,
    starts_on: event.startsOn,
    ends_on: event.endsOn,
    months: null,
    note: event.note,
    duty_related: flag(event.dutyRelated),
    self_detected_remedied: flag(event.selfDetectedRemedied),
    violation_year: event.violationYear,
    document_number: event.documentNumber,
    document_date: event.documentDate,
    entered_by: event.enteredBy,
    entered_at: event.enteredAt,
  };
}

/** A person's events, oldest first. */
export async function listPersonEvents(db: Db, cardNumber: string): Promise<PersonEvent[]> {
  const person = await getPersonByCard(db, cardNumber);
  const rows = await db.selectFrom('person_events').selectAll().where('person_id', '=', person.id).orderBy('starts_on').orderBy('id').execute();
  return rows.map((r) => personEventRowToEvent(r, cardNumber));
}

/** A row of person_events as the domain's event (the API's reads, the import's comparisons and the export use this one mapping). */
export function personEventRowToEvent(r: Selectable<PersonEventTable>, cardNumber: string): PersonEvent {
  return {
    id: r.id,
    cardNumber,
    kind: r.kind as PersonEventKind,
    level: r.level as DisciplineLevel | null,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    note: r.note,
    dutyRelated: r.duty_related === null ? null : Number(r.duty_related) === 1,
    selfDetectedRemedied: r.self_detected_remedied === null ? null : Number(r.self_detected_remedied) === 1,
    violationYear: r.violation_year === null ? null : Number(r.violation_year),
    documentNumber: r.document_number,
    documentDate: r.document_date,
    enteredBy: r.entered_by,
    enteredAt: r.entered_at,
  };
}

/**
 * Removes one event of a person (entered by mistake); PersonNotFound / NotFound when the event is not
 * that person's. Returns the event removed.
 */
export async function deletePersonEvent(db: Db, input: { cardNumber: string; eventId: string }): Promise<PersonEvent> {
  return inTransaction(db, async (trx) => {
    const event = (await listPersonEvents(trx, input.cardNumber)).find((e) => e.id === input.eventId);
    if (!event) throw notFound('NotFound', { vi: `sự kiện của đảng viên ${input.cardNumber}`, en: `Event of member ${input.cardNumber}` }, input.eventId);
    await trx.deleteFrom('person_events').where('id', '=', input.eventId).execute();
    return event;
  });
}
