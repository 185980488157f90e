/**
 * `xeploai report --unit CODE --cycle YEAR --out FILE [--format docx|pdf] [--values FILE.json]
 * [--number N] [--date YYYY-MM-DD]`: writes the narrative report (issue #5) from the live data, and
 * with --values the report's form-values document with the claims its text printed, for
 * `xeploai forms check`. --number and --date are saved to the report before it is written.
 */
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../domain/errors.js';
import { renderAnnexWorkbook, renderReport, updateReport } from '../../services/reports.js';
import { writeOutputFile } from '../output.js';
import { withDb } from '../db.js';
import type { CliCommand } from '../command.js';

/** A required option, or ValidationFailed naming it. */
export function requiredOption(value: string | undefined, option: string): string {
  if (value === undefined || value.trim() === '') {
    throw new AppError('ValidationFailed', { vi: `Thiếu tùy chọn «--${option}».`, en: `Option "--${option}" is required.` }, { field: option });
  }
  return value;
}

function yearOf(text: string): number {
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || !Number.isInteger(year)) {
    throw new AppError('ValidationFailed', { vi: `«--cycle» phải là một năm (ví dụ 2022), không phải «${text}».`, en: `"--cycle" must be a year (e.g. 2022), not "${text}".` }, { field: 'cycle' });
  }
  return year;
}

function formatOf(format: string | undefined, out: string): 'docx' | 'pdf' {
  const f = (format ?? extname(out).slice(1)).toLowerCase();
  if (f === 'docx' || f === 'pdf') return f;
  throw new AppError('ValidationFailed', { vi: `«--format» phải là docx hoặc pdf, không phải «${f}».`, en: `"--format" must be docx or pdf, not "${f}".` }, { field: 'format' });
}

function dateOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) {
    throw new AppError('ValidationFailed', { vi: `«--date» phải viết dạng YYYY-MM-DD, không phải «${text}».`, en: `"--date" must be YYYY-MM-DD, not "${text}".` }, { field: 'date' });
  }
  return text;
}

export const reportCommand: CliCommand = {
  name: ['report'],
  summary: 'Viết báo cáo kết quả kiểm điểm, xếp loại (.docx, .pdf) / Write the narrative report',
  help: `Cách dùng: xeploai report --unit MÃ --cycle NĂM --out TỆP [--format docx|pdf] [--values TỆP.json]
                      [--annex TỆP.xlsx] [--number SỐ] [--date YYYY-MM-DD] [--period KỲ]

Viết "Báo cáo kết quả kiểm điểm, đánh giá, xếp loại chất lượng …" của đơn vị MÃ cho kỳ NĂM theo
thể thức văn bản của Đảng (HD 36-HD/VPTW), phần I lấy số liệu từ các biểu và dữ liệu của kỳ, phần
II là văn bản đã soạn của báo cáo; các biểu kèm theo ở cuối. --format pdf cần LibreOffice.
  --values TỆP.json   ghi thêm tài liệu số liệu biểu của báo cáo, kèm mọi con số văn bản đã in
                      (claims), để kiểm tra bằng: xeploai forms check TỆP.json
  --annex TỆP.xlsx    ghi thêm các biểu kèm theo dạng bảng tính (cùng số và ngày báo cáo)
  --number, --date    số và ngày của báo cáo (được lưu lại), ví dụ --number 331-BC/HU --date 2023-01-10
  xeploai report template download|upload TỆP  tải về hoặc nạp lên mẫu báo cáo (.docx)
Ví dụ: xeploai report --unit HU-TAMDUONG --cycle 2022 --out bao-cao-2022.docx --values bao-cao-2022.json

Usage: xeploai report --unit CODE --cycle YEAR --out FILE [--format docx|pdf] [--values FILE.json]
                      [--annex FILE.xlsx] [--number N] [--date YYYY-MM-DD] [--period P]
Writes the narrative report of a unit and cycle in the Party's document format; --values also
writes the report's form-values document with the claims its text printed.`,
  async run(args, ctx) {
    const { values } = parseArgs({
      args,
      options: {
        unit: { type: 'string' }, cycle: { type: 'string' }, out: { type: 'string' }, format: { type: 'string' },
        values: { type: 'string' }, annex: { type: 'string' }, number: { type: 'string' }, date: { type: 'string' }, period: { type: 'string' },
      },
      strict: true,
    });
    const unitCode = requiredOption(values.unit, 'unit');
    const year = yearOf(requiredOption(values.cycle, 'cycle'));
    const out = requiredOption(values.out, 'out');
    const format = formatOf(values.format, out);
    const date = dateOf(values.date);
    return withDb(ctx, async (db) => {
      const key = { unitCode, year, period: values.period };
      if (values.number !== undefined || date !== undefined) {
        await updateReport(db, key, { ...(values.number !== undefined ? { number: values.number } : {}), ...(date ? { date } : {}) }, 'cli');
      }
      const { bytes, model } = await renderReport(db, key, { format, actor: 'cli', issue: true });
      await writeOutputFile(out, bytes);
      ctx.io.out(`Đã ghi báo cáo ${model.header.numberLine} vào «${out}». / Wrote the report to "${out}".`);
      if (values.values) {
        await writeOutputFile(values.values, `${JSON.stringify(model.values, null, 2)}\n`);
        ctx.io.out(`Đã ghi số liệu và ${model.claims.length} con số của văn bản vào «${values.values}». / Wrote the form values with ${model.claims.length} claims.`);
      }
      if (values.annex) {
        await writeOutputFile(values.annex, await renderAnnexWorkbook(db, key, 'cli'));
        ctx.io.out(`Đã ghi các biểu kèm theo (Excel) vào «${values.annex}». / Wrote the annex workbook to "${values.annex}".`);
      }
      return 0;
    });
  },
};
