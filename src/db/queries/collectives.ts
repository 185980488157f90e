/**
 * Leadership collectives (tập thể lãnh đạo, quản lý, GUIDE.md §2): graded like units but not party
 * units; each belongs to a unit and a level over a period.
 */
import { COLLECTIVE_KINDS, type CollectiveKind, LEVELS, type Level } from '../../domain/codes.js';
import { AppError, notFound } from '../../domain/errors.js';
import { assertPeriod, type Collective, type Period } from '../../domain/model/units.js';
import type { Db } from '../create-db.js';
import { newId } from '../ids.js';
import { getUnitAt, requireUnitOver, withSubtree } from './units.js';
import { inTransaction, isUniqueViolation, validOn } from './common.js';

export interface CreateCollectiveInput {
  code: string;
  unitCode: string;
  name: string;
  kind: CollectiveKind;
  level: Level;
  validFrom: string;
  validTo?: string | null;
}

interface CollectiveRow {
  id: string;
  code: string;
  unit_code: string;
  name: string;
  kind: string;
  level: string;
  valid_from: string;
  valid_to: string | null;
}

function collectiveRowToCollective(r: CollectiveRow): Collective {
  return { id: r.id, code: r.code, unitCode: r.unit_code, name: r.name, kind: r.kind as CollectiveKind, level: r.level as Level, validFrom: r.valid_from, validTo: r.valid_to };
}

const COLUMNS = ['c.id', 'c.code', 'u.code as unit_code', 'c.name', 'c.kind', 'c.level', 'c.valid_from', 'c.valid_to'] as const;

function duplicateCode(code: string): AppError {
  return new AppError('DuplicateCode', { vi: `Mã tập thể «${code}» đã được dùng.`, en: `Collective code "${code}" is already in use.` }, { field: 'code' });
}

function assertCodes(input: { kind: string; level: string }): void {
  for (const [field, value, allowed] of [['kind', input.kind, COLLECTIVE_KINDS], ['level', input.level, LEVELS]] as const) {
    if ((allowed as readonly string[]).includes(value)) continue;
    throw new AppError('ValidationFailed', { vi: `Trường «${field}» không hợp lệ: «${value}».`, en: `Field "${field}" is invalid: "${value}".` }, { field });
  }
}

/** A collective as a row: the API's writes and the import's bulk writes use this one mapping. */
export function collectiveToRow(c: Omit<CreateCollectiveInput, 'unitCode' | 'validTo'> & { id: string; unitId: string; validTo: string | null }) {
  return { id: c.id, code: c.code, unit_id: c.unitId, name: c.name, kind: c.kind, level: c.level, valid_from: c.validFrom, valid_to: c.validTo };
}

/** Creates a collective; its unit must exist throughout the period, its code is unique. */
export async function createCollective(db: Db, input: CreateCollectiveInput): Promise<Collective> {
  const period: Period = { validFrom: input.validFrom, validTo: input.validTo ?? null };
  assertCodes(input);
  assertPeriod(period);
  return inTransaction(db, async (trx) => {
    const taken = await trx.selectFrom('collectives').select('id').where('code', '=', input.code).executeTakeFirst();
    if (taken) throw duplicateCode(input.code);
    const unit = await requireUnitOver(trx, { code: input.unitCode, period, error: 'UnitNotValidOnDate', field: 'unitCode' });
    const id = newId();
    try {
      await trx
        .insertInto('collectives')
        .values(collectiveToRow({ ...input, ...period, id, unitId: unit.id }))
        .execute();
    } catch (e) {
      throw isUniqueViolation(e) ? duplicateCode(input.code) : e;
    }
    return { id, code: input.code, unitCode: input.unitCode, name: input.name, kind: input.kind, level: input.level, ...period };
  });
}

/** The collective with this code, or CollectiveNotFound. */
export async function getCollective(db: Db, code: string): Promise<Collective> {
  const row = await db.selectFrom('collectives as c').innerJoin('org_units as u', 'u.id', 'c.unit_id').select(COLUMNS).where('c.code', '=', code).executeTakeFirst();
  if (!row) throw notFound('CollectiveNotFound', { vi: 'tập thể', en: 'Collective' }, code);
  return collectiveRowToCollective(row);
}

/** Collectives of a unit (or of its whole subtree) valid on `date`, by level, kind and name. */
export async function listCollectivesAt(db: Db, unitCode: string, date: string, options: { includeSubtree?: boolean } = {}): Promise<Collective[]> {
  const root = await getUnitAt(db, unitCode, date);
  const rows = await withSubtree(db, { rootId: root.unitId, date, maxDepth: options.includeSubtree ? undefined : 0 })
    .selectFrom('collectives as c')
    .innerJoin('tree as t', 't.unit_id', 'c.unit_id')
    .innerJoin('org_units as u', 'u.id', 'c.unit_id')
    .select(COLUMNS)
    .where(validOn('c', date))
    .execute();
  const collator = new Intl.Collator('vi', { numeric: true });
  return rows
    .map(collectiveRowToCollective)
    .sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || COLLECTIVE_KINDS.indexOf(a.kind) - COLLECTIVE_KINDS.indexOf(b.kind) || collator.compare(a.name, b.name));
}
