/**
 * The facts the rules read, from the command line (issue 8, "Facts as data"), calling the same
 * services as the API: `xeploai facts list|set|clear` (a subject's stored facts),
 * `xeploai event add` (a person's dated event: a discipline with its flags, a violation, a leave …),
 * `xeploai collective members|seat|unseat` (the positions sitting on a leadership collective). The
 * command line acts as the operator ("cli").
 */
import { parseArgs } from 'node:util';
import { formatViDate } from '../../domain/calendar/iso-date.js';
import { DISCIPLINE_LEVEL_LABELS, PERSON_EVENT_KINDS, PERSON_EVENT_LABELS, type DisciplineLevel, type PersonEventKind } from '../../domain/codes.js';
import { AppError } from '../../domain/errors.js';
import { SUBJECT_FACT_CODES, SUBJECT_FACTS, type SubjectFact } from '../../domain/workflow/fact-catalogue.js';
import { getCycle } from '../../db/queries/cycles.js';
import { findEvaluationOfSubject } from '../../db/queries/evaluations.js';
import type { Db } from '../../db/create-db.js';
import { addMember, endMember, listMembers } from '../../services/collective-members.js';
import { recordPersonEvent } from '../../services/person-events.js';
import { clearSubjectFact, getSubjectFacts, setSubjectFact } from '../../services/subject-facts.js';
import type { CliCommand, CliIo } from '../command.js';
import { parseCycleYear, withDb } from '../db.js';

const ACTOR = 'cli';

function need(value: string | undefined, name: string, example: string): string {
  if (value !== undefined && value.trim() !== '') return value.trim();
  throw new AppError('ValidationFailed', { vi: `Cần tùy chọn «--${name}» (ví dụ ${example}).`, en: `Option "--${name}" is required (e.g. ${example}).` }, { field: name });
}

/** `--flag có|không` (also yes/no, true/false) → boolean; absent → undefined. */
function yesNo(value: string | undefined, name: string): boolean | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (['có', 'co', 'yes', 'true', '1'].includes(v)) return true;
  if (['không', 'khong', 'no', 'false', '0'].includes(v)) return false;
  throw new AppError('ValidationFailed', { vi: `«--${name}» phải là «có» hoặc «không», không phải «${value}».`, en: `"--${name}" must be yes or no.` }, { field: name });
}

/** The evaluation named by --cycle/--period/--subject KIND:REF. */
async function evaluationOf(db: Db, values: { cycle?: string | undefined; period?: string | undefined; subject?: string | undefined }): Promise<{ id: string; label: string }> {
  const cycle = await getCycle(db, { year: parseCycleYear(values.cycle, true), period: values.period });
  const subject = need(values.subject, 'subject', '--subject collective:XA-A.DU');
  const at = subject.indexOf(':');
  if (at <= 0 || at === subject.length - 1) {
    throw new AppError('ValidationFailed', { vi: `«--subject» phải có dạng LOẠI:MÃ (ví dụ member:62.012345), không phải «${subject}».`, en: `"--subject" must be KIND:REF.` }, { field: 'subject' });
  }
  const evaluation = await findEvaluationOfSubject(db, { cycle, kind: subject.slice(0, at), ref: subject.slice(at + 1) });
  return { id: evaluation.id, label: subject };
}

function printFact(io: CliIo, f: SubjectFact): void {
  const doc = [f.documentNumber, f.documentDate ? formatViDate(f.documentDate) : null].filter(Boolean).join(', ');
  const when = f.concludedOn ? `, ngày ${formatViDate(f.concludedOn)}` : '';
  io.out(`  ${f.fact} = ${JSON.stringify(f.value)} — ${SUBJECT_FACTS[f.fact].label}${when}${doc ? `; văn bản: ${doc}` : ''}; nhập bởi ${f.enteredBy} lúc ${f.enteredAt}`);
}

const SUBJECT_OPTIONS = { cycle: { type: 'string' }, period: { type: 'string' }, subject: { type: 'string' } } as const;
const FACT_LIST = SUBJECT_FACT_CODES.map((c) => `    ${c}: ${SUBJECT_FACTS[c].label} (${SUBJECT_FACTS[c].shape})`).join('\n');

export const factsList: CliCommand = {
  name: ['facts', 'list'],
  summary: 'Các dữ kiện xếp loại đã ghi của một đối tượng / A subject’s stored facts',
  help: `Cách dùng: xeploai facts list --cycle NĂM --subject LOẠI:MÃ [--period KỲ]

In các dữ kiện đã ghi của đối tượng (tiêu chí Kém, chỉ tiêu, mất đoàn kết, phiếu tín nhiệm thấp …),
kèm ngày kết luận, văn bản, người nhập.

Usage: xeploai facts list --cycle YEAR --subject KIND:REF — prints the subject's stored facts.`,
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: SUBJECT_OPTIONS, strict: true });
    return withDb(ctx, async (db) => {
      const ev = await evaluationOf(db, values);
      const { facts, version } = await getSubjectFacts(db, ev.id);
      ctx.io.out(`${ev.label} (phiên bản ${version}): ${facts.length} dữ kiện.`);
      for (const f of facts) printFact(ctx.io, f);
      return 0;
    });
  },
};

export const factsSet: CliCommand = {
  name: ['facts', 'set'],
  summary: 'Ghi một dữ kiện xếp loại của đối tượng / Enter a fact',
  help: `Cách dùng: xeploai facts set --cycle NĂM --subject LOẠI:MÃ --fact MÃ --value GIÁ_TRỊ [--concluded-on NGÀY]
         [--document SỐ] [--document-date NGÀY] [--reason LÝ_DO] [--period KỲ]

Ghi (hoặc thay) một dữ kiện; GIÁ_TRỊ viết dạng JSON (true, 45.5, {"disciplined":3,"total":10}, ["HT"]).
Dữ kiện kiểm tra theo loại đối tượng và bộ quy định của kỳ; phiếu lên một phiên bản, lịch sử ghi lại.
Các dữ kiện:
${FACT_LIST}

Usage: xeploai facts set --cycle YEAR --subject KIND:REF --fact CODE --value JSON — enters a fact.`,
  async run(args, ctx) {
    const options = { ...SUBJECT_OPTIONS, fact: { type: 'string' }, value: { type: 'string' }, 'concluded-on': { type: 'string' }, document: { type: 'string' }, 'document-date': { type: 'string' }, reason: { type: 'string' } } as const;
    const { values } = parseArgs({ args, options, strict: true });
    const raw = need(values.value, 'value', '--value true');
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // Not JSON: checked as text (and refused by the fact's shape, naming it).
    }
    return withDb(ctx, async (db) => {
      const ev = await evaluationOf(db, values);
      const { fact, evaluation } = await setSubjectFact(db, {
        evaluationId: ev.id,
        fact: need(values.fact, 'fact', '--fact disunity'),
        value,
        concludedOn: values['concluded-on'],
        documentNumber: values.document,
        documentDate: values['document-date'],
        reason: values.reason,
        actor: ACTOR,
      });
      ctx.io.out(`Đã ghi dữ kiện của ${ev.label} (phiên bản ${evaluation.version}):`);
      printFact(ctx.io, fact);
      return 0;
    });
  },
};

export const factsClear: CliCommand = {
  name: ['facts', 'clear'],
  summary: 'Xóa một dữ kiện nhập nhầm / Remove a fact entered by mistake',
  help: `Cách dùng: xeploai facts clear --cycle NĂM --subject LOẠI:MÃ --fact MÃ [--reason LÝ_DO] [--period KỲ]

Usage: xeploai facts clear --cycle YEAR --subject KIND:REF --fact CODE — removes a fact.`,
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { ...SUBJECT_OPTIONS, fact: { type: 'string' }, reason: { type: 'string' } }, strict: true });
    return withDb(ctx, async (db) => {
      const ev = await evaluationOf(db, values);
      const { evaluation } = await clearSubjectFact(db, { evaluationId: ev.id, fact: need(values.fact, 'fact', '--fact disunity'), reason: values.reason, actor: ACTOR });
      ctx.io.out(`Đã xóa dữ kiện «${values.fact}» của ${ev.label} (phiên bản ${evaluation.version}).`);
      return 0;
    });
  },
};

export const eventAdd: CliCommand = {
  name: ['event', 'add'],
  summary: 'Ghi sự kiện của đảng viên (kỷ luật, vi phạm, nghỉ ốm …) / Record a person event',
  help: `Cách dùng: xeploai event add --card SỐ_THẺ --kind LOẠI --from NGÀY [--to NGÀY] [--level MỨC]
         [--duty-related có|không] [--self-remedied có|không] [--violation-year NĂM]
         [--document SỐ] [--document-date NGÀY] [--note GHI_CHÚ]

Như POST /api/persons/:card/events. LOẠI: ${PERSON_EVENT_KINDS.join(', ')}.
MỨC (kỷ luật): ${Object.keys(DISCIPLINE_LEVEL_LABELS).join(', ')}.
--duty-related: vi phạm liên quan đến chức trách, nhiệm vụ (QĐ 366 Điều 11 khoản 4);
--self-remedied: tự phát hiện và khắc phục; --violation-year: năm vi phạm khi trước năm quyết định (HD 43 điểm 4.3).
Nghỉ ốm tính theo ngày bắt đầu và ngày kết thúc (--to: ngày kết thúc, không tính ngày này).

Usage: xeploai event add --card CARD --kind KIND --from DATE … — records a person's event.`,
  async run(args, ctx) {
    const options = {
      card: { type: 'string' },
      kind: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      level: { type: 'string' },
      'duty-related': { type: 'string' },
      'self-remedied': { type: 'string' },
      'violation-year': { type: 'string' },
      document: { type: 'string' },
      'document-date': { type: 'string' },
      note: { type: 'string' },
    } as const;
    const { values } = parseArgs({ args, options, strict: true });
    const kind = need(values.kind, 'kind', '--kind disciplined');
    if (!(PERSON_EVENT_KINDS as readonly string[]).includes(kind)) {
      throw new AppError('ValidationFailed', { vi: `«--kind» không hợp lệ: «${kind}» (${PERSON_EVENT_KINDS.join(', ')}).`, en: `Invalid kind "${kind}".` }, { field: 'kind' });
    }
    const year = values['violation-year'];
    if (year !== undefined && !/^\d{4}$/.test(year)) throw new AppError('ValidationFailed', { vi: `«--violation-year» phải là năm (4 chữ số), không phải «${year}».`, en: 'Invalid year.' }, { field: 'violationYear' });
    const event = {
      cardNumber: need(values.card, 'card', '--card 62.012345'),
      kind: kind as PersonEventKind,
      startsOn: need(values.from, 'from', '--from 2025-06-01'),
      ...(values.to !== undefined ? { endsOn: values.to } : {}),
      ...(values.level !== undefined ? { level: values.level as DisciplineLevel } : {}),
      ...(values['duty-related'] !== undefined ? { dutyRelated: yesNo(values['duty-related'], 'duty-related') ?? null } : {}),
      ...(values['self-remedied'] !== undefined ? { selfDetectedRemedied: yesNo(values['self-remedied'], 'self-remedied') ?? null } : {}),
      ...(year !== undefined ? { violationYear: Number(year) } : {}),
      ...(values.document !== undefined ? { documentNumber: values.document } : {}),
      ...(values['document-date'] !== undefined ? { documentDate: values['document-date'] } : {}),
      ...(values.note !== undefined ? { note: values.note } : {}),
    };
    return withDb(ctx, async (db) => {
      const { event: e, evaluationIds } = await recordPersonEvent(db, { event, actor: ACTOR });
      const level = e.level ? ` (${DISCIPLINE_LEVEL_LABELS[e.level]})` : '';
      ctx.io.out(`Đã ghi: ${PERSON_EVENT_LABELS[e.kind]}${level} của ${e.cardNumber} từ ${formatViDate(e.startsOn)}; ${evaluationIds.length} phiếu đánh giá lên phiên bản.`);
      return 0;
    });
  },
};

export const collectiveMembers: CliCommand = {
  name: ['collective', 'members'],
  summary: 'Thành viên của tập thể lãnh đạo / A collective’s members',
  help: `Cách dùng: xeploai collective members --collective MÃ [--date NGÀY]

Usage: xeploai collective members --collective CODE [--date DATE] — lists the positions seated on it.`,
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { collective: { type: 'string' }, date: { type: 'string' } }, strict: true });
    return withDb(ctx, async (db) => {
      const code = need(values.collective, 'collective', '--collective XA-A.DU');
      const members = await listMembers(db, code, values.date);
      ctx.io.out(`Tập thể ${code}: ${members.length} thành viên${values.date ? ` ngày ${formatViDate(values.date)}` : ''}.`);
      for (const m of members) ctx.io.out(`  ${m.id}  ${m.fullName} (${m.cardNumber}) — ${m.title}, ${m.unitCode}; từ ${formatViDate(m.validFrom)}${m.validTo ? ` đến ${formatViDate(m.validTo)}` : ''}`);
      return 0;
    });
  },
};

export const collectiveSeat: CliCommand = {
  name: ['collective', 'seat'],
  summary: 'Ghi một chức vụ là thành viên tập thể / Seat a position on a collective',
  help: `Cách dùng: xeploai collective seat --collective MÃ (--position MÃ_CHỨC_VỤ | --card SỐ_THẺ [--unit MÃ] [--group NHÓM])
         --from NGÀY [--to NGÀY] [--document SỐ] [--document-date NGÀY]

Như POST /api/collectives/:code/members.

Usage: xeploai collective seat --collective CODE (--position ID | --card CARD) --from DATE — seats a position.`,
  async run(args, ctx) {
    const options = { collective: { type: 'string' }, position: { type: 'string' }, card: { type: 'string' }, unit: { type: 'string' }, group: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, document: { type: 'string' }, 'document-date': { type: 'string' } } as const;
    const { values } = parseArgs({ args, options, strict: true });
    return withDb(ctx, async (db) => {
      const m = await addMember(db, {
        collectiveCode: need(values.collective, 'collective', '--collective XA-A.DU'),
        positionId: values.position,
        cardNumber: values.card,
        unitCode: values.unit,
        positionGroup: values.group,
        validFrom: need(values.from, 'from', '--from 2025-01-01'),
        validTo: values.to ?? null,
        documentNumber: values.document ?? null,
        documentDate: values['document-date'] ?? null,
        actor: ACTOR,
      });
      ctx.io.out(`Đã ghi ${m.fullName} (${m.title}) là thành viên ${m.collectiveCode} từ ${formatViDate(m.validFrom)} (mã ${m.id}).`);
      return 0;
    });
  },
};

export const collectiveUnseat: CliCommand = {
  name: ['collective', 'unseat'],
  summary: 'Kết thúc tư cách thành viên tập thể / End a seat',
  help: `Cách dùng: xeploai collective unseat --collective MÃ --member MÃ_THÀNH_VIÊN --to NGÀY [--reason LÝ_DO]

Usage: xeploai collective unseat --collective CODE --member ID --to DATE — ends a seat (exclusive end).`,
  async run(args, ctx) {
    const { values } = parseArgs({ args, options: { collective: { type: 'string' }, member: { type: 'string' }, to: { type: 'string' }, reason: { type: 'string' } }, strict: true });
    return withDb(ctx, async (db) => {
      const m = await endMember(db, {
        collectiveCode: need(values.collective, 'collective', '--collective XA-A.DU'),
        memberId: need(values.member, 'member', '--member <mã>'),
        validTo: need(values.to, 'to', '--to 2025-07-01'),
        reason: values.reason,
        actor: ACTOR,
      });
      ctx.io.out(`Đã kết thúc: ${m.fullName} thôi là thành viên ${m.collectiveCode} từ ${formatViDate(m.validTo!)}.`);
      return 0;
    });
  },
};
