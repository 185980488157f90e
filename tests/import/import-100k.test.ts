/**
 * Issue #10, done when: "A test imports a generated district of 100,000 members from the workbook
 * and from CSV on both engines and reads the forms back equal to the generator's counts." One test
 * per format, each on a fresh database of the engine under test: import, open the 2022 cycle,
 * compute every subject's eligibility, read the district's forms DV and TC. Rates are measured by
 * `npm run bench`, not here.
 */
import { describe, expect, it } from 'vitest';
import { createCycle } from '../../src/db/queries/cycles.js';
import { generateImportDistrict } from '../../src/demo/import-district.js';
import { computeAndStoreEligibility } from '../../src/services/eligibility.js';
import { getFormValues } from '../../src/services/forms.js';
import { toCsv } from '../../src/services/import/csv.js';
import { runImport } from '../../src/services/import/run.js';
import type { ImportFile } from '../../src/services/import/types.js';
import { writeSheets } from '../../src/services/import/write-workbook.js';
import { createTestDb, testEngine } from '../helpers/test-db.js';

const district = generateImportDistrict({ members: 100_000 });

async function filesOf(format: 'xlsx' | 'csv'): Promise<ImportFile[]> {
  const { units, persons, events } = district;
  if (format === 'csv') return [['units.csv', units], ['persons.csv', persons], ['events.csv', events]].map(([name, rows]) => ({ name: name as string, bytes: toCsv(rows as string[][]) }));
  const bytes = await writeSheets([{ name: 'Đơn vị', rows: units }, { name: 'Đảng viên', rows: persons }, { name: 'Sự kiện', rows: events }]);
  return [{ name: 'huyen-100k.xlsx', bytes }];
}

describe(`a district of 100,000 members, imported on ${testEngine}`, () => {
  it.each(['xlsx', 'csv'] as const)('from %s: the forms count what the generator made', async (format) => {
    const t = await createTestDb();
    try {
      const report = await runImport(t.db, await filesOf(format));
      expect(report.errors).toEqual([]);
      expect(report).toMatchObject({ ok: true, written: true, persons: 100_000 });
      await createCycle(t.db, { year: 2022, referenceDate: '2022-12-31' });
      await computeAndStoreEligibility(t.db, { cycleYear: 2022, actor: 'test' });
      const doc = await getFormValues(t.db, { unitCode: district.districtCode, year: 2022 });
      for (const [form, rows] of [['DV', district.expected.dv], ['TC', district.expected.tc]] as const) {
        for (const [row, cols] of Object.entries(rows)) {
          const got = Object.fromEntries(Object.keys(cols).map((col) => [col, doc.forms[form]?.rows[row]?.[col]]));
          expect(got, `${form} ${row}`).toEqual(cols);
        }
      }
      expect(district.expected.dv.total?.total).toBe(100_000);
    } finally {
      await t.close();
    }
  }, 300_000);
});
