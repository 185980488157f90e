/**
 * An organisation's grade from its members' (a cell) or sub-units' (a committee) grades
 * (HD 21, II.B.1.3; GUIDE.md §3 "organisation thresholds"), and "a collective is never above its
 * organisation" (HD 21, II.B.3).
 */
import { CELL_KINDS, GRADE_LABELS, type Grade, type UnitKind } from '../codes.js';
import { lowestGrade } from './grade-order.js';
import { SRC } from './sources.js';
import type { CeilingReason, GradeCounts, OrganisationThresholds, RuleSet } from './types.js';

/** The highest grade the thresholds allow, with reasons, plus notes when the rule set has none. */
export interface ThresholdResult {
  grade: Grade;
  reasons: CeilingReason[];
  notes: string[];
}

function ceiling(grade: Grade, text: string, t: OrganisationThresholds): CeilingReason {
  return { grade, text: `${text} (${t.source}) → ${grade === 'KHT' ? 'KHT' : `tối đa ${grade}`}`, source: t.source, binding: true };
}

function thresholdReasons(t: OrganisationThresholds, c: GradeCounts, noun: string): CeilingReason[] {
  const total = c.HTXS + c.HTT + c.HT + c.KHT;
  if (total === 0) return [];
  const htPlus = total - c.KHT;
  const httPlus = c.HTXS + c.HTT;
  const out: CeilingReason[] = [];
  if (c.KHT * 100 > t.khtAbovePercent * total) {
    out.push({ ...ceiling('KHT', `${c.KHT}/${total} ${noun} xếp loại KHT, trên ${t.khtAbovePercent}%`, t), khtReason: 'other' });
  }
  if (htPlus * 100 < t.htt.htPlusPercent * total) {
    out.push(ceiling('HT', `${htPlus}/${total} ${noun} xếp loại HT trở lên, chưa đạt ${t.htt.htPlusPercent}%`, t));
  } else if (httPlus * 100 < t.htt.httPlusPercent * total) {
    out.push(ceiling('HT', `${httPlus}/${total} ${noun} xếp loại HTT trở lên, dưới ${t.htt.httPlusPercent}%`, t));
  }
  if (htPlus * 100 < t.htxs.htPlusPercent * total) {
    out.push(ceiling('HTT', `${htPlus}/${total} ${noun} xếp loại HT trở lên, chưa đạt ${t.htxs.htPlusPercent}%`, t));
  } else if (httPlus * 100 < t.htxs.httPlusPercent * total) {
    out.push(ceiling('HTT', `${httPlus}/${total} ${noun} xếp loại HTT trở lên, dưới ${t.htxs.httPlusPercent}%`, t));
  }
  return out;
}

/**
 * QĐ 366 / HD 43 Mục 3 (rules-audit.md R32): the grade rests on the members' and sub-organisations'
 * grades with no numeric trigger; the cycle's reading (readings.organisationBasis) gives one, labelled
 * as a reading: more than the share decided KHT ⇒ KHT, weighed unless the cycle binds it.
 */
function basisReasons(ruleSet: RuleSet, c: GradeCounts, noun: string): CeilingReason[] {
  const reading = ruleSet.readings.organisationBasis;
  const total = c.HTXS + c.HTT + c.HT + c.KHT;
  if (!reading || reading.mode === 'off' || total === 0 || c.KHT * 100 <= reading.khtAbovePercent * total) return [];
  const text = `${c.KHT}/${total} ${noun} xếp loại KHT, trên ${reading.khtAbovePercent}% (${reading.source}) → KHT`;
  return [{ grade: 'KHT', text, source: reading.source, binding: reading.mode === 'bound', khtReason: 'other' }];
}

function peerReasons(t: OrganisationThresholds, peers: readonly Grade[]): CeilingReason[] {
  const low = lowestGrade(peers);
  if (peers.length === 0 || low === 'HTXS' || low === 'HTT') return [];
  const grade: Grade = low === 'HT' ? 'HTT' : 'HT';
  return [ceiling(grade, `chính quyền, MTTQ, đoàn thể cùng cấp có nơi xếp loại ${low}`, t)];
}

/**
 * The thresholds of HD 21, II.B.1.3: HTXS needs 100% HT+ and ≥ 80% HTT+; HTT needs 100% HT+ and
 * ≥ 50% HTT+; more than 20% KHT ⇒ KHT (for committees marked verify). Under QĐ 366 no numeric
 * threshold exists (HD 43, Mục 3): the result is HTXS with a note.
 */
export function organisationThreshold(input: {
  ruleSet: RuleSet;
  unitKind: UnitKind;
  counts: GradeCounts;
  peerBodyGrades?: readonly Grade[];
}): ThresholdResult {
  const org = input.ruleSet.organisation;
  const isCell = CELL_KINDS.includes(input.unitKind);
  if (!org) {
    const note = `Xếp loại tổ chức đảng dựa trên kết quả xếp loại tập thể, tổ chức đảng trực thuộc và toàn bộ đảng viên; không có ngưỡng tỉ lệ (${SRC.HD43_ORG}).`;
    const reasons = basisReasons(input.ruleSet, input.counts, isCell ? 'đảng viên' : 'tổ chức đảng trực thuộc');
    // The grade the thresholds fix: a weighed reading (the default) leaves it to the competent level.
    return { grade: lowestGrade(reasons.filter((r) => r.binding).map((r) => r.grade)), reasons, notes: [note] };
  }
  const t = isCell ? org.cell : org.committee;
  const reasons = [
    ...thresholdReasons(t, input.counts, isCell ? 'đảng viên' : 'tổ chức đảng trực thuộc'),
    ...peerReasons(t, input.peerBodyGrades ?? []),
  ];
  return { grade: lowestGrade(reasons.map((r) => r.grade)), reasons, notes: [] };
}

/**
 * "Mức xếp loại chất lượng của tập thể lãnh đạo, quản lý không được cao hơn mức xếp loại của tổ
 * chức, cơ quan, đơn vị" (HD 21, II.B.3): the collective's ceiling is its organisation's grade.
 */
export function collectiveCeiling(organisationGrade: Grade, ruleSet?: RuleSet): { grade: Grade; reason?: CeilingReason } {
  const rule = ruleSet?.collectiveNotAboveOrganisation ?? { enabled: true, source: SRC.HD21_COLLECTIVE, verify: false };
  if (!rule.enabled || organisationGrade === 'HTXS') return { grade: 'HTXS' };
  const text = `tổ chức, cơ quan, đơn vị xếp loại ${GRADE_LABELS[organisationGrade].toLowerCase()} (${rule.source}) → tối đa ${organisationGrade}`;
  // Where the rule set's sources do not have the rule (verify: QĐ 124, QĐ 366) it is a reading: weighed, not binding.
  return { grade: organisationGrade, reason: { grade: organisationGrade, text, source: rule.source, binding: !rule.verify } };
}
