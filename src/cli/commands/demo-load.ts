import { parseArgs } from 'node:util';
import { createDb, migrateToLatest } from '../../db/create-db.js';
import { loadDemoDistrict } from '../../demo/load.js';
import { createDemoUsers } from '../../demo/users.js';
import { formatViInteger } from '../../domain/format/vi-number.js';
import type { CliCommand } from '../command.js';

export const demoLoad: CliCommand = {
  name: ['demo', 'load'],
  summary: 'Nạp dữ liệu mẫu huyện Tam Đường 2022 / Load the demo district',
  help: `Cách dùng: xeploai demo load

Nạp đơn vị mẫu HU-TAMDUONG (Đảng bộ huyện Tam Đường) với kỳ kiểm điểm năm 2022 (Quy định 132,
Hướng dẫn 21): cây tổ chức, đảng viên (tên hư cấu), tập thể, cán bộ lãnh đạo và kết quả xếp loại
khớp với các tổng số của báo cáo 331-BC/HU. Cơ sở dữ liệu được cập nhật cấu trúc trước. Không nạp
lại nếu đơn vị mẫu đã có.

Usage: xeploai demo load — migrates, then loads the demo district (refuses if it is already there).`,
  async run(args, ctx) {
    parseArgs({ args, options: {}, strict: true });
    const config = ctx.config();
    const db = createDb(config);
    try {
      await migrateToLatest(db, { pgSchema: config.pgSchema });
      const summary = await loadDemoDistrict(db, { onProgress: (m) => ctx.io.out(m) });
      ctx.io.out(
        `Đã nạp huyện mẫu ${summary.unitCode}: ${formatViInteger(summary.units)} đơn vị, ${formatViInteger(summary.persons)} người, ` +
          `${formatViInteger(summary.collectives)} tập thể, ${formatViInteger(summary.evaluations)} phiếu đánh giá.`,
      );
      const created = await createDemoUsers(db, config.demoPassword);
      if (created.length > 0) ctx.io.out(`Đã tạo tài khoản thử: ${created.join(', ')} — mật khẩu ${config.demoPassword}.`);
      return 0;
    } finally {
      await db.destroy();
    }
  },
};
