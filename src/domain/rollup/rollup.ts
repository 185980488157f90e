/**
 * The roll-up of the forms over the tree as it stood on a cycle's reference date (GUIDE.md §2: old
 * years report against their own tree): every unit's counts are the sum over its subtree. A subject
 * counts at its unit and every ancestor; one graded by a superior (`higher_level`) counts its grade
 * at the deciding unit and above, its review where it belongs. Pure: the query modules supply rows.
 */
import type { Eligibility, Grade, KhtReason, OrgType, RuleSetCode, SubjectKind, UnitKind } from '../codes.js';
import { type Cell, cellKey, parseCellKey } from './cells.js';
import { type Contribution, contributionOf, topicCells } from './contributions.js';

/** A unit as it stood on the reference date. */
export interface RollupUnit {
  id: string;
  code: string;
  parentId: string | null;
  kind: UnitKind;
  orgType: OrgType | null;
}

/** The tree of one date as maps: parent, kind, effective organisation type, ancestor chains. */
export class UnitIndex {
  private readonly units = new Map<string, RollupUnit>();
  private readonly effective = new Map<string, OrgType | null>();

  constructor(units: Iterable<RollupUnit>) {
    for (const u of units) this.units.set(u.id, u);
  }

  has(id: string | null | undefined): id is string {
    return id != null && this.units.has(id);
  }

  get(id: string): RollupUnit | undefined {
    return this.units.get(id);
  }

  /** The unit and its ancestors, nearest first; empty when the unit did not exist that day. Cycle-safe. */
  chain(id: string | null): string[] {
    const out: string[] = [];
    let cur = id === null ? undefined : this.units.get(id);
    while (cur && !out.includes(cur.id)) {
      out.push(cur.id);
      cur = cur.parentId === null ? undefined : this.units.get(cur.parentId);
    }
    return out;
  }

  /** Organisation type, inherited from the nearest ancestor that states one (cells under committees). */
  effectiveOrgType(id: string): OrgType | null {
    if (this.effective.has(id)) return this.effective.get(id) ?? null;
    const found = this.chain(id).map((u) => this.units.get(u)?.orgType ?? null).find((t) => t !== null) ?? null;
    this.effective.set(id, found);
    return found;
  }

  ids(): IterableIterator<string> {
    return this.units.keys();
  }
}

/** An evaluation's stored facts, before the tree adds its unit's kind and type. */
export interface RollupEvaluation {
  id: string;
  subjectKind: SubjectKind;
  subjectId: string;
  unitId: string;
  eligibility: Eligibility;
  reviewed: boolean | null;
  decidedGrade: Grade | null;
  khtReasons: readonly KhtReason[];
  decidingUnitId: string | null;
  collectiveKind: string | null;
  level: string | null;
  positionGroup: string | null;
}

/** A review topic with the unit its subject belongs to. */
export interface RollupTopic {
  subjectKind: SubjectKind;
  managedBy: string;
  unitId: string | null;
}

/** A value entered for a unit that reports counts only. */
export interface EnteredValue extends Cell {
  unitId: string;
  value: number;
}

/** Per unit id, cell key → count. */
export type UnitCounts = Map<string, Map<string, number>>;

/** An evaluation placed in the tree: its cells and the units they count at. */
export interface Placed {
  contribution: Contribution;
  gradeUnits: readonly string[];
  reviewUnits: readonly string[];
}

/** Places an evaluation: its facts from the tree, its cells, and where each part counts. */
export function placeEvaluation(e: RollupEvaluation, tree: UnitIndex, ruleSet: RuleSetCode): Placed {
  const contribution = contributionOf(
    {
      subjectKind: e.subjectKind,
      eligibility: e.eligibility,
      reviewed: e.reviewed,
      decidedGrade: e.decidedGrade,
      primaryKhtReason: e.khtReasons[0] ?? null,
      unitKind: e.subjectKind === 'unit' ? (tree.get(e.subjectId)?.kind ?? null) : null,
      orgType: e.subjectKind === 'unit' || e.subjectKind === 'member' ? tree.effectiveOrgType(e.unitId) : null,
      collectiveKind: e.collectiveKind,
      level: e.level,
      positionGroup: e.positionGroup,
    },
    ruleSet,
  );
  const reviewUnits = tree.chain(e.unitId);
  return { contribution, reviewUnits, gradeUnits: e.eligibility === 'higher_level' ? tree.chain(gradeAnchor(e, tree)) : reviewUnits };
}

/** Where a `higher_level` subject's grade counts: the deciding unit, else the unit's parent. */
function gradeAnchor(e: RollupEvaluation, tree: UnitIndex): string {
  if (tree.has(e.decidingUnitId) && e.decidingUnitId !== e.unitId) return e.decidingUnitId;
  return tree.get(e.unitId)?.parentId ?? e.unitId;
}

function bump(acc: UnitCounts, unitId: string, key: string, by: number): void {
  let m = acc.get(unitId);
  if (!m) acc.set(unitId, (m = new Map()));
  m.set(key, (m.get(key) ?? 0) + by);
}

/** Adds (sign +1) or removes (sign −1) a placed evaluation at every unit it counts at. */
export function addPlaced(acc: UnitCounts, p: Placed, sign: 1 | -1): void {
  for (const u of p.gradeUnits) for (const k of p.contribution.gradeKeys) bump(acc, u, k, sign);
  for (const u of p.reviewUnits) for (const k of p.contribution.reviewKeys) bump(acc, u, k, sign);
}

/** Adds a review topic's KD cells at its subject's unit and ancestors. */
export function addTopic(acc: UnitCounts, t: RollupTopic, tree: UnitIndex, ruleSet: RuleSetCode, sign: 1 | -1): void {
  const keys = topicCells(t.subjectKind, t.managedBy, ruleSet).map(cellKey);
  for (const u of tree.chain(t.unitId)) for (const k of keys) bump(acc, u, k, sign);
}

/** Adds entered values at their unit and ancestors. */
export function addEntered(acc: UnitCounts, values: readonly EnteredValue[], tree: UnitIndex, sign: 1 | -1): void {
  for (const v of values) for (const u of tree.chain(v.unitId)) bump(acc, u, cellKey(v), sign * v.value);
}

/**
 * Turns per-unit own counts into subtree totals in place: deepest units first, each merged into
 * its parent, so every unit is merged once (a province: ~20,000 units, not 300,000 × depth).
 */
function rollUpOwn(own: UnitCounts, tree: UnitIndex): UnitCounts {
  const depth = new Map<string, number>();
  for (const id of tree.ids()) depth.set(id, tree.chain(id).length);
  const byDepth = (a: string, b: string) => (depth.get(b) ?? 0) - (depth.get(a) ?? 0);
  for (const id of [...tree.ids()].sort(byDepth)) {
    const m = own.get(id);
    const parent = tree.get(id)?.parentId;
    if (!m || !tree.has(parent)) continue;
    let pm = own.get(parent);
    if (!pm) own.set(parent, (pm = new Map()));
    for (const [k, v] of m) pm.set(k, (pm.get(k) ?? 0) + v);
  }
  for (const id of own.keys()) if (!depth.has(id)) own.delete(id);
  return own;
}

/** Everything a cycle's forms are computed from. */
export interface CycleRollupInput {
  ruleSet: RuleSetCode;
  tree: UnitIndex;
  evaluations: Iterable<RollupEvaluation>;
  topics: Iterable<RollupTopic>;
  entered: readonly EnteredValue[];
}

/** Subtree totals of every unit of a cycle, recomputed from the evaluations (what `verify` compares). */
export function computeCycleCounts(input: CycleRollupInput): UnitCounts {
  const own: UnitCounts = new Map();
  const { tree, ruleSet } = input;
  for (const e of input.evaluations) {
    const p = placeEvaluation(e, tree, ruleSet);
    const [g, r] = [p.gradeUnits[0], p.reviewUnits[0]];
    if (g !== undefined) for (const k of p.contribution.gradeKeys) bump(own, g, k, 1);
    if (r !== undefined) for (const k of p.contribution.reviewKeys) bump(own, r, k, 1);
  }
  for (const t of input.topics) {
    if (!tree.has(t.unitId)) continue;
    for (const c of topicCells(t.subjectKind, t.managedBy, ruleSet)) bump(own, t.unitId, cellKey(c), 1);
  }
  for (const v of input.entered) if (tree.has(v.unitId)) bump(own, v.unitId, cellKey(v), v.value);
  return rollUpOwn(own, tree);
}

/** One cell whose stored count differs from the recomputed one. */
export interface CountDifference extends Cell {
  unitId: string;
  stored: number;
  expected: number;
}

/** Cells that differ between stored and recomputed counts (an absent cell is zero). */
export function diffCounts(stored: UnitCounts, expected: UnitCounts): CountDifference[] {
  const out: CountDifference[] = [];
  const units = new Set([...stored.keys(), ...expected.keys()]);
  for (const unitId of units) {
    const s = stored.get(unitId) ?? new Map<string, number>();
    const x = expected.get(unitId) ?? new Map<string, number>();
    for (const key of new Set([...s.keys(), ...x.keys()])) {
      const a = s.get(key) ?? 0;
      const b = x.get(key) ?? 0;
      if (a !== b) out.push({ unitId, ...parseCellKey(key), stored: a, expected: b });
    }
  }
  return out;
}

/** Non-zero entries of per-unit counts as rows (a delta or a full set). */
export function* countRows(acc: UnitCounts): Generator<{ unitId: string; key: string; value: number }> {
  for (const [unitId, m] of acc) for (const [key, value] of m) if (value !== 0) yield { unitId, key, value };
}
