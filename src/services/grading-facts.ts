/**
 * The facts the rules read for one evaluation (src/domain/rules/types.ts GradingFacts), gathered from
 * the stored data: a person's dated events, the civil-servant grade, QĐ 366 score and task counts,
 * for a collective the events of the persons holding a position in its unit and its organisation's
 * grade, for an organisation its members' or sub-units' grades, and the subject's own discipline.
 */
import { CELL_KINDS } from '../domain/codes.js';
import { effectiveGrade } from '../domain/model/evaluations.js';
import type { DatedEvent, GradingFacts, Score } from '../domain/rules/types.js';
import type { SubjectFacts } from '../domain/workflow/facts.js';
import type { Db } from '../db/create-db.js';
import { positionHolderEvents } from '../db/queries/evaluation-facts.js';
import { listEvaluations } from '../db/queries/evaluations.js';
import { gradeCounts, listDatedEvents, subtreeUnits } from '../db/queries/workflow.js';
import type { GradingContext } from './grading-context.js';

/**
 * A stored total score as the two parts QĐ 366 Điều 11 adds up (30 general + 70 task results). Only
 * the total decides the band (score-bands.ts bandOf), so the split fills the general part first.
 */
export function scoreParts(totalX100: number, generalMax: number): Score {
  const general = Math.min(totalX100, generalMax);
  return { general, tasks: totalX100 - general };
}

function ownDiscipline(facts: SubjectFacts): DatedEvent[] {
  return facts.discipline ? [{ kind: 'disciplined', from: facts.discipline.on, level: facts.discipline.level }] : [];
}

/** QĐ 366: the stored score and task counts (the band and its task conditions, Điều 11). */
function scoring(ctx: GradingContext): Pick<GradingFacts, 'score' | 'tasks'> {
  const out: Pick<GradingFacts, 'score' | 'tasks'> = {};
  if (!ctx.ruleSet.scoring) return out;
  if (ctx.facts.tasks) out.tasks = ctx.facts.tasks;
  const x100 = ctx.evaluation.scoreX100;
  if (x100 !== null) out.score = scoreParts(x100, ctx.ruleSet.scoring.generalMax);
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

async function unitFacts(db: Db, ctx: GradingContext): Promise<GradingFacts> {
  const { evaluation: e, cycle } = ctx;
  const unitKind = ctx.chain[0]?.kind;
  if (!unitKind) return {};
  const isCell = CELL_KINDS.includes(unitKind);
  const children = isCell ? [e.unitId] : (await subtreeUnits(db, e.unitId, cycle.referenceDate)).filter((u) => u.depth === 1).map((u) => u.id);
  const childGrades = await gradeCounts(db, { cycleId: cycle.id, subjectKind: isCell ? 'member' : 'unit', unitIds: children });
  return { unitKind, childGrades, events: ownDiscipline(ctx.facts) };
}

/** Everything the rules of the cycle's rule set read about the evaluation's subject. */
export async function gatherFacts(db: Db, ctx: GradingContext): Promise<GradingFacts> {
  const { evaluation: e, cycle } = ctx;
  const base = scoring(ctx);
  if (ctx.subject.personId) {
    const events = await listDatedEvents(db, ctx.subject.personId);
    return { ...base, events, ...(ctx.facts.civilServantGrade ? { civilServantGrade: ctx.facts.civilServantGrade } : {}) };
  }
  if (e.subjectKind === 'collective') {
    const memberEvents = await positionHolderEvents(db, { unitId: e.unitId, date: cycle.referenceDate });
    return { ...base, events: ownDiscipline(ctx.facts), memberEvents, ...(await organisationGrade(db, ctx)) };
  }
  if (e.subjectKind === 'unit') return { ...base, ...(await unitFacts(db, ctx)) };
  return base;
}
