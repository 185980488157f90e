/**
 * Tables of the security work (issue #11: migrations 0025–0027), added to `Database` by module
 * augmentation so that schema.ts, which other work extends at the same time, stays untouched.
 */
import './schema.js';

/** Failed sign-ins per user name and address pair, and per address (migration 0025). */
export interface SignInFailureTable {
  /** `pair:<name>@<address>` or `addr:<address>`. */
  key: string;
  /** The user name of a pair row (null for an address row): what an administrator's unlock clears. */
  username: string | null;
  address: string;
  failures: number;
  first_failure_at: string;
  last_failure_at: string;
}

/** One entry of the append-only audit log (migration 0026). */
export interface AuditLogTable {
  seq: number;
  at: string;
  actor: string;
  source: string | null;
  action: string;
  entity: string | null;
  entity_key: string | null;
  old_value: string | null;
  new_value: string | null;
  reason: string | null;
  prev_hash: string;
  hash: string;
}

/** The audit log's head: its last sequence number and hash (one row, id 1). */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

declare module './schema.js' {
  interface Database {
    sign_in_failures: SignInFailureTable;
    audit_log: AuditLogTable;
    audit_head: AuditHeadTable;
  }
}
