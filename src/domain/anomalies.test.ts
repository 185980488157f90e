import { describe, expect, it } from 'vitest';
import { findAnomalies, type UnitGrades } from './anomalies.js';
import { getRuleSet } from './rules/rule-set.js';

const unit = (code: string, kind: UnitGrades['kind'], HTXS: number, HTT: number, HT = 0, KHT = 0): UnitGrades => ({ code, name: `Đơn vị ${code}`, kind, counts: { HTXS, HTT, HT, KHT } });

describe('dashboard anomalies', () => {
  const ruleSet = getRuleSet('QD132-HD21');
  it('flags a unit where everyone graded is HTXS, and a grassroots organisation over the cap naming its base', () => {
    const found = findAnomalies({ ruleSet, units: [unit('CB1', 'cell', 3, 0), unit('DU1', 'grassroots_committee', 5, 10), unit('DU2', 'grassroots_committee', 2, 10)] });
    expect(found.map((a) => [a.kind, a.unitCode])).toEqual([['cap_over', 'DU1'], ['all_htxs', 'CB1']]);
    expect(found[0]!.text).toContain('10 HTT');
  });

  it('flags a unit whose HTXS share is far above its peers of the same kind', () => {
    const peers = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((c) => unit(c, 'cell', 1, 9));
    const found = findAnomalies({ ruleSet, units: [...peers, unit('X', 'cell', 8, 2), unit('Y', 'cell', 4, 1)] }).filter((a) => a.kind === 'far_from_peers');
    // Y (5 graded) is too small to compare, however high its share.
    expect(found.map((a) => a.unitCode)).toEqual(['X']);
    expect(found[0]!.text).toContain('80%');
  });
});
