/**
 * Sign-in throttling: after LIMIT failed attempts for one user name (ADDRESS_LIMIT from one address)
 * within WINDOW, further attempts for that key are refused until the window (counted from the first
 * failure) ends. Kept in memory, per process: a restart forgets it, and several processes behind a
 * load balancer each count their own (enough against guessing from one place; a shared store would
 * be needed for more).
 */
import { AppError } from '../domain/errors.js';

/** Failed attempts allowed per user name within the window. */
export const SIGN_IN_LIMIT = 5;
/**
 * Failed attempts allowed per address: higher, because a whole office or commune often shares one
 * public address, and a few colleagues' typos must not lock everyone out.
 */
export const SIGN_IN_ADDRESS_LIMIT = 30;
/** The window, from a key's first failure. */
export const SIGN_IN_WINDOW_MS = 10 * 60_000;

interface Failures {
  count: number;
  start: number;
}

/** Beyond this many keys, expired ones are swept before adding (bounded memory under a spray of names). */
const SWEEP_AT = 10_000;

export class SignInThrottle {
  private readonly failures = new Map<string, Failures>();

  constructor(
    private readonly limit = SIGN_IN_LIMIT,
    private readonly windowMs = SIGN_IN_WINDOW_MS,
    private readonly now: () => number = Date.now,
    private readonly addressLimit = SIGN_IN_ADDRESS_LIMIT,
  ) {}

  /** Keys `addr:…` count against the address limit, every other key against the name limit. */
  private limitFor(key: string): number {
    return key.startsWith('addr:') ? this.addressLimit : this.limit;
  }

  /** Throws TooManySignIns (429) when any of the keys is blocked; says how many minutes remain. */
  assertAllowed(keys: readonly string[]): void {
    const t = this.now();
    let leftMs = 0;
    for (const key of keys) {
      const f = this.live(key, t);
      if (f && f.count >= this.limitFor(key)) leftMs = Math.max(leftMs, f.start + this.windowMs - t);
    }
    if (leftMs <= 0) return;
    const minutes = Math.max(1, Math.ceil(leftMs / 60_000));
    throw new AppError('TooManySignIns', {
      vi: `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
      en: `Too many failed sign-ins. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    });
  }

  /** Counts one failed attempt against every key. */
  recordFailure(keys: readonly string[]): void {
    const t = this.now();
    if (this.failures.size >= SWEEP_AT) this.sweep(t);
    for (const key of keys) {
      const f = this.live(key, t);
      if (f) f.count += 1;
      else this.failures.set(key, { count: 1, start: t });
    }
  }

  /** A successful sign-in clears its user name's failures (not the address's: one known account must not reset guessing). */
  recordSuccess(key: string): void {
    this.failures.delete(key);
  }

  private live(key: string, t: number): Failures | undefined {
    const f = this.failures.get(key);
    if (f && t - f.start >= this.windowMs) {
      this.failures.delete(key);
      return undefined;
    }
    return f;
  }

  private sweep(t: number): void {
    for (const key of [...this.failures.keys()]) this.live(key, t);
  }
}
