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

function disciplineReason(events: readonly DatedEvent[], spec: TriggerSpec, ctx: TriggerContext, who: string) {
  const hits = events.filter(
    (e) =>
      e.kind === 'disciplined' &&
      inPeriod(e, ctx.period) &&
      atLeast(e.level, spec.minLevel ?? 'khien_trach') &&
      (!spec.dutyRelatedOnly || e.dutyRelated === true),
  );
  const counted = hits.filter((e) => !(e.selfDetectedRemedied && ctx.ruleSet.selfRemedied === 'excepted'));
  const e = counted.find((x) => !x.selfDetectedRemedied) ?? counted[0];
  if (!e) return undefined;
  const label = e.level ? DISCIPLINE_LEVEL_LABELS[e.level].toLowerCase() : '';
  const remedied = e.selfDetectedRemedied ? ', tự phát hiện và khắc phục — cấp có thẩm quyền xem xét' : '';
  return kht(`${who}bị kỷ luật ${label} ngày ${formatViDate(e.from)}${remedied}`, spec, !e.selfDetectedRemedied);
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
  facts: GradingFacts;
  period: Period;
}

function ratioText(r: Ratio | undefined): string {
  return r ? `${r.part}/${r.total}` : '';
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
      return targetReason(below(f.targets, p), `hoàn thành ${ratioText(f.targets)} chỉ tiêu, dưới ${p}%`, spec, ctx);
    case 'targets_and_key_below':
      return targetReason(below(f.targets, p) && f.keyTargetsMissed === true, `hoàn thành ${ratioText(f.targets)} chỉ tiêu, dưới ${p}%, và các chỉ tiêu chủ yếu không đạt`, spec, ctx);
    case 'key_targets_missed':
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
  const ctx: TriggerContext = { ruleSet: input.ruleSet, facts: input.facts, period: input.period };
  const out: CeilingReason[] = [];
  for (const spec of input.ruleSet.triggers[input.subjectKind]) {
    const r = fire(spec, ctx);
    if (!r) continue;
    const khtReason = khtReasonOf(input.subjectKind, spec.code);
    out.push(khtReason ? { ...r, khtReason } : r);
  }
  return out;
}
