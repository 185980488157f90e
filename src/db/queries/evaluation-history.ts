/** The history of evaluations: one row per changed field, with who, when, old, new and why (GUIDE.md §4.8). */
import type { EvaluationHistoryEntry, FieldChange, HistoryAction } from '../../domain/model/evaluations.js';
import type { Db } from '../create-db.js';
import { newId } from '../ids.js';
import { recordAudit } from './audit.js';

/** The history of an evaluation, oldest first. */
export async function listEvaluationHistory(db: Db, evaluationId: string): Promise<EvaluationHistoryEntry[]> {
  const rows = await db
    .selectFrom('evaluation_history')
    .selectAll()
    .where('evaluation_id', '=', evaluationId)
    .orderBy('at')
    .orderBy('field')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    evaluationId: r.evaluation_id,
    at: r.at,
    actor: r.actor,
    action: r.action as HistoryAction,
    field: r.field as FieldChange['field'],
    oldValue: r.old_value,
    newValue: r.new_value,
    reason: r.reason,
  }));
}

/** Writes one history row per changed field (none when nothing changed). */
export async function insertHistory(
  db: Db,
  entry: { evaluationId: string; at: string; actor: string; action: HistoryAction; reason: string | null; changes: FieldChange[] },
): Promise<void> {
  if (entry.changes.length === 0) return;
  await db
    .insertInto('evaluation_history')
    .values(
      entry.changes.map((c) => ({
        id: newId(),
        evaluation_id: entry.evaluationId,
        at: entry.at,
        actor: entry.actor,
        action: entry.action,
        field: c.field,
        old_value: c.oldValue,
        new_value: c.newValue,
        reason: entry.reason,
      })),
    )
    .execute();
  // The same change in the chained audit log (a history row edited later no longer matches it).
  await recordAudit(db, {
    actor: entry.actor,
    action: `evaluation.${entry.action}`,
    entity: 'evaluation',
    entityKey: entry.evaluationId,
    oldValue: Object.fromEntries(entry.changes.map((c) => [c.field, c.oldValue])),
    newValue: Object.fromEntries(entry.changes.map((c) => [c.field, c.newValue])),
    reason: entry.reason,
  });
}
