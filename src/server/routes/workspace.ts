/**
 * What the workspace pages read and write beside the workflow routes (issue #9 items 3–4): a unit's
 * workspace, one subject's check panel and identity, and the dated events of a member or leader
 * entered through its evaluation with the version read. Parse → authorise → call → present.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Db } from '../../db/create-db.js';
import { getCycle, getCycleById } from '../../db/queries/cycles.js';
import { getEvaluation } from '../../db/queries/evaluations.js';
import { loadCheckPanel } from '../../services/check-panel.js';
import { addSubjectEvent, removeSubjectEvent } from '../../services/subject-events.js';
import { loadSubjectView } from '../../services/subject-view.js';
import { loadWorkspace } from '../../services/workspace.js';
import type { AppEnv } from '../app.js';
import { authorize } from '../authorize.js';
import { parseBody, parseQuery } from '../validate.js';
import { actorOf, parseYear } from './cycles.js';
import { eventBody } from '../../schemas/persons.js';

export const periodQuery = z.object({ period: z.string().min(1).optional() });
const version = z.number().int().min(1).optional();
/** A person's event entered from the workspace: the event as `POST /api/persons/:card/events` takes it, and the evaluation's version read. */
export const evaluationEventBody = z.strictObject({ ...eventBody.shape, version });
export const removeEventQuery = z.object({ version: z.coerce.number().int().min(1).optional(), reason: z.string().max(2000).optional() });

/** The evaluation's unit and its cycle's reference date, to authorise against the tree of that day. */
async function target(db: Db, id: string): Promise<{ unitId: string; date: string }> {
  const e = await getEvaluation(db, id);
  return { unitId: e.unitId, date: (await getCycleById(db, e.cycleId)).referenceDate };
}

/** Routes under /api: /workspace/:unitCode/:year, /evaluations/:id/{panel,subject,events}. */
export function workspaceRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/workspace/:unitCode/:year', async (c) => {
    const year = parseYear(c);
    const { period } = parseQuery(c, periodQuery);
    const cycle = await getCycle(c.var.deps.db, { year, period });
    const unitCode = c.req.param('unitCode');
    await authorize(c, { unitCode, action: 'read', date: cycle.referenceDate });
    return c.json(await loadWorkspace(c.var.deps.db, { unitCode, cycleYear: year, period }));
  });
  r.get('/evaluations/:id/panel', async (c) => {
    await authorize(c, { ...(await target(c.var.deps.db, c.req.param('id'))), action: 'read' });
    return c.json(await loadCheckPanel(c.var.deps.db, c.req.param('id')));
  });
  r.get('/evaluations/:id/subject', async (c) => {
    await authorize(c, { ...(await target(c.var.deps.db, c.req.param('id'))), action: 'read' });
    return c.json(await loadSubjectView(c.var.deps.db, c.req.param('id')));
  });
  r.post('/evaluations/:id/events', async (c) => {
    const body = await parseBody(c, evaluationEventBody);
    await authorize(c, { ...(await target(c.var.deps.db, c.req.param('id'))), action: 'write' });
    const { version: expectedVersion, ...event } = body;
    return c.json(await addSubjectEvent(c.var.deps.db, { evaluationId: c.req.param('id'), expectedVersion, event, actor: actorOf(c) }), 201);
  });
  r.delete('/evaluations/:id/events/:eventId', async (c) => {
    const q = parseQuery(c, removeEventQuery);
    await authorize(c, { ...(await target(c.var.deps.db, c.req.param('id'))), action: 'write' });
    const input = { evaluationId: c.req.param('id'), eventId: c.req.param('eventId'), expectedVersion: q.version, reason: q.reason, actor: actorOf(c) };
    return c.json(await removeSubjectEvent(c.var.deps.db, input));
  });
  return r;
}
