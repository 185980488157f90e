/** A cycle's progress over the tree and a committee's dashboard (issue #9 items 1–2, 5–6): parse → authorise → call → present. */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { hasWholeTree } from '../../domain/access.js';
import { getCycle } from '../../db/queries/cycles.js';
import { loadDashboard } from '../../services/dashboard.js';
import { loadProgress } from '../../services/progress.js';
import { auditDecidedGrades } from '../../services/grade-audit.js';
import type { AppEnv } from '../app.js';
import { authorize, currentUser } from '../authorize.js';
import { parseQuery } from '../validate.js';
import { parseYear } from './cycles.js';
import { todayInVietnam } from './units.js';

export const treeQuery = z.object({
  period: z.string().min(1).optional(),
  unit: z.string().min(1).optional(),
  depth: z.coerce.number().int().min(0).max(64).default(1),
});
export const periodQuery = z.object({ period: z.string().min(1).optional() });
export const auditQuery = z.object({ period: z.string().min(1).optional(), unit: z.string().min(1).optional() });

/** The unit a list starts from: the one named (in scope), else the user's scope unit (the administrator: every root). */
async function rootOf(c: Context<AppEnv>, unit: string | undefined, date: string): Promise<string | undefined> {
  const user = currentUser(c);
  const code = unit ?? (hasWholeTree(user.role) ? undefined : user.scopeUnitCode);
  if (code !== undefined) await authorize(c, { unitCode: code, action: 'read', date });
  return code;
}

/** Routes under /api: /cycles/:year/tree, /cycles/:year/audit, /dashboard/:unitCode/:year. */
export function progressRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  // The consistency audit of decided grades (issue 8 item 3): under the unit named, else the user's scope (the administrator: everything).
  r.get('/cycles/:year/audit', async (c) => {
    const year = parseYear(c);
    const q = parseQuery(c, auditQuery);
    const cycle = await getCycle(c.var.deps.db, { year, period: q.period });
    const unitCode = await rootOf(c, q.unit, cycle.referenceDate);
    return c.json(await auditDecidedGrades(c.var.deps.db, { cycleYear: year, period: q.period, unitCode }));
  });
  r.get('/cycles/:year/tree', async (c) => {
    const year = parseYear(c);
    const q = parseQuery(c, treeQuery);
    const cycle = await getCycle(c.var.deps.db, { year, period: q.period });
    const rootCode = await rootOf(c, q.unit, cycle.referenceDate);
    return c.json(await loadProgress(c.var.deps.db, { cycleYear: year, period: q.period, rootCode, depth: q.depth, today: todayInVietnam() }));
  });
  r.get('/dashboard/:unitCode/:year', async (c) => {
    const year = parseYear(c);
    const { period } = parseQuery(c, periodQuery);
    const cycle = await getCycle(c.var.deps.db, { year, period });
    const unitCode = c.req.param('unitCode');
    await authorize(c, { unitCode, action: 'read', date: cycle.referenceDate });
    return c.json(await loadDashboard(c.var.deps.db, { unitCode, cycleYear: year, period, today: todayInVietnam() }));
  });
  return r;
}
