/**
 * `xeploai eligibility compute --cycle YEAR [--unit CODE]`: computes every subject's eligibility at
 * the cycle's reference date from dated facts and stores it with its reason (GUIDE.md §3).
 */
import { parseArgs } from 'node:util';
import { ELIGIBILITY, ELIGIBILITY_LABELS } from '../../domain/codes.js';
import { computeAndStoreEligibility } from '../../services/eligibility.js';
import { withDb, parseCycleYear } from '../db.js';
import type { CliCommand } from '../command.js';

export const eligibilityCompute: CliCommand = {
  name: ['eligibility', 'compute'],
  summary: 'Tính diện đánh giá, xếp loại của kỳ / Compute eligibility',
  help: `Cách dùng: xeploai eligibility compute --cycle NĂM [--unit MÃ] [--period KỲ]

Tính diện kiểm điểm, đánh giá, xếp loại của mọi đối tượng (tổ chức đảng, đảng viên, tập thể, cán bộ)
tại ngày tham chiếu của kỳ, theo bộ quy định của kỳ: miễn công tác và sinh hoạt đảng, đình chỉ sinh
hoạt, mới kết nạp hoặc mới thành lập chưa đủ 6 tháng, do cấp trên xếp loại. Lưu kèm lý do; tạo phiếu
cho đối tượng chưa có; không thay đổi diện đã được điều chỉnh thủ công. Đối tượng đã được quyết định
xếp loại không bị thay đổi: được liệt kê là «cần điều chỉnh bằng quyết định lại / override».
  --cycle NĂM   kỳ đánh giá (bắt buộc)
  --unit MÃ     chỉ đơn vị này và cấp dưới (đối tượng do cấp trên đơn vị này xếp loại: «do cấp trên»)
  --period KỲ   kỳ trong năm (mặc định nam)
Mã thoát 1 khi có lỗi.

Usage: xeploai eligibility compute --cycle YEAR [--unit CODE] — computes and stores eligibility.`,
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { cycle: { type: 'string' }, unit: { type: 'string' }, period: { type: 'string' } }, strict: true });
    const cycleYear = parseCycleYear(values.cycle, true);
    return withDb(ctx, async (db) => {
      const s = await computeAndStoreEligibility(db, { cycleYear, period: values.period, unit: values.unit, actor: 'cli' });
      ctx.io.out(`Kỳ ${s.cycleYear}: ${s.subjects} đối tượng; tạo mới ${s.created}, thay đổi ${s.changed}, giữ nguyên ${s.unchanged}, đã điều chỉnh thủ công ${s.overridden}.`);
      for (const status of ELIGIBILITY) if (s.byStatus[status] > 0) ctx.io.out(`  ${ELIGIBILITY_LABELS[status]}: ${s.byStatus[status]}`);
      if (s.needsRedecision.count > 0) {
        ctx.io.out(`Đã quyết định xếp loại, không tự thay đổi — ${s.needsRedecision.label}: ${s.needsRedecision.count}`);
        for (const f of s.needsRedecision.items) ctx.io.out(`  ${f.subjectKind}:${f.subjectRef} (${f.decidedGrade ?? '—'}): ${ELIGIBILITY_LABELS[f.stored]} → ${ELIGIBILITY_LABELS[f.computed]} — ${f.reason}`);
      }
      return 0;
    });
  },
};
