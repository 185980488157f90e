/**
 * Types of the narrative report (GUIDE.md §5 "The narrative report"): its inputs (form values,
 * records the forms cannot hold, settings, prose) and the structured model a template renders.
 */
import type { CollectiveKind, Eligibility, Grade, Level, UnitKind } from '../domain/codes.js';
import type { Claim, FormValuesDoc, YearFigures } from '../domain/forms/index.js';
import type { FormLayout } from './forms-layout.js';

/** How a list of percentages is rounded: half-up each, or largest remainder so the list sums to 100. */
export type ReportRounding = 'half-up' | 'largest-remainder';

/** Per-report settings: the document's identity and its number wording. */
export interface ReportSettings {
  /** Number and symbol without "Số", e.g. "331-BC/HU" (HD 36: "Số 331-BC/HU", no colon). */
  number: string;
  /** Date of issue, ISO (2023-01-10). */
  date: string;
  /** Place name before the date ("Tam Đường"). */
  place: string;
  /** Issuing body ("Huyện ủy Tam Đường"), printed in capitals, bold. */
  issuingBody: string;
  /** Parent body ("Đảng bộ tỉnh Lai Châu"), printed in capitals above the issuing body. */
  parentBody: string;
  /** "T/M BAN THƯỜNG VỤ" (HD 36: a committee signs on behalf, T/M). */
  signerAuthority: string;
  signerTitle: string;
  signerName: string;
  recipients: string[];
  /** Decimals of every percentage (default 2). */
  decimals: number;
  rounding: ReportRounding;
  /**
   * Whether each grade list also prints "hoàn thành tốt nhiệm vụ trở lên" (HTXS + HTT), as many
   * reports do, claimed with the forms' `…graded.htt_up` rows and CN's `htt_up` column (FORMS.md).
   */
  printHttUp: boolean;
  /** Optional footnote after the deployment paragraph (the seed's footnote 1). */
  deploymentFootnote: string;
  /**
   * Whether section II 2.1 (hạn chế) cites the consistency audit of decided grades (issue 8 item 3,
   * `xeploai grade audit`): how many decided grades break a binding rule, by rule. Off by default:
   * the audit re-checks every decided grade of the subtree.
   */
  citeAudit: boolean;
}

/** The consistency audit's counts a report cites: decided grades breaking a binding rule, by rule. */
export interface ReportAuditCounts {
  /** Decided grades re-checked. */
  checked: number;
  /** Decided grades breaking at least one binding rule. */
  breaking: number;
  /** By rule (its citation): decided grades breaking it, most first. */
  byRule: { source: string; count: number }[];
}

/** Prose kept per report and edited by staff (GUIDE.md §5: "sections II are prose that the staff writes"). */
export interface ReportProse {
  deployment: string;
  preparation: string;
  organisation: string;
  strengths: string;
  weaknesses: string;
  causes: string;
  tasks: string;
}

/** A unit evaluation of the report's subtree (organisations: the unit itself, TCCSĐ, cells). */
export interface UnitRecord {
  name: string;
  kind: UnitKind;
  depth: number;
  eligibility: Eligibility;
  reviewed: boolean | null;
  decided: Grade | null;
}

/** A leadership collective's evaluation, with the kind of the unit it belongs to. */
export interface CollectiveRecord {
  name: string;
  kind: CollectiveKind;
  level: Level;
  unitKind: UnitKind;
  eligibility: Eligibility;
  reviewed: boolean | null;
  decided: Grade | null;
}

/** A leader's evaluation (by position). */
export interface PositionRecord {
  group: string;
  title: string;
  eligibility: Eligibility;
  reviewed: boolean | null;
  decided: Grade | null;
  proposed: Grade | null;
}

/** A topic a superior assigned for in-depth review (gợi ý kiểm điểm, GUIDE.md §4.3). */
export interface TopicRecord {
  subjectKind: 'unit' | 'member' | 'collective' | 'position';
  managedBy: string;
  /** How the text names the subject: "Đảng ủy xã Khun Há", "Đồng chí Bí thư Đảng ủy xã Khun Há". */
  subjectName: string;
  topic: string;
}

/** What the report needs beyond the forms (src/db/queries/report-data.ts). */
export interface ReportRecords {
  unit: { code: string; name: string; kind: UnitKind };
  units: UnitRecord[];
  collectives: CollectiveRecord[];
  positions: PositionRecord[];
  topics: TopicRecord[];
  /** Members whose decided grade was changed after appraisal (history action `regrade`). */
  regradedMembers: number;
}

/** Everything the pure model is built from. */
export interface ReportInput {
  forms: FormValuesDoc;
  records: ReportRecords;
  settings: ReportSettings;
  prose: ReportProse;
  /** The latest earlier year with figures (graded here or imported as counts), to compare with. */
  previous?: YearFigures | undefined;
  /** The audit's counts, when the report cites them (settings.citeAudit). */
  audit?: ReportAuditCounts | undefined;
}

/** Paragraph styles the template knows. */
export type ParagraphKind = 'h1' | 'h2' | 'h3' | 'h4' | 'body' | 'note';

/**
 * One paragraph of the body; `footnote` is the 1-based footnote slot it refers to, its mark placed
 * after the first `footnoteAt` characters of the text (default: at its end).
 */
export interface ReportParagraph {
  kind: ParagraphKind;
  text: string;
  footnote?: number;
  footnoteAt?: number;
}

/** One annex table (a form): the printed layout the workbook's sheet of the form also follows. */
export type AnnexTable = FormLayout;

/** The structured report a template renders. */
export interface ReportModel {
  header: { parentBody: string; issuingBody: string; partyTitle: string; numberLine: string; placeDate: string };
  title: string;
  subject: string;
  paragraphs: ReportParagraph[];
  footnotes: string[];
  recipients: string[];
  signature: { authority: string; title: string; name: string };
  annexes: AnnexTable[];
  /** Every number the text prints that a form holds (FORMS.md §3 "claims"). */
  claims: Claim[];
  /** The form-values document of the report: the forms, report number/date, annex meta, claims. */
  values: FormValuesDoc;
}
