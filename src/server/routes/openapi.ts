/** The API description: GET /api/openapi.json (the OpenAPI 3.1 document) and the page GET /docs/api. */
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { buildOpenApiDocument } from '../openapi/document.js';
import { apiDocsBody } from '../openapi/page.js';
import { API_ROUTES } from '../openapi/routes.js';
import type { AppEnv } from '../app.js';
import { authorizeRole } from '../authorize.js';
import { apiDocsPage } from '../openapi/page.js';

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

/** GET /docs/api: the page (signed-in users; others are sent to sign in first, as for every page). */
export function apiDocsPageRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/docs/api', async (c) => {
    if (!c.get('user')) return c.redirect(`/login?next=${encodeURIComponent('/docs/api')}`, 302);
    const body = await apiDocsBody(openApiDocument() as never);
    return c.html(apiDocsPage(String(body)));
  });
  return r;
}
