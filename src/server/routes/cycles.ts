/** Review cycles, their deadlines and review topics: parse → call → present. */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { createCycle, getCycle, listCycles, setDeadlines } from '../../db/queries/cycles.js';
import { getUnitIdByCode, resolveSubject } from '../../db/queries/evaluation-subjects.js';
import { addReviewTopic, listReviewTopics } from '../../db/queries/review-topics.js';
import type { AppEnv } from '../app.js';
import { authorize, authorizeRole, currentUser, scopeUnitIds } from '../authorize.js';
import { parseBody, parseQuery, parseWith } from '../validate.js';

export const yearParam = z.object({ year: z.coerce.number().int().min(1900).max(2999) });
export const periodQuery = z.object({ period: z.string().min(1).optional() });
export const deadline = z.strictObject({ level: z.string(), dueOn: z.string() });

export const createCycleBody = z.strictObject({
  year: z.number().int().min(1900).max(2999),
  period: z.string().min(1).optional(),
  ruleSet: z.string().min(1).optional(),
  referenceDate: z.string(),
  title: z.string().optional(),
  deadlines: z.array(deadline).optional(),
});

/** `version`: the cycle's version the caller read; a stale one is a 409 Conflict. */
export const deadlinesBody = z.strictObject({ period: z.string().min(1).optional(), deadlines: z.array(deadline), version: z.number().int().min(1).optional() });

export const topicBody = z.strictObject({
  period: z.string().min(1).optional(),
  subjectKind: z.string(),
  subjectRef: z.string().min(1),
  managedBy: z.string(),
  assignedByUnit: z.string().min(1),
  topic: z.string(),
});

/** The `:year` path parameter. */
export function parseYear(c: Context): number {
  return parseWith(yearParam, { year: c.req.param('year') }, 'params').year;
}

/** Who acts: the signed-in user's name, recorded in history (never a header the client chooses). */
export function actorOf(c: Context<AppEnv>): string {
  return currentUser(c).username;
}

/** Routes under /api: /cycles, /cycles/:year, /cycles/:year/deadlines, /cycles/:year/topics. */
export function cycleRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  // Cycles are the same for everyone: any signed-in user reads them; only the administrator changes them.
  r.get('/cycles', async (c) => {
    authorizeRole(c, 'read');
    return c.json({ cycles: await listCycles(c.var.deps.db) });
  });
  r.post('/cycles', async (c) => {
    const body = await parseBody(c, createCycleBody);
    authorizeRole(c, 'admin');
    return c.json(await createCycle(c.var.deps.db, body), 201);
  });
  r.get('/cycles/:year', async (c) => {
    const year = parseYear(c);
    const { period } = parseQuery(c, periodQuery);
    authorizeRole(c, 'read');
    return c.json(await getCycle(c.var.deps.db, { year, period }));
  });
  r.put('/cycles/:year/deadlines', async (c) => {
    const year = parseYear(c);
    const body = await parseBody(c, deadlinesBody);
    authorizeRole(c, 'admin');
    return c.json(await setDeadlines(c.var.deps.db, { year, ...body }));
  });
  r.get('/cycles/:year/topics', async (c) => {
    const year = parseYear(c);
    const { period } = parseQuery(c, periodQuery);
    const { db } = c.var.deps;
    const cycle = await getCycle(db, { year, period });
    const topics = await listReviewTopics(db, { cycleId: cycle.id });
    const scope = await scopeUnitIds(c, cycle.referenceDate);
    if (scope === undefined) return c.json({ topics });
    // Only topics whose subject belongs, on the reference date, to a unit of the user's scope.
    const inScope = new Set(scope);
    const subjectUnit = (t: (typeof topics)[number]) =>
      resolveSubject(db, { kind: t.subjectKind, ref: t.subjectRef, on: cycle.referenceDate }).then((s) => s.unitId, () => null);
    const units = await Promise.all(topics.map(subjectUnit));
    return c.json({ topics: topics.filter((_, i) => inScope.has(units[i] ?? '')) });
  });
  r.post('/cycles/:year/topics', async (c) => {
    const cycleYear = parseYear(c);
    const body = await parseBody(c, topicBody);
    const { db } = c.var.deps;
    // Both the subject's unit and the unit naming the topic must be the user's to write.
    const cycle = await getCycle(db, { year: cycleYear, period: body.period });
    const subject = await resolveSubject(db, { kind: body.subjectKind, ref: body.subjectRef, on: cycle.referenceDate });
    await authorize(c, { unitId: subject.unitId, action: 'write', date: cycle.referenceDate });
    const assignedBy = await getUnitIdByCode(db, body.assignedByUnit, 'assignedByUnit');
    await authorize(c, { unitId: assignedBy, action: 'write', date: cycle.referenceDate });
    return c.json(await addReviewTopic(db, { cycleYear, ...body }), 201);
  });
  return r;
}
