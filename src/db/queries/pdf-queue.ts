/**
 * The PDF renderer's queue in the database (migration 0045): one LibreOffice at a time across every
 * server process on the database (STACK.md: conversions one at a time). A conversion takes a ticket,
 * waits until no ticket holds the turn and its own is the oldest, takes the turn, and gives the
 * ticket back when done. Every process refreshes its tickets' heartbeat; a ticket whose heartbeat is
 * older than `staleMs` belongs to a process that died and is dropped by whoever looks next.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../create-db.js';
import { engineOf } from '../create-db.js';
import '../schema-shared-state.js';

/** A ticket's heartbeat is refreshed this often … */
export const PDF_HEARTBEAT_MS = 5_000;
/** … and dropped once this old (several heartbeats missed). */
export const PDF_STALE_MS = 30_000;

const iso = (ms: number) => new Date(ms).toISOString();

/** Takes a ticket at the end of the queue; returns its id. */
export async function enqueuePdf(db: Db, now = Date.now()): Promise<string> {
  const id = randomUUID();
  await db.insertInto('pdf_queue').values({ id, requested_at: iso(now), started_at: null, heartbeat_at: iso(now) }).execute();
  return id;
}

/**
 * Takes the turn for ticket `id` when no live ticket holds it and `id` is the oldest live ticket
 * (dropping dead tickets first); true when taken. One claim at a time (SQLite's write lock; on
 * PostgreSQL the table locked for the claim's transaction).
 */
export async function claimPdfTurn(db: Db, id: string, now = Date.now()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (engineOf(db) === 'postgres') await sql`lock table pdf_queue in exclusive mode`.execute(trx);
    await trx.deleteFrom('pdf_queue').where('heartbeat_at', '<', iso(now - PDF_STALE_MS)).execute();
    const holder = await trx.selectFrom('pdf_queue').select('id').where('started_at', 'is not', null).executeTakeFirst();
    if (holder) return false;
    const first = await trx.selectFrom('pdf_queue').select('id').orderBy('requested_at').orderBy('id').limit(1).executeTakeFirst();
    if (first?.id !== id) return false;
    await trx.updateTable('pdf_queue').set({ started_at: iso(now), heartbeat_at: iso(now) }).where('id', '=', id).execute();
    return true;
  });
}

/** Keeps a ticket alive (its process is still there). */
export async function touchPdfTicket(db: Db, id: string, now = Date.now()): Promise<void> {
  await db.updateTable('pdf_queue').set({ heartbeat_at: iso(now) }).where('id', '=', id).execute();
}

/** Gives a ticket back (done, failed or given up). */
export async function releasePdfTicket(db: Db, id: string): Promise<void> {
  await db.deleteFrom('pdf_queue').where('id', '=', id).execute();
}

/** The tickets, oldest first (tests, an administrator's look). */
export async function listPdfQueue(db: Db): Promise<{ id: string; requestedAt: string; startedAt: string | null }[]> {
  const rows = await db.selectFrom('pdf_queue').select(['id', 'requested_at', 'started_at']).orderBy('requested_at').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, requestedAt: r.requested_at, startedAt: r.started_at }));
}
