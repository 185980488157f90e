/**
 * Ceilings of a person's grade below KHT: sick leave ≥ 3 months, the civil-servant bound, QĐ 124's
 * individual HTXS condition; and the maternity-leave note (GUIDE.md §3).
 */
import { GRADE_LABELS } from '../codes.js';
import { addDays, addMonths, compareDates, toDayNumber, type IsoDate } from '../calendar/iso-date.js';
import type { CeilingReason, DatedEvent, GradingFacts, Period, RuleSet } from './types.js';

/** 28, 29, 30 and 31 all divide this, so month fractions stay integers. */
const MONTH_UNITS = 377_580;

function clip(e: DatedEvent, period: Period): { from: IsoDate; to: IsoDate } | undefined {
  const from = compareDates(e.from, period.from) < 0 ? period.from : e.from;
  const end = e.to ?? period.to;
  const to = compareDates(end, period.to) > 0 ? period.to : end;
  return compareDates(from, to) <= 0 ? { from, to } : undefined;
}

/** Length of [from, to] (inclusive) in MONTH_UNITS: whole calendar months plus the remainder as a fraction of the next month. */
function lengthInMonthUnits(from: IsoDate, to: IsoDate): number {
  const end = addDays(to, 1);
  let months = 0;
  while (compareDates(addMonths(from, months + 1), end) <= 0) months += 1;
  const start = addMonths(from, months);
  const nextLen = toDayNumber(addMonths(from, months + 1)) - toDayNumber(start);
  const rest = toDayNumber(end) - toDayNumber(start);
  return months * MONTH_UNITS + (rest * MONTH_UNITS) / nextLen;
}

/**
 * Total sick leave in the period as exact month units (1 month = MONTH_UNITS): 01/03–31/05 is 3
 * months; 01/03–30/05 is 2 + 30/31 months.
 */
export function sickLeaveMonthUnits(events: readonly DatedEvent[], period: Period): number {
  let total = 0;
  for (const e of events) {
    if (e.kind !== 'sick_leave') continue;
    const c = clip(e, period);
    if (c) total += lengthInMonthUnits(c.from, c.to);
  }
  return total;
}

function sickLeaveReason(ruleSet: RuleSet, facts: GradingFacts, period: Period): CeilingReason | undefined {
  const rule = ruleSet.sickLeave;
  if (!rule.ceiling) return undefined;
  const units = sickLeaveMonthUnits(facts.events ?? [], period);
  if (units < rule.minMonths * MONTH_UNITS) return undefined;
  const months = (Math.floor((units * 100) / MONTH_UNITS) / 100).toFixed(2).replace('.', ',');
  const text = `nghỉ ốm tổng cộng ${months} tháng trong năm, từ 0${rule.minMonths} tháng trở lên (${rule.source}) → tối đa ${rule.ceiling}`;
  return { grade: rule.ceiling, text, source: rule.source, binding: true };
}

function civilServantReason(ruleSet: RuleSet, facts: GradingFacts): CeilingReason | undefined {
  const g = facts.civilServantGrade;
  if (!g || g === 'HTXS' || g === 'KHT') return undefined; // KHT is a trigger where the rule set has one
  const rule = ruleSet.civilServant;
  const text = `là cán bộ, công chức, viên chức xếp loại ${GRADE_LABELS[g].toLowerCase()} (${rule.source}) → tối đa ${g}`;
  return { grade: g, text, source: rule.source, binding: rule.mode === 'bound' };
}

function weighedCivilServantKht(ruleSet: RuleSet, facts: GradingFacts): CeilingReason | undefined {
  if (facts.civilServantGrade !== 'KHT' || ruleSet.civilServant.mode !== 'weighed') return undefined;
  const src = ruleSet.civilServant.source;
  return { grade: 'KHT', text: `là cán bộ, công chức, viên chức xếp loại không hoàn thành nhiệm vụ — là cơ sở để xếp loại đảng viên (${src}) → KHT`, source: src, binding: false, khtReason: 'civil_servant' };
}

/**
 * QĐ 124 Điều 12, individual HTXS: "100% of targets on time, ≥ 50% exceeded" — read from the task
 * counts when recorded (total, on time, exceeding), else from the targets exceeded.
 */
function htxsExceededReason(ruleSet: RuleSet, facts: GradingFacts): CeilingReason | undefined {
  const rule = ruleSet.memberHtxsExceededPercent;
  if (!rule) return undefined;
  const t = facts.tasks;
  if (t && t.total > 0) {
    if (t.onTime !== t.total) return { grade: 'HTT', text: `${t.onTime}/${t.total} chỉ tiêu, nhiệm vụ hoàn thành đúng hạn, chưa đạt 100% (${rule.source}) → tối đa HTT`, source: rule.source, binding: true };
    if (t.exceeding * 100 < rule.percent * t.total) return { grade: 'HTT', text: `vượt ${t.exceeding}/${t.total} chỉ tiêu, nhiệm vụ, dưới ${rule.percent}% (${rule.source}) → tối đa HTT`, source: rule.source, binding: true };
    return undefined;
  }
  const r = facts.targetsExceeded;
  if (!r || r.total === 0 || r.part * 100 >= rule.percent * r.total) return undefined;
  const text = `vượt ${r.part}/${r.total} chỉ tiêu, dưới ${rule.percent}% (${rule.source}) → tối đa HTT`;
  return { grade: 'HTT', text, source: rule.source, binding: true };
}

/**
 * HD 21 II.B.4 [M] / QĐ 124 Điều 12 (a reading, rules-audit.md H37, Q26): a leader's HTXS needs the
 * unit they lead graded HTT or above; the head (bí thư) is not graded above the unit.
 */
function ledUnitReason(ruleSet: RuleSet, facts: GradingFacts): CeilingReason | undefined {
  const reading = ruleSet.readings.leaderLedUnit;
  const unit = facts.ledUnitGrade;
  if (!reading || reading.mode === 'off' || !unit) return undefined;
  const binding = reading.mode === 'bound';
  if (facts.isHead && unit !== 'HTXS') {
    return { grade: unit, text: `là người đứng đầu, đơn vị do mình lãnh đạo xếp loại ${GRADE_LABELS[unit].toLowerCase()} (${reading.source}) → tối đa ${unit}`, source: reading.source, binding };
  }
  if (unit === 'HT' || unit === 'KHT') {
    return { grade: 'HTT', text: `đơn vị do mình lãnh đạo xếp loại ${GRADE_LABELS[unit].toLowerCase()}, chưa đạt HTT (${reading.source}) → tối đa HTT`, source: reading.source, binding };
  }
  return undefined;
}

/** Ceilings of a member or leader other than the KHT triggers. */
export function personCeilings(input: { ruleSet: RuleSet; facts: GradingFacts; period: Period }): CeilingReason[] {
  const { ruleSet, facts, period } = input;
  const list = [
    sickLeaveReason(ruleSet, facts, period),
    civilServantReason(ruleSet, facts),
    weighedCivilServantKht(ruleSet, facts),
    htxsExceededReason(ruleSet, facts),
    ledUnitReason(ruleSet, facts),
  ];
  return list.filter((r): r is CeilingReason => r !== undefined);
}

/** Notes that explain without limiting: maternity leave is graded on the time worked. */
export function personNotes(input: { ruleSet: RuleSet; facts: GradingFacts; period: Period }): string[] {
  const notes: string[] = [];
  const { ruleSet, facts, period } = input;
  if ((facts.events ?? []).some((e) => e.kind === 'maternity_leave' && clip(e, period))) {
    notes.push(`Nghỉ thai sản: xếp loại theo kết quả thời gian làm việc thực tế trong năm, không giới hạn mức (${ruleSet.maternitySource}).`);
  }
  if (!ruleSet.sickLeave.ceiling && sickLeaveMonthUnits(facts.events ?? [], period) >= ruleSet.sickLeave.minMonths * MONTH_UNITS) {
    notes.push(`Nghỉ ốm từ 0${ruleSet.sickLeave.minMonths} tháng trở lên: xếp loại căn cứ kết quả làm việc thực tế, không giới hạn mức (${ruleSet.sickLeave.source}).`);
  }
  return notes;
}
