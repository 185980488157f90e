/**
 * `xeploai submissions --cycle YEAR [--unit CODE]`: each unit's report to its parent with its status
 * and timing — on time, late (n working days, Labour Code calendar with the configured days) or
 * missing (GUIDE.md §4.9). Without --unit: every unit whose level has a deadline.
 */
import { parseArgs } from 'node:util';
import { formatViDate } from '../../domain/calendar/iso-date.js';
import { AppError } from '../../domain/errors.js';
import { SUBMISSION_STATUS_LABELS, type UngradedSubject, ungradedLabel } from '../../domain/workflow/submissions.js';
import { getCycle } from '../../db/queries/cycles.js';
import { findEvaluationOfSubject } from '../../db/queries/evaluations.js';
import { applySubmissionAction, listSubmissionStatus, type SubmissionRow } from '../../services/submissions.js';
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

/** `member:10.003=Đang điều trị dài ngày` → subject and reason. */
function parseUngraded(value: string, i: number): { kind: string; ref: string; reason: string } {
  const m = /^([a-z]+):([^=]+)=(.*)$/s.exec(value);
  if (!m) {
    throw new AppError(
      'ValidationFailed',
      { vi: `«--ungraded» thứ ${i + 1} phải có dạng LOẠI:MÃ=LÝ_DO (ví dụ member:62.012345=Đang điều trị bệnh dài ngày), không phải «${value}».`, en: `"--ungraded" #${i + 1} must be KIND:REF=REASON, not "${value}".` },
      { field: `ungraded.${i}` },
    );
  }
  return { kind: m[1] as string, ref: (m[2] as string).trim(), reason: m[3] as string };
}

export const submissionsSubmit: CliCommand = {
  name: ['submissions', 'submit'],
  summary: 'Đơn vị gửi kết quả lên cấp trên / A unit submits its results',
  help: `Cách dùng: xeploai submissions submit --cycle NĂM --unit MÃ [--ungraded LOẠI:MÃ=LÝ_DO]… [--comment "…"] [--period KỲ]

Gửi kết quả kiểm điểm, đánh giá, xếp loại của đơn vị lên cấp trên (GUIDE.md §4.9). Không gửi được khi
còn đối tượng phải xếp loại chưa có mức đề xuất hoặc quyết định, trừ khi từng đối tượng đó được ghi là
ngoại lệ kèm lý do bằng --ungraded (có thể lặp lại); khi bị từ chối, lệnh in danh sách các đối tượng còn thiếu.
  --cycle NĂM                 kỳ đánh giá (bắt buộc)
  --unit MÃ                   đơn vị gửi kết quả (bắt buộc)
  --ungraded LOẠI:MÃ=LÝ_DO    đối tượng gửi khi chưa xếp loại và lý do, ví dụ member:62.012345=Đang điều trị dài ngày
  --comment "…"               ghi chú gửi kèm
Mã thoát 1 khi có lỗi (kể cả khi còn đối tượng chưa xếp loại).

Usage: xeploai submissions submit --cycle YEAR --unit CODE [--ungraded KIND:REF=REASON]… — submit a unit's
results; refused while subjects to be graded are ungraded and not listed with a reason.`,
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { cycle: { type: 'string' }, unit: { type: 'string' }, period: { type: 'string' }, comment: { type: 'string' }, ungraded: { type: 'string', multiple: true } }, strict: true });
    const cycleYear = parseCycleYear(values.cycle, true);
    const unitCode = values.unit?.trim();
    if (!unitCode) throw new AppError('ValidationFailed', { vi: 'Cần tùy chọn «--unit» (ví dụ --unit TD-DU-QUANSU-CB01).', en: 'Option "--unit" is required.' }, { field: 'unit' });
    return withDb(ctx, async (db) => {
      const cycle = await getCycle(db, { year: cycleYear, period: values.period });
      const ungradedExceptions = [];
      for (const [i, v] of (values.ungraded ?? []).entries()) {
        const e = parseUngraded(v, i);
        ungradedExceptions.push({ evaluationId: (await findEvaluationOfSubject(db, { cycle, kind: e.kind, ref: e.ref })).id, reason: e.reason });
      }
      try {
        const row = await applySubmissionAction(db, { cycleYear, period: values.period, unitCode, action: 'submit', comment: values.comment, ungradedExceptions, actor: 'cli' });
        ctx.io.out(`Đã gửi kết quả của ${row.unitCode} (${row.unitName}); trạng thái: ${SUBMISSION_STATUS_LABELS[row.status]}; tiến độ: ${timingText(row)}.`);
        for (const u of row.ungradedExceptions) ctx.io.out(`  Chưa xếp loại: ${ungradedLabel(u)} — lý do: ${u.reason}`);
        return 0;
      } catch (e) {
        if (e instanceof AppError && e.code === 'SubjectsNotGraded') {
          const list = (e.details as { ungraded: UngradedSubject[] }).ungraded;
          ctx.io.err(`Các đối tượng chưa xếp loại (${list.length}); xếp loại hoặc ghi --ungraded LOẠI:MÃ=LÝ_DO cho từng đối tượng:`);
          for (const u of list) ctx.io.err(`  ${u.subjectKind}:${u.subjectRef}  ${ungradedLabel(u)}`);
        }
        throw e;
      }
    });
  },
};
