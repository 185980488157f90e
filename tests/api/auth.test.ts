/**
 * Signing in and out (issue #3 item 7): the API login, bearer and cookie sessions, one answer for
 * every wrong credential, disabled users, NFC/NFD passwords, and the sign-in page in front of the
 * web application.
 */
import { SIGN_IN_ADDRESS_FREE_FAILURES, SIGN_IN_FREE_FAILURES } from '../../src/server/sign-in-throttle.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCycle } from '../../src/db/queries/cycles.js';
import { createSession, hashToken } from '../../src/db/queries/sessions.js';
import { createUser, disableUser } from '../../src/db/queries/users.js';
import { createApp } from '../../src/server/app.js';
import { hashPassword, verifyNobody, verifyPassword } from '../../src/services/passwords.js';
import { signIn } from '../helpers/auth.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';
import { seedScopeOrg } from '../server/fixtures-scope.js';

type Json = Record<string, any>;
const WRONG = 'Tên đăng nhập hoặc mật khẩu không đúng.';
/** "Mật khẩu Đảng viên" as typed on a keyboard that sends composed characters. */
const PASSWORD_NFC = 'Mật khẩu Đảng viên'.normalize('NFC');

let t: TestDb;
let app: ReturnType<typeof createApp>;

const login = (username: string, password: string) =>
  app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
const me = (headers: Record<string, string>) => app.request('/api/auth/me', { headers });

beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, config: t.config });
  await seedScopeOrg(t.db);
  await createCycle(t.db, { year: 2022, referenceDate: '2022-12-31' });
  await createUser(t.db, { username: 'chibo.a', displayName: 'Bí thư chi bộ A', role: 'clerk', scopeUnitCode: 'CB-A', passwordHash: await hashPassword(PASSWORD_NFC) });
});
afterAll(() => t.close());

describe(`sign-in API on ${testEngine}`, () => {
  it('returns a token and the user, sets an HttpOnly SameSite=Lax cookie, and stores only a hash of the token', async () => {
    const res = await login('chibo.a', PASSWORD_NFC);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(body.user).toMatchObject({ username: 'chibo.a', role: 'clerk', scopeUnitCode: 'CB-A', disabled: false });
    expect(body.user.passwordHash).toBeUndefined();
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toContain(`xeploai_session=${body.token}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const stored = await t.db.selectFrom('sessions').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).toContain(hashToken(body.token));
    expect(stored.map((s) => s.token_hash)).not.toContain(body.token);
    expect((await me({ authorization: `Bearer ${body.token}` })).status).toBe(200);
    expect(((await (await me({ cookie: `xeploai_session=${body.token}` })).json()) as Json).user.username).toBe('chibo.a');
  });

  it('answers a wrong password and an unknown name alike, in Vietnamese, without a cookie', async () => {
    for (const [name, password] of [['chibo.a', 'sai mật khẩu'], ['khong-co-ai', PASSWORD_NFC]] as const) {
      const res = await login(name, password);
      const body = (await res.json()) as Json;
      expect([res.status, body.error.code, body.error.message.vi]).toEqual([401, 'Unauthenticated', WRONG]);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });

  it('signs in with an NFD-typed password against the NFC hash, and with the name in another case', async () => {
    expect(PASSWORD_NFC.normalize('NFD')).not.toBe(PASSWORD_NFC);
    expect((await login('chibo.a', PASSWORD_NFC.normalize('NFD'))).status).toBe(200);
    expect((await login(' CHIBO.A ', PASSWORD_NFC)).status).toBe(200);
    const stored = await hashPassword(PASSWORD_NFC);
    expect(await verifyPassword(stored, PASSWORD_NFC.normalize('NFD'))).toBe(true);
    expect(await verifyPassword(stored, 'Mat khau Dang vien')).toBe(false);
    expect(await verifyPassword('not-a-hash', PASSWORD_NFC)).toBe(false);
    expect(await verifyNobody(PASSWORD_NFC)).toBe(false);
  });

  it('refuses a disabled user with the same answer, and ends its open sessions', async () => {
    const user = await signIn(app, t.db, { role: 'viewer', scope: 'CB-A', username: 'sap-khoa', password: 'mật khẩu cũ' });
    expect((await me(user.headers)).status).toBe(200);
    await disableUser(t.db, 'sap-khoa');
    expect((await me(user.headers)).status).toBe(401);
    const res = await login('sap-khoa', 'mật khẩu cũ');
    expect([res.status, ((await res.json()) as Json).error.message.vi]).toEqual([401, WRONG]);
  });

  it('signs out (the token stops working) and refuses an expired session', async () => {
    const s = await signIn(app, t.db, { role: 'viewer', scope: 'CB-A' });
    const out = await app.request('/api/auth/logout', { method: 'POST', headers: s.headers });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/xeploai_session=;.*Max-Age=0/i);
    const after = await me(s.headers);
    expect([after.status, ((await after.json()) as Json).error.code]).toEqual([401, 'Unauthenticated']);
    const old = await createSession(t.db, s.user.id, new Date(Date.now() - 8 * 24 * 3600_000));
    expect((await me({ authorization: `Bearer ${old.token}` })).status).toBe(401);
    expect((await me({ authorization: 'Bearer khong-phai-token' })).status).toBe(401);
  });

  it('names a missing field of the login body', async () => {
    const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"a"}' });
    const e = ((await res.json()) as Json).error;
    expect([res.status, e.field]).toEqual([400, 'password']);
    expect(e.message.vi).toBe('Trường «password» không hợp lệ: bắt buộc phải có, nhưng chưa có giá trị.');
    expect(e.message.en).toBe('Field "password" is invalid: Invalid input: expected string, received undefined.');
  });
});

describe(`the pages behind the sign-in page on ${testEngine}`, () => {
  it('sends a signed-out visitor to /login?next=…, which serves the web application; a signed-in one goes on to `next`', async () => {
    const home = await app.request('/');
    expect([home.status, home.headers.get('location')]).toEqual([302, '/login?next=%2F']);
    const unit = await app.request('/units/CB-A?cycle=2022');
    expect(unit.headers.get('location')).toBe('/login?next=%2Funits%2FCB-A%3Fcycle%3D2022');
    const page = await app.request('/login?next=%2Funits%2FCB-A');
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    expect(await page.text()).toContain('<div id="root">');
    const s = await signIn(app, t.db, { role: 'clerk', scope: 'CB-A' });
    const again = await app.request('/login?next=%2Funits%2FCB-A', { headers: { cookie: s.cookie } });
    expect([again.status, again.headers.get('location')]).toEqual([302, '/units/CB-A']);
    const offsite = await app.request('/login?next=%2F%2Fevil.example%2F', { headers: { cookie: s.cookie } });
    expect(offsite.headers.get('location')).toBe('/');
  });
});

describe(`sign-in throttling on ${testEngine}`, () => {
  let now = Date.parse('2024-03-01T08:00:00Z');
  const clock = () => now;
  /** A request arriving on a socket from `socket` (the in-process app has none otherwise). */
  const loginOn = (a: ReturnType<typeof createApp>, username: string, password: string, options: { socket?: string; headers?: Record<string, string> } = {}) =>
    a.request(
      '/api/auth/login',
      { method: 'POST', headers: { 'content-type': 'application/json', ...options.headers }, body: JSON.stringify({ username, password }) },
      options.socket ? { incoming: { socket: { remoteAddress: options.socket } } } : undefined,
    );
  beforeEach(async () => {
    await t.db.deleteFrom('sign_in_failures').execute();
  });

  it('slows a name and address pair after 5 failures with growing delays, never locks the name for another address, and an admin unlocks it', async () => {
    const fresh = createApp({ db: t.db, config: t.config, clock });
    const from = { socket: '203.0.113.7' };
    for (let i = 0; i < SIGN_IN_FREE_FAILURES; i++) expect((await loginOn(fresh, 'chibo.a', `sai ${i}`, from)).status).toBe(401);
    const blocked = await loginOn(fresh, 'CHIBO.A', PASSWORD_NFC, from);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('2');
    const body = (await blocked.json()) as Json;
    expect(body.error.code).toBe('TooManySignIns');
    expect(body.error.message.vi).toBe('Đăng nhập sai nhiều lần. Vui lòng chờ 2 giây rồi thử lại (quản trị viên có thể mở khóa ngay).');
    expect(blocked.headers.get('set-cookie')).toBeNull();
    // The owner signing in from elsewhere is not affected: no denial of service by a stranger's guesses.
    expect((await loginOn(fresh, 'chibo.a', PASSWORD_NFC, { socket: '198.51.100.4' })).status).toBe(200);
    // Each further failure doubles the wait: 2 s, 4 s, 8 s …
    now += 2_000;
    expect((await loginOn(fresh, 'chibo.a', 'sai nữa', from)).status).toBe(401);
    expect((await loginOn(fresh, 'chibo.a', PASSWORD_NFC, from)).headers.get('retry-after')).toBe('4');
    now += 4_000;
    expect((await loginOn(fresh, 'chibo.a', 'sai nữa', from)).status).toBe(401);
    expect((await loginOn(fresh, 'chibo.a', PASSWORD_NFC, from)).headers.get('retry-after')).toBe('8');
    // The administrator's unlock clears it at once; another process (another app on the same database) sees the same counts.
    const other = createApp({ db: t.db, config: t.config, clock });
    expect((await loginOn(other, 'chibo.a', PASSWORD_NFC, from)).status).toBe(429);
    const admin = await signIn(app, t.db, { role: 'admin', scope: 'TINH' });
    const unlock = await app.request('/api/users/chibo.a/unlock', { method: 'POST', headers: admin.headers });
    expect([unlock.status, ((await unlock.json()) as Json).cleared]).toEqual([200, 1]);
    expect((await loginOn(other, 'chibo.a', PASSWORD_NFC, from)).status).toBe(200);
  });

  it('a success before the limit clears the pair: four failures, a success, four more are still allowed', async () => {
    const fresh = createApp({ db: t.db, config: t.config, clock });
    for (let i = 0; i < 4; i++) expect((await loginOn(fresh, 'chibo.a', 'sai')).status).toBe(401);
    expect((await loginOn(fresh, 'chibo.a', PASSWORD_NFC)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await loginOn(fresh, 'chibo.a', 'sai')).status).toBe(401);
    expect((await loginOn(fresh, 'chibo.a', PASSWORD_NFC)).status).toBe(200);
  });

  it('slows one address after many failures across names; behind the trusted proxy only the hop it appended counts, a spoofed X-Forwarded-For does not', async () => {
    const fresh = createApp({ db: t.db, config: { ...t.config, trustProxy: true, trustedProxies: ['127.0.0.1', '::1'] }, clock });
    // The client sent "X-Forwarded-For: 192.0.2.1" itself; the proxy on 127.0.0.1 appended the real address.
    const via = (real: string) => ({ socket: '::ffff:127.0.0.1', headers: { 'x-forwarded-for': `192.0.2.1, ${real}` } });
    for (let i = 0; i < SIGN_IN_ADDRESS_FREE_FAILURES - 1; i++) expect((await loginOn(fresh, `khong-co-${i}`, 'sai', via('203.0.113.7'))).status).toBe(401);
    // A shared office address is not slowed by a few colleagues' failures …
    expect((await loginOn(fresh, 'chibo.a', PASSWORD_NFC, via('203.0.113.7'))).status).toBe(200);
    expect((await loginOn(fresh, 'khong-co-x', 'sai', via('203.0.113.7'))).status).toBe(401);
    // … but is once the address's free failures are used, whatever it claims to forward for.
    expect((await loginOn(fresh, 'chibo.a', PASSWORD_NFC, via('203.0.113.7'))).status).toBe(429);
    expect((await loginOn(fresh, 'chibo.a', PASSWORD_NFC, via('203.0.113.8'))).status).toBe(200);
    const rows = await t.db.selectFrom('sign_in_failures').select('address').distinct().execute();
    expect(rows.map((r) => r.address)).toEqual(['203.0.113.7']);
    // Not through the proxy: the header is ignored and the socket's address counts.
    expect((await loginOn(fresh, 'khong-co-y', 'sai', { socket: '198.51.100.9', headers: { 'x-forwarded-for': '203.0.113.99' } })).status).toBe(401);
    expect(await t.db.selectFrom('sign_in_failures').select('key').where('address', '=', '203.0.113.99').execute()).toEqual([]);
  });

  it('sets the session cookie Secure when the trusted proxy says the browser spoke HTTPS, not when a client says so', async () => {
    const fresh = createApp({ db: t.db, config: { ...t.config, trustProxy: true, trustedProxies: ['127.0.0.1'] }, clock });
    const proxied = await loginOn(fresh, 'chibo.a', PASSWORD_NFC, { socket: '127.0.0.1', headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.5' } });
    expect(proxied.headers.get('set-cookie')).toMatch(/; Secure/);
    const direct = await loginOn(fresh, 'chibo.a', PASSWORD_NFC, { socket: '198.51.100.1', headers: { 'x-forwarded-proto': 'https' } });
    expect(direct.headers.get('set-cookie')).not.toMatch(/Secure/);
  });
});

describe(`bad input on ${testEngine}`, () => {
  it('says a validation failure in Vietnamese (zod locale) and English, and names an unknown key as the field', async () => {
    const short = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 5, password: 'x' }) });
    const e1 = ((await short.json()) as Json).error;
    expect([short.status, e1.field]).toEqual([400, 'username']);
    expect(e1.message.vi).toBe('Trường «username» không hợp lệ: phải là chữ.');
    expect(e1.message.en).toBe('Field "username" is invalid: Invalid input: expected string, received number.');
    const extra = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'a', password: 'b', remember: true, zz: 1 }) });
    const e2 = ((await extra.json()) as Json).error;
    expect([extra.status, e2.field]).toEqual([400, 'remember']);
    expect(e2.message.vi).toBe('Không có trường «remember»: hãy bỏ trường này hoặc kiểm tra lại tên trường.');
    expect(e2.message.en).toContain('Unrecognized keys');
  });
});
