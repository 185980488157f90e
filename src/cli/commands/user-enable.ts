import { enableUser } from '../../db/queries/users.js';
import { withDb } from '../db.js';
import type { CliCommand } from '../command.js';
import { oneUsername } from './user-disable.js';

export const userEnable: CliCommand = {
  name: ['user', 'enable'],
  summary: 'Mở khóa tài khoản / Enable a user',
  help: `Cách dùng: xeploai user enable TÊN_ĐĂNG_NHẬP

Mở lại tài khoản đã khóa: đăng nhập được với mật khẩu cũ. Quên mật khẩu thì dùng
«xeploai user reset-password».

Usage: xeploai user enable USERNAME — a disabled user can sign in again (with the same password).`,
  async run(args, ctx) {
    const username = oneUsername(args);
    return withDb(ctx, async (db) => {
      const user = await enableUser(db, username);
      ctx.io.out(`Đã mở khóa tài khoản «${user.username}».`);
      return 0;
    });
  },
};
