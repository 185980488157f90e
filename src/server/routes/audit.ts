/**
 * The audit log for an inspector over HTTP (issue #11 item 6), the administrator's only: its entries
 * in order, a page at a time (GET /api/audit?from=&to=&after=&limit=, each with its hashes, and the
 * head), and the chain's verification (GET /api/audit/verify, as `xeploai audit verify`). Reading the
 * entries is itself logged as an export of personal data (src/server/audit-writes.ts).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { readAuditHead, readAuditPage } from '../../db/queries/audit.js';
import { verifyAudit } from '../../services/audit.js';
import { isoDate } from '../../schemas/common.js';
import type { AppEnv } from '../app.js';
import { authorizeRole } from '../authorize.js';
import { parseQuery } from '../validate.js';

/** Longest page of entries. */
export const AUDIT_PAGE_MAX = 1_000;

export const auditQuery = z.object({
  /** From this day (ISO date, inclusive). */
  from: isoDate.optional(),
  /** Before this day (ISO date, exclusive). */
  to: isoDate.optional(),
  /** After this entry number (the previous page's `next`). */
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).optional(),
});

/** Routes under /api: /audit, /audit/verify (administrator only). */
export function auditRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/audit', async (c) => {
    const q = parseQuery(c, auditQuery);
    authorizeRole(c, 'admin');
    const limit = q.limit ?? 200;
    const { db } = c.var.deps;
    const entries = await readAuditPage(db, { afterSeq: q.after ?? 0, limit, from: q.from, to: q.to });
    const next = entries.length === limit ? entries.at(-1)!.seq : null;
    return c.json({ entries, next, head: await readAuditHead(db) });
  });
  r.get('/audit/verify', async (c) => {
    authorizeRole(c, 'admin');
    const result = await verifyAudit(c.var.deps.db);
    return c.json({ ...result, intact: result.findings.length === 0 });
  });
  return r;
}
