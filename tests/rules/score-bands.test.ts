import { describe, expect, it } from 'vitest';
import type { Grade } from '../../src/domain/codes.js';
import { isAppError } from '../../src/domain/errors.js';
import { getRuleSet, gradeFromScore, type Score, type TaskCounts } from '../../src/domain/rules/index.js';

const bands = getRuleSet('QD366-HD43').scoring!;
const pts = (total: number): Score => ({ general: Math.min(3000, total), tasks: Math.max(0, total - 3000) });
const tasks = (total: number, onTime: number, late: number, exceeding: number): TaskCounts => ({ total, onTime, late, exceeding });
const PERFECT = tasks(10, 10, 0, 3);

describe('gradeFromScore (QĐ 366, Điều 11)', () => {
  it.each<[string, string, number, TaskCounts, boolean, boolean, Grade]>([
    ['90,00 with all conditions → HTXS', 'QĐ 366, Điều 11 khoản 1', 9000, PERFECT, true, false, 'HTXS'],
    ['89,99 → HTT', 'QĐ 366, Điều 11 khoản 1–2', 8999, PERFECT, true, false, 'HTT'],
    ['70,00 with 100% on time → HTT', 'QĐ 366, Điều 11 khoản 2', 7000, PERFECT, true, false, 'HTT'],
    ['69,99 → HT', 'QĐ 366, Điều 11 khoản 2–3', 6999, PERFECT, true, false, 'HT'],
    ['50,00 → HT', 'QĐ 366, Điều 11 khoản 3', 5000, PERFECT, true, false, 'HT'],
    ['49,99 → KHT', 'QĐ 366, Điều 11 khoản 4', 4999, PERFECT, true, false, 'KHT'],
    ['95 with 99/100 on time → not HTXS, not HTT: HT (1% late ≤ 20%)', 'QĐ 366, Điều 11 khoản 1–3', 9500, tasks(100, 99, 1, 40), true, false, 'HT'],
    ['95 with 100/100 on time → HTXS', 'QĐ 366, Điều 11 khoản 1', 9500, tasks(100, 100, 0, 30), true, false, 'HTXS'],
    ['95 with 30,00% exceeding → HTXS', 'QĐ 366, Điều 11 khoản 1', 9500, tasks(10000, 10000, 0, 3000), true, false, 'HTXS'],
    ['95 with 29,99% exceeding → HTT', 'QĐ 366, Điều 11 khoản 1', 9500, tasks(10000, 10000, 0, 2999), true, false, 'HTT'],
    ['95 with shortcomings not all remedied → HTT', 'QĐ 366, Điều 11 khoản 1.4', 9500, PERFECT, false, false, 'HTT'],
    ['95, collective with a member disciplined → HTT', 'QĐ 366, Điều 11 khoản 1', 9500, PERFECT, true, true, 'HTT'],
    ['60 with 20,00% late → HT', 'QĐ 366, Điều 11 khoản 3', 6000, tasks(10000, 8000, 2000, 0), true, false, 'HT'],
    ['60 with 20,01% late → KHT', 'QĐ 366, Điều 11 khoản 3', 6000, tasks(10000, 7999, 2001, 0), true, false, 'KHT'],
    ['60 with one task not completed → KHT', 'QĐ 366, Điều 11 khoản 3', 6000, tasks(10, 9, 0, 0), true, false, 'KHT'],
    ['80 with 1 late task → HT (band HTT needs 100% on time)', 'QĐ 366, Điều 11 khoản 2–3', 8000, tasks(10, 9, 1, 0), true, false, 'HT'],
  ])('%s (%s)', (_case, _source, total, t, remedied, disciplined, expected) => {
    const r = gradeFromScore({ bands, score: pts(total), tasks: t, shortcomingsRemedied: remedied, anyoneDisciplined: disciplined });
    expect(r.grade).toBe(expected);
    expect(r.total).toBe(total);
  });

  it('explains the band and the unmet condition (QĐ 366, Điều 11)', () => {
    const r = gradeFromScore({ bands, score: { general: 2800, tasks: 6199 }, tasks: tasks(100, 99, 1, 40) });
    expect(r.band).toBe('HTT');
    expect(r.reasons.map((x) => x.text)).toEqual([
      'tổng điểm 89,99 < 90,00 (QĐ 366, Điều 11 khoản 2) → HTT',
      '99/100 nhiệm vụ hoàn thành đúng hạn, chưa đạt 100% (QĐ 366, Điều 11 khoản 2) → HT',
    ]);
  });

  it.each([
    ['general above 30 points', 'QĐ 366, Điều 10 (30 + 70 điểm)', { general: 3001, tasks: 0 }, PERFECT],
    ['fractional hundredths', 'QĐ 366, Điều 10', { general: 2500.5, tasks: 0 }, PERFECT],
    ['more completed than total', 'QĐ 366, Điều 11', { general: 0, tasks: 0 }, tasks(5, 5, 1, 0)],
  ])('rejects %s (%s)', (_case, _source, score, t) => {
    try {
      gradeFromScore({ bands, score, tasks: t });
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('ValidationFailed');
    }
  });
});
