/**
 * Importing counts that carry what reports print beyond the forms (FORMS.md "Reports as they are
 * printed"): "HTT trở lên" agreeing with HTXS and HTT is checked and not stored; a grouping without
 * its parts, or a form marked partial, cannot be stored cell by cell and is refused naming the place,
 * with nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle } from '../../src/db/queries/cycles.js';
import { createUnit } from '../../src/db/queries/units.js';
import { getFormValues, importFormValues, verify } from '../../src/services/forms.js';
import { seedOrg } from '../api/fixtures-evaluations.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';

let t: TestDb;

/** A commune's members, 8 graded 1/6/1/0, with "HTT trở lên" stated as a row and in the CN column. */
function doc(dv: Record<string, Record<string, number> | undefined> = {}, meta?: Record<string, unknown>) {
  const rows: Record<string, Record<string, number> | undefined> = {
    total: { total: 8, xa: 8 },
    graded: { total: 8, xa: 8 },
    'graded.htt_up': { total: 7, xa: 7 },
    'graded.htxs': { total: 1, xa: 1 },
    'graded.htt': { total: 6, xa: 6 },
    'graded.ht': { total: 1, xa: 1 },
    ...dv,
  };
  return {
    format: 'form-values/1',
    unit: { code: 'DB-MOI' },
    cycle: { year: 2022, ruleSet: 'QD132-HD21' },
    forms: {
      DV: { ...(meta ? { meta } : {}), rows: Object.fromEntries(Object.entries(rows).filter(([, v]) => v !== undefined)) },
      CN: { rows: { co_so: { total: 2, graded: 2, htt_up: 2, htt: 2 } as Record<string, number> } },
    },
  };
}

const snapshot = async () =>
  JSON.stringify(await t.db.selectFrom('entered_form_values').select(['unit_id', 'form', 'row', 'col', 'value']).orderBy('unit_id').orderBy('form').orderBy('row').orderBy('col').execute());

beforeAll(async () => {
  t = await createTestDb();
  await seedOrg(t.db);
  await createCycle(t.db, { year: 2022, referenceDate: '2022-12-31' });
  await createUnit(t.db, { code: 'DB-MOI', name: 'Đảng bộ xã Mới', kind: 'grassroots_committee', orgType: 'xa', parentCode: 'HU-THU', validFrom: '2015-01-01' });
});
afterAll(async () => t?.close());

describe(`import of counts printed with "HTT trở lên" (${testEngine})`, () => {
  const refusals: [string, ReturnType<typeof doc>, string, string][] = [
    ['"HTT trở lên" without HTT', doc({ 'graded.htt': undefined }), 'forms.DV.rows.graded.htt_up', 'graded.htt'],
    ['the CN column without HTXS', doc({}), 'forms.CN.rows.co_so.htt_up', 'htxs'],
    ['a form marked partial', doc({}, { partial: true }), 'forms.DV.meta.partial', 'partial'],
    ['"HTT trở lên" that contradicts its parts', doc({ 'graded.htt_up': { total: 6, xa: 6 } }), 'forms.DV.rows.graded.htt_up.total', 'SUM_ROWS'],
  ];
  for (const [what, body, field, words] of refusals) {
    it(`refuses ${what}, naming «${field}», and writes nothing`, async () => {
      const before = await snapshot();
      const error = await importFormValues(t.db, { unitCode: 'DB-MOI', year: 2022, doc: body }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'FormValuesInvalid', field });
      expect((error as { messages: { en: string } }).messages.en).toContain(words);
      expect(await snapshot()).toBe(before);
    });
  }

  it('stores the grades and not the groupings, which the live forms give again from them', async () => {
    const body = doc();
    body.forms.CN.rows.co_so = { total: 2, graded: 2, htt_up: 2, htxs: 0, htt: 2 };
    const r = await importFormValues(t.db, { unitCode: 'DB-MOI', year: 2022, doc: body });
    // DV: 5 rows × (total, xa); CN: total, graded, htt (zeros are not stored).
    expect(r.cells).toBe(2 * 5 + 3);
    const stored = await t.db.selectFrom('entered_form_values').select(['row', 'col']).execute();
    expect(stored.some((c) => c.row.endsWith('htt_up') || c.col === 'htt_up')).toBe(false);
    const live = await getFormValues(t.db, { unitCode: 'DB-MOI', year: 2022 });
    expect([live.forms.DV?.rows['graded.htxs']?.total, live.forms.DV?.rows['graded.htt']?.total, live.forms.CN?.rows.co_so?.htt]).toEqual([1, 6, 2]);
    expect(live.forms.DV?.rows).not.toHaveProperty('graded.htt_up');
    expect((await verify(t.db)).differences).toBe(0);
  });
});
