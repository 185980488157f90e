/**
 * The web application served by the API's own server (issue #9): its built files under /assets
 * (immutable, compressed), and for every other page address the application's index.html, which
 * routes in the browser. A visitor without a session is sent to /login?next=… first. When the build
 * is missing (a checkout that never ran `npm start` or `npm run build`), a page says what to run.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { AppEnv } from './app.js';
import { safeNext } from '../domain/safe-next.js';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

/** A small self-contained page (no build needed), in Vietnamese with English. */
export function plainPage(title: string, message: string): string {
  const esc = (s: string) => s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] ?? ch);
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)} · xeploai</title>
<style>body{font:17px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1d2430}h1{font-size:1.4rem}a{color:#1f5fa8}</style></head>
<body><main><h1>${esc(title)}</h1><p>${esc(message)}</p><p><a href="/">Về trang đầu</a></p></main></body></html>`;
}

async function readOrNull(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch {
    return null;
  }
}


/** Routes of the web application: /assets/*, /favicon.svg, and every page address (GET). */
export function webRoutes(options: { dir: string }): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const root = normalize(options.dir);
  r.use('/assets/*', compress());
  r.get('/assets/*', async (c) => {
    const path = normalize(join(root, c.req.path));
    if (!path.startsWith(root + sep)) return c.notFound();
    const bytes = await readOrNull(path);
    if (!bytes) return c.notFound();
    // File names carry their content hash (Vite): cache for a year.
    return c.body(new Uint8Array(bytes), 200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'public, max-age=31536000, immutable' });
  });
  r.get('/favicon.svg', async (c) => {
    const bytes = await readOrNull(join(root, 'favicon.svg'));
    return bytes ? c.body(new Uint8Array(bytes), 200, { 'content-type': TYPES['.svg']!, 'cache-control': 'public, max-age=86400' }) : c.notFound();
  });
  r.use('*', compress());
  r.get('*', async (c) => {
    const url = new URL(c.req.url);
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return c.notFound();
    if (url.pathname === '/login' && c.get('user')) return c.redirect(safeNext(url.searchParams.get('next') ?? undefined), 302);
    if (url.pathname !== '/login' && !c.get('user')) return c.redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 302);
    const index = await readOrNull(join(root, 'index.html'));
    if (!index) {
      const message = 'Giao diện web chưa được dựng: chạy «npm start» (tự dựng khi cần) hoặc «npm run build». (The web application is not built: run npm start or npm run build.)';
      return c.html(plainPage('Chưa dựng giao diện web', message), 503);
    }
    return c.body(new Uint8Array(index), 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
  });
  return r;
}
