import { createDb, migrateToLatest } from '../../db/create-db.js';
import { enableUser } from '../../db/queries/users.js';
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
    const config = ctx.config();
    const db = createDb(config);
    try {
      await migrateToLatest(db, { pgSchema: config.pgSchema });
      const user = await enableUser(db, username);
      ctx.io.out(`Đã mở khóa tài khoản «${user.username}».`);
      return 0;
    } finally {
      await db.destroy();
    }
  },
};
