import { describe, expect, it } from 'vitest';
import { buildTree, findNode, rollUp, type TreeUnitInput } from './tree.js';

const units: TreeUnitInput[] = [
  { id: 'd', code: 'D', parentId: null, name: 'Đảng bộ huyện', kind: 'district_committee', orgType: null },
  { id: 'c2', code: 'C2', parentId: 'g', name: 'Chi bộ 10', kind: 'cell', orgType: null },
  { id: 'c1', code: 'C1', parentId: 'g', name: 'Chi bộ 9', kind: 'cell', orgType: null },
  { id: 'g', code: 'G', parentId: 'd', name: 'Đảng bộ xã Bản Bo', kind: 'grassroots_committee', orgType: 'xa' },
  { id: 'k', code: 'K', parentId: 'd', name: 'Chi bộ Công ty', kind: 'grassroots_cell', orgType: 'dn.nn.100' },
];

describe('buildTree', () => {
  it('nests units, inherits the organisation type and sorts committees before cells, names numerically', () => {
    const [root] = buildTree(units);
    expect(root?.code).toBe('D');
    expect(root?.children.map((c) => c.code)).toEqual(['G', 'K']);
    const g = findNode([root!], 'G');
    expect(g?.children.map((c) => c.name)).toEqual(['Chi bộ 9', 'Chi bộ 10']);
    expect(g?.children[0]?.effectiveOrgType).toBe('xa');
    expect(g?.children[0]?.depth).toBe(2);
  });
});

describe('rollUp', () => {
  it('sums own counts with every descendant', () => {
    const roots = buildTree(units);
    const own = new Map([
      ['c1', { HTXS: 1, HTT: 4 }],
      ['c2', { HTT: 2, KHT: 1 }],
      ['k', { HT: 3 }],
    ]);
    const totals = rollUp(roots, own, { HTXS: 0, HTT: 0, HT: 0, KHT: 0 });
    expect(totals.get('g')).toEqual({ HTXS: 1, HTT: 6, HT: 0, KHT: 1 });
    expect(totals.get('d')).toEqual({ HTXS: 1, HTT: 6, HT: 3, KHT: 1 });
    expect(totals.get('k')).toEqual({ HTXS: 0, HTT: 0, HT: 3, KHT: 0 });
  });
});
