/**
 * Small helpers every query module shares: transactions that nest into the caller's, the
 * portable unique-violation test, and the "valid on a date" condition of effective-dated rows.
 */
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../create-db.js';

/** Runs `fn` in a transaction, or inside the caller's when `db` already is one (Kysely cannot nest them). */
export async function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute(fn);
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
