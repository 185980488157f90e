/**
 * The workflow of one subject's grading (GUIDE.md §4.5–4.8; QĐ 366 Điều 12 khoản 1: "Bước 1: Tự đánh
 * giá, xếp loại … Bước 2: Thẩm định và đề xuất mức xếp loại … Bước 3: Cấp có thẩm quyền quyết định"):
 * self-assessment → opinions of related bodies → the unit's proposal → appraisal → decision by the
 * competent authority → published; re-grading only after publication, with a reason (QĐ 366 Điều 13:
 * "xem xét huỷ bỏ, đánh giá, xếp loại lại"; GUIDE.md §4.8). Opinions are optional (a member may have
 * no related body). Appraisal follows the cycle's rule set (rules-audit.md Q35, R46): under QĐ 124
 * (Điều 11, Bước 2) and QĐ 366 (Điều 12 khoản 1, "Bước 2: Thẩm định và đề xuất mức xếp loại") it is a
 * step of its own and the decision waits for it; HD 21's three steps (self-assessment, the bodies
 * taking part propose, the competent level decides; regulations.md §2.6) have none, so under HD 21 it
 * stays optional.
 */
import type { RuleSetCode } from '../codes.js';
import { AppError } from '../errors.js';
import { processSources } from './process-sources.js';

export const STAGES = ['not_started', 'self_assessed', 'opinions', 'proposed', 'appraised', 'decided', 'published'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  not_started: 'Chưa bắt đầu',
  self_assessed: 'Đã tự đánh giá',
  opinions: 'Đã lấy ý kiến chủ thể liên quan',
  proposed: 'Đã đề xuất',
  appraised: 'Đã thẩm định',
  decided: 'Đã quyết định',
  published: 'Đã công bố',
};

export const WORKFLOW_ACTIONS = ['self_assess', 'opinion', 'propose', 'appraise', 'decide', 'publish', 'regrade', 'complaint', 'reverify'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

const ACTION_LABELS: Record<WorkflowAction, string> = {
  self_assess: 'tự đánh giá',
  opinion: 'ghi ý kiến chủ thể liên quan',
  propose: 'đề xuất xếp loại',
  appraise: 'thẩm định',
  decide: 'quyết định xếp loại',
  publish: 'công bố kết quả',
  regrade: 'xếp loại lại',
  complaint: 'ghi đơn thư khiếu nại, tố cáo',
  reverify: 'ghi kết quả kiểm tra, xác minh, thẩm định lại',
};

/** From which stages each action may run, and the stage it leads to. */
const TRANSITIONS: Record<WorkflowAction, { from: readonly Stage[]; to: Stage | 'same' }> = {
  self_assess: { from: ['not_started', 'self_assessed'], to: 'self_assessed' },
  opinion: { from: ['self_assessed', 'opinions'], to: 'opinions' },
  propose: { from: ['self_assessed', 'opinions', 'proposed'], to: 'proposed' },
  appraise: { from: ['proposed', 'appraised'], to: 'appraised' },
  decide: { from: ['proposed', 'appraised', 'decided'], to: 'decided' },
  publish: { from: ['decided'], to: 'published' },
  regrade: { from: ['published'], to: 'same' },
  // QĐ 366 Điều 12 k1 Bước 3 (QĐ 124 Điều 11): a complaint before the decision, then the superior committee's re-verification.
  complaint: { from: ['not_started', 'self_assessed', 'opinions', 'proposed', 'appraised'], to: 'same' },
  reverify: { from: ['self_assessed', 'opinions', 'proposed', 'appraised'], to: 'same' },
};

/**
 * The stage after `action` at `current`; throws StageInvalid (naming the current stage and the
 * stages the action needs) otherwise. E.g. a re-grade before publication is refused.
 */
export function nextStage(current: Stage, action: WorkflowAction, ruleSet: RuleSetCode | string = 'QD366-HD43'): Stage {
  const t = TRANSITIONS[action];
  const sources = processSources(ruleSet);
  // QĐ 124 Điều 11 / QĐ 366 Điều 12 k1 Bước 2: the decision comes after the appraisal (rules-audit.md Q35, R46).
  const appraisalNeeded = action === 'decide' && sources.appraisalStep;
  const from = appraisalNeeded ? t.from.filter((s) => s !== 'proposed') : t.from;
  if (!from.includes(current)) {
    const need = from.map((s) => STAGE_LABELS[s].toLowerCase()).join(' / ');
    const source = action === 'regrade' ? sources.regrade : appraisalNeeded && current === 'proposed' ? sources.appraisal : sources.steps;
    const hint = appraisalNeeded && current === 'proposed' ? ' Cơ quan tham mưu về công tác tổ chức cán bộ thẩm định và đề xuất trước (POST /api/evaluations/:id/appraise).' : '';
    throw new AppError(
      'StageInvalid',
      {
        vi: `Không thể ${ACTION_LABELS[action]} khi phiếu đang ở bước «${STAGE_LABELS[current]}»; cần bước: ${need} (${source}).${hint}`,
        en: `Cannot ${action} at stage "${current}"; it needs: ${from.join(' / ')}.`,
      },
      { field: 'stage', details: { current, action, allowed: from } },
    );
  }
  return t.to === 'same' ? current : t.to;
}

/**
 * The stage of an evaluation the workflow has not tracked (entered directly or imported): decided
 * grades count as published (the cycle predates the workflow), else proposed, else self-assessed.
 */
export function derivedStage(e: { selfGrade: string | null; proposedGrade: string | null; decidedGrade: string | null }): Stage {
  if (e.decidedGrade !== null) return 'published';
  if (e.proposedGrade !== null) return 'proposed';
  if (e.selfGrade !== null) return 'self_assessed';
  return 'not_started';
}
