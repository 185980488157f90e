/**
 * Dated events of a member or leader (a discipline, a sick or maternity leave, an exemption …,
 * GUIDE.md §3) entered or removed from the workspace, through the subject's evaluation: the version
 * the page read is checked, the evaluation moves one version on (its check now reads another fact),
 * and its history records who entered what, when. The person's events stay the one source the rules
 * read (src/services/grading-facts.ts).
 */
import { AppError } from '../domain/errors.js';
import type { Evaluation } from '../domain/model/evaluations.js';
import { lockEvaluation } from '../db/queries/evaluations.js';
import type { PersonEvent, PersonEventInput } from '../domain/model/people.js';
import type { Db } from '../db/create-db.js';
import { inTransaction } from '../db/queries/common.js';
import { insertHistory } from '../db/queries/evaluation-history.js';
import { deletePersonEvent } from '../db/queries/persons.js';
import { eventText, recordPersonEvent } from './person-events.js';
import { nowIso } from '../db/ids.js';
import { assertReadVersion, markChanged } from './evaluation-version.js';
import { type GradingContext, loadGradingContext } from './grading-context.js';

function cardOf(ctx: GradingContext): string {
  const card = ctx.subject.cardNumber;
  if (card) return card;
  throw new AppError(
    'ValidationFailed',
    {
      vi: 'Chỉ đảng viên và cán bộ lãnh đạo mới có sự kiện cá nhân (kỷ luật, nghỉ ốm…); kỷ luật của tập thể hoặc tổ chức đảng ghi ở phần «Kỷ luật của tập thể».',
      en: 'Only members and leaders have person events; a collective’s or organisation’s discipline is a fact of its evaluation.',
    },
    { field: 'kind' },
  );
}

/** Adds an event of the evaluation's subject; Conflict when `expectedVersion` is stale. */
export async function addSubjectEvent(
  db: Db,
  input: { evaluationId: string; expectedVersion?: number | undefined; event: Omit<PersonEventInput, 'cardNumber'>; actor: string },
): Promise<{ evaluation: Evaluation; event: PersonEvent }> {
  return inTransaction(db, async (trx) => {
    await lockEvaluation(trx, input.evaluationId, input.expectedVersion);
    const ctx = await loadGradingContext(trx, input.evaluationId);
    assertReadVersion(ctx.evaluation, input.expectedVersion);
    const { event } = await recordPersonEvent(trx, { event: { ...input.event, cardNumber: cardOf(ctx) }, actor: input.actor, skipEvaluationId: ctx.evaluation.id });
    await insertHistory(trx, { evaluationId: ctx.evaluation.id, at: nowIso(), actor: input.actor, action: 'update', reason: null, changes: [{ field: 'event', oldValue: null, newValue: eventText(event) }] });
    return { evaluation: await markChanged(trx, ctx.evaluation), event };
  });
}

/** Removes an event of the evaluation's subject (entered by mistake), with a reason kept in history. */
export async function removeSubjectEvent(
  db: Db,
  input: { evaluationId: string; eventId: string; expectedVersion?: number | undefined; reason?: string | undefined; actor: string },
): Promise<{ evaluation: Evaluation; event: PersonEvent }> {
  return inTransaction(db, async (trx) => {
    await lockEvaluation(trx, input.evaluationId, input.expectedVersion);
    const ctx = await loadGradingContext(trx, input.evaluationId);
    assertReadVersion(ctx.evaluation, input.expectedVersion);
    const event = await deletePersonEvent(trx, { cardNumber: cardOf(ctx), eventId: input.eventId });
    await insertHistory(trx, { evaluationId: ctx.evaluation.id, at: nowIso(), actor: input.actor, action: 'update', reason: input.reason?.trim() || null, changes: [{ field: 'event', oldValue: eventText(event), newValue: null }] });
    return { evaluation: await markChanged(trx, ctx.evaluation), event };
  });
}
