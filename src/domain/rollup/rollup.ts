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

/** An evaluation's cells, with the facts the tree knows (its unit's kind, its organisation's type). */
function evaluationContribution(e: RollupEvaluation, tree: UnitIndex, ruleSet: RuleSetCode): Contribution {
  return contributionOf(
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
}

/** Places an evaluation: its facts from the tree, its cells, and where each part counts. */
export function placeEvaluation(e: RollupEvaluation, tree: UnitIndex, ruleSet: RuleSetCode): Placed {
  const contribution = evaluationContribution(e, tree, ruleSet);
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
 * Every unit's counts of a cycle, built in one pass over the evaluations (GUIDE.md §2) with memory
 * bounded by the tree, not the evaluations: each evaluation adds one to its own unit's tally of
 * contributions (an evaluation's cells are shared by all evaluations with the same facts, so a cell
 * of 25 members holds about ten tallies, not 25 evaluations); `finish` then sums the subtree of
 * every unit that has sub-units, deepest first, each unit merged into its parent once. A leaf's
 * totals are its own tallies, expanded when asked. Linear in evaluations plus units × cells.
 */
export class CycleCountsBuilder {
  /** Per unit: cell keys of a contribution part (shared arrays) → how many subjects add them. */
  private readonly own = new Map<string, Map<readonly string[], number>>();
  private readonly singles = new Map<string, readonly string[]>();
  private totals: Map<string, Map<string, number>> | undefined;

  constructor(
    private readonly tree: UnitIndex,
    private readonly ruleSet: RuleSetCode,
  ) {}

  private tally(unitId: string, keys: readonly string[], by: number): void {
    if (keys.length === 0) return;
    let m = this.own.get(unitId);
    if (!m) this.own.set(unitId, (m = new Map()));
    m.set(keys, (m.get(keys) ?? 0) + by);
  }

  /** Adds one evaluation at the unit its grade counts at and the unit its review counts at. */
  addEvaluation(e: RollupEvaluation): void {
    const { tree } = this;
    if (!tree.has(e.unitId)) return;
    const contribution = evaluationContribution(e, tree, this.ruleSet);
    const gradeUnit = e.eligibility === 'higher_level' ? gradeAnchor(e, tree) : e.unitId;
    if (tree.has(gradeUnit)) this.tally(gradeUnit, contribution.gradeKeys, 1);
    this.tally(e.unitId, contribution.reviewKeys, 1);
  }

  /** Adds `by` to one cell at a unit (a review topic's cell, an entered value). */
  addCell(unitId: string | null, key: string, by: number): void {
    if (!this.tree.has(unitId)) return;
    let keys = this.singles.get(key);
    if (!keys) this.singles.set(key, (keys = [key]));
    this.tally(unitId, keys, by);
  }

  private expand(unitId: string, into: Map<string, number>): Map<string, number> {
    for (const [keys, n] of this.own.get(unitId) ?? []) for (const k of keys) into.set(k, (into.get(k) ?? 0) + n);
    return into;
  }

  /** Sums every subtree; call once, after the last add. */
  finish(): this {
    const { tree } = this;
    const depth = new Map<string, number>();
    const parents = new Set<string>();
    for (const id of tree.ids()) {
      depth.set(id, tree.chain(id).length);
      const parent = tree.get(id)?.parentId;
      if (tree.has(parent)) parents.add(parent);
    }
    const totals = new Map<string, Map<string, number>>();
    for (const id of parents) totals.set(id, this.expand(id, new Map()));
    const byDepth = (a: string, b: string) => (depth.get(b) ?? 0) - (depth.get(a) ?? 0);
    for (const id of [...tree.ids()].sort(byDepth)) {
      const parent = tree.get(id)?.parentId;
      const into = parent === null || parent === undefined ? undefined : totals.get(parent);
      if (!into) continue;
      const mine = totals.get(id);
      if (mine) for (const [k, v] of mine) into.set(k, (into.get(k) ?? 0) + v);
      else this.expand(id, into);
    }
    this.totals = totals;
    return this;
  }

  /** One unit's subtree totals (cell key → count), zeros included where a delta cancelled. */
  get(unitId: string): Map<string, number> {
    if (!this.totals) throw new Error('CycleCountsBuilder.get before finish');
    return this.totals.get(unitId) ?? this.expand(unitId, new Map());
  }

  /**
   * Every unit of the tree that counts something, with its totals, in the order of the units' ids
   * (the stored counts' key order: rows written so are appended to their index, not scattered).
   */
  *units(): Generator<[string, Map<string, number>]> {
    for (const id of [...this.tree.ids()].sort()) {
      const m = this.get(id);
      if (m.size > 0) yield [id, m];
    }
  }
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
  const b = new CycleCountsBuilder(input.tree, input.ruleSet);
  for (const e of input.evaluations) b.addEvaluation(e);
  for (const t of input.topics) {
    for (const c of topicCells(t.subjectKind, t.managedBy, input.ruleSet)) b.addCell(t.unitId, cellKey(c), 1);
  }
  for (const v of input.entered) b.addCell(v.unitId, cellKey(v), v.value);
  return new Map(b.finish().units());
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
