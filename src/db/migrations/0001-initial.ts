/**
 * Initial schema. Frozen once landed: later changes go in new migrations. Portable types only
 * (text, integer); no engine-specific defaults; ids made by the application.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('org_units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('org_unit_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('parent_id', 'text', (c) => c.references('org_units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('org_type', 'text')
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .execute();
  await db.schema.createIndex('org_unit_versions_unit').on('org_unit_versions').columns(['unit_id', 'valid_from']).execute();
  await db.schema.createIndex('org_unit_versions_parent').on('org_unit_versions').column('parent_id').execute();

  await db.schema
    .createTable('collectives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .execute();
  await db.schema.createIndex('collectives_unit').on('collectives').column('unit_id').execute();

  await db.schema
    .createTable('persons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('card_number', 'text', (c) => c.notNull().unique())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('search_key', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text')
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('admitted_on', 'text', (c) => c.notNull())
    .addColumn('official_on', 'text')
    .addColumn('is_civil_servant', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('persons_search').on('persons').column('search_key').execute();

  await db.schema
    .createTable('memberships')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .execute();
  await db.schema.createIndex('memberships_person').on('memberships').columns(['person_id', 'valid_from']).execute();
  await db.schema.createIndex('memberships_unit').on('memberships').column('unit_id').execute();

  await db.schema
    .createTable('person_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('level', 'text')
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text')
    .addColumn('months', 'integer')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('person_events_person').on('person_events').column('person_id').execute();

  await db.schema
    .createTable('positions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('position_group', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('deciding_unit_id', 'text', (c) => c.references('org_units.id'))
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .execute();
  await db.schema.createIndex('positions_person').on('positions').column('person_id').execute();
  await db.schema.createIndex('positions_unit').on('positions').column('unit_id').execute();

  await db.schema
    .createTable('cycles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('rule_set', 'text', (c) => c.notNull())
    .addColumn('reference_date', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('cycles_year_period', ['year', 'period'])
    .execute();

  await db.schema
    .createTable('cycle_deadlines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('cycles.id'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addUniqueConstraint('cycle_deadlines_level', ['cycle_id', 'level'])
    .execute();

  await db.schema
    .createTable('evaluations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('cycles.id'))
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('eligibility', 'text', (c) => c.notNull())
    .addColumn('eligibility_reason', 'text')
    .addColumn('reviewed', 'integer')
    .addColumn('self_grade', 'text')
    .addColumn('proposed_grade', 'text')
    .addColumn('decided_grade', 'text')
    .addColumn('deciding_unit_id', 'text', (c) => c.references('org_units.id'))
    .addColumn('kht_reasons', 'text', (c) => c.notNull())
    .addColumn('score_x100', 'integer')
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('evaluations_subject', ['cycle_id', 'subject_kind', 'subject_id'])
    .execute();
  await db.schema.createIndex('evaluations_cycle_unit').on('evaluations').columns(['cycle_id', 'unit_id']).execute();

  await db.schema
    .createTable('evaluation_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluations.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .addColumn('reason', 'text')
    .execute();
  await db.schema.createIndex('evaluation_history_eval').on('evaluation_history').columns(['evaluation_id', 'at']).execute();

  await db.schema
    .createTable('review_topics')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('cycles.id'))
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('managed_by', 'text', (c) => c.notNull())
    .addColumn('assigned_by_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'review_topics',
    'evaluation_history',
    'evaluations',
    'cycle_deadlines',
    'cycles',
    'positions',
    'person_events',
    'memberships',
    'persons',
    'collectives',
    'org_unit_versions',
    'org_units',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
