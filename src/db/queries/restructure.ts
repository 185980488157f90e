/**
 * The effective-dated moves a merge or a split is made of (GUIDE.md §2: "merges and splits keep
 * history"), each inside the caller's transaction: a row valid on the day `on` is closed that day and
 * continues in a new row from `on` under the new unit; a row that only starts on or after `on` simply
 * changes unit (it never applied under the old one); past rows are left alone. The service
 * (src/services/restructure.ts) checks the resulting tree once, after all its moves.
 */
import type { ExpressionBuilder } from 'kysely';
import { AppError } from '../../domain/errors.js';
import { formatViDate } from '../../domain/model/units.js';
import type { Db } from '../create-db.js';
import type { Database } from '../schema.js';
import { newId, nowIso } from '../ids.js';
import { writeUnitChange } from './units.js';

/** Where a move happens: from one unit to another, from the day `on`. */
export interface MoveInput {
  fromUnitId: string;
  toUnitId: string;
  on: string;
}

const startsBefore = (on: string) => (r: { valid_from: string }) => r.valid_from < on;

/** Rows valid on or after `on`: `valid_to` null or later. */
const liveAfter = (on: string) => (eb: ExpressionBuilder<Database, 'memberships' | 'collectives' | 'positions'>) =>
  eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', on)]);

/**
 * Moves the cell's members (all, or those in `personIds`) on `on`: each membership valid that day
 * ends on `on` and a new one in the target runs from `on` to where it ran (the member's cell change,
 * kept as history); one starting later moves as it is. Returns the persons moved.
 */
export async function moveMemberships(trx: Db, input: MoveInput & { personIds?: ReadonlySet<string> }): Promise<string[]> {
  const rows = (await trx.selectFrom('memberships').selectAll().where('unit_id', '=', input.fromUnitId).where(liveAfter(input.on)).execute()).filter((r) => !input.personIds || input.personIds.has(r.person_id));
  const split = rows.filter(startsBefore(input.on));
  const later = rows.filter((r) => !startsBefore(input.on)(r));
  for (const ids of chunk(split.map((r) => r.id))) await trx.updateTable('memberships').set({ valid_to: input.on }).where('id', 'in', ids).execute();
  for (const ids of chunk(later.map((r) => r.id))) await trx.updateTable('memberships').set({ unit_id: input.toUnitId }).where('id', 'in', ids).execute();
  for (const part of chunk(split)) {
    await trx
      .insertInto('memberships')
      .values(part.map((r) => ({ id: newId(), person_id: r.person_id, unit_id: input.toUnitId, valid_from: input.on, valid_to: r.valid_to })))
      .execute();
  }
  return rows.map((r) => r.person_id);
}

/**
 * Collectives and positions closed on `on` by a move: old id → the id continuing it from `on`, or
 * null when it ended. Their seats follow them (moveSeats).
 */
export type Successors = Map<string, string | null>;

/**
 * The seats (collective_members) of collectives and positions a merge or split closed on `on`: a seat
 * valid that day ends on `on`, and continues from `on` (same document, to where it ran) between the
 * successor collective and the successor position when both continue; when either ended, the seat ends
 * with it. A seat starting on or after `on` is re-pointed to the successors, or removed when either
 * ended (it never applied). Returns how many seats continued and how many ended.
 */
export async function moveSeats(trx: Db, input: { on: string; successors: Successors; actor: string }): Promise<{ continued: number; ended: number }> {
  const ids = [...input.successors.keys()];
  const rows = new Map<string, Awaited<ReturnType<typeof seatRows>>[number]>();
  for (const part of chunk(ids)) for (const r of await seatRows(trx, part, input.on)) rows.set(r.id, r);
  const next = (id: string) => (input.successors.has(id) ? (input.successors.get(id) ?? null) : id);
  let continued = 0;
  let ended = 0;
  for (const r of rows.values()) {
    const collective = next(r.collective_id);
    const position = next(r.position_id);
    if (r.valid_from >= input.on) {
      if (collective && position) await trx.updateTable('collective_members').set({ collective_id: collective, position_id: position }).where('id', '=', r.id).execute();
      else await trx.deleteFrom('collective_members').where('id', '=', r.id).execute();
      continue;
    }
    await trx.updateTable('collective_members').set({ valid_to: input.on }).where('id', '=', r.id).execute();
    if (!collective || !position) {
      ended += 1;
      continue;
    }
    await trx
      .insertInto('collective_members')
      .values({ id: newId(), collective_id: collective, position_id: position, valid_from: input.on, valid_to: r.valid_to, document_number: r.document_number, document_date: r.document_date, entered_by: input.actor, entered_at: nowIso() })
      .execute();
    continued += 1;
  }
  return { continued, ended };
}

function seatRows(trx: Db, ids: string[], on: string) {
  return trx
    .selectFrom('collective_members')
    .selectAll()
    .where((eb) => eb.or([eb('collective_id', 'in', ids), eb('position_id', 'in', ids)]))
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', on)]))
    .execute();
}

/** A collective that moved: its code until `on`, and the code of the one that continues it. */
export interface CollectiveMove {
  from: string;
  to: string | null;
}

/** The code of a collective continuing `code` from `on`: "CODE.20250701" (codes are unique, the old one keeps its history). */
export function successorCode(code: string, on: string): string {
  const suffix = `.${on.replace(/-/g, '')}`;
  return `${code.slice(0, 64 - suffix.length)}${suffix}`;
}

/**
 * Collectives of the unit (all, or those in `codes`) valid on or after `on`: `follow` closes each on
 * `on` and continues it under the target with a successor code (successorCode); one starting later
 * moves as it is. `end` closes them on `on` (one starting later cannot end before it began:
 * RestructureInvalid). Returns what moved.
 */
export async function moveCollectives(trx: Db, input: MoveInput & { mode: 'follow' | 'end'; codes?: ReadonlySet<string>; successors?: Successors }): Promise<CollectiveMove[]> {
  const rows = await trx.selectFrom('collectives').selectAll().where('unit_id', '=', input.fromUnitId).where(liveAfter(input.on)).execute();
  const moves: CollectiveMove[] = [];
  for (const r of rows.filter((x) => !input.codes || input.codes.has(x.code))) {
    if (!startsBefore(input.on)(r)) {
      if (input.mode === 'end') throw startsAfter('collective', r.code, r.valid_from, input.on);
      await trx.updateTable('collectives').set({ unit_id: input.toUnitId }).where('id', '=', r.id).execute();
      moves.push({ from: r.code, to: r.code });
      continue;
    }
    await trx.updateTable('collectives').set({ valid_to: input.on }).where('id', '=', r.id).execute();
    if (input.mode === 'end') {
      input.successors?.set(r.id, null);
      moves.push({ from: r.code, to: null });
      continue;
    }
    const to = successorCode(r.code, input.on);
    const id = newId();
    await trx
      .insertInto('collectives')
      .values({ id, code: to, unit_id: input.toUnitId, name: r.name, kind: r.kind, level: r.level, valid_from: input.on, valid_to: r.valid_to })
      .execute();
    input.successors?.set(r.id, id);
    moves.push({ from: r.code, to });
  }
  return moves;
}

/**
 * Positions held in the unit (all, or those in `ids`) valid on or after `on`, like collectives:
 * `follow` continues each under the target from `on` (same holder, group, title; a deciding unit that
 * was the source becomes the target), `end` closes it. Returns the ids of the positions that now run.
 */
export async function movePositions(trx: Db, input: MoveInput & { mode: 'follow' | 'end'; ids?: ReadonlySet<string>; successors?: Successors }): Promise<string[]> {
  const rows = await trx.selectFrom('positions').selectAll().where('unit_id', '=', input.fromUnitId).where(liveAfter(input.on)).execute();
  const out: string[] = [];
  const deciding = (id: string | null) => (id === input.fromUnitId ? input.toUnitId : id);
  for (const r of rows.filter((x) => !input.ids || input.ids.has(x.id))) {
    if (!startsBefore(input.on)(r)) {
      if (input.mode === 'end') throw startsAfter('position', r.title, r.valid_from, input.on);
      await trx.updateTable('positions').set({ unit_id: input.toUnitId, deciding_unit_id: deciding(r.deciding_unit_id) }).where('id', '=', r.id).execute();
      out.push(r.id);
      continue;
    }
    await trx.updateTable('positions').set({ valid_to: input.on }).where('id', '=', r.id).execute();
    if (input.mode === 'end') {
      input.successors?.set(r.id, null);
      continue;
    }
    const id = newId();
    input.successors?.set(r.id, id);
    await trx
      .insertInto('positions')
      .values({ id, person_id: r.person_id, unit_id: input.toUnitId, position_group: r.position_group, title: r.title, deciding_unit_id: deciding(r.deciding_unit_id), valid_from: input.on, valid_to: r.valid_to })
      .execute();
    out.push(id);
  }
  return out;
}

/**
 * The child units of `fromUnitId` (all, or those in `codes`) move under the target from `on`: the
 * version valid that day is split (writeUnitChange), later versions that name the source as parent
 * name the target. A child that stated its parent's own organisation type (a village cell of a xã)
 * inherits the new parent's from `on` instead (GUIDE.md §2: the type is inherited down the tree); one
 * of another type (a school, a company) keeps it. Returns the codes moved.
 */
export async function moveChildren(trx: Db, input: MoveInput & { toCode: string; codes?: ReadonlySet<string> }): Promise<string[]> {
  const rows = await trx
    .selectFrom('org_unit_versions as v')
    .innerJoin('org_units as u', 'u.id', 'v.unit_id')
    .select(['v.id', 'u.code', 'v.valid_from', 'v.org_type'])
    .where('v.parent_id', '=', input.fromUnitId)
    .where((eb) => eb.or([eb('v.valid_to', 'is', null), eb('v.valid_to', '>', input.on)]))
    .execute();
  const parentType = (
    await trx
      .selectFrom('org_unit_versions')
      .select('org_type')
      .where('unit_id', '=', input.fromUnitId)
      .where('valid_from', '<=', input.on)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', input.on)]))
      .executeTakeFirst()
  )?.org_type;
  const moved = new Set<string>();
  for (const r of rows.filter((x) => !input.codes || input.codes.has(x.code))) {
    const inherit = parentType != null && r.org_type === parentType;
    if (r.valid_from < input.on) await writeUnitChange(trx, r.code, { from: input.on, parentCode: input.toCode, ...(inherit ? { orgType: null } : {}) });
    else await trx.updateTable('org_unit_versions').set({ parent_id: input.toUnitId, ...(inherit ? { org_type: null } : {}) }).where('id', '=', r.id).execute();
    moved.add(r.code);
  }
  return [...moved].sort();
}

/** Ends a unit on `on`: its version valid that day ends then; a unit with versions after `on` is refused. */
export async function closeUnitOn(trx: Db, input: { unitId: string; code: string; on: string }): Promise<void> {
  const rows = await trx.selectFrom('org_unit_versions').select(['id', 'valid_from', 'valid_to']).where('unit_id', '=', input.unitId).execute();
  const current = rows.find((r) => r.valid_from < input.on && (r.valid_to === null || r.valid_to > input.on));
  const later = rows.find((r) => r.valid_from >= input.on);
  if (later || !current) {
    throw new AppError(
      'RestructureInvalid',
      later
        ? { vi: `Đơn vị «${input.code}» đã có thay đổi từ ngày ${formatViDate(later.valid_from)}, sau ngày ${formatViDate(input.on)}: không thể kết thúc đơn vị này vào ngày ${formatViDate(input.on)}.`, en: `Unit "${input.code}" has a change from ${later.valid_from}, after ${input.on}: it cannot end on ${input.on}.` }
        : { vi: `Đơn vị «${input.code}» không tồn tại trước ngày ${formatViDate(input.on)}.`, en: `Unit "${input.code}" does not exist before ${input.on}.` },
      { field: 'on', details: { unitCode: input.code } },
    );
  }
  await trx.updateTable('org_unit_versions').set({ valid_to: input.on }).where('id', '=', current.id).execute();
}

/** Records a restructuring (migration 0010) and returns its id. */
export async function recordRestructuring(trx: Db, input: { kind: 'merge' | 'split'; on: string; targetUnitId: string | null; details: unknown; note?: string | undefined; actor: string }): Promise<string> {
  const id = newId();
  await trx
    .insertInto('unit_restructurings')
    .values({ id, kind: input.kind, effective_on: input.on, target_unit_id: input.targetUnitId, details: JSON.stringify(input.details), note: input.note ?? null, at: nowIso(), actor: input.actor })
    .execute();
  return id;
}

/** A recorded restructuring. */
export interface Restructuring {
  id: string;
  kind: 'merge' | 'split';
  on: string;
  targetCode: string | null;
  details: unknown;
  note: string | null;
  at: string;
  actor: string;
}

/** Restructurings that name the unit as target or in their details, newest first (all of them without a unit). */
export async function listRestructurings(db: Db, filter: { unitCode?: string } = {}): Promise<Restructuring[]> {
  const rows = await db
    .selectFrom('unit_restructurings as r')
    .leftJoin('org_units as u', 'u.id', 'r.target_unit_id')
    .select(['r.id', 'r.kind', 'r.effective_on', 'u.code', 'r.details', 'r.note', 'r.at', 'r.actor'])
    .orderBy('r.effective_on', 'desc')
    .orderBy('r.at', 'desc')
    .execute();
  const code = filter.unitCode;
  return rows
    .filter((r) => code === undefined || r.code === code || r.details.includes(`"${code}"`))
    .map((r) => ({ id: r.id, kind: r.kind as Restructuring['kind'], on: r.effective_on, targetCode: r.code, details: JSON.parse(r.details) as unknown, note: r.note, at: r.at, actor: r.actor }));
}

function startsAfter(what: 'collective' | 'position', name: string, from: string, on: string): AppError {
  const vi = what === 'collective' ? 'Tập thể' : 'Chức vụ';
  return new AppError(
    'RestructureInvalid',
    {
      vi: `${vi} «${name}» bắt đầu từ ngày ${formatViDate(from)}, không trước ngày ${formatViDate(on)}: không thể kết thúc; hãy chọn chuyển theo (follow).`,
      en: `${what === 'collective' ? 'Collective' : 'Position'} "${name}" starts on ${from}, not before ${on}: it cannot end; let it follow.`,
    },
    { field: what === 'collective' ? 'collectives' : 'positions' },
  );
}

function chunk<T>(list: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
