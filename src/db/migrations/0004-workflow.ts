/**
 * The grading workflow, submissions and review records (issue #3; GUIDE.md §4). Frozen once landed.
 *
 * The workflow stage of an evaluation lives in its own table (`evaluation_stages`, one row per
 * evaluation tracked by the workflow) rather than in a column of `evaluations`: the evaluation row is
 * written only by src/db/queries/evaluations.ts (per-field history, form counts), and a stage beside
 * it keeps that the single writer. An evaluation without a stage row predates the workflow (imported
 * or entered directly): its stage is derived from its grades.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('evaluation_stages')
    .addColumn('evaluation_id', 'text', (c) => c.primaryKey().references('evaluations.id'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('evaluation_stage_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluations.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_stage', 'text', (c) => c.notNull())
    .addColumn('to_stage', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('org_units.id'))
    .addColumn('grade', 'text')
    .addColumn('comment', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evaluation_stage_events_eval').on('evaluation_stage_events').columns(['evaluation_id', 'at']).execute();

  await db.schema
    .createTable('evaluation_opinions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluations.id'))
    .addColumn('body_unit_id', 'text', (c) => c.references('org_units.id'))
    .addColumn('body_name', 'text', (c) => c.notNull())
    .addColumn('proposed_grade', 'text')
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evaluation_opinions_eval').on('evaluation_opinions').column('evaluation_id').execute();

  await db.schema
    .createTable('decision_justifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluations.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('warnings', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('decision_justifications_eval').on('decision_justifications').column('evaluation_id').execute();

  await db.schema
    .createTable('submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('cycles.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('comment', 'text')
    .addColumn('exceptions', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('submissions_cycle_unit', ['cycle_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('submission_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('submission_events_submission').on('submission_events').columns(['submission_id', 'at']).execute();

  await db.schema
    .createTable('review_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('cycles.id'))
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('meeting_start', 'text', (c) => c.notNull())
    .addColumn('meeting_end', 'text', (c) => c.notNull())
    .addColumn('duration_half_days', 'integer', (c) => c.notNull())
    .addColumn('draft_circulated_on', 'text')
    .addColumn('attending_person_id', 'text', (c) => c.references('persons.id'))
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addUniqueConstraint('review_records_subject', ['cycle_id', 'subject_kind', 'subject_id'])
    .execute();

  await db.schema
    .createTable('calendar_overrides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('date', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'calendar_overrides',
    'review_records',
    'submission_events',
    'submissions',
    'decision_justifications',
    'evaluation_opinions',
    'evaluation_stage_events',
    'evaluation_stages',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
