/**
 * Evaluations and their history. Every write runs in one transaction with its history rows (who,
 * when, old, new, why: GUIDE.md §4.8); updates are guarded by `version` (optimistic concurrency).
 * Subjects are resolved here by their public keys with plain selects, at the cycle's reference date.
 */
import type { Selectable } from 'kysely';
import type { Eligibility, Grade, KhtReason, SubjectKind } from '../../domain/codes.js';
import { AppError, notFound } from '../../domain/errors.js';
import type { Cycle } from '../../domain/model/cycles.js';
import {
  applyEvaluationPatch,
  assertRegradeReason,
  creationChanges,
  diffEvaluation,
  emptyEvaluationState,
  type Evaluation,
  type EvaluationPatch,
  type EvaluationState,
  type HistoryAction,
  nextInstant,
  requireGrade,
} from '../../domain/model/evaluations.js';
import type { Db } from '../create-db.js';
import { newId, nowIso } from '../ids.js';
import type { EvaluationTable } from '../schema.js';
import { getCycle, getCycleById } from './cycles.js';
import { insertHistory } from './evaluation-history.js';
import { applyEvaluationChange } from './form-counts-sync.js';
import { getUnitIdByCode, type ResolvedSubject, resolveSubject } from './evaluation-subjects.js';
import { inTransaction, isUniqueViolation } from './common.js';

/** Evaluation fields as a caller gives them: the deciding unit by its code. */
export interface EvaluationFieldsInput extends Omit<EvaluationPatch, 'decidingUnitId'> {
  decidingUnit?: string | null;
}

export interface CreateEvaluationInput extends EvaluationFieldsInput {
  cycleYear: number;
  period?: string | undefined;
  subjectKind: string;
  /** Unit code, party card number, collective code or position id. */
  subjectRef: string;
  actor: string;
  reason?: string | undefined;
}

function selectEvaluations(db: Db) {
  return db
    .selectFrom('evaluations as e')
    .innerJoin('org_units as u', 'u.id', 'e.unit_id')
    .leftJoin('org_units as du', 'du.id', 'e.deciding_unit_id')
    .leftJoin('org_units as su', (j) => j.onRef('su.id', '=', 'e.subject_id').on('e.subject_kind', '=', 'unit'))
    .leftJoin('persons as sp', (j) => j.onRef('sp.id', '=', 'e.subject_id').on('e.subject_kind', '=', 'member'))
    .leftJoin('collectives as sc', (j) => j.onRef('sc.id', '=', 'e.subject_id').on('e.subject_kind', '=', 'collective'))
    .selectAll('e')
    .select(['u.code as unit_code', 'du.code as deciding_unit_code', 'su.code as su_code', 'sp.card_number as sp_card', 'sc.code as sc_code']);
}

type EvaluationRow = Selectable<EvaluationTable> & {
  unit_code: string;
  deciding_unit_code: string | null;
  su_code: string | null;
  sp_card: string | null;
  sc_code: string | null;
};

function parseReasons(text: string): KhtReason[] {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? value.filter((x): x is KhtReason => typeof x === 'string') : [];
}

/** The changeable fields of an evaluation row. */
export function evaluationRowToState(row: Selectable<EvaluationTable>): EvaluationState {
  return {
    eligibility: row.eligibility as Eligibility,
    eligibilityReason: row.eligibility_reason,
    reviewed: row.reviewed === null ? null : Number(row.reviewed) === 1,
    selfGrade: row.self_grade as Grade | null,
    proposedGrade: row.proposed_grade as Grade | null,
    decidedGrade: row.decided_grade as Grade | null,
    decidingUnitId: row.deciding_unit_id,
    khtReasons: parseReasons(row.kht_reasons),
    scoreX100: row.score_x100 === null ? null : Number(row.score_x100),
    note: row.note,
  };
}

function rowToEvaluation(row: EvaluationRow): Evaluation {
  const state = evaluationRowToState(row);
  return {
    id: row.id,
    cycleId: row.cycle_id,
    subjectKind: row.subject_kind as SubjectKind,
    subjectId: row.subject_id,
    subjectRef: row.su_code ?? row.sp_card ?? row.sc_code ?? row.subject_id,
    unitId: row.unit_id,
    unitCode: row.unit_code,
    ...state,
    decidingUnitCode: row.deciding_unit_code,
    score: state.scoreX100 === null ? null : state.scoreX100 / 100,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function stateToColumns(s: EvaluationState) {
  return {
    eligibility: s.eligibility,
    eligibility_reason: s.eligibilityReason,
    reviewed: s.reviewed === null ? null : s.reviewed ? 1 : 0,
    self_grade: s.selfGrade,
    proposed_grade: s.proposedGrade,
    decided_grade: s.decidedGrade,
    deciding_unit_id: s.decidingUnitId,
    kht_reasons: JSON.stringify(s.khtReasons),
    score_x100: s.scoreX100,
    note: s.note,
  };
}

/** The evaluation with this id; EvaluationNotFound otherwise. */
export async function getEvaluation(db: Db, id: string): Promise<Evaluation> {
  const row = await selectEvaluations(db).where('e.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('EvaluationNotFound', { vi: 'phiếu đánh giá', en: 'Evaluation' }, id);
  return rowToEvaluation(row);
}

/**
 * The evaluation of one subject in a cycle, the subject named by its public key (unit code, card
 * number, collective code, position id); EvaluationNotFound when it has none.
 */
export async function findEvaluationOfSubject(db: Db, input: { cycle: Cycle; kind: string; ref: string }): Promise<Evaluation> {
  const subject = await resolveSubject(db, { kind: input.kind, ref: input.ref, on: input.cycle.referenceDate });
  const id = await findExisting(db, input.cycle, subject);
  if (!id) throw notFound('EvaluationNotFound', { vi: `phiếu đánh giá kỳ ${input.cycle.year} của`, en: `The ${input.cycle.year} evaluation of` }, `${input.kind}:${input.ref}`);
  return getEvaluation(db, id);
}

/** Evaluations of a cycle, optionally of some units, one subject kind or one eligibility. */
export async function listEvaluations(
  db: Db,
  filter: { cycleId: string; unitIds?: string[]; subjectKind?: SubjectKind; eligibility?: Eligibility },
): Promise<Evaluation[]> {
  if (filter.unitIds && filter.unitIds.length === 0) return [];
  let q = selectEvaluations(db).where('e.cycle_id', '=', filter.cycleId);
  if (filter.unitIds) q = q.where('e.unit_id', 'in', filter.unitIds);
  if (filter.subjectKind) q = q.where('e.subject_kind', '=', filter.subjectKind);
  if (filter.eligibility) q = q.where('e.eligibility', '=', filter.eligibility);
  const rows = await q.orderBy('e.subject_kind').orderBy('e.created_at').orderBy('e.id').execute();
  return rows.map(rowToEvaluation);
}

async function resolvePatch(db: Db, fields: EvaluationFieldsInput): Promise<EvaluationPatch> {
  const { decidingUnit, ...rest } = fields;
  if (decidingUnit === undefined) return rest;
  return { ...rest, decidingUnitId: decidingUnit === null ? null : await getUnitIdByCode(db, decidingUnit, 'decidingUnit') };
}

function pickFields(input: EvaluationFieldsInput): EvaluationFieldsInput {
  const { eligibility, eligibilityReason, reviewed, selfGrade, proposedGrade, decidedGrade, decidingUnit, khtReasons, score, note } = input;
  const all = { eligibility, eligibilityReason, reviewed, selfGrade, proposedGrade, decidedGrade, decidingUnit, khtReasons, score, note };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined)) as EvaluationFieldsInput;
}

async function findExisting(db: Db, cycle: Cycle, subject: ResolvedSubject): Promise<string | undefined> {
  const row = await db
    .selectFrom('evaluations')
    .select('id')
    .where('cycle_id', '=', cycle.id)
    .where('subject_kind', '=', subject.subjectKind)
    .where('subject_id', '=', subject.subjectId)
    .executeTakeFirst();
  return row?.id;
}

function duplicateEvaluation(subjectRef: string, cycle: Cycle): AppError {
  return new AppError(
    'DuplicateEvaluation',
    {
      vi: `Đối tượng «${subjectRef}» đã có phiếu đánh giá trong kỳ ${cycle.year}.`,
      en: `Subject "${subjectRef}" already has an evaluation in the ${cycle.year} cycle.`,
    },
    { field: 'subjectRef' },
  );
}

async function insertEvaluation(db: Db, cycle: Cycle, subject: ResolvedSubject, input: CreateEvaluationInput): Promise<Evaluation> {
  const patch = await resolvePatch(db, pickFields(input));
  const empty = emptyEvaluationState();
  const state = applyEvaluationPatch(empty, patch, { subjectKind: subject.subjectKind, ruleSet: cycle.ruleSet });
  const id = newId();
  const at = nowIso();
  await db
    .insertInto('evaluations')
    .values({
      id,
      cycle_id: cycle.id,
      subject_kind: subject.subjectKind,
      subject_id: subject.subjectId,
      unit_id: subject.unitId,
      ...stateToColumns(state),
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .execute()
    .catch((e: unknown) => {
      throw isUniqueViolation(e) ? duplicateEvaluation(input.subjectRef, cycle) : e;
    });
  const changes = creationChanges(state);
  await insertHistory(db, { evaluationId: id, at, actor: input.actor, action: 'create', reason: input.reason ?? null, changes });
  await applyEvaluationChange(db, { evaluationId: id, before: null, after: state }); // live form counts, same transaction
  return getEvaluation(db, id);
}

/** Creates the evaluation of a subject in a cycle; DuplicateEvaluation when it already has one. */
export async function createEvaluation(db: Db, input: CreateEvaluationInput): Promise<Evaluation> {
  return inTransaction(db, async (trx) => {
    const cycle = await getCycle(trx, { year: input.cycleYear, period: input.period });
    const subject = await resolveSubject(trx, { kind: input.subjectKind, ref: input.subjectRef, on: cycle.referenceDate });
    if (await findExisting(trx, cycle, subject)) throw duplicateEvaluation(input.subjectRef, cycle);
    return insertEvaluation(trx, cycle, subject, input);
  });
}

/** Creates the subject's evaluation, or updates the one it has (history action `update`). */
export async function upsertEvaluation(db: Db, input: CreateEvaluationInput): Promise<Evaluation> {
  return inTransaction(db, async (trx) => {
    const cycle = await getCycle(trx, { year: input.cycleYear, period: input.period });
    const subject = await resolveSubject(trx, { kind: input.subjectKind, ref: input.subjectRef, on: cycle.referenceDate });
    const existing = await findExisting(trx, cycle, subject);
    if (!existing) return insertEvaluation(trx, cycle, subject, input);
    return updateEvaluation(trx, existing, pickFields(input), { actor: input.actor, reason: input.reason });
  });
}

export interface UpdateOptions {
  actor: string;
  reason?: string | undefined;
  /** The version the caller read; a different current version is a Conflict. */
  expectedVersion?: number | undefined;
  action?: HistoryAction;
}

/**
 * Conflict (409) naming the version the caller read and the current one, with the evaluation as it
 * now stands (`current`, in the error body): the caller shows it and chooses.
 */
export function staleVersion(expected: number, current: number, now?: Evaluation): AppError {
  return new AppError(
    'Conflict',
    {
      vi: `Phiếu đánh giá đã được người khác sửa (phiên bản ${current}, bạn sửa từ ${expected}); hãy tải lại.`,
      en: `The evaluation was changed meanwhile (version ${current}, yours ${expected}); reload it.`,
    },
    { field: 'version', ...(now ? { details: { current: now } } : {}) },
  );
}

/** Per transaction: the evaluations it locked, the version each had then, and whether it moved on already. */
const held = new WeakMap<object, Map<string, { version: number; bumped: boolean }>>();

/**
 * Locks an evaluation for the rest of the transaction and checks the caller's version in the same
 * statement (`update … set version = version where id = ? and version = ?`): on PostgreSQL the row
 * lock makes a second writer wait, then re-test the version against the committed row, so two
 * writers from one version can never both pass (a check in a separate read could). Every write of
 * an evaluation takes this lock first, before reading what it changes. Conflict (with the current
 * evaluation) when the version is stale; EvaluationNotFound when there is no such evaluation. A
 * second call in the same transaction only compares the version the first one saw.
 */
export async function lockEvaluation(trx: Db, id: string, expectedVersion?: number): Promise<void> {
  let mine = held.get(trx);
  const seen = mine?.get(id);
  if (seen) {
    const ok = expectedVersion === undefined || expectedVersion === seen.version || (seen.bumped && expectedVersion === seen.version + 1);
    if (!ok) throw staleVersion(expectedVersion, seen.version, await getEvaluation(trx, id));
    return;
  }
  let q = trx.updateTable('evaluations').set((eb) => ({ version: eb.ref('version') })).where('id', '=', id);
  if (expectedVersion !== undefined) q = q.where('version', '=', expectedVersion);
  const row = await q.returning('version').executeTakeFirst();
  if (!row) {
    const now = await getEvaluation(trx, id); // EvaluationNotFound when absent
    throw staleVersion(expectedVersion ?? now.version, now.version, now);
  }
  if (!mine) held.set(trx, (mine = new Map()));
  mine.set(id, { version: Number(row.version), bumped: false });
}

/** The version to write: one past the locked one, once per transaction however many writes it makes. */
function nextVersion(trx: Db, id: string, current: number): number {
  const seen = held.get(trx)?.get(id);
  if (!seen) return current + 1;
  if (seen.bumped) return current;
  seen.bumped = true;
  return current + 1;
}

export interface UpdateOptions {
  actor: string;
  reason?: string | undefined;
  /** The version the caller read; a different current version is a Conflict. */
  expectedVersion?: number | undefined;
  action?: HistoryAction;
}

/**
 * Changes an evaluation: locks it checking `expectedVersion` (lockEvaluation), checks values, moves
 * `version` on (once per transaction) and writes one history row per changed field, all in one
 * transaction. No change, no write.
 */
export async function updateEvaluation(db: Db, id: string, fields: EvaluationFieldsInput, options: UpdateOptions): Promise<Evaluation> {
  return inTransaction(db, async (trx) => {
    await lockEvaluation(trx, id, options.expectedVersion);
    const row = await trx.selectFrom('evaluations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('EvaluationNotFound', { vi: 'phiếu đánh giá', en: 'Evaluation' }, id);
    const version = Number(row.version);
    const cycle = await getCycleById(trx, row.cycle_id);
    const before = evaluationRowToState(row);
    const patch = await resolvePatch(trx, fields);
    const after = applyEvaluationPatch(before, patch, { subjectKind: row.subject_kind as SubjectKind, ruleSet: cycle.ruleSet });
    const changes = diffEvaluation(before, after);
    if (changes.length === 0) return getEvaluation(trx, id);
    const at = nextInstant(nowIso(), row.updated_at);
    await trx
      .updateTable('evaluations')
      .set({ ...stateToColumns(after), version: nextVersion(trx, id, version), updated_at: at })
      .where('id', '=', id)
      .execute();
    const action = options.action ?? 'update';
    await insertHistory(trx, { evaluationId: id, at, actor: options.actor, action, reason: options.reason?.trim() || null, changes });
    await applyEvaluationChange(trx, { evaluationId: id, before, after }); // live form counts, same transaction
    return getEvaluation(trx, id);
  });
}

/**
 * Marks an evaluation changed without changing a field of its row (a workflow step, an opinion, a
 * fact of its subject): locks it (when the step did not already) and moves `version` on, unless the
 * transaction already did, so a page that read the older version gets a Conflict instead of writing
 * over what it did not see.
 */
export async function touchEvaluation(trx: Db, id: string): Promise<void> {
  await lockEvaluation(trx, id);
  const seen = held.get(trx)?.get(id);
  if (seen?.bumped) return;
  const row = await trx.selectFrom('evaluations').select(['version', 'updated_at']).where('id', '=', id).executeTakeFirstOrThrow();
  await trx
    .updateTable('evaluations')
    .set({ version: nextVersion(trx, id, Number(row.version)), updated_at: nextInstant(nowIso(), row.updated_at) })
    .where('id', '=', id)
    .execute();
}

/**
 * Re-grades after a decision (rà soát, xếp loại lại: GUIDE.md §4.8): sets the decided grade, with a
 * required reason, recorded as action `regrade`. Leaving KHT clears the KHT reasons.
 */
export async function regrade(
  db: Db,
  id: string,
  input: { grade: string; reason: string; actor: string; khtReasons?: string[]; expectedVersion?: number },
): Promise<Evaluation> {
  const reason = assertRegradeReason(input.reason);
  const grade = requireGrade(input.grade, 'grade');
  const khtReasons = grade === 'KHT' ? input.khtReasons : [];
  const fields: EvaluationFieldsInput = khtReasons === undefined ? { decidedGrade: grade } : { decidedGrade: grade, khtReasons };
  return updateEvaluation(db, id, fields, { actor: input.actor, reason, expectedVersion: input.expectedVersion, action: 'regrade' });
}
