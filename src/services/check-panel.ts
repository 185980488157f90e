/**
 * What the check panel beside the workspace grid shows for one subject (issue #9 item 3; GUIDE.md
 * §1: feedback on the rules while grading): the highest grade allowed and why, each reason with its
 * citation; the HTXS cap's headroom in the subject's scope now, and if this subject were HTXS; the
 * competent authority; and the order prerequisites of a decision (QĐ 366 Điều 12 khoản 2).
 * `findings` is where further checks plug in as data (e.g. the grade audit of another issue).
 */
import type { Grade } from '../domain/codes.js';
import type { CapHeadroom } from '../domain/rules/cap.js';
import { checkDecisionOrder, type OrderFinding } from '../domain/workflow/order-rules.js';
import type { Stage } from '../domain/workflow/stages.js';
import type { Db } from '../db/create-db.js';
import { capNow, checkGrade, type GradingContext, loadGradingContext, orderGroups } from './grading-context.js';

/** A finding of any further check about the subject, shown in the panel as it comes. */
export interface PanelFinding {
  source: string;
  severity: 'error' | 'warning' | 'info';
  text: string;
}

export interface CheckPanel {
  evaluationId: string;
  version: number;
  stage: Stage;
  subject: string;
  highestAllowed: Grade;
  reasons: { grade: Grade; text: string; source: string; binding: boolean }[];
  notes: string[];
  cap: { now: CapHeadroom & { scope: string; ifProposalsStand: CapHeadroom }; ifHtxs: CapHeadroom & { scope: string } };
  competentAuthority: { unitCode: string | null; text: string; source: string };
  order: { errors: OrderFinding[]; warnings: OrderFinding[]; advice: OrderFinding[] };
  findings: PanelFinding[];
}

/** The panel of one evaluation (read only). */
export async function loadCheckPanel(db: Db, evaluationId: string): Promise<CheckPanel> {
  const ctx = await loadGradingContext(db, evaluationId);
  const [asHtxs, now, groups] = await Promise.all([checkGrade(db, ctx, 'HTXS'), capNow(db, ctx), orderGroups(db, ctx)]);
  return {
    evaluationId,
    version: ctx.evaluation.version,
    stage: ctx.stage,
    subject: ctx.subject.label,
    highestAllowed: asHtxs.highestAllowed,
    reasons: asHtxs.reasons,
    notes: asHtxs.notes,
    cap: { now, ifHtxs: asHtxs.capHeadroom },
    competentAuthority: asHtxs.competentAuthority,
    order: checkDecisionOrder(groups, ctx.cycle.ruleSet),
    findings: await decidedGradeFindings(db, ctx),
  };
}

/**
 * The decided grade re-checked against today's facts and rules (the audit of `xeploai grade audit`,
 * src/services/grade-audit.ts): a fact entered after the decision (a discipline, a member's grade
 * lowered) that the decided grade now breaks shows here, each broken rule with its citation.
 */
async function decidedGradeFindings(db: Db, ctx: GradingContext): Promise<PanelFinding[]> {
  const decided = ctx.evaluation.decidedGrade;
  if (decided === null) return [];
  const check = await checkGrade(db, ctx, decided);
  const lead = `Mức đã quyết định ${decided} không còn phù hợp với dữ kiện hiện nay (mức cao nhất được phép: ${check.highestAllowed})`;
  return [
    ...check.errors.map((e) => ({ source: e.source, severity: 'error' as const, text: `${lead}: ${e.text}` })),
    ...check.warnings.filter((w) => w.code !== 'cap_exceeded').map((w) => ({ source: w.source, severity: 'warning' as const, text: `${lead} — cần cân nhắc: ${w.text}` })),
  ];
}
