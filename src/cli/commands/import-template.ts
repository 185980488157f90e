/** `xeploai import template FILE.xlsx`: writes the import template (src/services/import/template.ts). */
import { parseArgs } from 'node:util';
import { AppError } from '../../domain/errors.js';
import { buildImportTemplate } from '../../services/import/template.js';
import type { CliCommand } from '../command.js';
import { writeOutputFile } from '../output.js';

export const importTemplate: CliCommand = {
  name: ['import', 'template'],
  summary: 'Tải mẫu bảng tính nhập tổ chức / Write the import template',
  help: `Cách dùng: xeploai import template TỆP.xlsx

Ghi mẫu bảng tính để nhập tổ chức: mỗi loại dữ liệu một trang, các cột bắt buộc tô màu, các mã
(loại tổ chức, loại hình, loại sự kiện, nhóm chức vụ…) chọn trong danh sách thả xuống, trang Hướng
dẫn và trang Danh mục. Điền xong nhập bằng: xeploai import TỆP.xlsx

Usage: xeploai import template FILE.xlsx
Writes the import template: a sheet per kind of record, required columns coloured, the codes'
lists as drop-downs, a guide and a list of codes.`,
  async run(args, ctx) {
    const { positionals } = parseArgs({ args, allowPositionals: true, strict: true });
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new AppError('ValidationFailed', { vi: 'Cần đúng một tên tệp: xeploai import template TỆP.xlsx.', en: 'Exactly one file name is needed: xeploai import template FILE.xlsx.' });
    await writeOutputFile(file, await buildImportTemplate());
    ctx.io.out(`Đã ghi mẫu nhập vào «${file}». / Template written to "${file}".`);
    return 0;
  },
};
