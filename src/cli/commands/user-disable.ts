import { parseArgs } from 'node:util';
import { disableUser } from '../../db/queries/users.js';
import { AppError } from '../../domain/errors.js';
import { withDb } from '../db.js';
import type { CliCommand } from '../command.js';

/** The one user name a command takes as its argument. */
export function oneUsername(args: string[]): string {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  const [username, ...extra] = positionals;
  if (!username || extra.length > 0) {
    throw new AppError('ValidationFailed', { vi: 'Cần đúng một tên đăng nhập.', en: 'Exactly one username is required.' }, { field: 'username' });
  }
  return username;
}

export const userDisable: CliCommand = {
  name: ['user', 'disable'],
  summary: 'Khóa tài khoản / Disable a user',
  help: `Cách dùng: xeploai user disable TÊN_ĐĂNG_NHẬP

Khóa tài khoản: không đăng nhập được nữa, các phiên đang mở bị đóng ngay.

Usage: xeploai user disable USERNAME — the user can no longer sign in; open sessions end at once.`,
  async run(args, ctx) {
    const username = oneUsername(args);
    return withDb(ctx, async (db) => {
      const user = await disableUser(db, username);
      ctx.io.out(`Đã khóa tài khoản «${user.username}».`);
      return 0;
    });
  },
};
