/**
 * Checks a proposed grade against the rules: errors block (a binding ceiling, a subject not graded);
 * warnings need a recorded justification (a weighed reason, the HTXS cap). GUIDE.md §3: the cap is
 * "reported as a warning with its base named, never silently".
 */
import { GRADE_LABELS, type Grade, type SubjectKind } from '../codes.js';
import { processSources } from '../workflow/process-sources.js';
import { capHeadroom } from './cap.js';
import type { EligibilityResult } from './eligibility.js';
import { isAbove } from './grade-order.js';
import { highestAllowedGrade, type AllowedGrade } from './highest-allowed-grade.js';
import type { CapBase, GradeCounts, GradingFacts, Period, RuleSet } from './types.js';

/** One finding about a proposal. */
export interface GradeIssue {
  code: 'not_graded' | 'not_reviewed' | 'missing_fact' | 'above_ceiling' | 'weighed_reason' | 'cap_exceeded';
  text: string;
  source: string;
  grade?: Grade;
}

/** The cap context: grade counts of the scope including this proposal. */
export interface CapContext {
  counts: GradeCounts;
  base?: CapBase;
  outstanding?: boolean;
}

/** Errors block the proposal; warnings need a recorded justification. */
export interface ProposalCheck {
  errors: GradeIssue[];
  warnings: GradeIssue[];
  allowed: AllowedGrade;
}

/** Checks `proposed` for a subject; see the module comment for what blocks and what warns. */
export function checkProposedGrade(input: {
  ruleSet: RuleSet;
  subjectKind: SubjectKind;
  proposed: Grade;
  facts: GradingFacts;
  period: Period;
  eligibility?: EligibilityResult;
  cap?: CapContext;
}): ProposalCheck {
  const { ruleSet, subjectKind, proposed } = input;
  const errors: GradeIssue[] = [];
  const warnings: GradeIssue[] = [];
  if (input.eligibility && !input.eligibility.graded) {
    errors.push({ code: 'not_graded', text: `Không thuộc diện xếp loại: ${input.eligibility.reason}`, source: input.eligibility.source });
  } else if (input.eligibility && !input.eligibility.reviewed) {
    // HD 21 II.6: "phải hoàn thành việc kiểm điểm mới được đánh giá, xếp loại"; QĐ 366 Điều 3 k4 (rules-audit.md H29, Q33, R39).
    const source = processSources(ruleSet.code).reviewedBeforeGraded;
    errors.push({ code: 'not_reviewed', text: `Chưa kiểm điểm: tập thể, cá nhân phải hoàn thành việc kiểm điểm mới được đánh giá, xếp loại (ghi «đã kiểm điểm» trước khi xếp loại) (${source})`, source });
  }
  const allowed = highestAllowedGrade({ ruleSet, subjectKind, facts: input.facts, period: input.period });
  for (const m of allowed.missing) errors.push({ code: 'missing_fact', text: m.text, source: m.source });
  for (const r of allowed.reasons) {
    if (!isAbove(proposed, r.grade)) continue;
    const issue: GradeIssue = { code: r.binding ? 'above_ceiling' : 'weighed_reason', text: r.text, source: r.source, grade: r.grade };
    (r.binding ? errors : warnings).push(issue);
  }
  if (proposed === 'HTXS' && input.cap) {
    const cap = capHeadroom({ ruleSet, subjectKind, counts: input.cap.counts, base: input.cap.base, outstanding: input.cap.outstanding });
    if (cap.over) {
      warnings.push({ code: 'cap_exceeded', text: `Vượt tỉ lệ ${GRADE_LABELS.HTXS.toLowerCase()}: ${cap.text}`, source: cap.source, grade: 'HTT' });
    }
  }
  return { errors, warnings, allowed };
}
