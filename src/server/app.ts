/**
 * The HTTP application, without listening: `createApp({ db, config })`. Tests call
 * `app.request()` in process; `serve` binds it to a port. The JSON API lives under /api; every
 * other GET address is the web application (src/server/web.ts), which routes in the browser.
 */
import { Hono } from 'hono';
import type { Config } from '../config.js';
import type { Db } from '../db/create-db.js';
import { AppError, isAppError } from '../domain/errors.js';
import type { User } from '../db/queries/users.js';
import { apiRoutes } from './routes/api.js';
import { loadSession, requireApiSession } from './routes/auth.js';
import { csrfProtection } from './csrf.js';
import { securityHeaders } from './security-headers.js';
import { bodyLimits, refuseControlCharacters } from './input-bounds.js';
import { SignInThrottle } from './sign-in-throttle.js';
import { plainPage, webRoutes } from './web.js';
import { WEB_DIST } from './web-build.js';
import { apiDocsPageRoutes } from './routes/openapi.js';
import { ImportJobs } from '../services/import/jobs.js';
import { WorkSlots } from './work-slots.js';
import { auditWrites } from './audit-writes.js';

export interface AppDeps {
  db: Db;
  /** A replica the live forms are read from (DATABASE_READ_URL); `db` when absent. */
  readDb?: Db;
  config: Config;
  /** The built web application (default web/dist of the checkout). */
  webDir?: string;
  /** The clock of time-based limits (the sign-in throttle); tests drive it. */
  clock?: () => number;
}

/**
 * `user` is set once the request's session is found (src/server/routes/auth.ts); `throttle` counts
 * failed sign-ins, `importJobs` follows running imports (one of each per app; what they count and
 * follow is kept in the database, shared by every server process on it).
 */
export type AppEnv = {
  Variables: {
    deps: AppDeps;
    user?: User;
    throttle: SignInThrottle;
    importJobs: ImportJobs;
    /** Slots for reading uploaded workbooks: a few at once per user and per process. */
    workbookSlots: WorkSlots;
    /** How the user signed in on this request: a bearer token (API client) or the session cookie (the pages). */
    authVia?: 'bearer' | 'cookie';
    /** The session token of this request, when one was found (the CSRF token derives from it). */
    sessionToken?: string;
  };
};

/** API paths answer errors as JSON; every other path is a page a person reads. */
const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');

/** Maps any thrown error to the JSON error shape (API) with the catalogue's status. */
export function errorBody(err: unknown): { status: number; body: { error: { code: string; message: { vi: string; en: string }; field?: string; current?: unknown; ungraded?: unknown } } } {
  if (isAppError(err)) {
    // A conflict shows the value as it now stands, so the caller can compare and choose.
    const current = err.code === 'Conflict' ? (err.details as { current?: unknown } | undefined)?.current : undefined;
    // A refused submit lists the subjects still ungraded, for the page to ask a reason for each.
    const ungraded = err.code === 'SubjectsNotGraded' ? (err.details as { ungraded?: unknown } | undefined)?.ungraded : undefined;
    return {
      status: err.status,
      body: { error: { code: err.code, message: err.messages, ...(err.field ? { field: err.field } : {}), ...(current !== undefined ? { current } : {}), ...(ungraded !== undefined ? { ungraded } : {}) } },
    };
  }
  return {
    status: 500,
    body: {
      error: {
        code: 'Internal',
        message: { vi: 'Lỗi hệ thống, vui lòng thử lại hoặc báo quản trị viên.', en: 'Internal error.' },
      },
    },
  };
}

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const throttle = new SignInThrottle(deps.db, deps.clock);
  const importJobs = new ImportJobs(deps.db);
  const workbookSlots = new WorkSlots();
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('throttle', throttle);
    c.set('importJobs', importJobs);
    c.set('workbookSlots', workbookSlots);
    await next();
  });
  app.use('*', securityHeaders());
  app.use('*', refuseControlCharacters());
  app.use('/api/*', bodyLimits());
  app.use('*', loadSession());
  app.use('*', csrfProtection());
  app.use('/api/*', requireApiSession());
  app.use('/api/*', auditWrites(app));
  app.route('/api', apiRoutes());
  app.route('/', apiDocsPageRoutes());
  app.route('/', webRoutes({ dir: deps.webDir ?? WEB_DIST }));
  app.notFound((c) => {
    const e = new AppError('NotFound', { vi: `Không có trang «${c.req.path}».`, en: `No such path "${c.req.path}".` });
    if (!isApiPath(c.req.path)) return c.html(plainPage('Không tìm thấy trang', `Không có trang «${c.req.path}». Địa chỉ có thể đã gõ sai hoặc trang đã được chuyển.`), 404);
    return c.json(errorBody(e).body, 404);
  });
  app.onError((err, c) => {
    const { status, body } = errorBody(err);
    if (status >= 500) console.error(err);
    const retryAfter = isAppError(err) ? (err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds : undefined;
    if (retryAfter !== undefined) c.header('Retry-After', String(retryAfter));
    if (!isApiPath(c.req.path)) return c.html(plainPage(status === 403 ? 'Không có quyền' : 'Không mở được trang', body.error.message.vi), status as 400);
    return c.json(body, status as 400);
  });
  return app;
}
