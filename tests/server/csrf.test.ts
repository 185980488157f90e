/**
 * Cross-site requests are refused (issue #9 item 10; src/server/csrf.ts): a state-changing request
 * signed in by the cookie needs the session's CSRF token and must not come from another site; the
 * sign-in itself must be JSON from this site; bearer-token API clients are not affected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { csrfTokenFor } from '../../src/server/csrf.js';
import { signIn, type SignedIn } from '../helpers/auth.js';
import { type TestDb, testEngine } from '../helpers/test-db.js';
import { scopeWorld } from './fixtures-scope.js';

type Json = Record<string, any>;

describe(`cross-site request refusal, ${testEngine}`, () => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let clerk: SignedIn;
  const person = (card: string) => JSON.stringify({ cardNumber: card, fullName: 'Người Thử', sex: 'nam', admittedOn: '2012-01-01' });
  const post = (headers: Record<string, string>, body = person('77.001')) => app.request('http://localhost/api/persons', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const count = async () => Number((await t.db.selectFrom('persons').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    ({ t, app } = await scopeWorld());
    clerk = await signIn(app, t.db, { role: 'clerk', scope: 'CB-A' });
  });
  afterAll(() => t.close());

  it('hands the pages the session\'s token with the sign-in and with /api/auth/me', async () => {
    const me = (await (await app.request('/api/auth/me', { headers: { cookie: clerk.cookie } })).json()) as Json;
    expect(me.csrfToken).toBe(csrfTokenFor(clerk.token));
    expect(me.scopeName).toBe('Đơn vị CB-A');
  });

  it('refuses a cookie request without the token, or with another session\'s, and changes nothing', async () => {
    const before = await count();
    const attempts: Record<string, string>[] = [{ cookie: clerk.cookie }, { cookie: clerk.cookie, 'x-csrf-token': csrfTokenFor('another session') }];
    for (const headers of attempts) {
      const res = await post(headers);
      const e = ((await res.json()) as Json).error;
      expect([res.status, e.code, e.field]).toEqual([403, 'CrossSiteRefused', 'x-csrf-token']);
      expect(e.message.vi).toContain('mã chống giả mạo');
    }
    expect(await count()).toBe(before);
    const ok = await post({ cookie: clerk.cookie, 'x-csrf-token': csrfTokenFor(clerk.token), origin: 'http://localhost' });
    expect(ok.status).toBe(201);
  });

  it('refuses a request from another site even with the token (Origin, Fetch Metadata)', async () => {
    const token = { cookie: clerk.cookie, 'x-csrf-token': csrfTokenFor(clerk.token) };
    const sites: Record<string, string>[] = [{ origin: 'https://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }];
    for (const extra of sites) {
      const res = await post({ ...token, ...extra }, person('77.002'));
      expect([res.status, ((await res.json()) as Json).error.code]).toEqual([403, 'CrossSiteRefused']);
    }
    expect((await post({ ...token, 'sec-fetch-site': 'same-origin' }, person('77.003'))).status).toBe(201);
  });

  it('takes a sign-in only as JSON from this site', async () => {
    const body = JSON.stringify({ username: clerk.user.username, password: `mật khẩu ${clerk.user.username}` });
    const form = await app.request('http://localhost/api/auth/login', { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
    expect([form.status, ((await form.json()) as Json).error.field]).toEqual([403, 'content-type']);
    const cross = await app.request('http://localhost/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body });
    expect(cross.status).toBe(403);
    const ok = await app.request('http://localhost/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://localhost' }, body });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as Json).csrfToken).toEqual(expect.any(String));
  });

  it('lets bearer-token API clients write without a token or an Origin', async () => {
    expect((await post({ authorization: `Bearer ${clerk.token}` }, person('77.004'))).status).toBe(201);
    // A bearer header from another site is not something a browser sends by itself: still the client's.
    expect((await post({ authorization: `Bearer ${clerk.token}`, origin: 'https://tool.example' }, person('77.005'))).status).toBe(201);
  });

  it('leaves reads alone', async () => {
    expect((await app.request('/api/auth/me', { headers: { cookie: clerk.cookie, origin: 'https://evil.example' } })).status).toBe(200);
  });
});
