/**
 * `report.rounding` of the form-values document (GUIDE.md §5: half-up, or largest remainder so a
 * list sums to 100%): the parser accepts it, and under "largest-remainder" a claim group that
 * partitions its base is checked against the largest-remainder distribution at the printed precision.
 */
import { describe, expect, it } from 'vitest';
import { checkFormValues, parseFormValues, type Finding } from '../../src/domain/forms/index.js';

/** Three cells graded 1/1/1 (1/3 = 33,333…%): half-up 33,33 ×3, largest remainder 33,34 + 33,33 + 33,33. */
function doc(percents: readonly string[], rounding?: string, extra: Record<string, unknown>[] = []): Record<string, unknown> {
  const grades = ['htxs', 'htt', 'ht'];
  return {
    format: 'form-values/1',
    cycle: { year: 2022, ruleSet: 'QD132-HD21' },
    report: { number: '1-BC/HU', date: '2023-01-10', ...(rounding ? { rounding } : {}) },
    forms: {
      TC: {
        rows: {
          'truc_thuoc.chi_bo.total': { total: 3 },
          'truc_thuoc.chi_bo.graded': { total: 3 },
          'truc_thuoc.chi_bo.graded.htxs': { total: 1 },
          'truc_thuoc.chi_bo.graded.htt': { total: 1 },
          'truc_thuoc.chi_bo.graded.ht': { total: 1 },
        },
      },
    },
    claims: [
      ...grades.map((g, i) => ({ form: 'TC', row: `truc_thuoc.chi_bo.graded.${g}`, col: 'total', value: 1, base: 'truc_thuoc.chi_bo.graded', percent: percents[i], noun: 'chi bộ', group: 'chi-bo' })),
      ...extra,
    ],
  };
}

const check = (raw: Record<string, unknown>) => checkFormValues(parseFormValues(raw));
/** Errors only: three cells with one HTXS are over the HTXS cap, a warning beside the point here. */
const errors = (raw: Record<string, unknown>) => check(raw).filter((f) => f.severity === 'error');
const pct = (fs: Finding[]) => fs.filter((f) => f.code.startsWith('PCT_')).map((f) => [f.code, f.row, f.expected, f.actual]);

describe('report.rounding in the document', () => {
  it('is parsed when "half-up" or "largest-remainder", and refused otherwise, naming the field', () => {
    expect(parseFormValues(doc(['33,34', '33,33', '33,33'], 'largest-remainder')).report?.rounding).toBe('largest-remainder');
    expect(parseFormValues(doc(['33,33', '33,33', '33,33'], 'half-up')).report?.rounding).toBe('half-up');
    expect(parseFormValues(doc(['33,33', '33,33', '33,33'])).report?.rounding).toBeUndefined();
    expect(() => parseFormValues(doc(['33,33', '33,33', '33,33'], 'banker'))).toThrow(/report\.rounding/);
  });
});

describe('largest remainder in the checker', () => {
  it('accepts the largest-remainder list (sums to 100), which half-up flags', () => {
    expect(errors(doc(['33,34', '33,33', '33,33'], 'largest-remainder'))).toEqual([]);
    expect(pct(check(doc(['33,34', '33,33', '33,33'])))).toEqual([['PCT_WRONG', 'truc_thuoc.chi_bo.graded.htxs', '33,33', '33,34']]);
    expect(errors(doc(['33,33', '33,33', '33,33'], 'half-up'))).toEqual([]);
  });

  it('at the printed precision: 33,3 + 33,3 + 33,4 is wrong (ties go to the earlier item), 33,4 + 33,3 + 33,3 right', () => {
    expect(errors(doc(['33,4', '33,3', '33,3'], 'largest-remainder'))).toEqual([]);
    expect(pct(check(doc(['33,3', '33,3', '33,4'], 'largest-remainder')))).toEqual([
      ['PCT_TRUNCATED', 'truc_thuoc.chi_bo.graded.htxs', '33,4', '33,3'],
      ['PCT_WRONG', 'truc_thuoc.chi_bo.graded.ht', '33,3', '33,4'],
    ]);
  });

  it('still flags a wrong percentage, and the half-up value where the remainder went elsewhere', () => {
    expect(pct(check(doc(['33,34', '33,33', '33,35'], 'largest-remainder')))).toEqual([['PCT_WRONG', 'truc_thuoc.chi_bo.graded.ht', '33,33', '33,35']]);
    expect(pct(check(doc(['33,33', '33,33', '33,33'], 'largest-remainder')))).toEqual([['PCT_TRUNCATED', 'truc_thuoc.chi_bo.graded.htxs', '33,34', '33,33']]);
  });

  it('rounds half-up a group that does not partition its base (as the report writes it), never truncated', () => {
    const partial = (p: string) => ({ form: 'TC', row: 'truc_thuoc.chi_bo.graded.htxs', col: 'total', value: 1, base: 'truc_thuoc.chi_bo.graded', percent: p, noun: 'chi bộ', group: 'one' });
    expect(pct(check(doc(['33,34', '33,33', '33,33'], 'largest-remainder', [partial('33,33')])))).toEqual([]);
    expect(pct(check(doc(['33,34', '33,33', '33,33'], 'largest-remainder', [partial('33,34')])))).toEqual([['PCT_WRONG', 'truc_thuoc.chi_bo.graded.htxs', '33,33', '33,34']]);
  });
});
