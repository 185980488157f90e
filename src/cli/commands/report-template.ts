/**
 * `xeploai report template download FILE` and `xeploai report template upload FILE`: the report
 * template (.docx with docxtemplater tags) an administrator edits in Word. An upload is rendered
 * once first: a broken template is refused naming the faulty tag, and the active one stays.
 */
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../domain/errors.js';
import { getActiveTemplateBytes, uploadTemplate } from '../../services/reports.js';
import { readInputFile, writeOutputFile } from '../output.js';
import { withDb } from '../db.js';
import type { CliCommand } from '../command.js';

function oneFile(args: string[], usage: string): string {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    throw new AppError('ValidationFailed', { vi: `Cần đúng một tệp: ${usage}.`, en: `Exactly one file is needed: ${usage}.` }, { field: 'file' });
  }
  return file;
}


export const reportTemplateDownload: CliCommand = {
  name: ['report', 'template', 'download'],
  summary: 'Tải mẫu báo cáo đang dùng (.docx) / Download the active report template',
  help: `Cách dùng: xeploai report template download TỆP.docx
Ghi mẫu báo cáo đang dùng (mẫu đã nạp lên, hoặc mẫu mặc định) ra tệp để sửa trong Word.
Usage: xeploai report template download FILE.docx — writes the active template.`,
  async run(args, ctx) {
    const file = oneFile(args, 'xeploai report template download TỆP.docx');
    const template = await withDb(ctx, (db) => getActiveTemplateBytes(db));
    await writeOutputFile(file, template.content);
    ctx.io.out(`Đã ghi mẫu «${template.name}» vào «${file}». / Wrote the template to "${file}".`);
    return 0;
  },
};

export const reportTemplateUpload: CliCommand = {
  name: ['report', 'template', 'upload'],
  summary: 'Nạp lên mẫu báo cáo đã sửa (.docx) / Upload an edited report template',
  help: `Cách dùng: xeploai report template upload TỆP.docx
Kiểm tra mẫu (thử điền một báo cáo) rồi dùng nó cho các báo cáo sau. Mẫu lỗi bị từ chối, nêu rõ
thẻ sai (ví dụ «{#paragraphs}» chưa được đóng), và mẫu đang dùng được giữ nguyên.
Usage: xeploai report template upload FILE.docx — validates, then activates the template.`,
  async run(args, ctx) {
    const file = oneFile(args, 'xeploai report template upload TỆP.docx');
      const content = await readInputFile(file);
    const saved = await withDb(ctx, (db) => uploadTemplate(db, { name: basename(file), content, actor: 'cli' }));
    ctx.io.out(`Đã nạp mẫu «${saved.name}»; các báo cáo sau dùng mẫu này. / Template "${saved.name}" is now active.`);
    return 0;
  },
};
