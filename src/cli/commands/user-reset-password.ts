import { parseArgs } from 'node:util';
import { setUserPassword } from '../../db/queries/users.js';
import { AppError } from '../../domain/errors.js';
import { hashPassword } from '../../services/passwords.js';
import { withDb } from '../db.js';
import type { CliCommand } from '../command.js';
import { passwordFrom } from './user-create.js';

export const userResetPassword: CliCommand = {
  name: ['user', 'reset-password'],
  summary: 'Đặt lại mật khẩu / Reset a user’s password',
  help: `Cách dùng: xeploai user reset-password TÊN_ĐĂNG_NHẬP [--password-stdin]

Đặt mật khẩu mới cho một tài khoản và đóng mọi phiên đăng nhập đang mở của tài khoản đó. Mật khẩu
đọc từ đầu vào chuẩn khi có --password-stdin (ít nhất 8 ký tự), nếu không thì được sinh ngẫu nhiên
và in ra MỘT lần. Tài khoản đang bị khóa vẫn bị khóa (mở bằng «xeploai user enable»).

Ví dụ: printf '%s' 'mật-khẩu-mới-dài' | xeploai user reset-password chibo --password-stdin

Usage: xeploai user reset-password USERNAME [--password-stdin] — sets a new password (from stdin, or
generated and printed once) and ends the user's open sessions.`,
  async run(args, ctx) {
    const { values, positionals } = parseArgs({ args, options: { 'password-stdin': { type: 'boolean' } }, allowPositionals: true, strict: true });
    const [username, ...extra] = positionals;
    if (!username || extra.length > 0) {
      throw new AppError('ValidationFailed', { vi: 'Cần đúng một tên đăng nhập.', en: 'Exactly one username is required.' }, { field: 'username' });
    }
    const { password, generated } = await passwordFrom(ctx.io, values['password-stdin'] === true);
    return withDb(ctx, async (db) => {
      const user = await setUserPassword(db, username, await hashPassword(password));
      ctx.io.out(`Đã đặt lại mật khẩu của «${user.username}»; các phiên đăng nhập cũ đã đóng.${user.disabled ? ' Tài khoản vẫn đang bị khóa.' : ''}`);
      if (generated) ctx.io.out(`Mật khẩu mới (chỉ hiện một lần, hãy ghi lại): ${password}`);
      return 0;
    });
  },
};
