/**
 * What an export of an organisation reads (src/services/import/export.ts): the units that lay under
 * a scope unit on any day of its history, and everything they hold (memberships with their persons,
 * the persons' events, collectives, positions), every period of it. Rows become the API's shapes
 * here, keyed by the import's field names.
 */
import type { Db } from '../create-db.js';
import { loadStoredVersions, type StoredVersion } from './import-snapshot.js';
import { personEventRowToEvent } from './persons.js';

const CHUNK = 1000;

async function inChunks<T>(ids: readonly string[], read: (part: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await read(ids.slice(i, i + CHUNK))));
  return out;
}

/**
 * Every unit version of the units that lay under `rootCode` (itself included) on some day of the
 * tree's history, by unit id; every unit without a root. UnitNotFound is the caller's: an unknown
 * root gives nothing.
 */
export async function listUnitsEverUnder(db: Db, rootCode: string | null): Promise<StoredVersion[]> {
  const byCode = await loadStoredVersions(db);
  const all = [...byCode.values()].flat();
  if (rootCode === null) return all;
  const rootId = byCode.get(rootCode)?.[0]?.unitId;
  if (!rootId) return [];
  const days = [...new Set(all.map((v) => v.validFrom))];
  const inScope = new Set<string>([rootId]);
  for (const day of days) {
    const children = new Map<string, string[]>();
    for (const v of all) {
      if (v.parentId === null || v.validFrom > day || (v.validTo !== null && v.validTo <= day)) continue;
      const list = children.get(v.parentId);
      if (list) list.push(v.unitId);
      else children.set(v.parentId, [v.unitId]);
    }
    const stack = [rootId];
    const seen = new Set(stack);
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
      for (const child of children.get(id) ?? []) {
        if (seen.has(child)) continue;
        seen.add(child);
        inScope.add(child);
        stack.push(child);
      }
    }
  }
  return all.filter((v) => inScope.has(v.unitId));
}

/** Memberships in these units, each with its person's details (field names of the sheet *Đảng viên*). */
export async function listMembershipRows(db: Db, unitIds: readonly string[]) {
  return inChunks(unitIds, (part) =>
    db
      .selectFrom('memberships as m')
      .innerJoin('persons as p', 'p.id', 'm.person_id')
      .innerJoin('org_units as u', 'u.id', 'm.unit_id')
      .select(['p.id as person_id', 'p.card_number', 'p.full_name', 'p.birth_date', 'p.sex', 'p.admitted_on', 'p.official_on', 'p.is_civil_servant', 'u.code', 'm.valid_from', 'm.valid_to'])
      .where('m.unit_id', 'in', part)
      .execute()
      .then((rows) =>
        rows.map((r) => ({
          personId: r.person_id,
          cardNumber: r.card_number,
          fullName: r.full_name,
          birthDate: r.birth_date,
          sex: r.sex,
          admittedOn: r.admitted_on,
          officialOn: r.official_on,
          isCivilServant: Number(r.is_civil_servant) === 1,
          unitCode: r.code,
          validFrom: r.valid_from,
          validTo: r.valid_to,
        })),
      ),
  );
}

/** Events of these persons (the domain's shape: the sheet *Sự kiện*'s fields). */
export async function listEventRows(db: Db, personIds: readonly string[]) {
  return inChunks(personIds, async (part) => {
    const rows = await db.selectFrom('person_events as e').innerJoin('persons as p', 'p.id', 'e.person_id').selectAll('e').select('p.card_number').where('e.person_id', 'in', part).execute();
    return rows.map((r) => personEventRowToEvent(r, r.card_number));
  });
}

/** Collectives of these units (the sheet *Tập thể*'s fields). */
export async function listCollectiveRows(db: Db, unitIds: readonly string[]) {
  return inChunks(unitIds, (part) =>
    db
      .selectFrom('collectives as c')
      .innerJoin('org_units as u', 'u.id', 'c.unit_id')
      .select(['c.code', 'u.code as unit_code', 'c.name', 'c.kind', 'c.level', 'c.valid_from', 'c.valid_to'])
      .where('c.unit_id', 'in', part)
      .execute()
      .then((rows) => rows.map((r) => ({ code: r.code, unitCode: r.unit_code, name: r.name, kind: r.kind, level: r.level, validFrom: r.valid_from, validTo: r.valid_to }))),
  );
}

/** Positions held in these units (the sheet *Chức vụ*'s fields). */
export async function listPositionRows(db: Db, unitIds: readonly string[]) {
  return inChunks(unitIds, (part) =>
    db
      .selectFrom('positions as x')
      .innerJoin('persons as p', 'p.id', 'x.person_id')
      .innerJoin('org_units as u', 'u.id', 'x.unit_id')
      .leftJoin('org_units as d', 'd.id', 'x.deciding_unit_id')
      .select(['p.card_number', 'u.code', 'x.position_group', 'x.title', 'd.code as deciding_code', 'x.valid_from', 'x.valid_to'])
      .where('x.unit_id', 'in', part)
      .execute()
      .then((rows) => rows.map((r) => ({ cardNumber: r.card_number, unitCode: r.code, positionGroup: r.position_group, title: r.title, decidingUnitCode: r.deciding_code, validFrom: r.valid_from, validTo: r.valid_to }))),
  );
}

/** The seats of the collectives of these units (the sheet *Thành viên tập thể*'s fields). */
export async function listCollectiveMemberRows(db: Db, unitIds: readonly string[]) {
  return inChunks(unitIds, (part) =>
    db
      .selectFrom('collective_members as m')
      .innerJoin('collectives as c', 'c.id', 'm.collective_id')
      .innerJoin('positions as x', 'x.id', 'm.position_id')
      .innerJoin('persons as p', 'p.id', 'x.person_id')
      .innerJoin('org_units as u', 'u.id', 'x.unit_id')
      .select(['c.code', 'p.card_number', 'u.code as unit_code', 'x.position_group', 'm.valid_from', 'm.valid_to'])
      .where('c.unit_id', 'in', part)
      .execute()
      .then((rows) => rows.map((r) => ({ collectiveCode: r.code, cardNumber: r.card_number, unitCode: r.unit_code, positionGroup: r.position_group, validFrom: r.valid_from, validTo: r.valid_to }))),
  );
}
