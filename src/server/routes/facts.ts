/**
 * The facts the rules read, as data (issue 8): the stored facts of an evaluation's subject and the
 * members of a leadership collective. Parse → authorise → call → present.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { SUBJECT_FACT_CODES } from '../../domain/workflow/fact-catalogue.js';
import type { Db } from '../../db/create-db.js';
import { getCollective } from '../../db/queries/collectives.js';
import { getCycleById } from '../../db/queries/cycles.js';
import { getEvaluation } from '../../db/queries/evaluations.js';
import { addMember, endMember, listMembers } from '../../services/collective-members.js';
import { clearSubjectFact, getSubjectFacts, setSubjectFact } from '../../services/subject-facts.js';
import { collectiveMemberBody } from '../../schemas/collectives.js';
import type { AppEnv } from '../app.js';
import { authorize, scopeUnitIds } from '../authorize.js';
import { expectedVersionOf } from '../etag.js';
import { parseBody, parseQuery } from '../validate.js';
import { actorOf } from './cycles.js';
import { isoDate } from './units.js';

export const factParams = z.object({ id: z.string().min(1), fact: z.enum(SUBJECT_FACT_CODES) });
export const factBody = z.strictObject({
  /** The evaluation's version the caller read. */
  version: z.number().int().min(1).optional(),
  /** The fact's value (its shape per fact: GET /api/evaluations/:id/facts lists the catalogue). */
  value: z.unknown(),
  /** The day the competent level concluded it. */
  concludedOn: isoDate.nullable().optional(),
  /** The source document: number and date. */
  documentNumber: z.string().trim().max(200).nullable().optional(),
  documentDate: isoDate.nullable().optional(),
  reason: z.string().max(2000).optional(),
});
export const clearFactQuery = z.object({ version: z.coerce.number().int().min(1).optional(), reason: z.string().max(2000).optional() });
export const membersQuery = z.object({ date: isoDate.optional() });
export const endMemberBody = z.strictObject({ validTo: isoDate, reason: z.string().max(2000).optional() });

async function target(db: Db, id: string): Promise<{ unitId: string; date: string }> {
  const e = await getEvaluation(db, id);
  return { unitId: e.unitId, date: (await getCycleById(db, e.cycleId)).referenceDate };
}

/** Routes under /api: /evaluations/:id/facts[/:fact], /collectives/:code/members[/:memberId/end]. */
export function factRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/evaluations/:id/facts', async (c) => {
    await authorize(c, { ...(await target(c.var.deps.db, c.req.param('id'))), action: 'read' });
    return c.json(await getSubjectFacts(c.var.deps.db, c.req.param('id')));
  });
  r.put('/evaluations/:id/facts/:fact', async (c) => {
    const body = await parseBody(c, factBody);
    await authorize(c, { ...(await target(c.var.deps.db, c.req.param('id'))), action: 'write' });
    const { version, ...rest } = body;
    return c.json(await setSubjectFact(c.var.deps.db, { ...rest, evaluationId: c.req.param('id'), fact: c.req.param('fact'), expectedVersion: expectedVersionOf(c, version), actor: actorOf(c) }));
  });
  r.delete('/evaluations/:id/facts/:fact', async (c) => {
    const q = parseQuery(c, clearFactQuery);
    await authorize(c, { ...(await target(c.var.deps.db, c.req.param('id'))), action: 'write' });
    return c.json(await clearSubjectFact(c.var.deps.db, { evaluationId: c.req.param('id'), fact: c.req.param('fact'), expectedVersion: expectedVersionOf(c, q.version), reason: q.reason, actor: actorOf(c) }));
  });
  r.get('/collectives/:code/members', async (c) => {
    const q = parseQuery(c, membersQuery);
    const collective = await getCollective(c.var.deps.db, c.req.param('code'));
    await authorize(c, { unitCode: collective.unitCode, action: 'read' });
    return c.json({ collective: collective.code, date: q.date ?? null, members: await listMembers(c.var.deps.db, collective.code, q.date) });
  });
  r.post('/collectives/:code/members', async (c) => {
    const body = await parseBody(c, collectiveMemberBody);
    const collective = await getCollective(c.var.deps.db, c.req.param('code'));
    await authorize(c, { unitCode: collective.unitCode, action: 'write', date: body.validFrom });
    // The position seated is a reference too: one held outside the user's scope is not found, like an unknown one.
    const positionUnitIds = await scopeUnitIds(c, body.validFrom);
    return c.json({ member: await addMember(c.var.deps.db, { ...body, positionUnitIds, collectiveCode: collective.code, actor: actorOf(c) }) }, 201);
  });
  r.post('/collectives/:code/members/:memberId/end', async (c) => {
    const body = await parseBody(c, endMemberBody);
    const collective = await getCollective(c.var.deps.db, c.req.param('code'));
    await authorize(c, { unitCode: collective.unitCode, action: 'write' });
    return c.json({ member: await endMember(c.var.deps.db, { collectiveCode: collective.code, memberId: c.req.param('memberId'), validTo: body.validTo, reason: body.reason, actor: actorOf(c) }) });
  });
  return r;
}
