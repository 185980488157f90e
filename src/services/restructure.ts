/**
 * Restructuring the tree from a day on, keeping history (GUIDE.md §2; the 2025 merges of communes
 * and the abolition of districts): merging units into one (an existing unit or a new one), and
 * splitting a unit into parts. Everything that belonged to a unit that ends follows it: child units,
 * members (each member's cell change kept as an ended and a new membership), collectives and
 * positions (or, by choice, they end with it). One transaction: the tree it leaves is checked on every
 * future day (kinds, loops), no accepted report may describe a day it changes, the stored form counts
 * of the cycles it reaches are rebuilt, and the restructuring is recorded with what moved.
 */
import type { Db } from '../db/create-db.js';
import { inTransaction } from '../db/queries/common.js';
import { rebuildFormCounts } from '../db/queries/form-counts-sync.js';
import {
  closeUnitOn,
  type CollectiveMove,
  moveChildren,
  moveCollectives,
  moveMemberships,
  movePositions,
  moveSeats,
  recordRestructuring,
  type Successors,
} from '../db/queries/restructure.js';
import { assertNoAcceptedReportAfter, assertTreeValid } from '../db/queries/tree-checks.js';
import { createUnit, getUnitAt } from '../db/queries/units.js';
import { CELL_KINDS, type OrgType, type UnitKind } from '../domain/codes.js';
import { AppError } from '../domain/errors.js';
import { assertIsoDate, formatViDate, type UnitAt } from '../domain/model/units.js';
import { countLiveMembers, listLiveParts, type LiveParts } from '../db/queries/restructure-reads.js';

/** A unit a restructuring creates, valid from its day. */
export interface NewUnitInput {
  code: string;
  name: string;
  kind: UnitKind;
  orgType?: OrgType | null | undefined;
  /** Default: the parent of the (first) source. */
  parentCode?: string | null | undefined;
}

export type FollowMode = 'follow' | 'end';

export interface MergeInput {
  on: string;
  sources: readonly string[];
  /** An existing unit the sources merge into… */
  into?: string | undefined;
  /** …or a new one, created on `on`. */
  newUnit?: NewUnitInput | undefined;
  collectives?: FollowMode | undefined;
  positions?: FollowMode | undefined;
  note?: string | undefined;
  actor: string;
}

/** What a merge or a split moved. */
export interface RestructureResult {
  id: string;
  kind: 'merge' | 'split';
  on: string;
  /** Merge: the unit merged into; split: the unit split. */
  unitCode: string;
  /** Units that ended on `on`. */
  ended: string[];
  parts: { unitCode: string; created: boolean; children: string[]; members: number; collectives: CollectiveMove[]; positions: number }[];
}

function invalid(vi: string, en: string, field: string, details?: unknown): AppError {
  return new AppError('RestructureInvalid', { vi, en }, { field, details });
}

/** The target: an existing unit on `on`, or a new one created from `on` under `defaultParent`. */
async function resolveTarget(trx: Db, input: { into?: string | undefined; newUnit?: NewUnitInput | undefined; on: string; defaultParent: string | null }): Promise<{ unit: UnitAt; created: boolean }> {
  if (input.into !== undefined) return { unit: await getUnitAt(trx, input.into, input.on), created: false };
  if (!input.newUnit) throw invalid('Cần nêu đơn vị nhận («into») hoặc đơn vị mới («newUnit»).', 'Name the receiving unit ("into") or a new unit ("newUnit").', 'into');
  const { parentCode, ...rest } = input.newUnit;
  await createUnit(trx, { ...rest, parentCode: parentCode === undefined ? input.defaultParent : parentCode, validFrom: input.on });
  return { unit: await getUnitAt(trx, input.newUnit.code, input.on), created: true };
}

/** Members cannot go to a unit that holds none (a committee): RestructureInvalid naming both. */
function assertHoldsMembers(target: UnitAt, fromCode: string, count: number): void {
  if (count === 0 || CELL_KINDS.includes(target.kind)) return;
  throw invalid(
    `«${fromCode}» có ${count} đảng viên nhưng «${target.code}» không phải chi bộ, không trực tiếp quản lý đảng viên.`,
    `"${fromCode}" has ${count} member(s) but "${target.code}" is not a cell and holds no members.`,
    'into',
    { from: fromCode, to: target.code },
  );
}

/**
 * Merges `sources` into one unit from `on`: each source ends on `on`; its child units, members,
 * collectives and positions continue under the target (collectives and positions may end instead).
 */
export async function mergeUnits(db: Db, input: MergeInput): Promise<RestructureResult> {
  assertIsoDate(input.on, 'on');
  if (new Set(input.sources).size !== input.sources.length) throw invalid('Một đơn vị được nêu hai lần trong danh sách sáp nhập.', 'A unit is listed twice among the sources.', 'sources');
  return inTransaction(db, async (trx) => {
    const sources: UnitAt[] = [];
    for (const code of input.sources) sources.push(await getUnitAt(trx, code, input.on));
    const { unit: target, created } = await resolveTarget(trx, { ...input, defaultParent: sources[0]?.parentCode ?? null });
    if (sources.some((s) => s.unitId === target.unitId)) throw invalid(`«${target.code}» vừa là đơn vị bị sáp nhập vừa là đơn vị nhận.`, `"${target.code}" is both a source and the target.`, 'sources');
    await assertNoAcceptedReportAfter(trx, { unitIds: [target.unitId, ...sources.map((s) => s.unitId)], from: input.on });
    const part = { unitCode: target.code, created, children: [] as string[], members: 0, collectives: [] as CollectiveMove[], positions: 0 };
    const successors: Successors = new Map();
    for (const s of sources) {
      assertHoldsMembers(target, s.code, await countLiveMembers(trx, s.unitId, input.on));
      const move = { fromUnitId: s.unitId, toUnitId: target.unitId, on: input.on };
      part.children.push(...(await moveChildren(trx, { ...move, toCode: target.code })));
      part.members += (await moveMemberships(trx, move)).length;
      part.collectives.push(...(await moveCollectives(trx, { ...move, mode: input.collectives ?? 'follow', successors })));
      part.positions += (await movePositions(trx, { ...move, mode: input.positions ?? 'follow', successors })).length;
      await closeUnitOn(trx, { unitId: s.unitId, code: s.code, on: input.on });
    }
    // The seats on the collectives follow them, or end with them (or with the position).
    await moveSeats(trx, { on: input.on, successors, actor: input.actor });
    return finish(trx, { kind: 'merge', on: input.on, unit: target, ended: sources.map((s) => s.code), parts: [part], note: input.note, actor: input.actor });
  });
}

/** Checks the tree, rebuilds the counts of the cycles it reaches and records the restructuring. */
async function finish(trx: Db, r: { kind: 'merge' | 'split'; on: string; unit: UnitAt; ended: string[]; parts: RestructureResult['parts']; note?: string | undefined; actor: string }): Promise<RestructureResult> {
  const focus = new Set<string>([r.unit.unitId]);
  const ids = await trx.selectFrom('org_units').select('id').where('code', 'in', [...r.ended, ...r.parts.flatMap((p) => [p.unitCode, ...p.children])]).execute();
  for (const { id } of ids) focus.add(id);
  await assertTreeValid(trx, { focus, from: r.on });
  await rebuildFormCounts(trx, { referenceFrom: r.on });
  const details = { unit: r.unit.code, ended: r.ended, parts: r.parts };
  const id = await recordRestructuring(trx, { kind: r.kind, on: r.on, targetUnitId: r.unit.unitId, details, note: r.note, actor: r.actor });
  return { id, kind: r.kind, on: r.on, unitCode: r.unit.code, ended: r.ended, parts: r.parts };
}

/** One part of a split: where it goes and what it takes (everything left, for the `rest` part). */
export interface SplitPartInput {
  into?: string | undefined;
  newUnit?: NewUnitInput | undefined;
  children?: readonly string[] | undefined;
  members?: readonly string[] | undefined;
  collectives?: readonly string[] | undefined;
  positions?: readonly string[] | undefined;
  rest?: boolean | undefined;
}

export interface SplitInput {
  code: string;
  on: string;
  parts: readonly SplitPartInput[];
  /** The unit continues with what no part takes; otherwise it ends on `on` and everything must go somewhere. */
  keepSource?: boolean | undefined;
  note?: string | undefined;
  actor: string;
}

/** Checks that each named item lies in the unit on `on` and is given to one part only; returns what is left. */
function assignParts(live: LiveParts, input: SplitInput): LiveParts {
  const left: LiveParts = { children: new Set(live.children), members: new Map(live.members), collectives: new Set(live.collectives), positions: new Set(live.positions) };
  const take = (set: Set<string> | Map<string, string>, key: string, field: string, what: { vi: string; en: string }) => {
    if (set.has(key)) return void set.delete(key);
    throw invalid(
      `${what.vi} «${key}» không thuộc «${input.code}» vào ngày ${formatViDate(input.on)}, hoặc đã được giao cho phần khác.`,
      `${what.en} "${key}" is not in "${input.code}" on ${input.on}, or is given to another part.`,
      field,
    );
  };
  input.parts.forEach((p, i) => {
    for (const c of p.children ?? []) take(left.children, c, `parts.${i}.children`, { vi: 'Đơn vị', en: 'Unit' });
    for (const m of p.members ?? []) take(left.members, m, `parts.${i}.members`, { vi: 'Đảng viên', en: 'Member' });
    for (const c of p.collectives ?? []) take(left.collectives, c, `parts.${i}.collectives`, { vi: 'Tập thể', en: 'Collective' });
    for (const x of p.positions ?? []) take(left.positions, x, `parts.${i}.positions`, { vi: 'Chức vụ', en: 'Position' });
  });
  return left;
}

/** Refuses a split that would leave something behind in a unit that ends. */
function assertNothingLeft(left: LiveParts, input: SplitInput): void {
  const names = [...left.children, ...left.members.keys(), ...left.collectives, ...left.positions];
  if (input.keepSource || input.parts.some((p) => p.rest) || names.length === 0) return;
  const shown = names.slice(0, 10).join(', ') + (names.length > 10 ? ` … (${names.length})` : '');
  throw invalid(
    `«${input.code}» kết thúc vào ngày ${formatViDate(input.on)} nhưng chưa giao cho phần nào: ${shown}. Giao hết, đánh dấu một phần «rest», hoặc giữ lại đơn vị (keepSource).`,
    `"${input.code}" ends on ${input.on} but these are given to no part: ${shown}. Assign them, mark one part "rest", or keep the unit (keepSource).`,
    'parts',
    { unassigned: names },
  );
}

/**
 * Splits a unit from `on`: each part (an existing unit or a new one) takes the child units, members,
 * collectives and positions it names, the `rest` part what no part names; the unit ends on `on`
 * unless `keepSource`.
 */
export async function splitUnit(db: Db, input: SplitInput): Promise<RestructureResult> {
  assertIsoDate(input.on, 'on');
  if (input.parts.filter((p) => p.rest).length > 1) throw invalid('Chỉ một phần được nhận phần còn lại («rest»).', 'Only one part may take the rest.', 'parts');
  return inTransaction(db, async (trx) => {
    const source = await getUnitAt(trx, input.code, input.on);
    const live = await listLiveParts(trx, source.unitId, input.on);
    const left = assignParts(live, input);
    assertNothingLeft(left, input);
    const parts: RestructureResult['parts'] = [];
    const successors: Successors = new Map();
    const order = [...input.parts.filter((p) => !p.rest), ...input.parts.filter((p) => p.rest)];
    for (const p of order) {
      const { unit, created } = await resolveTarget(trx, { ...p, on: input.on, defaultParent: source.parentCode });
      if (unit.unitId === source.unitId) throw invalid(`Một phần của «${source.code}» không thể là chính nó.`, `A part of "${source.code}" cannot be the unit itself.`, 'parts');
      if (parts.length === 0) await assertNoAcceptedReportAfter(trx, { unitIds: [source.unitId], from: input.on });
      await assertNoAcceptedReportAfter(trx, { unitIds: [unit.unitId], from: input.on });
      const pick = <T>(list: readonly T[] | undefined) => (p.rest ? undefined : new Set(list ?? []));
      const personIds = p.rest ? undefined : new Set((p.members ?? []).map((card) => live.members.get(card) ?? card));
      assertHoldsMembers(unit, source.code, p.rest ? left.members.size : (personIds?.size ?? 0));
      const move = { fromUnitId: source.unitId, toUnitId: unit.unitId, on: input.on };
      parts.push({
        unitCode: unit.code,
        created,
        children: await moveChildren(trx, { ...move, toCode: unit.code, ...withSet(pick(p.children), 'codes') }),
        members: (await moveMemberships(trx, { ...move, ...withSet(personIds, 'personIds') })).length,
        collectives: await moveCollectives(trx, { ...move, mode: 'follow', successors, ...withSet(pick(p.collectives), 'codes') }),
        positions: (await movePositions(trx, { ...move, mode: 'follow', successors, ...withSet(pick(p.positions), 'ids') })).length,
      });
    }
    await moveSeats(trx, { on: input.on, successors, actor: input.actor });
    if (!input.keepSource) await closeUnitOn(trx, { unitId: source.unitId, code: source.code, on: input.on });
    return finish(trx, { kind: 'split', on: input.on, unit: source, ended: input.keepSource ? [] : [source.code], parts, note: input.note, actor: input.actor });
  });
}

/** `{ [key]: set }` when a set is given, else nothing (the move then takes everything). */
function withSet<K extends string>(set: ReadonlySet<string> | undefined, key: K): Partial<Record<K, ReadonlySet<string>>> {
  return set === undefined ? {} : ({ [key]: set } as Record<K, ReadonlySet<string>>);
}
