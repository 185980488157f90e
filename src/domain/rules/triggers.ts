/**
 * Automatic KHT triggers (GUIDE.md §3 "member / collective / leader KHT triggers"). Each trigger of a
 * rule set reads the facts and, when it fires, gives a reason citing its source. A self-detected and
 * remedied violation, or force majeure, is excepted (HD 21, QĐ 124) or weighed by the competent level
 * (QĐ 366: the reason is then not binding and the proposal needs a recorded justification).
 */
import { DISCIPLINE_LEVEL_LABELS, DISCIPLINE_LEVELS, type DisciplineLevel, type KhtReason, type SubjectKind } from '../codes.js';
import { compareDates, formatViDate } from '../calendar/iso-date.js';
import type { CeilingReason, DatedEvent, GradingFacts, Period, Ratio, RuleSet, TriggerCode, TriggerSpec } from './types.js';

const MEMBER_REASON: Partial<Record<TriggerCode, KhtReason>> = {
  decline: 'decline',
  targets_below: 'below_50',
  tasks_not_completed_above: 'below_50',
  civil_servant_kht: 'civil_servant',
  disciplined: 'disciplined',
};
const COLLECTIVE_REASON: Partial<Record<TriggerCode, KhtReason>> = {
  disunity: 'disunity',
  member_decline: 'disunity',
  targets_below: 'below_50',
  targets_and_key_below: 'below_50',
  tasks_completed_below: 'below_50',
  key_targets_missed: 'key_targets',
  disciplined: 'collective_disciplined',
  member_disciplined: 'member_disciplined',
};

/** The KHT reason code of the forms for a trigger (FORMS.md §2; 'other' for members otherwise). */
function khtReasonOf(kind: SubjectKind, code: TriggerCode): KhtReason | undefined {
  if (kind === 'member' || kind === 'position') return MEMBER_REASON[code] ?? 'other';
  return COLLECTIVE_REASON[code];
}

function inPeriod(e: DatedEvent, period: Period): boolean {
  return compareDates(period.from, e.from) <= 0 && compareDates(e.from, period.to) <= 0;
}

function atLeast(level: DisciplineLevel | undefined, min: DisciplineLevel): boolean {
  return level !== undefined && DISCIPLINE_LEVELS.indexOf(level) >= DISCIPLINE_LEVELS.indexOf(min);
}

/** part/total > percent%, in integers. */
function above(r: Ratio | undefined, percent: number): boolean {
  return r !== undefined && r.total > 0 && r.part * 100 > percent * r.total;
}

/** part/total < percent%, in integers. */
function below(r: Ratio | undefined, percent: number): boolean {
  return r !== undefined && r.total > 0 && r.part * 100 < percent * r.total;
}

function kht(text: string, spec: TriggerSpec, binding = true): Omit<CeilingReason, 'khtReason'> {
  return { grade: 'KHT', text: `${text} (${spec.source}) → KHT`, source: spec.source, binding };
}

/** Why a discipline that fires is weighed by the competent level rather than binding, if it is. */
function weighedBecause(e: DatedEvent, dutyOnly: boolean, ctx: TriggerContext): string | undefined {
  if (e.selfDetectedRemedied) return 'tự phát hiện và khắc phục — cấp có thẩm quyền xem xét';
  if (dutyOnly && e.dutyRelated === undefined) return 'chưa ghi vi phạm có liên quan đến chức trách, nhiệm vụ hay không (dutyRelated) — cấp có thẩm quyền xem xét';
  const earlier = ctx.ruleSet.readings.earlierViolation;
  const year = Number(ctx.period.from.slice(0, 4));
  if (earlier?.mode === 'weighed' && e.violationYear !== undefined && e.violationYear < year && (e.level === 'khien_trach' || e.level === 'canh_cao')) {
    return `vi phạm năm ${e.violationYear}, kỷ luật trong kỳ — xem xét theo từng trường hợp (${earlier.source})`;
  }
  return undefined;
}

/**
 * A discipline in the period at the trigger's level: where the rule set asks for a duty-related
 * violation (QĐ 366), one recorded as not duty-related does not count and one not recorded either way
 * is weighed; a self-detected and remedied violation is excepted or weighed by the rule set; an
 * earlier year's violation is weighed when the cycle's reading says so (HD 43 4.3).
 */
function disciplineReason(events: readonly DatedEvent[], spec: TriggerSpec, ctx: TriggerContext, who: string) {
  const anyDiscipline = ctx.subjectKind === 'member' && ctx.ruleSet.readings.memberDiscipline?.mode === 'any';
  const dutyOnly = spec.dutyRelatedOnly === true && !anyDiscipline;
  const hits = events.filter(
    (e) =>
      e.kind === 'disciplined' &&
      inPeriod(e, ctx.period) &&
      atLeast(e.level, spec.minLevel ?? 'khien_trach') &&
      (!dutyOnly || e.dutyRelated !== false) &&
      !(e.selfDetectedRemedied && ctx.ruleSet.selfRemedied === 'excepted'),
  );
  const ranked = hits.map((e) => ({ e, weighed: weighedBecause(e, dutyOnly, ctx) }));
  const pick = ranked.find((x) => x.weighed === undefined) ?? ranked[0];
  if (!pick) return undefined;
  const { e, weighed } = pick;
  const label = e.level ? DISCIPLINE_LEVEL_LABELS[e.level].toLowerCase() : '';
  const duty = dutyOnly && e.dutyRelated === true ? ' do vi phạm liên quan đến chức trách, nhiệm vụ' : '';
  return kht(`${who}bị kỷ luật ${label} ngày ${formatViDate(e.from)}${duty}${weighed ? `, ${weighed}` : ''}`, spec, weighed === undefined);
}

const VIOLATION_TEXT: Partial<Record<DatedEvent['kind'], string>> = {
  violated_prohibitions: 'vi phạm những điều đảng viên không được làm',
  violated_example_duty: 'vi phạm quy định về trách nhiệm nêu gương',
};

/** QĐ 124 Điều 12, QĐ 366 Điều 11 k4: a recorded violation of what members must not do or of the duty to set an example. */
function violationReason(events: readonly DatedEvent[], spec: TriggerSpec, ctx: TriggerContext) {
  const hits = events.filter((e) => VIOLATION_TEXT[e.kind] !== undefined && inPeriod(e, ctx.period) && !(e.selfDetectedRemedied && ctx.ruleSet.selfRemedied === 'excepted'));
  const e = hits.find((x) => !x.selfDetectedRemedied) ?? hits[0];
  if (!e) return undefined;
  const remedied = e.selfDetectedRemedied ? ', tự phát hiện và khắc phục — cấp có thẩm quyền xem xét' : '';
  return kht(`${VIOLATION_TEXT[e.kind]} (kết luận ngày ${formatViDate(e.from)})${remedied}`, spec, !e.selfDetectedRemedied);
}

function declineReason(events: readonly DatedEvent[], spec: TriggerSpec, ctx: TriggerContext, who: string) {
  const e = events.find((x) => x.kind === 'decline_concluded' && inPeriod(x, ctx.period));
  if (!e) return undefined;
  return kht(`${who}bị cấp có thẩm quyền kết luận có biểu hiện suy thoái ngày ${formatViDate(e.from)}`, spec);
}

/** Force majeure: excepted (no reason) or weighed (non-binding reason). */
function targetReason(fired: boolean, text: string, spec: TriggerSpec, ctx: TriggerContext) {
  if (!fired) return undefined;
  if (ctx.facts.forceMajeure && ctx.ruleSet.forceMajeure === 'excepted') return undefined;
  if (ctx.facts.forceMajeure) return kht(`${text}, có lý do bất khả kháng — cấp có thẩm quyền xem xét`, spec, false);
  return kht(text, spec);
}

interface TriggerContext {
  ruleSet: RuleSet;
  subjectKind: SubjectKind;
  facts: GradingFacts;
  period: Period;
}

function ratioText(r: Ratio | undefined): string {
  return r ? `${r.part}/${r.total}` : '';
}

/** A share as a Vietnamese percentage (targets are stored as hundredths of a percent: 4550/10000 → "45,5%"). */
function percentText(r: Ratio | undefined): string {
  if (!r) return '';
  if (r.total !== 10000) return ratioText(r);
  return `${String(r.part / 100).replace('.', ',')}%`;
}

function fire(spec: TriggerSpec, ctx: TriggerContext) {
  const f = ctx.facts;
  const p = spec.percent ?? 0;
  const tasks = f.tasks;
  const completed = tasks ? { part: tasks.onTime + tasks.late, total: tasks.total } : undefined;
  const notCompleted = tasks ? { part: tasks.total - tasks.onTime - tasks.late, total: tasks.total } : undefined;
  switch (spec.code) {
    case 'disciplined':
      return disciplineReason(f.events ?? [], spec, ctx, '');
    case 'member_disciplined':
      return disciplineReason(f.memberEvents ?? [], spec, ctx, 'có thành viên ');
    case 'decline':
      return declineReason(f.events ?? [], spec, ctx, '');
    case 'member_decline':
      return declineReason(f.memberEvents ?? [], spec, ctx, 'có thành viên ');
    case 'targets_below':
      if (ctx.subjectKind === 'collective' && ctx.ruleSet.readings.collectiveTargets?.mode === 'and') {
        const reading = ctx.ruleSet.readings.collectiveTargets;
        return targetReason(below(f.targets, p) && f.keyTargetsMissed === true, `hoàn thành ${percentText(f.targets)} chỉ tiêu, dưới ${p}%, và các chỉ tiêu chủ yếu không đạt (${reading.source})`, spec, ctx);
      }
      return targetReason(below(f.targets, p), `hoàn thành ${percentText(f.targets)} chỉ tiêu, dưới ${p}%`, spec, ctx);
    case 'targets_and_key_below':
      return targetReason(below(f.targets, p) && f.keyTargetsMissed === true, `hoàn thành ${percentText(f.targets)} chỉ tiêu, dưới ${p}%, và các chỉ tiêu chủ yếu không đạt`, spec, ctx);
    case 'key_targets_missed':
      if (ctx.subjectKind === 'collective' && ctx.ruleSet.readings.collectiveTargets?.mode === 'and') return undefined;
      return targetReason(f.keyTargetsMissed === true, 'các chỉ tiêu chủ yếu không đạt 100%', spec, ctx);
    case 'tasks_completed_below':
      if (below(completed, p)) return targetReason(true, `hoàn thành ${ratioText(completed)} nhiệm vụ, dưới ${p}%`, spec, ctx);
      return targetReason(f.fiveTargetsMissed === true, 'không hoàn thành 5 chỉ tiêu kinh tế - xã hội cơ bản', spec, ctx);
    case 'tasks_not_completed_above':
      return targetReason(above(notCompleted, p), `${ratioText(notCompleted)} nhiệm vụ không hoàn thành, trên ${p}%`, spec, ctx);
    case 'civil_servant_kht':
      return f.civilServantGrade === 'KHT' ? kht('là cán bộ, công chức, viên chức bị xếp loại không hoàn thành nhiệm vụ', spec) : undefined;
    case 'disunity':
      return f.disunity ? kht('bị cấp có thẩm quyền kết luận mất đoàn kết nội bộ hoặc sai phạm trong công tác cán bộ', spec) : undefined;
    case 'sub_units_disciplined_above':
      return above(f.subUnitsDisciplined, p) ? kht(`${ratioText(f.subUnitsDisciplined)} đơn vị trực thuộc bị kỷ luật, trên ${p}%`, spec) : undefined;
    case 'corruption_in_scope':
      return f.corruptionInScope ? kht('có tổ chức, cá nhân trong phạm vi quản lý bị kỷ luật vì tham nhũng, lãng phí, tiêu cực', spec) : undefined;
    case 'low_confidence_above':
      return above(f.lowConfidenceVotes, p) ? kht(`${ratioText(f.lowConfidenceVotes)} phiếu tín nhiệm thấp, trên ${p}%`, spec) : undefined;
    case 'led_units_kht_above':
      return above(f.ledUnitsKht, p) ? kht(`${ratioText(f.ledUnitsKht)} đơn vị phụ trách bị xếp loại KHT, trên ${p}%`, spec) : undefined;
    case 'violation':
      return violationReason(f.events ?? [], spec, ctx);
    case 'criterion_poor':
      return f.anyCriterionPoor ? kht('có tiêu chí đánh giá ở mức "Kém"', spec) : undefined;
  }
}

/** The KHT reasons that fire for a subject under its rule set. */
export function triggeredReasons(input: {
  ruleSet: RuleSet;
  subjectKind: SubjectKind;
  facts: GradingFacts;
  period: Period;
}): CeilingReason[] {
  const ctx: TriggerContext = { ruleSet: input.ruleSet, subjectKind: input.subjectKind, facts: input.facts, period: input.period };
  const out: CeilingReason[] = [];
  for (const spec of input.ruleSet.triggers[input.subjectKind]) {
    const r = fire(spec, ctx);
    if (!r) continue;
    const khtReason = khtReasonOf(input.subjectKind, spec.code);
    out.push(khtReason ? { ...r, khtReason } : r);
  }
  return out;
}
