/**
 * Largest-remainder rounding: shares of a list that sum to exactly 100 at the printed precision
 * (regulations.md §8 "optionally adjust so displayed shares sum to 100"). Each share starts from
 * its truncation; the units still missing go to the largest remainders, ties to the earlier item.
 */

/**
 * Scaled percentages (`decimals` decimals) of each count in `counts`, summing to 100 × 10^decimals
 * when the total is positive (all zeros otherwise). [9, 37, 5] at 2 → [1765n, 7255n, 980n].
 */
export function largestRemainderPercents(counts: readonly number[], decimals: number): bigint[] {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 12) throw new RangeError(`bad decimals: ${decimals}`);
  for (const c of counts) if (!Number.isInteger(c) || c < 0) throw new RangeError(`not a count: ${c}`);
  const total = counts.reduce((a, b) => a + BigInt(b), 0n);
  if (total === 0n) return counts.map(() => 0n);
  const unit = 100n * 10n ** BigInt(decimals);
  const parts = counts.map((c, index) => {
    const numerator = BigInt(c) * unit;
    return { index, floor: numerator / total, remainder: numerator % total };
  });
  let missing = unit - parts.reduce((a, p) => a + p.floor, 0n);
  const order = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  const result = parts.map((p) => p.floor);
  for (const p of order) {
    if (missing <= 0n) break;
    if (p.remainder === 0n) continue;
    result[p.index] = (result[p.index] ?? 0n) + 1n;
    missing -= 1n;
  }
  return result;
}
