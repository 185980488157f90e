/**
 * The facts the rules read for one evaluation (src/domain/rules/types.ts GradingFacts), gathered from
 * the stored data (issue 8, "Facts as data"): the subject's stored facts (src/domain/workflow/
 * fact-catalogue.ts: criterion rated Kém, targets, disunity, sub-units disciplined, low-confidence
 * votes, …), the QĐ 366 score (its two parts when entered) and task counts; a person's dated events
 * with their duty-related and self-remedied flags and the civil-servant grade; a leader's units led
 * (their grades); a collective's members' events (the positions listed as sitting on it) and its
 * organisation's grade; an organisation's members' or sub-units' grades, its sub-units disciplined,
 * the government, MTTQ and mass-organisation collectives at its level, its party committee's members;
 * and the subject's own discipline.
 */
import { CELL_KINDS } from '../domain/codes.js';
import { effectiveGrade } from '../domain/model/evaluations.js';
import type { DatedEvent, GradingFacts, Score } from '../domain/rules/types.js';
import { gradingFactsOf } from '../domain/workflow/fact-catalogue.js';
import type { SubjectFacts } from '../domain/workflow/facts.js';
import type { Db } from '../db/create-db.js';
import { collectiveMemberEvents } from '../db/queries/collective-members.js';
import { listEvaluations } from '../db/queries/evaluations.js';
import { partyCommitteeCollectives, peerBodyGradesOf, unitGrades, unitsDisciplined } from '../db/queries/rule-facts.js';
import { listSubjectFacts } from '../db/queries/subject-facts.js';
import { gradeCounts, listDatedEvents, subtreeUnits } from '../db/queries/workflow.js';
import { type GradingContext, periodOf } from './grading-context.js';

/**
 * A stored total score as the two parts QĐ 366 Điều 11 adds up (30 general + 70 task results), when
 * the parts were not entered: only the total decides the band (score-bands.ts bandOf), so the split
 * fills the general part first.
 */
export function scoreParts(totalX100: number, generalMax: number): Score {
  const general = Math.min(totalX100, generalMax);
  return { general, tasks: totalX100 - general };
}

function ownDiscipline(facts: SubjectFacts): DatedEvent[] {
  const d = facts.discipline;
  return d ? [{ kind: 'disciplined', from: d.on, level: d.level, ...(d.selfDetectedRemedied ? { selfDetectedRemedied: true } : {}) }] : [];
}

/** QĐ 366: the score (its entered parts when they add up to the stored total) and task counts; QĐ 124: the task counts (individual HTXS). */
function scoring(ctx: GradingContext, stored: GradingFacts): Pick<GradingFacts, 'score' | 'tasks'> {
  const out: Pick<GradingFacts, 'score' | 'tasks'> = {};
  if (ctx.facts.tasks) out.tasks = ctx.facts.tasks;
  if (!ctx.ruleSet.scoring) return out;
  const x100 = ctx.evaluation.scoreX100;
  if (x100 === null) return out;
  out.score = stored.score && stored.score.general + stored.score.tasks === x100 ? stored.score : scoreParts(x100, ctx.ruleSet.scoring.generalMax);
  return out;
}

/**
 * "Collective ≤ organisation" (HD 21, II.B.3) compares a collective with ITS organisation: a party
 * committee (cấp ủy) with the party organisation it leads, whose grade is the unit's evaluation. A
 * UBND, MTTQ, đoàn thể or phòng collective leads a government or mass body whose grade is not the
 * party unit's (rules-audit.md H15): it is not compared with the party unit.
 */
async function organisationGrade(db: Db, ctx: GradingContext): Promise<Pick<GradingFacts, 'organisationGrade'>> {
  if (!ctx.ruleSet.collectiveNotAboveOrganisation.enabled || ctx.subject.collectiveKind !== 'cap_uy') return {};
  const [org] = await listEvaluations(db, { cycleId: ctx.cycle.id, unitIds: [ctx.evaluation.unitId], subjectKind: 'unit' });
  const grade = org ? effectiveGrade(org) : null;
  return grade ? { organisationGrade: grade } : {};
}

/** The units directly below (depth 1) on the cycle's reference date. */
async function childUnits(db: Db, ctx: GradingContext, unitId: string): Promise<string[]> {
  return (await subtreeUnits(db, unitId, ctx.cycle.referenceDate)).filter((u) => u.depth === 1).map((u) => u.id);
}

/**
 * A leader (QĐ 366 Điều 11 k4 (b): "trên 50% … đơn vị … bị xếp loại KHT"; HD 21 II.B.4 / QĐ 124: the
 * unit led): the units led are the sub-units of the position's unit, their decided grades counted.
 */
async function leaderFacts(db: Db, ctx: GradingContext): Promise<GradingFacts> {
  const e = ctx.evaluation;
  const out: GradingFacts = {};
  const [own] = await unitGrades(db, { cycleId: ctx.cycle.id, unitIds: [e.unitId] });
  if (own?.effective) out.ledUnitGrade = own.effective;
  out.isHead = (ctx.subject.positionGroup ?? '').endsWith('.bi_thu');
  const led = (await unitGrades(db, { cycleId: ctx.cycle.id, unitIds: await childUnits(db, ctx, e.unitId) })).filter((u) => u.decided !== null);
  if (led.length > 0) out.ledUnitsKht = { part: led.filter((u) => u.decided === 'KHT').length, total: led.length };
  return out;
}

async function unitFacts(db: Db, ctx: GradingContext, stored: GradingFacts): Promise<GradingFacts> {
  const { evaluation: e, cycle } = ctx;
  const unitKind = ctx.chain[0]?.kind;
  if (!unitKind) return {};
  const isCell = CELL_KINDS.includes(unitKind);
  const subUnits = isCell ? [] : await childUnits(db, ctx, e.unitId);
  const childGrades = await gradeCounts(db, { cycleId: cycle.id, subjectKind: isCell ? 'member' : 'unit', unitIds: isCell ? [e.unitId] : subUnits });
  const out: GradingFacts = { unitKind, childGrades, events: ownDiscipline(ctx.facts) };
  const period = periodOf(cycle);
  if (!stored.subUnitsDisciplined && subUnits.length > 0) {
    out.subUnitsDisciplined = { part: await unitsDisciplined(db, { cycleId: cycle.id, unitIds: subUnits, from: period.from, to: period.to }), total: subUnits.length };
  }
  const peers = await peerBodyGradesOf(db, { cycleId: cycle.id, unitId: e.unitId, date: cycle.referenceDate });
  if (peers.length > 0 || stored.peerBodyGrades) out.peerBodyGrades = [...peers, ...(stored.peerBodyGrades ?? [])];
  // QĐ 366 Điều 11 k1 (HTXS of a tập thể): "… hoặc thành viên của tập thể lãnh đạo, quản lý bị kỷ luật": its party committee's members.
  const memberEvents: DatedEvent[] = [];
  for (const id of await partyCommitteeCollectives(db, { unitId: e.unitId, date: cycle.referenceDate })) {
    memberEvents.push(...(await collectiveMemberEvents(db, { collectiveId: id, from: period.from, to: period.to })));
  }
  if (memberEvents.length > 0) out.memberEvents = memberEvents;
  return out;
}

/** Everything the rules of the cycle's rule set read about the evaluation's subject. */
export async function gatherFacts(db: Db, ctx: GradingContext): Promise<GradingFacts> {
  const { evaluation: e, cycle } = ctx;
  const stored = gradingFactsOf(await listSubjectFacts(db, e.id));
  const { score: _parts, ...entered } = stored;
  const base: GradingFacts = { ...entered, ...scoring(ctx, stored) };
  if (ctx.subject.personId) {
    const events = await listDatedEvents(db, ctx.subject.personId);
    const person: GradingFacts = { ...base, events, ...(ctx.facts.civilServantGrade ? { civilServantGrade: ctx.facts.civilServantGrade } : {}) };
    return e.subjectKind === 'position' ? { ...person, ...(await leaderFacts(db, ctx)) } : person;
  }
  if (e.subjectKind === 'collective') {
    const period = periodOf(cycle);
    const memberEvents = await collectiveMemberEvents(db, { collectiveId: e.subjectId, from: period.from, to: period.to });
    return { ...base, events: ownDiscipline(ctx.facts), memberEvents, ...(await organisationGrade(db, ctx)) };
  }
  if (e.subjectKind === 'unit') return { ...base, ...(await unitFacts(db, ctx, stored)) };
  return base;
}
