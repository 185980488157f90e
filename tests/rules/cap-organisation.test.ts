import { describe, expect, it } from 'vitest';
import type { Grade, RuleSetCode, UnitKind } from '../../src/domain/codes.js';
import { capHeadroom, collectiveCeiling, getRuleSet, organisationThreshold, type CapBase, type GradeCounts } from '../../src/domain/rules/index.js';

const g = (HTXS: number, HTT: number, HT = 0, KHT = 0): GradeCounts => ({ HTXS, HTT, HT, KHT });

describe('capHeadroom', () => {
  it.each<[string, string, RuleSetCode, GradeCounts, CapBase | undefined, boolean, number, number, boolean]>([
    // seed TCCSĐ 9 HTXS / 37 HTT / 5 HT: 20% × 37 = 7,4 → 7 < 9 over; 20% × 46 = 9,2 → 9 ok; 20% × 51 = 10,2 → 10
    ['seed TCCSĐ 9/37, base HTT (literal): over', 'HD 21, II.B.2.3; regulations.md §7.12', 'QD132-HD21', g(9, 37, 5), undefined, false, 7, -2, true],
    ['seed TCCSĐ 9/46, base HTT+HTXS: within', 'GUIDE.md §3 cap parameter', 'QD132-HD21', g(9, 37, 5), 'HTT+HTXS', false, 9, 0, false],
    ['seed TCCSĐ 9/51, base graded: within', 'GUIDE.md §3 cap parameter', 'QD132-HD21', g(9, 37, 5), 'graded', false, 10, 1, false],
    // seed chi bộ 31/151/22/1: 30,2 → 30 < 31 over; 36,4 → 36 ok
    ['seed chi bộ 31/151, base HTT: over', 'HD 21, II.B.2.3; regulations.md §7.12', 'QD132-HD21', g(31, 151, 22, 1), undefined, false, 30, -1, true],
    ['seed chi bộ 31/182, base HTT+HTXS: within', 'GUIDE.md §3 cap parameter', 'QD132-HD21', g(31, 151, 22, 1), 'HTT+HTXS', false, 36, 5, false],
    // seed district collectives 5/24: 4,8 → 4 < 5 over; 5,8 → 5 = 5 ok (no headroom left)
    ['seed district collectives 5/24, base HTT: over', 'HD 21, II.B.3; regulations.md §7.12', 'QD132-HD21', g(5, 24), undefined, false, 4, -1, true],
    ['seed district collectives 5/29, base HTT+HTXS: exactly at the cap', 'GUIDE.md §3 cap parameter', 'QD132-HD21', g(5, 24), 'HTT+HTXS', false, 5, 0, false],
    ['seed party members 344/2072, base HTT: within', 'HD 21, II.B.2.3', 'QD132-HD21', g(344, 2072, 90, 37), undefined, false, 414, 70, false],
    ['QĐ 366: 20% × 37 HTT = 7', 'QĐ 366, Điều 11 khoản 1.5', 'QD366-HD43', g(9, 37), undefined, false, 7, -2, true],
    ['QĐ 366 outstanding unit: 25% × 37 = 9,25 → 9 ok', 'QĐ 366, Điều 11 khoản 1.5', 'QD366-HD43', g(9, 37), undefined, true, 9, 0, false],
    ['QĐ 132 has no 25% exception', 'HD 21, II.B.2.3', 'QD132-HD21', g(9, 37), undefined, true, 7, -2, true],
    ['boundary: 20% × 10 = 2 exactly', 'HD 21, II.B.2.3', 'QD132-HD21', g(2, 10), undefined, false, 2, 0, false],
    ['boundary: 20% × 14 = 2,8 → floor 2', 'HD 21, II.B.2.3', 'QD132-HD21', g(3, 14), undefined, false, 2, -1, true],
  ])('%s (%s)', (_case, _source, code, counts, base, outstanding, allowedMax, headroom, over) => {
    const r = capHeadroom({ ruleSet: getRuleSet(code), counts, base, outstanding, subjectKind: 'member' });
    expect([r.allowedMax, r.headroom, r.over]).toEqual([allowedMax, headroom, over]);
  });

  it('names its base and rounding in the text (GUIDE.md §3: "with its base named")', () => {
    const r = capHeadroom({ ruleSet: getRuleSet('QD132-HD21'), counts: g(9, 37, 5) });
    expect(r.text).toBe('HTXS 9, tối đa 7 (20% × 37 HTT = 7,40 → 7, làm tròn xuống): vượt 2 (HD 21, II.B.2.3 (Lưu ý: ≤ 20% số HTT trong từng TCCSĐ))');
    expect([r.base, r.baseCount, r.percent, r.used]).toEqual(['HTT', 37, 20, 9]);
  });

  it.each([
    ['round_half_up: 20% × 37 = 7,4 → 7', 'GUIDE.md §3 rounding parameter', 37, 'round_half_up', 7],
    ['round_half_up: 20% × 38 = 7,6 → 8', 'GUIDE.md §3 rounding parameter', 38, 'round_half_up', 8],
    ['round_half_up: 20% × 12 = 2,4 → 2', 'GUIDE.md §3 rounding parameter', 12, 'round_half_up', 2],
    ['ceil: 20% × 36 = 7,2 → 8', 'GUIDE.md §3 rounding parameter', 36, 'ceil', 8],
  ] as const)('%s (%s)', (_case, _source, htt, rounding, expected) => {
    expect(capHeadroom({ ruleSet: getRuleSet('QD132-HD21'), counts: g(0, htt), rounding }).allowedMax).toBe(expected);
  });

  it('collectives are capped per group (HD 21, II.B.3)', () => {
    expect(getRuleSet('QD132-HD21').caps.collective.scope).toBe('group');
    expect(getRuleSet('QD132-HD21').caps.member.scope).toBe('grassroots_org');
  });
});

describe('organisationThreshold', () => {
  it.each<[string, string, RuleSetCode, UnitKind, GradeCounts, Grade]>([
    ['cell 100% HT+ and 80% HTT+ → HTXS allowed', 'HD 21, II.B.1.3', 'QD132-HD21', 'cell', g(2, 6, 2), 'HTXS'],
    ['cell 79/100 HTT+ (< 80%) → at most HTT', 'HD 21, II.B.1.3', 'QD132-HD21', 'cell', g(9, 70, 21), 'HTT'],
    ['cell 80/100 HTT+ exactly → HTXS allowed', 'HD 21, II.B.1.3', 'QD132-HD21', 'cell', g(10, 70, 20), 'HTXS'],
    ['cell 50/100 HTT+ exactly → HTT allowed', 'HD 21, II.B.1.3', 'QD132-HD21', 'grassroots_cell', g(0, 50, 50), 'HTT'],
    ['cell 49/100 HTT+ → at most HT', 'HD 21, II.B.1.3', 'QD132-HD21', 'grassroots_cell', g(0, 49, 51), 'HT'],
    ['one member KHT breaks 100% HT+ → at most HT', 'HD 21, II.B.1.3', 'QD132-HD21', 'cell', g(5, 90, 4, 1), 'HT'],
    ['KHT 20/100 exactly (not > 20%) → HT', 'HD 21, II.B.1.3', 'QD132-HD21', 'cell', g(0, 60, 20, 20), 'HT'],
    ['KHT 21/100 (> 20%) → KHT', 'HD 21, II.B.1.3', 'QD132-HD21', 'cell', g(0, 60, 19, 21), 'KHT'],
    ['committee: > 20% sub-units KHT → KHT (verify)', 'HD 21, II.B.1.3 [M]', 'QD132-HD21', 'grassroots_committee', g(0, 3, 1, 2), 'KHT'],
    ['QĐ 124 same thresholds (verify)', 'HD 25 [verify]', 'QD124-HD25', 'cell', g(9, 70, 21), 'HTT'],
    ['QĐ 366: no numeric threshold', 'HD 43, Mục 3', 'QD366-HD43', 'cell', g(0, 60, 19, 21), 'HTXS'],
  ])('%s (%s)', (_case, _source, code, unitKind, counts, expected) => {
    expect(organisationThreshold({ ruleSet: getRuleSet(code), unitKind, counts }).grade).toBe(expected);
  });

  it('reason text names the share (HD 21, II.B.1.3)', () => {
    const r = organisationThreshold({ ruleSet: getRuleSet('QD132-HD21'), unitKind: 'cell', counts: g(9, 70, 21) });
    expect(r.reasons.map((x) => x.text)).toEqual(['79/100 đảng viên xếp loại HTT trở lên, dưới 80% (HD 21, II.B.1.3) → tối đa HTT']);
  });

  it('government / MTTQ / mass organisations HT ⇒ organisation at most HTT (HD 21, II.B.1.3)', () => {
    const r = organisationThreshold({ ruleSet: getRuleSet('QD132-HD21'), unitKind: 'grassroots_committee', counts: g(3, 9), peerBodyGrades: ['HTT', 'HT'] });
    expect(r.grade).toBe('HTT');
  });
});

describe('collectiveCeiling (HD 21, II.B.3: never above its organisation)', () => {
  it.each<[string, string, Grade, Grade]>([
    ['organisation HTT → collective at most HTT', 'HD 21, II.B.3', 'HTT', 'HTT'],
    ['organisation KHT → collective KHT', 'HD 21, II.B.3', 'KHT', 'KHT'],
    ['organisation HTXS → no limit', 'HD 21, II.B.3', 'HTXS', 'HTXS'],
  ])('%s (%s)', (_case, _source, org, expected) => {
    expect(collectiveCeiling(org, getRuleSet('QD132-HD21')).grade).toBe(expected);
  });
});
