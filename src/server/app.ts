/**
 * The HTTP application, without listening: `createApp({ db, config })`. Tests call
 * `app.request()` in process; `serve` binds it to a port.
 */
import { Hono } from 'hono';
import type { Config } from '../config.js';
import type { Db } from '../db/create-db.js';
import { AppError, isAppError } from '../domain/errors.js';
import type { User } from '../db/queries/users.js';
import { apiRoutes } from './routes/api.js';
import { loadSession, loginPageRoutes, requireApiSession } from './routes/auth.js';
import { homeRoutes } from './routes/home.js';

export interface AppDeps {
  db: Db;
  config: Config;
}

/** `user` is set once the request's session is found (src/server/routes/auth.ts). */
export type AppEnv = { Variables: { deps: AppDeps; user?: User } };

/** Maps any thrown error to the JSON error shape (API) with the catalogue's status. */
export function errorBody(err: unknown): { status: number; body: { error: { code: string; message: { vi: string; en: string }; field?: string } } } {
  if (isAppError(err)) {
    return {
      status: err.status,
      body: { error: { code: err.code, message: err.messages, ...(err.field ? { field: err.field } : {}) } },
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
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('*', loadSession());
  app.use('/api/*', requireApiSession());
  app.route('/api', apiRoutes());
  app.route('/', loginPageRoutes());
  app.route('/', homeRoutes());
  app.notFound((c) => {
    const e = new AppError('NotFound', { vi: `Không có trang «${c.req.path}».`, en: `No such path "${c.req.path}".` });
    return c.json(errorBody(e).body, 404);
  });
  app.onError((err, c) => {
    const { status, body } = errorBody(err);
    if (status >= 500) console.error(err);
    return c.json(body, status as 400);
  });
  return app;
}
