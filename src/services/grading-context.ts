/**
 * What the grading workflow knows about one evaluation: its cycle and rule set, the chain of units
 * above its subject, the competent authority, the workflow stage; and the checks read while grading
 * (GUIDE.md §1: feedback on rule violations while grading, not after the superior rejects): the
 * highest grade allowed with its reasons, errors and warnings of a proposed grade, and the cap
 * headroom in the subject's scope.
 */
import { CELL_KINDS, COLLECTIVE_KIND_LABELS, LEVEL_LABELS, POSITION_GROUP_LABELS, UNIT_KIND_LABELS, type CollectiveKind, type Grade, type UnitKind, GRADE_LABELS, type SubjectKind, ELIGIBILITY_LABELS } from '../domain/codes.js';
import { applyRuleParameters, parseRuleParameters } from '../domain/rules/parameters.js';
import type { SubjectFacts } from '../domain/workflow/facts.js';
import { getCycleParameters } from '../db/queries/cycle-parameters.js';
import { getEvaluationFacts } from '../db/queries/evaluation-facts.js';
import { gatherFacts } from './grading-facts.js';
import { AppError } from '../domain/errors.js';
import type { Cycle } from '../domain/model/cycles.js';
import type { Evaluation } from '../domain/model/evaluations.js';
import { capHeadroom, type CapHeadroom } from '../domain/rules/cap.js';
import { checkProposedGrade, type GradeIssue } from '../domain/rules/check-proposed-grade.js';
import type { EligibilityResult } from '../domain/rules/eligibility.js';
import { getRuleSet } from '../domain/rules/rule-set.js';
import type { GradeCounts, Period, RuleSet } from '../domain/rules/types.js';
import { type ChainUnit, decidingBody, type DecidingBody } from '../domain/workflow/authority.js';
import { checkDecisionOrder, type OrderFinding, type OrderGroup } from '../domain/workflow/order-rules.js';
import { derivedStage, type Stage } from '../domain/workflow/stages.js';
import { findGradingLock, type GradingLock, gradingLockedError } from '../domain/workflow/frozen.js';
import type { SubmissionStatus } from '../domain/workflow/submissions.js';
import { listSubmissions } from '../db/queries/submissions.js';
import type { Db } from '../db/create-db.js';
import { getCycleById } from '../db/queries/cycles.js';
import { getEvaluation, listEvaluations } from '../db/queries/evaluations.js';
import { isAbove } from '../domain/rules/grade-order.js';
import {
  collectivePrerequisites,
  getStage,
  getSubjectInfo,
  gradeCounts,
  memberPrerequisites,
  type SubjectInfo,
  type GradeCountScope,
  subtreeUnits,
  subUnitPrerequisites,
  unitChainAt,
} from '../db/queries/workflow.js';
import { requireUnitId } from '../db/queries/units.js';

export interface GradingContext {
  evaluation: Evaluation;
  cycle: Cycle;
  ruleSet: RuleSet;
  subject: SubjectInfo;
  chain: ChainUnit[];
  body: DecidingBody;
  stage: Stage;
  /** False when the workflow never touched this evaluation (its stage is derived from its grades). */
  tracked: boolean;
  /** Task counts, civil-servant grade, own discipline (evaluation_facts). */
  facts: SubjectFacts;
  /** Units whose cap uses the exceptional percentage (the cycle's parameters). */
  outstandingUnits: readonly string[];
  /** The members' cap groups of the cycle (QĐ 124 / QĐ 366; parameters.capGroups). */
  capGroups: readonly { name: string; units: readonly string[] }[];
  /** The accepted or locked report (the subject's unit's or an ancestor's) that freezes this grading, if any. */
  lock: GradingLock | undefined;
}

/** The cycle's rule set with the cycle's stored parameters applied (PUT /api/cycles/:year/parameters). */
export async function cycleRuleSet(db: Db, cycle: Cycle): Promise<{ ruleSet: RuleSet; outstandingUnits: string[]; capGroups: { name: string; units: string[] }[] }> {
  const base = getRuleSet(cycle.ruleSet);
  const stored = await getCycleParameters(db, cycle.id);
  if (!stored) return { ruleSet: base, outstandingUnits: [], capGroups: [] };
  const params = parseRuleParameters(base, stored.patch);
  return { ruleSet: applyRuleParameters(base, params), outstandingUnits: params.outstandingUnits ?? [], capGroups: params.capGroups ?? [] };
}

/** Loads the context of an evaluation (EvaluationNotFound when absent). */
export async function loadGradingContext(db: Db, evaluationId: string): Promise<GradingContext> {
  const evaluation = await getEvaluation(db, evaluationId);
  const cycle = await getCycleById(db, evaluation.cycleId);
  const subject = await getSubjectInfo(db, evaluation);
  const chain = await unitChainAt(db, evaluation.unitId, cycle.referenceDate);
  const positionDecidingUnit = subject.positionDecidingUnitId ? ((await unitChainAt(db, subject.positionDecidingUnitId, cycle.referenceDate))[0] ?? null) : null;
  const body = decidingBody({
    subjectKind: evaluation.subjectKind,
    chain,
    ruleSet: cycle.ruleSet,
    collectiveKind: subject.collectiveKind,
    positionGroup: subject.positionGroup,
    positionDecidingUnit,
  });
  const tracked = await getStage(db, evaluationId);
  const { ruleSet, outstandingUnits, capGroups } = await cycleRuleSet(db, cycle);
  const facts = await getEvaluationFacts(db, evaluationId);
  const lock = await gradingLockOf(db, cycle.id, chain);
  return { evaluation, cycle, ruleSet, subject, chain, body, stage: tracked ?? derivedStage(evaluation), tracked: tracked !== undefined, facts, outstandingUnits, capGroups, lock };
}

async function gradingLockOf(db: Db, cycleId: string, chain: readonly ChainUnit[]): Promise<GradingLock | undefined> {
  const stored = await listSubmissions(db, { cycleId, unitIds: chain.map((u) => u.id) });
  return findGradingLock(chain, new Map([...stored].map(([id, s]) => [id, s.status as SubmissionStatus])));
}

/**
 * SubmissionLocked when an accepted or locked report froze this subject's grading (GUIDE.md §4.9);
 * `what` names the step refused ("tự đánh giá"). A re-grade with a reason does not ask here.
 */
export function assertGradingOpen(ctx: GradingContext, what: string): void {
  if (ctx.lock) throw gradingLockedError(ctx.lock, what, ctx.cycle.ruleSet);
}

const QUARTER_START: Record<string, string> = { q1: '01-01', q2: '04-01', q3: '07-01', q4: '10-01' };

/**
 * The cycle's period: a quarterly review ("theo nhiệm kỳ, hằng năm, hằng quý", QĐ 366; rules-audit.md
 * R51) covers its quarter, from the quarter's first day; any other cycle 1 January of its year. Both
 * end at the reference date.
 */
export function periodOf(cycle: Cycle): Period {
  const start = QUARTER_START[cycle.period];
  return { from: `${cycle.year}-${start ?? '01-01'}`, to: cycle.referenceDate };
}

/** A unit kind's cap group: grassroots organisations (đảng bộ and chi bộ cơ sở) together, chi bộ and đảng bộ bộ phận under them together (H5). */
function unitCapKinds(kind: UnitKind | undefined): UnitKind[] {
  if (kind === 'grassroots_committee' || kind === 'grassroots_cell') return ['grassroots_committee', 'grassroots_cell'];
  if (kind === 'cell' || kind === 'sub_committee') return ['cell', 'sub_committee'];
  return kind ? [kind] : [];
}

interface CapScope {
  label: string;
  filter: GradeCountScope;
  unitCode?: string | undefined;
}

/**
 * The cap's scope (rules-audit.md H3–H5, Q2, R2): a member's grassroots organisation ("trong từng tổ
 * chức cơ sở đảng", HD 21), or under QĐ 124/366 ("theo từng nhóm có vị trí, vai trò, chức năng,
 * nhiệm vụ tương đồng") the cycle's group holding the member's organisation (parameter capGroups; by
 * default the grassroots organisation, labelled as the default); a collective's kind and level, a
 * leader's position group, a party organisation's kind group, under the competent authority.
 */
async function capScope(db: Db, ctx: GradingContext): Promise<CapScope> {
  const { evaluation: e, cycle, chain, body } = ctx;
  const base = { cycleId: cycle.id, subjectKind: e.subjectKind, excludeId: e.id };
  if (e.subjectKind === 'member') {
    const org = chain.find((u) => u.kind === 'grassroots_committee' || u.kind === 'grassroots_cell') ?? chain[0];
    const byGroup = ctx.ruleSet.caps.member.scope === 'group';
    const group = byGroup ? ctx.capGroups.find((g) => chain.some((u) => g.units.includes(u.code))) : undefined;
    if (group) {
      const ids = new Set<string>();
      for (const code of group.units) {
        for (const u of await subtreeUnits(db, await requireUnitId(db, code), cycle.referenceDate)) ids.add(u.id);
      }
      return { label: `đảng viên của nhóm «${group.name}» (nhóm tương đồng do cấp có thẩm quyền xác định cho kỳ)`, filter: { ...base, unitIds: [...ids] }, unitCode: org?.code };
    }
    const ids = org ? (await subtreeUnits(db, org.id, cycle.referenceDate)).map((u) => u.id) : [e.unitId];
    const reading = byGroup ? ' (cấp có thẩm quyền chưa xác định nhóm tương đồng cho kỳ: tính theo tổ chức cơ sở đảng)' : '';
    return { label: `đảng viên của ${org?.name ?? e.unitCode}${reading}`, filter: { ...base, unitIds: ids }, unitCode: org?.code };
  }
  const area = body.unit ? await subtreeUnits(db, body.unit.id, cycle.referenceDate) : undefined;
  const where = body.unit ? ` thuộc ${body.unit.name}` : '';
  const inArea = area ? { unitIds: area.map((u) => u.id) } : {};
  if (e.subjectKind === 'collective' && ctx.subject.collectiveKind && ctx.subject.level) {
    const collective = { kind: ctx.subject.collectiveKind, level: ctx.subject.level };
    return { label: `tập thể cùng loại (${COLLECTIVE_KIND_LABELS[collective.kind]}, ${LEVEL_LABELS[collective.level].toLocaleLowerCase('vi')})${where}`, filter: { ...base, collective, ...inArea }, unitCode: body.unit?.code };
  }
  if (e.subjectKind === 'position' && ctx.subject.positionGroup) {
    return { label: `cán bộ cùng nhóm chức vụ «${POSITION_GROUP_LABELS[ctx.subject.positionGroup]}»${where}`, filter: { ...base, positionGroup: ctx.subject.positionGroup, ...inArea }, unitCode: body.unit?.code };
  }
  const kinds = unitCapKinds(chain[0]?.kind);
  const ids = area?.filter((u) => kinds.includes(u.kind) && u.id !== body.unit?.id).map((u) => u.id);
  return { label: `tổ chức đảng cùng loại (${kinds.map((k) => UNIT_KIND_LABELS[k].toLocaleLowerCase('vi')).join(', ') || '?'})${where}`, filter: { ...base, ...(ids ? { unitIds: ids } : {}) }, unitCode: body.unit?.code };
}

export interface GradingCheck {
  grade: Grade;
  highestAllowed: Grade;
  reasons: { grade: Grade; text: string; source: string; binding: boolean }[];
  notes: string[];
  errors: GradeIssue[];
  warnings: GradeIssue[];
  /** The cap over DECIDED grades of the scope, this subject counted at the grade checked (rules-audit.md F2). */
  capHeadroom: CapHeadroom & { scope: string };
  /** The same if every proposal and self-assessment of the scope stood ("nếu giữ nguyên các đề xuất"), shown apart. */
  capIfProposalsStand: CapHeadroom & { scope: string };
  competentAuthority: { unitCode: string | null; text: string; source: string };
}

function eligibilityOf(e: Evaluation): EligibilityResult {
  const graded = e.eligibility === 'eligible' || e.eligibility === 'pending';
  return { status: e.eligibility, reviewed: e.reviewed ?? graded, graded, reason: e.eligibilityReason ?? ELIGIBILITY_LABELS[e.eligibility], source: 'phiếu đánh giá (diện đánh giá đã lưu)' };
}

/** Checks a grade for the evaluation's subject: highest allowed and why, errors, warnings, cap headroom with the grade counted. */
export async function checkGrade(db: Db, ctx: GradingContext, grade: Grade): Promise<GradingCheck> {
  const facts = await gatherFacts(db, ctx);
  const scope = await capScope(db, ctx);
  const decided = await gradeCounts(db, { ...scope.filter, decidedOnly: true });
  const current = await gradeCounts(db, scope.filter);
  const counts = { ...decided, [grade]: decided[grade] + 1 };
  const kind: SubjectKind = ctx.evaluation.subjectKind;
  // QĐ 366 Điều 11 k1.5: up to the exceptional percentage where the unit's results are outstanding (the cycle's parameters name them).
  const outstanding = scope.unitCode !== undefined && ctx.outstandingUnits.includes(scope.unitCode);
  const check = checkProposedGrade({ ruleSet: ctx.ruleSet, subjectKind: kind, proposed: grade, facts, period: periodOf(ctx.cycle), eligibility: eligibilityOf(ctx.evaluation), cap: { counts, outstanding } });
  check.warnings.push(...(await collectivesAbove(db, ctx, grade)));
  const cap = capHeadroom({ ruleSet: ctx.ruleSet, subjectKind: kind, counts, outstanding });
  const ifProposals = capHeadroom({ ruleSet: ctx.ruleSet, subjectKind: kind, counts: { ...current, [grade]: current[grade] + 1 }, outstanding });
  return {
    grade,
    highestAllowed: check.allowed.grade,
    reasons: check.allowed.reasons.map((r) => ({ grade: r.grade, text: r.text, source: r.source, binding: r.binding })),
    notes: check.allowed.notes,
    errors: check.errors,
    warnings: check.warnings,
    capHeadroom: { ...cap, scope: scope.label },
    capIfProposalsStand: { ...ifProposals, scope: `${scope.label} — nếu giữ nguyên các đề xuất` },
    competentAuthority: { unitCode: ctx.body.unit?.code ?? null, text: ctx.body.text, source: ctx.body.source },
  };
}

/**
 * "Collective ≤ organisation" checked from the organisation's side too (rules-audit.md H15, Q7, R33;
 * F3): grading a party organisation below its party committee's (cấp ủy) decided grade is a warning
 * naming the collective, which the decision records with a justification; the collective's check, its
 * panel and the audit then show it above its organisation.
 */
async function collectivesAbove(db: Db, ctx: GradingContext, grade: Grade): Promise<GradeIssue[]> {
  const rule = ctx.ruleSet.collectiveNotAboveOrganisation;
  if (ctx.evaluation.subjectKind !== 'unit' || !rule.enabled) return [];
  const out: GradeIssue[] = [];
  for (const c of await listEvaluations(db, { cycleId: ctx.cycle.id, unitIds: [ctx.evaluation.unitId], subjectKind: 'collective' })) {
    if (c.decidedGrade === null || !isAbove(c.decidedGrade, grade)) continue;
    const info = await getSubjectInfo(db, c);
    if (info.collectiveKind !== 'cap_uy') continue;
    out.push({
      code: 'collective_above',
      text: `${info.label} đã được quyết định ${c.decidedGrade}, cao hơn mức ${grade} của tổ chức: tập thể lãnh đạo, quản lý không được cao hơn mức xếp loại của tổ chức (${rule.source}) — cần xếp loại lại tập thể`,
      source: rule.source,
      grade,
    });
  }
  return out;
}

/**
 * The cap's headroom in the subject's scope as things stand: decided grades (the cap counts
 * decisions, rules-audit.md F2), this subject's included when decided; and apart, the same if every
 * proposal and self-assessment stood. What the check panel shows while a clerk grades (GUIDE.md §3:
 * the cap "reported … never silently").
 */
export async function capNow(db: Db, ctx: GradingContext): Promise<CapHeadroom & { scope: string; ifProposalsStand: CapHeadroom }> {
  const scope = await capScope(db, ctx);
  const e = ctx.evaluation;
  const graded = e.eligibility === 'eligible' || e.eligibility === 'pending';
  const outstanding = scope.unitCode !== undefined && ctx.outstandingUnits.includes(scope.unitCode);
  const withOwn = (counts: GradeCounts, own: Grade | null) => (own && graded ? { ...counts, [own]: counts[own] + 1 } : counts);
  const decided = withOwn(await gradeCounts(db, { ...scope.filter, decidedOnly: true }), e.decidedGrade);
  const current = withOwn(await gradeCounts(db, scope.filter), e.decidedGrade ?? e.proposedGrade ?? e.selfGrade);
  const head = (counts: GradeCounts) => capHeadroom({ ruleSet: ctx.ruleSet, subjectKind: e.subjectKind, counts, outstanding });
  return { ...head(decided), scope: scope.label, ifProposalsStand: head(current) };
}

/** Throws GradeNotAllowed when the check has errors: they block (GUIDE.md §3). */
export function assertNoGradeErrors(check: GradingCheck): void {
  if (check.errors.length === 0) return;
  const list = check.errors.map((e) => e.text).join('; ');
  throw new AppError(
    'GradeNotAllowed',
    { vi: `Không thể xếp loại «${GRADE_LABELS[check.grade]}» (${check.grade}): ${list}. Mức cao nhất được phép: ${check.highestAllowed}.`, en: `Grade ${check.grade} is not allowed: ${check.errors.map((e) => e.code).join(', ')}; highest allowed ${check.highestAllowed}.` },
    { field: 'grade', details: { errors: check.errors, highestAllowed: check.highestAllowed } },
  );
}

/**
 * Which collectives of its unit a leader sits on or heads, by position group (rules-audit.md R41,
 * R42: QĐ 366 Điều 12 k2 (1) "tập thể lãnh đạo, quản lý trước, cá nhân thành viên sau", (2) the
 * collective before "người đứng đầu"): the party committee for its secretaries and members; HĐND and
 * UBND for their vice-chairs; the phòng, ban collectives for their heads and deputies. The head is
 * rule (2), the others rule (1).
 */
function leaderCollectives(group: string): { rule: 1 | 2; noun: string; kinds: CollectiveKind[] }[] {
  const out: { rule: 1 | 2; noun: string; kinds: CollectiveKind[] }[] = [];
  if (/\.(bi_thu|pho_bi_thu|uv_btv|uv_bch|pct_uv_bch|truong_ban_uv_bch|truong_phong_uv_bch)$/.test(group)) {
    out.push({ rule: group.endsWith('.bi_thu') ? 2 : 1, noun: 'tập thể cấp ủy', kinds: ['cap_uy'] });
  }
  if (group.endsWith('.pct_uv_bch')) out.push({ rule: 1, noun: 'tập thể lãnh đạo HĐND, UBND', kinds: ['hdnd', 'ubnd'] });
  if (/\.(truong_ban_uv_bch|truong_ban_khac|truong_phong_uv_bch|truong_phong_khac)$/.test(group)) out.push({ rule: 2, noun: 'tập thể lãnh đạo sở, ban, phòng', kinds: ['phong_ban'] });
  if (/\.(pho_ban|pho_phong)$/.test(group)) out.push({ rule: 1, noun: 'tập thể lãnh đạo sở, ban, phòng', kinds: ['phong_ban'] });
  return out;
}

/** The order prerequisites of a decision (QĐ 366 Điều 12 khoản 2 numbering; each rule set reads them, order-rules.ts), per subject kind. */
export async function orderGroups(db: Db, ctx: GradingContext): Promise<OrderGroup[]> {
  const { evaluation: e, cycle } = ctx;
  const base = { cycleId: cycle.id, date: cycle.referenceDate };
  const unitKind = ctx.chain[0]?.kind;
  if (e.subjectKind === 'unit' && unitKind) {
    const groups: OrderGroup[] = [
      { rule: 3, basis: 'sub_units', noun: 'tổ chức đảng trực thuộc', items: await subUnitPrerequisites(db, { ...base, unitId: e.unitId }) },
      { rule: 3, basis: 'committee', noun: 'tập thể cấp ủy', items: await collectivePrerequisites(db, { ...base, unitIds: [e.unitId], kinds: ['cap_uy'] }) },
      { rule: 4, noun: 'tập thể lãnh đạo cơ quan, đơn vị', items: await collectivePrerequisites(db, { ...base, unitIds: [e.unitId], excludeKinds: ['cap_uy'] }) },
    ];
    if (CELL_KINDS.includes(unitKind)) groups.push({ rule: 3, basis: 'members', noun: 'đảng viên', items: await memberPrerequisites(db, { ...base, unitId: e.unitId }) });
    return groups;
  }
  if (e.subjectKind === 'collective') {
    const below = (await subtreeUnits(db, e.unitId, cycle.referenceDate)).filter((u) => u.depth > 0).map((u) => u.id);
    return [{ rule: 5, noun: 'tập thể cấp dưới', items: await collectivePrerequisites(db, { ...base, unitIds: below }) }];
  }
  if (e.subjectKind !== 'position') return [];
  const groups: OrderGroup[] = [];
  for (const g of leaderCollectives(ctx.subject.positionGroup ?? '')) {
    groups.push({ rule: g.rule, noun: g.noun, items: await collectivePrerequisites(db, { ...base, unitIds: [e.unitId], kinds: g.kinds }) });
  }
  return groups;
}

/** The order check of a decision under the cycle's rule set: errors block (OrderViolation); warnings join the grade's warnings; advice is returned apart. */
export async function checkOrder(db: Db, ctx: GradingContext): Promise<{ warnings: OrderFinding[]; advice: OrderFinding[] }> {
  const result = checkDecisionOrder(await orderGroups(db, ctx), ctx.cycle.ruleSet);
  if (result.errors.length > 0) {
    throw new AppError(
      'OrderViolation',
      { vi: `Chưa đúng trình tự xếp loại: ${result.errors.map((f) => f.text).join(' ')}`, en: `Decision order not kept: ${result.errors.map((f) => f.source).join('; ')}.` },
      { field: 'order', details: { errors: result.errors } },
    );
  }
  return { warnings: result.warnings, advice: result.advice };
}
