/**
 * When a grade is frozen (GUIDE.md §4.8: after the decision "rà soát, thẩm định lại, xếp loại lại";
 * §4.9: a unit's report accepted or locked by its parent): a decided or published evaluation, or a
 * subject under a unit whose report (or an ancestor's) is accepted or locked, changes only through
 * a re-grade with a reason by the competent authority or a committee above it (QĐ 366, Điều 13).
 * Pure: the caller passes the chain of units and the stored report statuses.
 */
import type { RuleSetCode } from '../codes.js';
import { AppError } from '../errors.js';
import { processSources } from './process-sources.js';
import { assertMayRegrade, type ChainUnit, type DecidingBody } from './authority.js';
import { type Stage, STAGE_LABELS } from './stages.js';
import { SUBMISSION_STATUS_LABELS, type SubmissionStatus } from './submissions.js';

/** A report that freezes the grading of its unit's subtree. */
export interface GradingLock {
  unitCode: string;
  status: 'accepted' | 'locked';
}

/** The nearest unit of the chain (the subject's unit first) whose report is accepted or locked, or undefined. */
export function findGradingLock(chain: readonly ChainUnit[], statuses: ReadonlyMap<string, SubmissionStatus>): GradingLock | undefined {
  for (const u of chain) {
    const s = statuses.get(u.id);
    if (s === 'accepted' || s === 'locked') return { unitCode: u.code, status: s };
  }
  return undefined;
}

/** SubmissionLocked naming the unit whose report froze the grading, its status, and the way left (a re-grade). */
export function gradingLockedError(lock: GradingLock, what: string, ruleSet: RuleSetCode | string = 'QD366-HD43'): AppError {
  const regrade = processSources(ruleSet).regrade;
  return new AppError(
    'SubmissionLocked',
    {
      vi: `Báo cáo của «${lock.unitCode}» ở trạng thái «${SUBMISSION_STATUS_LABELS[lock.status]}» trong kỳ này: không thể ${what} đối tượng thuộc đơn vị này nữa; chỉ cấp có thẩm quyền hoặc cấp ủy cấp trên trực tiếp xếp loại lại, có lý do (POST /api/evaluations/:id/regrade; ${regrade}).`,
      en: `The report of "${lock.unitCode}" is ${lock.status}: grading under it is frozen; only a re-grade with a reason by the competent authority or above (POST /api/evaluations/:id/regrade).`,
    },
    { field: 'unitCode', details: { unitCode: lock.unitCode, status: lock.status } },
  );
}

/** True when the evaluation's grade is decided (decided or published). */
export function isDecided(stage: Stage): boolean {
  return stage === 'decided' || stage === 'published';
}

/**
 * A change of eligibility after the decision is a re-grade in effect (the grade leaves the totals):
 * the acting body must be the competent authority or a committee above it. StageInvalid when no
 * acting body is named; NotCompetentAuthority otherwise; both point to the re-grade.
 */
export function assertMayChangeDecided(input: { stage: Stage; body: DecidingBody; chain: readonly ChainUnit[]; by: { id: string; code: string } | undefined }): void {
  const stage = STAGE_LABELS[input.stage].toLowerCase();
  const regrade = processSources(input.body.ruleSet ?? 'QD366-HD43').regrade;
  if (!input.by) {
    throw new AppError(
      'StageInvalid',
      {
        vi: `Phiếu đã ở bước «${stage}»: điều chỉnh diện đánh giá là xếp loại lại, cần nêu cấp có thẩm quyền («byUnit») và lý do; hoặc dùng POST /api/evaluations/:id/regrade (${regrade}).`,
        en: `The evaluation is ${input.stage}: changing its eligibility is a re-grade; name the acting body ("byUnit") with a reason, or use POST /api/evaluations/:id/regrade.`,
      },
      { field: 'byUnit', details: { current: input.stage } },
    );
  }
  try {
    assertMayRegrade({ body: input.body, chain: input.chain, by: input.by });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    throw new AppError(
      'NotCompetentAuthority',
      {
        vi: `Phiếu đã ở bước «${stage}»: đơn vị «${input.by.code}» không được điều chỉnh diện đánh giá; chỉ ${input.body.text} hoặc cấp ủy cấp trên trực tiếp, có lý do, như khi xếp loại lại (POST /api/evaluations/:id/regrade; ${regrade}).`,
        en: `The evaluation is ${input.stage}: unit "${input.by.code}" may not change its eligibility; only ${input.body.unit?.code ?? 'the competent authority'} or above, as a re-grade (POST /api/evaluations/:id/regrade).`,
      },
      { field: 'byUnit', details: { competent: input.body.unit?.code ?? null } },
    );
  }
}
