/** Accounts, for the administrator (issue #9 item 9): list, create, change, new password. Parse → call → present. */
import { Hono } from 'hono';
import { z } from 'zod';
import { changeAccount, createAccount, listAccounts, resetAccountPassword } from '../../services/users.js';
import type { AppEnv } from '../app.js';
import { normaliseUsername } from '../../db/queries/users.js';
import { authorizeRole } from '../authorize.js';
import { parseBody } from '../validate.js';

const version = z.number().int().min(1).optional();
export const createUserBody = z.strictObject({
  username: z.string().min(1).max(64),
  role: z.string(),
  scope: z.string().min(1),
  displayName: z.string().max(200).optional(),
  password: z.string().max(1000).optional(),
});
export const changeUserBody = z.strictObject({
  version,
  displayName: z.string().max(200).optional(),
  role: z.string().optional(),
  scope: z.string().min(1).optional(),
  disabled: z.boolean().optional(),
});
export const passwordBody = z.strictObject({ version, password: z.string().max(1000).optional() });

/** Routes under /api: /users, /users/:username, /users/:username/password, /users/:username/unlock (administrator only). */
export function userRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/users', async (c) => {
    authorizeRole(c, 'admin');
    return c.json({ users: await listAccounts(c.var.deps.db) });
  });
  r.post('/users', async (c) => {
    const body = await parseBody(c, createUserBody);
    authorizeRole(c, 'admin');
    const input = { username: body.username, role: body.role, scopeUnitCode: body.scope, displayName: body.displayName, password: body.password };
    return c.json(await createAccount(c.var.deps.db, input), 201);
  });
  r.patch('/users/:username', async (c) => {
    const body = await parseBody(c, changeUserBody);
    const actor = authorizeRole(c, 'admin');
    const { scope, ...rest } = body;
    return c.json({ user: await changeAccount(c.var.deps.db, { ...rest, scopeUnitCode: scope, actor, username: c.req.param('username') }) });
  });
  r.post('/users/:username/password', async (c) => {
    const body = await parseBody(c, passwordBody);
    authorizeRole(c, 'admin');
    return c.json(await resetAccountPassword(c.var.deps.db, { username: c.req.param('username'), ...body }));
  });
  // The administrator's unlock of a name slowed by failed sign-ins (src/server/sign-in-throttle.ts).
  r.post('/users/:username/unlock', async (c) => {
    authorizeRole(c, 'admin');
    // Any name, existing or not: failures are counted for names that do not exist too.
    const username = normaliseUsername(c.req.param('username'));
    return c.json({ username, cleared: await c.var.throttle.unlock(username) });
  });
  return r;
}
