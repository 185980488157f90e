/**
 * The facts the rules read, stored as data with who entered them and the document they rest on
 * (issue 8, "Facts as data"). Frozen once landed.
 *
 * - `person_events`: a discipline's `duty_related` (QĐ 366 Điều 11 k4: "vi phạm liên quan đến chức
 *   trách, nhiệm vụ"), `self_detected_remedied` ("tự phát hiện … khắc phục"), `violation_year` (HD 43
 *   4.3: a violation of an earlier year disciplined now), the decision's number and date, who entered
 *   the event and when. The `months` column stays for old rows; nothing writes or reads it any more
 *   (sick leave is measured from its dates).
 * - `evaluation_facts.discipline_self_remedied`: an organisation's or collective's own discipline for a
 *   violation it detected and remedied itself (HD 21, II.B.1.3; QĐ 124 Điều 12).
 * - `subject_facts`: one fact of an evaluation's subject per row (criterion rated Kém, targets
 *   completed, disunity concluded, sub-units disciplined …; src/domain/workflow/fact-catalogue.ts),
 *   its JSON value, the day it was concluded, the source document, who entered it and when.
 * - `collective_members`: the positions that sit on a leadership collective over a period (HD 21,
 *   II.B.3; QĐ 366 Điều 11 k4: "thành viên trong tập thể lãnh đạo, quản lý").
 */
import type { Kysely } from 'kysely';

const EVENT_COLUMNS = [
  ['duty_related', 'integer'],
  ['self_detected_remedied', 'integer'],
  ['violation_year', 'integer'],
  ['document_number', 'text'],
  ['document_date', 'text'],
  ['entered_by', 'text'],
  ['entered_at', 'text'],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, type] of EVENT_COLUMNS) await db.schema.alterTable('person_events').addColumn(name, type).execute();
  await db.schema.alterTable('evaluation_facts').addColumn('discipline_self_remedied', 'integer').execute();

  await db.schema
    .createTable('subject_facts')
    .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluations.id'))
    .addColumn('fact', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('concluded_on', 'text')
    .addColumn('document_number', 'text')
    .addColumn('document_date', 'text')
    .addColumn('entered_by', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('subject_facts_pk', ['evaluation_id', 'fact'])
    .execute();

  await db.schema
    .createTable('collective_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('collective_id', 'text', (c) => c.notNull().references('collectives.id'))
    .addColumn('position_id', 'text', (c) => c.notNull().references('positions.id'))
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('document_number', 'text')
    .addColumn('document_date', 'text')
    .addColumn('entered_by', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('collective_members_collective').on('collective_members').column('collective_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('collective_members').execute();
  await db.schema.dropTable('subject_facts').execute();
  await db.schema.alterTable('evaluation_facts').dropColumn('discipline_self_remedied').execute();
  for (const [name] of [...EVENT_COLUMNS].reverse()) await db.schema.alterTable('person_events').dropColumn(name).execute();
}
