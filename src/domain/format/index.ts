/** Pure number wording shared by the form checker and the reports (GUIDE.md §5). */
export { formatViInteger, formatViDecimal, parseViDecimal, type ScaledDecimal } from './vi-number.js';
export {
  percentScaled,
  formatPercentVi,
  isExactPercent,
  classifyPrintedPercent,
  type Rounding,
  type PercentVerdict,
} from './percent.js';
export { formatCountVi, formatRatioVi } from './leading-zero.js';
export { largestRemainderPercents } from './largest-remainder.js';
