/**
 * Counts of a unit that reports counts only (issue 4): an import rolls up into its ancestors'
 * forms, replaces the unit's previous import, and malformed input is refused naming the place with
 * nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle } from '../../src/db/queries/cycles.js';
import { createEvaluation } from '../../src/db/queries/evaluations.js';
import { createUnit } from '../../src/db/queries/units.js';
import { createApp } from '../../src/server/app.js';
import { getFormValues, importFormValues, verify } from '../../src/services/forms.js';
import { seedOrg } from '../api/fixtures-evaluations.js';
import { authed, type AuthedApp, signIn } from '../helpers/auth.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';

let t: TestDb;
let app: AuthedApp;

/** A consistent DV form of a commune of 10 members (8 graded 1/6/1/0, 2 exempt). */
function doc(over: Record<string, unknown> = {}, dv: Record<string, Record<string, number>> = {}) {
  return {
    format: 'form-values/1',
    unit: { code: 'DB-MOI' },
    cycle: { year: 2022, ruleSet: 'QD132-HD21' },
    forms: {
      DV: {
        rows: {
          total: { total: 10, xa: 10 },
          not_required: { total: 2, xa: 2 },
          'not_required.exempt': { total: 2, xa: 2 },
          graded: { total: 8, xa: 8 },
          'graded.htxs': { total: 1, xa: 1 },
          'graded.htt': { total: 6, xa: 6 },
          'graded.ht': { total: 1, xa: 1 },
          ...dv,
        },
      },
      TC: { rows: { 'tccsd.dang_bo.total': { total: 1, xa: 1 }, 'tccsd.dang_bo.graded': { total: 1, xa: 1 }, 'tccsd.dang_bo.graded.htt': { total: 1, xa: 1 } } },
    },
    ...over,
  };
}

const rootDv = async (row = 'total') => (await getFormValues(t.db, { unitCode: 'HU-THU', year: 2022 })).forms.DV?.rows[row];
const snapshot = async () => JSON.stringify([
  await t.db.selectFrom('form_counts').selectAll().orderBy('unit_id').orderBy('form').orderBy('row').orderBy('col').execute(),
  await t.db.selectFrom('entered_form_values').select(['unit_id', 'form', 'row', 'col', 'value']).orderBy('unit_id').orderBy('form').orderBy('row').orderBy('col').execute(),
]);

beforeAll(async () => {
  t = await createTestDb();
  await seedOrg(t.db);
  await createCycle(t.db, { year: 2022, referenceDate: '2022-12-31' });
  await createUnit(t.db, { code: 'DB-MOI', name: 'Đảng bộ xã Mới', kind: 'grassroots_committee', orgType: 'xa', parentCode: 'HU-THU', validFrom: '2015-01-01' });
  await createEvaluation(t.db, { cycleYear: 2022, subjectKind: 'member', subjectRef: '01.000001', reviewed: true, decidedGrade: 'HTT', actor: 't' });
  const raw = createApp({ db: t.db, config: t.config });
  app = authed(raw, await signIn(raw, t.db, { role: 'admin', scope: 'HU-THU' }));
});
afterAll(async () => t?.close());

describe(`import of form values (${testEngine})`, () => {
  it('rolls a valid import up into the parent’s form, with the evaluations', async () => {
    const r = await importFormValues(t.db, { unitCode: 'DB-MOI', year: 2022, doc: doc(), actor: 'test' });
    expect(r).toMatchObject({ unitCode: 'DB-MOI', year: 2022, replaced: 0 });
    expect(await rootDv()).toMatchObject({ total: 11, xa: 11 });
    expect(await rootDv('graded.htt')).toMatchObject({ total: 7, xa: 7 });
    expect((await getFormValues(t.db, { unitCode: 'DB-MOI', year: 2022 })).forms.TC?.rows['tccsd.graded.htt']?.total).toBe(1);
    expect((await verify(t.db)).differences).toBe(0);
  });

  it('re-import replaces the previous one', async () => {
    const r = await importFormValues(t.db, {
      unitCode: 'DB-MOI', year: 2022, doc: doc({}, { total: { total: 9, xa: 9 }, not_required: { total: 1, xa: 1 }, 'not_required.exempt': { total: 1, xa: 1 } }),
    });
    expect(r.replaced).toBeGreaterThan(0);
    expect(await rootDv()).toMatchObject({ total: 10, xa: 10 });
    expect(await rootDv('not_required.exempt')).toMatchObject({ total: 1 });
    expect((await verify(t.db)).differences).toBe(0);
  });

  const refusals: [string, unknown, string, string][] = [
    ['an unknown form', doc({ forms: { XX: { rows: {} } } }), 'FormValuesInvalid', 'forms.XX'],
    ['an unknown row', doc({}, { 'graded.tot': { total: 1 } }), 'FormValuesInvalid', 'forms.DV.rows.graded.tot'],
    ['an unknown column', doc({}, { total: { total: 10, lang: 10 } }), 'FormValuesInvalid', 'forms.DV.rows.total.lang'],
    ['a negative count', doc({}, { pending: { total: -1 } }), 'FormValuesInvalid', 'forms.DV.rows.pending.total'],
    ['a fractional count', doc({}, { pending: { total: 1.5 } }), 'FormValuesInvalid', 'forms.DV.rows.pending.total'],
    ['sums that contradict each other', doc({}, { graded: { total: 9, xa: 9 } }), 'FormValuesInvalid', 'forms.DV.rows.total.total'],
    ['another year', doc({ cycle: { year: 2021 } }), 'FormValuesInvalid', 'cycle.year'],
    ['another unit', doc({ unit: { code: 'DB-XA' } }), 'FormValuesInvalid', 'unit.code'],
    ['a unit with evaluations of its own', doc({ unit: { code: 'DB-XA' } }), 'Conflict', 'unit'],
  ];
  for (const [what, body, code, field] of refusals) {
    it(`refuses ${what}, naming «${field}», and writes nothing`, async () => {
      const before = await snapshot();
      const unitCode = code === 'Conflict' ? 'DB-XA' : 'DB-MOI';
      const error = await importFormValues(t.db, { unitCode, year: 2022, doc: body }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code, field });
      expect((error as { messages: { vi: string; en: string } }).messages.vi).toContain(code === 'Conflict' ? 'DB-XA' : field);
      expect(await snapshot()).toBe(before);
    });
  }

  it('through the API: not JSON is BadJson, a bad cell names its place, a valid body imports', async () => {
    const before = await snapshot();
    const post = (body: string) => app.request('/api/forms/DB-MOI/2022/import', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    let res = await post('{ not json');
    expect([res.status, ((await res.json()) as any).error.code]).toEqual([400, 'BadJson']);
    res = await post(JSON.stringify(doc({}, { pending: { total: -2 } })));
    expect([res.status, ((await res.json()) as any).error.field]).toEqual([400, 'forms.DV.rows.pending.total']);
    expect(await snapshot()).toBe(before);
    res = await post(JSON.stringify(doc()));
    expect(res.status).toBe(200);
    expect(await rootDv()).toMatchObject({ total: 11 });
  });
});
