/**
 * Imports run over HTTP as jobs a page can follow (issue #10: "the same over the API and on a page
 * with a progress bar"): POST starts one and answers at once with its id; GET answers its status,
 * its progress (phase, rows done of total, a percentage, a line to show) and, once finished, the
 * report. Kept in the database (src/db/queries/import-jobs.ts), so that any server process on it
 * answers for a job another one runs (issue 12: the server holds no state of its own); one import at
 * a time across all of them, the finished ones for an hour. The process that started a job runs it
 * and writes its progress, at most every PROGRESS_EVERY_MS and at each change of phase.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/create-db.js';
import {
  finishImportJob,
  getImportJob,
  IMPORT_HEARTBEAT_MS,
  IMPORT_STALE_MS,
  insertImportJobIfIdle,
  type ImportJobRow,
  sweepImportJobs,
  updateImportProgress,
} from '../../db/queries/import-jobs.js';
import { AppError, isAppError } from '../../domain/errors.js';
import type { ImportScope } from './context.js';
import { runImport } from './run.js';
import type { ImportFile, ImportProgress, ImportReport } from './types.js';

/** A job as the routes answer it: its stored row with the JSON parts read. */
export interface ImportJob extends Omit<ImportJobRow, 'heartbeatAt' | 'progress' | 'report' | 'error'> {
  progress: ImportProgress & { percent: number };
  /** Once done: the import's report (ok or refused with every issue). */
  report: ImportReport | null;
  /** Once failed: why the files could not be imported at all. */
  error: { code: string; message: { vi: string; en: string } } | null;
}

/** The share of the bar each phase fills: reading, checking, writing. */
const SPAN: Record<ImportProgress['phase'], [number, number]> = { read: [0, 10], check: [10, 60], write: [60, 99], done: [100, 100] };

function percentOf(p: ImportProgress): number {
  const [from, to] = SPAN[p.phase];
  return p.total > 0 ? Math.floor(from + ((to - from) * Math.min(p.done, p.total)) / p.total) : from;
}

/** Finished jobs are kept this long, at most this many. */
const KEEP_MS = 60 * 60 * 1000;
const KEEP_MAX = 50;
/** A running job's progress is written at most this often (and at every change of phase). */
const PROGRESS_EVERY_MS = 250;

const ABANDONED = {
  code: 'Internal',
  message: {
    vi: 'Máy chủ chạy lần nhập này đã dừng giữa chừng; chưa ghi gì (mọi thay đổi của một lần nhập ghi trong một giao dịch). Vui lòng nhập lại.',
    en: 'The server running this import stopped before it finished; nothing was written (an import writes in one transaction). Please import again.',
  },
};

export class ImportJobs {
  /** The jobs this process runs (so that a test or a stopping server can wait for them). */
  private readonly running = new Set<Promise<unknown>>();
  /** Their state as it stands, until written as finished (answered without waiting for the database). */
  private readonly mine = new Map<string, ImportJob>();

  constructor(private readonly db: Db) {}

  /** Starts an import; Conflict when one is already running in any process on the database. */
  async start(input: { db: Db; files: readonly ImportFile[]; owner: string; scope: ImportScope; dryRun: boolean }): Promise<ImportJob> {
    await sweepImportJobs(this.db, KEEP_MS, KEEP_MAX);
    const now = new Date().toISOString();
    const job: ImportJob = {
      id: randomUUID(),
      owner: input.owner,
      status: 'running',
      dryRun: input.dryRun,
      startedAt: now,
      finishedAt: null,
      progress: { phase: 'read', done: 0, total: 0, percent: 0, message: { vi: 'Đang bắt đầu…', en: 'Starting…' } },
      report: null,
      error: null,
    };
    const inserted = await insertImportJobIfIdle(this.db, { id: job.id, owner: job.owner, dryRun: job.dryRun, startedAt: now, heartbeatAt: now, progress: JSON.stringify(job.progress) });
    if (!inserted) {
      throw new AppError('Conflict', { vi: 'Đang có một lần nhập khác chạy; vui lòng chờ nó xong rồi thử lại.', en: 'Another import is running; wait for it to finish and try again.' });
    }
    this.mine.set(job.id, job);
    this.track(this.run(job, input));
    return job;
  }

  private track(p: Promise<unknown>): void {
    this.running.add(p);
    void p.finally(() => this.running.delete(p));
  }

  private async run(job: ImportJob, input: { db: Db; files: readonly ImportFile[]; scope: ImportScope; dryRun: boolean }): Promise<void> {
    // One write in flight at a time; a change meanwhile is written after it (on SQLite a write waits
    // for the import's own transaction: the progress of this process's jobs is also answered from memory).
    let writtenAt = 0;
    let writtenPhase: ImportProgress['phase'] = job.progress.phase;
    let inflight: Promise<void> | undefined;
    let again = false;
    const write = () => {
      writtenAt = Date.now();
      writtenPhase = job.progress.phase;
      if (inflight) {
        again = true;
        return;
      }
      inflight = (async () => {
        do {
          again = false;
          await updateImportProgress(this.db, job.id, JSON.stringify(job.progress));
        } while (again);
      })()
        .catch((e: unknown) => console.error(e))
        .finally(() => (inflight = undefined));
    };
    const beat = setInterval(write, IMPORT_HEARTBEAT_MS);
    beat.unref();
    const onProgress = (p: ImportProgress) => {
      job.progress = { ...p, percent: percentOf(p) };
      if (p.phase !== writtenPhase || Date.now() - writtenAt >= PROGRESS_EVERY_MS) write();
    };
    let end: { status: 'done' | 'failed'; progress: ImportJob['progress']; report: ImportReport | null; error: ImportJob['error'] };
    try {
      const report = await runImport(input.db, input.files, { dryRun: input.dryRun, scope: input.scope, actor: job.owner, onProgress });
      end = { status: 'done', progress: job.progress, report, error: null };
    } catch (e: unknown) {
      if (!isAppError(e)) console.error(e);
      const error = isAppError(e) ? { code: e.code, message: e.messages } : { code: 'Internal', message: { vi: 'Lỗi hệ thống khi nhập; chưa ghi gì.', en: 'Internal error while importing; nothing was written.' } };
      end = { status: 'failed', progress: { ...job.progress, phase: 'done', percent: 100, message: error.message }, report: null, error };
    } finally {
      clearInterval(beat);
    }
    Object.assign(job, { ...end, finishedAt: new Date().toISOString() });
    await inflight;
    await finishImportJob(this.db, job.id, { status: end.status, progress: JSON.stringify(end.progress), report: end.report ? JSON.stringify(end.report) : null, error: end.error ? JSON.stringify(end.error) : null });
    this.mine.delete(job.id);
  }

  /** The job, for its owner or an administrator; NotFound otherwise (another user's job is not shown). */
  async get(id: string, viewer: { username: string; admin: boolean }): Promise<ImportJob> {
    const notFound = () => new AppError('NotFound', { vi: `Không có lần nhập «${id}».`, en: `No import "${id}".` });
    const own = this.mine.get(id);
    if (own) {
      if (own.owner !== viewer.username && !viewer.admin) throw notFound();
      return { ...own };
    }
    const row = await getImportJob(this.db, id);
    if (!row || (row.owner !== viewer.username && !viewer.admin)) throw notFound();
    const progress = JSON.parse(row.progress) as ImportJob['progress'];
    const job: ImportJob = {
      id: row.id,
      owner: row.owner,
      status: row.status,
      dryRun: row.dryRun,
      startedAt: row.startedAt,
      finishedAt: row.finishedAt,
      progress,
      report: row.report === null ? null : (JSON.parse(row.report) as ImportReport),
      error: row.error === null ? null : (JSON.parse(row.error) as ImportJob['error']),
    };
    // Its process stopped without finishing it (no heartbeat for a minute): failed, nothing written.
    if (job.status === 'running' && Date.now() - Date.parse(row.heartbeatAt) > IMPORT_STALE_MS) {
      return { ...job, status: 'failed', finishedAt: row.heartbeatAt, error: ABANDONED, progress: { ...progress, phase: 'done', percent: 100, message: ABANDONED.message } };
    }
    return job;
  }

  /** Resolves when no import this process started is running (tests; a server that stops). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
