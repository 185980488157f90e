/**
 * The tree questions access control asks (src/domain/access.ts): a unit's ancestors on a date, and
 * the ids of a scope subtree, with the recursive CTEs of queries/units.ts.
 */
import type { Db } from '../create-db.js';
import { listAncestorIds, withSubtree } from './units.js';

/**
 * The unit and its ancestors on `date`, nearest first. When the unit did not exist that day (a
 * dissolved cell, or one founded later), the tree of the nearest day it did exist answers instead,
 * so its data stays with the subtree it belonged to rather than becoming nobody's.
 */
export async function unitAncestors(db: Db, unitId: string, date: string): Promise<string[]> {
  const ids = await listAncestorIds(db, unitId, date);
  if (ids.length > 0) return ids;
  const nearest = await nearestValidDate(db, unitId, date);
  return nearest === null ? [] : listAncestorIds(db, unitId, nearest);
}

/** The latest first day of a version at or before `date`, else the earliest; null for an unknown unit. */
async function nearestValidDate(db: Db, unitId: string, date: string): Promise<string | null> {
  const before = await db
    .selectFrom('org_unit_versions')
    .select((eb) => eb.fn.max('valid_from').as('d'))
    .where('unit_id', '=', unitId)
    .where('valid_from', '<=', date)
    .executeTakeFirst();
  if (before?.d) return before.d;
  const after = await db
    .selectFrom('org_unit_versions')
    .select((eb) => eb.fn.min('valid_from').as('d'))
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return after?.d ?? null;
}

/** Ids of the scope unit and every unit under it on `date` (what a scoped list may show). */
export async function scopeSubtreeIds(db: Db, scopeUnitId: string, date: string): Promise<string[]> {
  const rows = await withSubtree(db, { rootId: scopeUnitId, date }).selectFrom('tree').select('unit_id').execute();
  return rows.map((r) => r.unit_id);
}

/** The unit ids of a person's memberships (any period), oldest first; the last is the current or latest cell. */
export async function personCellIds(db: Db, personId: string): Promise<{ unitId: string; validFrom: string; validTo: string | null }[]> {
  const rows = await db
    .selectFrom('memberships')
    .select(['unit_id', 'valid_from', 'valid_to'])
    .where('person_id', '=', personId)
    .orderBy('valid_from')
    .execute();
  return rows.map((r) => ({ unitId: r.unit_id, validFrom: r.valid_from, validTo: r.valid_to }));
}

/** The code of a unit id (for messages naming it); the id itself when unknown. */
export async function unitCodeOf(db: Db, unitId: string): Promise<string> {
  const row = await db.selectFrom('org_units').select('code').where('id', '=', unitId).executeTakeFirst();
  return row?.code ?? unitId;
}

/** The latest name of a unit (its newest version), for the signed-in user's bar; the code when it has none. */
export async function scopeUnitName(db: Db, unitId: string): Promise<string> {
  const row = await db.selectFrom('org_unit_versions').select('name').where('unit_id', '=', unitId).orderBy('valid_from', 'desc').executeTakeFirst();
  return row?.name ?? (await unitCodeOf(db, unitId));
}
