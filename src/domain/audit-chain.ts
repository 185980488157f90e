/**
 * The audit log's hash chain (issue #11 item 6), pure: each entry's hash is SHA-256 over its own
 * fields and the previous entry's hash, so changing, removing or slipping in an entry anywhere breaks
 * the chain from there on; the head (last number and hash) catches a removed or added last entry. An
 * inspector who keeps the head printed by `xeploai audit verify` or `audit export` can later tell that
 * nothing before it changed, even by someone able to rewrite the whole table.
 */
import { createHash } from 'node:crypto';

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  source: string | null;
  action: string;
  entity: string | null;
  entityKey: string | null;
  oldValue: string | null;
  newValue: string | null;
  reason: string | null;
}

export interface ChainedEntry extends AuditEntry {
  prevHash: string;
  hash: string;
}

/** The hash of an entry chained after `prevHash`. */
export function entryHash(prevHash: string, e: AuditEntry): string {
  const fields = [e.seq, e.at, e.actor, e.source, e.action, e.entity, e.entityKey, e.oldValue, e.newValue, e.reason, prevHash];
  return createHash('sha256').update(JSON.stringify(fields), 'utf8').digest('hex');
}

export type ChainFindingKind = 'edited' | 'inserted' | 'deleted';

export interface ChainFinding {
  kind: ChainFindingKind;
  /** The entry number concerned (for a deletion: the missing number). */
  seq: number;
  vi: string;
  en: string;
}

/** Follows the chain entry by entry (fed in order of `seq`), collecting what does not hold. */
export class ChainVerifier {
  private expected = 1;
  private prev = GENESIS_HASH;
  readonly findings: ChainFinding[] = [];
  count = 0;

  add(e: ChainedEntry): void {
    this.count++;
    if (e.seq > this.expected) {
      const missing = e.seq - 1 === this.expected ? `${this.expected}` : `${this.expected}–${e.seq - 1}`;
      this.findings.push({ kind: 'deleted', seq: this.expected, vi: `Mất mục số ${missing}: đã bị xóa khỏi nhật ký.`, en: `Entry ${missing} is missing: deleted from the log.` });
    } else if (e.prevHash !== this.prev) {
      this.findings.push({ kind: 'inserted', seq: e.seq, vi: `Mục số ${e.seq} không nối với mục trước nó: có mục bị chèn vào hoặc thay thế trước đó.`, en: `Entry ${e.seq} does not follow the entry before it: an entry was inserted or replaced before it.` });
    }
    if (entryHash(e.prevHash, e) !== e.hash) {
      this.findings.push({ kind: 'edited', seq: e.seq, vi: `Mục số ${e.seq} đã bị sửa sau khi ghi (mã băm không khớp nội dung).`, en: `Entry ${e.seq} was edited after it was written (its hash does not match).` });
    }
    this.expected = e.seq + 1;
    this.prev = e.hash;
  }

  /** Compares the end of the chain with the stored head. */
  finish(head: { seq: number; hash: string }): ChainFinding[] {
    const last = this.expected - 1;
    if (head.seq > last) {
      this.findings.push({ kind: 'deleted', seq: last + 1, vi: `Mất các mục cuối từ số ${last + 1} đến ${head.seq}.`, en: `The last entries ${last + 1}–${head.seq} are missing.` });
    } else if (head.seq < last) {
      this.findings.push({ kind: 'inserted', seq: head.seq + 1, vi: `Các mục từ số ${head.seq + 1} đến ${last} được thêm vào ngoài phần mềm (sau đầu nhật ký).`, en: `Entries ${head.seq + 1}–${last} were added outside the application (past the head).` });
    } else if (head.hash !== this.prev) {
      this.findings.push({ kind: 'edited', seq: last, vi: `Mục cuối số ${last} không khớp đầu nhật ký.`, en: `The last entry ${last} does not match the head.` });
    }
    return this.findings;
  }
}
