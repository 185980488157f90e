/**
 * The forms as the forms page shows them (issue #9 item 7): each of the five official tables laid
 * out as printed (src/reports/forms-layout.ts: headers, merged column groups, numbered rows) with the
 * checker's findings (FORMS.md §4) attached to the cells they name, so the page highlights them.
 */
import type { Finding } from '../domain/forms/index.js';
import { layoutForms, type FormLayout } from '../reports/forms-layout.js';
import type { Db } from '../db/create-db.js';
import { getCycle } from '../db/queries/cycles.js';
import { getUnitAt } from '../db/queries/units.js';
import { checkFormValues } from '../domain/forms/index.js';
import { getFormValuesForExport, type FormsKey } from './forms.js';

export interface FormsView {
  unit: { code: string; name: string };
  cycle: { year: number; period: string; ruleSet: string };
  forms: FormLayout[];
  findings: Finding[];
}

/** The laid-out forms of a unit and cycle with the checker's findings. */
export async function loadFormsView(db: Db, key: FormsKey): Promise<FormsView> {
  const cycle = await getCycle(db, { year: key.year, period: key.period });
  const unit = await getUnitAt(db, key.unitCode, cycle.referenceDate);
  const doc = await getFormValuesForExport(db, key);
  const parentCode = unit.path[unit.path.length - 2];
  const parentBody = parentCode ? (await getUnitAt(db, parentCode, cycle.referenceDate)).name : undefined;
  return {
    unit: { code: unit.code, name: unit.name },
    cycle: { year: cycle.year, period: cycle.period, ruleSet: cycle.ruleSet },
    forms: layoutForms({ doc, ...(parentBody ? { parentBody } : {}) }),
    findings: checkFormValues(doc),
  };
}
