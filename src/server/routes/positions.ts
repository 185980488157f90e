/** Leader and manager positions: parse → call → present. */
import { Hono } from 'hono';
import { z } from 'zod';
import { createPosition, listPositionsAt } from '../../db/queries/positions.js';
import { POSITION_GROUPS } from '../../domain/codes.js';
import type { AppEnv } from '../app.js';
import { authorize, authorizePerson } from '../authorize.js';
import { parseBody } from '../validate.js';
import { codeSchema, isoDate, parseAsOf } from './units.js';

const createPositionBody = z.strictObject({
  cardNumber: z.string().trim().min(1).max(32),
  unitCode: codeSchema,
  positionGroup: z.enum(POSITION_GROUPS),
  title: z.string().trim().min(1).max(300),
  decidingUnitCode: codeSchema.nullable().optional(),
  validFrom: isoDate,
  validTo: isoDate.nullable().optional(),
});

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
    return c.json({ position: await createPosition(c.var.deps.db, body) }, 201);
  });
  return r;
}
