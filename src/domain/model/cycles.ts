/**
 * Review cycles (kỳ kiểm điểm, đánh giá, xếp loại): a year and period pinned to one rule set and a
 * reference date (GUIDE.md §3: "a cycle is pinned to one rule set, so an old year's report is
 * reproducible under its own rules"), with the deadlines by which each level reports (GUIDE.md §4.9)
 * and the topics a superior names for in-depth review (gợi ý kiểm điểm, GUIDE.md §4.3).
 */
import { RULE_SETS, type RuleSetCode, ruleSetForYear, type SubjectKind, UNIT_KINDS, type UnitKind } from '../codes.js';
import { AppError } from '../errors.js';

/** The deadline by which units of one kind report upward. */
export interface CycleDeadline {
  level: UnitKind;
  dueOn: string;
}

export interface Cycle {
  id: string;
  year: number;
  /** `nam` (yearly), `q1`–`q4`, `nhiem_ky` (per term) or `dot_xuat` (ad hoc). */
  period: string;
  ruleSet: RuleSetCode;
  /** The date at which memberships and positions are read (YYYY-MM-DD). */
  referenceDate: string;
  title: string;
  createdAt: string;
  deadlines: CycleDeadline[];
  /** Bumped by every change of deadlines or parameters: a page sends back the one it read. */
  version: number;
}

/** Which body manages a subject given review topics: the KD form's `suggested.*` rows (FORMS.md §2). */
export const TOPIC_MANAGERS = ['tinh', 'huyen', 'co_so.dang_uy', 'co_so.chi_bo'] as const;
export type TopicManager = (typeof TOPIC_MANAGERS)[number];

/** A topic a superior asks a collective or person to review in depth. */
export interface ReviewTopic {
  id: string;
  cycleId: string;
  subjectKind: SubjectKind;
  subjectId: string;
  /** The subject's public key: party card number, collective code or position id. */
  subjectRef: string;
  managedBy: TopicManager;
  assignedByUnitId: string;
  assignedByUnitCode: string;
  topic: string;
}

/** Subjects a topic may be given to: collectives and persons (GUIDE.md §4.3; KD form columns). */
export const TOPIC_SUBJECT_KINDS: readonly SubjectKind[] = ['collective', 'member', 'position'];

/** Checks the managing body and the text of a review topic; returns the trimmed text. */
export function checkReviewTopic(input: { subjectKind: string; managedBy: string; topic: string }): string {
  const fail = (field: string, vi: string, en: string) => new AppError('ValidationFailed', { vi, en }, { field });
  if (!(TOPIC_SUBJECT_KINDS as readonly string[]).includes(input.subjectKind)) {
    throw fail('subjectKind', 'Chỉ gợi ý kiểm điểm cho tập thể hoặc cá nhân.', 'Review topics are for collectives or persons only.');
  }
  if (!(TOPIC_MANAGERS as readonly string[]).includes(input.managedBy)) {
    throw fail('managedBy', `Cấp quản lý «${input.managedBy}» không hợp lệ.`, `Unknown managing body "${input.managedBy}".`);
  }
  const topic = input.topic.trim();
  if (topic === '') throw fail('topic', 'Nội dung gợi ý kiểm điểm không được để trống.', 'The topic must not be empty.');
  return topic;
}

/** Periods a cycle may have; only QD366-HD43 allows other than yearly reviews (GUIDE.md §3, "cadence"). */
export const PERIODS = ['nam', 'q1', 'q2', 'q3', 'q4', 'nhiem_ky', 'dot_xuat'] as const;
export const DEFAULT_PERIOD = 'nam';

const PERIOD_LABELS: Record<string, string> = {
  nam: 'năm',
  q1: 'quý I',
  q2: 'quý II',
  q3: 'quý III',
  q4: 'quý IV',
  nhiem_ky: 'nhiệm kỳ',
  dot_xuat: 'đợt đột xuất',
};

/** The cycle as users name it: "năm 2022" for a yearly review, "quý I năm 2025" otherwise. */
export function cycleName(c: { year: number; period: string }): string {
  return c.period === DEFAULT_PERIOD ? `năm ${c.year}` : `${PERIOD_LABELS[c.period] ?? c.period} năm ${c.year}`;
}

/** True when `s` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Throws ValidationFailed naming `field` unless `value` is a real YYYY-MM-DD date. */
export function assertIsoDate(value: string, field: string): void {
  if (!isIsoDate(value)) {
    throw new AppError(
      'ValidationFailed',
      { vi: `Ngày «${value}» không hợp lệ (dạng YYYY-MM-DD).`, en: `"${value}" is not a valid date (YYYY-MM-DD).` },
      { field },
    );
  }
}

/**
 * The rule set a new cycle is pinned to: the one governing its year unless one is named, which
 * must then govern that year (GUIDE.md §3 table of rule sets).
 */
export function resolveRuleSet(input: { year: number; ruleSet?: string | undefined }): RuleSetCode {
  const governing = ruleSetForYear(input.year);
  if (!governing) {
    throw new AppError(
      'NoRuleSet',
      {
        vi: `Năm ${input.year} không có bộ quy tắc đánh giá, xếp loại (các bộ quy tắc áp dụng từ năm 2019).`,
        en: `Year ${input.year} has no grading rule set (rule sets cover 2019 onwards).`,
      },
      { field: 'year' },
    );
  }
  if (input.ruleSet !== undefined && input.ruleSet !== governing) {
    const named = RULE_SETS.find((r) => r.code === input.ruleSet);
    const span = named ? ` (${named.fromYear}–${named.toYear === 9999 ? '…' : named.toYear})` : '';
    throw new AppError(
      'RuleSetMismatch',
      {
        vi: `Bộ quy tắc «${input.ruleSet}»${span} không áp dụng cho năm ${input.year}; năm này dùng ${governing}.`,
        en: `Rule set "${input.ruleSet}"${span} does not govern ${input.year}; that year uses ${governing}.`,
      },
      { field: 'ruleSet' },
    );
  }
  return governing;
}

/** Checks a period code and that the rule set allows it (only QD366-HD43 reviews other than yearly). */
export function assertPeriod(period: string, ruleSet: RuleSetCode): void {
  const known = (PERIODS as readonly string[]).includes(period);
  if (!known || (period !== DEFAULT_PERIOD && ruleSet !== 'QD366-HD43')) {
    throw new AppError(
      'PeriodInvalid',
      {
        vi: known
          ? `Bộ quy tắc ${ruleSet} chỉ kiểm điểm hằng năm; không có kỳ «${period}».`
          : `Kỳ «${period}» không hợp lệ (${PERIODS.join(', ')}).`,
        en: known
          ? `Rule set ${ruleSet} only has yearly reviews; no "${period}" period.`
          : `Unknown period "${period}" (${PERIODS.join(', ')}).`,
      },
      { field: 'period' },
    );
  }
}

/** Checks deadlines: known unit kinds, real dates, one per level. */
export function assertDeadlines(deadlines: readonly { level: string; dueOn: string }[]): asserts deadlines is CycleDeadline[] {
  const seen = new Set<string>();
  deadlines.forEach((d, i) => {
    if (!(UNIT_KINDS as readonly string[]).includes(d.level) || seen.has(d.level)) {
      throw new AppError(
        'ValidationFailed',
        {
          vi: `Cấp «${d.level}» không hợp lệ hoặc bị lặp trong hạn nộp báo cáo.`,
          en: `Deadline level "${d.level}" is unknown or repeated.`,
        },
        { field: `deadlines.${i}.level` },
      );
    }
    seen.add(d.level);
    assertIsoDate(d.dueOn, `deadlines.${i}.dueOn`);
  });
}

/** The default title, e.g. "Kiểm điểm, đánh giá, xếp loại chất lượng năm 2022". */
export function defaultCycleTitle(year: number, period: string): string {
  const label = PERIOD_LABELS[period] ?? period;
  return period === DEFAULT_PERIOD
    ? `Kiểm điểm, đánh giá, xếp loại chất lượng năm ${year}`
    : `Kiểm điểm, đánh giá, xếp loại chất lượng ${label} năm ${year}`;
}
