/**
 * What the search box looks through besides persons (queries/persons.ts searchPersons): the names of
 * the collectives valid on a date, and where persons sit on a date. Units come from
 * queries/overview.ts listUnitsValidOn; names are compared in the domain (src/domain/search.ts),
 * since SQLite's lower() is ASCII-only.
 */
import type { Db } from '../create-db.js';
import { validOn } from './common.js';

/** Collectives valid on `date`, with their unit. */
export async function listCollectivesOn(db: Db, date: string): Promise<{ code: string; name: string; unitId: string; kind: string }[]> {
  return db.selectFrom('collectives as c').select(['c.code', 'c.name', 'c.unit_id as unitId', 'c.kind']).where(validOn('c', date)).execute();
}

/** The cell each person belongs to on `date` (by person card number), with the cell's name. */
export async function cellsOfPersons(db: Db, cardNumbers: readonly string[], date: string): Promise<Map<string, { unitCode: string; unitName: string }>> {
  if (cardNumbers.length === 0) return new Map();
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .innerJoin('org_units as u', 'u.id', 'm.unit_id')
    .innerJoin('org_unit_versions as v', (j) => j.onRef('v.unit_id', '=', 'm.unit_id'))
    .select(['p.card_number', 'u.code', 'v.name'])
    .where('p.card_number', 'in', [...cardNumbers])
    .where(validOn('m', date))
    .where(validOn('v', date))
    .execute();
  return new Map(rows.map((r) => [r.card_number, { unitCode: r.code, unitName: r.name }]));
}
