/**
 * Narrative reports (one per unit and cycle: number, date, signer, settings, prose) and uploaded
 * report templates (.docx as base64 text, one active). Portable types only.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('cycles.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('signer_name', 'text', (c) => c.notNull())
    .addColumn('signer_title', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('deployment_text', 'text', (c) => c.notNull())
    .addColumn('preparation_text', 'text', (c) => c.notNull())
    .addColumn('organisation_text', 'text', (c) => c.notNull())
    .addColumn('strengths_text', 'text', (c) => c.notNull())
    .addColumn('weaknesses_text', 'text', (c) => c.notNull())
    .addColumn('causes_text', 'text', (c) => c.notNull())
    .addColumn('tasks_text', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('reports_unit_cycle', ['unit_id', 'cycle_id'])
    .execute();

  await db.schema
    .createTable('report_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('report_templates').execute();
  await db.schema.dropTable('reports').execute();
}
