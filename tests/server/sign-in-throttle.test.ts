/** The sign-in throttle over the database with a hand-driven clock: free failures, doubling delays, restart, keys apart. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/domain/errors.js';
import { SIGN_IN_FREE_FAILURES, SIGN_IN_MAX_DELAY_MS, SIGN_IN_RESTART_MS, SignInThrottle, signInDelayMs } from '../../src/server/sign-in-throttle.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';

async function refusal(f: () => Promise<void>): Promise<number | undefined> {
  try {
    await f();
    return undefined;
  } catch (e) {
    if (isAppError(e) && e.status === 429) return (e.details as { retryAfterSeconds: number }).retryAfterSeconds;
    throw e;
  }
}

describe('signInDelayMs', () => {
  it('is free up to the limit, then doubles from 2 s up to 15 minutes', () => {
    expect([0, 4].map((n) => signInDelayMs(n, 5))).toEqual([0, 0]);
    expect([5, 6, 7, 10].map((n) => signInDelayMs(n, 5))).toEqual([2_000, 4_000, 8_000, 64_000]);
    expect(signInDelayMs(40, 5)).toBe(SIGN_IN_MAX_DELAY_MS);
    expect(signInDelayMs(10_000, 5)).toBe(SIGN_IN_MAX_DELAY_MS);
  });
});

describe(`SignInThrottle on ${testEngine}`, () => {
  let t: TestDb;
  let now = 1_700_000_000_000;
  let throttle: SignInThrottle;
  beforeAll(async () => {
    t = await createTestDb();
    throttle = new SignInThrottle(t.db, () => now);
  });
  beforeEach(async () => {
    await t.db.deleteFrom('sign_in_failures').execute();
  });
  afterAll(() => t.close());

  it('waits after the free failures, counted from the last failure; an hour of quiet starts again', async () => {
    const a = { username: 'chibo', address: '203.0.113.1' };
    for (let i = 0; i < SIGN_IN_FREE_FAILURES; i++) {
      expect(await refusal(() => throttle.assertAllowed(a))).toBeUndefined();
      await throttle.recordFailure(a);
      now += 1_000;
    }
    // The last failure was 1 s ago; the wait is 2 s from it.
    expect(await refusal(() => throttle.assertAllowed(a))).toBe(1);
    now += 1_000;
    expect(await refusal(() => throttle.assertAllowed(a))).toBeUndefined();
    now += SIGN_IN_RESTART_MS;
    await throttle.recordFailure(a);
    expect(await refusal(() => throttle.assertAllowed(a))).toBeUndefined();
    const row = await t.db.selectFrom('sign_in_failures').selectAll().where('key', '=', 'pair:chibo@203.0.113.1').executeTakeFirstOrThrow();
    expect(Number(row.failures)).toBe(1);
  });

  it('keeps pairs apart, counts the address across names, and a success clears only its pair', async () => {
    const a = { username: 'a', address: '198.51.100.1' };
    for (let i = 0; i < SIGN_IN_FREE_FAILURES; i++) await throttle.recordFailure(a);
    expect(await refusal(() => throttle.assertAllowed(a))).toBe(2);
    expect(await refusal(() => throttle.assertAllowed({ username: 'a', address: '198.51.100.2' }))).toBeUndefined();
    expect(await refusal(() => throttle.assertAllowed({ username: 'b', address: '198.51.100.1' }))).toBeUndefined();
    await throttle.recordSuccess(a);
    expect(await refusal(() => throttle.assertAllowed(a))).toBeUndefined();
    const addr = await t.db.selectFrom('sign_in_failures').select('failures').where('key', '=', 'addr:198.51.100.1').executeTakeFirstOrThrow();
    expect(Number(addr.failures)).toBe(SIGN_IN_FREE_FAILURES);
  });

  it('counts failures recorded at once by many writers (another process alike) without losing one', async () => {
    const a = { username: 'song-song', address: '192.0.2.9' };
    await Promise.all(Array.from({ length: 20 }, () => throttle.recordFailure(a)));
    const row = await t.db.selectFrom('sign_in_failures').select('failures').where('key', '=', 'pair:song-song@192.0.2.9').executeTakeFirstOrThrow();
    expect(Number(row.failures)).toBe(20);
    expect(await throttle.unlock('song-song')).toBe(1);
    // The pair is cleared; the address's 20 failures are still under its free 30.
    expect(await refusal(() => throttle.assertAllowed(a))).toBeUndefined();
  });
});
