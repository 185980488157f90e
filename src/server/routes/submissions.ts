/**
 * Units' reports to their parent (status and timing), review meeting records and the configured
 * calendar days over HTTP. Parse → authorise → call → present.
 */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { getCycle } from '../../db/queries/cycles.js';
import { getUnitAt } from '../../db/queries/units.js';
import { SUBMISSION_ACTIONS, type SubmissionAction } from '../../domain/workflow/submissions.js';
import { listRecordsWithChecks, recordReview } from '../../services/review-records.js';
import { applySubmissionAction, configureCalendarDay, getSubmissionHistory, listCalendarDays, listSubmissionStatus, listUngradedSubjects } from '../../services/submissions.js';
import { getCollectiveForReview, personNotFound } from '../../db/queries/review-records.js';
import type { AppEnv } from '../app.js';
import { authorize, authorizeRole, currentUser, mayReadPerson } from '../authorize.js';
import { parseBody, parseQuery, parseWith } from '../validate.js';
import { AppError, isAppError } from '../../domain/errors.js';
import { can, ROLE_LABELS } from '../../domain/access.js';
import { actorOf, parseYear } from './cycles.js';

export const listQuery = z.object({ period: z.string().min(1).optional(), unit: z.string().min(1).optional() });
export const actionParam = z.object({ action: z.enum(SUBMISSION_ACTIONS) });
export const actionBody = z.strictObject({
  period: z.string().min(1).optional(),
  comment: z.string().optional(),
  exceptions: z.array(z.strictObject({ unitCode: z.string().min(1), reason: z.string() })).optional(),
  /** On submit: subjects of the unit's scope sent ungraded, each with a reason (GET …/ungraded lists them). */
  ungradedExceptions: z.array(z.strictObject({ evaluationId: z.string().min(1), reason: z.string() })).optional(),
  /** When the parent received a paper report (ISO 8601): only the parent's compiler or administrator records it. */
  receivedAt: z.string().optional(),
  /** Refused: a unit's own submit always takes server time. */
  at: z.unknown().optional(),
  /** The report's version the caller read (0 before the first action); a stale one is a 409 Conflict. */
  version: z.number().int().min(0).optional(),
});
export const recordBody = z.strictObject({
  period: z.string().min(1).optional(),
  subjectKind: z.string(),
  subjectRef: z.string().min(1),
  meetingStart: z.string(),
  meetingEnd: z.string(),
  durationDays: z.number().positive(),
  draftCirculatedOn: z.string().nullable().optional(),
  attendingCard: z.string().nullable().optional(),
  notes: z.string().nullable().optional(),
});
export const calendarBody = z.strictObject({ date: z.string(), kind: z.string(), name: z.string() });

function parseAction(c: Context): SubmissionAction {
  return parseWith(actionParam, { action: c.req.param('action') }, 'params').action;
}

function backdating(): AppError {
  return new AppError(
    'ValidationFailed',
    {
      vi: 'Không được tự ghi thời điểm nộp («at»): báo cáo nộp trên hệ thống lấy giờ máy chủ; báo cáo giấy do cấp trên ghi thời điểm nhận («receivedAt»).',
      en: 'Field "at" is not accepted: a submit takes server time; the parent records a paper report with "receivedAt".',
    },
    { field: 'at' },
  );
}

/** A paper report's receipt is the parent committee's record, kept by its compiler (GUIDE.md §4.9). */
function receiptRefused(c: Context<AppEnv>, parentCode: string): AppError {
  const user = currentUser(c);
  return new AppError('Forbidden', {
    vi: `Tài khoản «${user.username}» (${ROLE_LABELS[user.role]}) không được ghi thời điểm nhận báo cáo giấy («receivedAt»): việc ghi nhận báo cáo giấy đến lúc nào thuộc Ban Tổ chức (cán bộ tổng hợp) của cấp ủy cấp trên «${parentCode}». Đơn vị tự nộp thì bỏ «receivedAt»: hệ thống lấy giờ máy chủ.`,
    en: `User "${user.username}" (${user.role}) may not record "receivedAt": when a paper report arrived is recorded by the compiler of the parent committee "${parentCode}". A unit's own submit omits it and takes server time.`,
  });
}

/** Without a unit filter: the user's scope unit (the administrator: the whole tree). */
function defaultUnit(c: Context<AppEnv>, unit: string | undefined): string | undefined {
  if (unit !== undefined) return unit;
  const user = currentUser(c);
  return user.role === 'admin' ? undefined : user.scopeUnitCode;
}

/** The cycle and unit of `/cycles/:year/submissions/:unitCode/…`, after checking the user may read the unit then. */
async function readableUnitReport(c: Context<AppEnv>): Promise<{ cycleYear: number; period: string | undefined; unitCode: string }> {
  const year = parseYear(c);
  const q = parseQuery(c, listQuery);
  const cycle = await getCycle(c.var.deps.db, { year, period: q.period });
  const unitCode = c.req.param('unitCode') ?? '';
  await authorize(c, { unitCode, action: 'read', date: cycle.referenceDate });
  return { cycleYear: year, period: q.period, unitCode };
}

/** Routes under /api: /cycles/:year/submissions…, /cycles/:year/review-records, /calendar/days. */
export function submissionRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/cycles/:year/submissions', async (c) => {
    const year = parseYear(c);
    const q = parseQuery(c, listQuery);
    const { db } = c.var.deps;
    const cycle = await getCycle(db, { year, period: q.period });
    const unit = defaultUnit(c, q.unit);
    if (unit !== undefined) await authorize(c, { unitCode: unit, action: 'read', date: cycle.referenceDate });
    return c.json(await listSubmissionStatus(db, { cycleYear: year, period: q.period, unitCode: unit }));
  });
  r.get('/cycles/:year/submissions/:unitCode/ungraded', async (c) => {
    const key = await readableUnitReport(c);
    return c.json({ ungraded: await listUngradedSubjects(c.var.deps.db, key) });
  });
  r.get('/cycles/:year/submissions/:unitCode/history', async (c) => {
    const key = await readableUnitReport(c);
    return c.json({ events: await getSubmissionHistory(c.var.deps.db, key) });
  });
  r.post('/cycles/:year/submissions/:unitCode/:action', async (c) => {
    const year = parseYear(c);
    const action = parseAction(c);
    const body = await parseBody(c, actionBody);
    const { db } = c.var.deps;
    const cycle = await getCycle(db, { year, period: body.period });
    const unit = await getUnitAt(db, c.req.param('unitCode'), cycle.referenceDate);
    // The unit drafts and submits its own report; its parent returns, accepts and locks it.
    const byParent = action === 'return' || action === 'accept' || action === 'lock';
    const acting = byParent && unit.parentCode ? unit.parentCode : unit.code;
    await authorize(c, { unitCode: acting, action: 'write', date: cycle.referenceDate });
    if (body.at !== undefined) throw backdating();
    // A paper report's receipt is the parent's record: decide rights on the parent (its compiler, the administrator).
    if (body.receivedAt !== undefined) {
      if (!unit.parentCode) throw new AppError('ValidationFailed', { vi: 'Đơn vị cao nhất không có cấp trên để ghi nhận báo cáo giấy.', en: 'The top unit has no parent to record a paper receipt.' }, { field: 'receivedAt' });
      if (!can(currentUser(c).role, 'decide')) throw receiptRefused(c, unit.parentCode);
      await authorize(c, { unitCode: unit.parentCode, action: 'decide', date: cycle.referenceDate });
    }
    const input = { cycleYear: year, period: body.period, unitCode: unit.code, action, comment: body.comment, exceptions: body.exceptions, ungradedExceptions: body.ungradedExceptions, receivedAt: body.receivedAt, expectedVersion: body.version, actor: actorOf(c) };
    return c.json(await applySubmissionAction(db, input));
  });
  r.get('/cycles/:year/review-records', async (c) => {
    const year = parseYear(c);
    const q = parseQuery(c, listQuery);
    const cycle = await getCycle(c.var.deps.db, { year, period: q.period });
    const unit = defaultUnit(c, q.unit);
    if (unit !== undefined) await authorize(c, { unitCode: unit, action: 'read', date: cycle.referenceDate });
    return c.json({ records: await listRecordsWithChecks(c.var.deps.db, { cycleYear: year, period: q.period, unitCode: unit }) });
  });
  r.post('/cycles/:year/review-records', async (c) => {
    const year = parseYear(c);
    const body = await parseBody(c, recordBody);
    const { db } = c.var.deps;
    const cycle = await getCycle(db, { year, period: body.period });
    const collectiveUnitId = body.subjectKind === 'collective' ? (await getCollectiveForReview(db, body.subjectRef)).unit_id : undefined;
    if (collectiveUnitId !== undefined) await authorize(c, { unitId: collectiveUnitId, action: 'write', date: cycle.referenceDate });
    else await authorize(c, { unitCode: body.subjectRef, action: 'write', date: cycle.referenceDate });
    try {
      return c.json(await recordReview(db, { cycleYear: year, ...body, actor: actorOf(c) }), 201);
    } catch (e) {
      // A card refused as no superior committee member answers, outside the user's scope, exactly as an unknown one.
      if (body.attendingCard && isAppError(e) && e.field === 'attendingCard' && e.code !== 'PersonNotFound' && !(await mayReadPerson(c, body.attendingCard))) {
        throw personNotFound(body.attendingCard, 'attendingCard');
      }
      throw e;
    }
  });
  // The configured days off and working days (the statutory holidays are the product's own data).
  r.get('/calendar/days', async (c) => {
    authorizeRole(c, 'read');
    return c.json({ days: await listCalendarDays(c.var.deps.db) });
  });
  r.put('/calendar/days', async (c) => {
    const body = await parseBody(c, calendarBody);
    authorizeRole(c, 'admin');
    await configureCalendarDay(c.var.deps.db, body);
    return c.json({ ok: true, ...body });
  });
  return r;
}
