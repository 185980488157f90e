/**
 * `xeploai export FILE.xlsx|DIR [--unit CODE]`: exports the organisation (everything, or what lay
 * under a unit) as the import's workbook, or as its CSV files in a folder: every period of units,
 * memberships, events, collectives and positions, so that `xeploai import` of the output gives the
 * same data back (src/services/import/export.ts).
 */
import { mkdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../domain/errors.js';
import { exportCsvFiles, exportWorkbook } from '../../services/import/export.js';
import type { CliCommand } from '../command.js';
import { withDb } from '../db.js';
import { writeOutputFile } from '../output.js';

export const exportCommand: CliCommand = {
  name: ['export'],
  summary: 'Xuất tổ chức ra bảng tính hoặc CSV (nhập lại được) / Export the organisation',
  help: `Cách dùng: xeploai export TỆP.xlsx|THƯ-MỤC [--unit MÃ]

Xuất đơn vị (mọi giai đoạn), đảng viên và các lần sinh hoạt chi bộ, sự kiện, tập thể, chức vụ ra bảng
tính theo mẫu nhập (tên tệp kết thúc bằng .xlsx) hoặc ra các tệp CSV trong một thư mục (units.csv,
persons.csv, …). Nhập lại tệp xuất (xeploai import) cho đúng dữ liệu đó.
  --unit MÃ   chỉ xuất những gì thuộc đơn vị MÃ (ở bất kỳ giai đoạn nào)
Ví dụ: xeploai export to-chuc.xlsx --unit HU-TAMDUONG

Usage: xeploai export FILE.xlsx|DIR [--unit CODE]
Exports units (every period), members with their cells, events, collectives and positions as the
import's workbook (a name ending in .xlsx) or as CSV files in a folder; importing the output gives
the same data back. --unit limits it to what lay under that unit.`,
  async run(args, ctx) {
    const { values, positionals } = parseArgs({ args, options: { unit: { type: 'string' } }, allowPositionals: true, strict: true });
    const target = positionals[0];
    if (!target || positionals.length > 1) throw new AppError('ValidationFailed', { vi: 'Cần đúng một tệp .xlsx hoặc một thư mục: xeploai export TỆP.xlsx|THƯ-MỤC.', en: 'Exactly one .xlsx file or folder is needed: xeploai export FILE.xlsx|DIR.' });
    const options = { unitCode: values.unit };
    return withDb(ctx, async (db) => {
      if (extname(target).toLowerCase() === '.xlsx') {
        await writeOutputFile(target, await exportWorkbook(db, options));
        ctx.io.out(`Đã xuất vào «${target}». / Exported to "${target}".`);
        return 0;
      }
      await mkdir(target, { recursive: true }).catch(() => undefined);
      const files = await exportCsvFiles(db, options);
      for (const f of files) await writeOutputFile(join(target, f.name), f.bytes);
      ctx.io.out(`Đã xuất ${files.length} tệp CSV vào «${target}». / Exported ${files.length} CSV files to "${target}".`);
      return 0;
    });
  },
};
