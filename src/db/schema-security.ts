/**
 * Tables of the security work (issue #11: migrations 0025–0027), added to `Database` by module
 * augmentation so that schema.ts, which other work extends at the same time, stays untouched.
 */
import './schema.js';
import type { ChainedEntry } from '../domain/audit-chain.js';

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

/** `entityKey` → `entity_key`: a field's name as its column's. */
type SnakeCase<S extends string> = S extends `${infer H}${infer T}` ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${SnakeCase<T>}` : S;

/**
 * One entry of the append-only audit log (migration 0026): the chained entry's fields as columns
 * (src/domain/audit-chain.ts), so every field the hash covers is a column and no other.
 */
export type AuditLogTable = { [K in keyof ChainedEntry as SnakeCase<K & string>]: ChainedEntry[K] };

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
