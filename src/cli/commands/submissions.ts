/**
 * `xeploai submissions --cycle YEAR [--unit CODE]`: each unit's report to its parent with its status
 * and timing — on time, late (n working days, Labour Code calendar with the configured days) or
 * missing (GUIDE.md §4.9). Without --unit: every unit whose level has a deadline.
 */
import { parseArgs } from 'node:util';
import { formatViDate } from '../../domain/calendar/iso-date.js';
import { SUBMISSION_STATUS_LABELS } from '../../domain/workflow/submissions.js';
import { listSubmissionStatus, type SubmissionRow } from '../../services/submissions.js';
import { withDb, parseCycleYear } from '../db.js';
import type { CliCommand } from '../command.js';

/** "đúng hạn", "trễ 2 ngày làm việc (4 ngày)", "chưa nộp", or "—" without a deadline. */
export function timingText(row: SubmissionRow): string {
  const t = row.timing;
  if (!t) return '— (không có hạn)';
  if (t.status === 'on_time') return 'đúng hạn';
  if (t.status === 'late') return `trễ ${t.workingDaysLate} ngày làm việc (${t.calendarDaysLate} ngày)`;
  return 'chưa nộp';
}

function table(rows: SubmissionRow[]): string[] {
  const head = ['Đơn vị', 'Tên', 'Trạng thái', 'Nộp lúc (giờ VN)', 'Hạn', 'Tiến độ'];
  const local = (at: string | null) => (at ? new Date(Date.parse(at) + 7 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '—');
  const lines = rows.map((r) => [r.unitCode, r.unitName, SUBMISSION_STATUS_LABELS[r.status], local(r.submittedAt), r.deadline ? formatViDate(r.deadline) : '—', timingText(r)]);
  const width = head.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  return [head, ...lines].map((l) => l.map((x, i) => x.padEnd(width[i] ?? 0)).join('  ').trimEnd());
}

export const submissionsCommand: CliCommand = {
  name: ['submissions'],
  summary: 'Tình hình nộp báo cáo của các đơn vị / Report submissions and timing',
  help: `Cách dùng: xeploai submissions --cycle NĂM [--unit MÃ] [--period KỲ]

In tình hình nộp báo cáo kết quả kiểm điểm, đánh giá, xếp loại lên cấp trên: trạng thái (đang soạn,
đã nộp, bị trả lại, đã tiếp nhận, đã khóa), thời điểm nộp, hạn nộp theo cấp và tiến độ: đúng hạn,
trễ n ngày làm việc (không tính thứ Bảy, Chủ nhật, ngày nghỉ lễ, tết và ngày nghỉ bù), hoặc chưa nộp.
  --cycle NĂM   kỳ đánh giá (bắt buộc)
  --unit MÃ     chỉ đơn vị này và các đơn vị trực thuộc; mặc định: mọi đơn vị có hạn nộp
  --period KỲ   kỳ trong năm (mặc định nam)
Mã thoát 1 khi có lỗi.

Usage: xeploai submissions --cycle YEAR [--unit CODE] — status and timing (on time, late n working
days, missing) of each unit's report to its parent.`,
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { cycle: { type: 'string' }, unit: { type: 'string' }, period: { type: 'string' } }, strict: true });
    const cycleYear = parseCycleYear(values.cycle, true);
    return withDb(ctx, async (db) => {
      const result = await listSubmissionStatus(db, { cycleYear, period: values.period, unitCode: values.unit });
      const rows = [...(result.unit ? [result.unit] : []), ...result.children];
      for (const line of table(rows)) ctx.io.out(line);
      const count = (s: string) => rows.filter((r) => r.timing?.status === s).length;
      ctx.io.out(`Đúng hạn: ${count('on_time')}, trễ: ${count('late')}, chưa nộp: ${count('missing')} (${rows.length} đơn vị).`);
      return 0;
    });
  },
};
