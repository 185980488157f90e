/** Organisation units, read as of a date and changed with effective dates: parse → call → present. */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { changeUnit, createUnit, getSubtreeAt, getUnitAt, listChildrenAt, listUnitVersions } from '../../db/queries/units.js';
import { emptyToUndefined, isoDate } from '../../schemas/common.js';
import { changeUnitBody, createUnitBody, mergeUnitsBody, splitUnitBody } from '../../schemas/units.js';
import { listRestructurings } from '../../db/queries/restructure.js';
import { mergeUnits, splitUnit } from '../../services/restructure.js';
import { listYearFigures } from '../../services/year-comparison.js';
import type { AppEnv } from '../app.js';
import { authorize, authorizeRole, currentUser } from '../authorize.js';
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

/** Write access where a restructuring reaches: the units it names, the new unit's parent (a new root: the administrator). */
async function authorizeRestructure(c: Context<AppEnv>, input: { on: string; codes: readonly string[]; newUnits: readonly { parentCode?: string | null | undefined }[]; defaultParent: string | null }): Promise<void> {
  for (const code of input.codes) await authorize(c, { unitCode: code, action: 'write', date: input.on });
  for (const n of input.newUnits) {
    const parent = n.parentCode === undefined ? input.defaultParent : n.parentCode;
    if (parent) await authorize(c, { unitCode: parent, action: 'write', date: input.on });
    else authorizeRole(c, 'admin');
  }
}

/** The parent of a unit on a day (the default parent of the units a restructuring creates). */
async function parentOn(c: Context<AppEnv>, code: string | undefined, date: string): Promise<string | null> {
  return code === undefined ? null : (await getUnitAt(c.var.deps.db, code, date)).parentCode;
}

/** Routes under /api: /units, /units/merge, /units/:code, /units/:code/{children,subtree,versions,changes,split,years,restructurings}. */
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
  r.post('/units/merge', async (c) => {
    const body = await parseBody(c, mergeUnitsBody);
    const codes = [...body.sources, ...(body.into ? [body.into] : [])];
    await authorizeRestructure(c, { on: body.on, codes, newUnits: body.newUnit ? [body.newUnit] : [], defaultParent: await parentOn(c, body.sources[0], body.on) });
    return c.json({ restructuring: await mergeUnits(c.var.deps.db, { ...body, actor: currentUser(c).username }) }, 201);
  });
  r.post('/units/:code/split', async (c) => {
    const body = await parseBody(c, splitUnitBody);
    const code = c.req.param('code');
    const codes = [code, ...body.parts.flatMap((p) => (p.into ? [p.into] : []))];
    const newUnits = body.parts.flatMap((p) => (p.newUnit ? [p.newUnit] : []));
    await authorizeRestructure(c, { on: body.on, codes, newUnits, defaultParent: await parentOn(c, code, body.on) });
    return c.json({ restructuring: await splitUnit(c.var.deps.db, { ...body, code, actor: currentUser(c).username }) }, 201);
  });
  r.get('/units/:code/years', async (c) => {
    await authorize(c, { unitCode: c.req.param('code'), action: 'read' });
    return c.json({ unitCode: c.req.param('code'), years: await listYearFigures(c.var.deps.db, { unitCode: c.req.param('code') }) });
  });
  r.get('/units/:code/restructurings', async (c) => {
    await authorize(c, { unitCode: c.req.param('code'), action: 'read' });
    return c.json({ restructurings: await listRestructurings(c.var.deps.db, { unitCode: c.req.param('code') }) });
  });
  return r;
}
