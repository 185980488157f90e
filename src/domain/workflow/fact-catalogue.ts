/**
 * The facts of a subject the rules read that are neither a person's dated event nor a collective's
 * members (issue 8, "Facts as data"): each a conclusion or a figure of the year, entered with the day
 * it was concluded, its source document and who entered it. Pure: the catalogue, the validation of a
 * value against the subject kind and the cycle's rule set, and the translation into the rules' facts
 * (src/domain/rules/types.ts GradingFacts).
 */
import { GRADES, type Grade, type RuleSetCode, type SubjectKind } from '../codes.js';
import { AppError } from '../errors.js';
import { isIsoDate } from '../calendar/iso-date.js';
import { SRC } from '../rules/sources.js';
import type { GradingFacts } from '../rules/types.js';

export const SUBJECT_FACT_CODES = [
  'criterionPoor',
  'targetsCompleted',
  'keyTargetsMissed',
  'fiveTargetsMissed',
  'disunity',
  'subUnitsDisciplined',
  'corruptionCases',
  'lowConfidenceVotes',
  'peerBodyGrades',
  'shortcomingsRemedied',
  'scoreParts',
  'forceMajeure',
] as const;
export type SubjectFactCode = (typeof SUBJECT_FACT_CODES)[number];

/** The value of each fact as stored (JSON). */
export interface SubjectFactValues {
  criterionPoor: boolean;
  /** Percent of the targets (chỉ tiêu) completed, up to two decimals. */
  targetsCompleted: number;
  keyTargetsMissed: boolean;
  fiveTargetsMissed: boolean;
  disunity: boolean;
  subUnitsDisciplined: { disciplined: number; total: number };
  corruptionCases: number;
  lowConfidenceVotes: { low: number; total: number };
  peerBodyGrades: Grade[];
  shortcomingsRemedied: boolean;
  /** QĐ 366 Điều 11: general criteria (≤ 30 points) and task results (≤ 70 points), up to two decimals. */
  scoreParts: { general: number; results: number };
  forceMajeure: boolean;
}

/** One stored fact with where it comes from. */
export interface SubjectFact<C extends SubjectFactCode = SubjectFactCode> {
  fact: C;
  value: SubjectFactValues[C];
  /** The day the competent level concluded it (or the figure's date); null when not given. */
  concludedOn: string | null;
  documentNumber: string | null;
  documentDate: string | null;
  enteredBy: string;
  enteredAt: string;
}

const ALL: readonly RuleSetCode[] = ['QD132-HD21', 'QD124-HD25', 'QD366-HD43'];
const CRITERIA: readonly RuleSetCode[] = ['QD132-HD21', 'QD124-HD25'];
const QD366: readonly RuleSetCode[] = ['QD366-HD43'];

interface FactSpec {
  label: string;
  kinds: readonly SubjectKind[];
  ruleSets: readonly RuleSetCode[];
  source: string;
  /** What the value must look like, in Vietnamese. */
  shape: string;
  parse(v: unknown): unknown;
}

const bool = (v: unknown) => (typeof v === 'boolean' ? v : undefined);
const count = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1_000_000 ? v : undefined);
const hundredths = (v: unknown, max: number) =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= max && Math.abs(v * 100 - Math.round(v * 100)) < 1e-6 ? v : undefined;
function pair<A extends string, B extends string>(a: A, b: B) {
  return (v: unknown) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v) || Object.keys(v).some((k) => k !== a && k !== b)) return undefined;
    const o = v as Record<string, unknown>;
    const x = count(o[a]);
    const y = count(o[b]);
    return x !== undefined && y !== undefined && y > 0 && x <= y ? { [a]: x, [b]: y } : undefined;
  };
}

/** The catalogue: what each fact is, who has it, under which rule sets a rule reads it, and its source. */
export const SUBJECT_FACTS: Record<SubjectFactCode, FactSpec> = {
  criterionPoor: {
    label: 'Có tiêu chí đánh giá ở mức «Kém»',
    kinds: ['member', 'position', 'collective', 'unit'],
    ruleSets: CRITERIA,
    source: `${SRC.HD21_MEMBER_KHT}; ${SRC.HD21_ORG}; ${SRC.QD124_KHT}`,
    shape: 'true hoặc false',
    parse: bool,
  },
  targetsCompleted: {
    label: 'Tỉ lệ chỉ tiêu, nhiệm vụ hoàn thành (%)',
    kinds: ['member', 'position', 'collective', 'unit'],
    ruleSets: CRITERIA,
    source: `${SRC.HD21_MEMBER_KHT}; ${SRC.HD21_COLLECTIVE}; ${SRC.HD21_ORG}; ${SRC.QD124_KHT}`,
    shape: 'số phần trăm từ 0 đến 100, tối đa hai chữ số thập phân',
    parse: (v) => hundredths(v, 100),
  },
  keyTargetsMissed: {
    label: 'Các chỉ tiêu chủ yếu không đạt 100%',
    kinds: ['collective', 'unit'],
    ruleSets: CRITERIA,
    source: `${SRC.HD21_COLLECTIVE}; ${SRC.QD124_KHT}`,
    shape: 'true hoặc false',
    parse: bool,
  },
  fiveTargetsMissed: {
    label: 'Không hoàn thành 5 chỉ tiêu kinh tế - xã hội cơ bản',
    kinds: ['collective', 'position'],
    ruleSets: QD366,
    source: SRC.QD366_KHT,
    shape: 'true hoặc false',
    parse: bool,
  },
  disunity: {
    label: 'Bị kết luận mất đoàn kết nội bộ, sai phạm trong công tác cán bộ, bè phái, chạy chức, chạy quyền',
    kinds: ['collective', 'unit'],
    ruleSets: ALL,
    source: `${SRC.HD21_COLLECTIVE}; ${SRC.QD124_KHT}; ${SRC.QD366_KHT}`,
    shape: 'true hoặc false',
    parse: bool,
  },
  subUnitsDisciplined: {
    label: 'Số đơn vị trực thuộc bị kỷ luật trong năm / tổng số đơn vị trực thuộc',
    kinds: ['collective', 'unit'],
    ruleSets: ALL,
    source: `${SRC.QD124_KHT}; ${SRC.QD366_HTXS}`,
    shape: '{ "disciplined": số nguyên ≥ 0, "total": số nguyên > 0 }, disciplined ≤ total',
    parse: pair('disciplined', 'total'),
  },
  corruptionCases: {
    label: 'Số vụ tham nhũng, lãng phí, tiêu cực bị xử lý kỷ luật trong phạm vi lãnh đạo, quản lý',
    kinds: ['collective', 'unit', 'position'],
    ruleSets: ['QD124-HD25', 'QD366-HD43'],
    source: `${SRC.QD124_KHT}; ${SRC.QD366_KHT}`,
    shape: 'số nguyên ≥ 0',
    parse: count,
  },
  lowConfidenceVotes: {
    label: 'Số phiếu tín nhiệm thấp / tổng số phiếu tại kỳ lấy phiếu tín nhiệm trong năm',
    kinds: ['position'],
    ruleSets: QD366,
    source: SRC.QD366_KHT,
    shape: '{ "low": số nguyên ≥ 0, "total": số nguyên > 0 }, low ≤ total',
    parse: pair('low', 'total'),
  },
  peerBodyGrades: {
    label: 'Xếp loại của chính quyền, MTTQ, đoàn thể cùng cấp (ngoài dữ liệu)',
    kinds: ['unit'],
    ruleSets: CRITERIA,
    source: SRC.HD21_ORG,
    shape: `danh sách mức xếp loại (${GRADES.join(', ')})`,
    parse: (v) => (Array.isArray(v) && v.length <= 50 && v.every((g) => (GRADES as readonly unknown[]).includes(g)) ? v : undefined),
  },
  shortcomingsRemedied: {
    label: 'Đã khắc phục 100% hạn chế, khuyết điểm được chỉ ra ở kỳ kiểm điểm trước',
    kinds: ['member', 'position', 'collective', 'unit'],
    ruleSets: QD366,
    source: SRC.QD366_HTXS,
    shape: 'true hoặc false',
    parse: bool,
  },
  scoreParts: {
    label: 'Điểm: tiêu chí chung (tối đa 30) và kết quả thực hiện nhiệm vụ (tối đa 70)',
    kinds: ['member', 'position', 'collective', 'unit'],
    ruleSets: QD366,
    source: SRC.QD366_FRAMEWORK,
    shape: '{ "general": 0–30, "results": 0–70 }, tối đa hai chữ số thập phân',
    parse: (v) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v) || Object.keys(v).some((k) => k !== 'general' && k !== 'results')) return undefined;
      const o = v as Record<string, unknown>;
      const general = hundredths(o.general, 30);
      const results = hundredths(o.results, 70);
      return general !== undefined && results !== undefined ? { general, results } : undefined;
    },
  },
  forceMajeure: {
    label: 'Có lý do bất khả kháng khi không hoàn thành chỉ tiêu, nhiệm vụ',
    kinds: ['member', 'position', 'collective', 'unit'],
    ruleSets: ALL,
    source: `${SRC.HD21_ORG}; ${SRC.QD124_KHT}; ${SRC.QD366_KHT}`,
    shape: 'true hoặc false',
    parse: bool,
  },
};

const KIND_LABELS: Record<SubjectKind, string> = { member: 'đảng viên', position: 'cán bộ lãnh đạo, quản lý', collective: 'tập thể lãnh đạo, quản lý', unit: 'tổ chức đảng' };

function invalid(field: string, vi: string, en: string): AppError {
  return new AppError('ValidationFailed', { vi, en }, { field });
}

/** The fact code, checked (ValidationFailed naming the field `fact`). */
export function parseFactCode(code: string): SubjectFactCode {
  if ((SUBJECT_FACT_CODES as readonly string[]).includes(code)) return code as SubjectFactCode;
  throw invalid('fact', `Dữ kiện «${code}» không có; các dữ kiện: ${SUBJECT_FACT_CODES.join(', ')}.`, `Unknown fact "${code}".`);
}

/** An optional ISO date of the input, checked. */
function date(field: string, v: string | null | undefined): string | null {
  if (v === undefined || v === null) return null;
  if (!isIsoDate(v)) throw invalid(field, `Trường «${field}»: ngày «${v}» không hợp lệ (dạng YYYY-MM-DD).`, `Field "${field}": "${v}" is not a valid date.`);
  return v;
}

/** What a caller gives to record a fact. */
export interface SubjectFactInput {
  value: unknown;
  concludedOn?: string | null | undefined;
  documentNumber?: string | null | undefined;
  documentDate?: string | null | undefined;
}

/**
 * A fact checked against its catalogue entry, the subject kind and the cycle's rule set: a fact that
 * no rule of the rule set reads for this kind of subject is refused (it would sit unused).
 */
export function checkSubjectFact(
  code: SubjectFactCode,
  input: SubjectFactInput,
  ctx: { subjectKind: SubjectKind; ruleSet: RuleSetCode; enteredBy: string; enteredAt: string },
): SubjectFact {
  const spec = SUBJECT_FACTS[code];
  if (!spec.kinds.includes(ctx.subjectKind)) {
    throw invalid('fact', `Dữ kiện «${code}» (${spec.label}) không áp dụng cho ${KIND_LABELS[ctx.subjectKind]}.`, `Fact "${code}" does not apply to a ${ctx.subjectKind}.`);
  }
  if (!spec.ruleSets.includes(ctx.ruleSet)) {
    throw invalid('fact', `Dữ kiện «${code}» (${spec.label}) không có trong bộ quy định ${ctx.ruleSet}; chỉ ${spec.ruleSets.join(', ')} (${spec.source}).`, `Fact "${code}" is not read under ${ctx.ruleSet}.`);
  }
  const value = spec.parse(input.value);
  if (value === undefined) {
    throw invalid('value', `Giá trị của dữ kiện «${code}» (${spec.label}) không hợp lệ: phải là ${spec.shape}.`, `Invalid value for fact "${code}".`);
  }
  const documentNumber = input.documentNumber?.trim() || null;
  if (documentNumber !== null && documentNumber.length > 200) throw invalid('documentNumber', 'Trường «documentNumber» (số văn bản) dài quá 200 ký tự.', 'documentNumber is too long.');
  return {
    fact: code,
    value: value as SubjectFactValues[SubjectFactCode],
    concludedOn: date('concludedOn', input.concludedOn),
    documentNumber,
    documentDate: date('documentDate', input.documentDate),
    enteredBy: ctx.enteredBy,
    enteredAt: ctx.enteredAt,
  };
}

/** The stored facts as the rules read them (src/domain/rules/types.ts GradingFacts). */
export function gradingFactsOf(facts: readonly SubjectFact[]): GradingFacts {
  const out: GradingFacts = {};
  const get = <C extends SubjectFactCode>(c: C) => facts.find((f) => f.fact === c)?.value as SubjectFactValues[C] | undefined;
  const poor = get('criterionPoor');
  if (poor !== undefined) out.anyCriterionPoor = poor;
  const targets = get('targetsCompleted');
  if (targets !== undefined) out.targets = { part: Math.round(targets * 100), total: 10000 };
  const key = get('keyTargetsMissed');
  if (key !== undefined) out.keyTargetsMissed = key;
  const five = get('fiveTargetsMissed');
  if (five !== undefined) out.fiveTargetsMissed = five;
  const disunity = get('disunity');
  if (disunity !== undefined) out.disunity = disunity;
  const sub = get('subUnitsDisciplined');
  if (sub) out.subUnitsDisciplined = { part: sub.disciplined, total: sub.total };
  const corruption = get('corruptionCases');
  if (corruption !== undefined) out.corruptionInScope = corruption > 0;
  const votes = get('lowConfidenceVotes');
  if (votes) out.lowConfidenceVotes = { part: votes.low, total: votes.total };
  const peers = get('peerBodyGrades');
  if (peers) out.peerBodyGrades = peers;
  const remedied = get('shortcomingsRemedied');
  if (remedied !== undefined) out.shortcomingsRemedied = remedied;
  const parts = get('scoreParts');
  if (parts) out.score = { general: Math.round(parts.general * 100), tasks: Math.round(parts.results * 100) };
  const fm = get('forceMajeure');
  if (fm !== undefined) out.forceMajeure = fm;
  return out;
}
