/**
 * The words of the regulations and the forms (UI.md principle 1), taken from the domain's own lists
 * (src/domain, pure modules the page bundle may import), with their English translations.
 */
import { ROLE_LABELS, type Role } from '../../src/domain/access.js';
import {
  COLLECTIVE_KIND_LABELS,
  DISCIPLINE_LEVEL_LABELS,
  ELIGIBILITY_LABELS,
  type Eligibility,
  GRADE_LABELS,
  type Grade,
  GRADES,
  PERSON_EVENT_LABELS,
  type PersonEventKind,
  type DisciplineLevel,
  UNIT_KIND_LABELS,
  type UnitKind,
  type CollectiveKind,
} from '../../src/domain/codes.js';
import { STAGE_LABELS, type Stage } from '../../src/domain/workflow/stages.js';
import { UNIT_STATE_LABELS, type UnitState } from '../../src/domain/workflow/unit-state.js';

export { GRADES, type Grade, type Role, type Stage, type UnitState, type Eligibility, type UnitKind };

type Lang = string;
const pick = (lang: Lang, vi: string, en: string) => (lang === 'en' ? en : vi);

const GRADE_EN: Record<Grade, string> = { HTXS: 'Completed tasks excellently', HTT: 'Completed tasks well', HT: 'Completed tasks', KHT: 'Did not complete tasks' };
/** "Hoàn thành tốt nhiệm vụ"; in English the translation. */
export const gradeLabel = (g: Grade, lang: Lang) => pick(lang, GRADE_LABELS[g], GRADE_EN[g]);

const ROLE_EN: Record<Role, string> = { admin: 'Administrator', compiler: 'Organisation department (compiling)', clerk: 'Unit clerk', viewer: 'Viewer' };
export const roleLabel = (r: Role, lang: Lang) => pick(lang, ROLE_LABELS[r], ROLE_EN[r]);

const STAGE_EN: Record<Stage, string> = { not_started: 'Not started', self_assessed: 'Self-assessed', opinions: 'Opinions gathered', proposed: 'Proposed', appraised: 'Appraised', decided: 'Decided', published: 'Published' };
export const stageLabel = (s: Stage, lang: Lang) => pick(lang, STAGE_LABELS[s], STAGE_EN[s]);

const STATE_EN: Record<UnitState, string> = { not_started: 'Not started', in_progress: 'In progress', submitted: 'Results sent', accepted: 'Accepted', returned: 'Returned', late: 'Late' };
export const unitStateLabel = (s: UnitState, lang: Lang) => pick(lang, UNIT_STATE_LABELS[s], STATE_EN[s]);

const ELIGIBILITY_EN: Record<Eligibility, string> = { eligible: 'To be graded', exempt: 'Exempt from party work', suspended: 'Suspended', new_member: 'Admitted < 6 months ago', new_unit: 'Founded < 6 months ago', pending: 'Not graded yet (absent)', higher_level: 'Graded by the level above' };
export const eligibilityLabel = (e: Eligibility, lang: Lang) => pick(lang, ELIGIBILITY_LABELS[e], ELIGIBILITY_EN[e]);

const UNIT_KIND_EN: Record<UnitKind, string> = { province_committee: 'Province party organisation', district_committee: 'District party organisation', grassroots_committee: 'Grassroots party organisation', grassroots_cell: 'Grassroots cell', sub_committee: 'Sub-organisation', cell: 'Cell' };
export const unitKindLabel = (k: UnitKind, lang: Lang) => pick(lang, UNIT_KIND_LABELS[k], UNIT_KIND_EN[k]);

const EVENT_EN: Record<PersonEventKind, string> = { exempt: 'Exempt from party work', suspended: 'Suspended', transferred: 'Transferred', died: 'Deceased', expelled: 'Expelled', disciplined: 'Disciplined', sick_leave: 'Sick leave', maternity_leave: 'Maternity leave', decline_concluded: 'Found to show decline', violated_prohibitions: 'Violated what members must not do', violated_example_duty: 'Violated the duty to set an example', temporary_membership: 'Temporary party membership elsewhere', committee_suspended: 'Suspended from the party committee' };
export const eventLabel = (k: PersonEventKind, lang: Lang) => pick(lang, PERSON_EVENT_LABELS[k], EVENT_EN[k]);

const LEVEL_EN: Record<DisciplineLevel, string> = { khien_trach: 'Reprimand', canh_cao: 'Warning', cach_chuc: 'Removal from post', khai_tru: 'Expulsion' };
export const disciplineLabel = (l: DisciplineLevel, lang: Lang) => pick(lang, DISCIPLINE_LEVEL_LABELS[l], LEVEL_EN[l]);

export const collectiveKindLabel = (k: CollectiveKind) => COLLECTIVE_KIND_LABELS[k];

const KHT_VI: Record<string, string> = {
  decline: 'Có biểu hiện suy thoái (cấp có thẩm quyền kết luận)',
  below_50: 'Hoàn thành dưới 50% chỉ tiêu, nhiệm vụ',
  civil_servant: 'Là công chức, viên chức xếp loại không hoàn thành nhiệm vụ',
  disciplined: 'Bị xử lý kỷ luật trong năm',
  other: 'Trường hợp khác',
  disunity: 'Mất đoàn kết nội bộ hoặc có thành viên suy thoái',
  key_targets: 'Các chỉ tiêu chủ yếu không đạt',
  collective_disciplined: 'Tập thể bị xử lý kỷ luật',
  member_disciplined: 'Có thành viên bị kỷ luật từ cảnh cáo trở lên',
};
const KHT_EN: Record<string, string> = {
  decline: 'Found to show decline',
  below_50: 'Completed under 50% of targets',
  civil_servant: 'Graded "did not complete" as a civil servant',
  disciplined: 'Disciplined in the year',
  other: 'Other',
  disunity: 'Internal disunity or a member in decline',
  key_targets: 'Key targets not met',
  collective_disciplined: 'The collective was disciplined',
  member_disciplined: 'A member disciplined at warning or above',
};
export const khtReasonLabel = (r: string, lang: Lang) => pick(lang, KHT_VI[r] ?? r, KHT_EN[r] ?? r);

/** The short code beside the full name (principle 1): "HTT — Hoàn thành tốt nhiệm vụ". */
export const gradeOption = (g: Grade, lang: Lang) => `${g} — ${gradeLabel(g, lang)}`;
