/**
 * The highest grade a subject may receive, with every reason that limits it (GUIDE.md §1: staff get
 * "feedback on rule violations … until the superior rejects" — here, while grading).
 */
import type { Grade, SubjectKind } from '../codes.js';
import { compareDates } from '../calendar/iso-date.js';
import { isAbove, lowestGrade } from './grade-order.js';
import { collectiveCeiling, organisationThreshold } from './organisation.js';
import { personCeilings, personNotes } from './person-ceilings.js';
import { gradeFromScore } from './score-bands.js';
import { triggeredReasons } from './triggers.js';
import type { CeilingReason, GradingFacts, Period, RuleSet } from './types.js';

/** The result: `grade` is the lowest binding ceiling; non-binding reasons are weighed by the competent level. */
export interface AllowedGrade {
  grade: Grade;
  reasons: CeilingReason[];
  notes: string[];
  /** Facts the grade rests on that are not recorded: any grade is refused until they are (QĐ 366: the score). */
  missing: MissingFact[];
}

/** A fact the rule set grades on that the subject lacks. */
export interface MissingFact {
  fact: string;
  text: string;
  source: string;
}

function anyoneDisciplined(facts: GradingFacts, period: Period): boolean {
  const inYear = (e: { kind: string; from: string }) =>
    e.kind === 'disciplined' && compareDates(period.from, e.from) <= 0 && compareDates(e.from, period.to) <= 0;
  return (facts.memberEvents ?? []).some(inYear) || (facts.subUnitsDisciplined?.part ?? 0) > 0;
}

/**
 * QĐ 366 Điều 11: "Là tập thể, cá nhân có kết quả tổng điểm …" — the band of the score with its
 * task conditions; without task counts the band alone (the conditions cannot be checked: a note says
 * so). "Đã khắc phục 100% các hạn chế … (nếu có)": recorded false ⇒ no HTXS; not recorded ⇒ a note.
 */
function scoreReasons(ruleSet: RuleSet, kind: SubjectKind, facts: GradingFacts, period: Period): CeilingReason[] {
  if (!ruleSet.scoring || !facts.score) return [];
  const collective = kind === 'collective' || kind === 'unit';
  const tasks = facts.tasks ?? { total: 0, onTime: 0, late: 0, exceeding: 0 };
  // With no task counts, zero tasks meet every task condition: only the band and the other conditions apply.
  return gradeFromScore({
    bands: ruleSet.scoring,
    score: facts.score,
    tasks,
    shortcomingsRemedied: facts.shortcomingsRemedied ?? true,
    anyoneDisciplined: collective && anyoneDisciplined(facts, period),
  }).reasons;
}

function scoreNotes(ruleSet: RuleSet, facts: GradingFacts): string[] {
  if (!ruleSet.scoring) return [];
  const notes: string[] = [];
  if (facts.score && !facts.tasks) notes.push(`Chưa ghi số nhiệm vụ (tasks): chưa kiểm tra được điều kiện hoàn thành nhiệm vụ của từng mức (${ruleSet.scoring.source}).`);
  if (facts.shortcomingsRemedied === undefined) notes.push(`Chưa ghi dữ kiện «shortcomingsRemedied»: mức HTXS cần đã khắc phục 100% hạn chế, khuyết điểm kỳ trước (nếu có) (QĐ 366, Điều 11 khoản 1.4).`);
  return notes;
}

function missingFacts(ruleSet: RuleSet, facts: GradingFacts): MissingFact[] {
  if (!ruleSet.scoring || facts.score) return [];
  const source = 'QĐ 366, Điều 11 ("Là tập thể, cá nhân có kết quả tổng điểm đánh giá …")';
  return [{ fact: 'score', text: `chưa có tổng điểm đánh giá (score, hoặc scoreParts: tiêu chí chung tối đa 30, kết quả nhiệm vụ tối đa 70): mức xếp loại căn cứ tổng điểm (${source})`, source }];
}

function kindReasons(ruleSet: RuleSet, kind: SubjectKind, facts: GradingFacts, period: Period): CeilingReason[] {
  if (kind === 'member' || kind === 'position') return personCeilings({ ruleSet, facts, period });
  if (kind === 'collective' && facts.organisationGrade) {
    const r = collectiveCeiling(facts.organisationGrade, ruleSet).reason;
    return r ? [r] : [];
  }
  if (kind === 'unit' && facts.childGrades && facts.unitKind) {
    const peerBodyGrades = facts.peerBodyGrades ?? [];
    return organisationThreshold({ ruleSet, unitKind: facts.unitKind, counts: facts.childGrades, peerBodyGrades }).reasons;
  }
  return [];
}

/**
 * Every ceiling of a subject in the period: the KHT triggers of its kind, the person ceilings (sick
 * leave, civil-servant bound, QĐ 124 HTXS condition), collective ≤ organisation, organisation
 * thresholds, and the QĐ 366 score bands. E.g. reason text "bị kỷ luật khiển trách ngày 12/05/2022
 * (HD 21, II.B.2.3 (KHT)) → KHT".
 */
export function highestAllowedGrade(input: {
  ruleSet: RuleSet;
  subjectKind: SubjectKind;
  facts: GradingFacts;
  period: Period;
}): AllowedGrade {
  const { ruleSet, subjectKind: kind, facts, period } = input;
  const reasons = [
    ...triggeredReasons({ ruleSet, subjectKind: kind, facts, period }),
    ...kindReasons(ruleSet, kind, facts, period),
    ...scoreReasons(ruleSet, kind, facts, period),
  ];
  const grade = lowestGrade(reasons.filter((r) => r.binding).map((r) => r.grade));
  const notes = [...(kind === 'member' || kind === 'position' ? personNotes({ ruleSet, facts, period }) : []), ...scoreNotes(ruleSet, facts)];
  if (kind === 'unit' && !ruleSet.organisation && facts.childGrades && facts.unitKind) {
    notes.push(...organisationThreshold({ ruleSet, unitKind: facts.unitKind, counts: facts.childGrades }).notes);
  }
  return { grade, reasons: reasons.sort((a, b) => (isAbove(a.grade, b.grade) ? 1 : isAbove(b.grade, a.grade) ? -1 : 0)), notes, missing: missingFacts(ruleSet, facts) };
}
