/**
 * Eligibility of every subject of a cycle, computed from dated facts at the cycle's reference date
 * and stored with its reason (GUIDE.md §3: "Every status … is kept with its reason"), and the
 * compiler's override with a reason, logged as history action 'override'. A status a compiler
 * overrode is never recomputed; 'pending' (absent) and 'higher_level' are facts the tree cannot show
 * and are kept, except that a subject whose competent authority lies above the computed unit is
 * 'higher_level' (the seed's district standing members, graded by the province).
 */
import { ELIGIBILITY, type Eligibility, type SubjectKind, type UnitKind } from '../domain/codes.js';
import type { Cycle } from '../domain/model/cycles.js';
import { AppError } from '../domain/errors.js';
import type { Evaluation } from '../domain/model/evaluations.js';
import { computeEligibility, type EligibilityResult, overrideEligibility as overrideDomain } from '../domain/rules/eligibility.js';
import { cycleRuleSet, type GradingContext, loadGradingContext } from './grading-context.js';
import { assertMayChangeDecided, gradingLockedError, isDecided } from '../domain/workflow/frozen.js';
import { inTransaction } from '../db/queries/common.js';
import type { DatedEvent } from '../domain/rules/types.js';
import { assertMayRegrade, type ChainUnit, decidingBody } from '../domain/workflow/authority.js';
import type { Db } from '../db/create-db.js';
import { getCycle } from '../db/queries/cycles.js';
import {
  listEventsByPerson,
  listOverriddenEvaluationIds,
  listRootUnitIds,
  listScopeCollectives,
  listScopeMembers,
  listScopePositions,
  listScopeUnits,
  type ScopeUnit,
} from '../db/queries/eligibility.js';
import { getUnitIdByCode } from '../db/queries/evaluation-subjects.js';
import { listEvaluations, lockEvaluation, updateEvaluation } from '../db/queries/evaluations.js';
import { createEvaluationsInBulk, type NewEvaluation } from '../db/queries/evaluations-bulk.js';
import { nowIso } from '../db/ids.js';
import { unitChainAt } from '../db/queries/workflow.js';
import { markChanged } from './evaluation-version.js';

export interface EligibilitySummary {
  cycleYear: number;
  subjects: number;
  created: number;
  changed: number;
  unchanged: number;
  overridden: number;
  byStatus: Record<Eligibility, number>;
  /**
   * Decided or published evaluations whose computed status differs from the stored one: left alone
   * (a decided grade changes only by a re-grade, QĐ 366 Điều 13) and listed here, "cần điều chỉnh
   * bằng quyết định lại / override" (POST /api/evaluations/:id/eligibility by the competent authority).
   */
  needsRedecision: { count: number; label: string; items: FrozenChange[] };
}

/** A decided subject whose eligibility would change. */
export interface FrozenChange {
  evaluationId: string;
  subjectKind: SubjectKind;
  subjectRef: string;
  decidedGrade: string | null;
  stored: Eligibility;
  computed: Eligibility;
  reason: string;
}

/** The summary's label of decided subjects left alone. */
export const NEEDS_REDECISION_LABEL = 'cần điều chỉnh bằng quyết định lại / override';

interface Candidate {
  kind: SubjectKind;
  id: string;
  ref: string;
  unitId: string;
  compute: (facts: { absent: boolean; higher: boolean }) => EligibilityResult;
}

/** Builds the chain of a unit from the scope's units, then the ancestors above the scope's root. */
function chainBuilder(units: Map<string, ScopeUnit>, above: ChainUnit[]) {
  return (unitId: string): ChainUnit[] => {
    const chain: ChainUnit[] = [];
    for (let u = units.get(unitId); u; u = u.parentId ? units.get(u.parentId) : undefined) chain.push({ id: u.id, code: u.code, name: u.name, kind: u.kind });
    return [...chain, ...above];
  };
}

/** Rank of a unit kind, the top first (the levels of GUIDE.md §2). */
const KIND_RANK: Record<UnitKind, number> = { province_committee: 0, district_committee: 1, grassroots_committee: 2, sub_committee: 3, grassroots_cell: 4, cell: 5 };

/**
 * The level that compiles the cycle: the highest unit kind with a deadline (it reports to its parent,
 * which decides its own bodies: the seed's district reports to the province, which grades the district
 * standing committee). Undefined when the cycle has no deadlines.
 */
export function compilingRank(cycle: Cycle): number | undefined {
  const ranks = cycle.deadlines.map((d) => KIND_RANK[d.level]);
  return ranks.length > 0 ? Math.min(...ranks) : undefined;
}

async function candidatesUnder(db: Db, input: { rootId: string; cycle: Cycle }): Promise<Candidate[]> {
  const date = input.cycle.referenceDate;
  // The cycle's parameters apply (e.g. a unit founded < 6 months, a "(verify)" value).
  const { ruleSet } = await cycleRuleSet(db, input.cycle);
  const top = compilingRank(input.cycle);
  const units = await listScopeUnits(db, input.rootId, date);
  const byId = new Map(units.map((u) => [u.id, u]));
  const chainOf = chainBuilder(byId, (await unitChainAt(db, input.rootId, date)).slice(1));
  const above = (body: ChainUnit | null) => body === null || (top !== undefined && KIND_RANK[body.kind] < top);
  const higher = (kind: SubjectKind, unitId: string, extra: Partial<Parameters<typeof decidingBody>[0]> = {}) =>
    above(decidingBody({ subjectKind: kind, chain: chainOf(unitId), ruleSet: ruleSet.code, ...extra }).unit);
  const ids = units.map((u) => u.id);
  const [members, collectives, positions] = await Promise.all([listScopeMembers(db, ids, date), listScopeCollectives(db, ids, date), listScopePositions(db, ids, date)]);
  const events = await listEventsByPerson(db, [...members.map((m) => m.personId), ...positions.map((p) => p.personId)]);
  const decidingUnits = new Map<string, ChainUnit | null>();
  for (const id of new Set(positions.map((p) => p.decidingUnitId).filter((x): x is string => x !== null))) {
    decidingUnits.set(id, (await unitChainAt(db, id, date))[0] ?? null);
  }
  const run = (subject: Parameters<typeof computeEligibility>[0]['subject'], ev: readonly DatedEvent[], higherHere: boolean) => (f: { absent: boolean; higher: boolean }) =>
    computeEligibility({ ruleSet, subject, referenceDate: date, facts: { events: ev, absent: f.absent, gradedByHigherLevel: f.higher || higherHere } });
  return [
    ...units.map((u) => ({ kind: 'unit' as const, id: u.id, ref: u.code, unitId: u.id, compute: run({ kind: 'unit', foundedOn: u.foundedOn }, [], higher('unit', u.id)) })),
    ...members.map((m) => ({ kind: 'member' as const, id: m.personId, ref: m.cardNumber, unitId: m.unitId, compute: run({ kind: 'member', admittedOn: m.admittedOn }, events.get(m.personId) ?? [], false) })),
    ...collectives.map((c) => ({ kind: 'collective' as const, id: c.id, ref: c.code, unitId: c.unitId, compute: run({ kind: 'collective', foundedOn: c.foundedOn }, [], higher('collective', c.unitId, { collectiveKind: c.kind })) })),
    ...positions.map((p) => {
      const isHigher = p.decidingUnitId ? above(decidingUnits.get(p.decidingUnitId) ?? null) : higher('position', p.unitId, { positionGroup: p.group });
      return { kind: 'position' as const, id: p.id, ref: p.id, unitId: p.unitId, compute: run({ kind: 'position' }, events.get(p.personId) ?? [], isHigher) };
    }),
  ];
}

function needsWrite(existing: Evaluation, result: EligibilityResult): boolean {
  if (existing.eligibility !== result.status) return true;
  return result.status !== 'eligible' && !existing.eligibilityReason;
}

/**
 * Computes every subject's eligibility under `unit` (else the whole tree) at the cycle's reference
 * date and stores it: a new evaluation for a subject without one, an update (history action 'update')
 * where the status changed; overridden statuses are left alone.
 */
export async function computeAndStoreEligibility(db: Db, input: { cycleYear: number; period?: string | undefined; unit?: string | undefined; actor: string }): Promise<EligibilitySummary> {
  const cycle = await getCycle(db, { year: input.cycleYear, period: input.period });
  const roots = input.unit ? [await getUnitIdByCode(db, input.unit, 'unit')] : await listRootUnitIds(db, cycle.referenceDate);
  const candidates: Candidate[] = [];
  for (const rootId of roots) candidates.push(...(await candidatesUnder(db, { rootId, cycle })));
  const existing = new Map((await listEvaluations(db, { cycleId: cycle.id })).map((e) => [`${e.subjectKind}:${e.subjectId}`, e]));
  const overridden = await listOverriddenEvaluationIds(db, cycle.id);
  const summary: EligibilitySummary = {
    cycleYear: cycle.year,
    subjects: candidates.length,
    created: 0,
    changed: 0,
    unchanged: 0,
    overridden: 0,
    byStatus: Object.fromEntries(ELIGIBILITY.map((s) => [s, 0])) as Record<Eligibility, number>,
    needsRedecision: { count: 0, label: NEEDS_REDECISION_LABEL, items: [] },
  };
  const reason = `Tính diện đánh giá tại ngày ${cycle.referenceDate}`;
  const created: NewEvaluation[] = [];
  for (const c of candidates) {
    const e = existing.get(`${c.kind}:${c.id}`);
    if (e && overridden.has(e.id)) {
      summary.overridden += 1;
      summary.byStatus[e.eligibility] += 1;
      continue;
    }
    const result = c.compute({ absent: e?.eligibility === 'pending', higher: e?.eligibility === 'higher_level' });
    // A decided grade (a decided grade is stored only by decide or re-grade; untracked ones count as published) is not recomputed.
    if (e && e.decidedGrade !== null && needsWrite(e, result)) {
      summary.byStatus[e.eligibility] += 1;
      summary.needsRedecision.items.push({ evaluationId: e.id, subjectKind: c.kind, subjectRef: c.ref, decidedGrade: e.decidedGrade, stored: e.eligibility, computed: result.status, reason: result.reason });
      summary.needsRedecision.count += 1;
      continue;
    }
    summary.byStatus[result.status] += 1;
    const fields = { eligibility: result.status, eligibilityReason: result.reason, ...(result.reviewed ? {} : { reviewed: false }) };
    if (!e) {
      created.push({ subjectKind: c.kind, subjectId: c.id, unitId: c.unitId, fields });
    } else if (needsWrite(e, result)) {
      await updateEvaluation(db, e.id, fields, { actor: input.actor, reason });
      summary.changed += 1;
    } else summary.unchanged += 1;
  }
  // New subjects (a whole imported district at once) in bulk, the counts recomputed once.
  summary.created = await createEvaluationsInBulk(db, { cycle, items: created, actor: input.actor, reason });
  return summary;
}

/**
 * A compiler's override of one evaluation's eligibility, with a required reason (history action
 * 'override'). Before the decision any compiler in scope may; once the grade is decided or published,
 * or an accepted or locked report froze it, the change takes the grade out of the totals and is a
 * re-grade in effect: the acting body `byUnit` must be the competent authority or a committee above
 * it (QĐ 366, Điều 13), and the history names it.
 */
export async function overrideEligibility(
  db: Db,
  input: { evaluationId: string; status: string; reason: string; actor: string; byUnit?: string | undefined; expectedVersion?: number | undefined },
): Promise<Evaluation> {
  if (!(ELIGIBILITY as readonly string[]).includes(input.status)) {
    throw new AppError('ValidationFailed', { vi: `Diện đánh giá «${input.status}» không hợp lệ (${ELIGIBILITY.join(', ')}).`, en: `Unknown eligibility "${input.status}".` }, { field: 'status' });
  }
  const status = input.status as Eligibility;
  return inTransaction(db, async (trx) => {
    await lockEvaluation(trx, input.evaluationId, input.expectedVersion);
    const ctx = await loadGradingContext(trx, input.evaluationId);
    const by = await frozenActingBody(trx, ctx, input.byUnit);
    const current = ctx.evaluation;
    const graded = status === 'eligible' || status === 'pending';
    const computed: EligibilityResult = { status: current.eligibility, reviewed: current.reviewed ?? graded, graded, reason: current.eligibilityReason ?? '', source: 'stored' };
    const { result, audit } = overrideDomain({ computed, to: { status, reviewed: current.reviewed ?? graded, graded }, reason: input.reason, by: input.actor, at: nowIso() });
    const reason = by ? `${audit.reason} (${by.code} điều chỉnh sau quyết định)` : audit.reason;
    await updateEvaluation(trx, input.evaluationId, { eligibility: result.status, eligibilityReason: result.reason }, { actor: input.actor, reason, action: 'override', expectedVersion: input.expectedVersion });
    return markChanged(trx, current);
  });
}

/** The acting body of an override of a frozen grade (decided, published, or under an accepted or locked report), checked; undefined when not frozen. */
async function frozenActingBody(db: Db, ctx: GradingContext, byUnit: string | undefined): Promise<{ id: string; code: string } | undefined> {
  if (!isDecided(ctx.stage) && !ctx.lock) return undefined;
  const by = byUnit === undefined ? undefined : { id: await getUnitIdByCode(db, byUnit, 'byUnit'), code: byUnit };
  if (ctx.lock) {
    // Frozen by an accepted or locked report: only the re-grading authority may still change it.
    if (!by) throw gradingLockedError(ctx.lock, 'điều chỉnh diện đánh giá', ctx.cycle.ruleSet);
    try {
      assertMayRegrade({ body: ctx.body, chain: ctx.chain, by });
    } catch {
      throw gradingLockedError(ctx.lock, 'điều chỉnh diện đánh giá', ctx.cycle.ruleSet);
    }
    return by;
  }
  assertMayChangeDecided({ stage: ctx.stage, body: ctx.body, chain: ctx.chain, by });
  return by;
}
