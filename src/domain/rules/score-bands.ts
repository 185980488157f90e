/**
 * QĐ 366 Điều 11: a grade is a score band AND the band's task conditions (GUIDE.md §3). Scores are
 * integer hundredths (89,99 points = 8999) and task shares are compared as integer cross-products,
 * so no floating-point comparison happens at a boundary.
 */
import { GRADES, type Grade } from '../codes.js';
import { AppError } from '../errors.js';
import { SRC } from './sources.js';
import type { CeilingReason, Score, ScoreBands, TaskCounts } from './types.js';

/** Writes hundredths as Vietnamese points: 8999 → "89,99". */
export function formatPoints(hundredths: number): string {
  const whole = Math.trunc(hundredths / 100);
  const cents = String(Math.abs(hundredths % 100)).padStart(2, '0');
  return `${whole},${cents}`;
}

function invalid(vi: string, en: string): AppError {
  return new AppError('ValidationFailed', { vi, en });
}

/** Checks counts are non-negative integers with onTime + late ≤ total and exceeding ≤ completed. */
export function validateTaskCounts(t: TaskCounts): void {
  const values = [t.total, t.onTime, t.late, t.exceeding];
  if (!values.every((v) => Number.isInteger(v) && v >= 0) || t.onTime + t.late > t.total || t.exceeding > t.onTime + t.late) {
    throw invalid('Số nhiệm vụ không hợp lệ.', `Invalid task counts ${JSON.stringify(t)}.`);
  }
}

/** Checks a score: integer hundredths within 0–30 and 0–70 points. */
export function validateScore(s: Score, bands: ScoreBands): void {
  const ok = (v: number, max: number) => Number.isInteger(v) && v >= 0 && v <= max;
  if (!ok(s.general, bands.generalMax) || !ok(s.tasks, bands.tasksMax)) {
    throw invalid('Điểm không hợp lệ (tiêu chí chung ≤ 30, kết quả nhiệm vụ ≤ 70, tính theo phần trăm điểm).', `Invalid score ${JSON.stringify(s)}.`);
  }
}

function bandOf(total: number, b: ScoreBands): Grade {
  if (total >= b.htxsMin) return 'HTXS';
  if (total >= b.httMin) return 'HTT';
  if (total >= b.htMin) return 'HT';
  return 'KHT';
}

/** The first unmet condition of a grade's band, or undefined when all are met. */
function unmetCondition(grade: Grade, t: TaskCounts, b: ScoreBands, extra: { shortcomingsRemedied: boolean; anyoneDisciplined: boolean }): string | undefined {
  const notCompleted = t.total - t.onTime - t.late;
  if (grade === 'HTXS' || grade === 'HTT') {
    if (t.onTime !== t.total) return `${t.onTime}/${t.total} nhiệm vụ hoàn thành đúng hạn, chưa đạt 100%`;
  }
  if (grade === 'HTXS') {
    if (t.exceeding * 100 < b.htxsExceedingPercent * t.total) return `${t.exceeding}/${t.total} nhiệm vụ vượt mức, dưới ${b.htxsExceedingPercent}%`;
    if (!extra.shortcomingsRemedied) return 'chưa khắc phục 100% hạn chế, khuyết điểm kỳ trước';
    if (extra.anyoneDisciplined) return 'có đơn vị trực thuộc hoặc thành viên bị kỷ luật';
  }
  if (grade === 'HT') {
    if (notCompleted > 0) return `${notCompleted}/${t.total} nhiệm vụ không hoàn thành`;
    if (t.late * 100 > b.htLatePercent * t.total) return `${t.late}/${t.total} nhiệm vụ chưa bảo đảm tiến độ, trên ${b.htLatePercent}%`;
  }
  return undefined;
}

const BAND_SOURCE: Record<Grade, string> = { HTXS: SRC.QD366_HTXS, HTT: SRC.QD366_HTT, HT: SRC.QD366_HT, KHT: SRC.QD366_KHT };

/**
 * The grade a QĐ 366 score and task counts allow: the score band, lowered to the highest grade
 * whose conditions are met when the band's conditions fail (rules_2025.md §6 [D]: QĐ 366 does not
 * say what happens then; the reason names the unmet condition for the competent level).
 */
export function gradeFromScore(input: {
  bands: ScoreBands;
  score: Score;
  tasks: TaskCounts;
  shortcomingsRemedied?: boolean;
  anyoneDisciplined?: boolean;
}): { grade: Grade; band: Grade; total: number; reasons: CeilingReason[] } {
  const { bands, score, tasks } = input;
  validateScore(score, bands);
  validateTaskCounts(tasks);
  const total = score.general + score.tasks;
  const band = bandOf(total, bands);
  const extra = { shortcomingsRemedied: input.shortcomingsRemedied ?? true, anyoneDisciplined: input.anyoneDisciplined ?? false };
  const reasons: CeilingReason[] = [];
  if (band !== 'HTXS') {
    const next = GRADES[GRADES.indexOf(band) - 1] ?? 'HTXS';
    const text = `tổng điểm ${formatPoints(total)} < ${formatPoints(minOf(next, bands))} (${BAND_SOURCE[band]}) → ${band}`;
    reasons.push({ grade: band, text, source: BAND_SOURCE[band], binding: true });
  }
  let grade: Grade = band;
  while (grade !== 'KHT') {
    const unmet = unmetCondition(grade, tasks, bands, extra);
    if (!unmet) break;
    const lower = GRADES[GRADES.indexOf(grade) + 1] ?? 'KHT';
    if (lower === 'KHT') {
      // rules-audit.md R12 [A]: a score of HT or above whose HT conditions are unmet is not in Điều 11 k4's KHT list (for individuals
      // "> 50% nhiệm vụ không hoàn thành"); the sources are silent, so the drop is weighed by the competent level, not automatic.
      const source = `${BAND_SOURCE[grade]} — nguồn không quy định khi điểm và điều kiện không khớp (cách đọc: cấp có thẩm quyền cân nhắc)`;
      reasons.push({ grade: lower, text: `${unmet} (${source}) → cân nhắc ${lower}`, source, binding: false });
      grade = lower;
      break;
    }
    reasons.push({ grade: lower, text: `${unmet} (${BAND_SOURCE[grade]}) → ${lower}`, source: BAND_SOURCE[grade], binding: true });
    grade = lower;
  }
  return { grade, band, total, reasons };
}

function minOf(grade: Grade, b: ScoreBands): number {
  return grade === 'HTXS' ? b.htxsMin : grade === 'HTT' ? b.httMin : b.htMin;
}
