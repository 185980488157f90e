/**
 * Failed sign-ins in the database (migration 0025), shared by every server process: read the rows of
 * an attempt's keys, count one more failure (an upsert, atomic on both engines), clear a pair on
 * success, clear a user's pairs on an administrator's unlock.
 */
import type { Db } from '../create-db.js';
import '../schema-security.js';

export interface FailureCount {
  key: string;
  failures: number;
  lastFailureAt: string;
}

/** The failure rows of these keys. */
export async function readFailures(db: Db, keys: readonly string[]): Promise<FailureCount[]> {
  if (keys.length === 0) return [];
  const rows = await db.selectFrom('sign_in_failures').select(['key', 'failures', 'last_failure_at']).where('key', 'in', [...keys]).execute();
  return rows.map((r) => ({ key: r.key, failures: Number(r.failures), lastFailureAt: r.last_failure_at }));
}

/**
 * Counts one failure against a key in one statement: a new row, one more failure, or — when the last
 * failure is older than `restartBefore` — a fresh count of one. Rows quiet since `forgetBefore` are
 * dropped on the way (bounded table under a spray of names).
 */
export async function countFailure(
  db: Db,
  input: { key: string; username: string | null; address: string; at: string; restartBefore: string; forgetBefore: string },
): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('last_failure_at', '<', input.forgetBefore).execute();
  await db
    .insertInto('sign_in_failures')
    .values({ key: input.key, username: input.username, address: input.address, failures: 1, first_failure_at: input.at, last_failure_at: input.at })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        failures: eb.case().when('sign_in_failures.last_failure_at', '<', input.restartBefore).then(1).else(eb('sign_in_failures.failures', '+', 1)).end(),
        first_failure_at: eb.case().when('sign_in_failures.last_failure_at', '<', input.restartBefore).then(input.at).else(eb.ref('sign_in_failures.first_failure_at')).end(),
        last_failure_at: input.at,
      })),
    )
    .execute();
}

/** Clears one key (a pair whose user just signed in). */
export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('key', '=', key).execute();
}

/** Clears every pair of a user name (an administrator's unlock); returns how many addresses were waiting. */
export async function clearUserFailures(db: Db, username: string): Promise<number> {
  const r = await db.deleteFrom('sign_in_failures').where('username', '=', username).executeTakeFirst();
  return Number(r.numDeletedRows);
}
