/**
 * Grading facts, paper receipts and per-cycle rule parameters (issue #3 review). Frozen once landed.
 *
 * - `evaluation_facts`: what the grading check reads beside the evaluation row — QĐ 366 task counts
 *   (Điều 11: on time, late, exceeding), the member's civil-servant grade (HD 21 II.B.2.3; QĐ 366
 *   Điều 4) and the subject's own discipline (a collective's or organisation's). One row per
 *   evaluation, written by the workflow (src/db/queries/evaluation-facts.ts); the evaluation row
 *   keeps its single writer.
 * - `submissions.received_at`: when the parent received a paper report, recorded by the parent;
 *   timing uses it when present (the unit's own submit always takes server time).
 * - `cycle_parameters`: a JSON patch of the rule set's "(verify)" parameters for one cycle
 *   (src/domain/rules/parameter-schema.ts), applied with `withParameters`.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('evaluation_facts')
    .addColumn('evaluation_id', 'text', (c) => c.primaryKey().references('evaluations.id'))
    .addColumn('tasks_total', 'integer')
    .addColumn('tasks_on_time', 'integer')
    .addColumn('tasks_late', 'integer')
    .addColumn('tasks_exceeding', 'integer')
    .addColumn('civil_servant_grade', 'text')
    .addColumn('discipline_level', 'text')
    .addColumn('disciplined_on', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('submissions').addColumn('received_at', 'text').execute();

  await db.schema
    .createTable('cycle_parameters')
    .addColumn('cycle_id', 'text', (c) => c.primaryKey().references('cycles.id'))
    .addColumn('patch', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('cycle_parameters').execute();
  await db.schema.alterTable('submissions').dropColumn('received_at').execute();
  await db.schema.dropTable('evaluation_facts').execute();
}
