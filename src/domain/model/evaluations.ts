/**
 * Evaluations: one per subject and cycle, holding its eligibility, review, self-assessed, proposed
 * and decided grades side by side (GUIDE.md §4.5–4.7), and the history of every change: who, when,
 * old value, new value, why (GUIDE.md §4.8). Pure: checks and diffs, no I/O.
 */
import {
  COLLECTIVE_KHT_REASONS,
  ELIGIBILITY,
  type Eligibility,
  GRADES,
  type Grade,
  type KhtReason,
  MEMBER_KHT_REASONS,
  type RuleSetCode,
  type SubjectKind,
} from '../codes.js';
import { AppError } from '../errors.js';

/** The fields of an evaluation that change over its life; each change is a history row. */
export interface EvaluationState {
  eligibility: Eligibility;
  eligibilityReason: string | null;
  /** Whether the subject was reviewed (kiểm điểm); null when not recorded. */
  reviewed: boolean | null;
  selfGrade: Grade | null;
  proposedGrade: Grade | null;
  decidedGrade: Grade | null;
  decidingUnitId: string | null;
  /** KHT reason codes, primary first (FORMS.md §2: the primary one is counted). */
  khtReasons: KhtReason[];
  /** Score in hundredths of a point (QD366-HD43's 100-point scale); null under earlier rule sets. */
  scoreX100: number | null;
  note: string | null;
}

export interface Evaluation extends EvaluationState {
  id: string;
  cycleId: string;
  subjectKind: SubjectKind;
  subjectId: string;
  /** The subject's public key: unit code, party card number, collective code or position id. */
  subjectRef: string;
  /** The unit the subject belongs to in this cycle. */
  unitId: string;
  unitCode: string;
  decidingUnitCode: string | null;
  /** `scoreX100 / 100`, for display only; compute with `scoreX100`. */
  score: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const HISTORY_ACTIONS = ['create', 'update', 'regrade', 'override'] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

/**
 * One changed field of an evaluation; values are text (JSON for lists and events). `event` records a
 * dated event of the subject (a discipline, a leave) entered or removed from the evaluation's page.
 */
export interface FieldChange {
  /** A field of the row, or a fact beside it: a person's event, a stored fact, a collective's member (issue 8). */
  field: keyof EvaluationState | 'event' | 'fact' | 'collectiveMember';
  oldValue: string | null;
  newValue: string | null;
}

export interface EvaluationHistoryEntry extends FieldChange {
  id: string;
  evaluationId: string;
  at: string;
  actor: string;
  action: HistoryAction;
  reason: string | null;
}

/** A change requested by a user: raw values, checked by `applyEvaluationPatch`. */
export interface EvaluationPatch {
  eligibility?: string;
  eligibilityReason?: string | null;
  reviewed?: boolean | null;
  selfGrade?: string | null;
  proposedGrade?: string | null;
  decidedGrade?: string | null;
  decidingUnitId?: string | null;
  khtReasons?: string[];
  /** Points, 0–100 with at most two decimals. */
  score?: number | null;
  note?: string | null;
}

const STATE_FIELDS = [
  'eligibility',
  'eligibilityReason',
  'reviewed',
  'selfGrade',
  'proposedGrade',
  'decidedGrade',
  'decidingUnitId',
  'khtReasons',
  'scoreX100',
  'note',
] as const satisfies readonly (keyof EvaluationState)[];

/** The state a new evaluation starts from: eligible, nothing recorded. */
export function emptyEvaluationState(): EvaluationState {
  return {
    eligibility: 'eligible',
    eligibilityReason: null,
    reviewed: null,
    selfGrade: null,
    proposedGrade: null,
    decidedGrade: null,
    decidingUnitId: null,
    khtReasons: [],
    scoreX100: null,
    note: null,
  };
}

function invalid(field: string, vi: string, en: string): AppError {
  return new AppError('ValidationFailed', { vi, en }, { field });
}

/** Checks a grade is one of the four (GUIDE.md §3); GradeInvalid names the field. */
export function parseGrade(value: string | null, field: string): Grade | null {
  if (value === null || (GRADES as readonly string[]).includes(value)) return value as Grade | null;
  throw new AppError(
    'GradeInvalid',
    {
      vi: `Trường «${field}»: xếp loại «${value}» không hợp lệ; chỉ có ${GRADES.join(', ')}.`,
      en: `Field "${field}": grade "${value}" is invalid; use one of ${GRADES.join(', ')}.`,
    },
    { field },
  );
}

/** Like `parseGrade`, but a grade is required. */
export function requireGrade(value: string | null | undefined, field: string): Grade {
  const grade = parseGrade(value ?? '', field);
  if (grade === null) throw new Error('unreachable');
  return grade;
}

/** Converts a score in points to integer hundredths; 0–100, at most two decimals (HD 43: 100-point scale). */
export function scoreToX100(score: number | null, ruleSet: RuleSetCode): number | null {
  if (score === null) return null;
  if (ruleSet !== 'QD366-HD43') {
    throw invalid('score', `Bộ quy tắc ${ruleSet} không chấm điểm.`, `Rule set ${ruleSet} has no score.`);
  }
  const x100 = Math.round(score * 100);
  if (!Number.isFinite(score) || score < 0 || score > 100 || Math.abs(score * 100 - x100) > 1e-6) {
    throw invalid(
      'score',
      `Điểm «${score}» không hợp lệ: từ 0 đến 100, tối đa hai chữ số thập phân.`,
      `Score "${score}" is invalid: 0 to 100 with at most two decimals.`,
    );
  }
  return x100;
}

/**
 * KHT reasons allowed for a subject kind: the DV list for members and leaders (individuals), the TT
 * list for collectives and party organisations (FORMS.md §2).
 */
export function khtReasonsFor(kind: SubjectKind): readonly KhtReason[] {
  return kind === 'member' || kind === 'position' ? MEMBER_KHT_REASONS : COLLECTIVE_KHT_REASONS;
}

/** The grade that stands: decided, else proposed, else self-assessed. */
export function effectiveGrade(s: Pick<EvaluationState, 'selfGrade' | 'proposedGrade' | 'decidedGrade'>): Grade | null {
  return s.decidedGrade ?? s.proposedGrade ?? s.selfGrade;
}

function checkKhtReasons(state: EvaluationState, kind: SubjectKind): void {
  const allowed = khtReasonsFor(kind);
  const bad = state.khtReasons.find((r) => !allowed.includes(r));
  if (bad !== undefined || new Set(state.khtReasons).size !== state.khtReasons.length) {
    throw invalid(
      'khtReasons',
      `Lý do không hoàn thành nhiệm vụ «${bad ?? 'lặp'}» không hợp lệ; được dùng: ${allowed.join(', ')}.`,
      `KHT reason "${bad ?? 'repeated'}" is invalid; allowed: ${allowed.join(', ')}.`,
    );
  }
  if (state.khtReasons.length > 0 && effectiveGrade(state) !== 'KHT') {
    throw invalid(
      'khtReasons',
      'Chỉ ghi lý do khi xếp loại «Không hoàn thành nhiệm vụ» (KHT).',
      'KHT reasons are only recorded with a KHT grade.',
    );
  }
}

/** Applies a patch to a state, checking every value; returns the new state (the old is untouched). */
export function applyEvaluationPatch(
  state: EvaluationState,
  patch: EvaluationPatch,
  ctx: { subjectKind: SubjectKind; ruleSet: RuleSetCode },
): EvaluationState {
  const next: EvaluationState = { ...state, khtReasons: [...state.khtReasons] };
  if (patch.eligibility !== undefined) {
    if (!(ELIGIBILITY as readonly string[]).includes(patch.eligibility)) {
      throw invalid('eligibility', `Diện đánh giá «${patch.eligibility}» không hợp lệ.`, `Unknown eligibility "${patch.eligibility}".`);
    }
    next.eligibility = patch.eligibility as Eligibility;
  }
  if (patch.selfGrade !== undefined) next.selfGrade = parseGrade(patch.selfGrade, 'selfGrade');
  if (patch.proposedGrade !== undefined) next.proposedGrade = parseGrade(patch.proposedGrade, 'proposedGrade');
  if (patch.decidedGrade !== undefined) next.decidedGrade = parseGrade(patch.decidedGrade, 'decidedGrade');
  if (patch.khtReasons !== undefined) next.khtReasons = patch.khtReasons as KhtReason[];
  if (patch.score !== undefined) next.scoreX100 = scoreToX100(patch.score, ctx.ruleSet);
  if (patch.eligibilityReason !== undefined) next.eligibilityReason = patch.eligibilityReason;
  if (patch.reviewed !== undefined) next.reviewed = patch.reviewed;
  if (patch.decidingUnitId !== undefined) next.decidingUnitId = patch.decidingUnitId;
  if (patch.note !== undefined) next.note = patch.note;
  checkKhtReasons(next, ctx.subjectKind);
  return next;
}

function toText(value: EvaluationState[keyof EvaluationState]): string | null {
  if (value === null) return null;
  if (Array.isArray(value)) return JSON.stringify(value);
  return String(value);
}

/** The fields that differ between two states, one change per field, in a fixed order. */
export function diffEvaluation(before: EvaluationState, after: EvaluationState): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of STATE_FIELDS) {
    const oldValue = toText(before[field]);
    const newValue = toText(after[field]);
    if (oldValue !== newValue) changes.push({ field, oldValue, newValue });
  }
  return changes;
}

/** The history of a new evaluation: every field given a value, from nothing. */
export function creationChanges(state: EvaluationState): FieldChange[] {
  return STATE_FIELDS.map((field) => ({ field, oldValue: null, newValue: toText(state[field]) })).filter(
    (c) => c.newValue !== null && c.newValue !== '[]',
  );
}

/**
 * The instant of a new write: now, or just after the previous write when the clock has not moved
 * past it, so that an evaluation's history sorts by time in the order it was written.
 */
export function nextInstant(now: string, previous: string): string {
  return now > previous ? now : new Date(new Date(previous).getTime() + 1).toISOString();
}

/** Throws unless a regrade reason was given: every re-grade says why (GUIDE.md §4.8). */
export function assertRegradeReason(reason: string | undefined | null): string {
  const trimmed = reason?.trim() ?? '';
  if (trimmed === '') {
    throw new AppError(
      'ReasonRequired',
      { vi: 'Xếp loại lại phải ghi rõ lý do.', en: 'A regrade requires a reason.' },
      { field: 'reason' },
    );
  }
  return trimmed;
}
