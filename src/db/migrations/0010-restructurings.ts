/**
 * The record of each restructuring of the tree (issue #10 item 4): a merge or a split, its effective
 * day, who made it and what moved (JSON: source and target units, members moved, collectives with
 * their successors' codes, positions). The history itself lives in the effective-dated rows it
 * wrote (unit versions, memberships, collectives, positions); this says which change wrote them.
 * Frozen once landed.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('unit_restructurings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('effective_on', 'text', (c) => c.notNull())
    .addColumn('target_unit_id', 'text', (c) => c.references('org_units.id'))
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('unit_restructurings_on').on('unit_restructurings').column('effective_on').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('unit_restructurings').execute();
}
