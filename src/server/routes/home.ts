/** The first page (server-rendered) until the web application arrives. */
import { Hono } from 'hono';
import type { AppEnv } from '../app.js';

export function homeRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/', (c) => c.html('<!doctype html><title>xeploai</title><p>xeploai</p>'));
  return r;
}
