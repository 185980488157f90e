import { describe, expect, it } from 'vitest';
import type { Grade, RuleSetCode, SubjectKind } from '../../src/domain/codes.js';
import { checkProposedGrade, getRuleSet, highestAllowedGrade, withParameters, type DatedEvent, type GradingFacts } from '../../src/domain/rules/index.js';

const Y22 = { from: '2022-01-01', to: '2022-12-31' };
const Y23 = { from: '2023-01-01', to: '2023-12-31' };
const Y25 = { from: '2025-01-01', to: '2025-12-31' };
const PERIOD: Record<RuleSetCode, { from: string; to: string }> = { 'QD132-HD21': Y22, 'QD124-HD25': Y23, 'QD366-HD43': Y25 };
const disc = (from: string, level: DatedEvent['level'], extra: Partial<DatedEvent> = {}): DatedEvent => ({ kind: 'disciplined', from, level, ...extra });
const sick = (from: string, to: string): DatedEvent => ({ kind: 'sick_leave', from, to });
const decline = (from: string): DatedEvent => ({ kind: 'decline_concluded', from });

type Row = [string, string, RuleSetCode, SubjectKind, GradingFacts, Grade];

describe('highestAllowedGrade', () => {
  it.each<Row>([
    // members
    ['member disciplined in the year → KHT', 'HD 21, II.B.2.3', 'QD132-HD21', 'member', { events: [disc('2022-05-12', 'khien_trach')] }, 'KHT'],
    ['member disciplined the year before → no ceiling', 'HD 21, II.B.2.3', 'QD132-HD21', 'member', { events: [disc('2021-11-12', 'canh_cao')] }, 'HTXS'],
    ['member self-detected and remedied → excepted', 'GUIDE.md §3; HD 21', 'QD132-HD21', 'member', { events: [disc('2022-05-12', 'khien_trach', { selfDetectedRemedied: true })] }, 'HTXS'],
    ['member suy thoái concluded → KHT', 'HD 21, II.B.2.3', 'QD132-HD21', 'member', { events: [decline('2022-08-01')] }, 'KHT'],
    ['member 4/10 targets (< 50%) → KHT', 'HD 21, II.B.2.3', 'QD132-HD21', 'member', { targets: { part: 4, total: 10 } }, 'KHT'],
    ['member 5/10 targets (= 50%) → no trigger', 'HD 21, II.B.2.3', 'QD132-HD21', 'member', { targets: { part: 5, total: 10 } }, 'HTXS'],
    ['civil servant graded KHT → member KHT', 'HD 21, II.B.2.3', 'QD132-HD21', 'member', { civilServantGrade: 'KHT' }, 'KHT'],
    ['civil servant graded HT → member at most HT (bound)', 'HD 21, II.B.2.3 [M for HTT/HT]', 'QD132-HD21', 'member', { civilServantGrade: 'HT' }, 'HT'],
    ['civil servant graded HTT → member not HTXS', 'HD 21, II.B.2.3 (HTXS)', 'QD132-HD21', 'member', { civilServantGrade: 'HTT' }, 'HTT'],
    ['sick leave exactly 3 months (01/03–31/05) → at most HT', 'HD 21, II.6', 'QD132-HD21', 'member', { events: [sick('2022-03-01', '2022-05-31')] }, 'HT'],
    ['sick leave 2,97 months (01/03–30/05) → no ceiling', 'HD 21, II.6', 'QD132-HD21', 'member', { events: [sick('2022-03-01', '2022-05-30')] }, 'HTXS'],
    ['sick leave 1 + 2 months in two spells → at most HT', 'HD 21, II.6', 'QD132-HD21', 'member', { events: [sick('2022-01-01', '2022-01-31'), sick('2022-06-01', '2022-07-31')] }, 'HT'],
    ['sick leave from the year before counts only inside the year', 'HD 21, II.6', 'QD132-HD21', 'member', { events: [sick('2021-11-01', '2022-02-27')] }, 'HTXS'],
    ['maternity leave: graded on time worked, no ceiling', 'HD 21, II.6', 'QD132-HD21', 'member', { events: [{ kind: 'maternity_leave', from: '2022-02-01', to: '2022-07-31' }] }, 'HTXS'],
    ['QĐ 124 sick leave ≥ 3 months (verify, default HT)', 'HD 25 [verify]', 'QD124-HD25', 'member', { events: [sick('2023-03-01', '2023-05-31')] }, 'HT'],
    ['QĐ 124 HTXS needs ≥ 50% exceeded: 4/10 → at most HTT', 'QĐ 124, Điều 12', 'QD124-HD25', 'member', { targetsExceeded: { part: 4, total: 10 } }, 'HTT'],
    ['QĐ 124 HTXS: 5/10 exceeded → HTXS allowed', 'QĐ 124, Điều 12', 'QD124-HD25', 'member', { targetsExceeded: { part: 5, total: 10 } }, 'HTXS'],
    ['QĐ 124 member disciplined → KHT', 'QĐ 124, Điều 12 (KHT)', 'QD124-HD25', 'member', { events: [disc('2023-04-02', 'khien_trach')] }, 'KHT'],
    ['QĐ 366 sick leave ≥ 3 months: no ceiling', 'HD 43, Mục 7 điểm 7.5', 'QD366-HD43', 'member', { events: [sick('2025-03-01', '2025-08-31')] }, 'HTXS'],
    ['QĐ 366 member khiển trách, duty-related → KHT', 'QĐ 366, Điều 11 khoản 4', 'QD366-HD43', 'member', { events: [disc('2025-06-01', 'khien_trach', { dutyRelated: true })] }, 'KHT'],
    ['QĐ 366 member khiển trách, not recorded whether duty-related: weighed, not binding', 'QĐ 366, Điều 11 khoản 4', 'QD366-HD43', 'member', { events: [disc('2025-06-01', 'khien_trach')] }, 'HTXS'],
    ['QĐ 366 member khiển trách, not duty-related → no trigger', 'QĐ 366, Điều 11 khoản 4', 'QD366-HD43', 'member', { events: [disc('2025-06-01', 'khien_trach', { dutyRelated: false })] }, 'HTXS'],
    ['QĐ 366 self-detected: weighed, not binding', 'QĐ 366, Điều 11 khoản 4', 'QD366-HD43', 'member', { events: [disc('2025-06-01', 'khien_trach', { selfDetectedRemedied: true })] }, 'HTXS'],
    ['QĐ 366 > 50% tasks not completed (6/10) → KHT', 'QĐ 366, Điều 11 khoản 4', 'QD366-HD43', 'member', { tasks: { total: 10, onTime: 4, late: 0, exceeding: 0 } }, 'KHT'],
    ['QĐ 366 exactly 50% not completed → no trigger', 'QĐ 366, Điều 11 khoản 4', 'QD366-HD43', 'member', { tasks: { total: 10, onTime: 5, late: 0, exceeding: 0 } }, 'HTXS'],
    ['QĐ 366 civil servant KHT: weighed (basis), not binding', 'QĐ 366, Điều 3 khoản 4', 'QD366-HD43', 'member', { civilServantGrade: 'KHT' }, 'HTXS'],
    // collectives
    ['collective: member disciplined cảnh cáo → KHT', 'HD 21, II.B.3', 'QD132-HD21', 'collective', { memberEvents: [disc('2022-03-03', 'canh_cao')] }, 'KHT'],
    ['collective: member khiển trách only → no trigger', 'HD 21, II.B.3', 'QD132-HD21', 'collective', { memberEvents: [disc('2022-03-03', 'khien_trach')] }, 'HTXS'],
    ['collective: disunity → KHT', 'HD 21, II.B.3', 'QD132-HD21', 'collective', { disunity: true }, 'KHT'],
    ['collective: a member suy thoái → KHT', 'HD 21, II.B.3', 'QD132-HD21', 'collective', { memberEvents: [decline('2022-09-09')] }, 'KHT'],
    ['collective: key targets missed → KHT', 'HD 21, II.B.3', 'QD132-HD21', 'collective', { keyTargetsMissed: true }, 'KHT'],
    ['collective: key targets missed by force majeure → excepted', 'HD 21, II.B.3', 'QD132-HD21', 'collective', { keyTargetsMissed: true, forceMajeure: true }, 'HTXS'],
    ['collective disciplined → KHT', 'HD 21, II.B.3', 'QD132-HD21', 'collective', { events: [disc('2022-10-10', 'khien_trach')] }, 'KHT'],
    ['collective ≤ organisation HT', 'HD 21, II.B.3', 'QD132-HD21', 'collective', { organisationGrade: 'HT' }, 'HT'],
    ['QĐ 124 collective: member khiển trách → KHT', 'QĐ 124, Điều 12 (KHT)', 'QD124-HD25', 'collective', { memberEvents: [disc('2023-03-03', 'khien_trach')] }, 'KHT'],
    ['QĐ 124 collective: 3/10 sub-units disciplined (> 20%) → KHT', 'QĐ 124, Điều 12 (KHT)', 'QD124-HD25', 'collective', { subUnitsDisciplined: { part: 3, total: 10 } }, 'KHT'],
    ['QĐ 124 collective: 2/10 sub-units disciplined (= 20%) → no trigger', 'QĐ 124, Điều 12 (KHT)', 'QD124-HD25', 'collective', { subUnitsDisciplined: { part: 2, total: 10 } }, 'HTXS'],
    ['QĐ 124 collective: < 50% targets alone → no trigger (needs key targets too)', 'QĐ 124, Điều 12 (KHT)', 'QD124-HD25', 'collective', { targets: { part: 4, total: 10 } }, 'HTXS'],
    ['QĐ 124 collective: < 50% targets and key targets missed → KHT', 'QĐ 124, Điều 12 (KHT)', 'QD124-HD25', 'collective', { targets: { part: 4, total: 10 }, keyTargetsMissed: true }, 'KHT'],
    ['QĐ 366 collective: member khiển trách for a duty violation → KHT', 'QĐ 366, Điều 11 khoản 4', 'QD366-HD43', 'collective', { memberEvents: [disc('2025-03-03', 'khien_trach', { dutyRelated: true })] }, 'KHT'],
    ['QĐ 366 collective: member disciplined, not duty-related → no trigger', 'QĐ 366, Điều 11 khoản 4', 'QD366-HD43', 'collective', { memberEvents: [disc('2025-03-03', 'canh_cao')] }, 'HTXS'],
    ['QĐ 366 collective: unit led 69/100 tasks (< 70%) → KHT', 'QĐ 366, Điều 11 khoản 4', 'QD366-HD43', 'collective', { tasks: { total: 100, onTime: 60, late: 9, exceeding: 0 } }, 'KHT'],
    ['QĐ 366 collective: 5 basic targets missed → KHT', 'QĐ 366, Điều 11 khoản 4', 'QD366-HD43', 'collective', { fiveTargetsMissed: true }, 'KHT'],
    // leaders
    ['QĐ 366 leader: 51/100 low-confidence votes → KHT', 'QĐ 366, Điều 11 khoản 4', 'QD366-HD43', 'position', { lowConfidenceVotes: { part: 51, total: 100 } }, 'KHT'],
    ['QĐ 366 leader: 50/100 low-confidence votes → no trigger', 'QĐ 366, Điều 11 khoản 4', 'QD366-HD43', 'position', { lowConfidenceVotes: { part: 50, total: 100 } }, 'HTXS'],
    ['QĐ 366 leader: 3/5 units led KHT → KHT', 'QĐ 366, Điều 11 khoản 4', 'QD366-HD43', 'position', { ledUnitsKht: { part: 3, total: 5 } }, 'KHT'],
    ['QĐ 366 leader: corruption disciplined within the scope → KHT', 'QĐ 366, Điều 11 khoản 4', 'QD366-HD43', 'position', { corruptionInScope: true }, 'KHT'],
    ['HD 21 leader disciplined (verify) → KHT', 'HD 21, II.B.4 [M]', 'QD132-HD21', 'position', { events: [disc('2022-02-02', 'khien_trach')] }, 'KHT'],
    // organisations
    ['organisation < 50% targets → KHT', 'HD 21, II.B.1.3', 'QD132-HD21', 'unit', { targets: { part: 2, total: 5 } }, 'KHT'],
    ['organisation: 79% HTT+ members → at most HTT', 'HD 21, II.B.1.3', 'QD132-HD21', 'unit', { unitKind: 'cell', childGrades: { HTXS: 9, HTT: 70, HT: 21, KHT: 0 } }, 'HTT'],
    ['QĐ 366 organisation: score 89,99 → HTT', 'QĐ 366, Điều 11 khoản 2', 'QD366-HD43', 'unit', { score: { general: 3000, tasks: 5999 }, tasks: { total: 10, onTime: 10, late: 0, exceeding: 5 } }, 'HTT'],
    ['QĐ 366 collective: score 95 but a member disciplined → HTT', 'QĐ 366, Điều 11 khoản 1', 'QD366-HD43', 'collective', { score: { general: 3000, tasks: 6500 }, tasks: { total: 10, onTime: 10, late: 0, exceeding: 5 }, memberEvents: [disc('2025-03-03', 'khien_trach')] }, 'HTT'],
  ])('%s (%s)', (_case, _source, code, kind, facts, expected) => {
    expect(highestAllowedGrade({ ruleSet: getRuleSet(code), subjectKind: kind, facts, period: PERIOD[code] }).grade).toBe(expected);
  });

  it('reason text: "bị kỷ luật khiển trách ngày 12/05/2022 (HD 21, II.B.2.3 (KHT)) → KHT" with the form reason', () => {
    const r = highestAllowedGrade({ ruleSet: getRuleSet('QD132-HD21'), subjectKind: 'member', facts: { events: [disc('2022-05-12', 'khien_trach')] }, period: Y22 });
    expect(r.reasons).toEqual([
      { grade: 'KHT', text: 'bị kỷ luật khiển trách ngày 12/05/2022 (HD 21, II.B.2.3 (KHT)) → KHT', source: 'HD 21, II.B.2.3 (KHT)', binding: true, khtReason: 'disciplined' },
    ]);
  });

  it('sick-leave reason text (HD 21, II.6)', () => {
    const r = highestAllowedGrade({ ruleSet: getRuleSet('QD132-HD21'), subjectKind: 'member', facts: { events: [sick('2022-03-01', '2022-05-31')] }, period: Y22 });
    expect(r.reasons.map((x) => x.text)).toEqual(['nghỉ ốm tổng cộng 3,00 tháng trong năm, từ 03 tháng trở lên (HD 21, II.6 (tiểu mục 6 mục II)) → tối đa HT']);
  });

  it('maternity leave adds a note (HD 43, Mục 7 điểm 7.5)', () => {
    const r = highestAllowedGrade({ ruleSet: getRuleSet('QD366-HD43'), subjectKind: 'member', facts: { events: [{ kind: 'maternity_leave', from: '2025-02-01', to: '2025-07-31' }] }, period: Y25 });
    expect(r.notes).toContain('Nghỉ thai sản: xếp loại theo kết quả thời gian làm việc thực tế trong năm, không giới hạn mức (HD 43, Mục 7 điểm 7.5).');
  });

  it('QĐ 124 sick-leave parameter can be switched off (GUIDE.md §3 "(verify)")', () => {
    const rs = withParameters(getRuleSet('QD124-HD25'), { sickLeave: { ceiling: null } });
    expect(highestAllowedGrade({ ruleSet: rs, subjectKind: 'member', facts: { events: [sick('2023-03-01', '2023-05-31')] }, period: Y23 }).grade).toBe('HTXS');
  });
});

describe('checkProposedGrade', () => {
  it('blocks a grade above a binding ceiling (HD 21, II.B.2.3)', () => {
    const r = checkProposedGrade({ ruleSet: getRuleSet('QD132-HD21'), subjectKind: 'member', proposed: 'HT', facts: { events: [disc('2022-05-12', 'canh_cao')] }, period: Y22 });
    expect(r.errors.map((e) => [e.code, e.grade])).toEqual([['above_ceiling', 'KHT']]);
    expect(r.warnings).toEqual([]);
  });

  it('accepts KHT for a disciplined member (HD 21, II.B.2.3)', () => {
    const r = checkProposedGrade({ ruleSet: getRuleSet('QD132-HD21'), subjectKind: 'member', proposed: 'KHT', facts: { events: [disc('2022-05-12', 'canh_cao')] }, period: Y22 });
    expect([r.errors, r.warnings]).toEqual([[], []]);
  });

  it('a weighed reason is a warning (QĐ 366, Điều 11 khoản 4: self-detected and remedied)', () => {
    const r = checkProposedGrade({ ruleSet: getRuleSet('QD366-HD43'), subjectKind: 'member', proposed: 'HTT', facts: { score: { general: 2500, tasks: 5000 }, events: [disc('2025-06-01', 'khien_trach', { selfDetectedRemedied: true, dutyRelated: true })] }, period: Y25 });
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(['weighed_reason']);
  });

  it('HTXS over the cap is a warning naming its base (HD 21, II.B.2.3; seed 9/37)', () => {
    const r = checkProposedGrade({ ruleSet: getRuleSet('QD132-HD21'), subjectKind: 'member', proposed: 'HTXS', facts: {}, period: Y22, cap: { counts: { HTXS: 9, HTT: 37, HT: 5, KHT: 0 } } });
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(['cap_exceeded']);
    expect(r.warnings[0]?.text).toContain('20% × 37 HTT');
  });

  it('no cap warning on base HTT+HTXS (GUIDE.md §3 cap parameter; seed 9/46)', () => {
    const r = checkProposedGrade({ ruleSet: getRuleSet('QD132-HD21'), subjectKind: 'member', proposed: 'HTXS', facts: {}, period: Y22, cap: { counts: { HTXS: 9, HTT: 37, HT: 5, KHT: 0 }, base: 'HTT+HTXS' } });
    expect(r.warnings).toEqual([]);
  });

  it('blocks a subject that is not graded (HD 21, II.6: new member)', () => {
    const eligibility = { status: 'new_member' as const, reviewed: true, graded: false, reason: 'Kết nạp chưa đủ 06 tháng', source: 'HD 21, II.6' };
    const r = checkProposedGrade({ ruleSet: getRuleSet('QD132-HD21'), subjectKind: 'member', proposed: 'HT', facts: {}, period: Y22, eligibility });
    expect(r.errors.map((e) => e.code)).toEqual(['not_graded']);
  });
});
