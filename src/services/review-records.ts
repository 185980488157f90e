/**
 * Review meeting records (GUIDE.md §4.2–4.4) with their checks: the draft report circulated at least
 * 3 working days before the meeting, the minimum meeting length of the rule set, the committee member
 * assigned to attend, and the topics the superior assigned (gợi ý kiểm điểm).
 */
import type { CollectiveKind, Level } from '../domain/codes.js';
import { AppError } from '../domain/errors.js';
import { assertIsoDate } from '../domain/model/cycles.js';
import { assertMeetingDates, checkReviewRecord, type ReviewSubject } from '../domain/workflow/review-records.js';
import type { WorkingCalendar } from '../domain/calendar/working-calendar.js';
import type { Db } from '../db/create-db.js';
import { getCycle } from '../db/queries/cycles.js';
import { getUnitIdByCode } from '../db/queries/evaluation-subjects.js';
import { getCollectiveForReview, getPersonIdByCard, listReviewRecords, listTopicsForSubjects, positionUnitsOf, upsertReviewRecord } from '../db/queries/review-records.js';
import { decidingBody } from '../domain/workflow/authority.js';
import { getUnitAt } from '../db/queries/units.js';
import { subtreeUnits, unitChainAt } from '../db/queries/workflow.js';
import type { Cycle } from '../domain/model/cycles.js';
import { loadCalendar } from './submissions.js';
import { inTransaction } from '../db/queries/common.js';

export interface RecordReviewInput {
  cycleYear: number;
  period?: string | undefined;
  subjectKind: string;
  subjectRef: string;
  meetingStart: string;
  meetingEnd: string;
  durationDays: number;
  draftCirculatedOn?: string | null | undefined;
  /** Party card number of the committee member assigned to attend and guide (GUIDE.md §4.2). */
  attendingCard?: string | null | undefined;
  notes?: string | null | undefined;
  actor: string;
}

function invalid(field: string, vi: string, en: string): AppError {
  return new AppError('ValidationFailed', { vi, en }, { field });
}

async function reviewSubject(db: Db, cycle: Cycle, r: { subjectKind: string; unitId: string; collectiveKind?: string | null; level?: string | null }): Promise<ReviewSubject> {
  const chain = await unitChainAt(db, r.unitId, cycle.referenceDate);
  const code = chain[0]?.code;
  if (!code) throw invalid('subjectRef', 'Đơn vị của đối tượng không tồn tại vào ngày tham chiếu của kỳ.', 'The subject’s unit does not exist at the reference date.');
  const unit = await getUnitAt(db, code, cycle.referenceDate);
  const base = { unitKind: unit.kind, orgType: unit.effectiveOrgType };
  if (r.subjectKind === 'unit') return { kind: 'unit', ...base };
  return { kind: 'collective', collectiveKind: r.collectiveKind as CollectiveKind, level: r.level as Level, ...base };
}

function checksOf(cycle: Cycle, subject: ReviewSubject, r: { meetingStart: string; meetingEnd: string; durationHalfDays: number; draftCirculatedOn: string | null }, calendar: WorkingCalendar) {
  return checkReviewRecord({ ruleSet: cycle.ruleSet, subject, ...r, calendar });
}

/**
 * The member assigned to attend and guide a review is a member of the superior committee (GUIDE.md
 * §4.2 "phân công dự, chỉ đạo"): a person holding a position, on the meeting day, in the committee
 * competent for the subject (src/domain/workflow/authority.ts) or a committee above it.
 */
async function assertSuperiorMember(
  db: Db,
  cycle: Cycle,
  r: { unitId: string; subjectKind: string; collectiveKind: string | null; card: string; personId: string; on: string },
): Promise<void> {
  const chain = await unitChainAt(db, r.unitId, cycle.referenceDate);
  const body = decidingBody({ subjectKind: r.subjectKind as 'unit' | 'collective', chain, ruleSet: cycle.ruleSet, collectiveKind: (r.collectiveKind ?? undefined) as CollectiveKind | undefined });
  const from = body.unit ? chain.findIndex((u) => u.id === body.unit?.id) : -1;
  const superiors = from >= 0 ? chain.slice(from) : [];
  if ((await positionUnitsOf(db, { personId: r.personId, unitIds: superiors.map((u) => u.id), date: r.on })).length > 0) return;
  throw invalid(
    'attendingCard',
    `Đồng chí có số thẻ «${r.card}» không giữ chức vụ trong cấp ủy cấp trên (${body.text}${superiors.length > 1 ? ' hoặc cấp ủy cấp trên nữa' : ''}) vào ngày ${r.on}; người dự, chỉ đạo hội nghị kiểm điểm phải là cấp ủy viên cấp trên (GUIDE.md §4.2).`,
    `The person with card "${r.card}" holds no position in the superior committee (${body.unit?.code ?? 'outside the tree'}) on ${r.on}.`,
  );
}

/** Records (or replaces) a subject's review meeting; returns it with its findings. Bad dates name the field and change nothing. */
export async function recordReview(db: Db, input: RecordReviewInput) {
  if (input.subjectKind !== 'collective' && input.subjectKind !== 'unit') {
    throw invalid('subjectKind', 'Hồ sơ hội nghị kiểm điểm dành cho tập thể hoặc tổ chức đảng (collective, unit).', 'Review records are for collectives or units.');
  }
  assertIsoDate(input.meetingStart, 'meetingStart');
  assertIsoDate(input.meetingEnd, 'meetingEnd');
  if (input.draftCirculatedOn) assertIsoDate(input.draftCirculatedOn, 'draftCirculatedOn');
  const durationHalfDays = input.durationDays * 2;
  assertMeetingDates({ meetingStart: input.meetingStart, meetingEnd: input.meetingEnd, durationHalfDays });
  return inTransaction(db, async (trx) => {
    const cycle = await getCycle(trx, { year: input.cycleYear, period: input.period });
    const c = input.subjectKind === 'collective' ? await getCollectiveForReview(trx, input.subjectRef) : null;
    const subjectId = c ? c.id : await getUnitIdByCode(trx, input.subjectRef, 'subjectRef');
    const subject = await reviewSubject(trx, cycle, { subjectKind: input.subjectKind, unitId: c ? c.unit_id : subjectId, collectiveKind: c?.kind, level: c?.level });
    const attendingPersonId = input.attendingCard ? await getPersonIdByCard(trx, input.attendingCard, 'attendingCard') : null;
    if (attendingPersonId) await assertSuperiorMember(trx, cycle, { unitId: c ? c.unit_id : subjectId, subjectKind: input.subjectKind, collectiveKind: c?.kind ?? null, card: input.attendingCard ?? '', personId: attendingPersonId, on: input.meetingStart });
    const draftCirculatedOn = input.draftCirculatedOn ?? null;
    const record = { meetingStart: input.meetingStart, meetingEnd: input.meetingEnd, durationHalfDays, draftCirculatedOn };
    const checks = checksOf(cycle, subject, record, await loadCalendar(trx));
    await upsertReviewRecord(trx, { cycleId: cycle.id, subjectKind: input.subjectKind as 'collective' | 'unit', subjectId, ...record, attendingPersonId, notes: input.notes?.trim() || null, actor: input.actor });
    const [saved] = await listRecordsWithChecks(trx, { cycleYear: cycle.year, period: cycle.period, subjectId });
    return saved ?? { ...record, ...checks };
  });
}

/** The records of a cycle (of a unit's subtree when `unitCode` is given) with findings and assigned topics. */
export async function listRecordsWithChecks(db: Db, input: { cycleYear: number; period?: string | undefined; unitCode?: string | undefined; subjectId?: string }) {
  const cycle = await getCycle(db, { year: input.cycleYear, period: input.period });
  const unitIds = input.unitCode ? (await subtreeUnits(db, await getUnitIdByCode(db, input.unitCode, 'unit'), cycle.referenceDate)).map((u) => u.id) : undefined;
  const records = (await listReviewRecords(db, { cycleId: cycle.id, ...(unitIds ? { unitIds } : {}) })).filter((r) => !input.subjectId || r.subjectId === input.subjectId);
  const topics = await listTopicsForSubjects(db, { cycleId: cycle.id, subjectIds: records.map((r) => r.subjectId) });
  const calendar = await loadCalendar(db);
  const out = [];
  for (const r of records) {
    const subject = await reviewSubject(db, cycle, r);
    const checks = checksOf(cycle, subject, r, calendar);
    out.push({
      ...r,
      durationDays: r.durationHalfDays / 2,
      findings: checks.findings,
      latestCirculation: checks.latestCirculation,
      minimumDays: checks.minimumHalfDays / 2,
      topics: topics.filter((t) => t.subjectId === r.subjectId).map(({ subjectId: _, ...t }) => t),
    });
  }
  return out;
}
