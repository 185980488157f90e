import { describe, expect, it } from 'vitest';
import { isStaleSchema, newRunId } from './pg-schemas.js';

describe('test schema names', () => {
  it('tells a stale run from a live one even when the minute ends in a hex letter', () => {
    // 2026-11-28T19:58Z is minute "htjda" in base 36: it ends in a letter that is also a hex digit.
    const now = Date.parse('2026-11-28T19:58:00Z');
    const live = `t_${newRunId(now)}_0123abcd`;
    expect(isStaleSchema(live, now - 3 * 60 * 60_000)).toBe(false);
    const old = `t_${newRunId(now - 4 * 60 * 60_000)}_0123abcd`;
    expect(isStaleSchema(old, now - 3 * 60 * 60_000)).toBe(true);
  });

  it('never treats names it did not make as stale', () => {
    expect(isStaleSchema('public', Date.now())).toBe(false);
    expect(isStaleSchema('t_5bf6865cb092', Date.now())).toBe(false);
    expect(isStaleSchema('t_norun_0123abcd', Date.now())).toBe(false);
  });
});
