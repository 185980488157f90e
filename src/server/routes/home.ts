/** Server-rendered pages until the web application arrives: the overview and a unit's page. */
import { Hono } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import { isAppError } from '../../domain/errors.js';
import { hasWholeTree } from '../../domain/access.js';
import { findNode, findPath } from '../../domain/tree.js';
import { listUnitMembersWithGrades } from '../../db/queries/overview.js';
import type { User } from '../../db/queries/users.js';
import { loadOverview, type Overview, overviewUnit } from '../../services/overview.js';
import type { AppEnv } from '../app.js';
import { authorize, currentUser } from '../authorize.js';
import { userBar } from '../pages/login-page.js';
import { layout } from '../pages/layout.js';
import { overviewBody, unitBody } from '../pages/overview-page.js';
import { parseQuery } from '../validate.js';
import { requirePageSession } from './auth.js';

const pageQuery = z.object({ cycle: z.coerce.number().int().min(1900).max(2999).optional() });

/** The overview cut to the user's scope: its tree starts at the scope unit (the administrator sees all). */
function scopedOverview(overview: Overview, user: User): Overview {
  if (hasWholeTree(user.role)) return overview;
  const root = findNode(overview.roots, user.scopeUnitCode);
  return { ...overview, roots: root ? [root] : [] };
}

export function homeRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/', requirePageSession(), async (c) => {
    const { cycle } = parseQuery(c, pageQuery);
    const user = currentUser(c);
    const overview = scopedOverview(await loadOverview(c.get('deps').db, { year: cycle }), user);
    return c.html(layout({ title: 'Tổng quan', body: html`${userBar(user)}${overviewBody(overview)}` }));
  });

  r.get('/units/:code', requirePageSession(), async (c) => {
    const { cycle } = parseQuery(c, pageQuery);
    const { db } = c.get('deps');
    const user = currentUser(c);
    const full = await loadOverview(db, { year: cycle });
    await authorize(c, { unitCode: c.req.param('code'), action: 'read', ...(full.cycle ? { date: full.cycle.referenceDate } : {}) });
    const overview = scopedOverview(full, user);
    const node = overviewUnit(overview, c.req.param('code'));
    const members = overview.cycle
      ? await listUnitMembersWithGrades(db, { unitId: node.id, cycleId: overview.cycle.id, date: overview.cycle.referenceDate })
      : [];
    const path = findPath(overview.roots, node.code).slice(0, -1);
    return c.html(layout({ title: node.name, body: html`${userBar(user)}${unitBody({ overview, node, path, members })}` }));
  });

  // Pages answer errors with a page, not JSON.
  r.onError((err, c) => {
    if (!isAppError(err)) throw err;
    const body = html`<h1>Không mở được trang</h1><p>${err.messages.vi}</p><p><a href="/">Về trang tổng quan</a></p>`;
    return c.html(layout({ title: 'Lỗi', body }), err.status as 404);
  });
  return r;
}
