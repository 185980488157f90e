/**
 * Facts of a subject the grading check reads beside its evaluation, entered with the self-assessment,
 * the proposal or a plain edit: QĐ 366 task counts (Điều 11: tasks on time, late, exceeding), a
 * member's or leader's grade as civil servant (HD 21, II.B.2.3; QĐ 366 Điều 4: "là cơ sở"), and a
 * collective's or organisation's own discipline in the year (HD 21, II.B.1.3 / II.B.3.3; QĐ 124
 * Điều 12). Pure: validation against the subject kind and the rule set.
 */
import { DISCIPLINE_LEVELS, type DisciplineLevel, type Grade, type RuleSetCode, type SubjectKind } from '../codes.js';
import { AppError } from '../errors.js';
import { isIsoDate } from '../calendar/iso-date.js';
import { parseGrade } from '../model/evaluations.js';
import type { TaskCounts } from '../rules/types.js';

/** A subject's own discipline (a collective or organisation disciplined), dated. */
export interface OwnDiscipline {
  level: DisciplineLevel;
  on: string;
  /** For a violation the collective or organisation detected and remedied itself (HD 21 II.B.1.3; QĐ 124 Điều 12). */
  selfDetectedRemedied?: boolean;
}

/** The stored facts; null = not recorded. */
export interface SubjectFacts {
  tasks: TaskCounts | null;
  civilServantGrade: Grade | null;
  discipline: OwnDiscipline | null;
}

/** A change of facts as a caller gives it: undefined keeps, null clears. */
export interface SubjectFactsInput {
  tasks?: TaskCounts | null | undefined;
  civilServantGrade?: string | null | undefined;
  discipline?: { level: string; on: string; selfDetectedRemedied?: boolean | undefined } | null | undefined;
}

export function emptyFacts(): SubjectFacts {
  return { tasks: null, civilServantGrade: null, discipline: null };
}

function invalid(field: string, vi: string, en: string): AppError {
  return new AppError('ValidationFailed', { vi, en }, { field });
}

function checkTasks(t: TaskCounts, ruleSet: RuleSetCode): TaskCounts {
  if (ruleSet === 'QD132-HD21') {
    throw invalid('tasks', `Bộ quy định ${ruleSet} không đọc số nhiệm vụ (chỉ QĐ 124, Điều 12: HTXS cá nhân; QĐ 366, Điều 11); ghi tỉ lệ chỉ tiêu hoàn thành ở dữ kiện «targetsCompleted».`, `Rule set ${ruleSet} has no task counts.`);
  }
  const values = [t.total, t.onTime, t.late, t.exceeding];
  if (!values.every((v) => Number.isInteger(v) && v >= 0) || t.onTime + t.late > t.total || t.exceeding > t.onTime + t.late) {
    throw invalid(
      'tasks',
      'Số nhiệm vụ không hợp lệ: số nguyên không âm; đúng hạn + chậm ≤ tổng số; vượt mức ≤ số đã hoàn thành.',
      `Invalid task counts ${JSON.stringify(t)}: non-negative integers, onTime + late ≤ total, exceeding ≤ completed.`,
    );
  }
  return { total: t.total, onTime: t.onTime, late: t.late, exceeding: t.exceeding };
}

function checkDiscipline(d: { level: string; on: string; selfDetectedRemedied?: boolean | undefined }, kind: SubjectKind): OwnDiscipline {
  if (kind !== 'collective' && kind !== 'unit') {
    throw invalid('discipline', 'Kỷ luật của cá nhân ghi ở sự kiện của đảng viên (/api/persons/:card/events), không ghi ở phiếu.', 'A person’s discipline is a person event, not an evaluation fact.');
  }
  if (!(DISCIPLINE_LEVELS as readonly string[]).includes(d.level)) {
    throw invalid('discipline.level', `Hình thức kỷ luật «${d.level}» không hợp lệ (${DISCIPLINE_LEVELS.join(', ')}).`, `Invalid discipline level "${d.level}".`);
  }
  if (!isIsoDate(d.on)) throw invalid('discipline.on', `Ngày «${d.on}» không hợp lệ (dạng YYYY-MM-DD).`, `"${d.on}" is not a valid date.`);
  return { level: d.level as DisciplineLevel, on: d.on, ...(d.selfDetectedRemedied ? { selfDetectedRemedied: true } : {}) };
}

/**
 * The facts after a change, checked: task counts only under QĐ 366; a civil-servant grade only for a
 * member or leader and one of the four grades; a discipline only for a collective or organisation.
 */
export function applyFacts(before: SubjectFacts, input: SubjectFactsInput, ctx: { subjectKind: SubjectKind; ruleSet: RuleSetCode }): SubjectFacts {
  const after = { ...before };
  if (input.tasks !== undefined) after.tasks = input.tasks === null ? null : checkTasks(input.tasks, ctx.ruleSet);
  if (input.civilServantGrade !== undefined) {
    if (input.civilServantGrade !== null && ctx.subjectKind !== 'member' && ctx.subjectKind !== 'position') {
      throw invalid('civilServantGrade', 'Xếp loại cán bộ, công chức, viên chức chỉ ghi cho đảng viên hoặc cán bộ lãnh đạo.', 'A civil-servant grade applies to a member or leader only.');
    }
    after.civilServantGrade = parseGrade(input.civilServantGrade, 'civilServantGrade');
  }
  if (input.discipline !== undefined) after.discipline = input.discipline === null ? null : checkDiscipline(input.discipline, ctx.subjectKind);
  return after;
}

/** True when the caller gives any fact. */
export function hasFacts(input: SubjectFactsInput): boolean {
  return input.tasks !== undefined || input.civilServantGrade !== undefined || input.discipline !== undefined;
}
