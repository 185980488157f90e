/** The JSON API, mounted at /api. Each resource has its own route file. */
import { Hono } from 'hono';
import type { AppEnv } from '../app.js';
import { cycleRoutes } from './cycles.js';
import { evaluationRoutes } from './evaluations.js';

export function apiRoutes(): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  api.get('/health', (c) => c.json({ ok: true }));
  api.route('/', cycleRoutes());
  api.route('/', evaluationRoutes());
  return api;
}
