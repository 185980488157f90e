import { describe, expect, it } from 'vitest';
import {
  classifyPrintedPercent,
  formatCountVi,
  formatPercentVi,
  formatRatioVi,
  formatViDecimal,
  formatViInteger,
  isExactPercent,
  largestRemainderPercents,
  parseViDecimal,
  percentScaled,
} from './index.js';

describe('Vietnamese numbers', () => {
  it('groups thousands with a dot', () => {
    expect(formatViInteger(2543)).toBe('2.543');
    expect(formatViInteger(2731)).toBe('2.731');
    expect(formatViInteger(999)).toBe('999');
    expect(formatViInteger(1234567)).toBe('1.234.567');
    expect(formatViInteger(-1200)).toBe('-1.200');
    expect(formatViInteger(0)).toBe('0');
  });
  it('writes decimals with a comma', () => {
    expect(formatViDecimal({ scaled: 1765n, decimals: 2 })).toBe('17,65');
    expect(formatViDecimal({ scaled: 97n, decimals: 2 })).toBe('0,97');
    expect(formatViDecimal({ scaled: 254310n, decimals: 1 })).toBe('25.431,0');
    expect(formatViDecimal({ scaled: 99n, decimals: 0 })).toBe('99');
  });
  it('rejects non-integers', () => {
    expect(() => formatViInteger(1.5)).toThrow(RangeError);
  });
  it('parses Vietnamese numbers exactly and refuses an English decimal point', () => {
    expect(parseViDecimal('17,64')).toEqual({ scaled: 1764n, decimals: 2 });
    expect(parseViDecimal('2.543')).toEqual({ scaled: 2543n, decimals: 0 });
    expect(parseViDecimal('100')).toEqual({ scaled: 100n, decimals: 0 });
    expect(parseViDecimal('0,96')).toEqual({ scaled: 96n, decimals: 2 });
    expect(parseViDecimal('17.64')).toBeUndefined();
    expect(parseViDecimal('abc')).toBeUndefined();
    expect(parseViDecimal('-1')).toBeUndefined();
  });
});

describe('percentages from integers', () => {
  it('rounds half-up and truncates exactly', () => {
    expect(percentScaled(9, 51, 2)).toBe(1765n);
    expect(percentScaled(9, 51, 2, 'truncate')).toBe(1764n);
    expect(percentScaled(2, 207, 2)).toBe(97n);
    expect(percentScaled(1, 205, 2)).toBe(49n);
    expect(percentScaled(205, 207, 0)).toBe(99n);
    // exactly half rounds up: 1/8 = 12,5% → 13 at 0 decimals
    expect(percentScaled(1, 8, 0)).toBe(13n);
    expect(percentScaled(1, 8, 0, 'truncate')).toBe(12n);
  });
  it('does not suffer float error where floats would (1,005 → 1,01)', () => {
    // 201/20000 = 1,005% exactly; 1.005 in floating point is 1.00499999…, which toFixed(2) prints "1.00"
    expect(formatPercentVi(201, 20000, 2)).toBe('1,01');
  });
  it('words percentages', () => {
    expect(formatPercentVi(9, 51, 2)).toBe('17,65');
    expect(formatPercentVi(2543, 2731, 2)).toBe('93,12');
    expect(formatPercentVi(51, 51, 0)).toBe('100');
  });
  it('refuses a zero base and negative values', () => {
    expect(() => percentScaled(1, 0, 2)).toThrow(RangeError);
    expect(() => percentScaled(-1, 5, 2)).toThrow(RangeError);
  });
  it('knows exact percentages', () => {
    expect(isExactPercent(51, 51, 0)).toBe(true);
    expect(isExactPercent(205, 207, 0)).toBe(false);
    expect(isExactPercent(1, 8, 1)).toBe(true);
  });
  it('classifies printed percentages', () => {
    expect(classifyPrintedPercent({ value: 9, base: 51, printed: '17,64' })?.verdict).toBe('truncated');
    expect(classifyPrintedPercent({ value: 9, base: 51, printed: '17,65' })?.verdict).toBe('ok');
    expect(classifyPrintedPercent({ value: 205, base: 207, printed: '99' })?.verdict).toBe('ok');
    expect(classifyPrintedPercent({ value: 2, base: 207, printed: '0,96' })).toMatchObject({
      verdict: 'truncated',
      expected: '0,97',
      truncated: '0,96',
      decimals: 2,
    });
    expect(classifyPrintedPercent({ value: 5, base: 51, printed: '9,8' })?.verdict).toBe('ok');
    expect(classifyPrintedPercent({ value: 5, base: 51, printed: '9,9' })?.verdict).toBe('wrong');
    expect(classifyPrintedPercent({ value: 5, base: 51, printed: 'x' })).toBeUndefined();
  });
});

describe('leading zero under 10', () => {
  it('pads counts 1–9 only', () => {
    expect(formatCountVi(1)).toBe('01');
    expect(formatCountVi(9)).toBe('09');
    expect(formatCountVi(0)).toBe('0');
    expect(formatCountVi(10)).toBe('10');
    expect(formatCountVi(2543)).toBe('2.543');
  });
  it('writes ratios', () => {
    expect(formatRatioVi(9, 51)).toBe('09/51');
    expect(formatRatioVi(344, 2543)).toBe('344/2.543');
  });
});

describe('largest remainder', () => {
  it('makes a list sum to 100', () => {
    const shares = largestRemainderPercents([9, 37, 5], 2);
    expect(shares).toEqual([1765n, 7255n, 980n]);
    expect(shares.reduce((a, b) => a + b, 0n)).toBe(10000n);
  });
  it('gives missing units to the largest remainders', () => {
    // 1/3 each: 33,33 + 33,33 + 33,33 = 99,99 → the first gets the extra unit
    expect(largestRemainderPercents([1, 1, 1], 2)).toEqual([3334n, 3333n, 3333n]);
    const chibo = largestRemainderPercents([31, 151, 22, 1], 1);
    expect(chibo.reduce((a, b) => a + b, 0n)).toBe(1000n);
  });
  it('returns zeros for an empty total', () => {
    expect(largestRemainderPercents([0, 0], 1)).toEqual([0n, 0n]);
  });
});
