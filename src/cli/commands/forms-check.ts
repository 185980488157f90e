/**
 * `xeploai forms check FILE.json [--json]`: checks a form-values document (FORMS.md §3–4) and
 * prints its findings. Exit code 1 when any finding is an error, 0 otherwise; a malformed file
 * is an AppError naming the place, printed by main.ts, exit 1.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { AppError } from '../../domain/errors.js';
import { checkFormValues, parseFormValues, type Finding } from '../../domain/forms/index.js';
import type { CliCommand } from '../command.js';

const show = (v: Finding['expected']) => (v === null ? '—' : String(v));

/** One finding on one line: severity, code, form, row, column, expected, actual, message. */
export function formatFindingLine(f: Finding): string {
  const severity = f.severity === 'error' ? 'LỖI     ' : 'CẢNH BÁO';
  const place = `${f.form} ${f.row ?? '—'} / ${f.col ?? '—'}`;
  return `${severity} ${f.code.padEnd(14)} ${place} | cần / expected: ${show(f.expected)} | ghi / actual: ${show(f.actual)} | ${f.message.vi}`;
}

async function readDocument(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new AppError('FileUnreadable', {
      vi: `Không đọc được tệp «${file}» (${why}).`,
      en: `Cannot read file "${file}" (${why}).`,
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new AppError('BadJson', {
      vi: `Tệp «${file}» không phải JSON hợp lệ: ${why}.`,
      en: `File "${file}" is not valid JSON: ${why}.`,
    });
  }
}

export const formsCheck: CliCommand = {
  name: ['forms', 'check'],
  summary: 'Kiểm tra số liệu các biểu thống kê / Check statistical form values',
  help: `Cách dùng: xeploai forms check TỆP.json [--json]

Kiểm tra một tài liệu số liệu biểu (định dạng "form-values/1", xem FORMS.md): tổng theo cột và
theo dòng, số liệu trong văn bản so với biểu, tỷ lệ phần trăm (làm tròn, không cắt bớt), danh
từ đếm, ngày và số hiệu của biểu, quan hệ giữa các biểu, mức trần 20% HTXS.
Mỗi phát hiện in trên một dòng: mức độ, mã, biểu, dòng, cột, giá trị cần có, giá trị ghi.
  --json   in {"findings": [...]} ra stdout
Mã thoát: 1 khi có lỗi (error) hoặc tệp không hợp lệ; 0 khi chỉ có cảnh báo hoặc không có gì.
Ví dụ: xeploai forms check ../shared/domain/tam-duong-2022.printed.json

Usage: xeploai forms check FILE.json [--json]
Checks a form-values document: column and row sums, the text's numbers against the tables,
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
        vi: 'Cần đúng một tệp JSON: xeploai forms check TỆP.json [--json].',
        en: 'Exactly one JSON file is needed: xeploai forms check FILE.json [--json].',
      });
    }
    const doc = parseFormValues(await readDocument(file));
    const findings = checkFormValues(doc);
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
