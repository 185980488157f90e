/**
 * Types of the rule sets (GUIDE.md §3) and of the dated facts the rules read. Counts are integers,
 * scores are integer hundredths of a point, dates are ISO 'YYYY-MM-DD'.
 */
import type { DisciplineLevel, Grade, KhtReason, PersonEventKind, RuleSetCode, SubjectKind, UnitKind } from '../codes.js';
import type { IsoDate } from '../calendar/iso-date.js';
import type { Readings } from './readings.js';

/** A dated fact about a subject: a person's events, or a collective's / organisation's discipline. */
export interface DatedEvent {
  kind: PersonEventKind;
  from: IsoDate;
  /** Last day (inclusive); open-ended when absent or null. */
  to?: IsoDate | null;
  /** For 'disciplined'. */
  level?: DisciplineLevel;
  /** The violation was self-detected and remedied (tự phát hiện, khắc phục). */
  selfDetectedRemedied?: boolean;
  /** The violation relates to the official duties (QĐ 366: "liên quan đến chức trách, nhiệm vụ"). */
  dutyRelated?: boolean;
  /** Year of the violation when it differs from the decision's (HD 43 4.3: an earlier violation disciplined now). */
  violationYear?: number;
}

/** A part of a whole, both integer counts. */
export interface Ratio {
  part: number;
  total: number;
}

/** Counts of grades in a scope. */
export interface GradeCounts {
  HTXS: number;
  HTT: number;
  HT: number;
  KHT: number;
}

/**
 * Task counts (QĐ 366, Điều 11): `onTime` and `late` are completed tasks; `exceeding` (vượt mức) is a
 * subset of the completed ones; not completed = total − onTime − late.
 */
export interface TaskCounts {
  total: number;
  onTime: number;
  late: number;
  exceeding: number;
}

/** A QĐ 366 score in integer hundredths: general ≤ 3000 (30 points), tasks ≤ 7000 (70 points). */
export interface Score {
  general: number;
  tasks: number;
}

/** Facts read while grading; each rule reads only the fields it needs. */
export interface GradingFacts {
  /** The subject's own dated events (person events, or a collective's/organisation's discipline). */
  events?: readonly DatedEvent[];
  /** Events of the members of a collective (discipline, suy thoái). */
  memberEvents?: readonly DatedEvent[];
  /** The member's grade as civil servant (CBCCVC) in the agency. */
  civilServantGrade?: Grade;
  /** Targets completed of those assigned (HD 21 / QĐ 124: < 50%). */
  targets?: Ratio;
  /** Targets exceeded of those assigned (QĐ 124: individual HTXS needs ≥ 50%). */
  targetsExceeded?: Ratio;
  keyTargetsMissed?: boolean;
  /** QĐ 366: the 5 basic socio-economic targets not met. */
  fiveTargetsMissed?: boolean;
  forceMajeure?: boolean;
  /** QĐ 366: the subject's tasks (member) or the tasks of the unit led (collective, leader). */
  tasks?: TaskCounts;
  score?: Score;
  /** QĐ 366 HTXS: 100% of the shortcomings of the last review remedied. */
  shortcomingsRemedied?: boolean;
  /** Disunity, wrongdoing in personnel work, factions, "chạy chức" concluded by the competent level. */
  disunity?: boolean;
  subUnitsDisciplined?: Ratio;
  /** Corruption, waste or negativity disciplined in a sub-unit / within the scope led. */
  corruptionInScope?: boolean;
  lowConfidenceVotes?: Ratio;
  ledUnitsKht?: Ratio;
  /** A criterion rated "Kém" (HD 21 / QĐ 124 criteria levels). */
  anyCriterionPoor?: boolean;
  /** The grade of the organisation, agency or unit a collective leads. */
  organisationGrade?: Grade;
  /** Organisation: grades of its members (a cell) or of its sub-units (a committee). */
  childGrades?: GradeCounts;
  /** Organisation: grades of government, MTTQ and mass organisations at the same level. */
  peerBodyGrades?: readonly Grade[];
  unitKind?: UnitKind;
  /** A leader: the grade of the unit (party organisation) where the position sits, the unit they lead. */
  ledUnitGrade?: Grade;
  /** A leader: the position is the head (bí thư) of that unit. */
  isHead?: boolean;
}

/** The year (or other period) being graded. */
export interface Period {
  from: IsoDate;
  to: IsoDate;
}

/** Why a grade is limited. `binding` false: the competent level weighs it (a warning, not a block). */
export interface CeilingReason {
  grade: Grade;
  text: string;
  source: string;
  binding: boolean;
  khtReason?: KhtReason;
}

/** How self-detected-and-remedied violations and force majeure are treated. */
export type ExceptionMode = 'excepted' | 'weighed';

export type TriggerCode =
  | 'decline'
  | 'disciplined'
  | 'member_disciplined'
  | 'member_decline'
  | 'targets_below'
  | 'targets_and_key_below'
  | 'key_targets_missed'
  | 'tasks_completed_below'
  | 'tasks_not_completed_above'
  | 'civil_servant_kht'
  | 'disunity'
  | 'sub_units_disciplined_above'
  | 'corruption_in_scope'
  | 'low_confidence_above'
  | 'led_units_kht_above'
  | 'criterion_poor'
  | 'violation';

/** One automatic KHT trigger of a rule set. */
export interface TriggerSpec {
  code: TriggerCode;
  source: string;
  /** Threshold in percent where the trigger has one. */
  percent?: number;
  minLevel?: DisciplineLevel;
  dutyRelatedOnly?: boolean;
  /** Found in secondary sources only (GUIDE.md "(verify)"). */
  verify?: boolean;
}

/** The base of the HTXS cap: HTT only (literal), HTT + HTXS ("HTT trở lên"), or all graded. */
export type CapBase = 'HTT' | 'HTT+HTXS' | 'graded';
export type CapRounding = 'floor' | 'round_half_up' | 'ceil';

/** The HTXS cap as a parameter object (GUIDE.md §3, "Practice differs from the cap's wording"). */
export interface CapParameters {
  numerator: 'HTXS';
  base: CapBase;
  scope: 'grassroots_org' | 'group';
  percent: number;
  /** QĐ 366: up to 25% where the unit has outstanding results; null when no exception exists. */
  exceptionalPercent: number | null;
  rounding: CapRounding;
  source: string;
  /**
   * A cap overrun ("không vượt quá"): 'justify' (the default reading, GUIDE.md §3) lets the competent
   * body decide with a recorded justification, cited as its own decision; 'refuse' blocks it.
   */
  overrun?: 'justify' | 'refuse';
  /** The local decision (number, date) that set a percentage, exception or scope the rule set does not have (rules-audit.md H7, Q4). */
  localDecision?: string;
}

/** Thresholds of an organisation's grade on its members' or sub-units' grades (HD 21, II.B.1.3). */
export interface OrganisationThresholds {
  htxs: { htPlusPercent: number; httPlusPercent: number };
  htt: { htPlusPercent: number; httPlusPercent: number };
  /** More than this share KHT ⇒ the organisation KHT. */
  khtAbovePercent: number;
  source: string;
  verify: boolean;
}

/** Who is reviewed and graded. */
export interface EligibilityRules {
  excludedSource: string;
  newMember: { months: number; reviewed: boolean; graded: boolean; source: string };
  newUnit: { months: number; reviewed: boolean; graded: boolean; source: string; verify: boolean };
}

/** A rule set: data only; the functions of this folder read it. */
export interface RuleSet {
  code: RuleSetCode;
  label: string;
  eligibility: EligibilityRules;
  sickLeave: { minMonths: number; ceiling: Grade | null; source: string; verify: boolean };
  maternitySource: string;
  /** 'bound': party grade ≤ civil-servant grade; 'weighed': the civil-servant grade is a basis (warning). */
  civilServant: { mode: 'bound' | 'weighed'; source: string; verify: boolean };
  /** QĐ 124: an individual HTXS needs ≥ this % of targets exceeded; null when no such rule. */
  memberHtxsExceededPercent: { percent: number; source: string } | null;
  selfRemedied: ExceptionMode;
  forceMajeure: ExceptionMode;
  triggers: Record<SubjectKind, readonly TriggerSpec[]>;
  organisation: { cell: OrganisationThresholds; committee: OrganisationThresholds } | null;
  collectiveNotAboveOrganisation: { enabled: boolean; source: string; verify: boolean };
  caps: Record<SubjectKind, CapParameters>;
  /** QĐ 366 scoring; null for the criteria-level rule sets. */
  scoring: ScoreBands | null;
  /** Readings of ambiguous sources, each a cycle parameter (src/domain/rules/readings.ts). */
  readings: Readings;
}

/** QĐ 366 Điều 11 bands, all thresholds in hundredths of a point or whole percents. */
export interface ScoreBands {
  generalMax: number;
  tasksMax: number;
  htxsMin: number;
  httMin: number;
  htMin: number;
  htxsExceedingPercent: number;
  htLatePercent: number;
  source: string;
}
