/**
 * The effective-dated organisation tree (GUIDE.md §2): units with versions over half-open periods,
 * read as of a date with one recursive CTE that runs unchanged on SQLite and PostgreSQL.
 */
import { sql } from 'kysely';
import { ORG_TYPES, type OrgType, UNIT_KINDS, type UnitKind } from '../../domain/codes.js';
import { AppError, notFound } from '../../domain/errors.js';
import {
  assertIsoDate,
  assertPeriod,
  comparePaths,
  firstUncoveredDate,
  formatViDate,
  unitGapError,
  inheritOrgTypes,
  type Period,
  periodContains,
  type SubtreeUnit,
  type UnitAt,
  type UnitVersion,
} from '../../domain/model/units.js';
import type { Db } from '../create-db.js';
import { newId, nowIso } from '../ids.js';
import { rebuildFormCounts } from './form-counts-sync.js';
import { inTransaction, isUniqueViolation, validOn } from './common.js';
import { assertNoAcceptedReportAfter, assertTreeValid } from './tree-checks.js';

/** Deepest tree walked; a guard against a cycle slipping into the data. */
const MAX_DEPTH = 64;

/** UnitNotFound for a code. */
export function unitNotFound(code: string): AppError {
  return notFound('UnitNotFound', { vi: 'đơn vị', en: 'Unit' }, code);
}

function duplicateCode(code: string): AppError {
  return new AppError('DuplicateCode', { vi: `Mã «${code}» đã được dùng.`, en: `The code "${code}" is already in use.` }, { field: 'code' });
}

function invalidCode(field: string, value: string, allowed: readonly string[]): AppError {
  return new AppError(
    'ValidationFailed',
    { vi: `Trường «${field}» không hợp lệ: «${value}».`, en: `Field "${field}" is invalid: "${value}" (allowed: ${allowed.join(', ')}).` },
    { field },
  );
}

function selectVersions(db: Db) {
  return db
    .selectFrom('org_unit_versions as v')
    .innerJoin('org_units as u', 'u.id', 'v.unit_id')
    .leftJoin('org_units as p', 'p.id', 'v.parent_id')
    .select(['v.id as version_id', 'v.unit_id', 'u.code', 'p.code as parent_code', 'v.name', 'v.kind', 'v.org_type', 'v.valid_from', 'v.valid_to']);
}

type VersionRow = Awaited<ReturnType<ReturnType<typeof selectVersions>['executeTakeFirstOrThrow']>>;

function versionRowToUnitVersion(r: VersionRow): UnitVersion {
  return {
    versionId: r.version_id,
    unitId: r.unit_id,
    code: r.code,
    parentCode: r.parent_code,
    name: r.name,
    kind: r.kind as UnitKind,
    orgType: r.org_type as OrgType | null,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  };
}

/** The id of the unit with this code, or UnitNotFound. */
export async function requireUnitId(db: Db, code: string): Promise<string> {
  const row = await db.selectFrom('org_units').select('id').where('code', '=', code).executeTakeFirst();
  if (!row) throw unitNotFound(code);
  return row.id;
}

/** Every version of a unit, oldest first. */
export async function listUnitVersions(db: Db, code: string): Promise<UnitVersion[]> {
  const unitId = await requireUnitId(db, code);
  const rows = await selectVersions(db).where('v.unit_id', '=', unitId).orderBy('v.valid_from').execute();
  return rows.map(versionRowToUnitVersion);
}

/**
 * Checks that the unit `code` exists throughout `period` and returns its id and versions. A gap
 * raises `error` (ParentNotValid for a parent, UnitNotValidOnDate for a cell or a collective's
 * unit) naming the first day the unit does not exist.
 */
export async function requireUnitOver(
  db: Db,
  options: { code: string; period: Period; error: 'ParentNotValid' | 'UnitNotValidOnDate'; field: string },
): Promise<{ id: string; versions: UnitVersion[] }> {
  const versions = await listUnitVersions(db, options.code);
  const id = versions[0]?.unitId ?? (await requireUnitId(db, options.code));
  const gap = firstUncoveredDate(options.period, versions);
  if (gap === null) return { id, versions };
  throw unitGapError({ ...options, gap, versions });
}

export interface CreateUnitInput {
  code: string;
  name: string;
  kind: UnitKind;
  orgType?: OrgType | null;
  parentCode?: string | null;
  validFrom: string;
  validTo?: string | null;
}

function assertUnitCodes(input: { kind?: string | undefined; orgType?: string | null | undefined }): void {
  if (input.kind !== undefined && !UNIT_KINDS.includes(input.kind as UnitKind)) throw invalidCode('kind', input.kind, UNIT_KINDS);
  const orgType = input.orgType ?? null;
  if (orgType !== null && !ORG_TYPES.includes(orgType as OrgType)) throw invalidCode('orgType', orgType, ORG_TYPES);
}

/** Creates a unit with its first version; the parent must exist over the whole period. */
export async function createUnit(db: Db, input: CreateUnitInput): Promise<UnitVersion> {
  const period: Period = { validFrom: input.validFrom, validTo: input.validTo ?? null };
  assertUnitCodes(input);
  assertPeriod(period);
  return inTransaction(db, async (trx) => {
    const taken = await trx.selectFrom('org_units').select('id').where('code', '=', input.code).executeTakeFirst();
    if (taken) throw duplicateCode(input.code);
    const parent = input.parentCode
      ? await requireUnitOver(trx, { code: input.parentCode, period, error: 'ParentNotValid', field: 'parentCode' })
      : null;
    if (parent) await assertNoAcceptedReportAfter(trx, { unitIds: [parent.id], from: period.validFrom });
    const unitId = newId();
    try {
      await trx.insertInto('org_units').values({ id: unitId, code: input.code, created_at: nowIso() }).execute();
    } catch (e) {
      throw isUniqueViolation(e) ? duplicateCode(input.code) : e;
    }
    const versionId = newId();
    await trx
      .insertInto('org_unit_versions')
      .values({ id: versionId, unit_id: unitId, parent_id: parent?.id ?? null, name: input.name, kind: input.kind, org_type: input.orgType ?? null, valid_from: period.validFrom, valid_to: period.validTo })
      .execute();
    await assertTreeValid(trx, { focus: [unitId], from: period.validFrom });
    return { versionId, unitId, code: input.code, parentCode: input.parentCode ?? null, name: input.name, kind: input.kind, orgType: input.orgType ?? null, ...period };
  });
}

export interface UnitChange {
  /** First day the change applies. */
  from: string;
  name?: string;
  /** New parent; null makes the unit a root. */
  parentCode?: string | null;
  kind?: UnitKind;
  orgType?: OrgType | null;
}

/**
 * Records an effective-dated change: the version valid on `from` is closed the day before and a new
 * one, with the changed fields, runs to where the old one ran (history is kept). A change dated the
 * first day of a version corrects that version in place, since the old values never applied. Refused
 * when an accepted report already describes the day (TreeLocked) or when the tree it makes is
 * impossible on any day from `from` on (KindNotAllowed; ParentNotValid for a loop or a missing parent).
 */
export async function changeUnit(db: Db, code: string, change: UnitChange): Promise<UnitVersion> {
  assertIsoDate(change.from, 'from');
  assertUnitCodes(change);
  return inTransaction(db, async (trx) => {
    const { before, after } = await writeUnitChange(trx, code, change);
    const parentId = after.parentCode === null ? null : await requireUnitId(trx, after.parentCode);
    const oldParentId = before.parentCode === null ? null : await requireUnitId(trx, before.parentCode);
    await assertNoAcceptedReportAfter(trx, { unitIds: [after.unitId, ...[parentId, oldParentId].filter((x): x is string => x !== null)], from: change.from });
    await assertTreeValid(trx, { focus: [after.unitId], from: change.from });
    await rebuildFormCounts(trx, { referenceFrom: change.from }); // cycles whose tree changed count again
    return after;
  });
}

/**
 * Writes one effective-dated change of a unit (the version split of `changeUnit`) inside the
 * caller's transaction, checking only that the new parent exists throughout; the caller checks the
 * tree (assertTreeValid) and rebuilds the counts once, after all its writes. Returns the version that
 * was valid on `from` and the one now valid.
 */
export async function writeUnitChange(trx: Db, code: string, change: UnitChange): Promise<{ before: UnitVersion; after: UnitVersion }> {
  const versions = await listUnitVersions(trx, code);
  const current = versions.find((v) => periodContains(v, change.from));
  if (!current) throw unitNotOn(code, change.from);
  const next: UnitVersion = {
    ...current,
    versionId: newId(),
    name: change.name ?? current.name,
    kind: change.kind ?? current.kind,
    orgType: change.orgType !== undefined ? change.orgType : current.orgType,
    parentCode: change.parentCode !== undefined ? change.parentCode : current.parentCode,
    validFrom: change.from,
  };
  const parentId = next.parentCode === null ? null : (await requireUnitOver(trx, { code: next.parentCode, period: next, error: 'ParentNotValid', field: 'parentCode' })).id;
  const values = { parent_id: parentId, name: next.name, kind: next.kind, org_type: next.orgType };
  if (current.validFrom === change.from) {
    await trx.updateTable('org_unit_versions').set(values).where('id', '=', current.versionId).execute();
    return { before: current, after: { ...next, versionId: current.versionId } };
  }
  await trx.updateTable('org_unit_versions').set({ valid_to: change.from }).where('id', '=', current.versionId).execute();
  await trx
    .insertInto('org_unit_versions')
    .values({ id: next.versionId, unit_id: current.unitId, ...values, valid_from: next.validFrom, valid_to: next.validTo })
    .execute();
  return { before: current, after: next };
}

function unitNotOn(code: string, date: string): AppError {
  return new AppError('UnitNotFound', {
    vi: `Đơn vị «${code}» không tồn tại vào ngày ${formatViDate(date)}.`,
    en: `Unit "${code}" does not exist on ${date}.`,
  });
}

/** The ids from `unitId` up to its topmost ancestor on `date`, nearest first. */
export async function listAncestorIds(db: Db, unitId: string, date: string): Promise<string[]> {
  return (await listAncestorRows(db, unitId, date)).map((r) => r.unit_id);
}

async function listAncestorRows(db: Db, unitId: string, date: string) {
  return db
    .withRecursive('up(unit_id, parent_id, org_type, code, depth)', (qb) =>
      qb
        .selectFrom('org_unit_versions as v')
        .innerJoin('org_units as u', 'u.id', 'v.unit_id')
        .select(['v.unit_id', 'v.parent_id', 'v.org_type', 'u.code', sql<number>`0`.as('depth')])
        .where('v.unit_id', '=', unitId)
        .where(validOn('v', date))
        .unionAll((eb) =>
          eb
            .selectFrom('org_unit_versions as v')
            .innerJoin('up', 'up.parent_id', 'v.unit_id')
            .innerJoin('org_units as u', 'u.id', 'v.unit_id')
            .select(['v.unit_id', 'v.parent_id', 'v.org_type', 'u.code', sql<number>`up.depth + 1`.as('depth')])
            .where(validOn('v', date))
            .where('up.depth', '<', MAX_DEPTH),
        ),
    )
    .selectFrom('up')
    .selectAll()
    .orderBy('depth')
    .execute();
}

/** The unit as it stood on `date`, with its path from the top and its effective organisation type. */
export async function getUnitAt(db: Db, code: string, date: string): Promise<UnitAt> {
  assertIsoDate(date, 'date');
  const unitId = await requireUnitId(db, code);
  const row = await selectVersions(db).where('v.unit_id', '=', unitId).where(validOn('v', date)).executeTakeFirst();
  if (!row) throw unitNotOn(code, date);
  const ancestors = await listAncestorRows(db, unitId, date);
  const effectiveOrgType = (ancestors.find((a) => a.org_type !== null)?.org_type ?? null) as OrgType | null;
  return { ...versionRowToUnitVersion(row), path: ancestors.map((a) => a.code).reverse(), effectiveOrgType };
}

/**
 * Starts a query with the CTE `tree(unit_id, version_id, depth, path)`: the unit `rootId` and, down
 * to `maxDepth` levels, its descendants on `date`; `path` is the codes from the root joined by "/".
 */
export function withSubtree(db: Db, options: { rootId: string; date: string; maxDepth?: number }) {
  const { rootId, date } = options;
  const maxDepth = options.maxDepth ?? MAX_DEPTH;
  return db.withRecursive('tree(unit_id, version_id, depth, path)', (qb) =>
    qb
      .selectFrom('org_unit_versions as v')
      .innerJoin('org_units as u', 'u.id', 'v.unit_id')
      .select(['v.unit_id', 'v.id as version_id', sql<number>`0`.as('depth'), 'u.code as path'])
      .where('v.unit_id', '=', rootId)
      .where(validOn('v', date))
      .unionAll((eb) =>
        eb
          .selectFrom('org_unit_versions as v')
          .innerJoin('tree as t', 't.unit_id', 'v.parent_id')
          .innerJoin('org_units as u', 'u.id', 'v.unit_id')
          .select(['v.unit_id', 'v.id as version_id', sql<number>`t.depth + 1`.as('depth'), sql<string>`t.path || '/' || u.code`.as('path')])
          .where(validOn('v', date))
          .where('t.depth', '<', maxDepth),
      ),
  );
}

/**
 * The unit and its descendants as they stood on `date`, parents first (pre-order by code), each
 * with its depth below the root, full path from the top and effective organisation type.
 */
export async function getSubtreeAt(db: Db, code: string, date: string, options: { maxDepth?: number } = {}): Promise<SubtreeUnit[]> {
  const root = await getUnitAt(db, code, date);
  const rows = await withSubtree(db, { rootId: root.unitId, date, maxDepth: options.maxDepth ?? MAX_DEPTH })
    .selectFrom('tree as t')
    .innerJoin('org_unit_versions as v', 'v.id', 't.version_id')
    .innerJoin('org_units as u', 'u.id', 'v.unit_id')
    .leftJoin('org_units as p', 'p.id', 'v.parent_id')
    .select(['v.id as version_id', 'v.unit_id', 'u.code', 'p.code as parent_code', 'v.name', 'v.kind', 'v.org_type', 'v.valid_from', 'v.valid_to', 't.depth', 't.path'])
    .execute();
  const above = root.path.slice(0, -1);
  const units = rows
    .map((r) => ({ ...versionRowToUnitVersion(r), depth: Number(r.depth), path: [...above, ...r.path.split('/')] }))
    .sort((a, b) => comparePaths(a.path, b.path));
  const rootInherited = root.orgType === null ? root.effectiveOrgType : null;
  return inheritOrgTypes(units, rootInherited);
}

/** The direct children of a unit on `date`. */
export async function listChildrenAt(db: Db, code: string, date: string): Promise<SubtreeUnit[]> {
  const subtree = await getSubtreeAt(db, code, date, { maxDepth: 1 });
  return subtree.filter((u) => u.depth === 1);
}
