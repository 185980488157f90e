/**
 * The process rules of each rule set and their citations (rules-audit.md H29, H38, Q33–Q35, R39,
 * R46, R47, R50 and §6.1–6.3): every stage, order, authority, re-grade and review-record message
 * cites the cycle's own regulation, never QĐ 366 for a cycle it did not govern.
 *
 * - QĐ 132 / HD 21 (2019–2022): "Tập thể, cá nhân phải hoàn thành việc kiểm điểm mới được đánh giá,
 *   xếp loại" (HD 21 tiểu mục 6 mục II, regulations.md §2.1); three steps (self-assessment, the bodies
 *   taking part propose, the competent level decides; regulations.md §2.6); the sources give no order
 *   of decisions, so QĐ 366's order is shown as advice only; authority [M] (regulations.md §2.6).
 * - QĐ 124 / HD 25 (2023–2024): Điều 11: self-assessment, thẩm định and proposal by the advisory
 *   body, decision; complaints ⇒ the superior committee verifies and re-evaluates; order "chính
 *   quyền, chuyên môn, đoàn thể trước, tổ chức đảng sau; cấp dưới trước, cấp trên sau; tập thể trước,
 *   cá nhân thành viên sau; đơn vị trước, người đứng đầu sau" (regulations.md §3); Điều 13: "cấp ủy
 *   cấp trên trực tiếp … xem xét hủy bỏ, đánh giá, xếp loại lại".
 * - QĐ 366 / HD 43 (2025 on): Điều 3 khoản 4; Điều 12 khoản 1 (Bước 1–3), khoản 2 (order (1)–(5));
 *   Điều 13 (rules_2025.md §1.5).
 */
import type { RuleSetCode } from '../codes.js';

export interface ProcessSources {
  /** A subject must be reviewed before it is graded. */
  reviewedBeforeGraded: string;
  /** The steps (stage errors). */
  steps: string;
  /** Whether appraisal (thẩm định) is a step of its own before the decision (rules-audit.md Q35, R46). */
  appraisalStep: boolean;
  /** The appraisal step's source (shown when a decision comes before it). */
  appraisal: string;
  /** A complaint or denunciation: re-verification before the decision; null when the sources have no such step. */
  complaint: string | null;
  /** Re-grading after the decision, by the directly superior committee. */
  regrade: string;
  /** Authority to decide. */
  authority: string;
}

export const PROCESS_SOURCES: Record<RuleSetCode, ProcessSources> = {
  'QD132-HD21': {
    reviewedBeforeGraded: 'HD 21, II.6 (tiểu mục 6 mục II: "Tập thể, cá nhân phải hoàn thành việc kiểm điểm mới được đánh giá, xếp loại")',
    steps: 'HD 21 (3 bước: tự đánh giá, các chủ thể tham gia đánh giá, cấp có thẩm quyền quyết định) [no section in sources]',
    appraisalStep: false,
    appraisal: 'HD 21 (3 bước; không có bước thẩm định riêng) [no section in sources]',
    complaint: null,
    regrade: 'HD 21 [M: cấp có thẩm quyền; regulations.md §2.6]; GUIDE.md §4.8',
    authority: 'HD 21 [M: BTV cấp ủy cấp trên trực tiếp; regulations.md §2.6]; GUIDE.md §4.7',
  },
  'QD124-HD25': {
    reviewedBeforeGraded: 'QĐ 124, Điều 11 (Bước 1: tự kiểm điểm, đánh giá, xếp loại trước khi thẩm định, quyết định)',
    steps: 'QĐ 124, Điều 11',
    appraisalStep: true,
    appraisal: 'QĐ 124, Điều 11 (Bước 2: cơ quan tham mưu về tổ chức cán bộ thẩm định và đề xuất mức xếp loại)',
    complaint: 'QĐ 124, Điều 11 (có khiếu nại, tố cáo: cấp ủy cấp trên kiểm tra, xác minh, đánh giá lại)',
    regrade: 'QĐ 124, Điều 13 (cấp ủy cấp trên trực tiếp … xem xét hủy bỏ, đánh giá, xếp loại lại)',
    authority: 'QĐ 124, Điều 13; HD 25, §3',
  },
  'QD366-HD43': {
    reviewedBeforeGraded: 'QĐ 366, Điều 3 khoản 4 ("tập thể, cá nhân được kiểm điểm thì phải đánh giá, xếp loại")',
    steps: 'QĐ 366, Điều 12 khoản 1',
    appraisalStep: true,
    appraisal: 'QĐ 366, Điều 12 khoản 1 (Bước 2: "Thẩm định và đề xuất mức xếp loại")',
    complaint: 'QĐ 366, Điều 12 khoản 1 (Bước 3: cấp uỷ cấp trên trực tiếp chỉ đạo kiểm tra, xác minh, thẩm định lại trước khi quyết định)',
    regrade: 'QĐ 366, Điều 13 (cấp uỷ cấp trên trực tiếp … xem xét huỷ bỏ, đánh giá, xếp loại lại)',
    authority: 'HD 43, Mục 3; QĐ 366, Điều 13',
  },
};

/** The process sources of a rule set (QĐ 366's for a code the product does not know). */
export function processSources(ruleSet: RuleSetCode | string): ProcessSources {
  return PROCESS_SOURCES[ruleSet as RuleSetCode] ?? PROCESS_SOURCES['QD366-HD43'];
}
