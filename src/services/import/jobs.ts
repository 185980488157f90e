/**
 * Imports run over HTTP as jobs a page can follow (issue #10: "the same over the API and on a page
 * with a progress bar"): POST starts one and answers at once with its id; GET answers its status,
 * its progress (phase, rows done of total, a percentage, a line to show) and, once finished, the
 * report. Kept in memory by the server process (one registry per app), one import at a time, the
 * finished ones for an hour.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/create-db.js';
import { AppError, isAppError } from '../../domain/errors.js';
import type { ImportScope } from './context.js';
import { runImport } from './run.js';
import type { ImportFile, ImportProgress, ImportReport } from './types.js';

export interface ImportJob {
  id: string;
  /** The user who started it (only they, or an administrator, may read it). */
  owner: string;
  status: 'running' | 'done' | 'failed';
  dryRun: boolean;
  startedAt: string;
  finishedAt: string | null;
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

export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();

  /** Starts an import; Conflict when one is already running in this process. */
  start(input: { db: Db; files: readonly ImportFile[]; owner: string; scope: ImportScope; dryRun: boolean }): ImportJob {
    this.sweep();
    if ([...this.jobs.values()].some((j) => j.status === 'running')) {
      throw new AppError('Conflict', { vi: 'Đang có một lần nhập khác chạy; vui lòng chờ nó xong rồi thử lại.', en: 'Another import is running; wait for it to finish and try again.' });
    }
    const job: ImportJob = {
      id: randomUUID(),
      owner: input.owner,
      status: 'running',
      dryRun: input.dryRun,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      progress: { phase: 'read', done: 0, total: 0, percent: 0, message: { vi: 'Đang bắt đầu…', en: 'Starting…' } },
      report: null,
      error: null,
    };
    this.jobs.set(job.id, job);
    const finish = (patch: Partial<ImportJob>) => Object.assign(job, { finishedAt: new Date().toISOString() }, patch);
    runImport(input.db, input.files, { dryRun: input.dryRun, scope: input.scope, actor: input.owner, onProgress: (p) => (job.progress = { ...p, percent: percentOf(p) }) })
      .then((report) => finish({ status: 'done', report }))
      .catch((e: unknown) => {
        if (!isAppError(e)) console.error(e);
        const error = isAppError(e) ? { code: e.code, message: e.messages } : { code: 'Internal', message: { vi: 'Lỗi hệ thống khi nhập; chưa ghi gì.', en: 'Internal error while importing; nothing was written.' } };
        finish({ status: 'failed', error, progress: { ...job.progress, phase: 'done', percent: 100, message: error.message } });
      });
    return job;
  }

  /** The job, for its owner or an administrator; NotFound otherwise (another user's job is not shown). */
  get(id: string, viewer: { username: string; admin: boolean }): ImportJob {
    const job = this.jobs.get(id);
    if (!job || (job.owner !== viewer.username && !viewer.admin)) {
      throw new AppError('NotFound', { vi: `Không có lần nhập «${id}».`, en: `No import "${id}".` });
    }
    return job;
  }

  /** Resolves when no import is running (tests; a server that stops). */
  async idle(): Promise<void> {
    while ([...this.jobs.values()].some((j) => j.status === 'running')) await new Promise((r) => setTimeout(r, 20));
  }

  private sweep(): void {
    const now = Date.now();
    const finished = [...this.jobs.values()].filter((j) => j.finishedAt !== null).sort((a, b) => (a.finishedAt! < b.finishedAt! ? -1 : 1));
    finished.forEach((j, i) => {
      if (now - Date.parse(j.finishedAt!) > KEEP_MS || finished.length - i > KEEP_MAX) this.jobs.delete(j.id);
    });
  }
}
