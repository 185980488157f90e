/**
 * The version of an evaluation as a concurrency token (issue #9 item 10): every step that changes an
 * evaluation or what its check reads (a grade, a workflow step, an opinion, a fact, an event of its
 * subject) checks the version the caller read and leaves the evaluation one version further, so a
 * page holding an older copy gets a Conflict showing that something changed, never an overwrite.
 */
import type { Evaluation } from '../domain/model/evaluations.js';
import type { Db } from '../db/create-db.js';
import { getEvaluation, staleVersion, touchEvaluation } from '../db/queries/evaluations.js';

/** Conflict (409, field `version`) when the caller read another version than `current`'s. */
export function assertReadVersion(current: Evaluation, expected: number | undefined): void {
  if (expected !== undefined && expected !== current.version) throw staleVersion(expected, current.version, current);
}

/**
 * Ends a step: bumps the version once when the step did not already change the evaluation's row
 * (an opinion, a stage, a fact), and returns the evaluation as it now stands.
 */
export async function markChanged(trx: Db, read: Evaluation): Promise<Evaluation> {
  await touchEvaluation(trx, read.id);
  return getEvaluation(trx, read.id);
}
