/** Leader and manager positions: parse → call → present. */
import { Hono } from 'hono';
import { createPosition, listPositionsAt } from '../../db/queries/positions.js';
import { createPositionBody } from '../../schemas/collectives.js';
import type { AppEnv } from '../app.js';
import { authorize, authorizePerson } from '../authorize.js';
import { parseBody } from '../validate.js';
import { parseAsOf } from './units.js';

/** Routes under /api: /positions and /units/:code/positions. */
export function positionRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/units/:code/positions', async (c) => {
    const { date, includeSubtree } = parseAsOf(c);
    await authorize(c, { unitCode: c.req.param('code'), action: 'read', date });
    return c.json({ date, positions: await listPositionsAt(c.var.deps.db, c.req.param('code'), date, { includeSubtree }) });
  });
  r.post('/positions', async (c) => {
    const body = await parseBody(c, createPositionBody);
    await authorize(c, { unitCode: body.unitCode, action: 'write', date: body.validFrom });
    await authorizePerson(c, body.cardNumber, 'read');
    // The deciding body becomes the competent authority of the holder's grade: the user must hold it
    // in scope too, or a clerk could name any committee (issue #11 item 4).
    if (body.decidingUnitCode) await authorize(c, { unitCode: body.decidingUnitCode, action: 'write', date: body.validFrom });
    return c.json({ position: await createPosition(c.var.deps.db, body) }, 201);
  });
  return r;
}
