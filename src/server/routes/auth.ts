/**
 * Signing in and out. The API takes `Authorization: Bearer <token>` or the session cookie; pages
 * use the cookie (HttpOnly, SameSite=Lax). Wrong name, wrong password and disabled account get the
 * same answer and take the same time (a dummy hash is verified when there is no such user).
 * Repeated failures for one name or from one address are throttled (src/server/sign-in-throttle.ts).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { AppError } from '../../domain/errors.js';
import { createSession, deleteSession, findSessionUser, SESSION_HOURS } from '../../db/queries/sessions.js';
import { findUserForSignIn, normaliseUsername, type User } from '../../db/queries/users.js';
import type { AppEnv } from '../app.js';
import { currentUser, unauthenticated } from '../authorize.js';
import { csrfTokenFor } from '../csrf.js';
import { clientAddress, isHttps } from '../client-address.js';
import { scopeUnitName } from '../../db/queries/scope.js';
import { recordAudit } from '../../db/queries/audit.js';
import { verifyNobody, verifyPassword } from '../../services/passwords.js';
import { parseBody } from '../validate.js';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'xeploai_session';

export const loginBodySchema = z.strictObject({ username: z.string().max(200), password: z.string().max(1000) });

/** The session token of a request and how it came: the bearer token first, else the cookie. */
export function sessionTokenOf(c: Context): { token: string; via: 'bearer' | 'cookie' } | undefined {
  const header = c.req.header('authorization');
  const bearer = header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  if (bearer) return { token: bearer, via: 'bearer' };
  const cookie = getCookie(c, SESSION_COOKIE);
  return cookie ? { token: cookie, via: 'cookie' } : undefined;
}

/** The session token of a request: the bearer token first, else the cookie. */
export function tokenOf(c: Context): string | undefined {
  return sessionTokenOf(c)?.token;
}

/** Said for a wrong name, a wrong password or a disabled account alike: it must not tell which. */
export const WRONG_CREDENTIALS_VI = 'Tên đăng nhập hoặc mật khẩu không đúng.';

function wrongCredentials(): AppError {
  return new AppError('Unauthenticated', { vi: WRONG_CREDENTIALS_VI, en: 'Wrong username or password.' });
}

/** Checks a name and password; opens a session or throws the one wrong-credentials error (or TooManySignIns). */
async function signIn(c: Context<AppEnv>, username: string, password: string): Promise<{ token: string; expiresAt: string; user: User }> {
  const { db } = c.var.deps;
  const throttle = c.var.throttle;
  const attempt = { username: normaliseUsername(username), address: clientAddress(c) };
  await throttle.assertAllowed(attempt);
  const found = await findUserForSignIn(db, username);
  const ok = found ? await verifyPassword(found.passwordHash, password) : await verifyNobody(password);
  if (!found || !ok || found.disabled) {
    await throttle.recordFailure(attempt);
    await recordAudit(db, { actor: attempt.username, action: 'sign_in_failed', source: attempt.address ?? null, entity: 'user', entityKey: attempt.username });
    throw wrongCredentials();
  }
  await throttle.recordSuccess(attempt);
  await recordAudit(db, { actor: found.username, action: 'sign_in', source: attempt.address ?? null, entity: 'user', entityKey: found.username });
  const { passwordHash: _, ...user } = found;
  return { ...(await createSession(db, user.id)), user };
}

function setSessionCookie(c: Context, token: string): void {
  // Secure whenever the browser spoke HTTPS, to us or to the trusted proxy in front of us.
  const secure = isHttps(c as Context<AppEnv>);
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', path: '/', maxAge: SESSION_HOURS * 3600, secure });
}

async function endSession(c: Context<AppEnv>): Promise<void> {
  const token = tokenOf(c);
  if (token) await deleteSession(c.var.deps.db, token);
  const user = c.get('user');
  if (user) await recordAudit(c.var.deps.db, { actor: user.username, action: 'sign_out', source: clientAddress(c) ?? null, entity: 'user', entityKey: user.username });
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/** Finds the signed-in user (if any) and sets it on the context, with how the session came (bearer or cookie). */
export function loadSession(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const session = sessionTokenOf(c);
    const user = session ? await findSessionUser(c.var.deps.db, session.token) : undefined;
    if (user && session) {
      c.set('user', user);
      c.set('authVia', session.via);
      c.set('sessionToken', session.token);
    }
    await next();
  };
}

const OPEN_API_PATHS = new Set(['/api/health', '/api/auth/login']);

/** Every /api path except health and login needs a session: 401 otherwise. */
export function requireApiSession(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!OPEN_API_PATHS.has(c.req.path) && !c.get('user')) throw unauthenticated();
    await next();
  };
}

/** Routes under /api/auth: login, logout, me. */
export function authApiRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.post('/login', async (c) => {
    const body = await parseBody(c, loginBodySchema);
    const session = await signIn(c, body.username, body.password);
    setSessionCookie(c, session.token);
    // The pages keep the CSRF token (src/server/csrf.ts) in memory; API clients use the bearer token.
    return c.json({ token: session.token, expiresAt: session.expiresAt, user: session.user, csrfToken: csrfTokenFor(session.token) });
  });
  r.post('/logout', async (c) => {
    await endSession(c);
    return c.json({ ok: true });
  });
  // The signed-in user, the name of their scope unit and, for the pages, the session's CSRF token.
  r.get('/me', async (c) => {
    const user = currentUser(c);
    const token = c.var.sessionToken;
    const scopeName = await scopeUnitName(c.var.deps.db, user.scopeUnitId);
    return c.json({ user, scopeName, ...(token ? { csrfToken: csrfTokenFor(token) } : {}) });
  });
  return r;
}
