/**
 * Table types of the database, identical on SQLite and PostgreSQL. Portable types only: text ids
 * made by the application, ISO dates as text (YYYY-MM-DD), timestamps as ISO text, booleans as
 * 0/1 integers, JSON as text parsed in the query modules. Periods are half-open: valid_from is the
 * first day, valid_to the first day no longer valid (null = still valid).
 */
import type { Generated } from 'kysely';

export interface OrgUnitTable {
  id: string;
  /** Stable unique code, e.g. HU-TAMDUONG. */
  code: string;
  created_at: string;
}

/** One period of a unit's parent, name, kind and organisation type. */
export interface OrgUnitVersionTable {
  id: string;
  unit_id: string;
  parent_id: string | null;
  name: string;
  kind: string;
  /** Organisation type (FORMS.md §1 leaf code); null = inherited from the nearest ancestor. */
  org_type: string | null;
  valid_from: string;
  valid_to: string | null;
}

export interface CollectiveTable {
  id: string;
  code: string;
  unit_id: string;
  name: string;
  kind: string;
  level: string;
  valid_from: string;
  valid_to: string | null;
}

export interface PersonTable {
  id: string;
  card_number: string;
  full_name: string;
  /** Lower-case, accent-free name for search (SQLite lower() is ASCII-only). */
  search_key: string;
  birth_date: string | null;
  sex: string;
  admitted_on: string;
  /** Date the member became official; null while probationary. */
  official_on: string | null;
  is_civil_servant: number;
  created_at: string;
}

export interface MembershipTable {
  id: string;
  person_id: string;
  unit_id: string;
  valid_from: string;
  valid_to: string | null;
}

export interface PersonEventTable {
  id: string;
  person_id: string;
  kind: string;
  /** Discipline level for `disciplined`. */
  level: string | null;
  starts_on: string;
  ends_on: string | null;
  /** Length in months for sick leave: old rows only (migration 0020: sick leave is measured from its dates). */
  months: number | null;
  note: string | null;
  /** 1/0 for a discipline: the violation relates to official duties; null = not recorded (migration 0020). */
  duty_related: number | null;
  /** 1/0 for a discipline: self-detected and remedied; null = not recorded. */
  self_detected_remedied: number | null;
  /** Year of the violation when it differs from the decision's (HD 43 4.3). */
  violation_year: number | null;
  document_number: string | null;
  document_date: string | null;
  entered_by: string | null;
  entered_at: string | null;
}

export interface PositionTable {
  id: string;
  person_id: string;
  unit_id: string;
  position_group: string;
  title: string;
  /** Body that decides this leader's grade; null = resolved from the tree. */
  deciding_unit_id: string | null;
  valid_from: string;
  valid_to: string | null;
}

export interface CycleTable {
  id: string;
  year: number;
  /** `nam` (year), or a period code such as `q1` or `nhiem_ky`. */
  period: string;
  rule_set: string;
  reference_date: string;
  title: string;
  created_at: string;
  /** Bumped by every change of the cycle's deadlines or parameters (migration 0019). */
  version: Generated<number>;
  /** Bumped by every change of the cycle's stored form counts (migration 0028): the readers' cache key. */
  counts_version: Generated<number>;
}

export interface CycleDeadlineTable {
  id: string;
  cycle_id: string;
  /** Unit kind whose submissions are due. */
  level: string;
  due_on: string;
}

export interface EvaluationTable {
  id: string;
  cycle_id: string;
  subject_kind: string;
  subject_id: string;
  /** The unit the subject belongs to in this cycle (the unit itself, a member's cell, a collective's or position's unit). */
  unit_id: string;
  eligibility: string;
  eligibility_reason: string | null;
  /** 1 when the subject was reviewed (kiểm điểm), 0 when not, null when not recorded. */
  reviewed: number | null;
  self_grade: string | null;
  proposed_grade: string | null;
  decided_grade: string | null;
  deciding_unit_id: string | null;
  /** JSON array of KHT reason codes, primary first. */
  kht_reasons: string;
  /** Score in hundredths of a point (QD366-HD43), null where the rule set uses none. */
  score_x100: number | null;
  note: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface EvaluationHistoryTable {
  id: string;
  evaluation_id: string;
  at: string;
  actor: string;
  /** create | update | regrade | override */
  action: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
  reason: string | null;
}

export interface ReviewTopicTable {
  id: string;
  cycle_id: string;
  subject_kind: string;
  subject_id: string;
  /** Which body manages the subject: tinh | huyen | co_so.dang_uy | co_so.chi_bo (FORMS.md KD `suggested.*`). */
  managed_by: string;
  assigned_by_unit_id: string;
  topic: string;
}

/** A person who signs in: one role and one scope unit (its subtree), see src/domain/access.ts. */
export interface UserTable {
  id: string;
  /** Lower-case sign-in name, unique. */
  username: string;
  display_name: string;
  /** argon2id PHC string of the NFC-normalised password. */
  password_hash: string;
  /** admin | compiler | clerk | viewer */
  role: string;
  scope_unit_id: string;
  /** 1 = may not sign in. */
  disabled: number;
  created_at: string;
  /** Bumped by every change of role, scope, status or password (migration 0019). */
  version: Generated<number>;
}

/** A signed-in session: only the SHA-256 (hex) of the random token is stored. */
export interface SessionTable {
  id: string;
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

/** The workflow stage of an evaluation tracked by the workflow (src/domain/workflow/stages.ts). */
export interface EvaluationStageTable {
  evaluation_id: string;
  stage: string;
  updated_at: string;
}

/** One step of an evaluation's workflow: who, when, from which stage to which, by which body. */
export interface EvaluationStageEventTable {
  id: string;
  evaluation_id: string;
  action: string;
  from_stage: string;
  to_stage: string;
  /** The acting body (proposing cell, deciding committee, …). */
  unit_id: string | null;
  grade: string | null;
  comment: string | null;
  at: string;
  actor: string;
}

/** An opinion of a related body (chủ thể liên quan, GUIDE.md §4.5): a unit of the tree or a free name. */
export interface EvaluationOpinionTable {
  id: string;
  evaluation_id: string;
  body_unit_id: string | null;
  body_name: string;
  proposed_grade: string | null;
  comment: string;
  at: string;
  actor: string;
}

/** Warnings acknowledged with a justification when a grade was set (a cap overrun, a weighed reason). */
export interface DecisionJustificationTable {
  id: string;
  evaluation_id: string;
  action: string;
  grade: string;
  /** JSON array of the warnings acknowledged. */
  warnings: string;
  text: string;
  at: string;
  actor: string;
}

/** A unit's report of a cycle to its parent: draft | submitted | returned | accepted | locked. */
export interface SubmissionTable {
  id: string;
  cycle_id: string;
  unit_id: string;
  status: string;
  /** Latest submission instant (ISO UTC). */
  submitted_at: string | null;
  /** When the parent last returned, accepted or locked it. */
  decided_at: string | null;
  /** When the parent received a paper report (recorded by the parent, migration 0006); timing uses it when present. */
  received_at: string | null;
  comment: string | null;
  /** JSON array of { unitCode, reason }: children accepted without their own accepted report. */
  exceptions: string;
  /** JSON array of { evaluationId, subjectKind, subjectRef, name, reason }: subjects of the unit's scope sent ungraded (migration 0030). */
  ungraded_exceptions: Generated<string>;
  version: number;
  updated_at: string;
}

export interface SubmissionEventTable {
  id: string;
  submission_id: string;
  action: string;
  from_status: string | null;
  to_status: string;
  comment: string | null;
  at: string;
  actor: string;
}

/** The record of one collective's or unit's review meeting (GUIDE.md §4.2–4.4). */
export interface ReviewRecordTable {
  id: string;
  cycle_id: string;
  /** collective | unit */
  subject_kind: string;
  subject_id: string;
  meeting_start: string;
  meeting_end: string;
  /** Duration in half days (1.5 days = 3). */
  duration_half_days: number;
  draft_circulated_on: string | null;
  attending_person_id: string | null;
  notes: string | null;
  created_at: string;
  actor: string;
}

/** A configured day off or working day on top of the statutory calendar (GUIDE.md §4.9). */
export interface CalendarOverrideTable {
  id: string;
  date: string;
  /** day_off | working_day */
  kind: string;
  name: string;
}

/** A unit's SUBTREE total of one printed cell of one form in one cycle (live roll-up, FORMS.md §2). */
export interface FormCountTable {
  cycle_id: string;
  unit_id: string;
  form: string;
  row: string;
  col: string;
  value: number;
}

/** A count entered or imported for a unit that reports counts only; it rolls up with the rest. */
export interface EnteredFormValueTable {
  cycle_id: string;
  unit_id: string;
  form: string;
  row: string;
  col: string;
  value: number;
  entered_at: string;
  entered_by: string;
}

/** A narrative report of a unit for a cycle: its identity, settings and prose (migration 0005). */
export interface ReportTable {
  id: string;
  unit_id: string;
  cycle_id: string;
  number: string;
  date: string;
  place: string;
  signer_name: string;
  signer_title: string;
  /** JSON: issuing/parent body, recipients, decimals, rounding, footnote (src/services/reports.ts). */
  settings: string;
  deployment_text: string;
  preparation_text: string;
  organisation_text: string;
  strengths_text: string;
  weaknesses_text: string;
  causes_text: string;
  tasks_text: string;
  updated_at: string;
  updated_by: string;
  /** Bumped by every save (migration 0019). */
  version: Generated<number>;
}

/** An uploaded report template (.docx as base64 text); at most one active. */
export interface ReportTemplateTable {
  id: string;
  name: string;
  content: string;
  uploaded_at: string;
  uploaded_by: string;
  active: number;
}

/** Facts the grading check reads beside the evaluation (migration 0006): QĐ 366 task counts, civil-servant grade, own discipline. */
export interface EvaluationFactTable {
  evaluation_id: string;
  tasks_total: number | null;
  tasks_on_time: number | null;
  tasks_late: number | null;
  tasks_exceeding: number | null;
  civil_servant_grade: string | null;
  discipline_level: string | null;
  disciplined_on: string | null;
  /** 1 when the own discipline was for a violation self-detected and remedied (migration 0020). */
  discipline_self_remedied: number | null;
  updated_at: string;
  actor: string;
}

/** One fact of an evaluation's subject (migration 0020; src/domain/workflow/fact-catalogue.ts). */
export interface SubjectFactTable {
  evaluation_id: string;
  fact: string;
  /** JSON value, as the catalogue parses it. */
  value: string;
  concluded_on: string | null;
  document_number: string | null;
  document_date: string | null;
  entered_by: string;
  entered_at: string;
}

/** A position sitting on a leadership collective over a period (migration 0020). */
export interface CollectiveMemberTable {
  id: string;
  collective_id: string;
  position_id: string;
  valid_from: string;
  valid_to: string | null;
  document_number: string | null;
  document_date: string | null;
  entered_by: string;
  entered_at: string;
}

/** A cycle's patch of rule-set parameters (JSON, src/domain/rules/parameter-schema.ts; migration 0006). */
export interface CycleParameterTable {
  cycle_id: string;
  patch: string;
  updated_at: string;
  actor: string;
}

/** One restructuring of the tree (merge, split) and what it moved (migration 0010). */
export interface UnitRestructuringTable {
  id: string;
  /** merge | split */
  kind: string;
  effective_on: string;
  /** The unit the sources merged into, or the unit split. */
  target_unit_id: string | null;
  /** JSON: sources, parts, members moved, collectives (old → new code), positions moved. */
  details: string;
  note: string | null;
  at: string;
  actor: string;
}

export interface Database {
  org_units: OrgUnitTable;
  org_unit_versions: OrgUnitVersionTable;
  collectives: CollectiveTable;
  persons: PersonTable;
  memberships: MembershipTable;
  person_events: PersonEventTable;
  positions: PositionTable;
  cycles: CycleTable;
  cycle_deadlines: CycleDeadlineTable;
  evaluations: EvaluationTable;
  evaluation_history: EvaluationHistoryTable;
  review_topics: ReviewTopicTable;
  form_counts: FormCountTable;
  entered_form_values: EnteredFormValueTable;
  users: UserTable;
  sessions: SessionTable;
  evaluation_stages: EvaluationStageTable;
  evaluation_stage_events: EvaluationStageEventTable;
  evaluation_opinions: EvaluationOpinionTable;
  decision_justifications: DecisionJustificationTable;
  submissions: SubmissionTable;
  submission_events: SubmissionEventTable;
  review_records: ReviewRecordTable;
  calendar_overrides: CalendarOverrideTable;
  reports: ReportTable;
  report_templates: ReportTemplateTable;
  evaluation_facts: EvaluationFactTable;
  subject_facts: SubjectFactTable;
  collective_members: CollectiveMemberTable;
  cycle_parameters: CycleParameterTable;
  unit_restructurings: UnitRestructuringTable;
}
