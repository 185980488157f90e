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
  code: 'not_graded' | 'not_reviewed' | 'missing_fact' | 'above_ceiling' | 'weighed_reason' | 'cap_exceeded' | 'collective_above';
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
  if (input.cap) {
    const capOf = (counts: GradeCounts) => capHeadroom({ ruleSet, subjectKind, counts, base: input.cap?.base, outstanding: input.cap?.outstanding });
    const cap = capOf(input.cap.counts);
    // "không vượt quá" (HD 21 II.B.2.3, QĐ 124 Điều 12, QĐ 366 Điều 11 k1.5): refused where the cycle says so; otherwise
    // the competent body may decide it with a recorded justification, which stands as its own (local) decision.
    const refuse = ruleSet.caps[subjectKind].overrun === 'refuse';
    const local = refuse ? '' : ' — quy định ghi «không vượt quá»: chỉ xếp khi cấp có thẩm quyền quyết định, lý do được ghi lại là quyết định của cấp đó';
    if (proposed === 'HTXS' && cap.over) {
      (refuse ? errors : warnings).push({ code: 'cap_exceeded', text: `Vượt tỉ lệ ${GRADE_LABELS.HTXS.toLowerCase()}: ${cap.text}${local}`, source: cap.source, grade: 'HTT' });
    } else if (proposed !== 'HTXS' && proposed !== 'HTT' && cap.over) {
      // F1: a lowering shrinks the base (HTT) and can put the scope over the cap: it warns too.
      const asHtt = { ...input.cap.counts, [proposed]: input.cap.counts[proposed] - 1, HTT: input.cap.counts.HTT + 1 };
      if (!capOf(asHtt).over) {
        warnings.push({ code: 'cap_exceeded', text: `Xếp loại ${proposed} làm giảm cơ sở tính tỉ lệ, số HTXS đã quyết định vượt tỉ lệ: ${cap.text}`, source: cap.source, grade: proposed });
      }
    }
  }
  return { errors, warnings, allowed };
}
