import { describe, expect, it } from 'vitest';
import { getFormDefinitions } from './definitions.js';
import { lookupCell, lookupRows, unknownColumns, type FormTable } from './table.js';

const defs = getFormDefinitions('QD132-HD21');

describe('statedness of cells (FORMS.md §3)', () => {
  it('a row with only total knows nothing by type; a parent without children knows nothing below it', () => {
    expect(unknownColumns(defs.DV, { total: 22 }).has('xa')).toBe(true);
    const dn = unknownColumns(defs.DV, { total: 3, dn: 3 });
    expect(dn.has('xa')).toBe(false);
    expect(dn.has('dn.nn.100')).toBe(true);
    expect(unknownColumns(defs.DV, {}).size).toBe(0);
  });
  it('derives tccsd.X from its stated parts, absent cells as zero', () => {
    const t: FormTable = {
      def: defs.TC,
      values: { rows: { 'tccsd.dang_bo.graded.htxs': { total: 3, xa: 3 }, 'tccsd.chi_bo.graded.htxs': { total: 6 } } },
    };
    expect(lookupCell(t, 'tccsd.graded.htxs', 'total')).toBe(9);
    expect(lookupCell(t, 'tccsd.graded.htxs', 'xa')).toBeUndefined();
    expect(lookupCell(t, 'tccsd.graded.kht', 'total')).toBeUndefined();
    expect(lookupRows(t, ['tccsd.dang_bo.graded.htxs', 'tccsd.chi_bo.graded.htxs'], 'total')).toBe(9);
  });
});
