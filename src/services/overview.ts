/**
 * The overview of one cycle: the unit tree as of the cycle's reference date with every unit's
 * member counts as form DV prints them (the stored form counts, one source of truth with the
 * forms; FORMS.md §2 "DV"). Used by the first page; the same model can feed the API.
 */
import type { Grade } from '../domain/codes.js';
import { AppError } from '../domain/errors.js';
import { buildTree, findNode, rollUp, type TreeNode } from '../domain/tree.js';
import type { Db } from '../db/create-db.js';
import {
  type CycleSummary,
  countMembersByUnit,
  listCycleSummaries,
  listUnitGrades,
  listUnitsValidOn,
  type MemberFormCounts,
  readMemberFormCounts,
} from '../db/queries/overview.js';

/** Subtree member counts of a unit: DV total, graded by grade, not required, pending. */
export type UnitCounts = MemberFormCounts;

export interface Overview {
  cycles: CycleSummary[];
  cycle: CycleSummary | null;
  roots: TreeNode[];
  /** Subtree totals per unit id, as printed on form DV (members without a cycle: memberships). */
  totals: Map<string, UnitCounts>;
  /** Each unit's own decided grade and eligibility in the cycle. */
  ownGrades: Map<string, { grade: Grade | null; eligibility: string }>;
}

const ZERO: UnitCounts = { members: 0, HTXS: 0, HTT: 0, HT: 0, KHT: 0, notRequired: 0, pending: 0 };

/**
 * Loads the overview for a cycle year (the newest cycle when omitted). An unknown year is a
 * CycleNotFound error; a database without cycles gives an empty overview.
 */
export async function loadOverview(db: Db, options: { year?: number | undefined; period?: string | undefined } = {}): Promise<Overview> {
  const cycles = await listCycleSummaries(db);
  const matches = (c: CycleSummary) => c.year === options.year && (options.period === undefined || c.period === options.period);
  const cycle = options.year === undefined ? (cycles[0] ?? null) : (cycles.find(matches) ?? null);
  if (options.year !== undefined && !cycle) {
    throw new AppError('CycleNotFound', {
      vi: `Không có kỳ đánh giá năm ${options.year}${options.period && options.period !== 'nam' ? ` (${options.period})` : ''}.`,
      en: `There is no review cycle for ${options.year}${options.period ? ` (${options.period})` : ''}.`,
    });
  }
  const date = cycle?.referenceDate ?? new Date().toISOString().slice(0, 10);
  const [units, totals, ownGrades] = await Promise.all([
    listUnitsValidOn(db, date),
    cycle ? readMemberFormCounts(db, cycle.id) : undefined,
    cycle ? listUnitGrades(db, cycle.id) : Promise.resolve(new Map()),
  ]);
  const roots = buildTree(units);
  return { cycles, cycle, roots, totals: totals ?? (await membersOnly(db, roots, date)), ownGrades };
}

/** Without a cycle nothing is graded: members on the date, rolled up the tree. */
async function membersOnly(db: Db, roots: TreeNode[], date: string): Promise<Map<string, UnitCounts>> {
  const own = new Map<string, Partial<UnitCounts>>(await countMembersByUnit(db, date));
  return rollUp(roots, own, ZERO);
}

/** A unit's totals (zero when it has no members in the cycle). */
export function totalsOf(overview: Overview, unitId: string): UnitCounts {
  return overview.totals.get(unitId) ?? ZERO;
}

/** One unit of the overview by code (UnitNotFound when it did not exist on the reference date). */
export function overviewUnit(overview: Overview, code: string): TreeNode {
  const node = findNode(overview.roots, code);
  if (!node) {
    throw new AppError('UnitNotFound', {
      vi: `Không tìm thấy đơn vị «${code}» vào ngày ${overview.cycle?.referenceDate ?? 'hôm nay'}.`,
      en: `Unit "${code}" was not found on ${overview.cycle?.referenceDate ?? 'today'}.`,
    });
  }
  return node;
}
