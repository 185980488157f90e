/**
 * `xeploai forms export --unit CODE --cycle YEAR --format json|xlsx --out FILE`: writes a unit's live
 * forms (its subtree as it stood in that cycle) as a form-values document (FORMS.md §3, claims
 * empty) or as the workbook in the official layout.
 */
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../domain/errors.js';
import type { Db } from '../../db/create-db.js';
import { formsWorkbook, type FormsKey, getFormValuesForExport } from '../../services/forms.js';
import { writeOutputFile } from '../output.js';
import { withDb, parseCycleYear } from '../db.js';
import type { CliCommand } from '../command.js';

const FORMATS = ['json', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

function required(value: string | undefined, option: string): string {
  if (value === undefined || value.trim() === '') {
    throw new AppError('ValidationFailed', { vi: `Thiếu tùy chọn «--${option}».`, en: `Option "--${option}" is required.` }, { field: option });
  }
  return value;
}

/** The format asked for, else the output file's extension. */
function formatOf(format: string | undefined, out: string): Format {
  const f = format ?? extname(out).slice(1).toLowerCase();
  if ((FORMATS as readonly string[]).includes(f)) return f as Format;
  throw new AppError('ValidationFailed', { vi: `Tùy chọn «--format» phải là json hoặc xlsx, không phải «${f}».`, en: `Option "--format" must be json or xlsx, not "${f}".` }, { field: 'format' });
}

/** The file's content: the document as JSON, or the workbook headed by the unit's committee. */
async function render(db: Db, key: FormsKey, format: Format): Promise<string | Buffer> {
  if (format === 'json') return `${JSON.stringify(await getFormValuesForExport(db, key), null, 2)}\n`;
  return (await formsWorkbook(db, key)).bytes;
}

export const formsExport: CliCommand = {
  name: ['forms', 'export'],
  summary: 'Xuất các biểu thống kê của một đơn vị / Export a unit’s forms',
  help: `Cách dùng: xeploai forms export --unit MÃ --cycle NĂM --format json|xlsx --out TỆP

Ghi các biểu KD, TC, DV, TT, CN của đơn vị MÃ (toàn bộ đơn vị trực thuộc, theo cây tổ chức tại ngày
chốt số liệu của kỳ) ra tệp: JSON định dạng "form-values/1" (không có số liệu trong văn bản) hoặc
bảng tính Excel theo mẫu biểu chính thức. Không có --format thì theo đuôi tệp.
Ví dụ: xeploai forms export --unit HU-TAMDUONG --cycle 2022 --format json --out bieu-2022.json

Usage: xeploai forms export --unit CODE --cycle YEAR --format json|xlsx --out FILE
Writes the unit's live forms (its subtree as it stood in the cycle) as a form-values document
(claims empty) or as the workbook in the official layout.`,
  async run(args, ctx) {
    const { values } = parseArgs({
      args,
      options: { unit: { type: 'string' }, cycle: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, period: { type: 'string' } },
      strict: true,
    });
    const unitCode = required(values.unit, 'unit');
    const year = parseCycleYear(required(values.cycle, 'cycle'), true) as number;
    const out = required(values.out, 'out');
    const format = formatOf(values.format, out);
    return withDb(ctx, async (db) => {
      await writeOutputFile(out, await render(db, { unitCode, year, period: values.period }, format));
      ctx.io.out(`Đã ghi các biểu của ${unitCode} năm ${year} vào «${out}». / Wrote ${unitCode} ${year} forms to "${out}".`);
      return 0;
    });
  },
};
