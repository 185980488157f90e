/** Read models for the overview page: the unit tree with member and grade counts for a cycle. */
import type { Db } from '../create-db.js';

/** Number of organisation units in the database (0 = empty: the demo district may be loaded). */
export async function countUnits(db: Db): Promise<number> {
  const row = await db.selectFrom('org_units').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
