/**
 * `xeploai forms import FILE --unit CODE --cycle YEAR`: loads the counts of a unit that reports
 * counts only, from a form-values document (.json) or the product's own workbook (.xlsx), all or
 * nothing; they replace the unit's previous import and roll up to its ancestors.
 */
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../domain/errors.js';
import { importFormValues } from '../../services/forms.js';
import { readInputFile } from '../output.js';
import { withDb, parseCycleYear } from '../db.js';
import type { CliCommand } from '../command.js';

/** The document in a file: JSON text, or read back from the product's workbook. */
async function readDocument(file: string): Promise<unknown> {
  const bytes = await readInputFile(file);
  if (extname(file).toLowerCase() === '.xlsx') {
    const { readFormsWorkbook } = await import('../../reports/xlsx/forms-workbook.js');
    return readFormsWorkbook(bytes);
  }
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new AppError('BadJson', { vi: `Tệp «${file}» không phải JSON hợp lệ: ${why}.`, en: `File "${file}" is not valid JSON: ${why}.` });
  }
}

export const formsImport: CliCommand = {
  name: ['forms', 'import'],
  summary: 'Nhập số liệu biểu của đơn vị chỉ báo cáo số liệu / Import form values',
  help: `Cách dùng: xeploai forms import TỆP --unit MÃ --cycle NĂM [--create-cycle]

Nạp số liệu các biểu của đơn vị MÃ (đơn vị chưa dùng phần mềm, hoặc số liệu năm cũ) từ tệp JSON
"form-values/1" hoặc bảng tính Excel do phần mềm xuất ra. Nạp tất cả hoặc không nạp gì: tệp sai
(không phải JSON, biểu, dòng, cột không có, số âm, số lẻ, số liệu mâu thuẫn) báo lỗi nêu rõ vị trí.
Lần nạp sau thay lần nạp trước; số liệu được cộng vào các cấp trên.
  --create-cycle   năm cũ chưa có kỳ đánh giá: mở kỳ năm đó (ngày 31/12) để lưu số liệu báo cáo năm
                   đó; trang tổng quan và báo cáo năm sau so sánh với năm này
Ví dụ: xeploai forms import xa-moi-2022.json --unit DB-XAMOI --cycle 2022
       xeploai forms import bao-cao-2021.json --unit HU-TAMDUONG --cycle 2021 --create-cycle

Usage: xeploai forms import FILE --unit CODE --cycle YEAR [--create-cycle]
Loads the counts of a unit that reports counts only from a form-values JSON file or the product's
own workbook, all or nothing; replaces the unit's previous import and rolls up to its ancestors.
--create-cycle opens a past year's cycle to hold a past report's counts (compared with later years).`,
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args,
      options: { unit: { type: 'string' }, cycle: { type: 'string' }, period: { type: 'string' }, 'create-cycle': { type: 'boolean', default: false } },
      allowPositionals: true,
      strict: true,
    });
    const file = positionals[0];
    if (!file || positionals.length > 1 || !values.unit) {
      throw new AppError('ValidationFailed', {
        vi: 'Cần đúng một tệp và --unit, --cycle: xeploai forms import TỆP --unit MÃ --cycle NĂM.',
        en: 'Exactly one file, --unit and --cycle are needed: xeploai forms import FILE --unit CODE --cycle YEAR.',
      });
    }
    const year = parseCycleYear(values.cycle, true);
    const unitCode = values.unit;
    const doc = await readDocument(file);
    return withDb(ctx, async (db) => {
      const r = await importFormValues(db, { unitCode, year, period: values.period, doc, actor: 'cli', createCycle: values['create-cycle'] });
      if (r.cycleCreated) ctx.io.out(`Đã mở kỳ năm ${r.year} để lưu số liệu của báo cáo năm đó. / Opened the ${r.year} cycle for its counts.`);
      ctx.io.out(`Đã nạp ${r.cells} ô số liệu cho ${r.unitCode} năm ${r.year}${r.replaced > 0 ? ` (thay ${r.replaced} ô của lần nạp trước)` : ''}. / Imported ${r.cells} cell(s).`);
      return 0;
    });
  },
};
