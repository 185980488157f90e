/** `xeploai backup FILE` and `xeploai restore FILE` (issue #11 item 7; src/services/backup.ts). */
import { parseArgs } from 'node:util';
import { createDb } from '../../db/create-db.js';
import { AppError } from '../../domain/errors.js';
import { formatViInteger } from '../../domain/format/vi-number.js';
import { backupDatabase, restoreDatabase } from '../../services/backup.js';
import { withDb } from '../db.js';
import type { CliCommand } from '../command.js';

function oneFile(args: string[]): string {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new AppError('ValidationFailed', { vi: 'Cần đúng một tệp.', en: 'Exactly one file is required.' }, { field: 'file' });
  return file;
}

const total = (rows: Record<string, number>) => Object.values(rows).reduce((a, b) => a + b, 0);

export const backupCommand: CliCommand = {
  name: ['backup'],
  summary: 'Sao lưu toàn bộ dữ liệu ra một tệp / Back up the database to a file',
  help: `Cách dùng: xeploai backup TỆP.jsonl.gz

Sao lưu toàn bộ dữ liệu (mọi bảng của phần mềm, nhật ký kiểm toán) ra một tệp nén, trong khi máy
chủ vẫn chạy: SQLite chép bằng cơ chế sao lưu trực tuyến; PostgreSQL đọc trong một giao dịch nhất
quán, chỉ schema của phần mềm. Khôi phục bằng «xeploai restore».

Usage: xeploai backup FILE.jsonl.gz — a consistent backup of every table, while the server runs.`,
  async run(args, ctx) {
    const file = oneFile(args);
    return withDb(ctx, async (db) => {
      const rows = await backupDatabase(db, file);
      ctx.io.out(`Đã sao lưu ${formatViInteger(total(rows))} dòng của ${Object.keys(rows).length} bảng ra «${file}».`);
      return 0;
    });
  },
};

export const restoreCommand: CliCommand = {
  name: ['restore'],
  summary: 'Khôi phục dữ liệu từ bản sao lưu vào cơ sở dữ liệu trống / Restore a backup into an empty database',
  help: `Cách dùng: xeploai restore TỆP.jsonl.gz

Khôi phục bản sao lưu của «xeploai backup» vào một cơ sở dữ liệu trống (SQLite hoặc PostgreSQL,
không cần cùng loại với nơi sao lưu): tất cả trong một giao dịch, rồi cập nhật cấu trúc lên phiên
bản này và kiểm tra nhật ký kiểm toán và số liệu biểu. Từ chối khi cơ sở dữ liệu đã có dữ liệu hoặc
bản sao lưu có cấu trúc mới hơn phần mềm.

Usage: xeploai restore FILE.jsonl.gz — into an empty database only; refuses a newer schema; verifies after.`,
  async run(args, ctx) {
    const file = oneFile(args);
    const config = ctx.config();
    const db = createDb(config);
    try {
      const r = await restoreDatabase(db, file, { pgSchema: config.pgSchema });
      ctx.io.out(`Đã khôi phục ${formatViInteger(total(r.rows))} dòng của ${Object.keys(r.rows).length} bảng từ «${file}» (cấu trúc ${r.migrations.fromBackup} → ${r.migrations.now}).`);
      ctx.io.out(`Nhật ký kiểm toán: ${r.audit.entries} mục, ${r.audit.findings === 0 ? 'toàn vẹn' : `${r.audit.findings} chỗ sai`}. Số liệu biểu: ${r.formDifferences === 0 ? 'khớp' : `${r.formDifferences} ô lệch`}.`);
      return r.audit.findings === 0 && r.formDifferences === 0 ? 0 : 1;
    } finally {
      await db.destroy();
    }
  },
};
