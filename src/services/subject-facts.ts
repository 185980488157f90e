/**
 * The stored facts of an evaluation's subject (src/domain/workflow/fact-catalogue.ts) entered through
 * PUT/DELETE /api/evaluations/:id/facts/:fact and `xeploai facts set|clear`: checked against the
 * subject kind and the cycle's rule set, stored with the day concluded, the source document and who
 * entered it; the evaluation moves one version on and its history shows the change. A fact may be
 * entered after the decision (a conclusion that arrives later): the consistency audit then reports a
 * decided grade it breaks. The score's two parts are the exception: they are the grade's own basis,
 * so after the decision they change only through a re-grade with a reason, like the total.
 */
import { AppError } from '../domain/errors.js';
import type { Evaluation } from '../domain/model/evaluations.js';
import { checkSubjectFact, parseFactCode, type SubjectFact, type SubjectFactCode, type SubjectFactInput } from '../domain/workflow/fact-catalogue.js';
import type { Db } from '../db/create-db.js';
import { inTransaction } from '../db/queries/common.js';
import { updateEvaluation } from '../db/queries/evaluations.js';
import { deleteSubjectFact, listSubjectFacts, putSubjectFact } from '../db/queries/subject-facts.js';
import { nowIso } from '../db/ids.js';
import { assertReadVersion } from './evaluation-version.js';
import { recordFactChange } from './fact-history.js';
import { type GradingContext, loadGradingContext } from './grading-context.js';

const factText = (f: SubjectFact) => JSON.stringify({ fact: f.fact, value: f.value, concludedOn: f.concludedOn, documentNumber: f.documentNumber, documentDate: f.documentDate });

function assertScoreOpen(ctx: GradingContext, code: SubjectFactCode): void {
  if (code !== 'scoreParts' || (ctx.stage !== 'decided' && ctx.stage !== 'published')) return;
  throw new AppError(
    'StageInvalid',
    {
      vi: 'Phiếu đã có quyết định xếp loại: điểm (tiêu chí chung, kết quả nhiệm vụ) chỉ sửa qua xếp loại lại (POST /api/evaluations/:id/regrade, có lý do).',
      en: 'The evaluation is decided: its score changes only through a re-grade with a reason.',
    },
    { field: 'fact' },
  );
}

/** The facts of an evaluation with the version they were read at. */
export async function getSubjectFacts(db: Db, evaluationId: string): Promise<{ evaluationId: string; version: number; facts: SubjectFact[] }> {
  const ctx = await loadGradingContext(db, evaluationId);
  return { evaluationId, version: ctx.evaluation.version, facts: await listSubjectFacts(db, evaluationId) };
}

/** Enters (or replaces) one fact; Conflict when `expectedVersion` is stale. */
export async function setSubjectFact(
  db: Db,
  input: { evaluationId: string; fact: string; expectedVersion?: number | undefined; reason?: string | undefined; actor: string } & SubjectFactInput,
): Promise<{ evaluation: Evaluation; fact: SubjectFact }> {
  const code = parseFactCode(input.fact);
  return inTransaction(db, async (trx) => {
    const ctx = await loadGradingContext(trx, input.evaluationId);
    assertReadVersion(ctx.evaluation, input.expectedVersion);
    assertScoreOpen(ctx, code);
    const at = nowIso();
    const fact = checkSubjectFact(code, input, { subjectKind: ctx.evaluation.subjectKind, ruleSet: ctx.cycle.ruleSet, enteredBy: input.actor, enteredAt: at });
    const before = (await listSubjectFacts(trx, ctx.evaluation.id)).find((f) => f.fact === code);
    await putSubjectFact(trx, ctx.evaluation.id, fact);
    if (fact.fact === 'scoreParts') {
      const parts = fact.value as { general: number; results: number };
      await updateEvaluation(trx, ctx.evaluation.id, { score: (Math.round(parts.general * 100) + Math.round(parts.results * 100)) / 100 }, { actor: input.actor });
    }
    await recordFactChange(trx, [ctx.evaluation.id], { field: 'fact', oldValue: before ? factText(before) : null, newValue: factText(fact), reason: input.reason }, input.actor, at);
    return { evaluation: (await loadGradingContext(trx, ctx.evaluation.id)).evaluation, fact };
  });
}

/** Removes one fact (entered by mistake), the reason kept in history; NotFound when none is stored. */
export async function clearSubjectFact(
  db: Db,
  input: { evaluationId: string; fact: string; expectedVersion?: number | undefined; reason?: string | undefined; actor: string },
): Promise<{ evaluation: Evaluation }> {
  const code = parseFactCode(input.fact);
  return inTransaction(db, async (trx) => {
    const ctx = await loadGradingContext(trx, input.evaluationId);
    assertReadVersion(ctx.evaluation, input.expectedVersion);
    assertScoreOpen(ctx, code);
    const before = (await listSubjectFacts(trx, ctx.evaluation.id)).find((f) => f.fact === code);
    if (!before || !(await deleteSubjectFact(trx, ctx.evaluation.id, code))) {
      throw new AppError('NotFound', { vi: `Phiếu chưa có dữ kiện «${code}».`, en: `No fact "${code}" is stored.` }, { field: 'fact' });
    }
    await recordFactChange(trx, [ctx.evaluation.id], { field: 'fact', oldValue: factText(before), newValue: null, reason: input.reason }, input.actor, nowIso());
    return { evaluation: (await loadGradingContext(trx, ctx.evaluation.id)).evaluation };
  });
}
