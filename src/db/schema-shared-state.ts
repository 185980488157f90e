/**
 * Tables of the state server processes share (issue 12, migration 0045), added to `Database` by
 * module augmentation as schema-security.ts does.
 */
import './schema.js';

/** One PDF conversion waiting for, or holding, the one LibreOffice of all processes. */
export interface PdfQueueTable {
  id: string;
  requested_at: string;
  /** When it took its turn; null while it waits. */
  started_at: string | null;
  /** Refreshed while its process lives (waiting or converting): an old one is a process that died. */
  heartbeat_at: string;
}

/** An import over HTTP: its status and progress, as any server process reads it. */
export interface ImportJobTable {
  id: string;
  owner: string;
  /** running | done | failed */
  status: string;
  dry_run: number;
  started_at: string;
  finished_at: string | null;
  /** Refreshed while the process running it lives. */
  heartbeat_at: string;
  /** JSON: phase, done, total, percent, message. */
  progress: string;
  /** JSON: the import's report, once done. */
  report: string | null;
  /** JSON: code and message, once failed. */
  error: string | null;
}

declare module './schema.js' {
  interface Database {
    pdf_queue: PdfQueueTable;
    import_jobs: ImportJobTable;
  }
}
