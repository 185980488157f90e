import { describe, expect, it } from 'vitest';
import { checkFormValues } from '../forms/check.js';
import type { FormValuesDoc } from '../forms/types.js';
import { cellKey, orgTypeColumnChain, parseCellKey } from './cells.js';
import { contributionOf, type EvaluationFacts, topicCells } from './contributions.js';
import { computeCycleCounts, diffCounts, placeEvaluation, type RollupEvaluation, UnitIndex } from './rollup.js';

const R = 'QD132-HD21' as const;
const base: EvaluationFacts = { subjectKind: 'member', eligibility: 'eligible', reviewed: true, decidedGrade: null, primaryKhtReason: null };
const keys = (f: EvaluationFacts, part: 'grade' | 'review' = 'grade', ruleSet: typeof R | 'QD366-HD43' = R) =>
  contributionOf(f, ruleSet)[part].map((c) => `${c.form} ${c.row} ${c.col}`).sort();

describe('organisation-type columns (FORMS.md §1)', () => {
  it('counts a leaf in every parent up to total, and the 100% FDI subset in its FDI parent too', () => {
    expect(orgTypeColumnChain('dn.nn.100', R)).toEqual(['dn.nn.100', 'dn.nn', 'dn', 'total']);
    expect(orgTypeColumnChain('dn.ngoai.fdi.trong_do_100', R)).toEqual(['dn.ngoai.fdi.trong_do_100', 'dn.ngoai.fdi', 'dn.ngoai', 'dn', 'total']);
    expect(orgTypeColumnChain('xa', R)).toEqual(['xa', 'total']);
  });
  it('counts a type the rule set has no column for, or no type, in total only', () => {
    expect(orgTypeColumnChain('thi_tran', 'QD366-HD43')).toEqual(['total']);
    expect(orgTypeColumnChain(null, R)).toEqual(['total']);
  });
  it('round-trips cell keys', () => {
    expect(parseCellKey(cellKey({ form: 'DV', row: 'graded.htt', col: 'dvsn.cong_lap' }))).toEqual({ form: 'DV', row: 'graded.htt', col: 'dvsn.cong_lap' });
  });
});

describe('DV: party members', () => {
  it('graded: total, graded and the grade row in the type columns', () => {
    expect(keys({ ...base, decidedGrade: 'HTT', orgType: 'xa' })).toEqual(
      ['DV graded total', 'DV graded xa', 'DV graded.htt total', 'DV graded.htt xa', 'DV total total', 'DV total xa'],
    );
  });
  it('KHT adds the primary reason, else kht.other', () => {
    expect(keys({ ...base, decidedGrade: 'KHT', primaryKhtReason: 'civil_servant', orgType: 'xa' })).toContain('DV kht.civil_servant xa');
    expect(keys({ ...base, decidedGrade: 'KHT', orgType: 'xa' })).toContain('DV kht.other total');
    expect(keys({ ...base, decidedGrade: 'HT', orgType: 'xa' }).some((k) => k.includes('kht.'))).toBe(false);
  });
  it('exempt, new and suspended members are not required, whatever grade they carry', () => {
    for (const [eligibility, row] of [['exempt', 'exempt'], ['new_member', 'new_member'], ['suspended', 'suspended']] as const) {
      expect(keys({ ...base, eligibility, decidedGrade: 'HTT', orgType: null })).toEqual(['DV not_required total', `DV not_required.${row} total`, 'DV total total']);
    }
  });
  it('a member without a decided grade is pending (a proposal is not a grade)', () => {
    expect(keys({ ...base, orgType: 'cong_an' })).toEqual(['DV pending cong_an', 'DV pending total', 'DV total cong_an', 'DV total total']);
  });
});

describe('TC: party organisations', () => {
  it('puts each unit kind in its section; districts count in no TC row', () => {
    const f = { ...base, subjectKind: 'unit' as const, decidedGrade: 'HTXS' as const, orgType: 'xa' };
    expect(keys({ ...f, unitKind: 'grassroots_committee' })).toContain('TC tccsd.dang_bo.graded.htxs xa');
    expect(keys({ ...f, unitKind: 'grassroots_cell' })).toContain('TC tccsd.chi_bo.total total');
    expect(keys({ ...f, unitKind: 'sub_committee' })).toContain('TC truc_thuoc.dang_bo_bo_phan.graded total');
    expect(keys({ ...f, unitKind: 'cell' })).toContain('TC truc_thuoc.chi_bo.graded.htxs xa');
    expect(keys({ ...f, unitKind: 'district_committee' })).toEqual([]);
  });
  it('a new unit is not graded and counted as new', () => {
    expect(keys({ ...base, subjectKind: 'unit', unitKind: 'cell', eligibility: 'new_unit', reviewed: false, orgType: 'xa' })).toEqual(
      ['TC truc_thuoc.chi_bo.not_graded total', 'TC truc_thuoc.chi_bo.not_graded xa', 'TC truc_thuoc.chi_bo.not_graded.new total', 'TC truc_thuoc.chi_bo.not_graded.new xa', 'TC truc_thuoc.chi_bo.total total', 'TC truc_thuoc.chi_bo.total xa'],
    );
  });
});

describe('TT and CN', () => {
  it('TT: section by level, column by kind, KHT reason rows', () => {
    expect(keys({ ...base, subjectKind: 'collective', collectiveKind: 'hdnd', level: 'co_so', decidedGrade: 'KHT', primaryKhtReason: 'member_disciplined' })).toEqual(
      ['TT co_so.graded hdnd', 'TT co_so.graded total', 'TT co_so.graded.kht hdnd', 'TT co_so.graded.kht total', 'TT co_so.kht.member_disciplined hdnd', 'TT co_so.kht.member_disciplined total', 'TT co_so.total hdnd', 'TT co_so.total total'],
    );
    expect(keys({ ...base, subjectKind: 'collective', collectiveKind: 'ubnd', level: 'huyen' })).toEqual(['TT huyen.not_graded total', 'TT huyen.not_graded ubnd', 'TT huyen.total total', 'TT huyen.total ubnd']);
  });
  it('TT: no district section from 2025 (QD366-HD43)', () => {
    expect(keys({ ...base, subjectKind: 'collective', collectiveKind: 'ubnd', level: 'huyen', decidedGrade: 'HTT' }, 'grade', 'QD366-HD43')).toEqual([]);
  });
  it('CN: the group row and its section row, by grade column', () => {
    expect(keys({ ...base, subjectKind: 'position', positionGroup: 'huyen.uv_btv', decidedGrade: 'HTXS' })).toEqual(
      ['CN huyen graded', 'CN huyen htxs', 'CN huyen total', 'CN huyen.uv_btv graded', 'CN huyen.uv_btv htxs', 'CN huyen.uv_btv total'],
    );
    expect(keys({ ...base, subjectKind: 'position', positionGroup: 'co_so.bi_thu' })).toContain('CN co_so not_graded');
  });
});

describe('KD: review', () => {
  it('organisations and collectives in `collective`, members and leaders in `individual`', () => {
    expect(keys({ ...base, subjectKind: 'unit' }, 'review')).toEqual(['KD required collective', 'KD reviewed collective']);
    expect(keys({ ...base, subjectKind: 'position' }, 'review')).toEqual(['KD required individual', 'KD reviewed individual']);
  });
  it('not reviewed: exempt, suspended and new units are counted as such; unrecorded is not reviewed', () => {
    expect(keys({ ...base, eligibility: 'exempt', reviewed: false }, 'review')).toEqual(['KD not_reviewed individual', 'KD not_reviewed.new_or_exempt individual', 'KD required individual']);
    expect(keys({ ...base, subjectKind: 'collective', eligibility: 'new_unit', reviewed: false }, 'review')).toContain('KD not_reviewed.new_or_exempt collective');
    expect(keys({ ...base, reviewed: null }, 'review')).toEqual(['KD not_reviewed individual', 'KD required individual']);
  });
  it('review topics: the managing body and its printed parents', () => {
    expect(topicCells('position', 'co_so.chi_bo', R).map((c) => `${c.row} ${c.col}`)).toEqual(['suggested individual', 'suggested.co_so.chi_bo individual', 'suggested.co_so individual']);
    expect(topicCells('collective', 'huyen', R).map((c) => c.row)).toEqual(['suggested', 'suggested.huyen']);
  });
});

describe('where a subject counts', () => {
  const tree = new UnitIndex([
    { id: 'p', code: 'P', parentId: null, kind: 'province_committee', orgType: null },
    { id: 'd', code: 'D', parentId: 'p', kind: 'district_committee', orgType: null },
    { id: 'g', code: 'G', parentId: 'd', kind: 'grassroots_committee', orgType: 'xa' },
    { id: 'c', code: 'C', parentId: 'g', kind: 'cell', orgType: null },
  ]);
  const ev = (over: Partial<RollupEvaluation>): RollupEvaluation => ({
    id: 'e', subjectKind: 'member', subjectId: 's', unitId: 'c', eligibility: 'eligible', reviewed: true, decidedGrade: 'HTT',
    khtReasons: [], decidingUnitId: null, collectiveKind: null, level: null, positionGroup: null, ...over,
  });
  it('at its unit and every ancestor, with the cell inheriting its committee’s type', () => {
    const p = placeEvaluation(ev({}), tree, R);
    expect(p.gradeUnits).toEqual(['c', 'g', 'd', 'p']);
    expect(p.contribution.gradeKeys).toContain('DV|graded.htt|xa');
  });
  it('graded by a superior: the grade at the deciding unit and above, the review where it belongs', () => {
    const e = ev({ subjectKind: 'collective', unitId: 'd', eligibility: 'higher_level', decidingUnitId: 'p', collectiveKind: 'ubnd', level: 'huyen' });
    const counts = computeCycleCounts({ ruleSet: R, tree, evaluations: [e], topics: [], entered: [] });
    expect(counts.get('d')?.get('TT|huyen.total|total')).toBeUndefined();
    expect(counts.get('p')?.get('TT|huyen.total|total')).toBe(1);
    expect(counts.get('d')?.get('KD|reviewed|collective')).toBe(1);
    expect(counts.get('p')?.get('KD|reviewed|collective')).toBe(1);
  });
  it('recomputation equals the sum of live deltas, and diffCounts names what differs', () => {
    const evals = [ev({}), ev({ id: 'e2', decidedGrade: 'KHT', khtReasons: ['below_50'] }), ev({ id: 'e3', subjectKind: 'unit', subjectId: 'g', unitId: 'g', decidedGrade: 'HT' })];
    const all = computeCycleCounts({ ruleSet: R, tree, evaluations: evals, topics: [{ subjectKind: 'member', managedBy: 'huyen', unitId: 'c' }], entered: [{ unitId: 'g', form: 'DV', row: 'total', col: 'total', value: 5 }] });
    expect(all.get('p')?.get('DV|total|total')).toBe(7);
    expect(all.get('c')?.get('DV|total|total')).toBe(2);
    expect(all.get('d')?.get('KD|suggested.huyen|individual')).toBe(1);
    const tampered = new Map([...all].map(([u, m]) => [u, new Map(m)]));
    tampered.get('d')?.set('DV|graded.kht|xa', 9);
    expect(diffCounts(tampered, all)).toEqual([{ unitId: 'd', form: 'DV', row: 'graded.kht', col: 'xa', stored: 9, expected: 1 }]);
  });
  it('a generated set of evaluations gives forms the checker finds no error in', () => {
    const grades = ['HTXS', 'HTT', 'HTT', 'HTT', 'HTT', 'HT', 'KHT', null] as const;
    const eligibilities = ['eligible', 'eligible', 'exempt', 'new_member', 'suspended', 'pending'] as const;
    const evals = Array.from({ length: 120 }, (_, i) => {
      const grade = grades[i % grades.length] ?? null;
      return ev({ id: `m${i}`, eligibility: eligibilities[i % eligibilities.length], decidedGrade: grade, khtReasons: grade === 'KHT' ? ['disciplined'] : [] });
    });
    const counts = computeCycleCounts({ ruleSet: R, tree, evaluations: evals, topics: [], entered: [] }).get('p') ?? new Map();
    const rows: Record<string, Record<string, number>> = {};
    for (const [k, v] of counts) {
      const c = parseCellKey(k);
      if (c.form === 'DV') rows[c.row] = { ...(rows[c.row] ?? {}), [c.col]: v };
    }
    const doc: FormValuesDoc = { format: 'form-values/1', cycle: { year: 2022, ruleSet: R }, forms: { DV: { rows } }, claims: [] };
    expect(checkFormValues(doc).filter((f) => f.severity === 'error')).toEqual([]);
    expect(rows.total?.total).toBe(120);
  });
});
