/**
 * The consistency audit of decided grades (issue 8 item 3; rules-audit.md F4: "Decided grades are
 * never re-validated"): every decided grade of a cycle, optionally under one unit, is checked again
 * against today's facts and the cycle's rules with the very check a decision goes through
 * (grading-context.ts checkGrade). Each rule it breaks is one violation: the subject, its decided
 * grade, the highest grade allowed today, the rule and its citation. A binding rule broken (a
 * ceiling the regulation fixes, a subject not to be graded or not reviewed) makes the audit fail;
 * a weighed reason or an HTXS cap overrun is listed as non-binding. Read only.
 */
import { GRADE_LABELS, type Grade, type SubjectKind } from '../domain/codes.js';
import type { Db } from '../db/create-db.js';
import { getCycle } from '../db/queries/cycles.js';
import { getUnitIdByCode } from '../db/queries/evaluation-subjects.js';
import { listEvaluations } from '../db/queries/evaluations.js';
import { subtreeUnits } from '../db/queries/workflow.js';
import { checkGrade, loadGradingContext } from './grading-context.js';

/** One broken rule of one decided grade. */
export interface AuditViolation {
  evaluationId: string;
  subjectKind: SubjectKind;
  /** The subject as people name it ("Nguyễn Văn A (62.012345)", "Chi bộ …"). */
  subject: string;
  /** The party card of a member or leader. */
  cardNumber: string | null;
  unitCode: string;
  decidedGrade: Grade;
  highestAllowed: Grade;
  /** The rule as the check states it. */
  rule: string;
  /** The rule's citation (the cycle's own rule set). */
  source: string;
  /** True when the regulation fixes it (the decision would be refused today); false when it is weighed. */
  binding: boolean;
}

/** An HTXS cap exceeded by decided grades in one scope (a warning that needs a recorded justification). */
export interface AuditCapOverrun {
  scope: string;
  text: string;
  source: string;
}

export interface GradeAudit {
  cycle: { year: number; period: string; ruleSet: string };
  unitCode: string | null;
  /** Decided grades checked. */
  checked: number;
  violations: AuditViolation[];
  caps: AuditCapOverrun[];
  /** Violations of binding rules, and the subjects they concern by kind. */
  binding: { total: number; subjects: Record<SubjectKind, number> };
  ok: boolean;
}

/** Re-checks every decided grade of the cycle (under `unitCode` when given) against today's facts and rules. */
export async function auditDecidedGrades(db: Db, input: { cycleYear: number; period?: string | undefined; unitCode?: string | undefined }): Promise<GradeAudit> {
  const cycle = await getCycle(db, { year: input.cycleYear, period: input.period });
  const unitIds = input.unitCode ? (await subtreeUnits(db, await getUnitIdByCode(db, input.unitCode, 'unit'), cycle.referenceDate)).map((u) => u.id) : undefined;
  const evaluations = (await listEvaluations(db, { cycleId: cycle.id, ...(unitIds ? { unitIds } : {}) })).filter((e) => e.decidedGrade !== null);
  const violations: AuditViolation[] = [];
  const caps = new Map<string, AuditCapOverrun>();
  const bindingSubjects = new Map<string, SubjectKind>();
  for (const e of evaluations) {
    const decided = e.decidedGrade as Grade;
    const ctx = await loadGradingContext(db, e.id);
    const check = await checkGrade(db, ctx, decided);
    const base = { evaluationId: e.id, subjectKind: e.subjectKind, subject: ctx.subject.label, cardNumber: ctx.subject.cardNumber ?? null, unitCode: e.unitCode, decidedGrade: decided, highestAllowed: check.highestAllowed };
    for (const issue of check.errors) {
      violations.push({ ...base, rule: issue.text, source: issue.source, binding: true });
      bindingSubjects.set(e.id, e.subjectKind);
    }
    for (const issue of check.warnings) {
      if (issue.code === 'cap_exceeded') {
        const scope = check.capHeadroom.scope;
        if (!caps.has(scope)) caps.set(scope, { scope, text: issue.text, source: issue.source });
        continue;
      }
      violations.push({ ...base, rule: issue.text, source: issue.source, binding: false });
    }
  }
  const subjects: Record<SubjectKind, number> = { member: 0, unit: 0, collective: 0, position: 0 };
  for (const kind of bindingSubjects.values()) subjects[kind] += 1;
  const total = violations.filter((v) => v.binding).length;
  return {
    cycle: { year: cycle.year, period: cycle.period, ruleSet: cycle.ruleSet },
    unitCode: input.unitCode ?? null,
    checked: evaluations.length,
    violations,
    caps: [...caps.values()],
    binding: { total, subjects },
    ok: total === 0,
  };
}

/** One line per violation, in Vietnamese, for the command line and the report. */
export function auditLine(v: AuditViolation): string {
  const kind = v.binding ? 'VI PHẠM' : 'CẦN CÂN NHẮC';
  return `${kind}: ${v.subject} [${v.unitCode}] đã quyết định ${v.decidedGrade} (${GRADE_LABELS[v.decidedGrade]}), mức cao nhất được phép ${v.highestAllowed}: ${v.rule} (${v.source})`;
}
