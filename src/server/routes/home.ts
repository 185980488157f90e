/** Server-rendered pages until the web application arrives: the overview and a unit's page. */
import { Hono } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import { isAppError } from '../../domain/errors.js';
import { findPath } from '../../domain/tree.js';
import { listUnitMembersWithGrades } from '../../db/queries/overview.js';
import { loadOverview, overviewUnit } from '../../services/overview.js';
import type { AppEnv } from '../app.js';
import { layout } from '../pages/layout.js';
import { overviewBody, unitBody } from '../pages/overview-page.js';
import { parseQuery } from '../validate.js';

const pageQuery = z.object({ cycle: z.coerce.number().int().min(1900).max(2999).optional() });

export function homeRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/', async (c) => {
    const { cycle } = parseQuery(c, pageQuery);
    const overview = await loadOverview(c.get('deps').db, { year: cycle });
    return c.html(layout({ title: 'Tổng quan', body: overviewBody(overview) }));
  });

  r.get('/units/:code', async (c) => {
    const { cycle } = parseQuery(c, pageQuery);
    const { db } = c.get('deps');
    const overview = await loadOverview(db, { year: cycle });
    const node = overviewUnit(overview, c.req.param('code'));
    const members = overview.cycle
      ? await listUnitMembersWithGrades(db, { unitId: node.id, cycleId: overview.cycle.id, date: overview.cycle.referenceDate })
      : [];
    const path = findPath(overview.roots, node.code).slice(0, -1);
    return c.html(layout({ title: node.name, body: unitBody({ overview, node, path, members }) }));
  });

  // Pages answer errors with a page, not JSON.
  r.onError((err, c) => {
    if (!isAppError(err)) throw err;
    const body = html`<h1>Không mở được trang</h1><p>${err.messages.vi}</p><p><a href="/">Về trang tổng quan</a></p>`;
    return c.html(layout({ title: 'Lỗi', body }), err.status as 404);
  });
  return r;
}
