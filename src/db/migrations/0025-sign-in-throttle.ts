/**
 * Failed sign-ins, kept in the database so that every server process behind a load balancer counts
 * the same failures (issue #11 item 5): one row per user name and address pair (the name's failures
 * from that address, which an administrator can clear) and one per address (failures across names,
 * against password spraying). Times are ISO text. Frozen once landed.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sign_in_failures')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text')
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('first_failure_at', 'text', (c) => c.notNull())
    .addColumn('last_failure_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sign_in_failures_username').on('sign_in_failures').column('username').execute();
  await db.schema.createIndex('sign_in_failures_last').on('sign_in_failures').column('last_failure_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sign_in_failures').execute();
}
