/**
 * The grading workflow of one subject (GUIDE.md §4.5–4.8; QĐ 366 Điều 12–13): self-assessment,
 * opinions of related bodies, the unit's proposal, appraisal, the decision by the competent authority,
 * publication and re-grading after publication with a reason. Every grade goes through the checks of
 * src/domain/rules: errors block, warnings need a justification, which is stored. Evaluations are
 * written only through src/db/queries/evaluations.ts.
 */
import type { Grade, KhtReason } from '../domain/codes.js';
import { AppError } from '../domain/errors.js';
import { assertRegradeReason, type Evaluation, parseGrade, requireGrade } from '../domain/model/evaluations.js';
import type { GradeIssue } from '../domain/rules/check-proposed-grade.js';
import { assertCompetent, assertMayRegrade } from '../domain/workflow/authority.js';
import type { OrderFinding } from '../domain/workflow/order-rules.js';
import { nextStage, type Stage, type WorkflowAction } from '../domain/workflow/stages.js';
import { processSources } from '../domain/workflow/process-sources.js';
import type { Db } from '../db/create-db.js';
import { getUnitIdByCode } from '../db/queries/evaluation-subjects.js';
import { type EvaluationFieldsInput, lockEvaluation, regrade, updateEvaluation } from '../db/queries/evaluations.js';
import { insertJustification, insertOpinion, listJustifications, listOpinions, listStageEvents, recordStage } from '../db/queries/workflow.js';
import { nowIso } from '../db/ids.js';
import { assertGradingOpen, assertNoGradeErrors, checkGrade, checkOrder, type GradingCheck, type GradingContext, loadGradingContext } from './grading-context.js';
import { inTransaction } from '../db/queries/common.js';
import type { SubjectFactsInput } from '../domain/workflow/facts.js';
import { recordFacts } from './evaluation-facts.js';
import { assertReadVersion, markChanged } from './evaluation-version.js';

export type { GradingCheck } from './grading-context.js';

/** The result of a workflow step: the evaluation, its stage, and the check the grade passed. */
export interface StepResult {
  evaluation: Evaluation;
  stage: Stage;
  check?: GradingCheck;
  justified?: string;
  /** The order of decisions where the cycle's rule set gives it only as advice (HD 21; QĐ 124's gaps): shown, not enforced. */
  orderAdvice?: OrderFinding[];
}

/** For any subject and proposed grade: highest allowed and why, errors, warnings, cap headroom (read only). */
export async function gradingCheck(db: Db, input: { evaluationId: string; grade: string }): Promise<GradingCheck> {
  const grade = requireGrade(input.grade, 'grade');
  return checkGrade(db, await loadGradingContext(db, input.evaluationId), grade);
}

async function unitRef(db: Db, code: string, field: string): Promise<{ id: string; code: string }> {
  return { id: await getUnitIdByCode(db, code, field), code };
}

/** Warnings need a recorded justification (GUIDE.md §3: a cap overrun is "reported as a warning … never silently"). */
function requireJustification(warnings: readonly (GradeIssue | OrderFinding)[], justification: string | undefined): string | undefined {
  if (warnings.length === 0) return undefined;
  const text = justification?.trim() ?? '';
  if (text !== '') return text;
  throw new AppError(
    'JustificationRequired',
    { vi: `Cần ghi lý do chấp nhận các cảnh báo: ${warnings.map((w) => w.text).join('; ')}`, en: `A justification is required for ${warnings.length} warning(s).` },
    { field: 'justification', details: { warnings } },
  );
}

function gradeFields(field: 'selfGrade' | 'proposedGrade' | 'decidedGrade', grade: Grade, khtReasons: string[] | undefined): EvaluationFieldsInput {
  const fields: EvaluationFieldsInput = { [field]: grade };
  if (grade !== 'KHT') fields.khtReasons = [];
  else if (khtReasons !== undefined) fields.khtReasons = khtReasons as KhtReason[];
  return fields;
}

/** Facts entered with a step (checked, stored, then read by the grade's check): score, task counts, civil-servant grade, own discipline. */
export interface StepFacts extends SubjectFactsInput {
  score?: number | null | undefined;
}

interface GradedStepInput extends StepFacts {
  evaluationId: string;
  grade: string;
  actor: string;
  justification?: string | undefined;
  khtReasons?: string[] | undefined;
  expectedVersion?: number | undefined;
}

/**
 * A step that sets a grade: check it (errors block, warnings need a justification), write the grade
 * through updateEvaluation, record the step and the justification — one transaction.
 */
async function gradedStep(
  db: Db,
  input: GradedStepInput & { action: 'propose' | 'decide'; field: 'proposedGrade' | 'decidedGrade'; by: (trx: Db, ctx: GradingContext) => Promise<{ id: string; code: string }> },
): Promise<StepResult> {
  const grade = requireGrade(input.grade, 'grade');
  return inTransaction(db, async (trx) => {
    await lockEvaluation(trx, input.evaluationId, input.expectedVersion);
    const loaded = await loadGradingContext(trx, input.evaluationId);
    assertReadVersion(loaded.evaluation, input.expectedVersion);
    assertGradingOpen(loaded, input.action === 'decide' ? 'quyết định xếp loại' : 'đề xuất xếp loại');
    const ctx = await recordFacts(trx, loaded, input, input.actor);
    const by = await input.by(trx, ctx);
    const to = nextStage(ctx.stage, input.action, ctx.cycle.ruleSet);
    if (input.action === 'decide') await assertComplaintReverified(trx, ctx);
    const order = input.action === 'decide' ? await checkOrder(trx, ctx) : { warnings: [], advice: [] };
    const orderWarnings = order.warnings;
    const check = await checkGrade(trx, ctx, grade);
    assertNoGradeErrors(check);
    const warnings = [...check.warnings, ...orderWarnings];
    const justified = requireJustification(warnings, input.justification);
    const fields = gradeFields(input.field, grade, input.khtReasons);
    if (input.action === 'decide') fields.decidingUnit = by.code;
    await updateEvaluation(trx, input.evaluationId, fields, { actor: input.actor, reason: justified, expectedVersion: input.expectedVersion === undefined ? undefined : ctx.evaluation.version });
    const at = nowIso();
    await recordStage(trx, { evaluationId: ctx.evaluation.id, action: input.action, from: ctx.stage, to, unitId: by.id, grade, comment: justified ?? null, at, actor: input.actor });
    if (justified) await insertJustification(trx, { evaluationId: ctx.evaluation.id, action: input.action, grade, warnings, text: justified, at, actor: input.actor });
    return { evaluation: await markChanged(trx, loaded.evaluation), stage: to, check, ...(justified ? { justified } : {}), ...(order.advice.length > 0 ? { orderAdvice: order.advice } : {}) };
  });
}

interface PlainStepInput {
  evaluationId: string;
  actor: string;
  expectedVersion?: number | undefined;
}

/**
 * The frame every non-graded step shares: one transaction, the row locked, the version the caller read
 * checked, grading open, the stage moved by `action` under the cycle's rule set; `body` records what
 * the step adds and returns what to answer beside the evaluation and stage.
 */
async function plainStep<T extends object>(
  db: Db,
  input: PlainStepInput,
  action: WorkflowAction,
  verb: string,
  body: (trx: Db, ctx: GradingContext, to: Stage) => Promise<T>,
): Promise<StepResult & T> {
  return inTransaction(db, async (trx) => {
    await lockEvaluation(trx, input.evaluationId, input.expectedVersion);
    const ctx = await loadGradingContext(trx, input.evaluationId);
    assertReadVersion(ctx.evaluation, input.expectedVersion);
    assertGradingOpen(ctx, verb);
    const to = nextStage(ctx.stage, action, ctx.cycle.ruleSet);
    const extra = await body(trx, ctx, to);
    return { ...extra, evaluation: await markChanged(trx, ctx.evaluation), stage: to };
  });
}

/** The subject's self-assessment with its proposed grade and facts (QĐ 366 Điều 12 khoản 1, bước 1). */
export async function selfAssess(db: Db, input: StepFacts & { evaluationId: string; grade: string; actor: string; comment?: string | undefined; expectedVersion?: number | undefined }): Promise<StepResult> {
  const grade = requireGrade(input.grade, 'grade');
  return inTransaction(db, async (trx) => {
    await lockEvaluation(trx, input.evaluationId, input.expectedVersion);
    const loaded = await loadGradingContext(trx, input.evaluationId);
    assertReadVersion(loaded.evaluation, input.expectedVersion);
    assertGradingOpen(loaded, 'tự đánh giá');
    const ctx = await recordFacts(trx, loaded, { ...input, expectedVersion: undefined }, input.actor);
    const to = nextStage(ctx.stage, 'self_assess', ctx.cycle.ruleSet);
    await updateEvaluation(trx, ctx.evaluation.id, gradeFields('selfGrade', grade, undefined), { actor: input.actor });
    await recordStage(trx, { evaluationId: ctx.evaluation.id, action: 'self_assess', from: ctx.stage, to, unitId: null, grade, comment: input.comment?.trim() || null, at: nowIso(), actor: input.actor });
    return { evaluation: await markChanged(trx, loaded.evaluation), stage: to };
  });
}

/** An opinion of a related body (chủ thể liên quan, GUIDE.md §4.5): a unit of the tree or a named body. */
export async function addOpinion(
  db: Db,
  input: { evaluationId: string; bodyUnit?: string | undefined; bodyName?: string | undefined; proposedGrade?: string | null | undefined; comment: string; actor: string; expectedVersion?: number | undefined },
): Promise<StepResult> {
  const proposed = parseGrade(input.proposedGrade ?? null, 'proposedGrade');
  const comment = input.comment.trim();
  if (comment === '') throw new AppError('ValidationFailed', { vi: 'Ý kiến nhận xét không được để trống.', en: 'The comment must not be empty.' }, { field: 'comment' });
  return plainStep(db, input, 'opinion', 'ghi ý kiến về', async (trx, ctx, to) => {
    const unit = input.bodyUnit ? await unitRef(trx, input.bodyUnit, 'bodyUnit') : null;
    const name = input.bodyName?.trim() || unit?.code;
    if (!name) throw new AppError('ValidationFailed', { vi: 'Cần ghi đơn vị hoặc tên chủ thể cho ý kiến.', en: 'Name the body giving the opinion.' }, { field: 'bodyName' });
    const at = nowIso();
    await insertOpinion(trx, { evaluationId: ctx.evaluation.id, bodyUnitId: unit?.id ?? null, bodyName: name, proposedGrade: proposed, comment, at, actor: input.actor });
    await recordStage(trx, { evaluationId: ctx.evaluation.id, action: 'opinion', from: ctx.stage, to, unitId: unit?.id ?? null, grade: proposed, comment, at, actor: input.actor });
    return {};
  });
}

/** The unit's proposal (by the subject's unit unless another is named). */
export async function propose(db: Db, input: GradedStepInput & { byUnit?: string | undefined }): Promise<StepResult> {
  return gradedStep(db, {
    ...input,
    action: 'propose',
    field: 'proposedGrade',
    by: async (trx, ctx) => (input.byUnit ? unitRef(trx, input.byUnit, 'byUnit') : { id: ctx.evaluation.unitId, code: ctx.evaluation.unitCode }),
  });
}

/** The decision by the competent authority; any other body gets NotCompetentAuthority and nothing changes. */
export async function decide(db: Db, input: GradedStepInput & { decidingUnit: string }): Promise<StepResult> {
  return gradedStep(db, {
    ...input,
    action: 'decide',
    field: 'decidedGrade',
    by: async (trx, ctx) => {
      const by = await unitRef(trx, input.decidingUnit, 'decidingUnit');
      assertCompetent(ctx.body, by);
      return by;
    },
  });
}

/** Appraisal (thẩm định) by the organisation department: a grade it proposes and a comment; the check is returned, not enforced. */
export async function appraise(db: Db, input: { evaluationId: string; grade?: string | undefined; comment: string; byUnit?: string | undefined; actor: string; expectedVersion?: number | undefined }): Promise<StepResult> {
  const grade = input.grade === undefined ? null : requireGrade(input.grade, 'grade');
  return plainStep(db, input, 'appraise', 'thẩm định', async (trx, ctx, to) => {
    const by = input.byUnit ? await unitRef(trx, input.byUnit, 'byUnit') : null;
    const check = grade ? await checkGrade(trx, ctx, grade) : undefined;
    await recordStage(trx, { evaluationId: ctx.evaluation.id, action: 'appraise', from: ctx.stage, to, unitId: by?.id ?? null, grade, comment: input.comment.trim() || null, at: nowIso(), actor: input.actor });
    return check ? { check } : {};
  });
}

/** Publishes a decided grade; only the body that decided may. */
export async function publish(db: Db, input: { evaluationId: string; byUnit: string; actor: string; expectedVersion?: number | undefined }): Promise<StepResult> {
  return plainStep(db, input, 'publish', 'công bố kết quả của', async (trx, ctx, to) => {
    const by = await unitRef(trx, input.byUnit, 'byUnit');
    assertCompetent(ctx.body, by);
    await recordStage(trx, { evaluationId: ctx.evaluation.id, action: 'publish', from: ctx.stage, to, unitId: by.id, grade: ctx.evaluation.decidedGrade, comment: null, at: nowIso(), actor: input.actor });
    return {};
  });
}

/**
 * Re-grades after publication (QĐ 366 Điều 13; GUIDE.md §4.8: "rà soát, thẩm định lại, xếp loại lại")
 * with a required reason, by the acting body `byUnit` — always checked: the competent authority or a
 * committee above it. Facts given with it are stored and read by the check. An evaluation the
 * workflow never tracked (entered directly) counts as published.
 */
export async function regradeEvaluation(db: Db, input: GradedStepInput & { reason: string; byUnit: string }): Promise<StepResult> {
  const reason = assertRegradeReason(input.reason);
  const grade = requireGrade(input.grade, 'grade');
  return inTransaction(db, async (trx) => {
    await lockEvaluation(trx, input.evaluationId, input.expectedVersion);
    const loaded = await loadGradingContext(trx, input.evaluationId);
    assertReadVersion(loaded.evaluation, input.expectedVersion);
    const to = nextStage(loaded.stage, 'regrade', loaded.cycle.ruleSet);
    const by = await unitRef(trx, input.byUnit, 'byUnit');
    assertMayRegrade({ body: loaded.body, chain: loaded.chain, by });
    const ctx = await recordFacts(trx, loaded, input, input.actor);
    const check = await checkGrade(trx, ctx, grade);
    assertNoGradeErrors(check);
    const justified = requireJustification(check.warnings, input.justification);
    const expectedVersion = input.expectedVersion === undefined ? undefined : ctx.evaluation.version;
    await regrade(trx, ctx.evaluation.id, { grade, reason, actor: input.actor, ...(input.khtReasons ? { khtReasons: input.khtReasons } : {}), ...(expectedVersion ? { expectedVersion } : {}) });
    const at = nowIso();
    await recordStage(trx, { evaluationId: ctx.evaluation.id, action: 'regrade', from: ctx.stage, to, unitId: by.id, grade, comment: reason, at, actor: input.actor });
    if (justified) await insertJustification(trx, { evaluationId: ctx.evaluation.id, action: 'regrade', grade, warnings: check.warnings, text: justified, at, actor: input.actor });
    return { evaluation: await markChanged(trx, loaded.evaluation), stage: to, check, ...(justified ? { justified } : {}) };
  });
}

function requireComment(comment: string, what: string): string {
  const text = comment.trim();
  if (text === '') throw new AppError('ReasonRequired', { vi: `Cần ghi nội dung ${what}.`, en: `A comment is required (${what}).` }, { field: 'comment' });
  return text;
}

/**
 * "Trường hợp có đơn, thư khiếu nại, tố cáo … thì cấp uỷ cấp trên trực tiếp chỉ đạo kiểm tra, xác
 * minh, thẩm định lại trước khi quyết định xếp loại cuối cùng" (QĐ 366 Điều 12 k1 Bước 3; QĐ 124
 * Điều 11; rules-audit.md R47, Q35): a complaint recorded after the last re-verification blocks the
 * decision (StageInvalid naming the step). HD 21's sources have no such step: the complaint is kept.
 */
async function assertComplaintReverified(db: Db, ctx: GradingContext): Promise<void> {
  const source = processSources(ctx.cycle.ruleSet).complaint;
  if (source === null) return;
  const steps = await listStageEvents(db, ctx.evaluation.id);
  const lastComplaint = steps.map((s) => s.action).lastIndexOf('complaint');
  if (lastComplaint < 0 || steps.map((s) => s.action).lastIndexOf('reverify') > lastComplaint) return;
  const complaint = steps[lastComplaint];
  throw new AppError(
    'StageInvalid',
    {
      vi: `Có đơn thư khiếu nại, tố cáo (ghi lúc ${complaint?.at ?? ''}: «${complaint?.comment ?? ''}»): cấp ủy cấp trên trực tiếp phải kiểm tra, xác minh, thẩm định lại trước khi quyết định xếp loại (POST /api/evaluations/:id/reverify; ${source}).`,
      en: 'A complaint is recorded: the directly superior committee must re-verify before the decision (POST /api/evaluations/:id/reverify).',
    },
    { field: 'stage', details: { current: ctx.stage, action: 'decide', needs: 'reverify' } },
  );
}

/** Records a complaint or denunciation about the subject before the decision (QĐ 366 Điều 12 k1 Bước 3): the decision then waits for a re-verification. */
export async function recordComplaint(db: Db, input: { evaluationId: string; comment: string; actor: string; expectedVersion?: number | undefined }): Promise<StepResult> {
  const comment = requireComment(input.comment, 'đơn thư khiếu nại, tố cáo');
  return plainStep(db, input, 'complaint', 'ghi đơn thư về', async (trx, ctx, to) => {
    await recordStage(trx, { evaluationId: ctx.evaluation.id, action: 'complaint', from: ctx.stage, to, unitId: null, grade: null, comment, at: nowIso(), actor: input.actor });
    return {};
  });
}

/**
 * The re-verification (kiểm tra, xác minh, thẩm định lại) after a complaint, by the directly superior
 * committee: the competent authority or the committee directly above it (NotCompetentAuthority otherwise).
 */
export async function reverify(db: Db, input: { evaluationId: string; byUnit: string; comment: string; actor: string; expectedVersion?: number | undefined }): Promise<StepResult> {
  const comment = requireComment(input.comment, 'kết quả kiểm tra, xác minh');
  return plainStep(db, input, 'reverify', 'thẩm định lại', async (trx, ctx, to) => {
    const by = await unitRef(trx, input.byUnit, 'byUnit');
    assertMayRegrade({ body: ctx.body, chain: ctx.chain, by });
    await recordStage(trx, { evaluationId: ctx.evaluation.id, action: 'reverify', from: ctx.stage, to, unitId: by.id, grade: null, comment, at: nowIso(), actor: input.actor });
    return {};
  });
}

/** The workflow of an evaluation: stage, competent authority, steps, opinions, justifications. */
export async function getWorkflow(db: Db, evaluationId: string) {
  const ctx = await loadGradingContext(db, evaluationId);
  return {
    evaluationId,
    stage: ctx.stage,
    tracked: ctx.tracked,
    competentAuthority: { unitCode: ctx.body.unit?.code ?? null, text: ctx.body.text, source: ctx.body.source },
    facts: ctx.facts,
    steps: await listStageEvents(db, evaluationId),
    opinions: await listOpinions(db, evaluationId),
    justifications: await listJustifications(db, evaluationId),
  };
}

export type { WorkflowAction };
