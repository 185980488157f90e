/** The sign-in throttle with a hand-driven clock: the limit, the window, the minutes it says. */
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../src/domain/errors.js';
import { SignInThrottle } from '../../src/server/sign-in-throttle.js';

function refusal(f: () => void): string | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    if (isAppError(e) && e.status === 429) return e.messages.vi;
    throw e;
  }
}

describe('SignInThrottle', () => {
  it('allows 5 failures, refuses the 6th attempt until 10 minutes after the first failure', () => {
    let now = 1_000_000;
    const t = new SignInThrottle(5, 10 * 60_000, () => now);
    const keys = ['name:chibo'];
    for (let i = 0; i < 5; i++) {
      expect(refusal(() => t.assertAllowed(keys))).toBeUndefined();
      t.recordFailure(keys);
      now += 30_000; // 30 s between attempts: the last failure is 2 min after the first
    }
    expect(refusal(() => t.assertAllowed(keys))).toBe('Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 8 phút.');
    now = 1_000_000 + 9 * 60_000 + 1;
    expect(refusal(() => t.assertAllowed(keys))).toBe('Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 1 phút.');
    now = 1_000_000 + 10 * 60_000;
    expect(refusal(() => t.assertAllowed(keys))).toBeUndefined();
  });

  it('counts each key apart and blocks when any key of the attempt is blocked', () => {
    const t = new SignInThrottle(2, 60_000, () => 0, 2);
    t.recordFailure(['name:a', 'addr:1']);
    t.recordFailure(['name:b', 'addr:1']);
    expect(refusal(() => t.assertAllowed(['name:c', 'addr:2']))).toBeUndefined();
    expect(refusal(() => t.assertAllowed(['name:c', 'addr:1']))).toContain('thử lại sau 1 phút');
    expect(refusal(() => t.assertAllowed(['name:a']))).toBeUndefined();
  });

  it('a success clears the name, not the address', () => {
    const t = new SignInThrottle(2, 60_000, () => 0, 2);
    t.recordFailure(['name:a', 'addr:1']);
    t.recordFailure(['name:a', 'addr:1']);
    t.recordSuccess('name:a');
    expect(refusal(() => t.assertAllowed(['name:a']))).toBeUndefined();
    expect(refusal(() => t.assertAllowed(['addr:1']))).toBeDefined();
  });

  it('lets a shared office address fail more often than one name before it blocks the address', () => {
    const t = new SignInThrottle(5, 60_000, () => 0, 30);
    for (let i = 0; i < 29; i++) t.recordFailure([`name:user${i}`, 'addr:office']);
    expect(refusal(() => t.assertAllowed(['name:colleague', 'addr:office']))).toBeUndefined();
    t.recordFailure(['name:user29', 'addr:office']);
    expect(refusal(() => t.assertAllowed(['name:colleague', 'addr:office']))).toContain('thử lại sau 1 phút');
  });
});
