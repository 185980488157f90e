/**
 * Units' reports of a cycle to their parent, the history of their transitions (GUIDE.md §4.9), and
 * the configured calendar days the working-day count reads.
 */
import type { Selectable } from 'kysely';
import type { CalendarOverride, CalendarOverrideKind } from '../../domain/workflow/calendar-overrides.js';
import type { SubmissionAction, SubmissionException, SubmissionStatus, UngradedException, UngradedSubject } from '../../domain/workflow/submissions.js';
import { AppError } from '../../domain/errors.js';
import type { Db } from '../create-db.js';
import { newId } from '../ids.js';
import type { SubmissionTable } from '../schema.js';
import { isUniqueViolation, validOn } from './common.js';

/** A unit's report as stored. */
export interface Submission {
  id: string;
  cycleId: string;
  unitId: string;
  status: SubmissionStatus;
  submittedAt: string | null;
  /** When the parent received a paper report (recorded by the parent); timing uses it when present. */
  receivedAt: string | null;
  decidedAt: string | null;
  comment: string | null;
  exceptions: SubmissionException[];
  /** Subjects of the unit's scope sent ungraded, each with its reason (migration 0030). */
  ungradedExceptions: UngradedException[];
  version: number;
  updatedAt: string;
}

function rowToSubmission(r: Selectable<SubmissionTable>): Submission {
  return {
    id: r.id,
    cycleId: r.cycle_id,
    unitId: r.unit_id,
    status: r.status as SubmissionStatus,
    submittedAt: r.submitted_at,
    receivedAt: r.received_at,
    decidedAt: r.decided_at,
    comment: r.comment,
    exceptions: JSON.parse(r.exceptions) as SubmissionException[],
    ungradedExceptions: JSON.parse(r.ungraded_exceptions) as UngradedException[],
    version: Number(r.version),
    updatedAt: r.updated_at,
  };
}

/** The reports of some units in a cycle, by unit id. */
export async function listSubmissions(db: Db, input: { cycleId: string; unitIds: readonly string[] }): Promise<Map<string, Submission>> {
  const out = new Map<string, Submission>();
  for (let i = 0; i < input.unitIds.length; i += 500) {
    const ids = input.unitIds.slice(i, i + 500);
    const rows = await db.selectFrom('submissions').selectAll().where('cycle_id', '=', input.cycleId).where('unit_id', 'in', ids).execute();
    for (const r of rows) out.set(r.unit_id, rowToSubmission(r));
  }
  return out;
}

/** One unit's report in a cycle, or undefined. */
export async function findSubmission(db: Db, input: { cycleId: string; unitId: string }): Promise<Submission | undefined> {
  return (await listSubmissions(db, { cycleId: input.cycleId, unitIds: [input.unitId] })).get(input.unitId);
}

function concurrent(): AppError {
  return new AppError('Conflict', { vi: 'Báo cáo vừa được người khác thay đổi; hãy tải lại.', en: 'The report was changed meanwhile; reload it.' }, { field: 'version' });
}

/**
 * Writes a transition: inserts the report on its first action, else updates it guarded by its
 * version; then records the event. Returns the report as written.
 */
export async function writeSubmission(
  db: Db,
  input: {
    existing: Submission | undefined;
    cycleId: string;
    unitId: string;
    action: SubmissionAction;
    status: SubmissionStatus;
    submittedAt: string | null;
    receivedAt: string | null;
    decidedAt: string | null;
    comment: string | null;
    exceptions: SubmissionException[];
    ungradedExceptions: UngradedException[];
    /** When this is recorded (the event's instant; after the report's previous write). */
    at: string;
    actor: string;
  },
): Promise<Submission> {
  const values = { status: input.status, submitted_at: input.submittedAt, received_at: input.receivedAt, decided_at: input.decidedAt, comment: input.comment, exceptions: JSON.stringify(input.exceptions), ungraded_exceptions: JSON.stringify(input.ungradedExceptions), updated_at: input.at };
  let id = input.existing?.id;
  if (!input.existing) {
    id = newId();
    await db
      .insertInto('submissions')
      .values({ id, cycle_id: input.cycleId, unit_id: input.unitId, ...values, version: 1 })
      .execute()
      .catch((e: unknown) => {
        throw isUniqueViolation(e) ? concurrent() : e;
      });
  } else {
    const r = await db.updateTable('submissions').set({ ...values, version: input.existing.version + 1 }).where('id', '=', input.existing.id).where('version', '=', input.existing.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw concurrent();
  }
  const submissionId = id as string;
  await db
    .insertInto('submission_events')
    .values({ id: newId(), submission_id: submissionId, action: input.action, from_status: input.existing?.status ?? null, to_status: input.status, comment: input.comment, at: input.at, actor: input.actor })
    .execute();
  const written = await db.selectFrom('submissions').selectAll().where('id', '=', submissionId).executeTakeFirstOrThrow();
  return rowToSubmission(written);
}

/**
 * The subjects a unit grades in a cycle (its workspace: every evaluation of the unit itself, and the
 * evaluations of its direct sub-units as subjects) that are to be graded (eligible, or pending a
 * decision on their eligibility) and have neither a proposed nor a decided grade, with their names.
 */
export async function listUngradedInScope(db: Db, input: { cycleId: string; unitId: string; childIds: readonly string[]; date: string }): Promise<UngradedSubject[]> {
  const rows = await db
    .selectFrom('evaluations as e')
    .leftJoin('persons as sp', (j) => j.onRef('sp.id', '=', 'e.subject_id').on('e.subject_kind', '=', 'member'))
    .leftJoin('collectives as sc', (j) => j.onRef('sc.id', '=', 'e.subject_id').on('e.subject_kind', '=', 'collective'))
    .leftJoin('positions as pp', (j) => j.onRef('pp.id', '=', 'e.subject_id').on('e.subject_kind', '=', 'position'))
    .leftJoin('persons as ppp', 'ppp.id', 'pp.person_id')
    .leftJoin('org_units as su', (j) => j.onRef('su.id', '=', 'e.subject_id').on('e.subject_kind', '=', 'unit'))
    .leftJoin('org_unit_versions as suv', (j) => j.onRef('suv.unit_id', '=', 'e.subject_id').on('e.subject_kind', '=', 'unit').on(validOn('suv', input.date)))
    .select(['e.id', 'e.subject_kind', 'e.subject_id', 'sp.card_number', 'sp.full_name', 'sc.code as collective_code', 'sc.name as collective_name', 'pp.title', 'ppp.full_name as holder', 'su.code as unit_code', 'suv.name as unit_name'])
    .where('e.cycle_id', '=', input.cycleId)
    .where((eb) => eb.or([eb('e.unit_id', '=', input.unitId), ...(input.childIds.length > 0 ? [eb.and([eb('e.unit_id', 'in', [...input.childIds]), eb('e.subject_kind', '=', 'unit')])] : [])]))
    .where('e.eligibility', 'in', ['eligible', 'pending'])
    .where('e.proposed_grade', 'is', null)
    .where('e.decided_grade', 'is', null)
    .orderBy('e.subject_kind')
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute();
  return rows.map((r) => {
    const [ref, name] =
      r.subject_kind === 'member' ? [r.card_number ?? r.subject_id, r.full_name ?? r.subject_id]
      : r.subject_kind === 'collective' ? [r.collective_code ?? r.subject_id, r.collective_name ?? r.subject_id]
      : r.subject_kind === 'position' ? [r.subject_id, `${r.title ?? ''}${r.holder ? ` ${r.holder}` : ''}`.trim() || r.subject_id]
      : [r.unit_code ?? r.subject_id, r.unit_name ?? r.unit_code ?? r.subject_id];
    return { evaluationId: r.id, subjectKind: r.subject_kind, subjectRef: ref, name };
  });
}

/** The transitions of a report, oldest first. */
export async function listSubmissionEvents(db: Db, submissionId: string) {
  const rows = await db.selectFrom('submission_events').selectAll().where('submission_id', '=', submissionId).orderBy('at').orderBy('id').execute();
  return rows.map((r) => ({ action: r.action, from: r.from_status, to: r.to_status, comment: r.comment, at: r.at, actor: r.actor }));
}

/** Configured days off and working days, by date. */
export async function listCalendarOverrides(db: Db): Promise<CalendarOverride[]> {
  const rows = await db.selectFrom('calendar_overrides').selectAll().orderBy('date').execute();
  return rows.map((r) => ({ date: r.date, kind: r.kind as CalendarOverrideKind, name: r.name }));
}

/** Sets the configured kind of a date (replacing an earlier one). */
export async function setCalendarOverride(db: Db, o: CalendarOverride): Promise<void> {
  await db.deleteFrom('calendar_overrides').where('date', '=', o.date).execute();
  await db.insertInto('calendar_overrides').values({ id: newId(), date: o.date, kind: o.kind, name: o.name.trim() }).execute();
}

/** Codes of the units with no parent on `date` (the tops of the tree). */
export async function listRootUnitCodes(db: Db, date: string): Promise<string[]> {
  const rows = await db
    .selectFrom('org_unit_versions as v')
    .innerJoin('org_units as u', 'u.id', 'v.unit_id')
    .select('u.code')
    .where('v.parent_id', 'is', null)
    .where(validOn('v', date))
    .orderBy('u.code')
    .execute();
  return rows.map((r) => r.code);
}
