/**
 * Signing in for tests: creates a user directly through the query module, then signs in through
 * the real route (POST /api/auth/login), and returns the headers and cookie to send.
 */
import type { Db } from '../../src/db/create-db.js';
import { createUnit } from '../../src/db/queries/units.js';
import { createUser, type User } from '../../src/db/queries/users.js';
import type { Role } from '../../src/domain/access.js';
import type { createApp } from '../../src/server/app.js';
import { hashPassword } from '../../src/services/passwords.js';

type App = ReturnType<typeof createApp>;

export interface SignedIn {
  token: string;
  user: User;
  /** `{ authorization: 'Bearer …' }` */
  headers: Record<string, string>;
  /** `xeploai_session=…`, for page requests. */
  cookie: string;
}

export interface SignInOptions {
  role: Role;
  /** Code of the scope unit. */
  scope: string;
  username?: string;
  password?: string;
  /** Create the scope unit as a bare root when it does not exist (for tests that build the tree through the API). */
  createScope?: boolean;
}

let counter = 0;

/** Creates a user and signs it in; e.g. `await signIn(app, db, { role: 'admin', scope: 'TU-LAICHAU' })`. */
export async function signIn(app: App, db: Db, options: SignInOptions): Promise<SignedIn> {
  const username = options.username ?? `${options.role}${++counter}`;
  const password = options.password ?? `mật khẩu ${username}`;
  if (options.createScope && !(await db.selectFrom('org_units').select('id').where('code', '=', options.scope).executeTakeFirst())) {
    await createUnit(db, { code: options.scope, name: `Đơn vị ${options.scope}`, kind: 'province_committee', validFrom: '2000-01-01' });
  }
  await createUser(db, { username, role: options.role, scopeUnitCode: options.scope, passwordHash: await hashPassword(password) });
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { token: string; user: User };
  return { token: body.token, user: body.user, headers: { authorization: `Bearer ${body.token}` }, cookie: `xeploai_session=${body.token}` };
}

/** `init` with the session's bearer header added (an explicit authorization header wins). */
export function withAuth(session: SignedIn, init: RequestInit = {}): RequestInit {
  const headers = new Headers(init.headers);
  if (!headers.has('authorization')) headers.set('authorization', session.headers.authorization!);
  return { ...init, headers };
}

/** An app whose requests carry a session; a request naming `x-actor` goes as that user when one is given. */
export interface AuthedApp {
  request(path: string, init?: RequestInit): Response | Promise<Response>;
}

/** Wraps the app so every request signs in as `session` (or as `byActor[x-actor]`). */
export function authed(app: App, session: SignedIn, byActor: Record<string, SignedIn> = {}): AuthedApp {
  return {
    request(path, init = {}) {
      const headers = new Headers(init.headers);
      const actor = headers.get('x-actor');
      headers.delete('x-actor');
      const as = (actor !== null ? byActor[actor] : undefined) ?? session;
      return app.request(path, withAuth(as, { ...init, headers }));
    },
  };
}
