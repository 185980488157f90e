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
}

function anyoneDisciplined(facts: GradingFacts, period: Period): boolean {
  const inYear = (e: { kind: string; from: string }) =>
    e.kind === 'disciplined' && compareDates(period.from, e.from) <= 0 && compareDates(e.from, period.to) <= 0;
  return (facts.memberEvents ?? []).some(inYear) || (facts.subUnitsDisciplined?.part ?? 0) > 0;
}

function scoreReasons(ruleSet: RuleSet, kind: SubjectKind, facts: GradingFacts, period: Period): CeilingReason[] {
  if (!ruleSet.scoring || !facts.score || !facts.tasks) return [];
  const collective = kind === 'collective' || kind === 'unit';
  return gradeFromScore({
    bands: ruleSet.scoring,
    score: facts.score,
    tasks: facts.tasks,
    shortcomingsRemedied: facts.shortcomingsRemedied ?? true,
    anyoneDisciplined: collective && anyoneDisciplined(facts, period),
  }).reasons;
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
  const notes = kind === 'member' || kind === 'position' ? personNotes({ ruleSet, facts, period }) : [];
  if (kind === 'unit' && !ruleSet.organisation && facts.childGrades && facts.unitKind) {
    notes.push(...organisationThreshold({ ruleSet, unitKind: facts.unitKind, counts: facts.childGrades }).notes);
  }
  return { grade, reasons: reasons.sort((a, b) => (isAbove(a.grade, b.grade) ? 1 : isAbove(b.grade, a.grade) ? -1 : 0)), notes };
}
