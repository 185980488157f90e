/**
 * Attacks through the browser (issue #11 item 2): 24 simulated cross-site writes riding the session
 * cookie are all refused and change nothing; every answer carries the security headers; `next` after
 * signing in goes only to a path of this site, whatever a browser would make of tabs, line breaks and
 * backslashes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeNext } from '../../src/domain/safe-next.js';
import { createApp } from '../../src/server/app.js';
import { csrfTokenFor } from '../../src/server/csrf.js';
import { signIn, type SignedIn } from '../helpers/auth.js';
import { type TestDb, testEngine } from '../helpers/test-db.js';
import { snapshot } from '../workflow/helpers.js';
import { scopeWorld } from './fixtures-scope.js';

type Json = Record<string, any>;

describe(`browser-borne attacks, ${testEngine}`, () => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let clerk: SignedIn;

  beforeAll(async () => {
    ({ t, app } = await scopeWorld());
    clerk = await signIn(app, t.db, { role: 'clerk', scope: 'CB-A' });
  });
  afterAll(() => t.close());

  it('refuses 24 cross-site writes riding the cookie (forms, text/plain, foreign or null Origin, cross-site fetch metadata) and changes nothing', async () => {
    const targets = [
      { method: 'POST', path: '/api/persons', body: JSON.stringify({ cardNumber: '66.001', fullName: 'Kẻ Giả Mạo', sex: 'nam', admittedOn: '2012-01-01' }) },
      { method: 'PATCH', path: '/api/persons/10.001', body: JSON.stringify({ fullName: 'Tên Bị Đổi' }) },
      { method: 'POST', path: '/api/persons/10.001/events', body: JSON.stringify({ kind: 'sick_leave', startsOn: '2023-01-01', endsOn: '2023-02-01' }) },
    ];
    const variants: Record<string, string>[] = [
      { 'content-type': 'text/plain', origin: 'https://evil.example' },
      { 'content-type': 'text/plain' },
      { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      { 'content-type': 'multipart/form-data; boundary=x', origin: 'null' },
      { 'content-type': 'application/json', origin: 'https://evil.example' },
      { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      { 'content-type': 'application/json', 'sec-fetch-site': 'same-site', 'x-csrf-token': csrfTokenFor(clerk.token) },
      { 'content-type': 'application/json', origin: 'http://localhost.evil.example', 'x-csrf-token': csrfTokenFor(clerk.token) },
    ];
    const before = await snapshot(t.db);
    const persons = await t.db.selectFrom('persons').selectAll().orderBy('id').execute();
    let refused = 0;
    for (const target of targets) {
      for (const headers of variants) {
        const res = await app.request(`http://localhost${target.path}`, { method: target.method, headers: { cookie: clerk.cookie, ...headers }, body: target.body });
        const body = (await res.json()) as Json;
        expect([res.status, body.error?.code], `${target.method} ${target.path} ${JSON.stringify(headers)}`).toEqual([403, 'CrossSiteRefused']);
        expect(body.error.message.vi).toMatch(/^Yêu cầu bị từ chối vì /);
        refused++;
      }
    }
    expect(refused).toBe(24);
    expect(await snapshot(t.db)).toEqual(before);
    expect(await t.db.selectFrom('persons').selectAll().orderBy('id').execute()).toEqual(persons);
    // The same write from the page itself (token, this site) goes through: the refusals were not blanket ones.
    const ok = await app.request('http://localhost/api/persons/10.001', { method: 'PATCH', headers: { cookie: clerk.cookie, 'content-type': 'application/json', origin: 'http://localhost', 'x-csrf-token': csrfTokenFor(clerk.token) }, body: JSON.stringify({ fullName: 'Nguyễn Văn An' }) });
    expect(ok.status).toBe(200);
  });

  it('sends the security headers with pages, API answers and errors', async () => {
    for (const [path, headers] of [['/api/auth/me', { cookie: clerk.cookie }], ['/login', {}], ['/api/khong-co', { cookie: clerk.cookie }], ['/api/auth/me', {}]] as const) {
      const res = await app.request(path, { headers });
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('strict-transport-security')).toBeNull(); // plain HTTP here
    }
    const https = await app.request('https://xeploai.example/login');
    expect(https.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });

  it('sends a signed-in user after the sign-in page only to a path of this site', async () => {
    const answer = (next: string) => app.request(`/login?next=${encodeURIComponent(next)}`, { headers: { cookie: clerk.cookie } });
    const go = async (next: string) => (await answer(next)).headers.get('location');
    for (const evil of ['//evil.example', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '/%09/evil.example', '/..//evil.example']) {
      const location = await go(evil);
      expect(location === '/' || (location?.startsWith('/') && !location.startsWith('//')), `${JSON.stringify(evil)} → ${location}`).toBe(true);
      expect(new URL(location!, 'http://localhost').host).toBe('localhost');
    }
    // Control characters in the query (a tab or line break a browser would drop) are refused outright, naming `next`.
    for (const evil of ['/\t/evil.example', '/\n/evil.example', '/\r\nSet-Cookie: x=1']) {
      const res = await answer(evil);
      expect([res.status, res.headers.get('location'), res.headers.get('set-cookie')]).toEqual([400, null, null]);
      expect(await res.text()).toContain('«next»');
    }
    expect(await go('/units/CB-A?cycle=2023#top')).toBe('/units/CB-A?cycle=2023#top');
  });
});

describe('safeNext', () => {
  it('keeps local paths and turns everything that would leave the site into /', () => {
    expect(safeNext('/units/CB-A?cycle=2023')).toBe('/units/CB-A?cycle=2023');
    expect(safeNext('/báo-cáo')).toBe('/b%C3%A1o-c%C3%A1o');
    for (const bad of [null, undefined, '', 'evil.example', '//evil.example', '/\t/evil.example', '/\\evil', '/\u0000x', '/login', '/login?next=/x', 'http://evil.example']) expect(safeNext(bad)).toBe('/');
  });
});
