/**
 * National scale (issue 12): `cycles.counts_version`, bumped in the transaction of every change of
 * a cycle's stored form counts, so every server process serves a form from its cache while the
 * version it cached under is current (ETag / 304); and the indexes that keep a trace of a commune's
 * cell reading the commune's own rows: the evaluations graded by a superior, found by their deciding
 * unit (directly or through the position). Frozen once landed.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cycles').addColumn('counts_version', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('evaluations_cycle_deciding').on('evaluations').columns(['cycle_id', 'deciding_unit_id']).execute();
  await db.schema.createIndex('positions_deciding').on('positions').column('deciding_unit_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('positions_deciding').execute();
  await db.schema.dropIndex('evaluations_cycle_deciding').execute();
  await db.schema.alterTable('cycles').dropColumn('counts_version').execute();
}
