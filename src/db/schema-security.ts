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

declare module './schema.js' {
  interface Database {
    sign_in_failures: SignInFailureTable;
  }
}
