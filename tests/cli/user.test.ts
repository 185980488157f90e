/** `xeploai user create | list | disable | enable | unlock | reset-password`, and the demo accounts made by `demo load`. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createDb, type Db } from '../../src/db/create-db.js';
import { createSession, findSessionUser } from '../../src/db/queries/sessions.js';
import { findUserForSignIn } from '../../src/db/queries/users.js';
import { verifyPassword } from '../../src/services/passwords.js';
import { cliEnv } from '../helpers/cli.js';

describe('xeploai user', () => {
  const cli = cliEnv();
  let db: Db;
  const signsIn = async (username: string, password: string) => {
    const user = await findUserForSignIn(db, username);
    return user !== undefined && !user.disabled && (await verifyPassword(user.passwordHash, password));
  };
  beforeAll(async () => {
    expect((await cli.run(['demo', 'load'])).code).toBe(0);
    db = createDb(loadConfig(cli.env));
  });
  afterAll(async () => {
    await db.destroy();
    await cli.cleanup();
  });

  it('demo load creates one demo account per role with the default password', async () => {
    const list = await cli.run(['user', 'list']);
    expect(list.code).toBe(0);
    const [header, ...rows] = list.out.trim().split('\n').map((l) => l.split('\t'));
    expect(header).toEqual(['Tên đăng nhập', 'Vai trò', 'Đơn vị phạm vi', 'Tên hiển thị', 'Trạng thái', 'Mã vai trò']);
    expect(rows.map((r) => [r[0], r[1], r[2], r[5]])).toEqual([
      ['admin', 'Quản trị hệ thống', 'TU-LAICHAU', 'admin'],
      ['bantochuc', 'Ban Tổ chức (cấp tổng hợp)', 'HU-TAMDUONG', 'compiler'],
      ['chibo', 'Cán bộ nhập liệu của đơn vị', 'TD-DU-TTTAMDUONG-CB01', 'clerk'],
      ['xem', 'Chỉ xem', 'HU-TAMDUONG', 'viewer'],
    ]);
    expect(await signsIn('chibo', 'xeploai-demo')).toBe(true);
  });

  it('user unlock clears the failed sign-ins of a name at every address (the shared throttle of every process)', async () => {
    const { SignInThrottle } = await import('../../src/server/sign-in-throttle.js');
    const throttle = new SignInThrottle(db);
    for (const address of ['203.0.113.1', '203.0.113.2']) for (let i = 0; i < 6; i++) await throttle.recordFailure({ username: 'chibo', address });
    await expect(throttle.assertAllowed({ username: 'chibo', address: '203.0.113.1' })).rejects.toMatchObject({ code: 'TooManySignIns' });
    const r = await cli.run(['user', 'unlock', 'CHIBO']);
    expect([r.code, r.out.trim()]).toEqual([0, 'Đã bỏ chờ đăng nhập cho «chibo» (2 địa chỉ).']);
    await expect(throttle.assertAllowed({ username: 'chibo', address: '203.0.113.1' })).resolves.toBeUndefined();
  });

  it('creates a user with a password from stdin, NFC-normalised', async () => {
    const r = await cli.run(['user', 'create', '--username', 'BanToChuc2', '--role', 'compiler', '--scope', 'HU-TAMDUONG', '--name', 'Ban Tổ chức', '--password-stdin'], 'Mật khẩu dài\n'.normalize('NFD'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('Đã tạo tài khoản «bantochuc2»');
    expect(r.out).not.toContain('Mật khẩu (chỉ hiện một lần');
    expect(await signsIn('bantochuc2', 'Mật khẩu dài'.normalize('NFC'))).toBe(true);
  });

  it('generates a password and prints it once when none is given', async () => {
    const r = await cli.run(['user', 'create', '--username', 'xem2', '--role', 'viewer', '--scope', 'TD-DU-TTTAMDUONG']);
    expect(r.code).toBe(0);
    const password = r.out.match(/chỉ hiện một lần, hãy ghi lại\): (\S+)/)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(await signsIn('xem2', password!)).toBe(true);
  });

  it.each([
    [['--username', 'a1', '--role', 'boss', '--scope', 'HU-TAMDUONG'], 'Vai trò «boss» không hợp lệ'],
    [['--username', 'a2', '--role', 'clerk', '--scope', 'KHONG-CO'], '«KHONG-CO»'],
    [['--username', 'admin', '--role', 'clerk', '--scope', 'HU-TAMDUONG'], 'Tên đăng nhập «admin» đã có người dùng'],
    [['--username', 'Nguyễn', '--role', 'clerk', '--scope', 'HU-TAMDUONG'], 'Tên đăng nhập «nguyễn» không hợp lệ'],
    [['--role', 'clerk', '--scope', 'HU-TAMDUONG'], 'Thiếu tùy chọn --username'],
  ])('refuses %j with a Vietnamese message and exit 1, creating nobody', async (args, message) => {
    const before = (await cli.run(['user', 'list'])).out;
    const r = await cli.run(['user', 'create', ...args]);
    expect([r.code, r.err]).toEqual([1, expect.stringContaining(message)]);
    expect((await cli.run(['user', 'list'])).out).toBe(before);
  });

  it('refuses a short password from stdin', async () => {
    const r = await cli.run(['user', 'create', '--username', 'ngan', '--role', 'clerk', '--scope', 'HU-TAMDUONG', '--password-stdin'], 'ngan\n');
    expect([r.code, r.err]).toEqual([1, expect.stringContaining('ít nhất 8 ký tự')]);
  });

  it('disables a user, who can no longer sign in; an unknown name exits 1', async () => {
    const r = await cli.run(['user', 'disable', 'xem']);
    expect([r.code, r.out]).toEqual([0, expect.stringContaining('Đã khóa tài khoản «xem»')]);
    expect(await signsIn('xem', 'xeploai-demo')).toBe(false);
    expect((await cli.run(['user', 'list'])).out).toMatch(/^xem\t.*\tđã khóa\tviewer$/m);
    const unknown = await cli.run(['user', 'disable', 'khong-co']);
    expect([unknown.code, unknown.err]).toEqual([1, expect.stringContaining('«khong-co»')]);
  });

  it('enables a disabled user again; an unknown name exits 1', async () => {
    expect((await cli.run(['user', 'disable', 'bantochuc'])).code).toBe(0);
    expect(await signsIn('bantochuc', 'xeploai-demo')).toBe(false);
    const r = await cli.run(['user', 'enable', 'BanToChuc']);
    expect([r.code, r.out]).toEqual([0, expect.stringContaining('Đã mở khóa tài khoản «bantochuc»')]);
    expect(await signsIn('bantochuc', 'xeploai-demo')).toBe(true);
    const unknown = await cli.run(['user', 'enable', 'khong-co']);
    expect([unknown.code, unknown.err]).toEqual([1, expect.stringContaining('«khong-co»')]);
  });

  it('resets a password from stdin or generated, ending open sessions; the old password stops working', async () => {
    const session = await createSession(db, (await findUserForSignIn(db, 'chibo'))!.id);
    const r = await cli.run(['user', 'reset-password', 'chibo', '--password-stdin'], 'Mật khẩu mới dài\n');
    expect([r.code, r.out]).toEqual([0, expect.stringContaining('Đã đặt lại mật khẩu của «chibo»')]);
    expect(r.out).not.toContain('chỉ hiện một lần');
    expect(await signsIn('chibo', 'xeploai-demo')).toBe(false);
    expect(await signsIn('chibo', 'Mật khẩu mới dài')).toBe(true);
    expect(await findSessionUser(db, session.token)).toBeUndefined();
    const generated = await cli.run(['user', 'reset-password', 'chibo']);
    const password = generated.out.match(/chỉ hiện một lần, hãy ghi lại\): (\S+)/)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(await signsIn('chibo', password!)).toBe(true);
    const short = await cli.run(['user', 'reset-password', 'chibo', '--password-stdin'], 'ngan\n');
    expect([short.code, short.err]).toEqual([1, expect.stringContaining('ít nhất 8 ký tự')]);
    expect(await signsIn('chibo', password!)).toBe(true);
    const unknown = await cli.run(['user', 'reset-password', 'khong-co']);
    expect([unknown.code, unknown.err]).toEqual([1, expect.stringContaining('«khong-co»')]);
  });

  it('prints Vietnamese help', async () => {
    const r = await cli.run(['user', 'create', '--help']);
    expect([r.code, r.out]).toEqual([0, expect.stringContaining('Cách dùng: xeploai user create')]);
  });
});
