/**
 * `xeploai import FILE.xlsx|DIR [--dry-run] [--json]`: imports an organisation (units, members with
 * their cells, events, collectives, positions) from the template workbook or from a folder of CSV
 * files (units.csv, persons.csv, …), all or nothing (src/services/import/run.ts). Every bad row is
 * listed with its sheet, row, column, value and why; exit code 1 then, and nothing is written.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../domain/errors.js';
import { formatViInteger } from '../../domain/format/vi-number.js';
import { runImport } from '../../services/import/run.js';
import { sheetSpec } from '../../services/import/sheets.js';
import type { ImportFile, ImportIssue, ImportReport } from '../../services/import/types.js';
import type { CliCommand } from '../command.js';
import { cliActor } from '../actor.js';
import { withDb } from '../db.js';
import { readInputFile } from '../output.js';

/** The file, or every file of the folder (the import picks the CSV files it knows and says what it skips). */
async function readSource(path: string): Promise<ImportFile[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isDirectory()) return [{ name: path, bytes: await readInputFile(path) }];
  const names = (await readdir(path)).filter((n) => !n.startsWith('.')).sort();
  const files: ImportFile[] = [];
  for (const name of names) if ((await stat(join(path, name))).isFile()) files.push({ name, bytes: await readInputFile(join(path, name)) });
  if (files.length === 0) throw new AppError('FileUnreadable', { vi: `Thư mục «${path}» không có tệp nào.`, en: `Folder "${path}" has no files.` }, { field: 'file' });
  return files;
}

/** One issue on one line: where (sheet, row, column, cell), the value, then why in Vietnamese and English. */
export function formatIssueLine(i: ImportIssue): string {
  const where = [`«${i.sheet}»`, i.row !== null ? `dòng ${i.row}` : null, i.column !== null ? `cột «${i.column}»${i.cell ? ` (${i.cell})` : ''}` : null].filter(Boolean).join(', ');
  return `${where}${i.value !== null ? `, giá trị «${i.value}»` : ''}: ${i.message.vi} / ${i.message.en}`;
}

function summaryLines(r: ImportReport): string[] {
  const name = (s: ImportReport['sheets'][number]) => (sheetSpec(s.key).sheet === s.sheet ? s.sheet : `${sheetSpec(s.key).sheet} (${s.sheet})`);
  const lines = r.sheets.map((s) => `  ${name(s).padEnd(32)} ${formatViInteger(s.rows).padStart(9)} dòng: ${formatViInteger(s.created)} mới, ${formatViInteger(s.updated)} cập nhật, ${formatViInteger(s.unchanged)} đã có`);
  const seconds = (r.durationMs / 1000).toFixed(1).replace('.', ',');
  if (!r.ok) return [...lines, `Có ${formatViInteger(r.errorCount)} lỗi: KHÔNG ghi gì. / ${r.errorCount} error(s): nothing was written.`];
  if (r.dryRun) return [...lines, `Kiểm tra xong, không có lỗi (chạy thử: chưa ghi gì; ${seconds} giây). / Checked, no errors (dry run: nothing written).`];
  if (!r.written) return [...lines, `Không có gì mới: dữ liệu đã có đủ. / Nothing new: everything is already there.`];
  return [...lines, `Đã nhập xong trong ${seconds} giây. / Imported in ${(r.durationMs / 1000).toFixed(1)} s.`];
}

export const importCommand: CliCommand = {
  name: ['import'],
  summary: 'Nhập đơn vị, đảng viên, chức vụ… từ bảng tính hoặc CSV / Import an organisation',
  help: `Cách dùng: xeploai import TỆP.xlsx|THƯ-MỤC [--dry-run] [--json]

Nhập tổ chức từ bảng tính theo mẫu (xeploai import template MẪU.xlsx) với các trang Đơn vị, Đảng
viên, Sự kiện, Tập thể, Chức vụ, Thành viên tập thể, hoặc từ một thư mục có các tệp CSV (UTF-8)
units.csv, persons.csv, events.csv, collectives.csv, positions.csv, collective-members.csv. Tên cột
là tên trường của API (code, cardNumber, …) hoặc nhãn tiếng Việt của mẫu.
Kiểm tra hết trước rồi mới ghi, tất cả hoặc không gì: có lỗi thì liệt kê từng lỗi (trang, dòng, cột,
giá trị, lý do) và không ghi gì. Nhập lại cùng tệp không thay đổi gì.
  --dry-run   chỉ kiểm tra, không ghi
  --json      in báo cáo dạng JSON ra stdout
Mã thoát: 1 khi có lỗi (không ghi gì), 0 khi đã nhập (hoặc kiểm tra xong).
Ví dụ: xeploai import to-chuc.xlsx --dry-run

Usage: xeploai import FILE.xlsx|DIR [--dry-run] [--json]
Imports units, members (with their cells), events, collectives, positions and collective members
from the template workbook or a folder of CSV files, checking everything first and writing all or
nothing; every bad row is listed (sheet, row, column, value, why). Re-importing changes nothing.
Exit code 1 on errors (nothing written).`,
  async run(args, ctx) {
    const { values, positionals } = parseArgs({ args, options: { 'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
    const path = positionals[0];
    if (!path || positionals.length > 1) {
      throw new AppError('ValidationFailed', { vi: 'Cần đúng một tệp .xlsx hoặc một thư mục CSV: xeploai import TỆP.xlsx|THƯ-MỤC.', en: 'Exactly one .xlsx file or CSV folder is needed: xeploai import FILE.xlsx|DIR.' });
    }
    const files = await readSource(path);
    let phase = '';
    const report = await withDb(ctx, (db) =>
      runImport(db, files, {
        dryRun: values['dry-run'],
        actor: cliActor(ctx),
        onProgress: (p) => {
          if (values.json || p.phase === phase || p.phase === 'done') return;
          phase = p.phase;
          ctx.io.err(p.message.vi);
        },
      }),
    );
    if (values.json) ctx.io.out(JSON.stringify(report, null, 2));
    else {
      for (const w of report.warnings) ctx.io.out(`CẢNH BÁO ${formatIssueLine(w)}`);
      for (const e of report.errors) ctx.io.out(`LỖI ${formatIssueLine(e)}`);
      if (report.errorCount > report.errors.length) ctx.io.out(`… và ${formatViInteger(report.errorCount - report.errors.length)} lỗi nữa. / … and ${report.errorCount - report.errors.length} more.`);
      for (const line of summaryLines(report)) ctx.io.out(line);
    }
    return report.ok ? 0 : 1;
  },
};
