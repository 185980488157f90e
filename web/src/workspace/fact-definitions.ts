/**
 * The facts a grid row can carry, as data (issue #9 item 3: the workspace and its check panel take
 * new fact kinds by adding an entry here, not by changing the grid): which subjects and rule sets a
 * fact applies to, where it is stored (a dated event of the person, or a fact of the evaluation),
 * the fields a user fills, how the row shows it, and the request that records or removes it.
 */
import type { RuleSetCode, SubjectKind } from '../../../src/domain/codes.js';
import type { WorkspaceRow } from '../../../src/services/workspace.js';
import { fmtDate } from '../format.js';
import { tk } from '../i18n.js';
import { disciplineLabel, eventLabel, GRADES, gradeLabel } from '../labels.js';

export interface FactField {
  name: string;
  /** Vietnamese label (translated by the page). */
  label: string;
  /** `boolean`: a checkbox, its value 'true' or '' (e.g. a discipline's flags). */
  type: 'date' | 'select' | 'number' | 'text' | 'boolean';
  options?: (lang: string) => { value: string; label: string }[];
  required?: boolean;
  hint?: string;
}

/** One value a row shows: the text of a chip, and how to remove it. */
export interface FactValue {
  text: string;
  /** An event's id (removed with DELETE …/events/:id), or the evaluation field set to null. */
  remove: { event: string } | { field: string };
  /** Lowers the ceiling (shown in red). */
  severe?: boolean;
}

export interface FactDefinition {
  id: string;
  label: string;
  subjectKinds: readonly SubjectKind[];
  /** Rule sets it applies under (all when absent). */
  ruleSets?: readonly RuleSetCode[];
  store: 'event' | 'evaluation';
  fields: readonly FactField[];
  current(row: WorkspaceRow, lang: string): FactValue[];
  /** The body recording it: an event (POST …/events) or evaluation fields (PATCH …). */
  body(values: Record<string, string>): Record<string, unknown>;
}

const PERSONS: readonly SubjectKind[] = ['member', 'position'];
const ORGS: readonly SubjectKind[] = ['collective', 'unit'];
const levels = (lang: string) => (['khien_trach', 'canh_cao', 'cach_chuc', 'khai_tru'] as const).map((l) => ({ value: l, label: disciplineLabel(l, lang) }));
const grades = (lang: string) => GRADES.map((g) => ({ value: g, label: `${g} — ${gradeLabel(g, lang)}` }));
const opt = (v: string) => (v.trim() === '' ? null : v.trim());
const yesNo = (v: string | undefined) => (v === 'true' ? true : v === 'false' ? false : null);
const yesNoOptions = (lang: string) => [
  { value: 'true', label: lang === 'en' ? 'Yes' : 'Có' },
  { value: 'false', label: lang === 'en' ? 'No' : 'Không' },
];
const period = (e: { startsOn: string; endsOn: string | null }) => (e.endsOn ? `${fmtDate(e.startsOn)}–${fmtDate(e.endsOn)}` : fmtDate(e.startsOn));

/** A dated event of the person behind the row (GUIDE.md §3), one kind per definition. */
function eventFact(kind: 'disciplined' | 'sick_leave' | 'maternity_leave' | 'exempt' | 'suspended' | 'decline_concluded', extra: readonly FactField[], severe: boolean): FactDefinition {
  return {
    id: kind,
    label: kind,
    subjectKinds: PERSONS,
    store: 'event',
    fields: [...extra, { name: 'startsOn', label: tk('Từ ngày'), type: 'date', required: true }, ...(kind === 'disciplined' || kind === 'decline_concluded' ? [] : [{ name: 'endsOn', label: tk('Đến ngày (để trống nếu chưa hết)'), type: 'date' } as const]), { name: 'note', label: tk('Ghi chú'), type: 'text' }],
    current: (row, lang) =>
      row.events
        .filter((e) => e.kind === kind)
        .map((e) => ({ text: `${eventLabel(e.kind, lang)}${e.level ? ` (${disciplineLabel(e.level, lang)})` : ''}: ${period(e)}`, remove: { event: e.id }, severe })),
    body: (v) => ({ kind, startsOn: v.startsOn, endsOn: opt(v.endsOn ?? ''), level: opt(v.level ?? ''), note: opt(v.note ?? ''), ...(kind === 'disciplined' ? { dutyRelated: yesNo(v.dutyRelated), selfDetectedRemedied: yesNo(v.selfDetectedRemedied) } : {}) }),
  };
}

/** Every fact the grid offers today; another issue's facts are added here. */
export const FACT_DEFINITIONS: readonly FactDefinition[] = [
  eventFact(
    'disciplined',
    [
      { name: 'level', label: tk('Hình thức kỷ luật'), type: 'select', options: levels, required: true },
      { name: 'dutyRelated', label: tk('Vi phạm liên quan đến chức trách, nhiệm vụ'), type: 'select', options: yesNoOptions },
      { name: 'selfDetectedRemedied', label: tk('Tự phát hiện và khắc phục'), type: 'select', options: yesNoOptions },
    ],
    true,
  ),
  eventFact('sick_leave', [], false),
  eventFact('maternity_leave', [], false),
  eventFact('exempt', [], false),
  eventFact('suspended', [], true),
  eventFact('decline_concluded', [], true),
  {
    id: 'civilServantGrade',
    label: tk('Xếp loại cán bộ, công chức, viên chức'),
    subjectKinds: PERSONS,
    store: 'evaluation',
    fields: [{ name: 'grade', label: tk('Mức xếp loại công chức'), type: 'select', options: grades, required: true }],
    current: (row, lang) => (row.facts.civilServantGrade ? [{ text: `${'CBCCVC'}: ${gradeLabel(row.facts.civilServantGrade, lang)}`, remove: { field: 'civilServantGrade' }, severe: row.facts.civilServantGrade === 'KHT' }] : []),
    body: (v) => ({ civilServantGrade: v.grade }),
  },
  {
    id: 'ownDiscipline',
    label: tk('Kỷ luật của tập thể, tổ chức'),
    subjectKinds: ORGS,
    store: 'evaluation',
    fields: [
      { name: 'level', label: tk('Hình thức kỷ luật'), type: 'select', options: levels, required: true },
      { name: 'on', label: tk('Ngày quyết định'), type: 'date', required: true },
    ],
    current: (row, lang) => (row.facts.discipline ? [{ text: `${disciplineLabel(row.facts.discipline.level, lang)}: ${fmtDate(row.facts.discipline.on)}`, remove: { field: 'discipline' }, severe: true }] : []),
    body: (v) => ({ discipline: { level: v.level, on: v.on } }),
  },
  {
    id: 'tasks',
    label: tk('Kết quả thực hiện nhiệm vụ (QĐ 366)'),
    subjectKinds: ['member', 'position', 'collective', 'unit'],
    ruleSets: ['QD366-HD43'],
    store: 'evaluation',
    fields: [
      { name: 'total', label: tk('Tổng số nhiệm vụ'), type: 'number', required: true },
      { name: 'onTime', label: tk('Hoàn thành đúng hạn'), type: 'number', required: true },
      { name: 'late', label: tk('Hoàn thành chậm'), type: 'number', required: true },
      { name: 'exceeding', label: tk('Vượt mức'), type: 'number', required: true },
    ],
    current: (row) => (row.facts.tasks ? [{ text: `${row.facts.tasks.onTime + row.facts.tasks.late}/${row.facts.tasks.total} NV`, remove: { field: 'tasks' } }] : []),
    body: (v) => ({ tasks: { total: Number(v.total), onTime: Number(v.onTime), late: Number(v.late), exceeding: Number(v.exceeding) } }),
  },
  {
    id: 'score',
    label: tk('Điểm đánh giá (thang 100, QĐ 366)'),
    subjectKinds: ['member', 'position', 'collective', 'unit'],
    ruleSets: ['QD366-HD43'],
    store: 'evaluation',
    fields: [{ name: 'score', label: tk('Tổng điểm'), type: 'number', required: true, hint: tk('0–100, tối đa hai chữ số thập phân') }],
    current: (row) => (row.evaluation?.score !== null && row.evaluation?.score !== undefined ? [{ text: `${String(row.evaluation.score).replace('.', ',')} điểm`, remove: { field: 'score' } }] : []),
    body: (v) => ({ score: Number((v.score ?? '').replace(',', '.')) }),
  },
];

/** The facts offered for a row under a rule set. */
export function factsFor(row: WorkspaceRow, ruleSet: string): FactDefinition[] {
  return FACT_DEFINITIONS.filter((d) => d.subjectKinds.includes(row.kind) && (!d.ruleSets || (d.ruleSets as readonly string[]).includes(ruleSet)));
}

/** The label of a definition in the page's language (event kinds by their official names). */
export function factLabel(d: FactDefinition, lang: string, t: (s: string) => string): string {
  return d.store === 'event' ? eventLabel(d.id as Parameters<typeof eventLabel>[0], lang) : t(d.label);
}
