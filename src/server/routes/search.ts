/** The search box (issue #9 item 2): units, people and collectives of the user's scope, ignoring diacritics. */
import { Hono } from 'hono';
import { z } from 'zod';
import { getCycle } from '../../db/queries/cycles.js';
import { search } from '../../services/search.js';
import type { AppEnv } from '../app.js';
import { scopeUnitIds } from '../authorize.js';
import { parseQuery } from '../validate.js';
import { todayInVietnam } from './units.js';

export const searchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  /** Search the tree as of this cycle's reference date (default today). */
  cycle: z.coerce.number().int().min(1900).max(2999).optional(),
  period: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** Routes under /api: /search. */
export function searchRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/search', async (c) => {
    const q = parseQuery(c, searchQuery);
    const date = q.cycle === undefined ? todayInVietnam() : (await getCycle(c.var.deps.db, { year: q.cycle, period: q.period })).referenceDate;
    const scopeIds = await scopeUnitIds(c, date);
    return c.json(await search(c.var.deps.db, { q: q.q, date, scopeIds, limit: q.limit }));
  });
  return r;
}
