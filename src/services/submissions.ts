/**
 * Units' reports of a cycle to their parent (GUIDE.md §4.9): submit, return with a comment, accept
 * (only after the children's reports are accepted, or with a named exception), lock; and each unit's
 * timing against the deadline of its level, in working days of the Labour Code calendar with the
 * configured days (calendar_overrides).
 */
import type { SubmissionTiming } from '../domain/calendar/submission-timing.js';
import type { UnitKind } from '../domain/codes.js';
import { AppError } from '../domain/errors.js';
import type { Cycle } from '../domain/model/cycles.js';
import { assertCalendarOverride, calendarWithOverrides } from '../domain/workflow/calendar-overrides.js';
import {
  assertParentOpen,
  checkChildrenAccepted,
  nextSubmissionStatus,
  reportTiming,
  type SubmissionAction,
  type SubmissionException,
  type SubmissionStatus,
  checkSubjectsGraded,
  type UngradedException,
  type UngradedSubject,
} from '../domain/workflow/submissions.js';
import type { Db } from '../db/create-db.js';
import { getCycle } from '../db/queries/cycles.js';
import { nowIso } from '../db/ids.js';
import { nextInstant } from '../domain/model/evaluations.js';
import { findSubmission, listCalendarOverrides, listRootUnitCodes, listSubmissionEvents, listSubmissions, listUngradedInScope, setCalendarOverride, type Submission, writeSubmission } from '../db/queries/submissions.js';
import { getSubtreeAt, getUnitAt, listChildrenAt } from '../db/queries/units.js';
import { inTransaction } from '../db/queries/common.js';

/** One unit's report with its timing. */
export interface SubmissionRow {
  unitCode: string;
  unitName: string;
  kind: UnitKind;
  parentCode: string | null;
  status: SubmissionStatus | 'none';
  submittedAt: string | null;
  /** A paper report's receipt recorded by the parent; the timing uses it when present. */
  receivedAt: string | null;
  decidedAt: string | null;
  comment: string | null;
  exceptions: SubmissionException[];
  /** Subjects of the unit's scope sent ungraded, each with the unit's reason. */
  ungradedExceptions: UngradedException[];
  deadline: string | null;
  timing: SubmissionTiming | null;
  /** The report's version (0 before its first action): a page sends it back with its next action. */
  version: number;
}

export interface SubmissionActionInput {
  cycleYear: number;
  period?: string | undefined;
  unitCode: string;
  action: SubmissionAction;
  actor: string;
  comment?: string | undefined;
  exceptions?: SubmissionException[] | undefined;
  /** On submit: the subjects of the unit's scope sent ungraded, each with a reason (checkSubjectsGraded). */
  ungradedExceptions?: { evaluationId: string; reason: string }[] | undefined;
  /**
   * When the parent received the unit's paper report (a submit recorded later by the parent; the
   * caller checks the parent's rights); never in the future. The submit itself always takes server time.
   */
  receivedAt?: string | undefined;
  /** The version the caller read (0: no report yet); another current version is a Conflict. */
  expectedVersion?: number | undefined;
}

function staleReport(unitCode: string, expected: number, current: number): AppError {
  return new AppError(
    'Conflict',
    {
      vi: `Báo cáo của «${unitCode}» vừa được người khác thay đổi (phiên bản ${current}, bạn xem phiên bản ${expected}); hãy xem lại trạng thái hiện tại rồi làm lại.`,
      en: `The report of "${unitCode}" was changed meanwhile (version ${current}, you read ${expected}); review its current state and try again.`,
    },
    { field: 'version' },
  );
}

function receivedInstant(at: string): string {
  const ms = Date.parse(at);
  if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}T/.test(at)) {
    throw new AppError('ValidationFailed', { vi: `Thời điểm nhận «${at}» không hợp lệ (ISO 8601, ví dụ 2023-12-08T09:00:00+07:00).`, en: `Invalid instant "${at}".` }, { field: 'receivedAt' });
  }
  const iso = new Date(ms).toISOString();
  if (iso > nowIso()) throw new AppError('ValidationFailed', { vi: 'Thời điểm nhận báo cáo không thể ở tương lai.', en: 'The receipt cannot be in the future.' }, { field: 'receivedAt' });
  return iso;
}

function receiptOnlyOnSubmit(): AppError {
  return new AppError(
    'ValidationFailed',
    { vi: 'Thời điểm nhận báo cáo giấy (receivedAt) chỉ ghi khi cấp trên ghi nhận việc nộp (submit).', en: 'receivedAt is recorded with a submit only.' },
    { field: 'receivedAt' },
  );
}

function ungradedOnlyOnSubmit(): AppError {
  return new AppError(
    'ValidationFailed',
    { vi: 'Danh sách đối tượng chưa xếp loại kèm lý do (ungradedExceptions) chỉ ghi khi gửi kết quả (submit).', en: 'ungradedExceptions go with a submit only.' },
    { field: 'ungradedExceptions' },
  );
}

/** The subjects of the unit's workspace still to be graded (no proposed or decided grade). */
async function ungradedOf(db: Db, cycle: Cycle, unit: { unitId: string; code: string }): Promise<UngradedSubject[]> {
  const children = await listChildrenAt(db, unit.code, cycle.referenceDate);
  return listUngradedInScope(db, { cycleId: cycle.id, unitId: unit.unitId, childIds: children.map((c) => c.unitId), date: cycle.referenceDate });
}

/** The subjects a unit would send ungraded now: the list the «Gửi kết quả» dialog shows before submitting. */
export async function listUngradedSubjects(db: Db, input: { cycleYear: number; period?: string | undefined; unitCode: string }): Promise<UngradedSubject[]> {
  const cycle = await getCycle(db, { year: input.cycleYear, period: input.period });
  return ungradedOf(db, cycle, await getUnitAt(db, input.unitCode, cycle.referenceDate));
}

async function statusOf(db: Db, cycleId: string, unitId: string): Promise<SubmissionStatus | 'none'> {
  return (await findSubmission(db, { cycleId, unitId }))?.status ?? 'none';
}

/**
 * Applies one action to a unit's report: SubmissionLocked when the parent's report is locked,
 * SubmissionStateInvalid when the action does not apply, SubjectsNotGraded when submitting with
 * subjects of the scope ungraded and not named as exceptions with a reason, ChildrenNotAccepted when
 * accepting before the children, ReasonRequired for a return without a comment. One transaction; nothing changes on error.
 */
export async function applySubmissionAction(db: Db, input: SubmissionActionInput): Promise<SubmissionRow> {
  const at = nowIso();
  if (input.receivedAt !== undefined && input.action !== 'submit') throw receiptOnlyOnSubmit();
  const receivedAt = input.receivedAt === undefined ? undefined : receivedInstant(input.receivedAt);
  const comment = input.comment?.trim() || null;
  if (input.action === 'return' && !comment) {
    throw new AppError('ReasonRequired', { vi: 'Trả lại báo cáo phải ghi rõ lý do.', en: 'Returning a report needs a comment.' }, { field: 'comment' });
  }
  return inTransaction(db, async (trx) => {
    const cycle = await getCycle(trx, { year: input.cycleYear, period: input.period });
    const unit = await getUnitAt(trx, input.unitCode, cycle.referenceDate);
    if (unit.parentCode) {
      const parent = await getUnitAt(trx, unit.parentCode, cycle.referenceDate);
      assertParentOpen({ parentStatus: await statusOf(trx, cycle.id, parent.unitId), parentCode: parent.code, unitCode: unit.code });
    }
    const existing = await findSubmission(trx, { cycleId: cycle.id, unitId: unit.unitId });
    const current = existing?.version ?? 0;
    if (input.expectedVersion !== undefined && input.expectedVersion !== current) throw staleReport(unit.code, input.expectedVersion, current);
    const status = nextSubmissionStatus(existing?.status ?? 'none', input.action, unit.code);
    let exceptions = existing?.exceptions ?? [];
    let ungradedExceptions = existing?.ungradedExceptions ?? [];
    if (input.action !== 'submit' && input.ungradedExceptions !== undefined) throw ungradedOnlyOnSubmit();
    if (input.action === 'submit') {
      ungradedExceptions = checkSubjectsGraded({ unitCode: unit.code, ungraded: await ungradedOf(trx, cycle, unit), exceptions: input.ungradedExceptions ?? [] });
    }
    if (input.action === 'accept') {
      const children = await listChildrenAt(trx, unit.code, cycle.referenceDate);
      const stored = await listSubmissions(trx, { cycleId: cycle.id, unitIds: children.map((c) => c.unitId) });
      const states = children.map((c) => ({ code: c.code, status: stored.get(c.unitId)?.status ?? ('none' as const) }));
      exceptions = checkChildrenAccepted({ unitCode: unit.code, children: states, exceptions: input.exceptions ?? [] });
    }
    const submitted = input.action === 'submit';
    const written = await writeSubmission(trx, {
      existing,
      cycleId: cycle.id,
      unitId: unit.unitId,
      action: input.action,
      status,
      submittedAt: submitted ? at : (existing?.submittedAt ?? null),
      // A new submit without a receipt is the unit's own, on server time: an older receipt no longer applies.
      receivedAt: submitted ? (receivedAt ?? null) : (existing?.receivedAt ?? null),
      decidedAt: ['return', 'accept', 'lock'].includes(input.action) ? at : (existing?.decidedAt ?? null),
      comment: comment ?? (submitted ? null : (existing?.comment ?? null)),
      exceptions,
      ungradedExceptions,
      at: nextInstant(nowIso(), existing?.updatedAt ?? ''),
      actor: input.actor,
    });
    const calendar = calendarWithOverrides(await listCalendarOverrides(trx));
    return toRow(cycle, { code: unit.code, name: unit.name, kind: unit.kind, parentCode: unit.parentCode }, written, calendar);
  });
}

function deadlineOf(cycle: Cycle, kind: UnitKind): string | null {
  return cycle.deadlines.find((d) => d.level === kind)?.dueOn ?? null;
}

function toRow(
  cycle: Cycle,
  unit: { code: string; name: string; kind: UnitKind; parentCode: string | null },
  s: Submission | undefined,
  calendar: ReturnType<typeof calendarWithOverrides>,
): SubmissionRow {
  const status = s?.status ?? 'none';
  const deadline = deadlineOf(cycle, unit.kind);
  return {
    unitCode: unit.code,
    unitName: unit.name,
    kind: unit.kind,
    parentCode: unit.parentCode,
    status,
    submittedAt: s?.submittedAt ?? null,
    receivedAt: s?.receivedAt ?? null,
    decidedAt: s?.decidedAt ?? null,
    comment: s?.comment ?? null,
    exceptions: s?.exceptions ?? [],
    ungradedExceptions: s?.ungradedExceptions ?? [],
    deadline,
    timing: reportTiming({ status, submittedAt: s?.receivedAt ?? s?.submittedAt ?? null, deadline, calendar }),
    version: s?.version ?? 0,
  };
}

/**
 * Reports of a cycle with their timing: the unit itself and its direct children when `unitCode` is
 * given, else every unit of the tree whose level has a deadline, in tree order.
 */
export async function listSubmissionStatus(db: Db, input: { cycleYear: number; period?: string | undefined; unitCode?: string | undefined }) {
  const cycle = await getCycle(db, { year: input.cycleYear, period: input.period });
  const calendar = calendarWithOverrides(await listCalendarOverrides(db));
  const date = cycle.referenceDate;
  let units: { unitId: string; code: string; name: string; kind: UnitKind; parentCode: string | null }[];
  let self: (typeof units)[number] | undefined;
  if (input.unitCode) {
    const u = await getUnitAt(db, input.unitCode, date);
    self = u;
    units = await listChildrenAt(db, u.code, date);
  } else {
    const roots = await listRootUnitCodes(db, date);
    units = [];
    for (const code of roots) units.push(...(await getSubtreeAt(db, code, date)).filter((u) => deadlineOf(cycle, u.kind) !== null));
  }
  const stored = await listSubmissions(db, { cycleId: cycle.id, unitIds: [...units, ...(self ? [self] : [])].map((u) => u.unitId) });
  const row = (u: (typeof units)[number]) => toRow(cycle, u, stored.get(u.unitId), calendar);
  return { cycle: { year: cycle.year, period: cycle.period }, unit: self ? row(self) : null, children: units.map(row) };
}

/** The transitions of one unit's report. */
export async function getSubmissionHistory(db: Db, input: { cycleYear: number; period?: string | undefined; unitCode: string }) {
  const cycle = await getCycle(db, { year: input.cycleYear, period: input.period });
  const unit = await getUnitAt(db, input.unitCode, cycle.referenceDate);
  const s = await findSubmission(db, { cycleId: cycle.id, unitId: unit.unitId });
  return s ? listSubmissionEvents(db, s.id) : [];
}

/** Configures a day off or working day of the calendar used for timings and review records. */
export async function configureCalendarDay(db: Db, input: { date: string; kind: string; name: string }): Promise<void> {
  assertCalendarOverride(input);
  await inTransaction(db, (trx) => setCalendarOverride(trx, input));
}

/** The configured days (days off and working days set by an administrator), by date. */
export async function listCalendarDays(db: Db) {
  return listCalendarOverrides(db);
}

/** The calendar with configured days, for the other services. */
export async function loadCalendar(db: Db) {
  return calendarWithOverrides(await listCalendarOverrides(db));
}
