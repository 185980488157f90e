/**
 * The PDF renderer's queue lives in the database (issue 12 item 4), so that one LibreOffice runs at
 * a time across every server process on it: tickets take the turn oldest first, one at a time; a
 * ticket whose process died (no heartbeat) stops holding the queue; a conversion waits while another
 * process's ticket holds the turn and runs once it is given back. LibreOffice is stood in for by a
 * script that writes the PDF and records when it ran.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { claimPdfTurn, enqueuePdf, listPdfQueue, PDF_STALE_MS, releasePdfTicket, touchPdfTicket } from '../../src/db/queries/pdf-queue.js';
import { convertToPdf } from '../../src/reports/pdf.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';

let t: TestDb;
let dir = '';
let soffice = '';
const log = () => join(dir, 'runs.log');

beforeAll(async () => {
  t = await createTestDb();
  dir = mkdtempSync(join(tmpdir(), 'xeploai-pdf-queue-'));
  soffice = join(dir, 'soffice');
  // Writes <outdir>/<name>.pdf from the last argument and logs one line per run.
  writeFileSync(
    soffice,
    `#!/bin/sh\nout=""\nprev=""\nfor a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; last="$a"; done\nname=$(basename "$last"); name="\${name%.*}"\nprintf '%%PDF-1.4 fake' > "$out/$name.pdf"\necho "ran $name" >> "${log()}"\n`,
  );
  chmodSync(soffice, 0o755);
});
afterEach(async () => {
  await t.db.deleteFrom('pdf_queue').execute();
  rmSync(log(), { force: true });
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t?.close();
});

const runs = () => {
  try {
    return readFileSync(log(), 'utf8').trim().split('\n').filter(Boolean).length;
  } catch {
    return 0;
  }
};

describe(`PDF queue in the database (${testEngine})`, () => {
  it('gives the turn to the oldest ticket, one at a time', async () => {
    const now = Date.now();
    const a = await enqueuePdf(t.db, now);
    const b = await enqueuePdf(t.db, now + 1);
    expect(await claimPdfTurn(t.db, b, now + 2)).toBe(false);
    expect(await claimPdfTurn(t.db, a, now + 2)).toBe(true);
    expect(await claimPdfTurn(t.db, b, now + 3)).toBe(false);
    await releasePdfTicket(t.db, a);
    expect(await claimPdfTurn(t.db, b, now + 4)).toBe(true);
    expect((await listPdfQueue(t.db)).map((x) => x.id)).toEqual([b]);
  });

  it('stops waiting for a ticket whose process died (no heartbeat for longer than the limit)', async () => {
    const now = Date.now();
    const dead = await enqueuePdf(t.db, now);
    expect(await claimPdfTurn(t.db, dead, now)).toBe(true);
    const alive = await enqueuePdf(t.db, now + 1);
    await touchPdfTicket(t.db, alive, now + PDF_STALE_MS);
    expect(await claimPdfTurn(t.db, alive, now + PDF_STALE_MS - 1)).toBe(false);
    expect(await claimPdfTurn(t.db, alive, now + PDF_STALE_MS + 1)).toBe(true);
    expect((await listPdfQueue(t.db)).map((x) => x.id)).toEqual([alive]);
  });

  it('waits while another process holds the turn, converts once it is given back, and leaves no ticket', async () => {
    // Another server process is converting: its ticket holds the turn.
    const other = await enqueuePdf(t.db);
    expect(await claimPdfTurn(t.db, other)).toBe(true);
    const pdf = convertToPdf(Buffer.from('x'), { source: 'docx', soffice, queue: t.db });
    await new Promise((r) => setTimeout(r, 800));
    expect(runs()).toBe(0);
    expect(await listPdfQueue(t.db)).toHaveLength(2);
    await releasePdfTicket(t.db, other);
    expect((await pdf).toString()).toBe('%PDF-1.4 fake');
    expect(runs()).toBe(1);
    expect(await listPdfQueue(t.db)).toEqual([]);
  });

  it('gives the ticket back when the conversion fails', async () => {
    const failing = join(dir, 'failing');
    writeFileSync(failing, '#!/bin/sh\necho "hỏng" >&2\nexit 3\n');
    chmodSync(failing, 0o755);
    await expect(convertToPdf(Buffer.from('x'), { source: 'docx', soffice: failing, queue: t.db })).rejects.toMatchObject({ code: 'PdfFailed' });
    expect(await listPdfQueue(t.db)).toEqual([]);
  });
});
