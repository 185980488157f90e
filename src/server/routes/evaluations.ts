/** Evaluations of a cycle, one evaluation with its history, updates and regrades: parse → call → present. */
import { Hono } from 'hono';
import { z } from 'zod';
import { ELIGIBILITY, SUBJECT_KINDS } from '../../domain/codes.js';
import { getCycle, getCycleById } from '../../db/queries/cycles.js';
import { listEvaluationHistory } from '../../db/queries/evaluation-history.js';
import { getUnitIdByCode, resolveSubject } from '../../db/queries/evaluation-subjects.js';
import { createEvaluation, getEvaluation, listEvaluations, updateEvaluation } from '../../db/queries/evaluations.js';
import { regradeEvaluation } from '../../services/grading.js';
import type { Action } from '../../domain/access.js';
import type { Db } from '../../db/create-db.js';
import type { AppEnv } from '../app.js';
import { authorize, scopeUnitIds } from '../authorize.js';
import { parseBody, parseQuery } from '../validate.js';
import { actorOf, parseYear } from './cycles.js';

const grade = z.string().nullable().optional();
const fields = {
  eligibility: z.string().optional(),
  eligibilityReason: z.string().nullable().optional(),
  reviewed: z.boolean().nullable().optional(),
  selfGrade: grade,
  proposedGrade: grade,
  decidedGrade: grade,
  decidingUnit: z.string().nullable().optional(),
  khtReasons: z.array(z.string()).optional(),
  score: z.number().nullable().optional(),
  note: z.string().nullable().optional(),
  reason: z.string().optional(),
};

const createBody = z.strictObject({
  period: z.string().min(1).optional(),
  subjectKind: z.string(),
  subjectRef: z.string().min(1),
  ...fields,
});
const patchBody = z.strictObject({ version: z.number().int().min(1), ...fields });
const regradeBody = z.strictObject({
  grade: z.string(),
  reason: z.string().optional(),
  khtReasons: z.array(z.string()).optional(),
  version: z.number().int().min(1).optional(),
  /** The committee re-grading (the competent authority or one above it); checked when given. */
  byUnit: z.string().min(1).optional(),
  /** Acknowledges the grade's warnings (a cap overrun). */
  justification: z.string().optional(),
});
const listQuery = z.object({
  period: z.string().min(1).optional(),
  unit: z.string().min(1).optional(),
  subjectKind: z.enum(SUBJECT_KINDS).optional(),
  eligibility: z.enum(ELIGIBILITY).optional(),
});

/** Recording a decided grade or its deciding body is a decision (GUIDE.md §4.7); other fields are writes. */
function actionFor(fields: { decidedGrade?: unknown; decidingUnit?: unknown }): Action {
  return fields.decidedGrade !== undefined || fields.decidingUnit !== undefined ? 'decide' : 'write';
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
    const { db } = c.var.deps;
    const cycle = await getCycle(db, { year: cycleYear, period: body.period });
    const subject = await resolveSubject(db, { kind: body.subjectKind, ref: body.subjectRef, on: cycle.referenceDate });
    await authorize(c, { unitId: subject.unitId, action: actionFor(body), date: cycle.referenceDate });
    return c.json(await createEvaluation(db, { ...body, cycleYear, actor: actorOf(c) }), 201);
  });
  r.get('/evaluations/:id', async (c) => {
    const { db } = c.var.deps;
    const evaluation = await getEvaluation(db, c.req.param('id'));
    const { referenceDate } = await getCycleById(db, evaluation.cycleId);
    await authorize(c, { unitId: evaluation.unitId, action: 'read', date: referenceDate });
    return c.json({ ...evaluation, history: await listEvaluationHistory(db, evaluation.id) });
  });
  r.patch('/evaluations/:id', async (c) => {
    const { version, reason, ...patch } = await parseBody(c, patchBody);
    const target = await evaluationTarget(c.var.deps.db, c.req.param('id'));
    await authorize(c, { ...target, action: actionFor(patch) });
    const options = { actor: actorOf(c), reason, expectedVersion: version };
    return c.json(await updateEvaluation(c.var.deps.db, c.req.param('id'), patch, options));
  });
  r.post('/evaluations/:id/regrade', async (c) => {
    const body = await parseBody(c, regradeBody);
    const target = await evaluationTarget(c.var.deps.db, c.req.param('id'));
    await authorize(c, { ...target, action: 'decide' });
    if (body.byUnit !== undefined) await authorize(c, { unitCode: body.byUnit, action: 'decide', date: target.date });
    const input = { ...body, evaluationId: c.req.param('id'), reason: body.reason ?? '', actor: actorOf(c) };
    // Through the workflow: only after publication when tracked, checked like any grade (src/services/grading.ts).
    return c.json((await regradeEvaluation(c.var.deps.db, { ...input, expectedVersion: body.version })).evaluation);
  });
  return r;
}
