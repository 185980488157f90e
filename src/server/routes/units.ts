/** Organisation units, read as of a date and changed with effective dates: parse → call → present. */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { changeUnit, createUnit, getSubtreeAt, getUnitAt, listChildrenAt, listUnitVersions } from '../../db/queries/units.js';
import { emptyToUndefined, isoDate } from '../../schemas/common.js';
import { changeUnitBody, createUnitBody } from '../../schemas/units.js';
import type { AppEnv } from '../app.js';
import { authorize, authorizeRole } from '../authorize.js';
import { parseBody, parseQuery } from '../validate.js';

export { codeSchema, isoDate } from '../../schemas/common.js';

/** `?date=YYYY-MM-DD&subtree=1`, date defaulting to today. */
export const asOfQuery = z.object({
  date: z.preprocess(emptyToUndefined, isoDate.optional()),
  subtree: z.preprocess(emptyToUndefined, z.enum(['0', '1', 'true', 'false']).optional()),
});

/** Today in Vietnam (UTC+7), the default "as of" date. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Parses `?date=&subtree=` into the date to read as of and whether to include the subtree. */
export function parseAsOf(c: Context): { date: string; includeSubtree: boolean } {
  const q = parseQuery(c, asOfQuery);
  return { date: q.date ?? todayInVietnam(), includeSubtree: q.subtree === '1' || q.subtree === 'true' };
}

/** Routes under /api: /units, /units/:code, /units/:code/{children,subtree,versions,changes}. */
export function unitRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.post('/units', async (c) => {
    const body = await parseBody(c, createUnitBody);
    // A new unit is written into its parent; a new root (no parent) is the administrator's.
    if (body.parentCode) await authorize(c, { unitCode: body.parentCode, action: 'write', date: body.validFrom });
    else authorizeRole(c, 'admin');
    return c.json({ unit: await createUnit(c.var.deps.db, body) }, 201);
  });
  r.get('/units/:code', async (c) => {
    const { date } = parseAsOf(c);
    await authorize(c, { unitCode: c.req.param('code'), action: 'read', date });
    return c.json({ date, unit: await getUnitAt(c.var.deps.db, c.req.param('code'), date) });
  });
  r.get('/units/:code/children', async (c) => {
    const { date } = parseAsOf(c);
    await authorize(c, { unitCode: c.req.param('code'), action: 'read', date });
    return c.json({ date, units: await listChildrenAt(c.var.deps.db, c.req.param('code'), date) });
  });
  r.get('/units/:code/subtree', async (c) => {
    const { date } = parseAsOf(c);
    await authorize(c, { unitCode: c.req.param('code'), action: 'read', date });
    return c.json({ date, units: await getSubtreeAt(c.var.deps.db, c.req.param('code'), date) });
  });
  r.get('/units/:code/versions', async (c) => {
    await authorize(c, { unitCode: c.req.param('code'), action: 'read' });
    return c.json({ versions: await listUnitVersions(c.var.deps.db, c.req.param('code')) });
  });
  r.post('/units/:code/changes', async (c) => {
    const body = await parseBody(c, changeUnitBody);
    await authorize(c, { unitCode: c.req.param('code'), action: 'write', date: body.from });
    // Moving a unit writes into its new parent too; making it a root is the administrator's.
    if (body.parentCode) await authorize(c, { unitCode: body.parentCode, action: 'write', date: body.from });
    else if (body.parentCode === null) authorizeRole(c, 'admin');
    return c.json({ unit: await changeUnit(c.var.deps.db, c.req.param('code'), body) }, 201);
  });
  return r;
}
