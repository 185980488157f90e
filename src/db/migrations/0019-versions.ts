/**
 * Versions for optimistic concurrency on the rows the web pages change besides evaluations and
 * submissions (which had one from the start): a report's settings and prose, a cycle (its deadlines
 * and parameters), a user (role, scope, status, password). A page sends the version it read; a stale
 * one is a 409 Conflict, never an overwrite (issue #9 item 10). Frozen once landed.
 */
import type { Kysely } from 'kysely';

const TABLES = ['reports', 'cycles', 'users'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    await db.schema.alterTable(table).addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) await db.schema.alterTable(table).dropColumn('version').execute();
}
