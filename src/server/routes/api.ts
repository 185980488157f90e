/** The JSON API, mounted at /api. Each resource has its own route file. */
import { Hono } from 'hono';
import type { AppEnv } from '../app.js';
import { authApiRoutes } from './auth.js';
import { cycleRoutes } from './cycles.js';
import { evaluationRoutes } from './evaluations.js';
import { formRoutes } from './forms.js';
import { collectiveRoutes } from './collectives.js';
import { personRoutes } from './persons.js';
import { positionRoutes } from './positions.js';
import { reportRoutes } from './reports.js';
import { unitRoutes } from './units.js';
import { workflowRoutes } from './workflow.js';
import { submissionRoutes } from './submissions.js';
import { progressRoutes } from './progress.js';
import { searchRoutes } from './search.js';
import { userRoutes } from './users.js';
import { workspaceRoutes } from './workspace.js';
import { importRoutes } from './imports.js';
import { openApiRoutes } from './openapi.js';
import { factRoutes } from './facts.js';
import { auditRoutes } from './audit.js';

export function apiRoutes(): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  api.get('/health', (c) => c.json({ ok: true }));
  api.route('/auth', authApiRoutes());
  api.route('/', cycleRoutes());
  api.route('/', evaluationRoutes());
  api.route('/', unitRoutes());
  api.route('/', personRoutes());
  api.route('/', collectiveRoutes());
  api.route('/', positionRoutes());
  api.route('/', formRoutes());
  api.route('/', reportRoutes());
  api.route('/', workflowRoutes());
  api.route('/', submissionRoutes());
  api.route('/', progressRoutes());
  api.route('/', workspaceRoutes());
  api.route('/', factRoutes());
  api.route('/', searchRoutes());
  api.route('/', userRoutes());
  api.route('/', auditRoutes());
  api.route('/', importRoutes());
  api.route('/', openApiRoutes());
  return api;
}
