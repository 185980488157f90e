/**
 * Live form counts (issue 4, FORMS.md §2): `form_counts` holds every unit's SUBTREE total of each
 * printed cell of each cycle, kept up to date in the transaction of every evaluation write, so a
 * form is read, not recomputed; `entered_form_values` holds the counts of units that report counts
 * only (a subordinate not on the product, a past year), which roll up with the rest. Frozen once
 * landed.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('form_counts')
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('cycles.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('row', 'text', (c) => c.notNull())
    .addColumn('col', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('form_counts_pk', ['cycle_id', 'unit_id', 'form', 'row', 'col'])
    .execute();

  await db.schema
    .createTable('entered_form_values')
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('cycles.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('row', 'text', (c) => c.notNull())
    .addColumn('col', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('entered_form_values_pk', ['cycle_id', 'unit_id', 'form', 'row', 'col'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('entered_form_values').execute();
  await db.schema.dropTable('form_counts').execute();
}
