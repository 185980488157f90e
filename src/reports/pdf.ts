/**
 * .docx (or .xlsx) → PDF with LibreOffice headless (STACK.md: two conversions sharing a profile
 * silently lose a file, so each conversion gets its own `-env:UserInstallation` and conversions run
 * one at a time through a queue). Given the database (`queue`), the turn is taken in its queue
 * (src/db/queries/pdf-queue.ts), so that one LibreOffice runs at a time across every server process
 * on the database, not only within this one. Without `soffice`, a clear message says how to install it.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Db } from '../db/create-db.js';
import { claimPdfTurn, enqueuePdf, PDF_HEARTBEAT_MS, releasePdfTicket, touchPdfTicket } from '../db/queries/pdf-queue.js';
import { AppError } from '../domain/errors.js';

const INSTALL_HINT = 'Cài LibreOffice: apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui';

let queue: Promise<unknown> = Promise.resolve();

/** Runs `task` after every earlier conversion has finished (one LibreOffice at a time). */
function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

/** How often a waiting conversion asks for its turn. */
const TURN_POLL_MS = 200;

/** Runs `task` when this process's ticket in the database's queue has the turn; gives it back after. */
async function inDatabaseTurn<T>(db: Db, task: () => Promise<T>): Promise<T> {
  const id = await enqueuePdf(db);
  const beat = setInterval(() => void touchPdfTicket(db, id).catch(() => undefined), PDF_HEARTBEAT_MS);
  beat.unref();
  try {
    while (!(await claimPdfTurn(db, id))) await new Promise((r) => setTimeout(r, TURN_POLL_MS));
    return await task();
  } finally {
    clearInterval(beat);
    await releasePdfTicket(db, id);
  }
}

function unavailable(): AppError {
  return new AppError('PdfUnavailable', {
    vi: `Không tìm thấy LibreOffice (lệnh soffice) để tạo PDF. ${INSTALL_HINT}`,
    en: 'LibreOffice (soffice) was not found, so no PDF can be made. Install it: apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui',
  });
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: timeoutMs, killSignal: 'SIGKILL' }, (error, _stdout, stderr) => {
      if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') reject(unavailable());
      else if (error) reject(new Error(`${error.message}${stderr ? `: ${stderr}` : ''}`));
      else resolve();
    });
  });
}

/** Options of convertDocxToPdf. */
export interface PdfOptions {
  /** Path to soffice; `soffice` on PATH when omitted. */
  soffice?: string;
  /** Kill LibreOffice after this long (default 120 s). */
  timeoutMs?: number;
  /** The database whose queue gives the turn across server processes; this process's own queue only when omitted. */
  queue?: Db;
}

/** What LibreOffice converts: a report (.docx, Writer) or a forms workbook (.xlsx, Calc). */
export type PdfSource = 'docx' | 'xlsx';

const NAMES: Record<PdfSource, { file: string; what: { vi: string; en: string } }> = {
  docx: { file: 'bao-cao', what: { vi: 'báo cáo', en: 'the report' } },
  xlsx: { file: 'bieu-thong-ke', what: { vi: 'sổ tính biểu', en: 'the forms workbook' } },
};

/**
 * Converts a .docx or an .xlsx to PDF. AppError('PdfUnavailable') when LibreOffice is not installed,
 * AppError('PdfFailed') when the conversion fails or times out.
 */
export async function convertToPdf(input: Buffer, options: PdfOptions & { source: PdfSource }): Promise<Buffer> {
  const soffice = options.soffice ?? 'soffice';
  const { file, what } = NAMES[options.source];
  const convert = async () => {
    const work = await mkdtemp(join(tmpdir(), 'xeploai-pdf-'));
    try {
      const path = join(work, `${file}.${options.source}`);
      await writeFile(path, input);
      const profile = pathToFileURL(join(work, 'profile')).href;
      await run(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, path], options.timeoutMs ?? 120_000);
      return await readFile(join(work, `${file}.pdf`));
    } catch (e) {
      if (e instanceof AppError) throw e;
      const why = e instanceof Error ? e.message : String(e);
      throw new AppError('PdfFailed', { vi: `LibreOffice không chuyển được ${what.vi} sang PDF: ${why}`, en: `LibreOffice could not convert ${what.en} to PDF: ${why}` });
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  };
  const queue = options.queue;
  return enqueue(queue ? () => inDatabaseTurn(queue, convert) : convert);
}

/**
 * Converts a .docx to PDF. AppError('PdfUnavailable') when LibreOffice is not installed,
 * AppError('PdfFailed') when the conversion fails or times out.
 */
export function convertDocxToPdf(docx: Buffer, options: PdfOptions = {}): Promise<Buffer> {
  return convertToPdf(docx, { ...options, source: 'docx' });
}
