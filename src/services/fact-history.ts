/**
 * A fact changed outside an evaluation's row (a person's event, a collective's member, a stored
 * fact) changes what the evaluations that read it are checked against: each of them moves one
 * version on and its history names the change, who made it and when (issue 8: "editing a fact bumps
 * the evaluation's version and writes history").
 */
import type { Db } from '../db/create-db.js';
import { insertHistory } from '../db/queries/evaluation-history.js';
import { getEvaluation } from '../db/queries/evaluations.js';
import { markChanged } from './evaluation-version.js';

/** One change as its history row shows it. */
export interface FactChange {
  field: 'event' | 'fact' | 'collectiveMember';
  oldValue: string | null;
  newValue: string | null;
  reason?: string | null | undefined;
}

/** Writes the change into the history of each evaluation and bumps its version (inside the caller's transaction). */
export async function recordFactChange(trx: Db, evaluationIds: readonly string[], change: FactChange, actor: string, at: string): Promise<void> {
  for (const id of new Set(evaluationIds)) {
    const read = await getEvaluation(trx, id);
    await insertHistory(trx, { evaluationId: id, at, actor, action: 'update', reason: change.reason?.trim() || null, changes: [{ field: change.field, oldValue: change.oldValue, newValue: change.newValue }] });
    await markChanged(trx, read);
  }
}

/** The cycles' periods, 1 January to the reference date. */
function overlapsCycle(from: string, to: string | null, cycle: { year: number; reference_date: string }): boolean {
  const start = `${cycle.year}-01-01`;
  return from <= cycle.reference_date && (to === null || to > start);
}

/**
 * The evaluations that read a person's events over [from, to): the person's own as member, their
 * positions', and the collectives their positions sit on, in the cycles whose period the dates touch.
 */
export async function evaluationsReadingPerson(trx: Db, personId: string, from: string, to: string | null): Promise<string[]> {
  const rows = await trx
    .selectFrom('evaluations as e')
    .innerJoin('cycles as c', 'c.id', 'e.cycle_id')
    .select(['e.id', 'c.year', 'c.reference_date'])
    .where((eb) =>
      eb.or([
        eb.and([eb('e.subject_kind', '=', 'member'), eb('e.subject_id', '=', personId)]),
        eb.and([eb('e.subject_kind', '=', 'position'), eb('e.subject_id', 'in', eb.selectFrom('positions').select('id').where('person_id', '=', personId))]),
        eb.and([
          eb('e.subject_kind', '=', 'collective'),
          eb('e.subject_id', 'in', eb.selectFrom('collective_members as m').innerJoin('positions as x', 'x.id', 'm.position_id').select('m.collective_id').where('x.person_id', '=', personId)),
        ]),
      ]),
    )
    .execute();
  return rows.filter((r) => overlapsCycle(from, to, { year: Number(r.year), reference_date: r.reference_date })).map((r) => r.id);
}

/** The evaluations of a collective in the cycles a seat's period [from, to) touches. */
export async function evaluationsOfCollective(trx: Db, collectiveId: string, from: string, to: string | null): Promise<string[]> {
  const rows = await trx
    .selectFrom('evaluations as e')
    .innerJoin('cycles as c', 'c.id', 'e.cycle_id')
    .select(['e.id', 'c.year', 'c.reference_date'])
    .where('e.subject_kind', '=', 'collective')
    .where('e.subject_id', '=', collectiveId)
    .execute();
  return rows.filter((r) => overlapsCycle(from, to, { year: Number(r.year), reference_date: r.reference_date })).map((r) => r.id);
}
