/**
 * A unit's report names the subjects of its scope it sends ungraded, each with a reason (issue 8:
 * "a unit cannot submit while subjects in its scope are ungraded and not listed as exceptions with a
 * reason"): a JSON array of { evaluationId, subjectKind, subjectRef, name, reason } on the report,
 * beside the children's exceptions. Frozen once landed.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('submissions').addColumn('ungraded_exceptions', 'text', (c) => c.notNull().defaultTo('[]')).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('submissions').dropColumn('ungraded_exceptions').execute();
}
