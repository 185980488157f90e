/**
 * Percentages from integer counts (GUIDE.md §5: "one rounding rule (half-up, same decimals within a
 * list), never truncation"; HOUSE_STYLE.md §8 "exact numbers"). Every decision is made with BigInt
 * arithmetic on `value × 100 × 10^decimals / base`, never with floats.
 */
import { formatViDecimal, parseViDecimal, type ScaledDecimal } from './vi-number.js';

/** How a share is cut to the printed precision. */
export type Rounding = 'half-up' | 'truncate';

function toBig(n: number | bigint, what: string): bigint {
  if (typeof n === 'number' && !Number.isInteger(n)) throw new RangeError(`${what} is not an integer: ${n}`);
  return BigInt(n);
}

/**
 * `value / base` as a percentage with `decimals` decimals, as a scaled integer: 9/51 at 2 decimals
 * → 1765n half-up (17,65) or 1764n truncated (17,64).
 * @throws RangeError when base ≤ 0, value < 0 or decimals is not a small non-negative integer.
 */
export function percentScaled(
  value: number | bigint,
  base: number | bigint,
  decimals: number,
  rounding: Rounding = 'half-up',
): bigint {
  const v = toBig(value, 'value');
  const b = toBig(base, 'base');
  if (b <= 0n) throw new RangeError('base must be positive');
  if (v < 0n) throw new RangeError('value must not be negative');
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 12) throw new RangeError(`bad decimals: ${decimals}`);
  const numerator = v * 100n * 10n ** BigInt(decimals);
  const q = numerator / b;
  const r = numerator % b;
  if (rounding === 'truncate') return q;
  return 2n * r >= b ? q + 1n : q;
}

/** The percentage worded the Vietnamese way, half-up: (9, 51, 2) → "17,65"; (205, 207, 0) → "99". */
export function formatPercentVi(value: number | bigint, base: number | bigint, decimals: number): string {
  return formatViDecimal({ scaled: percentScaled(value, base, decimals), decimals });
}

/** True when value/base is exactly representable with `decimals` decimals (51/51 = "100"). */
export function isExactPercent(value: number | bigint, base: number | bigint, decimals: number): boolean {
  const b = toBig(base, 'base');
  return b > 0n && (toBig(value, 'value') * 100n * 10n ** BigInt(decimals)) % b === 0n;
}

/** Verdict on a printed percentage against value/base. */
export interface PercentVerdict {
  verdict: 'ok' | 'truncated' | 'wrong';
  /** Decimals of the printed text. */
  decimals: number;
  /** The half-up rounding at the printed precision, worded ("17,65"). */
  expected: string;
  /** The truncation at the printed precision, worded ("17,64"). */
  truncated: string;
}

/**
 * Compares a printed percentage with value/base at the printed precision: "ok" when it is the
 * half-up rounding, "truncated" when it is only the truncation (2/207 → "0,96" instead of "0,97"),
 * "wrong" otherwise. Returns undefined when `printed` is not a Vietnamese number.
 */
export function classifyPrintedPercent(args: {
  value: number | bigint;
  base: number | bigint;
  printed: string;
}): PercentVerdict | undefined {
  const p: ScaledDecimal | undefined = parseViDecimal(args.printed);
  if (!p) return undefined;
  const rounded = percentScaled(args.value, args.base, p.decimals, 'half-up');
  const cut = percentScaled(args.value, args.base, p.decimals, 'truncate');
  const verdict = p.scaled === rounded ? 'ok' : p.scaled === cut ? 'truncated' : 'wrong';
  return {
    verdict,
    decimals: p.decimals,
    expected: formatViDecimal({ scaled: rounded, decimals: p.decimals }),
    truncated: formatViDecimal({ scaled: cut, decimals: p.decimals }),
  };
}
