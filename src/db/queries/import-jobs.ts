/**
 * Imports' jobs in the database (migration 0045): a job started through one server process is
 * followed through any other, and one import runs at a time across all of them. The process that
 * runs a job refreshes its heartbeat; a `running` job whose heartbeat is older than
 * IMPORT_STALE_MS belonged to a process that stopped, and is read as failed.
 */
import { sql } from 'kysely';
import { type Db, engineOf } from '../create-db.js';
import '../schema-shared-state.js';

/** A running job's heartbeat is refreshed this often … */
export const IMPORT_HEARTBEAT_MS = 5_000;
/** … and the job counts as abandoned once it is this old. */
export const IMPORT_STALE_MS = 60_000;

/** A job's row as the services see it (JSON parts still as text). */
export interface ImportJobRow {
  id: string;
  /** The user who started it (only they, or an administrator, may read it). */
  owner: string;
  status: 'running' | 'done' | 'failed';
  dryRun: boolean;
  startedAt: string;
  finishedAt: string | null;
  heartbeatAt: string;
  progress: string;
  report: string | null;
  error: string | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Inserts a running job unless another live one runs (one import at a time across processes): in
 * one transaction (SQLite's write lock; on PostgreSQL the table locked for it). False when refused.
 */
export async function insertImportJobIfIdle(db: Db, job: Omit<ImportJobRow, 'finishedAt' | 'report' | 'error' | 'status'>, now = Date.now()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (engineOf(db) === 'postgres') await sql`lock table import_jobs in exclusive mode`.execute(trx);
    const live = await trx.selectFrom('import_jobs').select('id').where('status', '=', 'running').where('heartbeat_at', '>=', iso(now - IMPORT_STALE_MS)).executeTakeFirst();
    if (live) return false;
    await trx
      .insertInto('import_jobs')
      .values({ id: job.id, owner: job.owner, status: 'running', dry_run: job.dryRun ? 1 : 0, started_at: job.startedAt, finished_at: null, heartbeat_at: job.heartbeatAt, progress: job.progress, report: null, error: null })
      .execute();
    return true;
  });
}

/** A running job's progress (and heartbeat). */
export async function updateImportProgress(db: Db, id: string, progress: string, now = Date.now()): Promise<void> {
  await db.updateTable('import_jobs').set({ progress, heartbeat_at: iso(now) }).where('id', '=', id).where('status', '=', 'running').execute();
}

/** A job's end: done with its report, or failed with its error. */
export async function finishImportJob(db: Db, id: string, end: { status: 'done' | 'failed'; progress: string; report: string | null; error: string | null }, now = Date.now()): Promise<void> {
  await db.updateTable('import_jobs').set({ status: end.status, progress: end.progress, report: end.report, error: end.error, finished_at: iso(now), heartbeat_at: iso(now) }).where('id', '=', id).execute();
}

/** One job, or undefined. */
export async function getImportJob(db: Db, id: string): Promise<ImportJobRow | undefined> {
  const r = await db.selectFrom('import_jobs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    owner: r.owner,
    status: r.status as ImportJobRow['status'],
    dryRun: Number(r.dry_run) === 1,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    heartbeatAt: r.heartbeat_at,
    progress: r.progress,
    report: r.report,
    error: r.error,
  };
}

/** Removes finished jobs older than `keepMs`, and all but the newest `keepMax` finished ones. */
export async function sweepImportJobs(db: Db, keepMs: number, keepMax: number, now = Date.now()): Promise<void> {
  await db.deleteFrom('import_jobs').where('finished_at', '<', iso(now - keepMs)).execute();
  const keep = await db.selectFrom('import_jobs').select('id').where('finished_at', 'is not', null).orderBy('finished_at', 'desc').limit(keepMax).execute();
  if (keep.length < keepMax) return;
  await db
    .deleteFrom('import_jobs')
    .where('finished_at', 'is not', null)
    .where('id', 'not in', keep.map((k) => k.id))
    .execute();
}
