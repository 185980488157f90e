import { parseArgs } from 'node:util';
import { createDb, migrateToLatest } from '../../db/create-db.js';
import { listUsers } from '../../db/queries/users.js';
import type { CliCommand } from '../command.js';

export const userList: CliCommand = {
  name: ['user', 'list'],
  summary: 'Liệt kê tài khoản / List users',
  help: `Cách dùng: xeploai user list

Liệt kê các tài khoản: tên đăng nhập, vai trò, đơn vị phạm vi, tên hiển thị, trạng thái.

Usage: xeploai user list — one line per user: username, role, scope unit, display name, status.`,
  async run(args, ctx) {
    parseArgs({ args, options: {}, strict: true });
    const config = ctx.config();
    const db = createDb(config);
    try {
      await migrateToLatest(db, { pgSchema: config.pgSchema });
      const users = await listUsers(db);
      if (users.length === 0) {
        ctx.io.out('Chưa có tài khoản nào. Tạo bằng: xeploai user create --help');
        return 0;
      }
      for (const u of users) {
        ctx.io.out([u.username, u.role, u.scopeUnitCode, u.displayName, u.disabled ? 'đã khóa' : 'đang dùng'].join('\t'));
      }
      return 0;
    } finally {
      await db.destroy();
    }
  },
};
