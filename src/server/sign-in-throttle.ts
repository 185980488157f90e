/**
 * Sign-in throttling that slows guessing without locking anyone out (issue #11 item 5). Failures
 * are counted per user name *and address* pair — so a stranger's wrong passwords for a name never
 * stop its owner signing in from elsewhere (the old per-name lock was a denial of service) — and per
 * address across names (password spraying from one place). Past a number of free failures each
 * further attempt of that key waits a delay that doubles with every failure (2 s, 4 s, 8 s … at most
 * 15 minutes), counted from the last failure; an hour without failures starts the count again; an
 * administrator's unlock (POST /api/users/:username/unlock, `xeploai user unlock`) clears a name's
 * pairs at once. The counts live in the database (migration 0025), so every process behind a load
 * balancer sees the same ones.
 */
import type { Db } from '../db/create-db.js';
import { clearFailures, clearUserFailures, countFailure, readFailures } from '../db/queries/sign-in-failures.js';
import { AppError } from '../domain/errors.js';
import { inTransaction } from '../db/queries/common.js';

/** Failures of one name from one address before attempts start to wait. */
export const SIGN_IN_FREE_FAILURES = 5;
/**
 * Failures from one address across names before its attempts wait: higher, because a whole office or
 * commune often shares one public address, and colleagues' typos must not slow everyone.
 */
export const SIGN_IN_ADDRESS_FREE_FAILURES = 30;
/** The first delay; each further failure doubles it. */
export const SIGN_IN_FIRST_DELAY_MS = 2_000;
/** The longest delay. */
export const SIGN_IN_MAX_DELAY_MS = 15 * 60_000;
/** Quiet time after which a key's count starts again. */
export const SIGN_IN_RESTART_MS = 60 * 60_000;
/** Rows quiet for this long are deleted. */
const FORGET_MS = 24 * 60 * 60_000;

/** How long after its last failure a key with `failures` failures must wait (0: no wait). */
export function signInDelayMs(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(SIGN_IN_FIRST_DELAY_MS * 2 ** Math.min(failures - free, 30), SIGN_IN_MAX_DELAY_MS);
}

/** The keys of one attempt: the name and address pair, and the address (when the address is known). */
export interface AttemptKeys {
  username: string;
  address: string | undefined;
}

const pairKey = (a: AttemptKeys) => `pair:${a.username}@${a.address ?? 'unknown'}`;
const addressKey = (address: string) => `addr:${address}`;

/** The wait, said in seconds or minutes. */
function waitWords(ms: number): { vi: string; en: string } {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 120) return { vi: `${seconds} giây`, en: `${seconds} second${seconds === 1 ? '' : 's'}` };
  const minutes = Math.ceil(seconds / 60);
  return { vi: `${minutes} phút`, en: `${minutes} minutes` };
}

export class SignInThrottle {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws TooManySignIns (429, `details.retryAfterSeconds`) while any key of the attempt must still wait. */
  async assertAllowed(attempt: AttemptKeys): Promise<void> {
    const t = this.now();
    const keys = attempt.address ? [pairKey(attempt), addressKey(attempt.address)] : [pairKey(attempt)];
    let waitMs = 0;
    for (const row of await readFailures(this.db, keys)) {
      const last = Date.parse(row.lastFailureAt);
      if (t - last >= SIGN_IN_RESTART_MS) continue;
      const free = row.key.startsWith('addr:') ? SIGN_IN_ADDRESS_FREE_FAILURES : SIGN_IN_FREE_FAILURES;
      waitMs = Math.max(waitMs, last + signInDelayMs(row.failures, free) - t);
    }
    if (waitMs <= 0) return;
    const words = waitWords(waitMs);
    throw new AppError(
      'TooManySignIns',
      {
        vi: `Đăng nhập sai nhiều lần. Vui lòng chờ ${words.vi} rồi thử lại (quản trị viên có thể mở khóa ngay).`,
        en: `Too many failed sign-ins. Please wait ${words.en} and try again (an administrator can unlock at once).`,
      },
      { details: { retryAfterSeconds: Math.ceil(waitMs / 1000) } },
    );
  }

  /** Counts one failed attempt against the pair and the address. */
  async recordFailure(attempt: AttemptKeys): Promise<void> {
    const t = this.now();
    const common = { at: new Date(t).toISOString(), restartBefore: new Date(t - SIGN_IN_RESTART_MS).toISOString(), forgetBefore: new Date(t - FORGET_MS).toISOString() };
    await countFailure(this.db, { key: pairKey(attempt), username: attempt.username, address: attempt.address ?? 'unknown', ...common });
    if (attempt.address) await countFailure(this.db, { key: addressKey(attempt.address), username: null, address: attempt.address, ...common });
  }

  /** A successful sign-in clears its pair (not the address: one known account must not reset guessing). */
  async recordSuccess(attempt: AttemptKeys): Promise<void> {
    await clearFailures(this.db, pairKey(attempt));
  }

  /** An administrator's unlock: clears every address's count for the name; returns how many there were. */
  async unlock(username: string): Promise<number> {
    return inTransaction(this.db, (trx) => clearUserFailures(trx, username)); // with the unlock's audit entry
  }
}
