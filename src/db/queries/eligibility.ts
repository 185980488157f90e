/**
 * The dated facts eligibility is computed from (GUIDE.md §3: exempt, suspended, admitted < 6 months,
 * unit or collective founded < 6 months), read for every subject under a unit at a cycle's reference
 * date: units with their founding date (first day of their first version), members with their cell
 * and admission date, collectives and positions, and the persons' events.
 */
import { sql } from 'kysely';
import type { CollectiveKind, PositionGroup, UnitKind } from '../../domain/codes.js';
import { addDays } from '../../domain/calendar/iso-date.js';
import type { DatedEvent } from '../../domain/rules/types.js';
import type { Db } from '../create-db.js';
import { withSubtree } from './units.js';
import { validOn } from './common.js';

export interface ScopeUnit {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  foundedOn: string;
}

/** Units valid on `date` with no parent: the roots of the tree. */
export async function listRootUnitIds(db: Db, date: string): Promise<string[]> {
  const rows = await db.selectFrom('org_unit_versions as v').select('v.unit_id').where('v.parent_id', 'is', null).where(validOn('v', date)).execute();
  return rows.map((r) => r.unit_id);
}

/** The unit `rootId` and every unit below it on `date`, with founding dates. */
export async function listScopeUnits(db: Db, rootId: string, date: string): Promise<ScopeUnit[]> {
  const rows = await withSubtree(db, { rootId, date })
    .selectFrom('tree as t')
    .innerJoin('org_unit_versions as v', 'v.id', 't.version_id')
    .innerJoin('org_units as u', 'u.id', 't.unit_id')
    .select([
      't.unit_id',
      'u.code',
      'v.name',
      'v.kind',
      'v.parent_id',
      (eb) => eb.selectFrom('org_unit_versions as f').select((f) => f.fn.min('f.valid_from').as('m')).whereRef('f.unit_id', '=', 't.unit_id').as('founded_on'),
    ])
    .execute();
  return rows.map((r) => ({ id: r.unit_id, code: r.code, name: r.name, kind: r.kind as UnitKind, parentId: r.parent_id, foundedOn: String(r.founded_on) }));
}

function chunks<T>(list: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Members whose cell on `date` is one of `unitIds`. */
export async function listScopeMembers(db: Db, unitIds: readonly string[], date: string) {
  const out: { personId: string; cardNumber: string; admittedOn: string; unitId: string }[] = [];
  for (const ids of chunks(unitIds)) {
    const rows = await db
      .selectFrom('memberships as m')
      .innerJoin('persons as p', 'p.id', 'm.person_id')
      .select(['p.id', 'p.card_number', 'p.admitted_on', 'm.unit_id'])
      .where('m.unit_id', 'in', ids)
      .where(validOn('m', date))
      .execute();
    out.push(...rows.map((r) => ({ personId: r.id, cardNumber: r.card_number, admittedOn: r.admitted_on, unitId: r.unit_id })));
  }
  return out;
}

/** Collectives of `unitIds` valid on `date`. */
export async function listScopeCollectives(db: Db, unitIds: readonly string[], date: string) {
  const out: { id: string; code: string; unitId: string; kind: CollectiveKind; foundedOn: string }[] = [];
  for (const ids of chunks(unitIds)) {
    const rows = await db.selectFrom('collectives as c').select(['c.id', 'c.code', 'c.unit_id', 'c.kind', 'c.valid_from']).where('c.unit_id', 'in', ids).where(validOn('c', date)).execute();
    out.push(...rows.map((r) => ({ id: r.id, code: r.code, unitId: r.unit_id, kind: r.kind as CollectiveKind, foundedOn: r.valid_from })));
  }
  return out;
}

/** Positions of `unitIds` held on `date`. */
export async function listScopePositions(db: Db, unitIds: readonly string[], date: string) {
  const out: { id: string; personId: string; unitId: string; group: PositionGroup; decidingUnitId: string | null }[] = [];
  for (const ids of chunks(unitIds)) {
    const rows = await db
      .selectFrom('positions as p')
      .select(['p.id', 'p.person_id', 'p.unit_id', 'p.position_group', 'p.deciding_unit_id'])
      .where('p.unit_id', 'in', ids)
      .where(validOn('p', date))
      .execute();
    out.push(...rows.map((r) => ({ id: r.id, personId: r.person_id, unitId: r.unit_id, group: r.position_group as PositionGroup, decidingUnitId: r.deciding_unit_id })));
  }
  return out;
}

/** Events of the given persons as dated facts, by person (`to` inclusive: ends_on is the first day not covered). */
export async function listEventsByPerson(db: Db, personIds: readonly string[]): Promise<Map<string, DatedEvent[]>> {
  const byPerson = new Map<string, DatedEvent[]>();
  for (const ids of chunks([...new Set(personIds)])) {
    const rows = await db.selectFrom('person_events').selectAll().where('person_id', 'in', ids).orderBy('starts_on').execute();
    for (const r of rows) {
      const e: DatedEvent = { kind: r.kind as DatedEvent['kind'], from: r.starts_on, to: r.ends_on === null ? null : addDays(r.ends_on, -1) };
      if (r.level) e.level = r.level as NonNullable<DatedEvent['level']>;
      byPerson.set(r.person_id, [...(byPerson.get(r.person_id) ?? []), e]);
    }
  }
  return byPerson;
}

/** Ids of the cycle's evaluations whose eligibility a compiler overrode (history action 'override'). */
export async function listOverriddenEvaluationIds(db: Db, cycleId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('evaluation_history as h')
    .innerJoin('evaluations as e', 'e.id', 'h.evaluation_id')
    .select(sql<string>`distinct h.evaluation_id`.as('id'))
    .where('e.cycle_id', '=', cycleId)
    .where('h.action', '=', 'override')
    .where('h.field', '=', 'eligibility')
    .execute();
  return new Set(rows.map((r) => r.id));
}
