/**
 * The overview of one cycle: the unit tree as of the cycle's reference date with members and
 * member grades rolled up to every unit. Used by the first page; the same model can feed the API.
 */
import type { Grade } from '../domain/codes.js';
import { AppError } from '../domain/errors.js';
import { buildTree, findNode, rollUp, type TreeNode } from '../domain/tree.js';
import type { Db } from '../db/create-db.js';
import {
  type CycleSummary,
  countMemberGradesByUnit,
  countMembersByUnit,
  listCycleSummaries,
  listUnitGrades,
  listUnitsValidOn,
  type MemberGradeCounts,
} from '../db/queries/overview.js';

export type UnitCounts = MemberGradeCounts & { members: number };

export interface Overview {
  cycles: CycleSummary[];
  cycle: CycleSummary | null;
  roots: TreeNode[];
  /** Subtree totals per unit id. */
  totals: Map<string, UnitCounts>;
  /** Each unit's own decided grade and eligibility in the cycle. */
  ownGrades: Map<string, { grade: Grade | null; eligibility: string }>;
}

const ZERO: UnitCounts = { members: 0, HTXS: 0, HTT: 0, HT: 0, KHT: 0, notGraded: 0 };

/**
 * Loads the overview for a cycle year (the newest cycle when omitted). An unknown year is a
 * CycleNotFound error; a database without cycles gives an empty overview.
 */
export async function loadOverview(db: Db, options: { year?: number } = {}): Promise<Overview> {
  const cycles = await listCycleSummaries(db);
  const cycle = options.year === undefined ? (cycles[0] ?? null) : (cycles.find((c) => c.year === options.year) ?? null);
  if (options.year !== undefined && !cycle) {
    throw new AppError('CycleNotFound', {
      vi: `Không có kỳ đánh giá năm ${options.year}.`,
      en: `There is no review cycle for ${options.year}.`,
    });
  }
  const date = cycle?.referenceDate ?? new Date().toISOString().slice(0, 10);
  const [units, members, grades, ownGrades] = await Promise.all([
    listUnitsValidOn(db, date),
    countMembersByUnit(db, date),
    cycle ? countMemberGradesByUnit(db, cycle.id) : Promise.resolve(new Map()),
    cycle ? listUnitGrades(db, cycle.id) : Promise.resolve(new Map()),
  ]);
  const roots = buildTree(units);
  const own = new Map<string, Partial<UnitCounts>>();
  for (const [id, m] of members) own.set(id, { ...m });
  for (const [id, g] of grades as Map<string, Partial<MemberGradeCounts>>) own.set(id, { ...(own.get(id) ?? {}), ...g });
  return { cycles, cycle, roots, totals: rollUp(roots, own, ZERO), ownGrades };
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
