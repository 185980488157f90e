/**
 * What one evaluation counts in the forms (FORMS.md §2): a pure function of the evaluation's facts
 * to the cells it adds one to. Grade-form cells (TC, DV, TT, CN) and review cells (KD) are kept
 * apart because a subject graded by a superior (eligibility `higher_level`, GUIDE.md §3) is graded
 * where the superior sits but reviewed where it belongs.
 */
import {
  type Eligibility,
  type Grade,
  type KhtReason,
  MEMBER_KHT_REASONS,
  type RuleSetCode,
  type SubjectKind,
  type UnitKind,
} from '../codes.js';
import type { FormCode } from '../forms/types.js';
import { type Cell, cellKey, orgTypeColumnChain, storableCells } from './cells.js';

/** The facts of one evaluation that decide its cells. */
export interface EvaluationFacts {
  subjectKind: SubjectKind;
  eligibility: Eligibility;
  /** Reviewed (kiểm điểm): true, false, or null when not recorded (counted as not reviewed). */
  reviewed: boolean | null;
  decidedGrade: Grade | null;
  /** The primary KHT reason (the first recorded), FORMS.md §2 "each member carries one primary reason". */
  primaryKhtReason: KhtReason | null;
  /** Units: the unit's kind. */
  unitKind?: UnitKind | null;
  /** Units: the unit's effective organisation type; members: their cell's (inherited, GUIDE.md §2). */
  orgType?: string | null;
  /** Collectives: their kind (TT column) and level (TT section). */
  collectiveKind?: string | null;
  level?: string | null;
  /** Positions: the position group (CN row, e.g. `huyen.uv_btv`). */
  positionGroup?: string | null;
}

/** The cells of one evaluation: `grade` on forms TC/DV/TT/CN, `review` on form KD. */
export interface Contribution {
  grade: readonly Cell[];
  review: readonly Cell[];
  /** `cellKey` of each cell, computed once. */
  gradeKeys: readonly string[];
  reviewKeys: readonly string[];
}

/** TC section of a unit kind (FORMS.md §2); districts and provinces count in no TC row. */
const TC_SECTIONS: Partial<Record<UnitKind, string>> = {
  grassroots_committee: 'tccsd.dang_bo',
  grassroots_cell: 'tccsd.chi_bo',
  sub_committee: 'truc_thuoc.dang_bo_bo_phan',
  cell: 'truc_thuoc.chi_bo',
};

const lower = (g: Grade) => g.toLowerCase();
const NOT_REVIEWED_EXEMPT: readonly Eligibility[] = ['new_unit', 'exempt', 'suspended'];

function tcRows(f: EvaluationFacts): string[] {
  const s = f.unitKind ? TC_SECTIONS[f.unitKind] : undefined;
  if (!s) return [];
  if (f.decidedGrade) return [`${s}.total`, `${s}.graded`, `${s}.graded.${lower(f.decidedGrade)}`];
  return [`${s}.total`, `${s}.not_graded`, ...(f.eligibility === 'new_unit' ? [`${s}.not_graded.new`] : [])];
}

/** DV rows of a member (FORMS.md §2 "DV"): eligibility first, then the decided grade. */
function dvRows(f: EvaluationFacts): string[] {
  const notRequired: Partial<Record<Eligibility, string>> = { exempt: 'exempt', new_member: 'new_member', suspended: 'suspended' };
  const reason = notRequired[f.eligibility];
  if (reason) return ['total', 'not_required', `not_required.${reason}`];
  if (!f.decidedGrade) return ['total', 'pending'];
  const rows = ['total', 'graded', `graded.${lower(f.decidedGrade)}`];
  if (f.decidedGrade === 'KHT') {
    const r = f.primaryKhtReason;
    rows.push(`kht.${r !== null && (MEMBER_KHT_REASONS as readonly string[]).includes(r) ? r : 'other'}`);
  }
  return rows;
}

/** TT rows of a collective in its level's section; a KHT without a reason counts in no reason row. */
function ttRows(f: EvaluationFacts): string[] {
  const l = f.level;
  if (!l) return [];
  if (!f.decidedGrade) return [`${l}.total`, `${l}.not_graded`];
  const rows = [`${l}.total`, `${l}.graded`, `${l}.graded.${lower(f.decidedGrade)}`];
  if (f.decidedGrade === 'KHT' && f.primaryKhtReason) rows.push(`${l}.kht.${f.primaryKhtReason}`);
  return rows;
}

/** CN cells of a position: its group row and its section row, by grade column. */
function cnCells(f: EvaluationFacts): Cell[] {
  const group = f.positionGroup;
  if (!group) return [];
  const section = group.split('.')[0] ?? group;
  const cols = f.decidedGrade ? ['total', 'graded', lower(f.decidedGrade)] : ['total', 'not_graded'];
  return [group, section].flatMap((row) => cols.map((col) => ({ form: 'CN' as const, row, col })));
}

function gradeCells(f: EvaluationFacts, ruleSet: RuleSetCode): Cell[] {
  const across = (form: FormCode, rows: string[], cols: readonly string[]) =>
    rows.flatMap((row) => cols.map((col) => ({ form, row, col })));
  switch (f.subjectKind) {
    case 'unit':
      return across('TC', tcRows(f), orgTypeColumnChain(f.orgType ?? null, ruleSet));
    case 'member':
      return across('DV', dvRows(f), orgTypeColumnChain(f.orgType ?? null, ruleSet));
    case 'collective':
      return f.collectiveKind ? across('TT', ttRows(f), [f.collectiveKind, 'total']) : across('TT', ttRows(f), ['total']);
    case 'position':
      return cnCells(f);
  }
}

/** KD column of a subject kind: organisations and collectives are `collective`, people `individual`. */
export function reviewColumn(kind: SubjectKind): 'collective' | 'individual' {
  return kind === 'unit' || kind === 'collective' ? 'collective' : 'individual';
}

function reviewCells(f: EvaluationFacts): Cell[] {
  const col = reviewColumn(f.subjectKind);
  const rows = ['required'];
  if (f.reviewed === true) rows.push('reviewed');
  else rows.push('not_reviewed', ...(NOT_REVIEWED_EXEMPT.includes(f.eligibility) ? ['not_reviewed.new_or_exempt'] : []));
  return rows.map((row) => ({ form: 'KD', row, col }));
}

/** Keeps the cells the rule set's forms have (e.g. no `huyen.*` rows from 2025). */
function keepStorable(cells: Cell[], ruleSet: RuleSetCode): Cell[] {
  const ok = storableCells(ruleSet);
  return cells.filter((c) => ok.has(cellKey(c)));
}

const memo = new Map<string, Contribution>();

/**
 * The cells one evaluation adds one to. Memoised by its facts: a province's 300,000 evaluations
 * have a few hundred distinct fact sets.
 */
export function contributionOf(f: EvaluationFacts, ruleSet: RuleSetCode): Contribution {
  const key = [ruleSet, f.subjectKind, f.eligibility, f.reviewed, f.decidedGrade, f.primaryKhtReason, f.unitKind, f.orgType, f.collectiveKind, f.level, f.positionGroup].join('|');
  let hit = memo.get(key);
  if (!hit) {
    const grade = keepStorable(gradeCells(f, ruleSet), ruleSet);
    const review = keepStorable(reviewCells(f), ruleSet);
    hit = { grade, review, gradeKeys: grade.map(cellKey), reviewKeys: review.map(cellKey) };
    memo.set(key, hit);
  }
  return hit;
}

/**
 * The KD cells of one review topic (gợi ý kiểm điểm, FORMS.md §2 KD `suggested.*`): the managing
 * body's row and its printed parents, in the subject's column.
 */
export function topicCells(subjectKind: SubjectKind, managedBy: string, ruleSet: RuleSetCode): Cell[] {
  const col = reviewColumn(subjectKind);
  const rows = ['suggested', `suggested.${managedBy}`, ...(managedBy.startsWith('co_so.') ? ['suggested.co_so'] : [])];
  return keepStorable(rows.map((row) => ({ form: 'KD', row, col })), ruleSet);
}
