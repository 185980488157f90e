/**
 * The grading workflow over HTTP: checks while grading, self-assessment, opinions, proposal,
 * appraisal, decision, publication; eligibility compute and override. Parse → authorise → call → present.
 */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { Db } from '../../db/create-db.js';
import { getCycle, getCycleById } from '../../db/queries/cycles.js';
import { getEvaluation } from '../../db/queries/evaluations.js';
import { addOpinion, appraise, decide, getWorkflow, gradingCheck, propose, publish, recordComplaint, reverify, selfAssess } from '../../services/grading.js';
import { computeAndStoreEligibility, overrideEligibility } from '../../services/eligibility.js';
import type { AppEnv } from '../app.js';
import { authorize, authorizeRole, currentUser } from '../authorize.js';
import { getCycleParameterView, setCycleParameters } from '../../services/rule-parameters.js';
import { parseBody, parseQuery } from '../validate.js';
import { expectedVersionOf, setEtag } from '../etag.js';
import { can, ROLE_LABELS } from '../../domain/access.js';
import { processSources } from '../../domain/workflow/process-sources.js';
import { AppError } from '../../domain/errors.js';
import { unitAncestors } from '../../db/queries/scope.js';
import { actorOf, parseYear } from './cycles.js';

/** Facts entered with a step: QĐ 366 score and task counts, civil-servant grade, a collective's or organisation's own discipline. */
const facts = {
  score: z.number().nullable().optional(),
  tasks: z.strictObject({ total: z.number(), onTime: z.number(), late: z.number(), exceeding: z.number() }).nullable().optional(),
  civilServantGrade: z.string().nullable().optional(),
  discipline: z.strictObject({ level: z.string(), on: z.string(), selfDetectedRemedied: z.boolean().optional() }).nullable().optional(),
};
const gradeStep = {
  grade: z.string(),
  justification: z.string().optional(),
  khtReasons: z.array(z.string()).optional(),
  version: z.number().int().min(1).optional(),
  ...facts,
};
/** `version`: the evaluation's version the caller read (a stale one is a 409 Conflict); optional for API clients. */
const readVersion = { version: z.number().int().min(1).optional() };
export const selfBody = z.strictObject({ grade: z.string(), comment: z.string().optional(), ...facts, ...readVersion });
export const opinionBody = z.strictObject({ bodyUnit: z.string().min(1).optional(), bodyName: z.string().optional(), proposedGrade: z.string().nullable().optional(), comment: z.string(), ...readVersion });
export const proposeBody = z.strictObject({ ...gradeStep, byUnit: z.string().min(1).optional() });
export const decideBody = z.strictObject({ grade: z.string(), justification: z.string().optional(), khtReasons: z.array(z.string()).optional(), version: z.number().int().min(1).optional(), decidingUnit: z.string().min(1) });
export const parametersBody = z.strictObject({ period: z.string().min(1).optional(), parameters: z.record(z.string(), z.unknown()), version: z.number().int().min(1).optional() });
const periodQuery = z.object({ period: z.string().min(1).optional() });
export const appraiseBody = z.strictObject({ grade: z.string().optional(), comment: z.string(), byUnit: z.string().min(1).optional(), ...readVersion });
export const publishBody = z.strictObject({ byUnit: z.string().min(1), ...readVersion });
export const complaintBody = z.strictObject({ comment: z.string(), ...readVersion });
export const reverifyBody = z.strictObject({ byUnit: z.string().min(1), comment: z.string(), ...readVersion });
export const checkQuery = z.object({ grade: z.string() });
export const computeBody = z.strictObject({ period: z.string().min(1).optional(), unit: z.string().min(1).optional() });
/** byUnit: the acting body once the grade is decided or frozen (default the user's scope unit), checked like a re-grade. */
export const overrideBody = z.strictObject({ status: z.string(), reason: z.string(), version: z.number().int().min(1).optional(), byUnit: z.string().min(1).optional() });

/** The evaluation's unit and its cycle's reference date, to authorise against the tree of that day. */
async function target(db: Db, id: string): Promise<{ unitId: string; date: string; ruleSet: string }> {
  const e = await getEvaluation(db, id);
  const cycle = await getCycleById(db, e.cycleId);
  return { unitId: e.unitId, date: cycle.referenceDate, ruleSet: cycle.ruleSet };
}

async function allow(c: Context<AppEnv>, action: 'read' | 'write' | 'decide', unit?: string): Promise<void> {
  const t = await target(c.var.deps.db, c.req.param('id') ?? '');
  // The evaluation's own unit always, and the acting unit too when one is named: naming a unit of
  // one's own scope must not open another cell's evaluation.
  await authorize(c, { unitId: t.unitId, date: t.date, action });
  if (unit !== undefined) await authorize(c, { unitCode: unit, action, date: t.date });
}

/**
 * Appraisal (thẩm định, QĐ 366 Điều 12 khoản 1 bước 2) is the organisation department's or a superior
 * committee's: decide rights on the subject (compiler, administrator), or a clerk working for a
 * committee above the subject's unit. A clerk of the subject's own unit is refused (403).
 */
async function allowAppraise(c: Context<AppEnv>, unit: string | undefined): Promise<void> {
  const user = currentUser(c);
  if (can(user.role, 'decide')) return allow(c, 'decide', unit);
  await allow(c, 'write', unit);
  const t = await target(c.var.deps.db, c.req.param('id') ?? '');
  if ((await unitAncestors(c.var.deps.db, t.unitId, t.date)).indexOf(user.scopeUnitId) >= 1) return;
  throw new AppError('Forbidden', {
    vi: `Tài khoản «${user.username}» (${ROLE_LABELS[user.role]}) không được thẩm định đối tượng của chính đơn vị «${user.scopeUnitCode}»: thẩm định thuộc Ban Tổ chức hoặc cấp ủy cấp trên (${processSources(t.ruleSet).appraisal}).`,
    en: `User "${user.username}" (${user.role}) may not appraise a subject of its own unit "${user.scopeUnitCode}": appraisal belongs to the organisation department or a committee above.`,
  });
}

/** The version the caller read (body `version` or `If-Match`), as the services take it. */
function version(c: Context<AppEnv>, body: { version?: number | undefined }) {
  const expectedVersion = expectedVersionOf(c, body.version);
  return expectedVersion === undefined ? {} : { expectedVersion };
}

/** Answers a step's result with the evaluation's ETag. */
function stepAnswer<T extends { evaluation: { version: number } }>(c: Context<AppEnv>, result: T, status: 200 | 201 = 200) {
  setEtag(c, result.evaluation);
  return c.json(result, status);
}

/** Routes under /api: /evaluations/:id/{check,workflow,self-assess,opinions,propose,appraise,decide,publish,eligibility}, /cycles/:year/eligibility/compute, /cycles/:year/parameters. */
export function workflowRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/evaluations/:id/check', async (c) => {
    const { grade } = parseQuery(c, checkQuery);
    await allow(c, 'read');
    return c.json(await gradingCheck(c.var.deps.db, { evaluationId: c.req.param('id'), grade }));
  });
  r.get('/evaluations/:id/workflow', async (c) => {
    await allow(c, 'read');
    return c.json(await getWorkflow(c.var.deps.db, c.req.param('id')));
  });
  r.post('/evaluations/:id/self-assess', async (c) => {
    const body = await parseBody(c, selfBody);
    await allow(c, 'write');
    return stepAnswer(c, await selfAssess(c.var.deps.db, { evaluationId: c.req.param('id'), ...body, ...version(c, body), actor: actorOf(c) }));
  });
  r.post('/evaluations/:id/opinions', async (c) => {
    const body = await parseBody(c, opinionBody);
    // The body credited with the opinion is a reference like any acting unit: in the user's scope (another body: by name, `bodyName`).
    await allow(c, 'write', body.bodyUnit);
    return stepAnswer(c, await addOpinion(c.var.deps.db, { evaluationId: c.req.param('id'), ...body, ...version(c, body), actor: actorOf(c) }), 201);
  });
  r.post('/evaluations/:id/propose', async (c) => {
    const body = await parseBody(c, proposeBody);
    await allow(c, 'write', body.byUnit);
    return stepAnswer(c, await propose(c.var.deps.db, { evaluationId: c.req.param('id'), ...body, ...version(c, body), actor: actorOf(c) }));
  });
  r.post('/evaluations/:id/appraise', async (c) => {
    const body = await parseBody(c, appraiseBody);
    await allowAppraise(c, body.byUnit);
    return stepAnswer(c, await appraise(c.var.deps.db, { evaluationId: c.req.param('id'), ...body, ...version(c, body), actor: actorOf(c) }));
  });
  r.post('/evaluations/:id/decide', async (c) => {
    const body = await parseBody(c, decideBody);
    await allow(c, 'decide', body.decidingUnit);
    return stepAnswer(c, await decide(c.var.deps.db, { evaluationId: c.req.param('id'), ...body, ...version(c, body), actor: actorOf(c) }));
  });
  r.post('/evaluations/:id/publish', async (c) => {
    const body = await parseBody(c, publishBody);
    await allow(c, 'decide', body.byUnit);
    return stepAnswer(c, await publish(c.var.deps.db, { evaluationId: c.req.param('id'), ...body, ...version(c, body), actor: actorOf(c) }));
  });
  r.post('/evaluations/:id/complaint', async (c) => {
    const body = await parseBody(c, complaintBody);
    await allow(c, 'write');
    return c.json(await recordComplaint(c.var.deps.db, { evaluationId: c.req.param('id'), comment: body.comment, ...version(c, body), actor: actorOf(c) }), 201);
  });
  r.post('/evaluations/:id/reverify', async (c) => {
    const body = await parseBody(c, reverifyBody);
    await allow(c, 'decide', body.byUnit);
    return c.json(await reverify(c.var.deps.db, { evaluationId: c.req.param('id'), byUnit: body.byUnit, comment: body.comment, ...version(c, body), actor: actorOf(c) }));
  });
  r.post('/evaluations/:id/eligibility', async (c) => {
    const body = await parseBody(c, overrideBody);
    await allow(c, 'decide', body.byUnit);
    const byUnit = body.byUnit ?? currentUser(c).scopeUnitCode;
    const evaluation = await overrideEligibility(c.var.deps.db, { evaluationId: c.req.param('id'), status: body.status, reason: body.reason, byUnit, ...version(c, body), actor: actorOf(c) });
    setEtag(c, evaluation);
    return c.json(evaluation);
  });
  r.post('/cycles/:year/eligibility/compute', async (c) => {
    const year = parseYear(c);
    const body = await parseBody(c, computeBody);
    const { db } = c.var.deps;
    const cycle = await getCycle(db, { year, period: body.period });
    // Without a unit: the user's whole scope (the administrator: the whole tree).
    const user = currentUser(c);
    const unit = body.unit ?? (user.role === 'admin' ? undefined : user.scopeUnitCode);
    if (unit !== undefined) await authorize(c, { unitCode: unit, action: 'write', date: cycle.referenceDate });
    else await authorize(c, { unitId: user.scopeUnitId, action: 'admin', date: cycle.referenceDate });
    return c.json(await computeAndStoreEligibility(db, { cycleYear: year, period: body.period, unit, actor: actorOf(c) }));
  });
  r.put('/cycles/:year/parameters', async (c) => {
    const year = parseYear(c);
    const body = await parseBody(c, parametersBody);
    authorizeRole(c, 'admin');
    return c.json(await setCycleParameters(c.var.deps.db, { cycleYear: year, period: body.period, parameters: body.parameters, version: body.version, actor: actorOf(c) }));
  });
  r.get('/cycles/:year/parameters', async (c) => {
    const year = parseYear(c);
    const { period } = parseQuery(c, periodQuery);
    authorizeRole(c, 'read');
    return c.json(await getCycleParameterView(c.var.deps.db, { cycleYear: year, period }));
  });
  return r;
}
