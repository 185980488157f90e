import { describe, expect, it } from 'vitest';
import type { Eligibility, RuleSetCode, SubjectKind } from '../../src/domain/codes.js';
import { isAppError } from '../../src/domain/errors.js';
import { computeEligibility, getRuleSet, overrideEligibility, withParameters, type DatedEvent } from '../../src/domain/rules/index.js';

const exempt: DatedEvent = { kind: 'exempt', from: '2021-03-01' };
const suspendedEnded: DatedEvent = { kind: 'suspended', from: '2022-01-10', to: '2022-06-30' };
const suspended: DatedEvent = { kind: 'suspended', from: '2022-10-01' };

type Row = [string, string, RuleSetCode, SubjectKind, { admittedOn?: string; foundedOn?: string }, { events?: DatedEvent[]; absent?: boolean }, string, Eligibility, boolean, boolean];

describe('computeEligibility', () => {
  it.each<Row>([
    ['exempt member: neither reviewed nor graded', 'HD 21 [no section]; QĐ 24-QĐ/TW §7', 'QD132-HD21', 'member', {}, { events: [exempt] }, '2022-12-15', 'exempt', false, false],
    ['exempt member under QĐ 124', 'QĐ 124, Điều 5', 'QD124-HD25', 'member', {}, { events: [exempt] }, '2023-12-15', 'exempt', false, false],
    ['exempt member under QĐ 366', 'QĐ 366, Điều 5 khoản 2', 'QD366-HD43', 'member', {}, { events: [exempt] }, '2025-12-15', 'exempt', false, false],
    ['suspended covering the date', 'HD 21 [no section]', 'QD132-HD21', 'member', {}, { events: [suspended] }, '2022-12-15', 'suspended', false, false],
    ['suspension ended before the date: eligible', 'HD 21 [no section]', 'QD132-HD21', 'member', {}, { events: [suspendedEnded] }, '2022-12-15', 'eligible', true, true],
    ['suspended under QĐ 366', 'QĐ 366, Điều 5 khoản 2', 'QD366-HD43', 'position', {}, { events: [suspended] }, '2025-12-15', 'suspended', false, false],
    ['new member < 6 months, HD 21: reviewed, not graded', 'HD 21, II.6', 'QD132-HD21', 'member', { admittedOn: '2022-06-16' }, {}, '2022-12-15', 'new_member', true, false],
    ['member admitted exactly 6 months before: eligible', 'HD 21, II.6', 'QD132-HD21', 'member', { admittedOn: '2022-06-15' }, {}, '2022-12-15', 'eligible', true, true],
    ['new member < 6 months, QĐ 124: not reviewed', 'QĐ 124, Điều 5', 'QD124-HD25', 'member', { admittedOn: '2023-07-01' }, {}, '2023-12-15', 'new_member', false, false],
    ['new member < 6 months, QĐ 366: not reviewed', 'QĐ 366, Điều 5 khoản 2', 'QD366-HD43', 'member', { admittedOn: '2025-07-01' }, {}, '2025-12-15', 'new_member', false, false],
    ['cell founded < 6 months, HD 21: not graded', 'HD 21, II.6', 'QD132-HD21', 'unit', { foundedOn: '2022-09-01' }, {}, '2022-12-15', 'new_unit', false, false],
    ['collective founded < 6 months, QĐ 124 (verify): not graded', 'HD 25 [verify]', 'QD124-HD25', 'collective', { foundedOn: '2023-09-01' }, {}, '2023-12-15', 'new_unit', false, false],
    ['unit founded < 6 months, QĐ 366 parameter default: not graded', 'QĐ 366 / HD 43 [no rule: parameter]', 'QD366-HD43', 'unit', { foundedOn: '2025-07-01' }, {}, '2025-12-15', 'new_unit', false, false],
    ['unit founded 6 months before: eligible', 'HD 21, II.6', 'QD132-HD21', 'unit', { foundedOn: '2022-06-15' }, {}, '2022-12-15', 'eligible', true, true],
    ['absent: pending, to be graded later', 'HD 21, II.6', 'QD132-HD21', 'member', {}, { absent: true }, '2022-12-15', 'pending', true, true],
    ['exempt wins over absent', 'HD 21 [no section]', 'QD132-HD21', 'member', {}, { events: [exempt], absent: true }, '2022-12-15', 'exempt', false, false],
  ])('%s (%s)', (_case, _source, code, kind, subject, facts, date, status, reviewed, graded) => {
    const r = computeEligibility({ ruleSet: getRuleSet(code), subject: { kind, ...subject }, facts, referenceDate: date });
    expect([r.status, r.reviewed, r.graded]).toEqual([status, reviewed, graded]);
    expect(r.source.length).toBeGreaterThan(0);
  });

  it('reason cites the source in Vietnamese (HD 21, II.6)', () => {
    const r = computeEligibility({ ruleSet: getRuleSet('QD132-HD21'), subject: { kind: 'member', admittedOn: '2022-08-20' }, referenceDate: '2022-12-15' });
    expect(r.reason).toBe('Kết nạp ngày 20/08/2022, chưa đủ 06 tháng đến ngày 15/12/2022 (HD 21, II.6 (tiểu mục 6 mục II)): vẫn kiểm điểm, không xếp loại.');
  });

  it('QĐ 366 new-unit parameter set to graded (QĐ 366 / HD 43: no rule found — parameter)', () => {
    const rs = withParameters(getRuleSet('QD366-HD43'), { eligibility: { newUnit: { graded: true } } });
    const r = computeEligibility({ ruleSet: rs, subject: { kind: 'unit', foundedOn: '2025-07-01' }, referenceDate: '2025-12-15' });
    expect([r.status, r.graded]).toEqual(['eligible', true]);
  });
});

describe('overrideEligibility (GUIDE.md §4.8: who, when, old, new, why)', () => {
  const computed = computeEligibility({ ruleSet: getRuleSet('QD132-HD21'), subject: { kind: 'member' }, facts: { absent: true }, referenceDate: '2022-12-15' });

  it('returns the overridden result and an audit entry', () => {
    const { result, audit } = overrideEligibility({ computed, to: { status: 'exempt', reviewed: false, graded: false }, reason: ' Quyết định miễn số 12-QĐ/ĐU ', by: 'u1', at: '2022-12-20T09:00' });
    expect(result).toEqual({ status: 'exempt', reviewed: false, graded: false, reason: 'Điều chỉnh: Quyết định miễn số 12-QĐ/ĐU', source: 'override by u1' });
    expect(audit).toMatchObject({ action: 'eligibility_override', by: 'u1', old: { status: 'pending' }, new: { status: 'exempt' }, reason: 'Quyết định miễn số 12-QĐ/ĐU' });
  });

  it('refuses a blank reason', () => {
    try {
      overrideEligibility({ computed, to: { status: 'eligible', reviewed: true, graded: true }, reason: '  ', by: 'u1', at: 'x' });
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('ReasonRequired');
    }
  });
});
