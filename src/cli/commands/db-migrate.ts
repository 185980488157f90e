import { parseArgs } from 'node:util';
import { createDb, migrateToLatest } from '../../db/create-db.js';
import type { CliCommand } from '../command.js';

export const dbMigrate: CliCommand = {
  name: ['db', 'migrate'],
  summary: 'Cập nhật cấu trúc cơ sở dữ liệu / Migrate the database',
  help: `Cách dùng: xeploai db migrate

Cập nhật cấu trúc cơ sở dữ liệu lên phiên bản mới nhất: SQLite tại XEPLOAI_DB
(mặc định ./data/xeploai.sqlite), hoặc PostgreSQL khi đặt DATABASE_URL.

Usage: xeploai db migrate — brings the schema up to date (SQLite at XEPLOAI_DB, or PostgreSQL when DATABASE_URL is set).`,
  async run(args, ctx) {
    parseArgs({ args, options: {}, strict: true });
    const config = ctx.config();
    const db = createDb(config);
    try {
      const applied = await migrateToLatest(db, { pgSchema: config.pgSchema });
      const where = config.engine === 'postgres' ? 'PostgreSQL' : `SQLite ${config.sqlitePath}`;
      ctx.io.out(
        applied.length > 0
          ? `Đã cập nhật ${where}: ${applied.join(', ')}.`
          : `Cơ sở dữ liệu ${where} đã ở phiên bản mới nhất.`,
      );
      return 0;
    } finally {
      await db.destroy();
    }
  },
};
