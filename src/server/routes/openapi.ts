/** The API description: GET /api/openapi.json (the OpenAPI 3.1 document) and the page GET /docs/api. */
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { buildOpenApiDocument } from '../openapi/document.js';
import { apiDocsBody } from '../openapi/page.js';
import { API_ROUTES } from '../openapi/routes.js';
import type { AppEnv } from '../app.js';
import { authorizeRole, currentUser } from '../authorize.js';
import { layout } from '../pages/layout.js';
import { userBar } from '../pages/login-page.js';
import { requirePageSession } from './auth.js';
import { todayInVietnam } from './units.js';
import { getUnitAt } from '../../db/queries/units.js';

const VERSION = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

let cached: Record<string, unknown> | undefined;

/** The document, built once per process from the routes' schemas. */
export function openApiDocument(): Record<string, unknown> {
  return (cached ??= buildOpenApiDocument(API_ROUTES, VERSION));
}

/** GET /openapi.json, under /api. */
export function openApiRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/openapi.json', (c) => {
    authorizeRole(c, 'read');
    return c.json(openApiDocument());
  });
  return r;
}

/** GET /docs/api: the page (signed-in users). */
export function apiDocsPageRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.use('/docs/*', requirePageSession());
  r.get('/docs/api', async (c) => {
    const user = currentUser(c);
    const scope = await getUnitAt(c.var.deps.db, user.scopeUnitCode, todayInVietnam()).catch(() => undefined);
    return c.html(layout({ title: 'Tài liệu API', body: apiDocsBody(openApiDocument() as never), user: userBar(user, scope?.name ?? user.scopeUnitCode) }));
  });
  return r;
}
