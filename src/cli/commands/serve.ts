import cluster from 'node:cluster';
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import { serve as listen } from '@hono/node-server';
import type { Config } from '../../config.js';
import { createDb, type Db, migrateToLatest } from '../../db/create-db.js';
import { countUnits } from '../../db/queries/overview.js';
import { loadDemoDistrict } from '../../demo/load.js';
import { createApp } from '../../server/app.js';
import { ensureWebBuild } from '../../server/web-build.js';
import { DEMO_USERS, createDemoUsers, demoSignInWorks } from '../../demo/users.js';
import { listUsers } from '../../db/queries/users.js';
import { ROLE_LABELS } from '../../domain/access.js';
import { AppError } from '../../domain/errors.js';
import { formatViInteger } from '../../domain/format/vi-number.js';
import type { CliCommand, CliContext } from '../command.js';

/** `--port` as typed: digits only, else an error that echoes it. */
function portOption(raw: string | undefined): { port: number } | Record<string, never> {
  if (raw === undefined) return {};
  if (!/^\d{1,5}$/.test(raw.trim()) || Number(raw) > 65535) {
    throw new AppError(
      'ValidationFailed',
      { vi: `Cổng (--port) không hợp lệ: «${raw}»; cổng là một số từ 0 đến 65535, ví dụ 3000.`, en: `Invalid port (--port): "${raw}"; a port is a number from 0 to 65535, e.g. 3000.` },
      { field: 'port' },
    );
  }
  return { port: Number(raw) };
}

/** A port that cannot be listened on, said as what to do about it (no stack trace). */
function listenError(e: unknown, port: number): unknown {
  const code = (e as { code?: string } | null)?.code;
  if (code === 'EADDRINUSE') {
    const next = port === 0 ? 3001 : port + 1;
    return new AppError('PortUnavailable', {
      vi: `Cổng ${port} đang được dùng; dừng chương trình kia hoặc chạy PORT=${next} npm start`,
      en: `Port ${port} is in use; stop the other program or run PORT=${next} npm start`,
    });
  }
  if (code === 'EACCES') {
    return new AppError('PortUnavailable', {
      vi: `Không được phép dùng cổng ${port} (cổng dưới 1024 cần quyền quản trị); chạy PORT=3000 npm start`,
      en: `Not allowed to use port ${port} (ports below 1024 need administrator rights); run PORT=3000 npm start`,
    });
  }
  return e;
}

async function loadDemoIfEmpty(db: Db, config: Config, ctx: CliContext): Promise<void> {
  if (!config.loadDemoWhenEmpty || (await countUnits(db)) > 0) return;
  ctx.io.out('Cơ sở dữ liệu trống: đang nạp huyện mẫu Tam Đường 2022…');
  let created: string[] = [];
  // The accounts in the district's transaction: a server stopped while loading leaves nothing.
  const summary = await loadDemoDistrict(db, { onProgress: (m) => ctx.io.out(`  ${m}`), then: async (trx) => void (created = await createDemoUsers(trx, config.demoPassword)) });
  ctx.io.out(`Đã nạp ${formatViInteger(summary.units)} đơn vị, ${formatViInteger(summary.persons)} đảng viên.`);
  ctx.io.out(`Đã tạo tài khoản thử: ${created.join(', ')}.`);
}

/** Builds the web application when its build is missing or older than its sources (a checkout); says so. */
async function webBuild(ctx: CliContext): Promise<void> {
  try {
    await ensureWebBuild(undefined, { quiet: true, onBuild: () => ctx.io.out('Đang dựng giao diện web (lần đầu hoặc mã nguồn đã đổi)…') });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    ctx.io.err(`Không dựng được giao diện web: ${why}. Chạy «npm run build» rồi khởi động lại. (The web application could not be built.)`);
  }
}

async function signInHint(db: Db, config: Config, ctx: CliContext): Promise<void> {
  if (await demoSignInWorks(db, config.demoPassword)) {
    ctx.io.out(`Đăng nhập thử: ${DEMO_USERS[0]!.username} / ${config.demoPassword}`);
    const others = DEMO_USERS.slice(1).map((u) => `${u.username} — ${ROLE_LABELS[u.role]}, ${u.scope}`);
    ctx.io.out(`  Tài khoản thử khác, cùng mật khẩu: ${others.join('; ')}.`);
  } else if ((await listUsers(db)).length === 0) {
    ctx.io.out('Chưa có tài khoản nào: tạo bằng «xeploai user create --help».');
  }
}

/** The readers' replica (DATABASE_READ_URL, PostgreSQL), in the same schema as the primary. */
function openReplica(config: Config): Db | undefined {
  return config.databaseReadUrl ? createDb({ ...config, databaseUrl: config.databaseReadUrl }) : undefined;
}

/** `--workers N`: 1 to 64 processes (default 1, this process). */
function workersOption(raw: string | undefined): number {
  if (raw === undefined) return 1;
  if (!/^\d{1,2}$/.test(raw.trim()) || Number(raw) < 1 || Number(raw) > 64) {
    throw new AppError(
      'ValidationFailed',
      { vi: `Số tiến trình (--workers) không hợp lệ: «${raw}»; là một số từ 1 đến 64, thường bằng số nhân CPU (ví dụ 2).`, en: `Invalid --workers: "${raw}"; a number from 1 to 64, usually the number of CPU cores (e.g. 2).` },
      { field: 'workers' },
    );
  }
  return Number(raw);
}

/**
 * One of several server processes (`--workers N`, node:cluster): the primary has migrated and loaded
 * the demo; each worker opens its own connection (SQLite: WAL lets the workers read at once and
 * take turns to write; PostgreSQL: a pool each) and listens on the shared port. Holds no state of
 * its own that another process would miss: sessions and counts versions live in the database.
 */
async function serveWorker(config: Config): Promise<number> {
  const db = createDb(config);
  const readDb = openReplica(config);
  const server = listen({ fetch: createApp({ db, config, ...(readDb ? { readDb } : {}) }).fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve) => {
    const stop = () => server.close(() => resolve());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    process.once('disconnect', stop);
  });
  await db.destroy();
  await readDb?.destroy();
  // Nothing of this process outlives its server (a loader's helper could keep it alive): end it.
  process.exit(0);
}

/** Forks the workers, says where they listen once all do, restarts one that dies, stops them on Ctrl+C. */
async function servePrimary(db: Db, config: Config, ctx: CliContext, workers: number): Promise<number> {
  let stopping = false;
  const fork = () => cluster.fork();
  const listening = new Promise<number>((resolve, reject) => {
    let ready = 0;
    cluster.on('listening', (_w, address) => {
      if (++ready === workers) resolve(address.port);
    });
    cluster.on('exit', (w, code) => {
      if (stopping) return;
      if (ready < workers) reject(new AppError('PortUnavailable', { vi: `Tiến trình phục vụ dừng khi khởi động (mã ${code}); thử chạy không có --workers để xem lỗi.`, en: `A server process stopped while starting (code ${code}); run without --workers to see why.` }));
      else {
        ctx.io.err(`Tiến trình phục vụ ${w.process.pid} dừng (mã ${code}); đang chạy lại.`);
        fork();
      }
    });
  });
  for (let i = 0; i < workers; i++) fork();
  const port = await listening;
  const where = config.engine === 'postgres' ? 'PostgreSQL' : `SQLite ${config.sqlitePath}`;
  await signInHint(db, config, ctx);
  ctx.io.out(`xeploai đang chạy tại http://localhost:${port}  (${workers} tiến trình; cơ sở dữ liệu: ${where}; Ctrl+C để dừng)`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      stopping = true;
      const all = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
      let left = all.length;
      if (left === 0) resolve();
      for (const w of all) {
        w.once('exit', () => --left === 0 && resolve());
        w.kill('SIGTERM');
      }
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

export const serve: CliCommand = {
  name: ['serve'],
  summary: 'Chạy máy chủ web / Start the web server',
  help: `Cách dùng: xeploai serve [--port N] [--host H] [--no-demo] [--no-web-build]

Cập nhật cấu trúc cơ sở dữ liệu, nạp huyện mẫu khi cơ sở dữ liệu còn trống (chỉ với SQLite, trừ khi
đặt XEPLOAI_DEMO=1), rồi phục vụ tại http://localhost:3000 (đổi bằng --port hoặc biến PORT).

  --port N     cổng (mặc định PORT hoặc 3000)
  --host H     địa chỉ lắng nghe (mặc định 0.0.0.0)
  --no-demo    không nạp huyện mẫu, không tạo tài khoản thử (như XEPLOAI_DEMO=0)
  --no-web-build  không dựng lại giao diện web khi mã nguồn đã đổi (npm run dev: Vite phục vụ trang)
  --workers N  số tiến trình phục vụ cùng cổng (mặc định 1; thường bằng số nhân CPU)

Khi nạp huyện mẫu, các tài khoản thử admin, bantochuc, chibo, xem được tạo với mật khẩu
XEPLOAI_DEMO_PASSWORD (mặc định xeploai-demo). Cài đặt thật (PostgreSQL, DATABASE_URL) không nạp
huyện mẫu trừ khi XEPLOAI_DEMO=1; «npm run start:prod» luôn chạy với --no-demo.

Usage: xeploai serve [--port N] [--host H] [--no-demo] [--no-web-build] [--workers N] — migrates, loads the demo district into an
empty SQLite database (on PostgreSQL only with XEPLOAI_DEMO=1), builds the web application when
stale, and serves the product.`,
  async run(args, ctx) {
    const { values } = parseArgs({
      args,
      options: { port: { type: 'string' }, host: { type: 'string' }, 'no-demo': { type: 'boolean' }, 'no-web-build': { type: 'boolean' }, workers: { type: 'string' } },
      strict: true,
    });
    const workers = workersOption(values.workers);
    const config = ctx.config({
      ...portOption(values.port),
      ...(values.host !== undefined ? { host: values.host } : {}),
      ...(values['no-demo'] ? { loadDemoWhenEmpty: false } : {}),
    });
    if (cluster.isWorker) return serveWorker(config);
    const db = createDb(config);
    let onStop: () => Promise<unknown> = async () => undefined;
    try {
      await migrateToLatest(db, { pgSchema: config.pgSchema });
      await loadDemoIfEmpty(db, config, ctx);
      if (!values['no-web-build']) await webBuild(ctx);
      if (workers > 1) return await servePrimary(db, config, ctx, workers);
      const readDb = openReplica(config);
      onStop = async () => readDb?.destroy();
      const server = listen({ fetch: createApp({ db, config, ...(readDb ? { readDb } : {}) }).fetch, port: config.port, hostname: config.host });
      await new Promise<void>((resolve, reject) => {
        server.once('listening', resolve);
        server.once('error', (e) => reject(listenError(e, config.port)));
      });
      const port = (server.address() as AddressInfo | null)?.port ?? config.port;
      const where = config.engine === 'postgres' ? 'PostgreSQL' : `SQLite ${config.sqlitePath}`;
      // The sign-in hint comes before the address line, which stays the last line ("ready").
      await signInHint(db, config, ctx);
      ctx.io.out(`xeploai đang chạy tại http://localhost:${port}  (cơ sở dữ liệu: ${where}; Ctrl+C để dừng)`);
      await new Promise<void>((resolve) => {
        const stop = () => server.close(() => resolve());
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      return 0;
    } finally {
      await onStop();
      await db.destroy();
    }
  },
};
