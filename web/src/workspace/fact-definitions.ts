/**
 * The facts a grid row can carry, as data (issue #9 item 3: the workspace and its check panel take
 * new fact kinds by adding an entry here, not by changing the grid): which subjects and rule sets a
 * fact applies to, where it is stored (a dated event of the person, or a fact of the evaluation),
 * the fields a user fills, how the row shows it, and the request that records or removes it.
 */
import type { RuleSetCode, SubjectKind } from '../../../src/domain/codes.js';
import type { WorkspaceRow } from '../../../src/services/workspace.js';
import { fmtDate } from '../format.js';
import { tk } from '../tk.js';
import { disciplineLabel, eventLabel, GRADES, gradeLabel } from '../labels.js';
import { SUBJECT_FACT_DEFINITIONS } from './subject-fact-definitions.js';

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
  /** An event's id (removed with DELETE …/events/:id), the evaluation field set to null, or a stored fact (DELETE …/facts/:fact). */
  remove: { event: string } | { field: string } | { fact: string };
  /** Lowers the ceiling (shown in red). */
  severe?: boolean;
  /** Who entered it and when (the subject's page shows it). */
  entered?: { by: string | null; at: string | null };
}

export interface FactDefinition {
  id: string;
  label: string;
  subjectKinds: readonly SubjectKind[];
  /** Rule sets it applies under (all when absent). */
  ruleSets?: readonly RuleSetCode[];
  store: 'event' | 'evaluation' | 'fact';
  fields: readonly FactField[];
  current(row: WorkspaceRow, lang: string, t: (s: string) => string): FactValue[];
  /** The body recording it: an event (POST …/events), evaluation fields (PATCH …) or a stored fact (PUT …/facts/:id). */
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

type EventKind = 'disciplined' | 'sick_leave' | 'maternity_leave' | 'exempt' | 'suspended' | 'decline_concluded' | 'violated_prohibitions' | 'violated_example_duty';
/** Events that happen on a day (a decision, a conclusion) rather than over a period. */
const ON_A_DAY: readonly EventKind[] = ['disciplined', 'decline_concluded', 'violated_prohibitions', 'violated_example_duty'];
/** Events that rest on a decision or a conclusion: entered with its number and date. */
const DOCUMENTED: readonly EventKind[] = ['disciplined', 'decline_concluded', 'violated_prohibitions', 'violated_example_duty', 'exempt', 'suspended'];
/** A discipline's or a violation's flags (QĐ 366 Điều 11 k4; HD 21 II.B; QĐ 124 Điều 12). */
const VIOLATION_FLAGS: readonly FactField[] = [
  { name: 'dutyRelated', label: tk('Vi phạm liên quan đến chức trách, nhiệm vụ'), type: 'select', options: yesNoOptions },
  { name: 'selfDetectedRemedied', label: tk('Tự phát hiện và khắc phục'), type: 'select', options: yesNoOptions },
];
const EVENT_DOCUMENT: readonly FactField[] = [
  { name: 'documentNumber', label: tk('Số quyết định, kết luận'), type: 'text', hint: tk('Ví dụ: 15-QĐ/UBKTHU') },
  { name: 'documentDate', label: tk('Ngày quyết định, kết luận'), type: 'date' },
];

function eventText(e: WorkspaceRow['events'][number], lang: string): string {
  const doc = [e.documentNumber, e.documentDate ? fmtDate(e.documentDate) : null].filter(Boolean).join(', ');
  return `${eventLabel(e.kind, lang)}${e.level ? ` (${disciplineLabel(e.level, lang)})` : ''}: ${period(e)}${e.violationYear ? ` · ${lang === 'en' ? 'violation of' : 'vi phạm năm'} ${e.violationYear}` : ''}${doc ? ` · ${doc}` : ''}`;
}

/** A dated event of the person behind the row (GUIDE.md §3), one kind per definition. */
function eventFact(kind: EventKind, extra: readonly FactField[], severe: boolean): FactDefinition {
  const day = ON_A_DAY.includes(kind);
  return {
    id: kind,
    label: kind,
    subjectKinds: PERSONS,
    store: 'event',
    fields: [
      ...extra,
      { name: 'startsOn', label: tk('Từ ngày'), type: 'date', required: true },
      ...(day ? [] : [{ name: 'endsOn', label: tk('Đến ngày (để trống nếu chưa hết)'), type: 'date' } as const]),
      ...(DOCUMENTED.includes(kind) ? EVENT_DOCUMENT : []),
      { name: 'note', label: tk('Ghi chú'), type: 'text' },
    ],
    current: (row, lang) => row.events.filter((e) => e.kind === kind).map((e) => ({ text: eventText(e, lang), remove: { event: e.id }, severe, entered: { by: e.enteredBy, at: e.enteredAt } })),
    body: (v) => ({
      kind,
      startsOn: v.startsOn,
      endsOn: opt(v.endsOn ?? ''),
      level: opt(v.level ?? ''),
      note: opt(v.note ?? ''),
      ...(DOCUMENTED.includes(kind) ? { documentNumber: opt(v.documentNumber ?? ''), documentDate: opt(v.documentDate ?? '') } : {}),
      ...(kind === 'disciplined' || kind.startsWith('violated_') ? { dutyRelated: yesNo(v.dutyRelated), selfDetectedRemedied: yesNo(v.selfDetectedRemedied) } : {}),
      ...(kind === 'disciplined' && opt(v.violationYear ?? '') ? { violationYear: Number(v.violationYear) } : {}),
    }),
  };
}

/** Every fact the grid offers today; another issue's facts are added here. */
export const FACT_DEFINITIONS: readonly FactDefinition[] = [
  eventFact(
    'disciplined',
    [
      { name: 'level', label: tk('Hình thức kỷ luật'), type: 'select', options: levels, required: true },
      ...VIOLATION_FLAGS,
      { name: 'violationYear', label: tk('Năm vi phạm (nếu trước năm quyết định)'), type: 'number', hint: tk('Ví dụ: 2021') },
    ],
    true,
  ),
  eventFact('violated_prohibitions', VIOLATION_FLAGS, true),
  eventFact('violated_example_duty', VIOLATION_FLAGS, true),
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

/** The facts offered for a row under a rule set: the events and evaluation fields above, then the stored facts the rules read. */
export function factsFor(row: WorkspaceRow, ruleSet: string): FactDefinition[] {
  return [...FACT_DEFINITIONS, ...SUBJECT_FACT_DEFINITIONS].filter((d) => d.subjectKinds.includes(row.kind) && (!d.ruleSets || (d.ruleSets as readonly string[]).includes(ruleSet)));
}

/** The label of a definition in the page's language (event kinds by their official names). */
export function factLabel(d: FactDefinition, lang: string, t: (s: string) => string): string {
  return d.store === 'event' ? eventLabel(d.id as Parameters<typeof eventLabel>[0], lang) : t(d.label);
}
