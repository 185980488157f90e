import { parseArgs } from 'node:util';
import { listUsers } from '../../db/queries/users.js';
import { ROLE_LABELS } from '../../domain/access.js';
import { withDb } from '../db.js';
import type { CliCommand } from '../command.js';

/** The header row, Vietnamese: the columns below are tab-separated so they paste into a spreadsheet. */
export const USER_LIST_HEADER = ['Tên đăng nhập', 'Vai trò', 'Đơn vị phạm vi', 'Tên hiển thị', 'Trạng thái', 'Mã vai trò'];

export const userList: CliCommand = {
  name: ['user', 'list'],
  summary: 'Liệt kê tài khoản / List users',
  help: `Cách dùng: xeploai user list

Liệt kê các tài khoản, một dòng một tài khoản, các cột cách nhau bằng dấu Tab (dán được vào bảng
tính), dòng đầu là tên cột: tên đăng nhập, vai trò, mã đơn vị phạm vi, tên hiển thị, trạng thái,
mã vai trò (admin, compiler, clerk, viewer — dùng với «user create --role»).

Usage: xeploai user list — a header row, then one tab-separated line per user: username, role (in
Vietnamese), scope unit, display name, status, role code.`,
  async run(args, ctx) {
    parseArgs({ args, options: {}, strict: true });
    return withDb(ctx, async (db) => {
      const users = await listUsers(db);
      if (users.length === 0) {
        ctx.io.out('Chưa có tài khoản nào. Tạo bằng: xeploai user create --help');
        return 0;
      }
      ctx.io.out(USER_LIST_HEADER.join('\t'));
      for (const u of users) {
        ctx.io.out([u.username, ROLE_LABELS[u.role], u.scopeUnitCode, u.displayName, u.disabled ? 'đã khóa' : 'đang dùng', u.role].join('\t'));
      }
      return 0;
    });
  },
};
