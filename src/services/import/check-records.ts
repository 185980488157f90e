/**
 * The sheets that refer to persons and units: *Sự kiện* (a person's dated events, checked as the API
 * checks them), *Tập thể* (collectives, by code), *Chức vụ* (positions) and *Thành viên tập thể*
 * (the positions sitting on a collective). A record already stored the same way is left alone; one stored otherwise is refused.
 */
import { newId } from '../../db/ids.js';
import { collectiveToRow } from '../../db/queries/collectives.js';
import { newPersonEvent, personEventToRow } from '../../db/queries/persons.js';
import { positionToRow } from '../../db/queries/positions.js';
import { isAppError } from '../../domain/errors.js';
import { assertPersonEvent, type PersonEventInput } from '../../domain/model/people.js';
import { assertPeriod, formatViDate, type Period, periodsOverlap } from '../../domain/model/units.js';
import { type ImportContext, outOfScope, type SheetPlace } from './context.js';
import { storedPersonInScope } from './check-persons.js';
import type { ParsedRow } from './parse-rows.js';
import type { RowOf } from './sheets.js';

/** The person a row names: planned by the sheet *Đảng viên* or stored; an issue otherwise (none when that sheet already refused the card). */
function personOf(ctx: ImportContext, where: SheetPlace, row: number, card: string, failedCards: ReadonlySet<string>): string | undefined {
  const id = ctx.personIds.get(card) ?? ctx.stored.persons.get(card)?.id;
  if (id) return id;
  if (!failedCards.has(card)) {
    ctx.add(where, row, 'cardNumber', 'PersonNotFound', { vi: `Không có đảng viên số thẻ «${card}» trong tệp nhập cũng như trong dữ liệu đã có.`, en: `No member with card "${card}" in the file or stored.` }, card);
  }
  return undefined;
}

/** A period's dates in order, or an issue. */
function periodOk(ctx: ImportContext, where: SheetPlace, row: number, period: Period, fields?: { from: string; to: string }): boolean {
  try {
    assertPeriod(period, fields);
    return true;
  } catch (e) {
    if (isAppError(e)) ctx.addError(where, row, e, period.validTo);
    return false;
  }
}

/** `code` exists throughout `period`, and the user may write there; an issue otherwise. */
function unitOk(ctx: ImportContext, where: SheetPlace, row: number, code: string, period: Period, field = 'unitCode'): boolean {
  const gap = ctx.unitGap(code, period, 'UnitNotValidOnDate', field);
  if (gap) return ctx.add(where, row, field, gap.code, gap.message, code), false;
  if (ctx.scope !== null && !ctx.inScope(code, period.validFrom)) return ctx.add(where, row, field, 'Forbidden', outOfScope(ctx.scope, code), code), false;
  return true;
}

/** Same content, apart from the id and who entered it when. */
const sameRow = (a: Record<string, unknown>, b: Record<string, unknown>) => Object.keys(a).every((k) => k === 'id' || k === 'entered_by' || k === 'entered_at' || a[k] === b[k]);

/** Checks *Sự kiện*: each event as the API checks it (kind, level, flags, dates); one stored already on the same day is left alone. */
export function checkEvents(ctx: ImportContext, where: SheetPlace, rows: readonly ParsedRow<RowOf<'events'>>[], failedCards: ReadonlySet<string>): void {
  const summary = ctx.summary('events', where.table.source);
  summary.rows += rows.length;
  const seen = new Map<string, number>();
  for (const r of rows) {
    const input = r.data as PersonEventInput;
    const personId = personOf(ctx, where, r.row, input.cardNumber, failedCards);
    if (!personId) continue;
    try {
      assertPersonEvent(input);
    } catch (e) {
      if (isAppError(e)) ctx.addError(where, r.row, e, String((input as unknown as Record<string, unknown>)[e.field ?? ''] ?? ''));
      continue;
    }
    const key = `${input.cardNumber}|${input.kind}|${input.startsOn}`;
    const dup = seen.get(key);
    if (dup !== undefined) {
      ctx.add(where, r.row, 'startsOn', 'DuplicateRow', { vi: `Sự kiện «${input.kind}» của «${input.cardNumber}» từ ngày ${formatViDate(input.startsOn)} đã có ở dòng ${dup}.`, en: `Event "${input.kind}" of "${input.cardNumber}" from ${input.startsOn} is already on row ${dup}.` }, input.startsOn);
      continue;
    }
    seen.set(key, r.row);
    const row = personEventToRow(newPersonEvent(input), personId);
    const stored = (ctx.stored.events.get(personId) ?? []).find((e) => e.kind === input.kind && e.startsOn === input.startsOn);
    if (stored) {
      if (sameRow(row, personEventToRow(stored, personId))) summary.unchanged += 1;
      else ctx.add(where, r.row, 'kind', 'Conflict', { vi: `Đảng viên «${input.cardNumber}» đã có sự kiện «${input.kind}» từ ngày ${formatViDate(input.startsOn)} với nội dung khác; sửa sự kiện đã có, không nhập chồng.`, en: `Member "${input.cardNumber}" already has a different "${input.kind}" event from ${input.startsOn}.` }, input.kind);
      continue;
    }
    if (ctx.scope !== null && ctx.stored.persons.has(input.cardNumber) && !ctx.personIds.has(input.cardNumber) && !storedPersonInScope(ctx, personId)) {
      ctx.add(where, r.row, 'cardNumber', 'Forbidden', outOfScope(ctx.scope, input.cardNumber), input.cardNumber);
      continue;
    }
    ctx.plan.events.push(row);
    summary.created += 1;
  }
}

/** Checks *Tập thể*: a unique code, its unit over the period; a stored collective must be the same. */
export function checkCollectives(ctx: ImportContext, where: SheetPlace, rows: readonly ParsedRow<RowOf<'collectives'>>[]): void {
  const summary = ctx.summary('collectives', where.table.source);
  summary.rows += rows.length;
  const seen = new Map<string, number>();
  for (const r of rows) {
    const d = r.data;
    const period = { validFrom: d.validFrom, validTo: d.validTo ?? null };
    if (seen.has(d.code)) {
      ctx.add(where, r.row, 'code', 'DuplicateCode', { vi: `Mã tập thể «${d.code}» đã dùng ở dòng ${seen.get(d.code)}.`, en: `Collective code "${d.code}" is already used on row ${seen.get(d.code)}.` }, d.code);
      continue;
    }
    seen.set(d.code, r.row);
    const stored = ctx.stored.collectives.get(d.code);
    if (stored) {
      const differs = (['unitCode', 'name', 'kind', 'level', 'validFrom', 'validTo'] as const).find((f) => (f === 'validTo' ? d.validTo !== undefined && d.validTo !== stored.validTo : d[f] !== stored[f]));
      if (!differs) summary.unchanged += 1;
      else ctx.add(where, r.row, differs, 'Conflict', { vi: `Tập thể «${d.code}» đã có, với «${differs}» là «${stored[differs] ?? '(trống)'}».`, en: `Collective "${d.code}" exists with ${differs} "${stored[differs]}".` }, String(d[differs] ?? ''));
      continue;
    }
    if (!periodOk(ctx, where, r.row, period) || !unitOk(ctx, where, r.row, d.unitCode, period)) continue;
    ctx.newCollectives.add(d.code);
    ctx.plan.collectives.push(collectiveToRow({ ...d, ...period, id: newId(), unitId: ctx.unitId(d.unitCode)! }));
    summary.created += 1;
  }
}

/** Checks *Chức vụ*: the holder, the unit and the deciding unit over the period; one stored already (same holder, unit, group, first day) must be the same. */
export function checkPositions(ctx: ImportContext, where: SheetPlace, rows: readonly ParsedRow<RowOf<'positions'>>[], failedCards: ReadonlySet<string>): void {
  const summary = ctx.summary('positions', where.table.source);
  summary.rows += rows.length;
  const seen = new Map<string, number>();
  for (const r of rows) {
    const d = r.data;
    const period = { validFrom: d.validFrom, validTo: d.validTo ?? null };
    const personId = personOf(ctx, where, r.row, d.cardNumber, failedCards);
    if (!personId || !periodOk(ctx, where, r.row, period)) continue;
    const key = `${d.cardNumber}|${d.unitCode}|${d.positionGroup}|${d.validFrom}`;
    if (seen.has(key)) {
      ctx.add(where, r.row, 'positionGroup', 'DuplicateRow', { vi: `Chức vụ này của «${d.cardNumber}» đã có ở dòng ${seen.get(key)}.`, en: `This position of "${d.cardNumber}" is already on row ${seen.get(key)}.` }, d.positionGroup);
      continue;
    }
    seen.set(key, r.row);
    const stored = (ctx.stored.positions.get(personId) ?? []).find((p) => p.unitCode === d.unitCode && p.positionGroup === d.positionGroup && p.validFrom === d.validFrom);
    if (stored) {
      const same = stored.title === d.title && stored.decidingUnitCode === (d.decidingUnitCode ?? null) && (d.validTo === undefined || stored.validTo === d.validTo);
      if (same) summary.unchanged += 1;
      else ctx.add(where, r.row, 'title', 'Conflict', { vi: `Đảng viên «${d.cardNumber}» đã giữ chức vụ này từ ngày ${formatViDate(d.validFrom)} («${stored.title}») với nội dung khác.`, en: `Member "${d.cardNumber}" already holds this position from ${d.validFrom} ("${stored.title}"), stated otherwise.` }, d.title);
      continue;
    }
    if (!unitOk(ctx, where, r.row, d.unitCode, period)) continue;
    if (d.decidingUnitCode && !unitOk(ctx, where, r.row, d.decidingUnitCode, period, 'decidingUnitCode')) continue;
    const decidingUnitId = d.decidingUnitCode ? (ctx.unitId(d.decidingUnitCode) ?? null) : null;
    ctx.plan.positions.push(positionToRow({ ...d, ...period, id: newId(), personId, unitId: ctx.unitId(d.unitCode)!, decidingUnitId }));
    summary.created += 1;
  }
}

/**
 * Checks *Thành viên tập thể* (stored in collective_members, migration 0020): the collective (in the
 * file or stored), the position — its holder's, among the positions stored or in the file, named by
 * the unit and group when the holder has several over the period — and the dates. A seat already
 * stored the same way is left alone; one overlapping it with other dates is refused, as the API does.
 */
export function checkCollectiveMembers(ctx: ImportContext, where: SheetPlace, rows: readonly ParsedRow<RowOf<'collectiveMembers'>>[], failedCards: ReadonlySet<string>): void {
  const summary = ctx.summary('collectiveMembers', where.table.source);
  summary.rows += rows.length;
  const seen = new Map<string, number>();
  for (const r of rows) {
    const d = r.data;
    const period = { validFrom: d.validFrom, validTo: d.validTo ?? null };
    const collectiveId = ctx.plan.collectives.find((c) => c.code === d.collectiveCode)?.id ?? ctx.stored.collectives.get(d.collectiveCode)?.id;
    if (!collectiveId) {
      ctx.add(where, r.row, 'collectiveCode', 'CollectiveNotFound', { vi: `Không có tập thể «${d.collectiveCode}» trong tệp nhập cũng như trong dữ liệu đã có.`, en: `No collective "${d.collectiveCode}" in the file or stored.` }, d.collectiveCode);
    }
    const personId = personOf(ctx, where, r.row, d.cardNumber, failedCards);
    if (!collectiveId || !personId || !periodOk(ctx, where, r.row, period)) continue;
    const unitId = d.unitCode === undefined ? undefined : ctx.unitId(d.unitCode);
    const candidates = [
      ...(ctx.stored.positions.get(personId) ?? []).map((p) => ({ id: p.id, unitId: ctx.unitId(p.unitCode), group: p.positionGroup as string, validFrom: p.validFrom, validTo: p.validTo })),
      ...ctx.plan.positions.filter((p) => p.person_id === personId).map((p) => ({ id: p.id, unitId: p.unit_id, group: p.position_group, validFrom: p.valid_from, validTo: p.valid_to ?? null })),
    ].filter((p) => (unitId === undefined || p.unitId === unitId) && (d.positionGroup === undefined || p.group === d.positionGroup) && periodsOverlap(period, p));
    if (candidates.length !== 1) {
      const none = candidates.length === 0;
      ctx.add(
        where,
        r.row,
        none ? 'cardNumber' : 'positionGroup',
        none ? 'PositionNotFound' : 'ValidationFailed',
        none
          ? { vi: `Đảng viên «${d.cardNumber}» không giữ chức vụ nào${d.unitCode ? ` ở «${d.unitCode}»` : ''}${d.positionGroup ? ` thuộc nhóm «${d.positionGroup}»` : ''} trong thời gian này (trang Chức vụ hoặc dữ liệu đã có).`, en: `Member "${d.cardNumber}" holds no such position then.` }
          : { vi: `Đảng viên «${d.cardNumber}» giữ ${candidates.length} chức vụ trong thời gian này: ghi thêm «Mã đơn vị của chức vụ» và «Nhóm chức vụ».`, en: `Member "${d.cardNumber}" holds ${candidates.length} positions then: give the unit and group.` },
        none ? d.cardNumber : (d.positionGroup ?? ''),
      );
      continue;
    }
    const positionId = candidates[0]!.id!;
    const key = `${collectiveId}|${positionId}|${d.validFrom}`;
    if (seen.has(key)) {
      ctx.add(where, r.row, 'validFrom', 'DuplicateRow', { vi: `Thành viên này của tập thể «${d.collectiveCode}» đã có ở dòng ${seen.get(key)}.`, en: `This seat of "${d.collectiveCode}" is already on row ${seen.get(key)}.` }, d.validFrom);
      continue;
    }
    seen.set(key, r.row);
    const stored = (ctx.stored.collectiveMembers.get(collectiveId) ?? []).filter((m) => m.positionId === positionId && periodsOverlap(m, period));
    if (stored.some((m) => m.validFrom === d.validFrom && (d.validTo === undefined || m.validTo === period.validTo))) {
      summary.unchanged += 1;
      continue;
    }
    if (stored.length > 0) {
      ctx.add(where, r.row, 'validFrom', 'Conflict', { vi: `Chức vụ của «${d.cardNumber}» đã là thành viên tập thể «${d.collectiveCode}» từ ngày ${formatViDate(stored[0]!.validFrom)}, trùng với thời gian mới.`, en: `That position already sits on "${d.collectiveCode}" from ${stored[0]!.validFrom}.` }, d.validFrom);
      continue;
    }
    ctx.plan.collectiveMembers.push({ id: newId(), collective_id: collectiveId, position_id: positionId, valid_from: period.validFrom, valid_to: period.validTo, document_number: null, document_date: null, entered_by: 'import', entered_at: new Date().toISOString() });
    summary.created += 1;
  }
}
