/** What every demo generator step shares: the random source, the id maker, fixed instants, notes. */
import type { Grade } from '../domain/codes.js';
import type { Rng } from './random.js';

export interface GenContext {
  rng: Rng;
  /** Makes the next id (reproducible: drawn from its own seeded generator). */
  id: () => string;
  /** created_at of units and persons. */
  createdAt: string;
  cycleId: string;
  /** Where the data could not follow a rule, recorded for the reader (Dataset.notes). */
  notes: string[];
}

/** An instant on a day of the review (08:00 in Vietnam, 01:00 UTC): evaluation times are part of the story. */
export function isoDay(day: string, hourUtc = 1): string {
  return `${day}T${String(hourUtc).padStart(2, '0')}:00:00.000Z`;
}

/** 31/12/2022 from 2022-12-31. */
export function viDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

const BETTER: Record<Grade, Grade> = { HTXS: 'HTXS', HTT: 'HTXS', HT: 'HTT', KHT: 'HT' };

/**
 * Self-assessed and proposed grades around a decided one: most subjects assess themselves as they
 * were graded; about one in eight claims one grade better, and a few of those keep that claim up to
 * the proposal, which the deciding body then lowered (GUIDE.md §4.7 keeps all three side by side).
 */
export function proposalsFor(rng: Rng, decided: Grade): { selfGrade: Grade; proposedGrade: Grade; decidedGrade: Grade } {
  const self = rng.next() < 0.125 ? BETTER[decided] : decided;
  const proposed = self !== decided && rng.next() < 0.3 ? self : decided;
  return { selfGrade: self, proposedGrade: proposed, decidedGrade: decided };
}
