/**
 * The stored facts of an evaluation the rules read (issue 8, "Facts the rules read";
 * src/domain/workflow/fact-catalogue.ts): criterion «Kém», targets completed, key targets missed, the
 * five socio-economic targets, disunity, sub-units disciplined, corruption cases, low-confidence
 * votes, the peer bodies' grades, shortcomings remedied, the QĐ 366 score's two parts and force
 * majeure — each entered with the day concluded and its document (PUT /api/evaluations/:id/facts/:fact
 * with the version read), shown on the row with its document, removed with DELETE. Which subjects and
 * rule sets a fact applies to comes from the catalogue itself, so the grid never offers a fact the
 * server would refuse.
 */
import { GRADES, type Grade } from '../../../src/domain/codes.js';
import { SUBJECT_FACTS, type SubjectFact, type SubjectFactCode, type SubjectFactValues } from '../../../src/domain/workflow/fact-catalogue.js';
import { fmtDate, fmtNumber } from '../format.js';
import { tk } from '../tk.js';
import type { FactDefinition, FactField } from './fact-definitions.js';

const yesNo = (lang: string) => [
  { value: 'true', label: lang === 'en' ? 'Yes' : 'Có' },
  { value: 'false', label: lang === 'en' ? 'No' : 'Không' },
];
const num = (v: string | undefined) => Number((v ?? '').trim().replace(',', '.'));

/** The document every fact is entered with (its date concluded, number and date). */
const DOCUMENT: readonly FactField[] = [
  { name: 'concludedOn', label: tk('Ngày kết luận'), type: 'date' },
  { name: 'documentNumber', label: tk('Số văn bản, quyết định'), type: 'text', hint: tk('Ví dụ: 15-KL/UBKTHU') },
  { name: 'documentDate', label: tk('Ngày văn bản'), type: 'date' },
];

interface Spec<V> {
  /** A short Vietnamese name for the row's chip and the kind list. */
  label: string;
  fields: readonly FactField[];
  value(v: Record<string, string>): V;
  text(value: V, lang: string, t: (s: string) => string): string;
  /** The value lowers the ceiling (shown in red). */
  severe?(value: V): boolean;
}

const boolSpec = (label: string, badWhenTrue: boolean): Spec<boolean> => ({
  label,
  fields: [{ name: 'value', label, type: 'select', options: yesNo, required: true }],
  value: (v) => v.value === 'true',
  text: (value, lang) => (lang === 'en' ? (value ? 'yes' : 'no') : value ? 'có' : 'không'),
  severe: (value) => value === badWhenTrue,
});
const pairText = (a: number, b: number) => `${a}/${b}`;

const SPECS: { [C in SubjectFactCode]: Spec<SubjectFactValues[C]> } = {
  criterionPoor: boolSpec(tk('Có tiêu chí ở mức «Kém»'), true),
  targetsCompleted: {
    label: tk('Tỉ lệ chỉ tiêu, nhiệm vụ hoàn thành (%)'),
    fields: [{ name: 'value', label: tk('Tỉ lệ hoàn thành (%)'), type: 'number', required: true, hint: tk('0–100, ví dụ 87,5') }],
    value: (v) => num(v.value),
    text: (value) => `${fmtNumber(value)}%`,
    severe: (value) => value < 50,
  },
  keyTargetsMissed: boolSpec(tk('Chỉ tiêu chủ yếu không đạt 100%'), true),
  fiveTargetsMissed: boolSpec(tk('Không hoàn thành 5 chỉ tiêu kinh tế - xã hội cơ bản'), true),
  disunity: boolSpec(tk('Bị kết luận mất đoàn kết nội bộ'), true),
  subUnitsDisciplined: {
    label: tk('Đơn vị trực thuộc bị kỷ luật'),
    fields: [
      { name: 'disciplined', label: tk('Số đơn vị trực thuộc bị kỷ luật'), type: 'number', required: true },
      { name: 'total', label: tk('Tổng số đơn vị trực thuộc'), type: 'number', required: true },
    ],
    value: (v) => ({ disciplined: num(v.disciplined), total: num(v.total) }),
    text: (value) => pairText(value.disciplined, value.total),
    severe: (value) => value.disciplined > 0,
  },
  corruptionCases: {
    label: tk('Vụ tham nhũng, lãng phí, tiêu cực bị xử lý'),
    fields: [{ name: 'cases', label: tk('Số vụ bị xử lý kỷ luật'), type: 'number', required: true }],
    value: (v) => num(v.cases),
    text: (value) => String(value),
    severe: (value) => value > 0,
  },
  lowConfidenceVotes: {
    label: tk('Phiếu tín nhiệm thấp'),
    fields: [
      { name: 'low', label: tk('Số phiếu tín nhiệm thấp'), type: 'number', required: true },
      { name: 'total', label: tk('Tổng số phiếu'), type: 'number', required: true },
    ],
    value: (v) => ({ low: num(v.low), total: num(v.total) }),
    text: (value) => pairText(value.low, value.total),
    severe: (value) => value.low * 2 > value.total,
  },
  peerBodyGrades: {
    label: tk('Xếp loại chính quyền, MTTQ, đoàn thể cùng cấp'),
    fields: [
      { name: 'HTXS', label: tk('Số tổ chức xếp loại HTXS'), type: 'number' },
      { name: 'HTT', label: tk('Số tổ chức xếp loại HTT'), type: 'number' },
      { name: 'HT', label: tk('Số tổ chức xếp loại HT'), type: 'number' },
      { name: 'KHT', label: tk('Số tổ chức xếp loại KHT'), type: 'number' },
    ],
    value: (v) => GRADES.flatMap((g) => Array.from({ length: v[g] ? num(v[g]) : 0 }, () => g)),
    text: (value, lang) => GRADES.filter((g) => value.includes(g)).map((g) => `${value.filter((x) => x === g).length} ${g}`).join(', ') || (lang === 'en' ? 'none' : 'không có'),
    severe: (value) => value.includes('KHT' as Grade),
  },
  shortcomingsRemedied: boolSpec(tk('Đã khắc phục 100% hạn chế, khuyết điểm kỳ trước'), false),
  scoreParts: {
    label: tk('Điểm: tiêu chí chung và kết quả nhiệm vụ'),
    fields: [
      { name: 'general', label: tk('Điểm tiêu chí chung (tối đa 30)'), type: 'number', required: true },
      { name: 'results', label: tk('Điểm kết quả thực hiện nhiệm vụ (tối đa 70)'), type: 'number', required: true },
    ],
    value: (v) => ({ general: num(v.general), results: num(v.results) }),
    text: (value, lang) => `${fmtNumber(value.general)} + ${fmtNumber(value.results)} = ${fmtNumber((Math.round(value.general * 100) + Math.round(value.results * 100)) / 100)} ${lang === 'en' ? 'points' : 'điểm'}`,
  },
  forceMajeure: boolSpec(tk('Có lý do bất khả kháng'), false),
};

/** The label of a fact code (for the history and the fact list of a subject's page). */
export const subjectFactLabel = (code: string): string => (SPECS as Record<string, Spec<unknown>>)[code]?.label ?? code;

/** A stored fact's value as the row shows it, with its document. */
export function subjectFactText(f: Pick<SubjectFact, 'fact' | 'value' | 'documentNumber' | 'documentDate' | 'concludedOn'>, lang: string, t: (s: string) => string): string {
  const spec = SPECS[f.fact] as Spec<unknown> | undefined;
  if (!spec) return `${f.fact}: ${JSON.stringify(f.value)}`;
  const doc = [f.documentNumber, f.documentDate ? fmtDate(f.documentDate) : f.concludedOn ? fmtDate(f.concludedOn) : null].filter(Boolean).join(', ');
  return `${t(spec.label)}: ${spec.text(f.value, lang, t)}${doc ? ` (${doc})` : ''}`;
}

/** The definitions the grid and the subject's page offer, one per fact of the catalogue. */
export const SUBJECT_FACT_DEFINITIONS: readonly FactDefinition[] = (Object.keys(SPECS) as SubjectFactCode[]).map((code) => {
  const spec = SPECS[code] as Spec<unknown>;
  return {
    id: code,
    label: spec.label,
    subjectKinds: SUBJECT_FACTS[code].kinds,
    ruleSets: SUBJECT_FACTS[code].ruleSets,
    store: 'fact',
    fields: [...spec.fields, ...DOCUMENT],
    current: (row, lang, t) =>
      row.subjectFacts.filter((f) => f.fact === code).map((f) => ({ text: subjectFactText(f, lang, t), remove: { fact: code }, severe: spec.severe?.(f.value) ?? false, entered: { by: f.enteredBy, at: f.enteredAt } })),
    body: (v) => ({ value: spec.value(v), concludedOn: v.concludedOn || null, documentNumber: v.documentNumber?.trim() || null, documentDate: v.documentDate || null }),
  } satisfies FactDefinition;
});
