/**
 * The append-only audit log (migration 0026). A change queues its entries in its own transaction;
 * just before that transaction commits (src/db/queries/common.ts, inTransaction) they are numbered
 * and chained after the head, which the appender locks (an `update … set seq = seq` as the lock, the
 * same on both engines) — the last thing a transaction does, so writers queue on it briefly and never
 * deadlock on it. Outside a transaction an entry is appended in one of its own. Entries are never
 * updated or deleted by the application.
 */
import { type AuditEntry, type ChainedEntry, entryHash } from '../../domain/audit-chain.js';
import type { Db } from '../create-db.js';
import { nowIso } from '../ids.js';
import '../schema-security.js';
import { currentRequestAudit } from '../request-audit.js';

/** What a caller says about a change; number, time and hashes are the log's. */
export interface AuditInput {
  actor: string;
  action: string;
  source?: string | null | undefined;
  entity?: string | null | undefined;
  entityKey?: string | null | undefined;
  oldValue?: unknown;
  newValue?: unknown;
  reason?: string | null | undefined;
}

/** Longest stored value; longer ones keep their beginning and say they were cut. */
const VALUE_MAX = 100_000;

function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return s.length > VALUE_MAX ? `${s.slice(0, VALUE_MAX)}…[cắt bớt ${s.length - VALUE_MAX} ký tự / truncated]` : s;
}

const pending = new WeakMap<object, Omit<AuditEntry, 'seq'>[]>();

function toEntry(input: AuditInput): Omit<AuditEntry, 'seq'> {
  return {
    at: nowIso(),
    actor: input.actor,
    source: input.source ?? null,
    action: input.action,
    entity: input.entity ?? null,
    entityKey: input.entityKey ?? null,
    oldValue: text(input.oldValue),
    newValue: text(input.newValue),
    reason: input.reason ?? null,
  };
}

/** Records an entry: queued in the caller's transaction (written when it commits, gone if it rolls back), else appended now. */
export async function recordAudit(db: Db, input: AuditInput): Promise<void> {
  if (db.isTransaction) {
    let list = pending.get(db);
    if (!list) pending.set(db, (list = []));
    list.push(toEntry(input));
    return;
  }
  await db.transaction().execute((trx) => appendEntries(trx, [toEntry(input)]));
}

/**
 * Writes the entries queued in this transaction (called by inTransaction before it commits), led by
 * the HTTP request's own entry (src/db/request-audit.ts) when the request has written and its entry
 * is not yet in a committed transaction; `result` is what the transaction returns, the change's new
 * value. True when the request's entry is among them (the caller marks it written once committed).
 */
export async function flushAudit(trx: Db, result?: unknown): Promise<boolean> {
  const list = pending.get(trx) ?? [];
  pending.delete(trx);
  const request = currentRequestAudit();
  const carries = request !== undefined && request.wrote && !request.written;
  if (carries) list.unshift(toEntry(request.entry(result)));
  if (list.length > 0) await appendEntries(trx, list);
  return carries;
}

async function appendEntries(trx: Db, entries: Omit<AuditEntry, 'seq'>[]): Promise<void> {
  const request = currentRequestAudit();
  if (request) request.appending = true; // the log's own writes are not the request's change
  try {
    await appendChained(trx, entries);
  } finally {
    if (request) request.appending = false;
  }
}

async function appendChained(trx: Db, entries: Omit<AuditEntry, 'seq'>[]): Promise<void> {
  await trx.updateTable('audit_head').set((eb) => ({ seq: eb.ref('seq') })).where('id', '=', 1).execute(); // the lock
  const head = await trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  let seq = Number(head.seq);
  let prev = head.hash;
  const rows = entries.map((e) => {
    seq += 1;
    const entry = { ...e, seq };
    const hash = entryHash(prev, entry);
    const row = { seq, at: e.at, actor: e.actor, source: e.source, action: e.action, entity: e.entity, entity_key: e.entityKey, old_value: e.oldValue, new_value: e.newValue, reason: e.reason, prev_hash: prev, hash };
    prev = hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += 200) await trx.insertInto('audit_log').values(rows.slice(i, i + 200)).execute();
  await trx.updateTable('audit_head').set({ seq, hash: prev }).where('id', '=', 1).execute();
}

/** The head: last number and hash. */
export async function readAuditHead(db: Db): Promise<{ seq: number; hash: string }> {
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  return { seq: Number(head.seq), hash: head.hash };
}

/** Entries after `afterSeq`, in order, at most `limit` (to read the log in pages with bounded memory). */
export async function readAuditPage(db: Db, input: { afterSeq: number; limit: number; from?: string | undefined; to?: string | undefined }): Promise<ChainedEntry[]> {
  let q = db.selectFrom('audit_log').selectAll().where('seq', '>', input.afterSeq);
  if (input.from) q = q.where('at', '>=', input.from);
  if (input.to) q = q.where('at', '<', input.to);
  const rows = await q.orderBy('seq').limit(input.limit).execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: r.at,
    actor: r.actor,
    source: r.source,
    action: r.action,
    entity: r.entity,
    entityKey: r.entity_key,
    oldValue: r.old_value,
    newValue: r.new_value,
    reason: r.reason,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}
