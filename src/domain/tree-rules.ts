/**
 * What makes an organisation tree possible (GUIDE.md §2), checked over its whole effective-dated
 * history: which kind of unit may sit directly under which, and no unit under itself on any day.
 * Pure: the query modules pass the versions (as they would stand after a change) and the units the
 * change touched; the first problem found is returned with the day it starts.
 */
import { UNIT_KIND_LABELS, type UnitKind } from './codes.js';
import { AppError } from './errors.js';
import { formatViDate, type Period, periodsOverlap } from './model/units.js';

/**
 * The kinds a unit of each kind may sit directly under (Điều lệ Đảng, Điều 21–22; GUIDE.md §2):
 * districts under the province; grassroots organisations (đảng bộ cơ sở, chi bộ cơ sở) under a
 * district or, from 1 July 2025 (two-tier local government), directly under the province; a
 * đảng bộ bộ phận under a đảng bộ cơ sở; a chi bộ trực thuộc under a đảng bộ cơ sở or bộ phận.
 */
export const PARENT_KINDS: Readonly<Record<UnitKind, readonly UnitKind[]>> = {
  province_committee: [],
  district_committee: ['province_committee'],
  grassroots_committee: ['province_committee', 'district_committee'],
  grassroots_cell: ['province_committee', 'district_committee'],
  sub_committee: ['grassroots_committee'],
  cell: ['grassroots_committee', 'sub_committee'],
};

/**
 * Kinds that may stand at the top of a tree (no parent in the data): a province, and a district or
 * grassroots organisation whose superior is not kept here. A sub-committee or a cell always belongs
 * to a grassroots committee.
 */
export const ROOT_KINDS: readonly UnitKind[] = ['province_committee', 'district_committee', 'grassroots_committee', 'grassroots_cell'];

/** True when a unit of kind `child` may sit directly under `parent` (null: at the top). */
export function kindMaySitUnder(child: UnitKind, parent: UnitKind | null): boolean {
  return parent === null ? ROOT_KINDS.includes(child) : PARENT_KINDS[child].includes(parent);
}

/** One version of a unit, as the tree checks need it. */
export interface TreeVersion extends Period {
  unitId: string;
  code: string;
  parentId: string | null;
  kind: UnitKind;
}

/** A problem in a tree: a unit under a kind it may not sit under, or a unit under itself. */
export type TreeProblem =
  | { problem: 'kind'; date: string; code: string; kind: UnitKind; parentCode: string | null; parentKind: UnitKind | null }
  | { problem: 'loop'; date: string; code: string; through: string[] };

const later = (a: string, b: string) => (a > b ? a : b);
const liveAfter = (p: Period, from: string) => p.validTo === null || p.validTo > from;

function byUnit(versions: readonly TreeVersion[]): Map<string, TreeVersion[]> {
  const out = new Map<string, TreeVersion[]>();
  for (const v of versions) {
    const list = out.get(v.unitId);
    if (list) list.push(v);
    else out.set(v.unitId, [v]);
  }
  return out;
}

/** Every kind problem from `from` on among versions of, or under, the `focus` units. */
function listKindProblems(versions: readonly TreeVersion[], units: Map<string, TreeVersion[]>, focus: ReadonlySet<string>, from: string): TreeProblem[] {
  const out: TreeProblem[] = [];
  for (const v of versions) {
    if (!liveAfter(v, from) || !(focus.has(v.unitId) || (v.parentId !== null && focus.has(v.parentId)))) continue;
    if (v.parentId === null) {
      if (focus.has(v.unitId) && !kindMaySitUnder(v.kind, null)) out.push({ problem: 'kind', date: later(v.validFrom, from), code: v.code, kind: v.kind, parentCode: null, parentKind: null });
      continue;
    }
    for (const p of units.get(v.parentId) ?? []) {
      if (!periodsOverlap(v, p) || !liveAfter(p, from) || kindMaySitUnder(v.kind, p.kind)) continue;
      out.push({ problem: 'kind', date: later(later(v.validFrom, p.validFrom), from), code: v.code, kind: v.kind, parentCode: p.code, parentKind: p.kind });
    }
  }
  return out;
}

/** The version of a unit valid on `date`. */
function versionOn(list: readonly TreeVersion[] | undefined, date: string): TreeVersion | undefined {
  return list?.find((v) => v.validFrom <= date && (v.validTo === null || date < v.validTo));
}

/** Every day from `from` on when some version starts or ends: the tree can only change on those days. */
function changeDays(versions: readonly TreeVersion[], from: string): string[] {
  const days = new Set<string>([from]);
  for (const v of versions) {
    if (v.validFrom > from) days.add(v.validFrom);
    if (v.validTo !== null && v.validTo > from) days.add(v.validTo);
  }
  return [...days].sort();
}

/** For each `focus` unit, the first day from `from` on when it lies under itself, walking up its parents. */
function listLoops(versions: readonly TreeVersion[], units: Map<string, TreeVersion[]>, focus: ReadonlySet<string>, from: string): TreeProblem[] {
  const out: TreeProblem[] = [];
  const open = new Set(focus);
  for (const day of changeDays(versions, from)) {
    for (const start of open) {
      const seen: string[] = [];
      let v = versionOn(units.get(start), day);
      while (v && v.parentId !== null && seen.length <= units.size) {
        seen.push(v.code);
        if (v.parentId === start) {
          out.push({ problem: 'loop', date: day, code: seen[0]!, through: seen });
          open.delete(start);
          break;
        }
        v = versionOn(units.get(v.parentId), day);
      }
    }
    if (open.size === 0) break;
  }
  return out;
}

/**
 * Every problem of the tree `versions` (all of it, or at least every unit the `focus` units can
 * reach) from `from` on: loops first (with the kinds respected none can form, so a loop says more
 * than the kind it breaks), then kinds, each by day. `focus`: the units whose versions a change wrote.
 */
export function listTreeProblems(versions: readonly TreeVersion[], options: { focus: Iterable<string>; from: string }): TreeProblem[] {
  const focus = new Set(options.focus);
  if (focus.size === 0) return [];
  const units = byUnit(versions);
  const byDay = (a: TreeProblem, b: TreeProblem) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  return [...listLoops(versions, units, focus, options.from).sort(byDay), ...listKindProblems(versions, units, focus, options.from).sort(byDay)];
}

/** The first problem of the tree from `from` on, on any future day, or null (see listTreeProblems). */
export function findTreeProblem(versions: readonly TreeVersion[], options: { focus: Iterable<string>; from: string }): TreeProblem | null {
  return listTreeProblems(versions, options)[0] ?? null;
}

const kindLabel = (k: UnitKind | null) => (k === null ? 'cấp cao nhất (không có cấp trên)' : `${UNIT_KIND_LABELS[k]} (${k})`);

/** The problem as the error a user reads: KindNotAllowed or ParentNotValid (a loop), naming the unit and the day. */
export function treeProblemError(p: TreeProblem): AppError {
  if (p.problem === 'loop') {
    return new AppError(
      'ParentNotValid',
      {
        vi: `Từ ngày ${formatViDate(p.date)} đơn vị «${p.code}» sẽ nằm dưới chính nó (${[...p.through, p.code].join(' → ')}): cây tổ chức không được có vòng.`,
        en: `From ${p.date} unit "${p.code}" would lie under itself (${[...p.through, p.code].join(' → ')}): the tree cannot have a loop.`,
      },
      { field: 'parentCode', details: { unitCode: p.code, date: p.date, through: p.through } },
    );
  }
  const allowed = PARENT_KINDS[p.kind].map((k) => UNIT_KIND_LABELS[k]).join(', ') || 'không có (chỉ đứng đầu cây)';
  return new AppError(
    'KindNotAllowed',
    {
      vi: `Từ ngày ${formatViDate(p.date)} ${UNIT_KIND_LABELS[p.kind]} «${p.code}» không thể trực thuộc ${p.parentCode === null ? kindLabel(null) : `${kindLabel(p.parentKind)} «${p.parentCode}»`}; ${UNIT_KIND_LABELS[p.kind].toLowerCase()} chỉ trực thuộc: ${allowed}.`,
      en: `From ${p.date} ${p.kind} "${p.code}" cannot sit under ${p.parentCode === null ? 'nothing (as a root)' : `${p.parentKind} "${p.parentCode}"`}; a ${p.kind} sits under: ${PARENT_KINDS[p.kind].join(', ') || 'nothing (root only)'}.`,
    },
    { field: p.parentCode === null ? 'kind' : 'parentCode', details: { unitCode: p.code, date: p.date, parentCode: p.parentCode } },
  );
}
