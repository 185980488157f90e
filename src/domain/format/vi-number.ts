/**
 * Vietnamese number writing (GUIDE.md §5 "Writing conventions"): thousands with a dot (2.543),
 * decimals with a comma (17,65). Numbers are handled as integers or as scaled integers
 * (`scaled / 10^decimals`), never as floats, so what is printed is exactly what was computed.
 */

/** A decimal number held exactly: `scaled / 10^decimals` (e.g. 17,65 = { scaled: 1765n, decimals: 2 }). */
export interface ScaledDecimal {
  scaled: bigint;
  decimals: number;
}

/** Groups the digits of a non-negative integer string by three with dots: "2543" → "2.543". */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * Writes an integer the Vietnamese way: 2543 → "2.543", -1200 → "-1.200".
 * @throws RangeError when `n` is not an integer.
 */
export function formatViInteger(n: number | bigint): string {
  if (typeof n === 'number' && !Number.isInteger(n)) throw new RangeError(`not an integer: ${n}`);
  const big = BigInt(n);
  const sign = big < 0n ? '-' : '';
  return sign + groupThousands((big < 0n ? -big : big).toString());
}

/** Writes a scaled decimal the Vietnamese way: { 1765n, 2 } → "17,65"; { 254310n, 1 } → "25.431,0". */
export function formatViDecimal({ scaled, decimals }: ScaledDecimal): string {
  if (!Number.isInteger(decimals) || decimals < 0) throw new RangeError(`bad decimals: ${decimals}`);
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const intPart = digits.slice(0, digits.length - decimals);
  const fracPart = digits.slice(digits.length - decimals);
  const body = decimals > 0 ? `${groupThousands(intPart)},${fracPart}` : groupThousands(intPart);
  return (negative ? '-' : '') + body;
}

const VI_NUMBER = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/;

/**
 * Reads a non-negative number written the Vietnamese way ("17,64", "2.543", "100", "0,96") into an
 * exact scaled decimal; undefined when the text is not such a number ("17.64" is not: a dot groups
 * thousands, so it must be followed by exactly three digits).
 */
export function parseViDecimal(text: string): ScaledDecimal | undefined {
  const m = VI_NUMBER.exec(text.trim());
  if (!m) return undefined;
  const intDigits = (m[1] ?? '').replace(/\./g, '');
  const frac = m[2] ?? '';
  return { scaled: BigInt(intDigits + frac), decimals: frac.length };
}
