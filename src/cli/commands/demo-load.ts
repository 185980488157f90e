import { parseArgs } from 'node:util';
import { createDb, migrateToLatest } from '../../db/create-db.js';
import { loadDemoDistrict } from '../../demo/load.js';
import { createDemoUsers } from '../../demo/users.js';
import { formatViInteger } from '../../domain/format/vi-number.js';
import type { CliCommand } from '../command.js';
import { isAppError } from '../../domain/errors.js';

export const demoLoad: CliCommand = {
  name: ['demo', 'load'],
  summary: 'Nạp dữ liệu mẫu huyện Tam Đường 2022 / Load the demo district',
  help: `Cách dùng: xeploai demo load

Nạp đơn vị mẫu HU-TAMDUONG (Đảng bộ huyện Tam Đường) với kỳ kiểm điểm năm 2022 (Quy định 132,
Hướng dẫn 21): cây tổ chức, đảng viên (tên hư cấu), tập thể, cán bộ lãnh đạo và kết quả xếp loại
khớp với các tổng số của báo cáo 331-BC/HU, cùng các tài khoản thử — tất cả trong một giao dịch:
xong hết hoặc không ghi gì. Cơ sở dữ liệu được cập nhật cấu trúc trước. Đơn vị mẫu đã có thì không
nạp lại, chỉ tạo lại tài khoản thử còn thiếu (sửa một lần nạp dở dang).

Usage: xeploai demo load — migrates, then loads the demo district and its demo accounts in one
transaction; when the district is already there, only missing demo accounts are created (repair).`,
  async run(args, ctx) {
    parseArgs({ args, options: {}, strict: true });
    const config = ctx.config();
    const db = createDb(config);
    try {
      await migrateToLatest(db, { pgSchema: config.pgSchema });
      let created: string[] = [];
      const then = async (trx: typeof db) => {
        created = await createDemoUsers(trx, config.demoPassword);
      };
      try {
        const summary = await loadDemoDistrict(db, { onProgress: (m) => ctx.io.out(m), then });
        ctx.io.out(
          `Đã nạp huyện mẫu ${summary.unitCode}: ${formatViInteger(summary.units)} đơn vị, ${formatViInteger(summary.persons)} người, ` +
            `${formatViInteger(summary.collectives)} tập thể, ${formatViInteger(summary.evaluations)} phiếu đánh giá.`,
        );
      } catch (e) {
        // Already there: repair what a run stopped half-way (or an older version) left out, else refuse as before.
        if (!(isAppError(e) && e.code === 'DuplicateCode')) throw e;
        created = await createDemoUsers(db, config.demoPassword);
        if (created.length === 0) throw e;
        ctx.io.out(`Huyện mẫu đã có; đã bổ sung tài khoản thử còn thiếu.`);
      }
      if (created.length > 0) ctx.io.out(`Đã tạo tài khoản thử: ${created.join(', ')} — mật khẩu ${config.demoPassword}.`);
      return 0;
    } finally {
      await db.destroy();
    }
  },
};
