/**
 * What a user may do to a row of the workspace, mirroring the server's rules (src/domain/access.ts,
 * src/domain/workflow/stages.ts) so the grid offers only what will be accepted; the server checks
 * again and its refusal is shown if the two ever differ.
 */
import type { User } from '../../../src/db/queries/users.js';
import type { WorkspaceRow } from '../../../src/services/workspace.js';
import { processSources } from '../../../src/domain/workflow/process-sources.js';

/**
 * What the «Xếp loại» control of a row does: propose, appraise (the organisation department's
 * thẩm định, before the decision under QĐ 124 and QĐ 366), decide, or nothing (read only).
 */
export type GradeMode = 'propose' | 'appraise' | 'decide' | 'readonly';

const GRADED = ['eligible', 'pending'];

/** True when the user's scope unit is the authority or above it on the workspace's path (top first). */
function scopeCovers(user: User, authority: string | null, path: readonly string[]): boolean {
  if (user.role === 'admin') return true;
  if (!authority) return false;
  const scope = path.indexOf(user.scopeUnitCode);
  const at = path.indexOf(authority);
  return scope >= 0 && (at < 0 || scope <= at);
}

/** The mode of the grade control for a row; `ruleSet` is the cycle's (whether appraisal is a step of its own). */
export function gradeMode(row: WorkspaceRow, user: User, path: readonly string[], ruleSet: string): GradeMode {
  const e = row.evaluation;
  if (!e || user.role === 'viewer' || !GRADED.includes(e.eligibility)) return 'readonly';
  const mayDecide = (user.role === 'admin' || user.role === 'compiler') && scopeCovers(user, row.authority.unitCode, path);
  if (mayDecide && e.stage === 'proposed' && processSources(ruleSet).appraisalStep) return 'appraise';
  if (mayDecide && ['proposed', 'appraised', 'decided'].includes(e.stage)) return 'decide';
  if (['not_started', 'self_assessed', 'opinions', 'proposed'].includes(e.stage)) return 'propose';
  return 'readonly';
}

/** True when the self-assessed grade can still be entered (before opinions and the proposal). */
export function canSelfAssess(row: WorkspaceRow, user: User): boolean {
  const e = row.evaluation;
  return Boolean(e) && user.role !== 'viewer' && GRADED.includes(e!.eligibility) && ['not_started', 'self_assessed'].includes(e!.stage);
}

/** True when a decided grade can be published by the user (the deciding body). */
export function canPublish(row: WorkspaceRow, user: User, path: readonly string[]): boolean {
  return row.evaluation?.stage === 'decided' && (user.role === 'admin' || user.role === 'compiler') && scopeCovers(user, row.authority.unitCode, path);
}

/** True when the user may re-grade a published subject (on the subject's page, with a reason). */
export function canRegrade(row: WorkspaceRow, user: User, path: readonly string[]): boolean {
  return row.evaluation?.stage === 'published' && (user.role === 'admin' || user.role === 'compiler') && scopeCovers(user, row.authority.unitCode, path);
}

/** The grade a row stands at: decided, else proposed, else self-assessed. */
export function standingGrade(row: WorkspaceRow) {
  const e = row.evaluation;
  return e ? (e.decidedGrade ?? e.proposedGrade ?? e.selfGrade) : null;
}
