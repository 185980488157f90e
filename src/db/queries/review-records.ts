/**
 * Records of review meetings (GUIDE.md §4.2–4.4): dates, duration, when the draft report was
 * circulated, the committee member assigned to attend, notes; one per collective or unit and cycle.
 */
import { AppError, notFound } from '../../domain/errors.js';
import type { Db } from '../create-db.js';
import { newId, nowIso } from '../ids.js';
import { validOn } from './common.js';

export interface ReviewRecordInput {
  cycleId: string;
  subjectKind: 'collective' | 'unit';
  subjectId: string;
  meetingStart: string;
  meetingEnd: string;
  durationHalfDays: number;
  draftCirculatedOn: string | null;
  attendingPersonId: string | null;
  notes: string | null;
  actor: string;
}

/** Creates the record of a subject's meeting, or replaces it. */
export async function upsertReviewRecord(db: Db, r: ReviewRecordInput): Promise<string> {
  const values = {
    meeting_start: r.meetingStart,
    meeting_end: r.meetingEnd,
    duration_half_days: r.durationHalfDays,
    draft_circulated_on: r.draftCirculatedOn,
    attending_person_id: r.attendingPersonId,
    notes: r.notes,
    actor: r.actor,
  };
  const existing = await db
    .selectFrom('review_records')
    .select('id')
    .where('cycle_id', '=', r.cycleId)
    .where('subject_kind', '=', r.subjectKind)
    .where('subject_id', '=', r.subjectId)
    .executeTakeFirst();
  if (existing) {
    await db.updateTable('review_records').set(values).where('id', '=', existing.id).execute();
    return existing.id;
  }
  const id = newId();
  await db.insertInto('review_records').values({ id, cycle_id: r.cycleId, subject_kind: r.subjectKind, subject_id: r.subjectId, ...values, created_at: nowIso() }).execute();
  return id;
}

/** A collective by code, with what the meeting rules read. */
export async function getCollectiveForReview(db: Db, code: string) {
  const c = await db.selectFrom('collectives').select(['id', 'code', 'name', 'kind', 'level', 'unit_id']).where('code', '=', code).executeTakeFirst();
  if (!c) throw new AppError(...notFoundArgs('CollectiveNotFound', 'tập thể', 'Collective', code), { field: 'subjectRef' });
  return c;
}

function notFoundArgs(code: 'CollectiveNotFound' | 'PersonNotFound', vi: string, en: string, key: string) {
  const e = notFound(code, { vi, en }, key);
  return [e.code, e.messages] as const;
}

/** The id of a person by party card number; PersonNotFound naming `field` otherwise. */
export async function getPersonIdByCard(db: Db, card: string, field: string): Promise<string> {
  const p = await db.selectFrom('persons').select('id').where('card_number', '=', card).executeTakeFirst();
  if (!p) throw personNotFound(card, field);
  return p.id;
}

/** PersonNotFound naming `field`: what an unknown card number answers (and one the user may not read). */
export function personNotFound(card: string, field: string): AppError {
  return new AppError(...notFoundArgs('PersonNotFound', 'đảng viên có số thẻ', 'Party member with card number', card), { field });
}

/** The units (of `unitIds`) where the person holds a position on `date`. */
export async function positionUnitsOf(db: Db, input: { personId: string; unitIds: readonly string[]; date: string }): Promise<string[]> {
  if (input.unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('positions as p')
    .select('p.unit_id')
    .where('p.person_id', '=', input.personId)
    .where('p.unit_id', 'in', [...input.unitIds])
    .where(validOn('p', input.date))
    .execute();
  return rows.map((r) => r.unit_id);
}

/** The records of a cycle (optionally of some units' subjects), with the subject's and attendee's names. */
export async function listReviewRecords(db: Db, input: { cycleId: string; unitIds?: string[] }) {
  let q = db
    .selectFrom('review_records as r')
    .leftJoin('collectives as c', (j) => j.onRef('c.id', '=', 'r.subject_id').on('r.subject_kind', '=', 'collective'))
    .leftJoin('org_units as u', (j) => j.onRef('u.id', '=', 'r.subject_id').on('r.subject_kind', '=', 'unit'))
    .leftJoin('persons as p', 'p.id', 'r.attending_person_id')
    .selectAll('r')
    .select(['c.code as c_code', 'c.name as c_name', 'c.kind as c_kind', 'c.level as c_level', 'c.unit_id as c_unit', 'u.code as u_code', 'p.full_name as p_name', 'p.card_number as p_card'])
    .where('r.cycle_id', '=', input.cycleId);
  if (input.unitIds) {
    const ids = input.unitIds.length > 0 ? input.unitIds : [''];
    q = q.where((eb) => eb.or([eb('c.unit_id', 'in', ids), eb('u.id', 'in', ids)]));
  }
  const rows = await q.orderBy('r.meeting_start').orderBy('r.id').execute();
  return rows.map((r) => ({
    id: r.id,
    subjectKind: r.subject_kind as 'collective' | 'unit',
    subjectId: r.subject_id,
    subjectRef: r.c_code ?? r.u_code ?? r.subject_id,
    subjectName: r.c_name,
    collectiveKind: r.c_kind,
    level: r.c_level,
    unitId: r.c_unit ?? r.subject_id,
    meetingStart: r.meeting_start,
    meetingEnd: r.meeting_end,
    durationHalfDays: Number(r.duration_half_days),
    draftCirculatedOn: r.draft_circulated_on,
    attending: r.p_card ? { cardNumber: r.p_card, fullName: r.p_name } : null,
    notes: r.notes,
    createdAt: r.created_at,
    actor: r.actor,
  }));
}

/** Review topics a superior assigned to these subjects in the cycle (gợi ý kiểm điểm, GUIDE.md §4.3). */
export async function listTopicsForSubjects(db: Db, input: { cycleId: string; subjectIds: string[] }) {
  if (input.subjectIds.length === 0) return [];
  const rows = await db
    .selectFrom('review_topics as t')
    .innerJoin('org_units as u', 'u.id', 't.assigned_by_unit_id')
    .select(['t.subject_id', 't.topic', 't.managed_by', 'u.code as assigned_by'])
    .where('t.cycle_id', '=', input.cycleId)
    .where('t.subject_id', 'in', input.subjectIds)
    .orderBy('t.id')
    .execute();
  return rows.map((r) => ({ subjectId: r.subject_id, topic: r.topic, managedBy: r.managed_by, assignedByUnitCode: r.assigned_by }));
}
