/**
 * Readings of rules whose sources are ambiguous (rules-audit.md rows marked [A]): each is a cycle
 * parameter with a default, and every reason it produces says it is a reading ("cách đọc"), not the
 * regulation's wording. Set per cycle with PUT /api/cycles/:year/parameters { readings: { … } }.
 */
import { z } from 'zod';
import { AppError } from '../errors.js';
import { SRC } from './sources.js';
import type { RuleSetCode } from '../codes.js';

/** A reading: the mode in force and what it rests on. */
export interface Reading<M extends string> {
  mode: M;
  /** The sources' wording it reads, and that it is a reading. */
  source: string;
}

export interface Readings {
  /**
   * QĐ 366 Điều 11 k4 (c), a member not holding a leading post: "vi phạm liên quan đến hoạt động công
   * vụ bị xử lý kỷ luật từ khiển trách trở lên". 'duty_related' (default, the wording): only a
   * discipline recorded as duty-related binds, one not recorded either way is weighed; 'any': every
   * discipline of the year binds (the HD 21 / QĐ 124 rule). rules-audit.md R15.
   */
  memberDiscipline: Reading<'duty_related' | 'any'> | null;
  /**
   * HD 43 4.3: a violation of an earlier year disciplined in this period at khiển trách or cảnh cáo
   * is weighed case by case ('weighed', default) or binds like any discipline ('binding'). R19.
   */
  earlierViolation: Reading<'weighed' | 'binding'> | null;
  /**
   * HD 21 II.B.3 KHT (2): "units led completed < 50% of targets, key targets not 100%": either
   * alone ('or', default: the forms count them in separate rows) or both together ('and'). H32.
   */
  collectiveTargets: Reading<'or' | 'and'> | null;
  /**
   * HD 21 II.B.4 [M] / QĐ 124 Điều 12: a leader's HTXS needs the unit led graded HTT or above, and the
   * head is not graded above the unit: weighed by the competent level ('weighed', default), binding
   * ('bound') or not applied ('off'). H37, Q26.
   */
  leaderLedUnit: Reading<'weighed' | 'bound' | 'off'> | null;
  /**
   * HD 43 Mục 3 / QĐ 366 (rules-audit.md R32): a party organisation's grade "dựa trên kết quả đánh
   * giá, xếp loại chất lượng của: tập thể …, tổ chức đảng trực thuộc (nếu có) và toàn bộ đảng viên"
   * with no numeric trigger. Reading: more than `khtAbovePercent`% (default 20, HD 21 II.B.1.3's
   * figure) of the graded members (a cell) or sub-organisations (a committee) decided KHT ⇒ KHT,
   * weighed by the competent level ('weighed', default), binding ('bound') or not applied ('off').
   */
  organisationBasis: (Reading<'weighed' | 'bound' | 'off'> & { khtAbovePercent: number }) | null;
}

const READING = 'cách đọc — tham số của kỳ, không phải lời văn quy định';

export const READINGS: Record<RuleSetCode, Readings> = {
  'QD132-HD21': {
    memberDiscipline: null,
    earlierViolation: null,
    collectiveTargets: { mode: 'or', source: `${SRC.HD21_COLLECTIVE} [${READING}: chỉ tiêu < 50% hoặc chỉ tiêu chủ yếu không đạt]` },
    leaderLedUnit: { mode: 'weighed', source: `${SRC.HD21_LEADER} [${READING}: đơn vị do mình lãnh đạo]` },
    organisationBasis: null,
  },
  'QD124-HD25': {
    memberDiscipline: null,
    earlierViolation: null,
    collectiveTargets: null,
    leaderLedUnit: { mode: 'weighed', source: `${SRC.QD124_GRADES} [${READING}: "đơn vị do mình lãnh đạo, quản lý hoàn thành tốt"]` },
    organisationBasis: null,
  },
  'QD366-HD43': {
    memberDiscipline: { mode: 'duty_related', source: `${SRC.QD366_KHT} [${READING}: "vi phạm liên quan đến hoạt động công vụ"]` },
    earlierViolation: { mode: 'weighed', source: `HD 43, điểm 4.3 [${READING}: vi phạm năm trước bị kỷ luật năm nay]` },
    collectiveTargets: null,
    leaderLedUnit: null,
    organisationBasis: {
      mode: 'weighed',
      khtAbovePercent: 20,
      source: `HD 43, Mục 3 ("dựa trên kết quả … tổ chức đảng trực thuộc (nếu có) và toàn bộ đảng viên"; không có ngưỡng) [${READING}: trên 20% xếp loại KHT ⇒ KHT, ngưỡng của HD 21 II.B.1.3]`,
    },
  },
};

/** The patch a cycle may store: a mode per reading. */
export const readingsPatchSchema = z.strictObject({
  memberDiscipline: z.enum(['duty_related', 'any']).optional(),
  earlierViolation: z.enum(['weighed', 'binding']).optional(),
  collectiveTargets: z.enum(['or', 'and']).optional(),
  leaderLedUnit: z.enum(['weighed', 'bound', 'off']).optional(),
  organisationBasis: z.enum(['weighed', 'bound', 'off']).optional(),
  /** The share (%) of KHT above which organisationBasis applies. */
  organisationBasisKhtPercent: z.number().min(0).max(100).optional(),
});
export type ReadingsPatch = z.infer<typeof readingsPatchSchema>;

/** Checks that each reading patched exists in the rule set (ValidationFailed naming it otherwise). */
export function checkReadingsPatch(readings: Readings, patch: ReadingsPatch | undefined, code: RuleSetCode): void {
  for (const given of Object.keys(patch ?? {}) as (keyof ReadingsPatch)[]) {
    const key: keyof Readings = given === 'organisationBasisKhtPercent' ? 'organisationBasis' : given;
    if (readings[key] === null) {
      throw new AppError(
        'ValidationFailed',
        { vi: `Bộ quy định ${code} không có cách đọc «readings.${given}» (nguồn không mơ hồ hoặc không có quy định này).`, en: `${code} has no reading "readings.${given}".` },
        { field: `readings.${given}` },
      );
    }
  }
}

/** The readings with a cycle's patch applied. */
export function applyReadings(readings: Readings, patch: ReadingsPatch | undefined): Readings {
  const out = { ...readings };
  const { organisationBasisKhtPercent: percent, ...modes } = patch ?? {};
  for (const [key, mode] of Object.entries(modes) as [keyof Readings, string][]) {
    const r = out[key];
    if (r) (out as Record<keyof Readings, Reading<string> | null>)[key] = { ...r, mode };
  }
  if (percent !== undefined && out.organisationBasis) out.organisationBasis = { ...out.organisationBasis, khtAbovePercent: percent };
  return out;
}
