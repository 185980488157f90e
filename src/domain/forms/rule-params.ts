/**
 * Rule-set parameters the checker needs: the HTXS cap (GUIDE.md §3 "20% cap on HTXS"), the annex
 * codes the report is expected to cite, and the counting nouns of each subject (GUIDE.md §5, §8).
 */
import type { RuleSetCode } from '../codes.js';
import { getRuleSet } from '../rules/rule-set.js';
import type { CapBase } from '../rules/types.js';
import { levelsFor, type Subject } from './definitions.js';
import type { FormCode } from './types.js';

/** The bases a cap can be read on (GUIDE.md §3 "Practice differs from the cap's wording"). */
export type { CapBase };

/**
 * Where the cap is applied. `rows`: the grades are rows `${row}.htxs`… and `row` is the graded
 * row (TC, DV, TT); `cols`: the grades are columns of `row` (CN). `cols: 'each'` also checks every
 * column, which is sound for an aggregate of per-unit caps: if every unit kept HTXS ≤ 20% × HTT,
 * so would their sum, so a column over the cap proves at least one unit over it.
 */
export interface CapScope {
  form: FormCode;
  row: string;
  layout: 'rows' | 'cols';
  cols: 'total' | 'each';
}

/** The HTXS cap of a rule set. */
export interface CapRule {
  /** The cap in percent (20 in HD 21, HD 25, HD 43; HD 43 allows up to 25 by exception). */
  percent: number;
  /** The base the rule set's wording names (literal HD 21: HTT). */
  base: CapBase;
  /** The other bases reported alongside, so the reader sees which readings it fails. */
  alsoReport: readonly CapBase[];
  scopes: readonly CapScope[];
  source: string;
}

/**
 * The cap of a rule set as the checker applies it: the percentage, base and source of the rule
 * set's member cap (src/domain/rules, one place for the parameter), literally HTXS ≤ 20% of HTT
 * (regulations.md §0.3, §7.12), with the other readings reported alongside.
 */
export function capRuleFor(ruleSet: RuleSetCode): CapRule {
  const levels = levelsFor(ruleSet);
  const cap = getRuleSet(ruleSet).caps.member;
  const bases: readonly CapBase[] = ['HTT', 'HTT+HTXS'];
  return {
    percent: cap.percent,
    base: cap.base,
    alsoReport: bases.filter((b) => b !== cap.base),
    source: cap.source,
    scopes: [
      // Members: per grassroots organisation; the type columns aggregate them (HD 21 II.B.2.3).
      { form: 'DV', row: 'graded', layout: 'rows', cols: 'each' },
      // Organisations graded by the same standing committee.
      { form: 'TC', row: 'tccsd.graded', layout: 'rows', cols: 'total' },
      { form: 'TC', row: 'truc_thuoc.dang_bo_bo_phan.graded', layout: 'rows', cols: 'total' },
      { form: 'TC', row: 'truc_thuoc.chi_bo.graded', layout: 'rows', cols: 'total' },
      // Collectives: per level and per kind of similar collectives (HD 21 II.B.3).
      ...levels.map((l): CapScope => ({ form: 'TT', row: `${l}.graded`, layout: 'rows', cols: 'each' })),
      // Leaders: per level.
      ...levels.map((l): CapScope => ({ form: 'CN', row: l, layout: 'cols', cols: 'total' })),
    ],
  };
}

/**
 * The annex codes the report's text cites (seed 331-BC/HU: "biểu 6A, 6B, 6D, 6E kèm theo"). The
 * numbering may be provincial (regulations.md §9), so a mismatch is a warning and callers may pass
 * their own list.
 */
export const DEFAULT_ANNEX_CODES: Readonly<Partial<Record<FormCode, string>>> = {
  TC: '6A',
  DV: '6B',
  TT: '6D',
  CN: '6E',
};

/**
 * Counting nouns that fit each subject (FORMS.md "Reports as they are printed"; GUIDE.md §5, §8:
 * "đồng chí" counts people only). FORMS.md lists grassroots organisations, cells under a grassroots
 * committee, members, collectives and leaders; sub-committees (đảng bộ bộ phận), organisations under
 * a committee taken together, and KD's individuals (members and leaders) follow from those.
 */
export const NOUNS_BY_SUBJECT: Readonly<Record<Subject, readonly string[]>> = {
  organisation: ['tổ chức', 'tổ chức đảng', 'tổ chức cơ sở đảng', 'đảng bộ', 'chi bộ', 'đảng bộ cơ sở', 'chi bộ cơ sở'],
  cell: ['chi bộ', 'chi bộ trực thuộc'],
  sub_committee: ['đảng bộ bộ phận', 'đảng bộ'],
  sub_organisation: ['tổ chức', 'tổ chức đảng', 'đảng bộ bộ phận', 'chi bộ', 'chi bộ trực thuộc'],
  member: ['đồng chí', 'đảng viên'],
  collective: ['tập thể'],
  leader: ['đồng chí', 'cá nhân', 'cán bộ'],
  individual: ['đồng chí', 'cá nhân', 'đảng viên', 'cán bộ'],
};

/** What each subject is called in messages ("… không hợp với chi bộ trực thuộc được đếm"). */
export const SUBJECT_LABELS: Readonly<Record<Subject, { vi: string; en: string }>> = {
  organisation: { vi: 'tổ chức cơ sở đảng', en: 'grassroots organisations' },
  cell: { vi: 'chi bộ trực thuộc đảng ủy cơ sở', en: 'cells under a grassroots committee' },
  sub_committee: { vi: 'đảng bộ bộ phận', en: 'sub-committees' },
  sub_organisation: { vi: 'tổ chức đảng trực thuộc đảng ủy cơ sở', en: 'organisations under a grassroots committee' },
  member: { vi: 'đảng viên', en: 'party members' },
  collective: { vi: 'tập thể lãnh đạo, quản lý', en: 'leadership collectives' },
  leader: { vi: 'cán bộ lãnh đạo, quản lý', en: 'leaders' },
  individual: { vi: 'cá nhân', en: 'individuals' },
};

const PEOPLE: readonly Subject[] = ['member', 'leader', 'individual'];
const ORGANISATIONS: readonly Subject[] = ['organisation', 'cell', 'sub_committee', 'sub_organisation'];
const nounsOf = (subjects: readonly Subject[]) => new Set(subjects.flatMap((s) => NOUNS_BY_SUBJECT[s]));
const PERSON_NOUNS = nounsOf(PEOPLE);
const ORGANISATION_NOUNS = nounsOf(ORGANISATIONS);

/** A counting noun as compared: NFC, trimmed, inner spaces collapsed, lower-cased ("  Tổ chức cơ sở đảng " → "tổ chức cơ sở đảng"). */
export function normaliseNoun(noun: string): string {
  return noun.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
}

/** Whether `noun` may count `subject` (compared after trimming and lower-casing). */
export function nounFits(noun: string, subject: Subject): boolean {
  return NOUNS_BY_SUBJECT[subject].includes(normaliseNoun(noun));
}

/**
 * How a counting noun fits its subject: `fits`; `error` when a person's noun counts organisations
 * or collectives, or an organisation's noun counts people (FORMS.md NOUN); `warning` for any other
 * noun not in the subject's list (e.g. "tập thể" for organisations, or a noun of no list).
 */
export function nounVerdict(noun: string, subject: Subject): 'fits' | 'error' | 'warning' {
  if (nounFits(noun, subject)) return 'fits';
  const n = normaliseNoun(noun);
  const personCountsThings = PERSON_NOUNS.has(n) && !PEOPLE.includes(subject);
  const organisationCountsPeople = ORGANISATION_NOUNS.has(n) && PEOPLE.includes(subject);
  return personCountsThings || organisationCountsPeople ? 'error' : 'warning';
}
