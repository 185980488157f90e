/** A cycle's patch of rule-set parameters (migration 0006), stored as JSON text, checked by the service. */
import type { Db } from '../create-db.js';

/** The stored patch of a cycle (parsed JSON), or undefined when the cycle uses the rule set's defaults. */
export async function getCycleParameters(db: Db, cycleId: string): Promise<{ patch: unknown; updatedAt: string; actor: string } | undefined> {
  const r = await db.selectFrom('cycle_parameters').selectAll().where('cycle_id', '=', cycleId).executeTakeFirst();
  return r ? { patch: JSON.parse(r.patch) as unknown, updatedAt: r.updated_at, actor: r.actor } : undefined;
}

/** Stores (replaces) a cycle's patch; an empty patch removes it. */
export async function putCycleParameters(db: Db, input: { cycleId: string; patch: object; at: string; actor: string }): Promise<void> {
  await db.deleteFrom('cycle_parameters').where('cycle_id', '=', input.cycleId).execute();
  if (Object.keys(input.patch).length === 0) return;
  await db.insertInto('cycle_parameters').values({ cycle_id: input.cycleId, patch: JSON.stringify(input.patch), updated_at: input.at, actor: input.actor }).execute();
}

/** Which of `codes` are unit codes of the tree (any date). */
export async function knownUnitCodes(db: Db, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.selectFrom('org_units').select('code').where('code', 'in', [...new Set(codes)]).execute();
  return new Set(rows.map((r) => r.code));
}
