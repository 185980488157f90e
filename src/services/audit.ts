/**
 * Verifying and exporting the audit log (issue #11 item 6), read in pages of a thousand entries so
 * memory stays bounded however long the log grows.
 */
import { type ChainedEntry, type ChainFinding, ChainVerifier } from '../domain/audit-chain.js';
import type { Db } from '../db/create-db.js';
import { readAuditHead, readAuditPage } from '../db/queries/audit.js';

const PAGE = 1_000;

export interface AuditVerification {
  entries: number;
  head: { seq: number; hash: string };
  findings: ChainFinding[];
}

/** Follows the whole chain and compares its end with the head. */
export async function verifyAudit(db: Db): Promise<AuditVerification> {
  const verifier = new ChainVerifier();
  let after = 0;
  for (;;) {
    const page = await readAuditPage(db, { afterSeq: after, limit: PAGE });
    for (const e of page) verifier.add(e);
    if (page.length < PAGE) break;
    after = page.at(-1)!.seq;
  }
  const head = await readAuditHead(db);
  return { entries: verifier.count, head, findings: verifier.finish(head) };
}

/** Every entry (optionally from one day to another, ISO dates), page by page, in order. */
export async function* auditEntries(db: Db, range: { from?: string | undefined; to?: string | undefined } = {}): AsyncGenerator<ChainedEntry> {
  let after = 0;
  for (;;) {
    const page = await readAuditPage(db, { afterSeq: after, limit: PAGE, from: range.from, to: range.to });
    yield* page;
    if (page.length < PAGE) return;
    after = page.at(-1)!.seq;
  }
}
