import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { buildWorkingCalendar } from '../calendar/working-calendar.js';
import { HOLIDAY_DATA } from '../calendar/holiday-data.js';
import { assertCompetent, assertMayRegrade, type ChainUnit, decidingBody } from './authority.js';
import { calendarWithOverrides } from './calendar-overrides.js';
import { checkDecisionOrder } from './order-rules.js';
import { checkReviewRecord, minimumMeetingHalfDays } from './review-records.js';
import { derivedStage, nextStage, type Stage, type WorkflowAction } from './stages.js';
import { checkChildrenAccepted, nextSubmissionStatus, reportTiming, vietnamDate, assertParentOpen } from './submissions.js';

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
  return 'ok';
}

describe('stage machine (QĐ 366 Điều 12 khoản 1; Điều 13)', () => {
  const cases: [Stage, WorkflowAction, Stage | 'StageInvalid'][] = [
    ['not_started', 'self_assess', 'self_assessed'],
    ['self_assessed', 'opinion', 'opinions'],
    ['opinions', 'opinion', 'opinions'],
    ['self_assessed', 'propose', 'proposed'],
    ['opinions', 'propose', 'proposed'],
    ['proposed', 'appraise', 'appraised'],
    ['proposed', 'decide', 'StageInvalid'],
    ['appraised', 'decide', 'decided'],
    ['decided', 'publish', 'published'],
    ['published', 'regrade', 'published'],
    ['not_started', 'propose', 'StageInvalid'],
    ['self_assessed', 'decide', 'StageInvalid'],
    ['decided', 'regrade', 'StageInvalid'],
    ['proposed', 'publish', 'StageInvalid'],
    ['published', 'decide', 'StageInvalid'],
    ['published', 'propose', 'StageInvalid'],
  ];
  it.each(cases)('%s + %s → %s', (from, action, expected) => {
    if (expected === 'StageInvalid') expect(code(() => nextStage(from, action))).toBe('StageInvalid');
    else expect(nextStage(from, action)).toBe(expected);
  });
  it('Q35/R46: the decision waits for the appraisal under QĐ 124 and QĐ 366 (citing the cycle\'s own regulation), not under HD 21', () => {
    expect(nextStage('proposed', 'decide', 'QD132-HD21')).toBe('decided');
    for (const [ruleSet, cite] of [['QD124-HD25', 'QĐ 124, Điều 11'], ['QD366-HD43', 'QĐ 366, Điều 12 khoản 1']] as const) {
      try {
        nextStage('proposed', 'decide', ruleSet);
        expect.unreachable('a decision straight after the proposal');
      } catch (e) {
        expect(e instanceof AppError ? [e.code, e.messages.vi.includes(cite), e.messages.vi.includes('đã thẩm định')] : e).toEqual(['StageInvalid', true, true]);
      }
      expect(nextStage('appraised', 'decide', ruleSet)).toBe('decided');
    }
  });
  it('derives the stage of an evaluation the workflow never tracked from its grades', () => {
    expect(derivedStage({ selfGrade: null, proposedGrade: null, decidedGrade: null })).toBe('not_started');
    expect(derivedStage({ selfGrade: 'HTT', proposedGrade: null, decidedGrade: null })).toBe('self_assessed');
    expect(derivedStage({ selfGrade: 'HTT', proposedGrade: 'HTT', decidedGrade: null })).toBe('proposed');
    expect(derivedStage({ selfGrade: null, proposedGrade: null, decidedGrade: 'HT' })).toBe('published');
  });
});

describe('competent authority (GUIDE.md §4.7; HD 43 Mục 3)', () => {
  const u = (id: string, kind: ChainUnit['kind']): ChainUnit => ({ id, code: id, name: `Đơn vị ${id}`, kind });
  const TU = u('TU', 'province_committee');
  const HU = u('HU', 'district_committee');
  const DU = u('DU', 'grassroots_committee');
  const BP = u('BP', 'sub_committee');
  const CB = u('CB', 'cell');
  const CBCS = u('CBCS', 'grassroots_cell');
  const cases: [string, Parameters<typeof decidingBody>[0], string | null][] = [
    ['member of a cell under a committee → the grassroots committee', { subjectKind: 'member', chain: [CB, DU, HU, TU], ruleSet: 'QD132-HD21' }, 'DU'],
    ['member of a cell under a sub-committee → the grassroots committee', { subjectKind: 'member', chain: [CB, BP, DU, HU, TU], ruleSet: 'QD132-HD21' }, 'DU'],
    ['member of a grassroots cell → that cell', { subjectKind: 'member', chain: [CBCS, HU, TU], ruleSet: 'QD132-HD21' }, 'CBCS'],
    ['cell under a committee → the grassroots committee', { subjectKind: 'unit', chain: [CB, DU, HU, TU], ruleSet: 'QD132-HD21' }, 'DU'],
    ['cell under a sub-committee → the grassroots committee', { subjectKind: 'unit', chain: [CB, BP, DU, HU, TU], ruleSet: 'QD366-HD43' }, 'DU'],
    ['grassroots committee → the level above', { subjectKind: 'unit', chain: [DU, HU, TU], ruleSet: 'QD132-HD21' }, 'HU'],
    ['grassroots committee directly under the province (2025) → the province', { subjectKind: 'unit', chain: [DU, TU], ruleSet: 'QD366-HD43' }, 'TU'],
    ['district → the province', { subjectKind: 'unit', chain: [HU, TU], ruleSet: 'QD132-HD21' }, 'TU'],
    ['province → outside the tree', { subjectKind: 'unit', chain: [TU], ruleSet: 'QD132-HD21' }, null],
    ['commune party committee collective → the district', { subjectKind: 'collective', chain: [DU, HU, TU], ruleSet: 'QD132-HD21', collectiveKind: 'cap_uy' }, 'HU'],
    ['commune MTTQ → the district', { subjectKind: 'collective', chain: [DU, HU, TU], ruleSet: 'QD132-HD21', collectiveKind: 'mttq' }, 'HU'],
    ['chi ủy of a cell under a committee → the grassroots committee', { subjectKind: 'collective', chain: [CB, DU, HU, TU], ruleSet: 'QD132-HD21', collectiveKind: 'cap_uy' }, 'DU'],
    ['district standing committee → the province', { subjectKind: 'collective', chain: [HU, TU], ruleSet: 'QD132-HD21', collectiveKind: 'cap_uy' }, 'TU'],
    ['district department leadership → the district', { subjectKind: 'collective', chain: [HU, TU], ruleSet: 'QD132-HD21', collectiveKind: 'phong_ban' }, 'HU'],
    ['commune secretary → the district', { subjectKind: 'position', chain: [DU, HU, TU], ruleSet: 'QD132-HD21', positionGroup: 'co_so.bi_thu' }, 'HU'],
    ['district secretary → the province', { subjectKind: 'position', chain: [HU, TU], ruleSet: 'QD132-HD21', positionGroup: 'huyen.bi_thu' }, 'TU'],
    ['district department head → the district', { subjectKind: 'position', chain: [HU, TU], ruleSet: 'QD132-HD21', positionGroup: 'huyen.truong_phong_khac' }, 'HU'],
    ['a deciding unit set on the position wins', { subjectKind: 'position', chain: [HU, TU], ruleSet: 'QD132-HD21', positionGroup: 'huyen.pho_phong', positionDecidingUnit: TU }, 'TU'],
  ];
  it.each(cases)('%s', (_, input, expected) => {
    expect(decidingBody(input).unit?.code ?? null).toBe(expected);
  });
  it('refuses a body without authority, names the competent one; a re-grade may come from above', () => {
    const body = decidingBody({ subjectKind: 'member', chain: [CB, DU, HU, TU], ruleSet: 'QD132-HD21' });
    expect(code(() => assertCompetent(body, HU))).toBe('NotCompetentAuthority');
    expect(code(() => assertCompetent(body, CB))).toBe('NotCompetentAuthority');
    expect(code(() => assertCompetent(body, DU))).toBe('ok');
    const chain = [CB, DU, HU, TU];
    expect(code(() => assertMayRegrade({ body, chain, by: HU }))).toBe('ok');
    expect(code(() => assertMayRegrade({ body, chain, by: DU }))).toBe('ok');
    expect(code(() => assertMayRegrade({ body, chain, by: CB }))).toBe('NotCompetentAuthority');
  });
});

describe('order rules (QĐ 366 Điều 12 khoản 2)', () => {
  const p = (label: string, eligibility: 'eligible' | 'pending' | 'exempt' | 'higher_level', decided: boolean) => ({ label, eligibility, decided });
  it.each([
    ['all decided', [p('A', 'eligible', true), p('B', 'eligible', true)], 0, 0],
    ['one eligible undecided blocks', [p('A', 'eligible', true), p('B', 'eligible', false)], 1, 0],
    ['a pending one only warns', [p('A', 'eligible', true), p('B', 'pending', false)], 0, 1],
    ['exempt and higher-level subjects do not count', [p('A', 'exempt', false), p('B', 'higher_level', false)], 0, 0],
  ] as const)('%s', (_, items, errors, warnings) => {
    const r = checkDecisionOrder([{ rule: 3, noun: 'đảng viên', items }]);
    expect([r.errors.length, r.warnings.length]).toEqual([errors, warnings]);
  });
  it('words the finding in Vietnamese, citing the rule', () => {
    const r = checkDecisionOrder([{ rule: 1, noun: 'tập thể cấp ủy', items: [p('Đảng ủy xã X', 'eligible', false)] }]);
    expect(r.errors[0]?.text).toContain('1/1 tập thể cấp ủy chưa được quyết định xếp loại: Đảng ủy xã X');
    expect(r.errors[0]?.text).toContain('QĐ 366, Điều 12 khoản 2 (1)');
  });
});

describe('submission machine (GUIDE.md §4.9)', () => {
  it.each([
    ['none', 'submit', 'submitted'],
    ['draft', 'submit', 'submitted'],
    ['returned', 'submit', 'submitted'],
    ['submitted', 'return', 'returned'],
    ['submitted', 'accept', 'accepted'],
    ['accepted', 'lock', 'locked'],
    ['none', 'draft', 'draft'],
    ['submitted', 'submit', 'SubmissionStateInvalid'],
    ['accepted', 'submit', 'SubmissionStateInvalid'],
    ['locked', 'submit', 'SubmissionStateInvalid'],
    ['draft', 'accept', 'SubmissionStateInvalid'],
    ['submitted', 'lock', 'SubmissionStateInvalid'],
  ] as const)('%s + %s → %s', (from, action, expected) => {
    if (expected === 'SubmissionStateInvalid') expect(code(() => nextSubmissionStatus(from, action, 'X'))).toBe(expected);
    else expect(nextSubmissionStatus(from, action, 'X')).toBe(expected);
  });
  it('accepts a parent only after its children, or with a reasoned exception', () => {
    const children = [
      { code: 'A', status: 'accepted' as const },
      { code: 'B', status: 'submitted' as const },
      { code: 'C', status: 'none' as const },
    ];
    expect(code(() => checkChildrenAccepted({ unitCode: 'P', children }))).toBe('ChildrenNotAccepted');
    expect(code(() => checkChildrenAccepted({ unitCode: 'P', children, exceptions: [{ unitCode: 'C', reason: 'Đã sáp nhập' }] }))).toBe('ChildrenNotAccepted');
    expect(code(() => checkChildrenAccepted({ unitCode: 'P', children, exceptions: [{ unitCode: 'B', reason: ' ' }, { unitCode: 'C', reason: 'x' }] }))).toBe('ReasonRequired');
    expect(code(() => checkChildrenAccepted({ unitCode: 'P', children, exceptions: [{ unitCode: 'Z', reason: 'x' }] }))).toBe('ValidationFailed');
    const used = checkChildrenAccepted({ unitCode: 'P', children: [children[0]!, { code: 'C', status: 'none' }], exceptions: [{ unitCode: 'C', reason: ' Chỉ báo cáo số liệu ' }] });
    expect(used).toEqual([{ unitCode: 'C', reason: 'Chỉ báo cáo số liệu' }]);
  });
  it('refuses anything below a locked parent', () => {
    expect(code(() => assertParentOpen({ parentStatus: 'locked', parentCode: 'P', unitCode: 'C' }))).toBe('SubmissionLocked');
    expect(code(() => assertParentOpen({ parentStatus: 'accepted', parentCode: 'P', unitCode: 'C' }))).toBe('ok');
  });
  it('times a report in Vietnamese local dates and working days across a weekend and New Year', () => {
    expect(vietnamDate('2023-12-08T16:59:00.000Z')).toBe('2023-12-08');
    expect(vietnamDate('2023-12-08T17:00:00.000Z')).toBe('2023-12-09');
    // Deadline Fri 29/12/2023; submitted Tue 02/01/2024: Sat, Sun, Mon 01/01 (Tết Dương lịch) are not working days.
    expect(reportTiming({ status: 'submitted', submittedAt: '2024-01-02T02:00:00.000Z', deadline: '2023-12-29' })).toMatchObject({ status: 'late', workingDaysLate: 1, calendarDaysLate: 4 });
    expect(reportTiming({ status: 'accepted', submittedAt: '2023-12-29T16:30:00.000Z', deadline: '2023-12-29' })).toMatchObject({ status: 'on_time' });
    expect(reportTiming({ status: 'returned', submittedAt: '2023-12-01T02:00:00.000Z', deadline: '2023-12-29' })).toMatchObject({ status: 'missing' });
    expect(reportTiming({ status: 'none', submittedAt: null, deadline: null })).toBeNull();
  });
});

describe('review records (HD 43 Mục 2; GUIDE.md §4.4)', () => {
  const collective = { kind: 'collective' as const, collectiveKind: 'phong_ban' as const, level: 'huyen' as const, unitKind: 'district_committee' as const, orgType: null };
  const base = { ruleSet: 'QD132-HD21' as const, subject: collective, meetingStart: '2023-01-30', meetingEnd: '2023-01-30', durationHalfDays: 2 };
  it.each([
    // Meeting Mon 30/01/2023 after Tết (20–26/01): the 3 working days before it are Fri 27, Thu 19 and Wed 18.
    ['circulated Wed 18/01 (27/01, 19/01, 18/01 are the 3 working days): on time', '2023-01-18', []],
    ['circulated Thu 19/01: late (Tết 20–26/01 does not count)', '2023-01-19', ['draft_late']],
    ['circulated Fri 27/01: late', '2023-01-27', ['draft_late']],
  ] as const)('%s', (_, on, codes) => {
    const r = checkReviewRecord({ ...base, draftCirculatedOn: on });
    expect(r.latestCirculation).toBe('2023-01-18');
    expect(r.findings.map((f) => f.code)).toEqual(codes);
  });
  it('crosses a weekend: meeting Mon 11/12/2023 → circulated by Wed 06/12', () => {
    const r = checkReviewRecord({ ...base, meetingStart: '2023-12-11', meetingEnd: '2023-12-11', draftCirculatedOn: '2023-12-07' });
    expect(r.latestCirculation).toBe('2023-12-06');
    expect(r.findings.map((f) => f.code)).toEqual(['draft_late']);
  });
  it.each([
    ['QD132-HD21', { ...collective, collectiveKind: 'cap_uy' as const }, 3],
    ['QD132-HD21', { kind: 'collective' as const, collectiveKind: 'cap_uy' as const, level: 'co_so' as const, unitKind: 'grassroots_committee' as const, orgType: 'xa' as const }, 3],
    ['QD132-HD21', collective, 2],
    ['QD366-HD43', { ...collective, collectiveKind: 'cap_uy' as const, level: 'tinh' as const }, 4],
    ['QD366-HD43', { ...collective, collectiveKind: 'cap_uy' as const }, 2],
  ] as const)('minimum meeting length under %s', (ruleSet, subject, halfDays) => {
    expect(minimumMeetingHalfDays(ruleSet, subject).halfDays).toBe(halfDays);
  });
  it('flags a short meeting, refuses impossible dates naming the field', () => {
    const standing = { ...collective, collectiveKind: 'cap_uy' as const };
    const r = checkReviewRecord({ ...base, subject: standing, draftCirculatedOn: '2023-01-10' });
    expect(r.findings.map((f) => f.code)).toEqual(['too_short']);
    expect(r.findings[0]?.text).toContain('1 ngày, dưới mức');
    expect(code(() => checkReviewRecord({ ...base, meetingEnd: '2023-01-29', draftCirculatedOn: null }))).toBe('ValidationFailed');
    expect(code(() => checkReviewRecord({ ...base, durationHalfDays: 3, draftCirculatedOn: null }))).toBe('ValidationFailed');
  });
});

describe('calendar overrides (GUIDE.md §4.9)', () => {
  it('adds a configured day off and a configured working day on top of the holiday data', () => {
    const cal = calendarWithOverrides([
      { date: '2023-11-24', kind: 'day_off', name: 'Ngày Văn hóa Việt Nam' },
      { date: '2023-12-09', kind: 'working_day', name: 'Làm bù' },
    ]);
    expect(reportTiming({ status: 'submitted', submittedAt: '2023-11-27T02:00:00.000Z', deadline: '2023-11-23', calendar: cal })).toMatchObject({ workingDaysLate: 1 });
    expect(reportTiming({ status: 'submitted', submittedAt: '2023-11-27T02:00:00.000Z', deadline: '2023-11-23', calendar: buildWorkingCalendar(HOLIDAY_DATA) })).toMatchObject({ workingDaysLate: 2 });
    expect(reportTiming({ status: 'submitted', submittedAt: '2023-12-09T02:00:00.000Z', deadline: '2023-12-08', calendar: cal })).toMatchObject({ workingDaysLate: 1 });
  });
});
