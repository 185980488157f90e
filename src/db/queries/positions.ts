/**
 * Leader and manager positions (CN rows of FORMS.md §2). The holder is a person kept once; the
 * position's evaluation is separate from their evaluation as a member (GUIDE.md §3).
 */
import { POSITION_GROUPS, type PositionGroup } from '../../domain/codes.js';
import { AppError } from '../../domain/errors.js';
import type { Position } from '../../domain/model/people.js';
import { assertPeriod, type Period } from '../../domain/model/units.js';
import type { Db } from '../create-db.js';
import { newId } from '../ids.js';
import { getPersonByCard } from './persons.js';
import { getUnitAt, requireUnitOver, withSubtree } from './units.js';
import { inTransaction, validOn } from './common.js';

export interface CreatePositionInput {
  cardNumber: string;
  unitCode: string;
  positionGroup: PositionGroup;
  title: string;
  /** Unit that decides this leader's grade; omitted = resolved from the tree. */
  decidingUnitCode?: string | null;
  validFrom: string;
  validTo?: string | null;
}

/** A position as a row: the API's writes and the import's bulk writes use this one mapping. */
export function positionToRow(p: Pick<CreatePositionInput, 'positionGroup' | 'title' | 'validFrom'> & { id: string; personId: string; unitId: string; decidingUnitId: string | null; validTo: string | null }) {
  return { id: p.id, person_id: p.personId, unit_id: p.unitId, position_group: p.positionGroup, title: p.title, deciding_unit_id: p.decidingUnitId, valid_from: p.validFrom, valid_to: p.validTo };
}

/** Records that a person holds a position in a unit over a period; both units must exist throughout. */
export async function createPosition(db: Db, input: CreatePositionInput): Promise<Position> {
  const period: Period = { validFrom: input.validFrom, validTo: input.validTo ?? null };
  if (!POSITION_GROUPS.includes(input.positionGroup)) {
    throw new AppError(
      'ValidationFailed',
      { vi: `Trường «positionGroup» không hợp lệ: «${input.positionGroup}».`, en: `Field "positionGroup" is invalid: "${input.positionGroup}".` },
      { field: 'positionGroup' },
    );
  }
  assertPeriod(period);
  return inTransaction(db, async (trx) => {
    const person = await getPersonByCard(trx, input.cardNumber);
    const unit = await requireUnitOver(trx, { code: input.unitCode, period, error: 'UnitNotValidOnDate', field: 'unitCode' });
    const decidingCode = input.decidingUnitCode ?? null;
    const deciding = decidingCode
      ? await requireUnitOver(trx, { code: decidingCode, period, error: 'UnitNotValidOnDate', field: 'decidingUnitCode' })
      : null;
    const id = newId();
    await trx
      .insertInto('positions')
      .values(positionToRow({ ...input, ...period, id, personId: person.id, unitId: unit.id, decidingUnitId: deciding?.id ?? null }))
      .execute();
    return { id, cardNumber: person.cardNumber, fullName: person.fullName, unitCode: input.unitCode, positionGroup: input.positionGroup, title: input.title, decidingUnitCode: decidingCode, ...period };
  });
}

/** Positions held in a unit (or anywhere in its subtree) on `date`, in the order of the CN rows. */
export async function listPositionsAt(db: Db, unitCode: string, date: string, options: { includeSubtree?: boolean } = {}): Promise<Position[]> {
  const root = await getUnitAt(db, unitCode, date);
  const rows = await withSubtree(db, { rootId: root.unitId, date, maxDepth: options.includeSubtree ? undefined : 0 })
    .selectFrom('positions as x')
    .innerJoin('tree as t', 't.unit_id', 'x.unit_id')
    .innerJoin('persons as p', 'p.id', 'x.person_id')
    .innerJoin('org_units as u', 'u.id', 'x.unit_id')
    .leftJoin('org_units as d', 'd.id', 'x.deciding_unit_id')
    .select(['x.id', 'p.card_number', 'p.full_name', 'u.code as unit_code', 'x.position_group', 'x.title', 'd.code as deciding_code', 'x.valid_from', 'x.valid_to'])
    .where(validOn('x', date))
    .execute();
  const collator = new Intl.Collator('vi', { numeric: true });
  return rows
    .map((r) => ({
      id: r.id,
      cardNumber: r.card_number,
      fullName: r.full_name,
      unitCode: r.unit_code,
      positionGroup: r.position_group as PositionGroup,
      title: r.title,
      decidingUnitCode: r.deciding_code,
      validFrom: r.valid_from,
      validTo: r.valid_to,
    }))
    .sort((a, b) => POSITION_GROUPS.indexOf(a.positionGroup) - POSITION_GROUPS.indexOf(b.positionGroup) || collator.compare(a.fullName, b.fullName));
}
