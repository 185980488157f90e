/**
 * `xeploai grade check|propose|appraise|decide|publish|regrade` and `xeploai review-records`: the grading
 * workflow of issue 3 from the command line, calling the same services as the API routes (the
 * rules, authority, order, stage and lock checks are theirs). The command line is an operator's
 * tool: it acts as the system, with no user scope; the acting body is named with --by.
 */
import { parseArgs } from 'node:util';
import { formatViDate } from '../../domain/calendar/iso-date.js';
import { GRADE_LABELS, type Grade } from '../../domain/codes.js';
import { AppError } from '../../domain/errors.js';
import { STAGE_LABELS } from '../../domain/workflow/stages.js';
import { getCycle } from '../../db/queries/cycles.js';
import { findEvaluationOfSubject } from '../../db/queries/evaluations.js';
import type { Db } from '../../db/create-db.js';
import { appraise, decide, gradingCheck, propose, publish, regradeEvaluation, type GradingCheck, type StepResult } from '../../services/grading.js';
import { listRecordsWithChecks } from '../../services/review-records.js';
import { auditDecidedGrades, auditLine } from '../../services/grade-audit.js';
import type { CliCommand, CliIo } from '../command.js';
import { parseCycleYear, withDb } from '../db.js';

const ACTOR = 'cli';
const SUBJECT_HELP = `  --subject LOẠI:MÃ   đối tượng: member:SỐ_THẺ, unit:MÃ_ĐƠN_VỊ, collective:MÃ_TẬP_THỂ, position:MÃ_CHỨC_VỤ`;

const OPTIONS = {
  cycle: { type: 'string' },
  period: { type: 'string' },
  subject: { type: 'string' },
  grade: { type: 'string' },
  by: { type: 'string' },
  reason: { type: 'string' },
  justification: { type: 'string' },
  'kht-reasons': { type: 'string' },
  comment: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; strict: true }>>['values'];

function required(values: Values, name: keyof Values, example: string): string {
  const v = values[name];
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  throw new AppError('ValidationFailed', { vi: `Cần tùy chọn «--${name}» (ví dụ ${example}).`, en: `Option "--${name}" is required (e.g. ${example}).` }, { field: name });
}

/** `member:62.012345` → { kind: 'member', ref: '62.012345' }. */
function parseSubject(value: string): { kind: string; ref: string } {
  const at = value.indexOf(':');
  if (at <= 0 || at === value.length - 1) {
    throw new AppError(
      'ValidationFailed',
      { vi: `«--subject» phải có dạng LOẠI:MÃ (ví dụ member:62.012345), không phải «${value}».`, en: `"--subject" must be KIND:REF (e.g. member:62.012345), not "${value}".` },
      { field: 'subject' },
    );
  }
  return { kind: value.slice(0, at), ref: value.slice(at + 1) };
}

/** The evaluation named by --cycle/--period/--subject. */
async function evaluationOf(db: Db, values: Values): Promise<{ id: string; label: string }> {
  const cycle = await getCycle(db, { year: parseCycleYear(values.cycle, true), period: values.period });
  const subject = parseSubject(required(values, 'subject', '--subject member:62.012345'));
  const evaluation = await findEvaluationOfSubject(db, { cycle, ...subject });
  return { id: evaluation.id, label: `${subject.kind}:${subject.ref}` };
}

function printCheck(io: CliIo, check: GradingCheck): void {
  io.out(`Mức đề nghị: ${check.grade} (${GRADE_LABELS[check.grade]})`);
  io.out(`Mức cao nhất được xếp: ${check.highestAllowed} (${GRADE_LABELS[check.highestAllowed]})`);
  for (const r of check.reasons) io.out(`  - ${r.text}${r.binding ? '' : ' (cấp có thẩm quyền cân nhắc)'}`);
  for (const n of check.notes) io.out(`  · ${n}`);
  io.out(`Tỷ lệ HTXS: ${check.capHeadroom.text}`);
  io.out(`Cấp có thẩm quyền quyết định: ${check.competentAuthority.text}`);
  for (const e of check.errors) io.out(`LỖI: ${e.text}`);
  for (const w of check.warnings) io.out(`CẢNH BÁO (cần ghi lý do chấp nhận): ${w.text}`);
}

function printStep(io: CliIo, what: string, label: string, result: StepResult): void {
  const grade = result.evaluation.decidedGrade ?? result.evaluation.proposedGrade;
  io.out(`Đã ${what} ${label}${grade ? `: ${grade} (${GRADE_LABELS[grade as Grade]})` : ''}; bước hiện tại: ${STAGE_LABELS[result.stage]}.`);
  if (result.justified) io.out(`Lý do chấp nhận cảnh báo đã được ghi: ${result.justified}`);
}

const khtReasons = (values: Values) => values['kht-reasons']?.split(',').map((s) => s.trim()).filter(Boolean);

function command(options: { words: string[]; summary: string; usage: string; detail: string; run: (db: Db, values: Values, io: CliIo) => Promise<number> }): CliCommand {
  return {
    name: options.words,
    summary: options.summary,
    help: `Cách dùng: ${options.usage}\n\n${options.detail}\n${SUBJECT_HELP}\n  --cycle NĂM         kỳ đánh giá (bắt buộc); --period KỲ cho kỳ không phải cả năm\nMã thoát 1 khi có lỗi (kể cả khi quy tắc không cho phép).\n\nUsage: ${options.usage}`,
    async run(args, ctx) {
      const { values } = parseArgs({ args, options: OPTIONS, strict: true });
      return withDb(ctx, (db) => options.run(db, values, ctx.io));
    },
  };
}

export const gradeCheck = command({
  words: ['grade', 'check'],
  summary: 'Kiểm tra một mức xếp loại theo quy định / Check a grade against the rules',
  usage: 'xeploai grade check --cycle NĂM --subject LOẠI:MÃ --grade HTXS|HTT|HT|KHT',
  detail: 'Cho biết mức cao nhất đối tượng được xếp và vì sao (dẫn quy định), lỗi, cảnh báo, số HTXS còn được\nxếp trong phạm vi (tỷ lệ 20%, nêu rõ cơ sở tính) và cấp có thẩm quyền quyết định. Không ghi gì.',
  async run(db, values, io) {
    const e = await evaluationOf(db, values);
    const check = await gradingCheck(db, { evaluationId: e.id, grade: required(values, 'grade', '--grade HTT') });
    printCheck(io, check);
    return check.errors.length > 0 ? 1 : 0;
  },
});

export const gradePropose = command({
  words: ['grade', 'propose'],
  summary: 'Đơn vị đề xuất mức xếp loại / Record the unit’s proposal',
  usage: 'xeploai grade propose --cycle NĂM --subject LOẠI:MÃ --grade MỨC [--by MÃ_ĐƠN_VỊ] [--justification "…"] [--kht-reasons a,b]',
  detail: 'Ghi mức xếp loại đơn vị đề xuất, sau khi kiểm tra quy định và thứ tự (QĐ 366, Điều 12).',
  async run(db, values, io) {
    const e = await evaluationOf(db, values);
    const result = await propose(db, { evaluationId: e.id, grade: required(values, 'grade', '--grade HTT'), actor: ACTOR, byUnit: values.by, justification: values.justification, khtReasons: khtReasons(values) });
    printStep(io, 'ghi đề xuất cho', e.label, result);
    return 0;
  },
});

export const gradeAppraise = command({
  words: ['grade', 'appraise'],
  summary: 'Thẩm định và đề xuất mức xếp loại / Record the appraisal',
  usage: 'xeploai grade appraise --cycle NĂM --subject LOẠI:MÃ --comment "…" [--grade MỨC] [--by MÃ_ĐƠN_VỊ]',
  detail: 'Ghi kết quả thẩm định của cơ quan tham mưu về công tác tổ chức cán bộ (QĐ 124, Điều 11; QĐ 366, Điều 12\nkhoản 1, Bước 2). Từ năm 2023, quyết định xếp loại chỉ được ghi sau bước này.',
  async run(db, values, io) {
    const e = await evaluationOf(db, values);
    const result = await appraise(db, { evaluationId: e.id, grade: values.grade, comment: required(values, 'comment', '--comment "Đã thẩm định"'), byUnit: values.by, actor: ACTOR });
    printStep(io, 'thẩm định', e.label, result);
    return 0;
  },
});

export const gradeDecide = command({
  words: ['grade', 'decide'],
  summary: 'Cấp có thẩm quyền quyết định xếp loại / Record the competent body’s decision',
  usage: 'xeploai grade decide --cycle NĂM --subject LOẠI:MÃ --grade MỨC --by MÃ_ĐƠN_VỊ [--justification "…"] [--kht-reasons a,b]',
  detail: 'Ghi quyết định xếp loại của cấp có thẩm quyền (--by). Cấp không có thẩm quyền bị từ chối; cảnh báo\n(ví dụ vượt tỷ lệ 20%) cần --justification.',
  async run(db, values, io) {
    const e = await evaluationOf(db, values);
    const result = await decide(db, { evaluationId: e.id, grade: required(values, 'grade', '--grade HTT'), decidingUnit: required(values, 'by', '--by HU-TAMDUONG'), actor: ACTOR, justification: values.justification, khtReasons: khtReasons(values) });
    printStep(io, 'quyết định xếp loại', e.label, result);
    return 0;
  },
});

export const gradePublish = command({
  words: ['grade', 'publish'],
  summary: 'Công bố kết quả đã quyết định / Publish a decided grade',
  usage: 'xeploai grade publish --cycle NĂM --subject LOẠI:MÃ --by MÃ_ĐƠN_VỊ',
  detail: 'Công bố kết quả xếp loại đã được cấp có thẩm quyền quyết định.',
  async run(db, values, io) {
    const e = await evaluationOf(db, values);
    printStep(io, 'công bố kết quả của', e.label, await publish(db, { evaluationId: e.id, byUnit: required(values, 'by', '--by HU-TAMDUONG'), actor: ACTOR }));
    return 0;
  },
});

export const gradeRegrade = command({
  words: ['grade', 'regrade'],
  summary: 'Xếp loại lại sau khi công bố, có lý do / Re-grade after publication, with a reason',
  usage: 'xeploai grade regrade --cycle NĂM --subject LOẠI:MÃ --grade MỨC --by MÃ_ĐƠN_VỊ --reason "…" [--justification "…"]',
  detail: 'Rà soát, thẩm định lại, xếp loại lại (GUIDE.md §4.8) bởi cấp có thẩm quyền hoặc cấp trên; bắt buộc\nnêu lý do, được ghi vào lịch sử (ai, khi nào, mức cũ, mức mới, vì sao).',
  async run(db, values, io) {
    const e = await evaluationOf(db, values);
    const result = await regradeEvaluation(db, {
      evaluationId: e.id,
      grade: required(values, 'grade', '--grade HT'),
      byUnit: required(values, 'by', '--by HU-TAMDUONG'),
      reason: values.reason ?? '',
      actor: ACTOR,
      justification: values.justification,
      khtReasons: khtReasons(values),
    });
    printStep(io, 'xếp loại lại', e.label, result);
    return 0;
  },
});

export const reviewRecordsCommand: CliCommand = {
  name: ['review-records'],
  summary: 'Hồ sơ hội nghị kiểm điểm của các tập thể / Review meetings and their checks',
  help: `Cách dùng: xeploai review-records --cycle NĂM [--unit MÃ] [--period KỲ]

Liệt kê hội nghị kiểm điểm đã ghi (ngày họp, thời lượng, ngày gửi dự thảo báo cáo, người dự chỉ đạo,
nội dung gợi ý kiểm điểm) và những điều chưa đạt: dự thảo gửi muộn hơn 03 ngày làm việc trước hội nghị,
thời gian kiểm điểm ngắn hơn quy định.
  --unit MÃ     chỉ đơn vị này và các đơn vị trực thuộc

Usage: xeploai review-records --cycle YEAR [--unit CODE] — lists review meetings with their findings.`,
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { cycle: { type: 'string' }, unit: { type: 'string' }, period: { type: 'string' } }, strict: true });
    const cycleYear = parseCycleYear(values.cycle, true);
    return withDb(ctx, async (db) => {
      const records = await listRecordsWithChecks(db, { cycleYear, period: values.period, unitCode: values.unit });
      if (records.length === 0) ctx.io.out('Chưa có hồ sơ hội nghị kiểm điểm nào trong phạm vi này.');
      for (const r of records) {
        const who = r.attending ? `; dự chỉ đạo: ${r.attending.fullName}` : '';
        const draft = r.draftCirculatedOn ? formatViDate(r.draftCirculatedOn) : 'chưa ghi';
        ctx.io.out(`${r.subjectName ?? r.subjectRef}: họp ${formatViDate(r.meetingStart)}–${formatViDate(r.meetingEnd)} (${String(r.durationDays).replace('.', ',')} ngày); gửi dự thảo ${draft}${who}`);
        for (const t of r.topics) ctx.io.out(`  · gợi ý kiểm điểm: ${t.topic}`);
        for (const f of r.findings) ctx.io.out(`  ! ${f.text} (${f.source})`);
      }
      return records.some((r) => r.findings.length > 0) ? 1 : 0;
    });
  },
};

export const gradeAudit: CliCommand = {
  name: ['grade', 'audit'],
  summary: 'Rà soát các mức xếp loại đã quyết định theo dữ kiện và quy định hiện nay / Audit decided grades',
  help: `Cách dùng: xeploai grade audit --cycle NĂM [--unit MÃ] [--period KỲ] [--json]

Kiểm tra lại mọi mức xếp loại đã quyết định của kỳ (hoặc của đơn vị và các đơn vị trực thuộc) theo dữ
kiện đang lưu và quy định của kỳ, như khi quyết định: mỗi dòng là một vi phạm (đối tượng, mức đã quyết
định, mức cao nhất được phép, quy định, căn cứ). Một dữ kiện ghi sau khi quyết định (ví dụ kỷ luật) mà
làm mức đã quyết định không còn đúng sẽ hiện ở đây.
  --unit MÃ     chỉ đơn vị này và các đơn vị trực thuộc
  --json        in kết quả dạng JSON (như GET /api/cycles/:year/audit)
Mã thoát 1 khi có quy định bắt buộc bị vi phạm; 0 khi không có (các điều cần cân nhắc và vượt tỷ lệ HTXS
chỉ được liệt kê).

Usage: xeploai grade audit --cycle YEAR [--unit CODE] [--json] — re-checks every decided grade; exits 1 when a binding rule is broken.`,
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { cycle: { type: 'string' }, unit: { type: 'string' }, period: { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true });
    const cycleYear = parseCycleYear(values.cycle, true);
    return withDb(ctx, async (db) => {
      const audit = await auditDecidedGrades(db, { cycleYear, period: values.period, unitCode: values.unit });
      if (values.json) {
        ctx.io.out(JSON.stringify(audit, null, 2));
        return audit.ok ? 0 : 1;
      }
      const where = audit.unitCode ? ` thuộc ${audit.unitCode}` : '';
      for (const v of audit.violations) ctx.io.out(auditLine(v));
      for (const c of audit.caps) ctx.io.out(`VƯỢT TỶ LỆ (cần lý do đã ghi): ${c.scope}: ${c.text}`);
      const s = audit.binding.subjects;
      ctx.io.out(
        audit.ok
          ? `Đã kiểm tra ${audit.checked} mức xếp loại đã quyết định của kỳ ${audit.cycle.year}${where} (${audit.cycle.ruleSet}): không có quy định bắt buộc nào bị vi phạm.`
          : `Đã kiểm tra ${audit.checked} mức xếp loại đã quyết định của kỳ ${audit.cycle.year}${where} (${audit.cycle.ruleSet}): ${audit.binding.total} vi phạm quy định bắt buộc (${s.unit} tổ chức đảng, ${s.collective} tập thể, ${s.position} cá nhân lãnh đạo, ${s.member} đảng viên).`,
      );
      return audit.ok ? 0 : 1;
    });
  },
};
