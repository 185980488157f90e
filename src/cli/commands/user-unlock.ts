import { normaliseUsername } from '../../db/queries/users.js';
import { clearUserFailures } from '../../db/queries/sign-in-failures.js';
import { withDb } from '../db.js';
import type { CliCommand } from '../command.js';
import { oneUsername } from './user-disable.js';

/** `xeploai user unlock NAME`: clears the failed sign-ins that slow a name (as POST /api/users/:username/unlock). */
export const userUnlock: CliCommand = {
  name: ['user', 'unlock'],
  summary: 'Bỏ chờ do đăng nhập sai / Clear failed sign-ins of a user',
  help: `Cách dùng: xeploai user unlock TÊN_ĐĂNG_NHẬP

Xóa các lần đăng nhập sai đang buộc tên này phải chờ (ở mọi địa chỉ), để người dùng đăng
nhập lại ngay. Không đổi mật khẩu, không mở tài khoản đã khóa (dùng «xeploai user enable»).

Usage: xeploai user unlock USERNAME — clears the failed sign-ins that make the name wait.`,
  async run(args, ctx) {
    const username = normaliseUsername(oneUsername(args));
    return withDb(ctx, async (db) => {
      const cleared = await clearUserFailures(db, username);
      ctx.io.out(`Đã bỏ chờ đăng nhập cho «${username}» (${cleared} địa chỉ).`);
      return 0;
    });
  },
};
