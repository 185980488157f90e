/**
 * A cycle's parameters of its rule set (GUIDE.md §3: the cap is "a rule-set parameter (numerator,
 * base, scope, percentage, rounding of the allowed maximum, the 25% exception)"; values marked
 * "(verify)" are parameters with the documented default). The administrator stores a patch per cycle;
 * it is checked here against the schema AND the rule set (only values marked verify may change, the
 * cap always), and applied with `withParameters`.
 */
import { z } from 'zod';
import { GRADES, SUBJECT_KINDS, type SubjectKind } from '../codes.js';
import { AppError } from '../errors.js';
import { withParameters, type RuleSetPatch } from './rule-set.js';
import type { OrganisationThresholds, RuleSet, TriggerSpec } from './types.js';
import { applyReadings, checkReadingsPatch, readingsPatchSchema } from './readings.js';

const percent = z.number().min(0).max(100).refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, 'tối đa hai chữ số thập phân');
const cap = z.strictObject({
  base: z.enum(['HTT', 'HTT+HTXS', 'graded']).optional(),
  percent: percent.optional(),
  exceptionalPercent: percent.nullable().optional(),
  rounding: z.enum(['floor', 'round_half_up', 'ceil']).optional(),
  scope: z.enum(['grassroots_org', 'group']).optional(),
  /** "không vượt quá": refuse an overrun, or let the competent body decide it with a recorded justification (the default). */
  overrun: z.enum(['justify', 'refuse']).optional(),
  /** The local decision (number and date) behind a percentage, exception or scope the rule set does not have. */
  localDecision: z.string().trim().min(1).max(300).optional(),
});
/** Groups of similar position and role for the members' cap (QĐ 124 Điều 12; QĐ 366 Điều 11 k1.5): named sets of units. */
const capGroup = z.strictObject({ name: z.string().trim().min(1).max(200), units: z.array(z.string().min(1)).min(1) });
const pair = z.strictObject({ htPlusPercent: percent.optional(), httPlusPercent: percent.optional() });
const thresholds = z.strictObject({ htxs: pair.optional(), htt: pair.optional(), khtAbovePercent: percent.optional() });
const trigger = z.strictObject({ percent: percent.optional(), enabled: z.boolean().optional() });

/** The stored patch (JSON). */
export const ruleParametersSchema = z.strictObject({
  caps: z.partialRecord(z.enum(SUBJECT_KINDS), cap).optional(),
  /** Units (codes) whose results the competent level judged outstanding: their cap uses the exceptional percentage (QĐ 366 Điều 11 k1.5). */
  outstandingUnits: z.array(z.string().min(1)).optional(),
  /** The members' cap groups of this cycle (QĐ 124 / QĐ 366 only); a member outside every group is capped in its grassroots organisation. */
  capGroups: z.array(capGroup).optional(),
  newUnit: z.strictObject({ months: z.number().int().min(1).max(24).optional(), reviewed: z.boolean().optional(), graded: z.boolean().optional() }).optional(),
  sickLeave: z.strictObject({ minMonths: z.number().int().min(1).max(12).optional(), ceiling: z.enum(GRADES).nullable().optional() }).optional(),
  civilServant: z.strictObject({ mode: z.enum(['bound', 'weighed']) }).optional(),
  organisation: z.strictObject({ cell: thresholds.optional(), committee: thresholds.optional() }).optional(),
  collectiveNotAboveOrganisation: z.strictObject({ enabled: z.boolean() }).optional(),
  /** Per subject kind, per trigger code: its threshold or whether it applies. */
  triggers: z.partialRecord(z.enum(SUBJECT_KINDS), z.record(z.string(), trigger)).optional(),
  /** Readings of ambiguous sources (src/domain/rules/readings.ts). */
  readings: readingsPatchSchema.optional(),
});
export type RuleParameters = z.infer<typeof ruleParametersSchema>;

function invalid(field: string, vi: string, en: string): AppError {
  return new AppError('ValidationFailed', { vi, en }, { field });
}

function notVerify(field: string, ruleSet: RuleSet): AppError {
  return invalid(
    field,
    `Tham số «${field}» của bộ quy định ${ruleSet.code} là quy định chính thức, không phải giá trị «(cần xác minh)»; không được thay đổi (GUIDE.md §3).`,
    `Parameter "${field}" of ${ruleSet.code} is not marked verify and cannot be changed.`,
  );
}

function checkTriggers(ruleSet: RuleSet, p: RuleParameters): void {
  for (const [kind, byCode] of Object.entries(p.triggers ?? {}) as [SubjectKind, Record<string, { percent?: number | undefined }>][]) {
    for (const [code, change] of Object.entries(byCode)) {
      const field = `triggers.${kind}.${code}`;
      const spec = ruleSet.triggers[kind].find((t) => t.code === code);
      if (!spec) throw invalid(field, `Bộ quy định ${ruleSet.code} không có căn cứ KHT «${code}» cho ${kind}.`, `No trigger "${code}" for ${kind} in ${ruleSet.code}.`);
      if (!spec.verify) throw notVerify(field, ruleSet);
      if (change.percent !== undefined && spec.percent === undefined) throw invalid(`${field}.percent`, `Căn cứ «${code}» không có ngưỡng tỉ lệ.`, `Trigger "${code}" has no threshold.`);
    }
  }
}

/** Checks a patch against the schema and the rule set; ValidationFailed names the field. */
export function parseRuleParameters(ruleSet: RuleSet, raw: unknown): RuleParameters {
  const parsed = ruleParametersSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.join('.') : 'parameters';
    throw invalid(field, `Tham số «${field}» không hợp lệ: ${issue?.message ?? ''}.`, `Parameter "${field}" is invalid: ${issue?.message ?? ''}.`);
  }
  const p = parsed.data;
  if (p.newUnit && !ruleSet.eligibility.newUnit.verify) throw notVerify('newUnit', ruleSet);
  if (p.sickLeave && !ruleSet.sickLeave.verify) throw notVerify('sickLeave', ruleSet);
  if (p.civilServant && !ruleSet.civilServant.verify) throw notVerify('civilServant', ruleSet);
  if (p.collectiveNotAboveOrganisation && !ruleSet.collectiveNotAboveOrganisation.verify) throw notVerify('collectiveNotAboveOrganisation', ruleSet);
  if (p.organisation) {
    if (!ruleSet.organisation) throw invalid('organisation', `Bộ quy định ${ruleSet.code} không có ngưỡng xếp loại tổ chức đảng.`, `${ruleSet.code} has no organisation thresholds.`);
    for (const k of ['cell', 'committee'] as const) if (p.organisation[k] && !ruleSet.organisation[k].verify) throw notVerify(`organisation.${k}`, ruleSet);
  }
  checkTriggers(ruleSet, p);
  checkReadingsPatch(ruleSet.readings, p.readings, ruleSet.code);
  checkOutstandingUnits(ruleSet, p);
  checkCaps(ruleSet, p);
  return p;
}

/**
 * A cap the rule set does not have is refused unless a local decision is recorded with it (rules-audit.md
 * H7, Q4): a percentage other than the rule set's, an exceptional percentage where it has none or above
 * its own (QĐ 366: "không vượt quá 25%"), the members' scope widened beyond the grassroots organisation
 * under HD 21 ("trong từng tổ chức cơ sở đảng"). Cap groups exist only where the rule set caps by groups.
 */
function checkCaps(ruleSet: RuleSet, p: RuleParameters): void {
  for (const [kind, c] of Object.entries(p.caps ?? {}) as [SubjectKind, z.infer<typeof cap>][]) {
    const own = ruleSet.caps[kind];
    const field = `caps.${kind}`;
    const beyond: [string, string][] = [];
    if (c.percent !== undefined && c.percent !== own.percent) beyond.push(['percent', `tỉ lệ ${c.percent}% (quy định: ${own.percent}%)`]);
    if (c.exceptionalPercent !== undefined && c.exceptionalPercent !== null && (own.exceptionalPercent === null || c.exceptionalPercent > own.exceptionalPercent)) {
      beyond.push(['exceptionalPercent', own.exceptionalPercent === null ? `tỉ lệ ngoại lệ ${c.exceptionalPercent}% (quy định không có ngoại lệ)` : `tỉ lệ ngoại lệ ${c.exceptionalPercent}% (quy định: tối đa ${own.exceptionalPercent}%)`]);
    }
    if (c.scope !== undefined && c.scope !== own.scope && own.scope === 'grassroots_org') beyond.push(['scope', 'phạm vi rộng hơn từng tổ chức cơ sở đảng']);
    const first = beyond[0];
    if (first && !c.localDecision) {
      throw invalid(
        `${field}.${first[0]}`,
        `Bộ quy định ${ruleSet.code} giới hạn HTXS «không vượt quá» (${own.source}); ${beyond.map((b) => b[1]).join(', ')} chỉ được ghi kèm quyết định của địa phương: thêm «${field}.localDecision» (số, ngày văn bản).`,
        `${ruleSet.code} has no such cap for ${kind}; record the local decision in "${field}.localDecision".`,
      );
    }
  }
  if (p.capGroups && p.capGroups.length > 0) {
    const scope = applyRuleParameters(ruleSet, { caps: p.caps }).caps.member.scope;
    if (scope !== 'group') {
      throw invalid('parameters.capGroups', `Bộ quy định ${ruleSet.code} giới hạn HTXS của đảng viên trong từng tổ chức cơ sở đảng (${ruleSet.caps.member.source}); không dùng nhóm «capGroups».`, `${ruleSet.code} caps members per grassroots organisation: "capGroups" does not apply.`);
    }
  }
}

/**
 * Outstanding units only mean something where a cap has an exceptional percentage (QĐ 366 Điều 11
 * k1.5: "không quá 25%"; HD 21 and QĐ 124 have none): refused otherwise, so the list never sits unused.
 * The codes themselves are checked against the tree by the caller (src/services/rule-parameters.ts).
 */
function checkOutstandingUnits(ruleSet: RuleSet, p: RuleParameters): void {
  if (!p.outstandingUnits || p.outstandingUnits.length === 0) return;
  const caps = Object.values(applyRuleParameters(ruleSet, { caps: p.caps }).caps);
  if (caps.some((c) => c.exceptionalPercent !== null)) return;
  throw invalid(
    'parameters.outstandingUnits',
    `Bộ quy định ${ruleSet.code} không có tỉ lệ ngoại lệ cho đơn vị có kết quả nổi trội (chỉ QĐ 366, Điều 11 khoản 1.5): không ghi «outstandingUnits», hoặc đặt «caps.…exceptionalPercent».`,
    `${ruleSet.code} has no exceptional percentage: "outstandingUnits" does not apply.`,
  );
}

function mergeThresholds(t: OrganisationThresholds, p: z.infer<typeof thresholds> | undefined): OrganisationThresholds {
  if (!p) return t;
  return { ...t, htxs: { ...t.htxs, ...p.htxs }, htt: { ...t.htt, ...p.htt }, khtAbovePercent: p.khtAbovePercent ?? t.khtAbovePercent };
}

function patchedTriggers(ruleSet: RuleSet, p: RuleParameters): RuleSetPatch['triggers'] {
  const out: NonNullable<RuleSetPatch['triggers']> = {};
  for (const [kind, byCode] of Object.entries(p.triggers ?? {}) as [SubjectKind, Record<string, { percent?: number | undefined; enabled?: boolean | undefined }>][]) {
    const list: TriggerSpec[] = [];
    for (const spec of ruleSet.triggers[kind]) {
      const change = byCode[spec.code];
      if (change?.enabled === false) continue;
      list.push(change?.percent !== undefined ? { ...spec, percent: change.percent } : spec);
    }
    out[kind] = list;
  }
  return out;
}

/** The rule set with a cycle's parameters applied (the original is not changed). */
export function applyRuleParameters(ruleSet: RuleSet, p: RuleParameters): RuleSet {
  const org = ruleSet.organisation;
  const patch: RuleSetPatch = {
    caps: p.caps as RuleSetPatch['caps'],
    ...(p.newUnit ? { eligibility: { newUnit: p.newUnit } } : {}),
    ...(p.sickLeave ? { sickLeave: p.sickLeave as RuleSetPatch['sickLeave'] } : {}),
    ...(p.civilServant ? { civilServant: p.civilServant } : {}),
    ...(p.collectiveNotAboveOrganisation ? { collectiveNotAboveOrganisation: p.collectiveNotAboveOrganisation } : {}),
    ...(org && p.organisation ? { organisation: { cell: mergeThresholds(org.cell, p.organisation.cell), committee: mergeThresholds(org.committee, p.organisation.committee) } } : {}),
    ...(p.triggers ? { triggers: patchedTriggers(ruleSet, p) } : {}),
  };
  const patched = withParameters(ruleSet, patch);
  return p.readings ? { ...patched, readings: applyReadings(patched.readings, p.readings) } : patched;
}
