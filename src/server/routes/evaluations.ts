/** Evaluations of a cycle, one evaluation with its history, updates and regrades: parse → call → present. */
import { Hono } from 'hono';
import { z } from 'zod';
import { ELIGIBILITY, SUBJECT_KINDS } from '../../domain/codes.js';
import { getCycle, getCycleById } from '../../db/queries/cycles.js';
import { listEvaluationHistory } from '../../db/queries/evaluation-history.js';
import { getUnitIdByCode, resolveSubject } from '../../db/queries/evaluation-subjects.js';
import { getEvaluation, listEvaluations } from '../../db/queries/evaluations.js';
import { regradeEvaluation } from '../../services/grading.js';
import { createWithFacts, editEvaluation, type FactsInput } from '../../services/evaluation-facts.js';
import { AppError } from '../../domain/errors.js';
import type { Db } from '../../db/create-db.js';
import type { AppEnv } from '../app.js';
import { authorize, currentUser, scopeUnitIds } from '../authorize.js';
import { parseBody, parseQuery } from '../validate.js';
import { expectedVersionOf, setEtag } from '../etag.js';
import { actorOf, parseYear } from './cycles.js';

export const tasks = z.strictObject({ total: z.number(), onTime: z.number(), late: z.number(), exceeding: z.number() });
/** Free fields and facts: note, reviewed, QĐ 366 score and task counts, civil-servant grade, own discipline. */
const free = {
  reviewed: z.boolean().nullable().optional(),
  note: z.string().nullable().optional(),
  score: z.number().nullable().optional(),
  tasks: tasks.nullable().optional(),
  civilServantGrade: z.string().nullable().optional(),
  discipline: z.strictObject({ level: z.string(), on: z.string(), selfDetectedRemedied: z.boolean().optional() }).nullable().optional(),
  reason: z.string().optional(),
};

/**
 * Fields a plain create or edit may not set, with the endpoint that sets them with its checks
 * (authority, ceilings, stage, reasons, justifications): one text for both languages unless the
 * Vietnamese says more.
 */
const WORKFLOW_FIELDS: Record<string, string | { vi: string; en: string }> = {
  selfGrade: 'POST /api/evaluations/:id/self-assess',
  proposedGrade: 'POST /api/evaluations/:id/propose',
  decidedGrade: { vi: 'POST /api/evaluations/:id/decide (sau khi công bố: /regrade, có lý do)', en: 'POST /api/evaluations/:id/decide (after publication: /regrade with a reason)' },
  decidingUnit: 'POST /api/evaluations/:id/decide',
  khtReasons: { vi: 'khtReasons của /propose, /decide hoặc /regrade', en: 'khtReasons of /propose, /decide or /regrade' },
  eligibility: { vi: 'POST /api/evaluations/:id/eligibility (có lý do) hoặc /api/cycles/:year/eligibility/compute', en: 'POST /api/evaluations/:id/eligibility (with a reason) or /api/cycles/:year/eligibility/compute' },
  eligibilityReason: 'POST /api/evaluations/:id/eligibility',
};
const refusedFields = Object.fromEntries(Object.keys(WORKFLOW_FIELDS).map((k) => [k, z.unknown().optional()]));

/** Refuses a workflow field given to a plain create or edit: 400 naming the field and the endpoint to use. */
function refuseWorkflowFields(body: Record<string, unknown>): void {
  const field = Object.keys(WORKFLOW_FIELDS).find((k) => body[k] !== undefined);
  if (field === undefined) return;
  const use = WORKFLOW_FIELDS[field]!;
  const to = typeof use === 'string' ? { vi: use, en: use } : use;
  throw new AppError(
    'ValidationFailed',
    {
      vi: `Không được ghi trực tiếp trường «${field}»: xếp loại và diện đánh giá phải qua quy trình để kiểm tra thẩm quyền, mức tối đa, bước, lý do; dùng ${to.vi}.`,
      en: `Field "${field}" cannot be written directly: grades and eligibility go through the workflow's checks; use ${to.en}.`,
    },
    { field, details: { use: to.en } },
  );
}

export const createBody = z.strictObject({
  period: z.string().min(1).optional(),
  subjectKind: z.string(),
  subjectRef: z.string().min(1),
  ...free,
  ...refusedFields,
});
/** `version` (or `If-Match`): the version the caller read; one of them is required. */
export const patchBody = z.strictObject({ version: z.number().int().min(1).optional(), ...free, ...refusedFields });
export const regradeBody = z.strictObject({
  grade: z.string(),
  reason: z.string().optional(),
  khtReasons: z.array(z.string()).optional(),
  version: z.number().int().min(1).optional(),
  /** The committee re-grading (the competent authority or one above it); default the user's scope unit. Always checked. */
  byUnit: z.string().min(1).optional(),
  /** Acknowledges the grade's warnings (a cap overrun). */
  justification: z.string().optional(),
  score: z.number().nullable().optional(),
  tasks: tasks.nullable().optional(),
  civilServantGrade: z.string().nullable().optional(),
  discipline: z.strictObject({ level: z.string(), on: z.string(), selfDetectedRemedied: z.boolean().optional() }).nullable().optional(),
});
export const listQuery = z.object({
  period: z.string().min(1).optional(),
  unit: z.string().min(1).optional(),
  subjectKind: z.enum(SUBJECT_KINDS).optional(),
  eligibility: z.enum(ELIGIBILITY).optional(),
});

/** The facts given in a body (absent ones left out, null clears). */
function pickFacts(body: { score?: number | null | undefined; tasks?: z.infer<typeof tasks> | null | undefined; civilServantGrade?: string | null | undefined; discipline?: { level: string; on: string; selfDetectedRemedied?: boolean | undefined } | null | undefined }): FactsInput {
  const { score, tasks: t, civilServantGrade, discipline } = body;
  return Object.fromEntries(Object.entries({ score, tasks: t, civilServantGrade, discipline }).filter(([, v]) => v !== undefined)) as FactsInput;
}

/** The evaluation's unit and its cycle's reference date, to authorise against the tree of that day. */
async function evaluationTarget(db: Db, id: string): Promise<{ unitId: string; date: string }> {
  const evaluation = await getEvaluation(db, id);
  return { unitId: evaluation.unitId, date: (await getCycleById(db, evaluation.cycleId)).referenceDate };
}

/** Routes under /api: /cycles/:year/evaluations, /evaluations/:id, /evaluations/:id/regrade. */
export function evaluationRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/cycles/:year/evaluations', async (c) => {
    const { db } = c.var.deps;
    const year = parseYear(c);
    const q = parseQuery(c, listQuery);
    const cycle = await getCycle(db, { year, period: q.period });
    // A unit filter needs that unit in scope; no filter means the user's whole scope, not the whole tree.
    const unitIds =
      q.unit === undefined
        ? await scopeUnitIds(c, cycle.referenceDate)
        : [await authorize(c, { unitId: await getUnitIdByCode(db, q.unit, 'unit'), action: 'read', date: cycle.referenceDate })];
    const filter = { cycleId: cycle.id, unitIds, subjectKind: q.subjectKind, eligibility: q.eligibility };
    return c.json({ evaluations: await listEvaluations(db, filter) });
  });
  r.post('/cycles/:year/evaluations', async (c) => {
    const cycleYear = parseYear(c);
    const body = await parseBody(c, createBody);
    refuseWorkflowFields(body);
    const { db } = c.var.deps;
    const cycle = await getCycle(db, { year: cycleYear, period: body.period });
    const subject = await resolveSubject(db, { kind: body.subjectKind, ref: body.subjectRef, on: cycle.referenceDate });
    await authorize(c, { unitId: subject.unitId, action: 'write', date: cycle.referenceDate });
    const { period, subjectKind, subjectRef, reviewed, note, reason, ...facts } = body;
    return c.json(await createWithFacts(db, { cycleYear, period, subjectKind, subjectRef, reviewed, note, reason, actor: actorOf(c) }, pickFacts(facts)), 201);
  });
  r.get('/evaluations/:id', async (c) => {
    const { db } = c.var.deps;
    const evaluation = await getEvaluation(db, c.req.param('id'));
    const { referenceDate } = await getCycleById(db, evaluation.cycleId);
    await authorize(c, { unitId: evaluation.unitId, action: 'read', date: referenceDate });
    setEtag(c, evaluation);
    return c.json({ ...evaluation, history: await listEvaluationHistory(db, evaluation.id) });
  });
  r.patch('/evaluations/:id', async (c) => {
    const body = await parseBody(c, patchBody);
    refuseWorkflowFields(body);
    const target = await evaluationTarget(c.var.deps.db, c.req.param('id'));
    await authorize(c, { ...target, action: 'write' });
    const { version, reviewed, note, reason, ...facts } = body;
    const input = { reviewed, note, reason, ...pickFacts(facts), expectedVersion: expectedVersionOf(c, version, { required: true }) };
    const edited = await editEvaluation(c.var.deps.db, c.req.param('id'), input, actorOf(c));
    setEtag(c, edited);
    return c.json(edited);
  });
  r.post('/evaluations/:id/regrade', async (c) => {
    const body = await parseBody(c, regradeBody);
    const target = await evaluationTarget(c.var.deps.db, c.req.param('id'));
    await authorize(c, { ...target, action: 'decide' });
    // The acting body is always known and checked: named, or the user's own scope unit (GUIDE.md §4.8).
    const byUnit = body.byUnit ?? currentUser(c).scopeUnitCode;
    await authorize(c, { unitCode: byUnit, action: 'decide', date: target.date });
    const input = { ...body, byUnit, evaluationId: c.req.param('id'), reason: body.reason ?? '', actor: actorOf(c) };
    // Through the workflow: only after publication when tracked, checked like any grade (src/services/grading.ts).
    const { evaluation } = await regradeEvaluation(c.var.deps.db, { ...input, expectedVersion: expectedVersionOf(c, body.version) });
    setEtag(c, evaluation);
    return c.json(evaluation);
  });
  return r;
}
