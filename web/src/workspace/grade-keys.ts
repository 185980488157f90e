/**
 * The grid's keyboard (UI.md principle 7: "a grid a clerk can fill with arrows, Enter and the first
 * letters of a grade"): the letters typed pick the grade whose code they spell — the codes are the
 * first letters of the grades' names (Hoàn thành xuất sắc → HTXS, Hoàn thành tốt → HTT, Hoàn thành
 * → HT, Không hoàn thành → KHT) — or 1–4 for them in order; arrows move between cells. Pure (no DOM).
 */
import { GRADES, type Grade } from '../labels.js';

const BY_DIGIT: Record<string, Grade> = { '1': 'HTXS', '2': 'HTT', '3': 'HT', '4': 'KHT' };
/** Codes tried for a prefix, shortest first, so "ht" is HT and "htt" HTT. */
const BY_LENGTH = [...GRADES].sort((a, b) => a.length - b.length || GRADES.indexOf(a) - GRADES.indexOf(b));

/** The grade the keys typed so far spell: an exact code, else the shortest code they begin, else a digit 1–4. */
export function gradeFromKeys(typed: string): Grade | null {
  const keys = typed.trim().toUpperCase();
  if (keys === '') return null;
  if (BY_DIGIT[keys.slice(-1)]) return BY_DIGIT[keys.slice(-1)]!;
  return (GRADES as readonly string[]).includes(keys) ? (keys as Grade) : (BY_LENGTH.find((g) => g.startsWith(keys)) ?? null);
}

/** True for a key that types into the grade buffer (a letter of a code or a digit 1–4). */
export function isGradeKey(key: string): boolean {
  return key.length === 1 && /[hHtTxXsSkK1-4]/.test(key);
}

/** Where an arrow key moves from a cell: [row delta, column delta], or null for other keys. */
export function arrowMove(key: string): [number, number] | null {
  if (key === 'ArrowDown') return [1, 0];
  if (key === 'ArrowUp') return [-1, 0];
  if (key === 'ArrowRight') return [0, 1];
  if (key === 'ArrowLeft') return [0, -1];
  return null;
}
