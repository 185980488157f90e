import { parseArgs } from 'node:util';
import { serve as listen } from '@hono/node-server';
import { createDb, migrateToLatest } from '../../db/create-db.js';
import { countUnits } from '../../db/queries/overview.js';
import { loadDemoDistrict } from '../../demo/load.js';
import { createApp } from '../../server/app.js';
import { DEMO_USERS, createDemoUsers, demoSignInWorks } from '../../demo/users.js';
import { listUsers } from '../../db/queries/users.js';
import { ROLE_LABELS } from '../../domain/access.js';
import type { CliCommand } from '../command.js';

export const serve: CliCommand = {
  name: ['serve'],
  summary: 'Chạy máy chủ web / Start the web server',
  help: `Cách dùng: xeploai serve [--port N] [--host H] [--no-demo]

Cập nhật cấu trúc cơ sở dữ liệu, nạp huyện mẫu khi cơ sở dữ liệu còn trống, rồi phục vụ tại
http://localhost:3000 (đổi bằng --port hoặc biến PORT).

  --port N     cổng (mặc định PORT hoặc 3000)
  --host H     địa chỉ lắng nghe (mặc định 0.0.0.0)
  --no-demo    không nạp huyện mẫu khi cơ sở dữ liệu trống

Khi nạp huyện mẫu, các tài khoản thử admin, bantochuc, chibo, xem được tạo với mật khẩu
XEPLOAI_DEMO_PASSWORD (mặc định xeploai-demo); dòng «Đăng nhập thử» được in khi máy chủ chạy.

Usage: xeploai serve [--port N] [--host H] [--no-demo] — migrates, loads the demo district into an
empty database, and serves the product.`,
  async run(args, ctx) {
    const { values } = parseArgs({
      args,
      options: { port: { type: 'string' }, host: { type: 'string' }, 'no-demo': { type: 'boolean' } },
      strict: true,
    });
    const config = ctx.config({
      ...(values.port !== undefined ? { port: Number(values.port) } : {}),
      ...(values.host !== undefined ? { host: values.host } : {}),
      ...(values['no-demo'] ? { loadDemoWhenEmpty: false } : {}),
    });
    const db = createDb(config);
    await migrateToLatest(db, { pgSchema: config.pgSchema });
    if (config.loadDemoWhenEmpty && (await countUnits(db)) === 0) {
      ctx.io.out('Cơ sở dữ liệu trống: đang nạp huyện mẫu Tam Đường 2022…');
      const summary = await loadDemoDistrict(db, { onProgress: (m) => ctx.io.out(`  ${m}`) });
      ctx.io.out(`Đã nạp ${summary.units} đơn vị, ${summary.persons} đảng viên.`);
      const created = await createDemoUsers(db, config.demoPassword);
      ctx.io.out(`Đã tạo tài khoản thử: ${created.join(', ')}.`);
    }
    const app = createApp({ db, config });
    const server = listen({ fetch: app.fetch, port: config.port, hostname: config.host });
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const where = config.engine === 'postgres' ? 'PostgreSQL' : `SQLite ${config.sqlitePath}`;
    // The sign-in hint comes before the address line, which stays the last line ("ready").
    if (await demoSignInWorks(db, config.demoPassword)) {
      ctx.io.out(`Đăng nhập thử: ${DEMO_USERS[0]!.username} / ${config.demoPassword}`);
      const others = DEMO_USERS.slice(1).map((u) => `${u.username} (${ROLE_LABELS[u.role]}, ${u.scope})`);
      ctx.io.out(`  Tài khoản thử khác, cùng mật khẩu: ${others.join(', ')}.`);
    } else if ((await listUsers(db)).length === 0) {
      ctx.io.out('Chưa có tài khoản nào: tạo bằng «xeploai user create --help».');
    }
    ctx.io.out(`xeploai đang chạy tại http://localhost:${port}  (cơ sở dữ liệu: ${where}; Ctrl+C để dừng)`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        server.close(() => resolve());
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await db.destroy();
    return 0;
  },
};
