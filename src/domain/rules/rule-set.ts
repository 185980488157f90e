/**
 * Choosing a rule set by the cycle's rule set code (GUIDE.md §3: "A cycle is pinned to one rule set")
 * and overriding its parameters (the "(verify)" values, the cap) per province or cycle.
 */
import type { RuleSetCode, SubjectKind } from '../codes.js';
import { AppError } from '../errors.js';
import { QD124_HD25, QD132_HD21, QD366_HD43 } from './rule-set-data.js';
import type { CapParameters, RuleSet } from './types.js';

const BY_CODE: Record<RuleSetCode, RuleSet> = {
  'QD132-HD21': QD132_HD21,
  'QD124-HD25': QD124_HD25,
  'QD366-HD43': QD366_HD43,
};

/** The rule set of a code; throws NoRuleSet for an unknown code. */
export function getRuleSet(code: string): RuleSet {
  const found = (BY_CODE as Record<string, RuleSet | undefined>)[code];
  if (!found) {
    throw new AppError('NoRuleSet', { vi: `Không có bộ quy định «${code}».`, en: `No rule set "${code}".` });
  }
  return found;
}

/** A patch of parameters: each top-level object is merged one level deep. */
export interface RuleSetPatch {
  eligibility?: { newUnit?: Partial<RuleSet['eligibility']['newUnit']> };
  sickLeave?: Partial<RuleSet['sickLeave']>;
  civilServant?: Partial<RuleSet['civilServant']>;
  selfRemedied?: RuleSet['selfRemedied'];
  forceMajeure?: RuleSet['forceMajeure'];
  organisation?: RuleSet['organisation'];
  collectiveNotAboveOrganisation?: Partial<RuleSet['collectiveNotAboveOrganisation']>;
  caps?: Partial<Record<SubjectKind, Partial<CapParameters>>>;
  triggers?: Partial<RuleSet['triggers']>;
}

/** A copy of `ruleSet` with parameters overridden (the original is not changed). */
export function withParameters(ruleSet: RuleSet, patch: RuleSetPatch): RuleSet {
  const caps = { ...ruleSet.caps };
  for (const [kind, p] of Object.entries(patch.caps ?? {}) as [SubjectKind, Partial<CapParameters>][]) {
    caps[kind] = { ...caps[kind], ...p };
  }
  return {
    ...ruleSet,
    eligibility: { ...ruleSet.eligibility, newUnit: { ...ruleSet.eligibility.newUnit, ...patch.eligibility?.newUnit } },
    sickLeave: { ...ruleSet.sickLeave, ...patch.sickLeave },
    civilServant: { ...ruleSet.civilServant, ...patch.civilServant },
    selfRemedied: patch.selfRemedied ?? ruleSet.selfRemedied,
    forceMajeure: patch.forceMajeure ?? ruleSet.forceMajeure,
    organisation: patch.organisation === undefined ? ruleSet.organisation : patch.organisation,
    collectiveNotAboveOrganisation: { ...ruleSet.collectiveNotAboveOrganisation, ...patch.collectiveNotAboveOrganisation },
    caps,
    triggers: { ...ruleSet.triggers, ...patch.triggers },
  };
}
