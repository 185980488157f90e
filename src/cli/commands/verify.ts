/**
 * `xeploai verify [--cycle YEAR] [--fix]`: recomputes every form count from the evaluations and
 * compares it with the live counts (issue 4). Prints one line per differing cell; exit code 1 when
 * any differs. `--fix` then rebuilds the counts from the evaluations and verifies again.
 */
import { parseArgs } from 'node:util';
import { formatViInteger } from '../../domain/format/vi-number.js';
import { cycleName } from '../../domain/model/cycles.js';
import { rebuild, verify, type VerifyResult } from '../../services/forms.js';
import { withDb, parseCycleYear } from '../db.js';
import type { CliCommand, CliIo } from '../command.js';

function printResult(io: CliIo, result: VerifyResult): void {
  const lines = result.cycles.flatMap((c) => c.differences.map((d) => [cycleName(c), d.unitCode, d.form, d.row, d.col, formatViInteger(d.stored), formatViInteger(d.expected)]));
  if (lines.length > 0) {
    const head = ['Kỳ/cycle', 'Đơn vị/unit', 'Biểu/form', 'Dòng/row', 'Cột/col', 'Đang lưu/stored', 'Tính lại/expected'];
    const width = head.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
    for (const l of [head, ...lines]) io.out(l.map((x, i) => x.padEnd(width[i] ?? 0)).join('  ').trimEnd());
  }
  const cycles = result.cycles.map((c) => cycleName(c)).join(', ');
  io.out(
    result.differences === 0
      ? `Khớp: số liệu biểu đang lưu đúng với phiếu đánh giá (kỳ: ${cycles}). / No difference (cycles: ${cycles}).`
      : `${formatViInteger(result.differences)} ô khác nhau. / ${result.differences} cell(s) differ.`,
  );
}

export const verifyCommand: CliCommand = {
  name: ['verify'],
  summary: 'Đối chiếu số liệu biểu với phiếu đánh giá / Verify live form counts',
  help: `Cách dùng: xeploai verify [--cycle NĂM] [--fix]

Tính lại toàn bộ số liệu các biểu (KD, TC, DV, TT, CN) của mọi đơn vị từ phiếu đánh giá, nội dung
gợi ý kiểm điểm và số liệu nhập tay, rồi so với số liệu đang lưu. In mỗi ô khác nhau trên một dòng
(kỳ, đơn vị, biểu, dòng, cột, đang lưu, tính lại).
  --cycle NĂM   chỉ kỳ của năm này
  --fix         tính lại và ghi đè số liệu đang lưu, rồi đối chiếu lại
Mã thoát: 1 khi còn ô khác nhau; 0 khi khớp.

Usage: xeploai verify [--cycle YEAR] [--fix]
Recomputes every form count from the evaluations and compares it with the stored live counts; one
line per differing cell. --fix rebuilds the counts, then verifies again. Exit 1 while any differs.`,
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { cycle: { type: 'string' }, fix: { type: 'boolean', default: false } }, strict: true });
    const year = parseCycleYear(values.cycle, false);
    return withDb(ctx, async (db) => {
      const options = year === undefined ? {} : { year };
      let result = await verify(db, options);
      printResult(ctx.io, result);
      if (values.fix && result.differences > 0) {
        const done = await rebuild(db, options);
        ctx.io.out(`Đã tính lại / Rebuilt: ${done.map((d) => `${cycleName(d)}: ${formatViInteger(d.rows)} ô`).join(', ')}.`);
        result = await verify(db, options);
        printResult(ctx.io, result);
      }
      return result.differences > 0 ? 1 : 0;
    });
  },
};
