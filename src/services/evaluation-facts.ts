/**
 * Facts entered beside a grade (QĐ 366 score and task counts, civil-servant grade, a collective's or
 * organisation's own discipline) and the free fields of an evaluation (note, reviewed). Grades,
 * deciding body, KHT reasons and eligibility are never written here: they go through the workflow
 * (src/services/grading.ts) and the eligibility override (src/services/eligibility.ts), which check
 * authority, ceilings, stage, reasons and justifications.
 */
import { AppError } from '../domain/errors.js';
import type { Evaluation } from '../domain/model/evaluations.js';
import { applyFacts, hasFacts, type SubjectFactsInput } from '../domain/workflow/facts.js';
import type { Db } from '../db/create-db.js';
import { inTransaction } from '../db/queries/common.js';
import { putEvaluationFacts } from '../db/queries/evaluation-facts.js';
import { createEvaluation, type CreateEvaluationInput, lockEvaluation, updateEvaluation } from '../db/queries/evaluations.js';
import { nowIso } from '../db/ids.js';
import { type GradingContext, loadGradingContext } from './grading-context.js';
import { markChanged } from './evaluation-version.js';

/** Facts a caller may give, the score included (stored on the evaluation row, in hundredths). */
export interface FactsInput extends SubjectFactsInput {
  score?: number | null | undefined;
  expectedVersion?: number | undefined;
}

/**
 * Checks the caller's version, stores the facts given and returns the context reloaded (so the
 * grade's check reads them). Nothing given: the context as it was. Runs inside the caller's transaction.
 */
export async function recordFacts(trx: Db, ctx: GradingContext, input: FactsInput, actor: string): Promise<GradingContext> {
  const id = ctx.evaluation.id;
  if (input.expectedVersion !== undefined) await updateEvaluation(trx, id, {}, { actor, expectedVersion: input.expectedVersion });
  if (!hasFacts(input) && input.score === undefined) return ctx;
  if (hasFacts(input)) {
    const facts = applyFacts(ctx.facts, input, { subjectKind: ctx.evaluation.subjectKind, ruleSet: ctx.cycle.ruleSet });
    await putEvaluationFacts(trx, { evaluationId: id, facts, at: nowIso(), actor });
  }
  if (input.score !== undefined) await updateEvaluation(trx, id, { score: input.score }, { actor });
  return loadGradingContext(trx, id);
}

/** The fields a plain edit may change. */
export interface FreeFieldsInput extends FactsInput {
  note?: string | null | undefined;
  reviewed?: boolean | null | undefined;
  reason?: string | undefined;
}

function decidedAlready(): AppError {
  return new AppError(
    'StageInvalid',
    {
      vi: 'Phiếu đã có quyết định xếp loại: điểm, số nhiệm vụ, xếp loại công chức và kỷ luật chỉ sửa qua xếp loại lại (POST /api/evaluations/:id/regrade, có lý do).',
      en: 'The evaluation is decided: change its score or facts through POST /api/evaluations/:id/regrade with a reason.',
    },
    { field: 'stage' },
  );
}

/**
 * A plain edit: note and reviewed at any time; score and facts until the decision (after it, a
 * re-grade with a reason carries them and is checked). Returns the evaluation.
 */
export async function editEvaluation(db: Db, evaluationId: string, input: FreeFieldsInput, actor: string): Promise<Evaluation> {
  return inTransaction(db, async (trx) => {
    await lockEvaluation(trx, evaluationId, input.expectedVersion);
    const ctx = await loadGradingContext(trx, evaluationId);
    const touchesFacts = hasFacts(input) || input.score !== undefined;
    if (touchesFacts && (ctx.stage === 'decided' || ctx.stage === 'published')) throw decidedAlready();
    const { note, reviewed, reason, expectedVersion, ...facts } = input;
    await recordFacts(trx, ctx, { ...facts, expectedVersion }, actor);
    const free = Object.fromEntries(Object.entries({ note, reviewed }).filter(([, v]) => v !== undefined));
    const updated = await updateEvaluation(trx, evaluationId, free, { actor, reason });
    // Facts live beside the row: a change of them alone still moves the version on.
    return touchesFacts ? markChanged(trx, ctx.evaluation) : updated;
  });
}

/** Creates an evaluation with free fields only (eligible, no grade), then stores the facts given, in one transaction. */
export async function createWithFacts(
  db: Db,
  input: Pick<CreateEvaluationInput, 'cycleYear' | 'period' | 'subjectKind' | 'subjectRef' | 'actor' | 'reason'> & { reviewed?: boolean | null | undefined; note?: string | null | undefined },
  facts: FactsInput,
): Promise<Evaluation> {
  return inTransaction(db, async (trx) => {
    const { score, ...rest } = facts;
    const free = Object.fromEntries(Object.entries({ reviewed: input.reviewed, note: input.note, score }).filter(([, v]) => v !== undefined));
    const created = await createEvaluation(trx, { cycleYear: input.cycleYear, period: input.period, subjectKind: input.subjectKind, subjectRef: input.subjectRef, actor: input.actor, reason: input.reason, ...free });
    if (!hasFacts(rest)) return created;
    return (await recordFacts(trx, await loadGradingContext(trx, created.id), rest, input.actor)).evaluation;
  });
}
