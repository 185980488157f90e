/** Review cycles, their deadlines and review topics: parse → call → present. */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { createCycle, getCycle, listCycles, setDeadlines } from '../../db/queries/cycles.js';
import { addReviewTopic, listReviewTopics } from '../../db/queries/review-topics.js';
import type { AppEnv } from '../app.js';
import { parseBody, parseQuery, zodToAppError } from '../validate.js';

const yearParam = z.object({ year: z.coerce.number().int().min(1900).max(2999) });
const periodQuery = z.object({ period: z.string().min(1).optional() });
const deadline = z.strictObject({ level: z.string(), dueOn: z.string() });

const createCycleBody = z.strictObject({
  year: z.number().int().min(1900).max(2999),
  period: z.string().min(1).optional(),
  ruleSet: z.string().min(1).optional(),
  referenceDate: z.string(),
  title: z.string().optional(),
  deadlines: z.array(deadline).optional(),
});

const deadlinesBody = z.strictObject({ period: z.string().min(1).optional(), deadlines: z.array(deadline) });

const topicBody = z.strictObject({
  period: z.string().min(1).optional(),
  subjectKind: z.string(),
  subjectRef: z.string().min(1),
  managedBy: z.string(),
  assignedByUnit: z.string().min(1),
  topic: z.string(),
});

/** The `:year` path parameter. */
export function parseYear(c: Context): number {
  const parsed = yearParam.safeParse({ year: c.req.param('year') });
  if (!parsed.success) throw zodToAppError(parsed.error, 'params');
  return parsed.data.year;
}

/** Who acts: the `X-Actor` header until users and sessions arrive, else `system`. */
export function actorOf(c: Context): string {
  return c.req.header('X-Actor')?.trim().slice(0, 200) || 'system';
}

/** Routes under /api: /cycles, /cycles/:year, /cycles/:year/deadlines, /cycles/:year/topics. */
export function cycleRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/cycles', async (c) => c.json({ cycles: await listCycles(c.var.deps.db) }));
  r.post('/cycles', async (c) => {
    const body = await parseBody(c, createCycleBody);
    return c.json(await createCycle(c.var.deps.db, body), 201);
  });
  r.get('/cycles/:year', async (c) => {
    const year = parseYear(c);
    const { period } = parseQuery(c, periodQuery);
    return c.json(await getCycle(c.var.deps.db, { year, period }));
  });
  r.put('/cycles/:year/deadlines', async (c) => {
    const year = parseYear(c);
    const body = await parseBody(c, deadlinesBody);
    return c.json(await setDeadlines(c.var.deps.db, { year, ...body }));
  });
  r.get('/cycles/:year/topics', async (c) => {
    const year = parseYear(c);
    const { period } = parseQuery(c, periodQuery);
    const cycle = await getCycle(c.var.deps.db, { year, period });
    return c.json({ topics: await listReviewTopics(c.var.deps.db, { cycleId: cycle.id }) });
  });
  r.post('/cycles/:year/topics', async (c) => {
    const cycleYear = parseYear(c);
    const body = await parseBody(c, topicBody);
    return c.json(await addReviewTopic(c.var.deps.db, { cycleYear, ...body }), 201);
  });
  return r;
}
