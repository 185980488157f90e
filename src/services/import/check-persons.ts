/**
 * The sheet *Đảng viên*: a person and one membership per row (a member who changed cells has one
 * row per cell, with the same details). A card number names one person: two rows with the same card
 * and different names are a duplicate card number. A stored person's details are updated where the
 * file states them otherwise; a membership needs a cell that exists throughout its period and may
 * not overlap another of the person's (the same checks as the API: src/domain/model/people.ts).
 */
import { newId } from '../../db/ids.js';
import { personToRow } from '../../db/queries/persons.js';
import { CELL_KINDS } from '../../domain/codes.js';
import { isAppError } from '../../domain/errors.js';
import { assertNoMembershipOverlap, assertPersonDates, type Membership, type Sex } from '../../domain/model/people.js';
import { assertPeriod, type Period } from '../../domain/model/units.js';
import { createPersonBody } from '../../schemas/persons.js';
import { type ImportContext, outOfScope, type SheetPlace } from './context.js';
import type { ParsedRow } from './parse-rows.js';
import type { RowOf } from './sheets.js';

type PersonRow = ParsedRow<RowOf<'persons'>>;

/** The person's own fields (the membership's aside), from the API's schema. */
const DETAILS = Object.keys(createPersonBody.shape).filter((f) => f !== 'cardNumber') as (keyof RowOf<'persons'>)[];

const shown = (v: unknown) => (v === undefined || v === null ? '(trống)' : String(v));

/** Later rows of a card must state the same person: another name is another person (a duplicate card number). */
function sameDetails(ctx: ImportContext, where: SheetPlace, first: PersonRow, r: PersonRow): boolean {
  const differs = DETAILS.find((f) => r.data[f] !== undefined && first.data[f] !== undefined && r.data[f] !== first.data[f]);
  if (!differs) return true;
  if (differs === 'fullName') {
    ctx.add(where, r.row, 'cardNumber', 'DuplicateCardNumber', {
      vi: `Số thẻ đảng viên «${r.data.cardNumber}» trùng với dòng ${first.row} («${first.data.fullName}»): hai người không thể có cùng số thẻ.`,
      en: `Party card number "${r.data.cardNumber}" repeats row ${first.row} ("${first.data.fullName}"): two people cannot share a card number.`,
    }, r.data.cardNumber);
  } else {
    ctx.add(where, r.row, differs, 'Conflict', {
      vi: `Đảng viên «${r.data.cardNumber}» ở dòng ${first.row} có «${differs}» là «${shown(first.data[differs])}», dòng này ghi «${shown(r.data[differs])}».`,
      en: `Member "${r.data.cardNumber}" has ${differs} "${shown(first.data[differs])}" on row ${first.row}, "${shown(r.data[differs])}" here.`,
    }, shown(r.data[differs]));
  }
  return false;
}

/** The person's details: a new person planned, or a stored one updated where the file states other values. */
function planPerson(ctx: ImportContext, where: SheetPlace, first: PersonRow): 'created' | 'updated' | 'unchanged' | 'error' {
  const d = first.data;
  const stored = ctx.stored.persons.get(d.cardNumber);
  const merged = {
    fullName: d.fullName,
    birthDate: d.birthDate !== undefined ? d.birthDate : (stored?.birthDate ?? null),
    sex: d.sex as Sex,
    admittedOn: d.admittedOn,
    officialOn: d.officialOn !== undefined ? d.officialOn : (stored?.officialOn ?? null),
    isCivilServant: d.isCivilServant ?? stored?.isCivilServant ?? false,
  };
  try {
    assertPersonDates(merged);
  } catch (e) {
    if (isAppError(e)) ctx.addError(where, first.row, e, String(d[(e.field ?? 'admittedOn') as keyof typeof d] ?? ''));
    return 'error';
  }
  if (!stored) {
    const id = newId();
    ctx.personIds.set(d.cardNumber, id);
    ctx.plan.persons.push({ ...personToRow(merged), id, card_number: d.cardNumber, created_at: ctx.now });
    return 'created';
  }
  ctx.personIds.set(d.cardNumber, stored.id);
  const changed = (Object.keys(merged) as (keyof typeof merged)[]).some((f) => (f === 'fullName' ? merged.fullName.normalize('NFC') !== stored.fullName : merged[f] !== stored[f]));
  if (!changed) return 'unchanged';
  if (ctx.scope !== null && !storedPersonInScope(ctx, stored.id)) {
    ctx.add(where, first.row, 'cardNumber', 'Forbidden', outOfScope(ctx.scope, lastCell(ctx, stored.id) ?? d.cardNumber), d.cardNumber);
    return 'error';
  }
  ctx.plan.personUpdates.push({ id: stored.id, values: personToRow(merged) });
  return 'updated';
}

const lastCell = (ctx: ImportContext, personId: string) => ctx.stored.memberships.get(personId)?.at(-1)?.unitCode;

/** A stored person may be written by a scoped user when they have no cell yet, or their latest cell is in scope (as the API). */
export function storedPersonInScope(ctx: ImportContext, personId: string): boolean {
  const last = ctx.stored.memberships.get(personId)?.at(-1);
  return !last || ctx.inScope(last.unitCode, last.validTo ?? last.validFrom);
}

/** One row's membership: a cell over the period, in scope, not overlapping the person's others. */
function planMembership(ctx: ImportContext, where: SheetPlace, r: PersonRow, others: Membership[]): 'created' | 'unchanged' | 'error' | 'none' {
  const d = r.data;
  if (d.unitCode === undefined) {
    if (d.validFrom === undefined && d.validTo == null) return 'none';
    ctx.add(where, r.row, 'unitCode', 'ValidationFailed', { vi: 'Có ngày sinh hoạt nhưng thiếu mã chi bộ.', en: 'A membership date without the cell code.' });
    return 'error';
  }
  const period: Period = { validFrom: d.validFrom ?? d.admittedOn, validTo: d.validTo ?? null };
  try {
    assertPeriod(period);
  } catch (e) {
    if (isAppError(e)) ctx.addError(where, r.row, e, period.validTo);
    return 'error';
  }
  const personId = ctx.personIds.get(d.cardNumber)!;
  const stored = ctx.stored.memberships.get(personId) ?? [];
  if (stored.some((m) => m.unitCode === d.unitCode && m.validFrom === period.validFrom && (d.validTo === undefined || m.validTo === period.validTo))) return 'unchanged';
  const gap = ctx.unitGap(d.unitCode, period, 'UnitNotValidOnDate', 'unitCode');
  if (gap) return ctx.add(where, r.row, 'unitCode', gap.code, gap.message, d.unitCode), 'error';
  if (ctx.unitKindOutside(d.unitCode, period, CELL_KINDS)) {
    ctx.add(where, r.row, 'unitCode', 'NotACell', { vi: `Đơn vị «${d.unitCode}» không phải chi bộ, không trực tiếp quản lý đảng viên.`, en: `Unit "${d.unitCode}" is not a cell and holds no members directly.` }, d.unitCode);
    return 'error';
  }
  if (ctx.scope !== null && !ctx.inScope(d.unitCode, period.validFrom)) return ctx.add(where, r.row, 'unitCode', 'Forbidden', outOfScope(ctx.scope, d.unitCode), d.unitCode), 'error';
  try {
    assertNoMembershipOverlap(period, [...stored.map((m) => ({ id: '', cardNumber: d.cardNumber, unitCode: m.unitCode, validFrom: m.validFrom, validTo: m.validTo })), ...others]);
  } catch (e) {
    if (isAppError(e)) ctx.addError(where, r.row, e, period.validFrom, 'validFrom');
    return 'error';
  }
  others.push({ id: '', cardNumber: d.cardNumber, unitCode: d.unitCode, ...period });
  ctx.plan.memberships.push({ id: newId(), person_id: personId, unit_id: ctx.unitId(d.unitCode)!, valid_from: period.validFrom, valid_to: period.validTo });
  return 'created';
}

/** Checks the sheet *Đảng viên* and plans its writes. */
export function checkPersons(ctx: ImportContext, where: SheetPlace, rows: readonly PersonRow[], onRow?: () => void): void {
  const summary = ctx.summary('persons', where.table.source);
  summary.rows += rows.length;
  const first = new Map<string, PersonRow>();
  const outcome = new Map<string, ReturnType<typeof planPerson>>();
  const added = new Map<string, Membership[]>();
  for (const r of rows) {
    onRow?.();
    const seen = first.get(r.data.cardNumber);
    if (seen && !sameDetails(ctx, where, seen, r)) continue;
    if (!seen) {
      first.set(r.data.cardNumber, r);
      outcome.set(r.data.cardNumber, planPerson(ctx, where, r));
    }
    const person = outcome.get(r.data.cardNumber)!;
    if (person === 'error') continue;
    const others = added.get(r.data.cardNumber) ?? [];
    added.set(r.data.cardNumber, others);
    const membership = planMembership(ctx, where, r, others);
    if (membership === 'error') continue;
    const isFirst = !seen;
    if ((isFirst && person === 'created') || membership === 'created') summary.created += 1;
    else if (isFirst && person === 'updated') summary.updated += 1;
    else summary.unchanged += 1;
  }
}
