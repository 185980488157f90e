/**
 * The positions that sit on a leadership collective over a period (migration 0020
 * `collective_members`): the collective's members the rules read (HD 21, II.B.3: "có thành viên bị
 * kỷ luật từ cảnh cáo trở lên"; QĐ 124 Điều 12; QĐ 366 Điều 11 k4: "thành viên trong tập thể lãnh đạo,
 * quản lý"), an explicit dated list rather than every position holder of the collective's unit.
 */
import type { PositionGroup } from '../../domain/codes.js';
import { AppError, notFound } from '../../domain/errors.js';
import { assertPeriod, describePeriod, type Period, periodsOverlap } from '../../domain/model/units.js';
import type { DatedEvent } from '../../domain/rules/types.js';
import type { Db } from '../create-db.js';
import { newId } from '../ids.js';
import { getCollective } from './collectives.js';
import { inTransaction } from './common.js';
import { datedEventOf } from './workflow.js';

/** One seat on a collective: the position, its holder, the period and where it was decided. */
export interface CollectiveMember extends Period {
  id: string;
  collectiveCode: string;
  positionId: string;
  cardNumber: string;
  fullName: string;
  unitCode: string;
  positionGroup: PositionGroup;
  title: string;
  documentNumber: string | null;
  documentDate: string | null;
  enteredBy: string;
  enteredAt: string;
}

/** Which position sits on the collective: its id, or its holder's card (with its unit and group when the holder has several). */
export interface CollectiveMemberInput {
  collectiveCode: string;
  positionId?: string | undefined;
  cardNumber?: string | undefined;
  unitCode?: string | undefined;
  positionGroup?: string | undefined;
  validFrom: string;
  validTo?: string | null | undefined;
  documentNumber?: string | null | undefined;
  documentDate?: string | null | undefined;
  /** Only positions held in these units may be seated (the user's scope); undefined: any. Others are not found, as unknown ones. */
  positionUnitIds?: readonly string[] | undefined;
  actor: string;
  at: string;
}

function baseQuery(db: Db) {
  return db
    .selectFrom('collective_members as m')
    .innerJoin('collectives as c', 'c.id', 'm.collective_id')
    .innerJoin('positions as x', 'x.id', 'm.position_id')
    .innerJoin('persons as p', 'p.id', 'x.person_id')
    .innerJoin('org_units as u', 'u.id', 'x.unit_id')
    .select([
      'm.id',
      'c.code as collective_code',
      'm.position_id',
      'p.card_number',
      'p.full_name',
      'u.code as unit_code',
      'x.position_group',
      'x.title',
      'm.valid_from',
      'm.valid_to',
      'm.document_number',
      'm.document_date',
      'm.entered_by',
      'm.entered_at',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

function toMember(r: Row): CollectiveMember {
  return {
    id: r.id,
    collectiveCode: r.collective_code,
    positionId: r.position_id,
    cardNumber: r.card_number,
    fullName: r.full_name,
    unitCode: r.unit_code,
    positionGroup: r.position_group as PositionGroup,
    title: r.title,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    documentNumber: r.document_number,
    documentDate: r.document_date,
    enteredBy: r.entered_by,
    enteredAt: r.entered_at,
  };
}

/** The seats of a collective, all periods (or those valid on `date`), oldest first. */
export async function listCollectiveMembers(db: Db, collectiveCode: string, date?: string): Promise<CollectiveMember[]> {
  const collective = await getCollective(db, collectiveCode);
  const rows = await baseQuery(db).where('m.collective_id', '=', collective.id).orderBy('m.valid_from').orderBy('p.full_name').orderBy('m.id').execute();
  const all = rows.map(toMember);
  return date === undefined ? all : all.filter((m) => m.validFrom <= date && (m.validTo === null || m.validTo > date));
}

async function resolvePosition(db: Db, input: CollectiveMemberInput, period: Period): Promise<{ id: string; validFrom: string; validTo: string | null }> {
  let q = db
    .selectFrom('positions as x')
    .innerJoin('persons as p', 'p.id', 'x.person_id')
    .innerJoin('org_units as u', 'u.id', 'x.unit_id')
    .select(['x.id', 'x.valid_from', 'x.valid_to', 'p.card_number']);
  if (input.positionId !== undefined) q = q.where('x.id', '=', input.positionId);
  else if (input.cardNumber !== undefined) q = q.where('p.card_number', '=', input.cardNumber);
  else throw new AppError('ValidationFailed', { vi: 'Cần ghi «positionId» hoặc «cardNumber» của người giữ chức vụ.', en: 'Give "positionId" or "cardNumber".' }, { field: 'positionId' });
  if (input.unitCode !== undefined) q = q.where('u.code', '=', input.unitCode);
  if (input.positionGroup !== undefined) q = q.where('x.position_group', '=', input.positionGroup);
  if (input.positionUnitIds !== undefined) q = q.where('x.unit_id', 'in', input.positionUnitIds.length > 0 ? input.positionUnitIds : ['']);
  const found = (await q.execute()).filter((r) => periodsOverlap(period, { validFrom: r.valid_from, validTo: r.valid_to }));
  const who = input.positionId ?? `${input.cardNumber}${input.unitCode ? ` ở ${input.unitCode}` : ''}${input.positionGroup ? ` (${input.positionGroup})` : ''}`;
  if (found.length === 0) {
    throw notFound('PositionNotFound', { vi: `chức vụ đang giữ trong thời gian ${describePeriod(period).vi}`, en: `Position held ${describePeriod(period).en}` }, who);
  }
  if (found.length > 1) {
    throw new AppError(
      'ValidationFailed',
      { vi: `Đảng viên «${input.cardNumber}» giữ ${found.length} chức vụ trong thời gian này: ghi thêm «unitCode» và «positionGroup» (hoặc «positionId»).`, en: `Card "${input.cardNumber}" holds ${found.length} positions then: give unitCode and positionGroup, or positionId.` },
      { field: 'positionGroup' },
    );
  }
  const r = found[0]!;
  return { id: r.id, validFrom: r.valid_from, validTo: r.valid_to };
}

/**
 * Seats a position on a collective over a period: the collective and the position must exist then,
 * and the same position must not already sit on it in an overlapping period (Conflict).
 */
export async function addCollectiveMember(db: Db, input: CollectiveMemberInput): Promise<CollectiveMember> {
  const period: Period = { validFrom: input.validFrom, validTo: input.validTo ?? null };
  assertPeriod(period);
  return inTransaction(db, async (trx) => {
    const collective = await getCollective(trx, input.collectiveCode);
    if (!periodsOverlap(period, collective)) {
      throw new AppError('UnitNotValidOnDate', { vi: `Tập thể «${collective.code}» không tồn tại trong thời gian ${describePeriod(period).vi}.`, en: `Collective "${collective.code}" does not exist ${describePeriod(period).en}.` }, { field: 'validFrom' });
    }
    const position = await resolvePosition(trx, input, period);
    const clash = (await listCollectiveMembers(trx, input.collectiveCode)).find((m) => m.positionId === position.id && periodsOverlap(m, period));
    if (clash) {
      throw new AppError(
        'Conflict',
        { vi: `Chức vụ này đã là thành viên tập thể «${collective.code}» ${describePeriod(clash).vi}, trùng với thời gian mới.`, en: `The position already sits on "${collective.code}" ${describePeriod(clash).en}.` },
        { field: 'validFrom', details: { memberId: clash.id } },
      );
    }
    const id = newId();
    await trx
      .insertInto('collective_members')
      .values({
        id,
        collective_id: collective.id,
        position_id: position.id,
        valid_from: period.validFrom,
        valid_to: period.validTo,
        document_number: input.documentNumber?.trim() || null,
        document_date: input.documentDate ?? null,
        entered_by: input.actor,
        entered_at: input.at,
      })
      .execute();
    return (await listCollectiveMembers(trx, input.collectiveCode)).find((m) => m.id === id)!;
  });
}

/** Ends a seat on `validTo` (exclusive, like every period): the day must fall after its start and, when it had an end, not after it. */
export async function endCollectiveMember(db: Db, input: { collectiveCode: string; memberId: string; validTo: string }): Promise<CollectiveMember> {
  return inTransaction(db, async (trx) => {
    const member = (await listCollectiveMembers(trx, input.collectiveCode)).find((m) => m.id === input.memberId);
    if (!member) throw notFound('NotFound', { vi: `thành viên của tập thể ${input.collectiveCode}`, en: `Member of collective ${input.collectiveCode}` }, input.memberId);
    assertPeriod({ validFrom: member.validFrom, validTo: input.validTo });
    if (member.validTo !== null && input.validTo > member.validTo) {
      throw new AppError('PeriodInvalid', { vi: `Trường «validTo»: thành viên đã kết thúc từ ${member.validTo}; chỉ được kết thúc sớm hơn.`, en: `The seat already ends on ${member.validTo}.` }, { field: 'validTo' });
    }
    await trx.updateTable('collective_members').set({ valid_to: input.validTo }).where('id', '=', member.id).execute();
    return { ...member, validTo: input.validTo };
  });
}

/**
 * Discipline and decline events of the persons whose position sat on the collective, dated while they
 * sat on it and within `period` (from–to inclusive), as dated facts: a violation disciplined before a
 * member joined, or after they left, is not the collective's (QĐ 366 Điều 11 k4: "trừ trường hợp …
 * vi phạm đó xảy ra từ thời điểm tại tổ chức, cơ quan, đơn vị khác chuyển đến").
 */
export async function collectiveMemberEvents(db: Db, input: { collectiveId: string; from: string; to: string }): Promise<DatedEvent[]> {
  const rows = await db
    .selectFrom('person_events as e')
    .innerJoin('positions as x', 'x.person_id', 'e.person_id')
    .innerJoin('collective_members as m', 'm.position_id', 'x.id')
    .selectAll('e')
    .where('m.collective_id', '=', input.collectiveId)
    .where('e.kind', 'in', ['disciplined', 'decline_concluded'])
    .where('e.starts_on', '>=', input.from)
    .where('e.starts_on', '<=', input.to)
    .whereRef('e.starts_on', '>=', 'm.valid_from')
    .where((eb) => eb.or([eb('m.valid_to', 'is', null), eb('e.starts_on', '<', eb.ref('m.valid_to'))]))
    .orderBy('e.starts_on')
    .execute();
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.id) && seen.add(r.id)).map(datedEventOf);
}
