/**
 * The server holds no state of its own (issue 12 item 4): several server processes on one database
 * share the PDF renderer's queue (one LibreOffice at a time across all of them: a ticket per
 * conversion, taken in order, kept alive by a heartbeat so that a process that died does not hold
 * the queue) and the imports' progress (a job started through one process is followed through any
 * other; one import at a time across all). Times are ISO text; progress, report and error JSON text.
 * Frozen once landed.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pdf_queue')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('heartbeat_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pdf_queue_order').on('pdf_queue').columns(['requested_at', 'id']).execute();
  await db.schema
    .createTable('import_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('dry_run', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('heartbeat_at', 'text', (c) => c.notNull())
    .addColumn('progress', 'text', (c) => c.notNull())
    .addColumn('report', 'text')
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('import_jobs_status').on('import_jobs').columns(['status', 'finished_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('import_jobs').execute();
  await db.schema.dropTable('pdf_queue').execute();
}
