/**
 * Counts under 10 are written with a leading zero in Party documents (GUIDE.md §5: "01 tập thể",
 * "09/51"; the seed writes "01 cá nhân", "02 ngày", "03 đồng chí").
 */
import { formatViInteger } from './vi-number.js';

/** A count as printed: 1 → "01", 9 → "09", 0 → "0", 10 → "10", 2543 → "2.543". */
export function formatCountVi(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a count: ${n}`);
  return n > 0 && n < 10 ? `0${n}` : formatViInteger(n);
}

/** A part of a whole as printed: (9, 51) → "09/51", (344, 2543) → "344/2.543". */
export function formatRatioVi(part: number, whole: number): string {
  return `${formatCountVi(part)}/${formatCountVi(whole)}`;
}
