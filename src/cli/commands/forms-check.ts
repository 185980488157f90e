/**
 * `xeploai forms check FILE.json|FILE.xlsx [--json]`: checks a form-values document (FORMS.md §3–4),
 * or the product's own workbook read back, and prints its findings. Exit code 1 when any finding is an error, 0 otherwise; a malformed file
 * is an AppError naming the place, printed by main.ts, exit 1.
 */
import { parseArgs } from 'node:util';
import { AppError } from '../../domain/errors.js';
import type { Finding } from '../../domain/forms/index.js';
import { checkFormsDocument, readFormsDocument } from '../../services/forms.js';
import { readInputFile } from '../output.js';
import type { CliCommand } from '../command.js';

const show = (v: Finding['expected']) => (v === null ? '—' : String(v));

/** One finding on one line: severity, code, form, row, column, expected, actual, message. */
export function formatFindingLine(f: Finding): string {
  const severity = f.severity === 'error' ? 'LỖI     ' : 'CẢNH BÁO';
  const place = `${f.form} ${f.row ?? '—'} / ${f.col ?? '—'}`;
  return `${severity} ${f.code.padEnd(14)} ${place} | cần / expected: ${show(f.expected)} | ghi / actual: ${show(f.actual)} | ${f.message.vi}`;
}

/** The document in a file: JSON text, or read back from the product's workbook (.xlsx). */
async function readDocument(file: string): Promise<unknown> {
  return readFormsDocument(await readInputFile(file), file);
}

export const formsCheck: CliCommand = {
  name: ['forms', 'check'],
  summary: 'Kiểm tra số liệu các biểu thống kê / Check statistical form values',
  help: `Cách dùng: xeploai forms check TỆP.json|TỆP.xlsx [--json]

Kiểm tra một tài liệu số liệu biểu (định dạng "form-values/1", xem FORMS.md) hoặc bảng tính Excel
do phần mềm xuất ra (xeploai forms export --format xlsx): tổng theo cột và
theo dòng, số liệu trong văn bản so với biểu, tỷ lệ phần trăm (làm tròn, không cắt bớt), danh
từ đếm, ngày và số hiệu của biểu, quan hệ giữa các biểu, mức trần 20% HTXS.
Mỗi phát hiện in trên một dòng: mức độ, mã, biểu, dòng, cột, giá trị cần có, giá trị ghi.
  --json   in {"findings": [...]} ra stdout
Mã thoát: 1 khi có lỗi (error) hoặc tệp không hợp lệ; 0 khi chỉ có cảnh báo hoặc không có gì.
Ví dụ: xeploai forms check tests/fixtures/spec/tam-duong-2022.printed.json

Usage: xeploai forms check FILE.json|FILE.xlsx [--json]
Checks a form-values document, or the product's own workbook: column and row sums, the text's numbers against the tables,
percentages (rounded, never truncated), counting nouns, annex dates and codes, cross-form
relations and the 20% HTXS cap. One finding per line; --json prints {"findings": [...]}.
Exit code 1 on any error-severity finding or a malformed file, 0 otherwise.`,
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args,
      options: { json: { type: 'boolean', default: false } },
      allowPositionals: true,
      strict: true,
    });
    const file = positionals[0];
    if (!file || positionals.length > 1) {
      throw new AppError('ValidationFailed', {
        vi: 'Cần đúng một tệp JSON hoặc .xlsx: xeploai forms check TỆP.json|TỆP.xlsx [--json].',
        en: 'Exactly one JSON or .xlsx file is needed: xeploai forms check FILE.json|FILE.xlsx [--json].',
      });
    }
    const findings = checkFormsDocument(await readDocument(file));
    const errors = findings.filter((f) => f.severity === 'error').length;
    if (values.json) {
      ctx.io.out(JSON.stringify({ findings }, null, 2));
    } else {
      for (const f of findings) ctx.io.out(formatFindingLine(f));
      ctx.io.out(
        `${findings.length === 0 ? 'Không có phát hiện nào.' : `${errors} lỗi, ${findings.length - errors} cảnh báo.`} / ` +
          `${errors} error(s), ${findings.length - errors} warning(s).`,
      );
    }
    return errors > 0 ? 1 : 0;
  },
};
