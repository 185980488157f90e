/**
 * What a unit holds from a day on, for a restructuring to place (src/services/restructure.ts): child
 * units, members, collectives and positions valid on or after that day.
 */
import type { Db } from '../create-db.js';

/** What lies in a unit from a day on: child codes, members (card → person id), collective codes, position ids. */
export interface LiveParts {
  children: Set<string>;
  members: Map<string, string>;
  collectives: Set<string>;
  positions: Set<string>;
}

/** Members of the unit whose membership is valid on or after `on`. */
export async function countLiveMembers(db: Db, unitId: string, on: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('unit_id', '=', unitId)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', on)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Everything the unit holds on or after `on`. */
export async function listLiveParts(db: Db, unitId: string, on: string): Promise<LiveParts> {
  const [children, members, collectives, positions] = await Promise.all([
    db
      .selectFrom('org_unit_versions as v')
      .innerJoin('org_units as u', 'u.id', 'v.unit_id')
      .select('u.code')
      .where('v.parent_id', '=', unitId)
      .where((eb) => eb.or([eb('v.valid_to', 'is', null), eb('v.valid_to', '>', on)]))
      .execute(),
    db
      .selectFrom('memberships as m')
      .innerJoin('persons as p', 'p.id', 'm.person_id')
      .select(['p.card_number', 'p.id'])
      .where('m.unit_id', '=', unitId)
      .where((eb) => eb.or([eb('m.valid_to', 'is', null), eb('m.valid_to', '>', on)]))
      .execute(),
    db.selectFrom('collectives').select('code').where('unit_id', '=', unitId).where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', on)])).execute(),
    db.selectFrom('positions').select('id').where('unit_id', '=', unitId).where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', on)])).execute(),
  ]);
  return {
    children: new Set(children.map((r) => r.code)),
    members: new Map(members.map((r) => [r.card_number, r.id])),
    collectives: new Set(collectives.map((r) => r.code)),
    positions: new Set(positions.map((r) => r.id)),
  };
}
