/** The form-values parser: every malformed input names its exact place (FORMS.md §3). */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import { parseFormValues } from '../../src/domain/forms/index.js';
import { changed, cleanRaw, seedRaw } from './fixtures.js';

function failure(raw: unknown): AppError {
  try {
    parseFormValues(raw);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a parse failure');
}

describe('parseFormValues', () => {
  it('reads the seed and the clean document, ignoring _ keys', () => {
    const doc = parseFormValues(seedRaw());
    expect(doc.cycle.ruleSet).toBe('QD132-HD21');
    expect(doc.forms.DV?.rows.graded?.total).toBe(2543);
    expect(doc.claims).toHaveLength(27);
    expect(Object.keys(parseFormValues(cleanRaw()))).not.toContain('_note');
  });
  it('takes the rule set from the year when it is not given', () => {
    expect(parseFormValues(changed((d) => (d.cycle = { year: 2022 }))).cycle.ruleSet).toBe('QD132-HD21');
  });
  it.each([
    ['a negative count', (d: any) => (d.forms.DV.rows['graded.htxs'].xa = -3), 'forms.DV.rows.graded.htxs.xa', 'negative'],
    ['a fractional count', (d: any) => (d.forms.TC.rows['tccsd.chi_bo.total'].total = 10.5), 'forms.TC.rows.tccsd.chi_bo.total.total', 'fractional'],
    ['a count as text', (d: any) => (d.forms.KD.rows.required.individual = '500'), 'forms.KD.rows.required.individual', 'not a number'],
    ['an unknown form', (d: any) => (d.forms.XX = { rows: {} }), 'forms.XX', 'unknown form'],
    ['an unknown row', (d: any) => (d.forms.DV.rows['graded.xs'] = {}), 'forms.DV.rows.graded.xs', 'row "graded.xs"'],
    ['an unknown column', (d: any) => (d.forms.DV.rows.graded.xaa = 1), 'forms.DV.rows.graded.xaa', 'column "xaa"'],
    ['a column of another rule set', (d: any) => (d.forms.DV.rows.graded.dac_khu = 1), 'forms.DV.rows.graded.dac_khu', 'column "dac_khu"'],
    ['a wrong format', (d: any) => (d.format = 'form-values/2'), 'format', 'form-values/1'],
    ['an unknown rule set', (d: any) => (d.cycle.ruleSet = 'QD999'), 'cycle.ruleSet', 'unknown rule set'],
    ['a bad report date', (d: any) => (d.report.date = '10/01/2023'), 'report.date', 'YYYY-MM-DD'],
    ['a bad annex date', (d: any) => (d.forms.TT.meta.reportDatePrinted = '2023-13-45'), 'forms.TT.meta.reportDatePrinted', 'YYYY-MM-DD'],
    ['a claim on an unknown form', (d: any) => (d.claims[0].form = 'ZZ'), 'claims[0].form', 'unknown form'],
    ['a claim on an unknown row', (d: any) => (d.claims[2].row = 'tccsd.graded.xs'), 'claims[2].row', 'row "tccsd.graded.xs"'],
    ['a claim row list with an unknown row', (d: any) => (d.claims[9].row = ['graded.htxs', 'nope']), 'claims[9].row[1]', 'row "nope"'],
    ['a claim on an unknown column', (d: any) => (d.claims[0].col = 'persons'), 'claims[0].col', 'column "persons"'],
    ['a negative claim value', (d: any) => (d.claims[1].value = -1), 'claims[1].value', 'negative'],
    ['a percentage written with a point', (d: any) => (d.claims[2].percent = '15.00'), 'claims[2].percent', 'Vietnamese way'],
    ['a percentage without a base', (d: any) => delete d.claims[2].base, 'claims[2].base', 'base'],
    ['a misspelt claim field', (d: any) => (d.claims[2].precent = '1'), 'claims[2].precent', 'unknown field'],
    ['claims that are not a list', (d: any) => (d.claims = {}), 'claims', 'list'],
  ])('refuses %s, naming the place', (_what, change, place, en) => {
    const e = failure(changed(change));
    expect(e.code).toBe('FormValuesInvalid');
    expect(e.field).toBe(place);
    expect(e.messages.en).toContain(`"${place}"`);
    expect(e.messages.en).toContain(en);
    expect(e.messages.vi).toContain(`«${place}»`);
  });
  it('accepts dac_khu and refuses thi_tran under QD366-HD43', () => {
    const y2025 = (d: any) => (d.cycle = { year: 2025, ruleSet: 'QD366-HD43' });
    expect(() => parseFormValues(changed((d) => { y2025(d); d.forms = { DV: { rows: { graded: { total: 1, dac_khu: 1 } } } }; }))).not.toThrow();
    expect(failure(changed((d) => { y2025(d); d.forms = { DV: { rows: { graded: { thi_tran: 1 } } } }; })).field).toBe('forms.DV.rows.graded.thi_tran');
  });
  it('reads null in an optional field as not known, the same as an absent key (FORMS.md §3)', () => {
    const withNulls = changed((d) => {
      d.unit = { code: null, name: null };
      d.cycle.ruleSet = null;
      d.report = { number: null, date: null, rounding: null };
      d.forms.TT.meta = { reportDatePrinted: null, codePrinted: null, reportNumberPrinted: null, partial: null };
      d.forms.KD.meta = null;
      d.forms.CN = null;
      Object.assign(d.claims[0], { group: null, base: null, percent: null, noun: null });
    });
    const without = changed((d) => {
      d.unit = {};
      delete d.cycle.ruleSet;
      d.report = {};
      d.forms.TT.meta = { reportDatePrinted: null, codePrinted: null, reportNumberPrinted: null };
      delete d.forms.KD.meta;
      delete d.forms.CN;
      delete d.claims[0].group;
      d.claims[0].noun = null;
    });
    expect(parseFormValues(withNulls)).toEqual(parseFormValues(without));
    const doc = parseFormValues(changed((d) => Object.assign(d, { unit: null, report: null, claims: null })));
    expect([doc.unit, doc.report, doc.claims]).toEqual([undefined, undefined, []]);
  });
  it('reads the rows and the column reports print beyond the forms, and still refuses unknown ones', () => {
    const doc = parseFormValues(
      changed((d) => {
        d.forms.DV.rows['graded.htt_up'] = { total: 482 };
        d.forms.CN.rows.co_so.htt_up = 10;
        d.claims.push({ form: 'TT', row: 'co_so.graded.htt_up', col: 'total', value: 19 });
      }),
    );
    expect(doc.forms.DV?.rows['graded.htt_up']).toEqual({ total: 482 });
    expect(doc.forms.CN?.rows.co_so?.htt_up).toBe(10);
    expect(failure(changed((d) => (d.forms.KD.rows['required.htt_up'] = {}))).field).toBe('forms.KD.rows.required.htt_up');
    expect(failure(changed((d) => (d.forms.DV.rows.graded.htt_up = 1))).field).toBe('forms.DV.rows.graded.htt_up');
  });
  it('refuses what is not an object', () => {
    expect(failure([]).code).toBe('FormValuesInvalid');
    expect(failure(null).messages.vi).toContain('đối tượng JSON');
  });
});
