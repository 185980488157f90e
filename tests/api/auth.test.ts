/**
 * Signing in and out (issue #3 item 7): the API login, bearer and cookie sessions, one answer for
 * every wrong credential, disabled users, NFC/NFD passwords, and the sign-in page in front of the
 * web application.
 */
import { SIGN_IN_ADDRESS_LIMIT } from '../../src/server/sign-in-throttle.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  const loginOn = (a: ReturnType<typeof createApp>, username: string, password: string, headers: Record<string, string> = {}) =>
    a.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ username, password }) });

  it('refuses a name for the rest of the window after 5 failures, even with the right password, in Vietnamese', async () => {
    const fresh = createApp({ db: t.db, config: t.config }); // its own throttle
    for (let i = 0; i < 5; i++) expect((await loginOn(fresh, 'chibo.a', `sai ${i}`)).status).toBe(401);
    const blocked = await loginOn(fresh, 'CHIBO.A', PASSWORD_NFC);
    expect(blocked.status).toBe(429);
    const body = (await blocked.json()) as Json;
    expect(body.error.code).toBe('TooManySignIns');
    expect(body.error.message.vi).toBe('Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 10 phút.');
    expect(blocked.headers.get('set-cookie')).toBeNull();
    // Another name is not affected (no address is known in process).
    const other = await createUser(t.db, { username: 'chibo.a2', role: 'clerk', scopeUnitCode: 'CB-A', passwordHash: await hashPassword('mật khẩu khác') });
    expect((await loginOn(fresh, other.username, 'mật khẩu khác')).status).toBe(200);
  });

  it('a success before the limit clears the name: four failures, a success, four more are still allowed', async () => {
    const fresh = createApp({ db: t.db, config: t.config });
    for (let i = 0; i < 4; i++) expect((await loginOn(fresh, 'chibo.a', 'sai')).status).toBe(401);
    expect((await loginOn(fresh, 'chibo.a', PASSWORD_NFC)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await loginOn(fresh, 'chibo.a', 'sai')).status).toBe(401);
    expect((await loginOn(fresh, 'chibo.a', PASSWORD_NFC)).status).toBe(200);
  });

  it('refuses one address after SIGN_IN_ADDRESS_LIMIT failures across names (behind a trusted proxy), other addresses still sign in', async () => {
    const fresh = createApp({ db: t.db, config: { ...t.config, trustProxy: true } });
    const from = (ip: string) => ({ 'x-forwarded-for': `${ip}, 10.0.0.1` });
    for (let i = 0; i < SIGN_IN_ADDRESS_LIMIT - 1; i++) expect((await loginOn(fresh, `khong-co-${i}`, 'sai', from('203.0.113.7'))).status).toBe(401);
    // A shared office address is not blocked by a few colleagues' failures …
    expect((await loginOn(fresh, 'chibo.a', PASSWORD_NFC, from('203.0.113.7'))).status).toBe(200);
    expect((await loginOn(fresh, 'khong-co-x', 'sai', from('203.0.113.7'))).status).toBe(401);
    // … but is once the address limit is reached.
    expect((await loginOn(fresh, 'chibo.a', PASSWORD_NFC, from('203.0.113.7'))).status).toBe(429);
    expect((await loginOn(fresh, 'chibo.a', PASSWORD_NFC, from('203.0.113.8'))).status).toBe(200);
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
