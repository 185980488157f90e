/**
 * `xeploai audit verify` and `xeploai audit export FILE [--from DATE] [--to DATE]` (issue #11 item 6):
 * the chain checked end to end (an edited, inserted or deleted entry named by its number, exit 1), and
 * the log written for an inspector as JSON Lines, one entry per line with its hashes, ending with the
 * head; the export itself is logged (the log holds personal data).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { recordAudit } from '../../db/queries/audit.js';
import { AppError } from '../../domain/errors.js';
import { auditEntries, verifyAudit } from '../../services/audit.js';
import { withDb } from '../db.js';
import type { CliCommand } from '../command.js';
import { cliActor } from '../actor.js';

export const auditVerify: CliCommand = {
  name: ['audit', 'verify'],
  summary: 'Kiểm tra nhật ký kiểm toán không bị sửa / Verify the audit log',
  help: `Cách dùng: xeploai audit verify

Kiểm tra chuỗi mã băm của nhật ký kiểm toán từ mục đầu đến đầu nhật ký: báo mục bị sửa, bị
chèn hoặc bị xóa (theo số mục) và thoát với mã 1; không có gì thì in số mục và mã băm của đầu
nhật ký (hãy lưu lại để lần sau so sánh).

Usage: xeploai audit verify — checks the hash chain; names an edited, inserted or deleted entry (exit 1).`,
  async run(args, ctx) {
    parseArgs({ args, options: {}, allowPositionals: false, strict: true });
    return withDb(ctx, async (db) => {
      const result = await verifyAudit(db);
      for (const f of result.findings) ctx.io.err(`[${f.kind}] ${f.vi} / ${f.en}`);
      if (result.findings.length > 0) {
        ctx.io.err(`Nhật ký kiểm toán KHÔNG toàn vẹn: ${result.findings.length} chỗ sai trong ${result.entries} mục. / The audit log is NOT intact.`);
        return 1;
      }
      ctx.io.out(`Nhật ký kiểm toán toàn vẹn: ${result.entries} mục, đầu nhật ký số ${result.head.seq}, mã băm ${result.head.hash}. / The audit log is intact.`);
      return 0;
    });
  },
};

const isoDay = (v: string | undefined, field: string): string | undefined => {
  if (v === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new AppError('ValidationFailed', { vi: `Tùy chọn «--${field}» phải là ngày dạng YYYY-MM-DD, không phải «${v}».`, en: `Option "--${field}" must be a YYYY-MM-DD date, not "${v}".` }, { field });
  return v;
};

export const auditExport: CliCommand = {
  name: ['audit', 'export'],
  summary: 'Xuất nhật ký kiểm toán cho thanh tra / Export the audit log',
  help: `Cách dùng: xeploai audit export TỆP.jsonl [--from YYYY-MM-DD] [--to YYYY-MM-DD]

Ghi nhật ký kiểm toán ra tệp JSON Lines (mỗi dòng một mục: số, thời điểm, người, từ đâu, việc,
đối tượng, giá trị cũ, mới, lý do, mã băm trước và của mục), dòng cuối là đầu nhật ký. Việc xuất
cũng được ghi vào nhật ký.

Usage: xeploai audit export FILE.jsonl [--from DATE] [--to DATE] — the log as JSON Lines, ending with its head.`,
  async run(args, ctx) {
    const { values, positionals } = parseArgs({ args, options: { from: { type: 'string' }, to: { type: 'string' } }, allowPositionals: true, strict: true });
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0) throw new AppError('ValidationFailed', { vi: 'Cần đúng một tệp để ghi.', en: 'Exactly one output file is required.' }, { field: 'file' });
    const range = { from: isoDay(values.from, 'from'), to: isoDay(values.to, 'to') };
    return withDb(ctx, async (db) => {
      await recordAudit(db, { actor: cliActor(ctx), action: 'audit.export', source: 'cli', newValue: { file, ...range } });
      const out = createWriteStream(file);
      const failed = once(out, 'error').then(([e]) => {
        throw new AppError('FileUnwritable', { vi: `Không ghi được tệp «${file}»: ${(e as Error).message}.`, en: `Cannot write "${file}": ${(e as Error).message}.` }, { field: 'file' });
      });
      let n = 0;
      const write = async (line: string) => {
        if (!out.write(`${line}\n`)) await Promise.race([once(out, 'drain'), failed]);
      };
      for await (const e of auditEntries(db, { from: range.from, to: range.to ? `${range.to}T24` : undefined })) {
        await write(JSON.stringify(e));
        n++;
      }
      const head = (await verifyAudit(db)).head;
      await write(JSON.stringify({ head }));
      out.end();
      await Promise.race([once(out, 'finish'), failed]);
      ctx.io.out(`Đã xuất ${n} mục nhật ký kiểm toán ra «${file}»; đầu nhật ký số ${head.seq}, mã băm ${head.hash}.`);
      return 0;
    });
  },
};
