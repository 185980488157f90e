import { describe, expect, it } from 'vitest';
import { findTreeProblem, kindMaySitUnder, type TreeVersion } from './tree-rules.js';

const v = (unitId: string, kind: TreeVersion['kind'], parentId: string | null, validFrom = '2015-01-01', validTo: string | null = null): TreeVersion => ({ unitId, code: unitId, kind, parentId, validFrom, validTo });

describe('which kind may sit under which (GUIDE.md §2)', () => {
  it('allows the party hierarchy and the 2025 communes directly under the province', () => {
    expect(kindMaySitUnder('cell', 'grassroots_committee')).toBe(true);
    expect(kindMaySitUnder('cell', 'sub_committee')).toBe(true);
    expect(kindMaySitUnder('grassroots_committee', 'province_committee')).toBe(true);
    expect(kindMaySitUnder('grassroots_cell', 'district_committee')).toBe(true);
    expect(kindMaySitUnder('province_committee', null)).toBe(true);
  });
  it('refuses a cell under a cell, a district under a commune, a cell at the top', () => {
    expect(kindMaySitUnder('cell', 'cell')).toBe(false);
    expect(kindMaySitUnder('cell', 'grassroots_cell')).toBe(false);
    expect(kindMaySitUnder('district_committee', 'grassroots_committee')).toBe(false);
    expect(kindMaySitUnder('cell', null)).toBe(false);
  });
});

describe('findTreeProblem', () => {
  const tree = [v('P', 'province_committee', null), v('D', 'district_committee', 'P'), v('X', 'grassroots_committee', 'D'), v('C', 'cell', 'X')];

  it('finds nothing in a sound tree', () => {
    expect(findTreeProblem(tree, { focus: ['X', 'C'], from: '2015-01-01' })).toBeNull();
  });

  it('names the first day a kind breaks: a commune turned into a cell while it still has cells', () => {
    const changed = [...tree.filter((u) => u.unitId !== 'X'), v('X', 'grassroots_committee', 'D', '2015-01-01', '2026-01-01'), v('X', 'cell', 'D', '2026-01-01')];
    const found = findTreeProblem(changed, { focus: ['X'], from: '2026-01-01' });
    expect(found).toMatchObject({ problem: 'kind', date: '2026-01-01' });
    expect(['X', 'C']).toContain(found?.code);
    expect(findTreeProblem(changed, { focus: ['X'], from: '2015-01-01' })?.date).toBe('2026-01-01');
  });

  it('finds a loop on a later day than the change, not only on its first day', () => {
    // D moves under X from 2028 (X is under D then: a loop at once) versus D under X from 2030 after X left D in 2029.
    const later = [...tree.filter((u) => u.unitId !== 'D' && u.unitId !== 'X'), v('X', 'grassroots_committee', 'D', '2015-01-01', '2030-01-01'), v('X', 'grassroots_committee', 'P', '2030-01-01'), v('D', 'district_committee', 'P', '2015-01-01', '2028-01-01'), v('D', 'district_committee', 'X', '2028-01-01')];
    expect(findTreeProblem(later, { focus: ['D'], from: '2028-01-01' })).toMatchObject({ problem: 'loop', date: '2028-01-01', code: 'D' });
    // Y moves under X from 2028 (fine that day: X is under D), X moves under Y from 2030: a loop only then.
    const future = [
      ...tree.filter((u) => u.unitId !== 'X'),
      v('X', 'grassroots_committee', 'D', '2015-01-01', '2030-01-01'),
      v('X', 'grassroots_committee', 'Y', '2030-01-01'),
      v('Y', 'district_committee', 'P', '2015-01-01', '2028-01-01'),
      v('Y', 'district_committee', 'X', '2028-01-01'),
    ];
    expect(findTreeProblem(future, { focus: ['Y'], from: '2028-01-01' })).toMatchObject({ problem: 'loop', date: '2030-01-01' });
  });
});
