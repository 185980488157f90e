/**
 * A unit's figures year by year (issue #10 item 6): every annual cycle in which the unit existed
 * and has counts, whether graded in the product or imported as a past report's form values, read
 * from the same stored counts as the forms. The dashboard and the report compare years with them.
 */
import type { Db } from '../db/create-db.js';
import { listCycleKeys } from '../db/queries/rollup-facts.js';
import { hasFigures, yearFiguresOf, type YearFigures } from '../domain/forms/index.js';
import { DEFAULT_PERIOD } from '../domain/model/cycles.js';
import { isAppError } from '../domain/errors.js';
import { getFormValues } from './forms.js';

/** The unit's figures of each annual cycle with counts (up to `upToYear` when given), oldest first. */
export async function listYearFigures(db: Db, input: { unitCode: string; upToYear?: number | undefined }): Promise<YearFigures[]> {
  const out: YearFigures[] = [];
  for (const cycle of await listCycleKeys(db)) {
    if (cycle.period !== DEFAULT_PERIOD || (input.upToYear !== undefined && cycle.year > input.upToYear)) continue;
    try {
      const figures = yearFiguresOf(await getFormValues(db, { unitCode: input.unitCode, year: cycle.year }));
      if (hasFigures(figures)) out.push(figures);
    } catch (e) {
      // The unit did not exist on that cycle's reference date: nothing to compare that year.
      if (!isAppError(e) || e.code !== 'UnitNotFound') throw e;
    }
  }
  return out;
}

/** The latest year before `year` with figures, or undefined. */
export async function previousYearFigures(db: Db, input: { unitCode: string; year: number }): Promise<YearFigures | undefined> {
  return (await listYearFigures(db, { unitCode: input.unitCode, upToYear: input.year - 1 })).at(-1);
}
