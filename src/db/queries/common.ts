/**
 * Small helpers every query module shares: transactions that nest into the caller's, the
 * portable unique-violation test, and the "valid on a date" condition of effective-dated rows.
 */
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../create-db.js';
import { flushAudit } from './audit.js';
import { currentRequestAudit } from '../request-audit.js';

/** Attempts of a transaction that the engine aborted to break a deadlock or a serialization conflict. */
export const TRANSACTION_ATTEMPTS = 6;

/**
 * True when the engine aborted the transaction only because of concurrent ones and running it again
 * is safe: PostgreSQL's deadlock_detected (40P01) and serialization_failure (40001); SQLite's
 * SQLITE_BUSY (another process held the write lock past the busy timeout).
 */
export function isRetryableConflict(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001' || (typeof code === 'string' && code.startsWith('SQLITE_BUSY'));
}

/**
 * Runs `fn` in a transaction, or inside the caller's when `db` already is one (Kysely cannot nest
 * them). A transaction the engine aborted for a deadlock or a serialization failure is rolled back
 * whole and run again, up to TRANSACTION_ATTEMPTS times with a short random pause (the writers then
 * queue instead of answering 500); `fn` must therefore only write to the database.
 */
export async function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  for (let attempt = 1; ; attempt++) {
    try {
      let carried = false;
      const out = await db.transaction().execute(async (trx) => {
        const out = await fn(trx);
        carried = await flushAudit(trx, out); // the audit entries of this transaction (and of the HTTP change it makes), chained as it commits
        return out;
      });
      if (carried) currentRequestAudit()!.written = true;
      return out;
    } catch (e) {
      if (attempt >= TRANSACTION_ATTEMPTS || !isRetryableConflict(e)) throw e;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
    }
  }
}

/**
 * True for a unique-constraint violation on either engine (PostgreSQL 23505; SQLite
 * SQLITE_CONSTRAINT_UNIQUE or _PRIMARYKEY): a concurrent insert won the race.
 */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return (
    code === '23505' ||
    (typeof code === 'string' && (code.startsWith('SQLITE_CONSTRAINT_UNIQUE') || code.startsWith('SQLITE_CONSTRAINT_PRIMARYKEY')))
  );
}

/**
 * Keeps rows of `alias` whose half-open period [valid_from, valid_to) contains `date`; both
 * engines compare ISO text.
 */
export function validOn(alias: string, date: string): RawBuilder<SqlBool> {
  const from = sql.ref(`${alias}.valid_from`);
  const to = sql.ref(`${alias}.valid_to`);
  return sql<SqlBool>`(${from} <= ${date} and (${to} is null or ${to} > ${date}))`;
}
