/** Leadership collectives: parse → call → present. */
import { Hono } from 'hono';
import { createCollective, getCollective, listCollectivesAt } from '../../db/queries/collectives.js';
import { createCollectiveBody } from '../../schemas/collectives.js';
import type { AppEnv } from '../app.js';
import { authorize } from '../authorize.js';
import { parseBody } from '../validate.js';
import { parseAsOf } from './units.js';

/** Routes under /api: /collectives, /collectives/:code, /units/:code/collectives. */
export function collectiveRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/units/:code/collectives', async (c) => {
    const { date, includeSubtree } = parseAsOf(c);
    await authorize(c, { unitCode: c.req.param('code'), action: 'read', date });
    return c.json({ date, collectives: await listCollectivesAt(c.var.deps.db, c.req.param('code'), date, { includeSubtree }) });
  });
  r.post('/collectives', async (c) => {
    const body = await parseBody(c, createCollectiveBody);
    await authorize(c, { unitCode: body.unitCode, action: 'write', date: body.validFrom });
    return c.json({ collective: await createCollective(c.var.deps.db, body) }, 201);
  });
  r.get('/collectives/:code', async (c) => {
    const collective = await getCollective(c.var.deps.db, c.req.param('code'));
    await authorize(c, { unitCode: collective.unitCode, action: 'read' });
    return c.json({ collective });
  });
  return r;
}
