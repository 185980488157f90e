/**
 * Order of the four grades (GUIDE.md §3): HTXS > HTT > HT > KHT.
 */
import { GRADES, type Grade } from '../codes.js';

/** Rank of a grade: HTXS 3, HTT 2, HT 1, KHT 0. */
export function gradeRank(grade: Grade): number {
  return GRADES.length - 1 - GRADES.indexOf(grade);
}

/** True when `a` is strictly above `b`. */
export function isAbove(a: Grade, b: Grade): boolean {
  return gradeRank(a) > gradeRank(b);
}

/** The lower of the given grades; HTXS when none is given. */
export function lowestGrade(grades: readonly Grade[]): Grade {
  return grades.reduce<Grade>((low, g) => (isAbove(low, g) ? g : low), 'HTXS');
}
