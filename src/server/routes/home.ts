/**
 * Server-rendered pages until the web application arrives: the overview and a unit's page. A user
 * whose scope is one organisation below a district (a cell, a grassroots organisation) sees that
 * organisation's page as the first page.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { hasWholeTree } from '../../domain/access.js';
import { AppError, isAppError } from '../../domain/errors.js';
import { findNode, findPath, type TreeNode } from '../../domain/tree.js';
import { listUnitMembersWithGrades } from '../../db/queries/overview.js';
import type { User } from '../../db/queries/users.js';
import { loadOverview, type Overview, overviewUnit } from '../../services/overview.js';
import { listYearFigures } from '../../services/year-comparison.js';
import type { YearFigures } from '../../domain/forms/index.js';
import type { AppEnv } from '../app.js';
import { authorize, currentUser } from '../authorize.js';
import { errorPage } from '../pages/error-page.js';
import { userBar } from '../pages/login-page.js';
import { layout } from '../pages/layout.js';
import { overviewBody, unitBody } from '../pages/overview-page.js';
import { requirePageSession } from './auth.js';

type Ctx = Context<AppEnv>;

/** `?cycle=2022[&period=q1]`; a year that is not one says so in words, naming what was typed. */
function pageQuery(c: Ctx): { year?: number; period?: string } {
  const raw = c.req.query('cycle');
  const period = c.req.query('period') || undefined;
  if (raw === undefined || raw === '') return period ? { period } : {};
  if (!/^\d{4}$/.test(raw.trim())) {
    throw new AppError(
      'ValidationFailed',
      { vi: `Năm kỳ đánh giá «${raw}» không hợp lệ; hãy chọn một năm, ví dụ 2022.`, en: `The review cycle year "${raw}" is not valid; give a year such as 2022.` },
      { field: 'cycle' },
    );
  }
  return { year: Number(raw), ...(period ? { period } : {}) };
}

/** The overview cut to the user's scope: its tree starts at the scope unit (the administrator sees all). */
function scopedOverview(overview: Overview, user: User): Overview {
  if (hasWholeTree(user.role)) return overview;
  const root = findNode(overview.roots, user.scopeUnitCode);
  return { ...overview, roots: root ? [root] : [] };
}

/** The user's scope unit by name (its code when it did not exist on the cycle's date). */
function scopeName(overview: Overview, user: User): string {
  return findNode(overview.roots, user.scopeUnitCode)?.name ?? user.scopeUnitCode;
}

/** Districts and provinces get the overview; a scope below them is one organisation's page. */
const OVERVIEW_KINDS = new Set(['province_committee', 'district_committee']);

async function unitPage(c: Ctx, overview: Overview, node: TreeNode, user: User, bar: ReturnType<typeof userBar>) {
  const { db } = c.get('deps');
  const members = overview.cycle
    ? await listUnitMembersWithGrades(db, { unitId: node.id, cycleId: overview.cycle.id, date: overview.cycle.referenceDate })
    : [];
  const path = findPath(overview.roots, node.code).slice(0, -1);
  return c.html(layout({ title: node.name, user: bar, body: unitBody({ overview, node, path, members, viewer: user }) }));
}

/** Authorises reading the unit; a refusal names the unit and the user's scope by name. */
async function authorizeNamed(c: Ctx, full: Overview, code: string, user: User): Promise<void> {
  try {
    await authorize(c, { unitCode: code, action: 'read', ...(full.cycle ? { date: full.cycle.referenceDate } : {}) });
  } catch (e) {
    if (!isAppError(e) || e.code !== 'Forbidden') throw e;
    const unit = findNode(full.roots, code)?.name ?? code;
    const scope = scopeName(full, user);
    throw new AppError('Forbidden', {
      vi: `«${unit}» nằm ngoài phạm vi làm việc của bạn («${scope}»), nên bạn không xem được trang này.`,
      en: `${unit} (${code}) is outside your scope (${scope}).`,
    });
  }
}

/** Year-by-year figures of the units the overview shows (a province shows its districts), up to the cycle shown. */
async function shownYears(c: Ctx, overview: Overview): Promise<Map<string, YearFigures[]>> {
  const shown = overview.roots.flatMap((root) => (root.kind === 'province_committee' && root.children.length > 0 ? root.children : [root]));
  const out = new Map<string, YearFigures[]>();
  for (const unit of shown) out.set(unit.code, await listYearFigures(c.get('deps').db, { unitCode: unit.code, upToYear: overview.cycle?.year }));
  return out;
}

export function homeRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/', requirePageSession(), async (c) => {
    const user = currentUser(c);
    const full = await loadOverview(c.get('deps').db, pageQuery(c));
    const overview = scopedOverview(full, user);
    const bar = userBar(user, scopeName(full, user));
    const [root] = overview.roots;
    if (root && overview.roots.length === 1 && !OVERVIEW_KINDS.has(root.kind)) return unitPage(c, overview, root, user, bar);
    return c.html(layout({ title: 'Tổng quan', user: bar, body: overviewBody(overview, user, await shownYears(c, overview)) }));
  });

  r.get('/units/:code', requirePageSession(), async (c) => {
    const user = currentUser(c);
    const full = await loadOverview(c.get('deps').db, pageQuery(c));
    await authorizeNamed(c, full, c.req.param('code'), user);
    const overview = scopedOverview(full, user);
    const node = overviewUnit(overview, c.req.param('code'));
    return unitPage(c, overview, node, user, userBar(user, scopeName(full, user)));
  });

  // Pages answer errors with a page, not JSON.
  r.onError((err, c) => {
    if (!isAppError(err)) throw err;
    return c.html(errorPage({ status: err.status, message: err.messages.vi }), err.status as 404);
  });
  return r;
}
