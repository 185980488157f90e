/**
 * What an import compares its rows with (src/services/import/): the stored tree (every unit and
 * version), and the persons, memberships, events, collectives and positions its rows name, read in
 * chunks of keys. Rows become plain domain-shaped records here.
 */
import type { OrgType, PositionGroup, UnitKind } from '../../domain/codes.js';
import type { PersonEvent } from '../../domain/model/people.js';
import type { Db } from '../create-db.js';
import { personEventRowToEvent } from './persons.js';

/** A stored unit version with its parent's code. */
export interface StoredVersion {
  unitId: string;
  code: string;
  parentId: string | null;
  parentCode: string | null;
  name: string;
  kind: UnitKind;
  orgType: OrgType | null;
  validFrom: string;
  validTo: string | null;
}

/** A stored person (the fields the import compares). */
export interface StoredPerson {
  id: string;
  cardNumber: string;
  fullName: string;
  birthDate: string | null;
  sex: string;
  admittedOn: string;
  officialOn: string | null;
  isCivilServant: boolean;
}

export interface StoredMembership {
  personId: string;
  unitId: string;
  unitCode: string;
  validFrom: string;
  validTo: string | null;
}

export interface StoredCollective {
  id: string;
  code: string;
  unitCode: string;
  name: string;
  kind: string;
  level: string;
  validFrom: string;
  validTo: string | null;
}

export interface StoredPosition {
  id: string;
  personId: string;
  unitCode: string;
  positionGroup: PositionGroup;
  title: string;
  decidingUnitCode: string | null;
  validFrom: string;
  validTo: string | null;
}

const CHUNK = 1000;

function chunks<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** Every stored unit version, by unit code, oldest first. */
export async function loadStoredVersions(db: Db): Promise<Map<string, StoredVersion[]>> {
  const rows = await db
    .selectFrom('org_unit_versions as v')
    .innerJoin('org_units as u', 'u.id', 'v.unit_id')
    .leftJoin('org_units as p', 'p.id', 'v.parent_id')
    .select(['v.unit_id', 'u.code', 'v.parent_id', 'p.code as parent_code', 'v.name', 'v.kind', 'v.org_type', 'v.valid_from', 'v.valid_to'])
    .orderBy('u.code')
    .orderBy('v.valid_from')
    .execute();
  const versions = rows.map((r) => ({ unitId: r.unit_id, code: r.code, parentId: r.parent_id, parentCode: r.parent_code, name: r.name, kind: r.kind as UnitKind, orgType: r.org_type as OrgType | null, validFrom: r.valid_from, validTo: r.valid_to }));
  return groupBy(versions, (v) => v.code);
}

/** Stored persons with these card numbers, by card number. */
export async function loadPersonsByCard(db: Db, cards: readonly string[]): Promise<Map<string, StoredPerson>> {
  const out = new Map<string, StoredPerson>();
  for (const part of chunks([...new Set(cards)])) {
    const rows = await db.selectFrom('persons').select(['id', 'card_number', 'full_name', 'birth_date', 'sex', 'admitted_on', 'official_on', 'is_civil_servant']).where('card_number', 'in', part).execute();
    for (const r of rows) {
      out.set(r.card_number, { id: r.id, cardNumber: r.card_number, fullName: r.full_name, birthDate: r.birth_date, sex: r.sex, admittedOn: r.admitted_on, officialOn: r.official_on, isCivilServant: Number(r.is_civil_servant) === 1 });
    }
  }
  return out;
}

/** Memberships of these persons, by person id, oldest first. */
export async function loadMembershipsOf(db: Db, personIds: readonly string[]): Promise<Map<string, StoredMembership[]>> {
  const all: StoredMembership[] = [];
  for (const part of chunks(personIds)) {
    const rows = await db.selectFrom('memberships as m').innerJoin('org_units as u', 'u.id', 'm.unit_id').select(['m.person_id', 'm.unit_id', 'u.code', 'm.valid_from', 'm.valid_to']).where('m.person_id', 'in', part).orderBy('m.valid_from').execute();
    all.push(...rows.map((r) => ({ personId: r.person_id, unitId: r.unit_id, unitCode: r.code, validFrom: r.valid_from, validTo: r.valid_to })));
  }
  return groupBy(all, (m) => m.personId);
}

/** Events of these persons, by person id. */
export async function loadEventsOf(db: Db, personIds: readonly string[]): Promise<Map<string, (PersonEvent & { personId: string })[]>> {
  const all: (PersonEvent & { personId: string })[] = [];
  for (const part of chunks(personIds)) {
    const rows = await db.selectFrom('person_events as e').innerJoin('persons as p', 'p.id', 'e.person_id').selectAll('e').select('p.card_number').where('e.person_id', 'in', part).execute();
    all.push(...rows.map((r) => ({ ...personEventRowToEvent(r, r.card_number), personId: r.person_id })));
  }
  return groupBy(all, (e) => e.personId);
}

/** Stored collectives with these codes, by code. */
export async function loadCollectivesByCode(db: Db, codes: readonly string[]): Promise<Map<string, StoredCollective>> {
  const out = new Map<string, StoredCollective>();
  for (const part of chunks([...new Set(codes)])) {
    const rows = await db.selectFrom('collectives as c').innerJoin('org_units as u', 'u.id', 'c.unit_id').select(['c.id', 'c.code', 'u.code as unit_code', 'c.name', 'c.kind', 'c.level', 'c.valid_from', 'c.valid_to']).where('c.code', 'in', part).execute();
    for (const r of rows) out.set(r.code, { id: r.id, code: r.code, unitCode: r.unit_code, name: r.name, kind: r.kind, level: r.level, validFrom: r.valid_from, validTo: r.valid_to });
  }
  return out;
}

/** Positions held by these persons, by person id. */
export async function loadPositionsOf(db: Db, personIds: readonly string[]): Promise<Map<string, StoredPosition[]>> {
  const all: StoredPosition[] = [];
  for (const part of chunks(personIds)) {
    const rows = await db
      .selectFrom('positions as x')
      .innerJoin('org_units as u', 'u.id', 'x.unit_id')
      .leftJoin('org_units as d', 'd.id', 'x.deciding_unit_id')
      .select(['x.id', 'x.person_id', 'u.code', 'x.position_group', 'x.title', 'd.code as deciding_code', 'x.valid_from', 'x.valid_to'])
      .where('x.person_id', 'in', part)
      .execute();
    all.push(...rows.map((r) => ({ id: r.id, personId: r.person_id, unitCode: r.code, positionGroup: r.position_group as PositionGroup, title: r.title, decidingUnitCode: r.deciding_code, validFrom: r.valid_from, validTo: r.valid_to })));
  }
  return groupBy(all, (p) => p.personId);
}

/** A stored seat on a collective. */
export interface StoredCollectiveMember {
  collectiveId: string;
  positionId: string;
  validFrom: string;
  validTo: string | null;
}

/** The seats of these collectives, by collective id. */
export async function loadCollectiveMembersOf(db: Db, collectiveIds: readonly string[]): Promise<Map<string, StoredCollectiveMember[]>> {
  const all: StoredCollectiveMember[] = [];
  for (const part of chunks(collectiveIds)) {
    const rows = await db.selectFrom('collective_members').select(['collective_id', 'position_id', 'valid_from', 'valid_to']).where('collective_id', 'in', part).execute();
    all.push(...rows.map((r) => ({ collectiveId: r.collective_id, positionId: r.position_id, validFrom: r.valid_from, validTo: r.valid_to })));
  }
  return groupBy(all, (m) => m.collectiveId);
}
