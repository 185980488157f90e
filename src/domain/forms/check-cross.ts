/**
 * Relations between forms (FORMS.md §4 CROSS_FORM). Where the forms count different populations
 * the relation is an inequality: some reviewed collectives are graded by a higher level, and
 * under HD 21 a member admitted < 6 months is reviewed but not graded (GUIDE.md §3).
 */
import type { RuleSetCode } from '../codes.js';
import { formatViInteger } from '../format/vi-number.js';
import { lookupCell, type FormTable } from './table.js';
import type { Finding, FormCode } from './types.js';

/** A cell of another form: form, row, column. */
interface Ref {
  form: FormCode;
  row: string;
  col: string;
}

/** `lhs ≥ Σ rhs` (each side summed over the stated cells; checked when lhs and one rhs are stated). */
interface Relation {
  lhs: Ref;
  rhs: readonly Ref[];
  why: { vi: string; en: string };
}

const ref = (form: FormCode, row: string, col = 'total'): Ref => ({ form, row, col });

/** The relations that hold under a rule set. */
export function crossRelations(ruleSet: RuleSetCode, ttLevels: readonly string[]): Relation[] {
  const newMembersReviewed = ruleSet === 'QD132-HD21';
  return [
    {
      lhs: ref('KD', 'reviewed', 'individual'),
      rhs: [ref('DV', 'graded'), ...(newMembersReviewed ? [ref('DV', 'not_required.new_member')] : [])],
      why: {
        vi: newMembersReviewed
          ? 'mọi đảng viên được xếp loại, và đảng viên kết nạp chưa đủ 6 tháng, đều phải kiểm điểm (HD 21)'
          : 'mọi đảng viên được xếp loại đều đã kiểm điểm',
        en: newMembersReviewed
          ? 'every graded member, and every member admitted < 6 months, must be reviewed (HD 21)'
          : 'every graded member was reviewed',
      },
    },
    {
      lhs: ref('KD', 'reviewed', 'collective'),
      rhs: [ref('TC', 'tccsd.graded'), ref('TC', 'truc_thuoc.graded'), ...ttLevels.map((l) => ref('TT', `${l}.graded`))],
      why: {
        vi: 'tổ chức đảng và tập thể lãnh đạo được xếp loại đều đã kiểm điểm (một số do cấp trên xếp loại)',
        en: 'organisations and collectives graded were all reviewed (some are graded by a higher level)',
      },
    },
    {
      lhs: ref('TC', 'tccsd.total'),
      rhs: [ref('TT', 'co_so.total', 'cap_uy')],
      why: {
        vi: 'mỗi tổ chức cơ sở đảng có nhiều nhất một cấp ủy cơ sở',
        en: 'each grassroots organisation has at most one grassroots committee',
      },
    },
  ];
}

const name = (r: Ref) => `${r.form}.${r.row}/${r.col}`;

/** Checks every cross-form relation whose sides the document states. */
export function checkCrossForm(ruleSet: RuleSetCode, ttLevels: readonly string[], tables: Record<FormCode, FormTable>): Finding[] {
  const out: Finding[] = [];
  for (const rel of crossRelations(ruleSet, ttLevels)) {
    const lhs = lookupCell(tables[rel.lhs.form], rel.lhs.row, rel.lhs.col);
    const stated = rel.rhs
      .map((r) => [r, lookupCell(tables[r.form], r.row, r.col)] as const)
      .filter((x): x is readonly [Ref, number] => x[1] !== undefined);
    if (lhs === undefined || stated.length === 0) continue;
    const rhs = stated.reduce((a, [, v]) => a + v, 0);
    if (lhs >= rhs) continue;
    const detail = stated.map(([r, v]) => `${name(r)} ${formatViInteger(v)}`).join(' + ');
    out.push({
      code: 'CROSS_FORM',
      severity: 'error',
      form: rel.lhs.form,
      row: rel.lhs.row,
      col: rel.lhs.col,
      expected: `≥ ${rhs}`,
      actual: lhs,
      message: {
        vi: `${name(rel.lhs)} = ${formatViInteger(lhs)} phải ≥ ${detail} = ${formatViInteger(rhs)}: ${rel.why.vi}.`,
        en: `${name(rel.lhs)} = ${lhs} must be ≥ ${detail} = ${rhs}: ${rel.why.en}.`,
      },
    });
  }
  return out;
}
