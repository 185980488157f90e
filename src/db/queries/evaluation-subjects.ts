/**
 * Finds the subject of an evaluation or review topic by its public key (unit code, party card
 * number, collective code, position id) and the unit it belongs to at a cycle's reference date.
 * Plain selects on purpose: the unit and person modules are separate concerns.
 */
import { SUBJECT_KINDS, type SubjectKind } from '../../domain/codes.js';
import { AppError, notFound } from '../../domain/errors.js';
import type { Db } from '../create-db.js';

export interface ResolvedSubject {
  subjectKind: SubjectKind;
  subjectId: string;
  unitId: string;
}

/** The id of the unit with this code; UnitNotFound naming `field` otherwise. */
export async function getUnitIdByCode(db: Db, code: string, field?: string): Promise<string> {
  const row = await db.selectFrom('org_units').select('id').where('code', '=', code).executeTakeFirst();
  if (!row) {
    const e = notFound('UnitNotFound', { vi: 'đơn vị', en: 'Unit' }, code);
    throw field ? new AppError(e.code, e.messages, { field }) : e;
  }
  return row.id;
}

function parseSubjectKind(kind: string): SubjectKind {
  if ((SUBJECT_KINDS as readonly string[]).includes(kind)) return kind as SubjectKind;
  throw new AppError(
    'ValidationFailed',
    { vi: `Loại đối tượng «${kind}» không hợp lệ.`, en: `Unknown subject kind "${kind}".` },
    { field: 'subjectKind' },
  );
}

async function resolveMember(db: Db, cardNumber: string, on: string): Promise<ResolvedSubject> {
  const person = await db.selectFrom('persons').select('id').where('card_number', '=', cardNumber).executeTakeFirst();
  if (!person) throw notFound('PersonNotFound', { vi: 'đảng viên có số thẻ', en: 'Party member with card number' }, cardNumber);
  const membership = await db
    .selectFrom('memberships')
    .select('unit_id')
    .where('person_id', '=', person.id)
    .where('valid_from', '<=', on)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', on)]))
    .orderBy('valid_from', 'desc')
    .executeTakeFirst();
  if (!membership) {
    throw new AppError(
      'MemberNotInCell',
      {
        vi: `Đảng viên số thẻ «${cardNumber}» không sinh hoạt ở chi bộ nào vào ngày ${on}.`,
        en: `Party member "${cardNumber}" belongs to no cell on ${on}.`,
      },
      { field: 'subjectRef' },
    );
  }
  return { subjectKind: 'member', subjectId: person.id, unitId: membership.unit_id };
}

/**
 * Finds a subject by its public key and the unit it belongs to on the reference date: the unit
 * itself, the member's cell, the collective's or the position's unit.
 */
export async function resolveSubject(db: Db, input: { kind: string; ref: string; on: string }): Promise<ResolvedSubject> {
  const kind = parseSubjectKind(input.kind);
  if (kind === 'member') return resolveMember(db, input.ref, input.on);
  if (kind === 'unit') {
    const id = await getUnitIdByCode(db, input.ref);
    return { subjectKind: kind, subjectId: id, unitId: id };
  }
  const row =
    kind === 'collective'
      ? await db.selectFrom('collectives').select(['id', 'unit_id']).where('code', '=', input.ref).executeTakeFirst()
      : await db.selectFrom('positions').select(['id', 'unit_id']).where('id', '=', input.ref).executeTakeFirst();
  if (!row) {
    throw kind === 'collective'
      ? notFound('CollectiveNotFound', { vi: 'tập thể', en: 'Collective' }, input.ref)
      : notFound('PositionNotFound', { vi: 'chức vụ', en: 'Position' }, input.ref);
  }
  return { subjectKind: kind, subjectId: row.id, unitId: row.unit_id };
}
