/** Review cycles and their deadlines. All functions take `db` first and work inside a transaction too. */
import type { Selectable } from 'kysely';
import type { RuleSetCode } from '../../domain/codes.js';
import { AppError } from '../../domain/errors.js';
import {
  assertDeadlines,
  assertIsoDate,
  assertPeriod,
  type Cycle,
  type CycleDeadline,
  DEFAULT_PERIOD,
  defaultCycleTitle,
  resolveRuleSet,
} from '../../domain/model/cycles.js';
import type { Db } from '../create-db.js';
import { newId, nowIso } from '../ids.js';
import type { CycleTable } from '../schema.js';
import { inTransaction, isUniqueViolation } from './common.js';

/** Maps a cycle row and its deadline rows to the domain type. */
export function cycleRowToCycle(row: Selectable<CycleTable>, deadlines: CycleDeadline[]): Cycle {
  return {
    id: row.id,
    year: Number(row.year),
    period: row.period,
    ruleSet: row.rule_set as RuleSetCode,
    referenceDate: row.reference_date,
    title: row.title,
    createdAt: row.created_at,
    deadlines,
    version: Number(row.version),
  };
}

async function loadDeadlines(db: Db, cycleIds: string[]): Promise<Map<string, CycleDeadline[]>> {
  const byCycle = new Map<string, CycleDeadline[]>();
  if (cycleIds.length === 0) return byCycle;
  const rows = await db
    .selectFrom('cycle_deadlines')
    .select(['cycle_id', 'level', 'due_on'])
    .where('cycle_id', 'in', cycleIds)
    .orderBy('due_on')
    .orderBy('level')
    .execute();
  for (const r of rows) {
    const list = byCycle.get(r.cycle_id) ?? [];
    list.push({ level: r.level as CycleDeadline['level'], dueOn: r.due_on });
    byCycle.set(r.cycle_id, list);
  }
  return byCycle;
}

function cycleNotFound(year: number, period: string): AppError {
  return new AppError('CycleNotFound', {
    vi: `Không tìm thấy kỳ đánh giá năm ${year}${period === DEFAULT_PERIOD ? '' : ` (kỳ ${period})`}.`,
    en: `No review cycle for ${year}${period === DEFAULT_PERIOD ? '' : ` (period ${period})`}.`,
  });
}

/** The cycle of a year and period, or undefined. */
export async function findCycle(db: Db, key: { year: number; period?: string | undefined }): Promise<Cycle | undefined> {
  const row = await db
    .selectFrom('cycles')
    .selectAll()
    .where('year', '=', key.year)
    .where('period', '=', key.period ?? DEFAULT_PERIOD)
    .executeTakeFirst();
  if (!row) return undefined;
  const deadlines = await loadDeadlines(db, [row.id]);
  return cycleRowToCycle(row, deadlines.get(row.id) ?? []);
}

/** The cycle of a year and period (default `nam`); CycleNotFound when there is none. */
export async function getCycle(db: Db, key: { year: number; period?: string | undefined }): Promise<Cycle> {
  const cycle = await findCycle(db, key);
  if (!cycle) throw cycleNotFound(key.year, key.period ?? DEFAULT_PERIOD);
  return cycle;
}

/** The cycle with this id; CycleNotFound when there is none. */
export async function getCycleById(db: Db, id: string): Promise<Cycle> {
  const row = await db.selectFrom('cycles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('CycleNotFound', { vi: 'Không tìm thấy kỳ đánh giá.', en: 'Review cycle not found.' });
  const deadlines = await loadDeadlines(db, [row.id]);
  return cycleRowToCycle(row, deadlines.get(row.id) ?? []);
}

/** All cycles, newest year first. */
export async function listCycles(db: Db): Promise<Cycle[]> {
  const rows = await db.selectFrom('cycles').selectAll().orderBy('year', 'desc').orderBy('period').execute();
  const deadlines = await loadDeadlines(db, rows.map((r) => r.id));
  return rows.map((r) => cycleRowToCycle(r, deadlines.get(r.id) ?? []));
}

export interface CreateCycleInput {
  year: number;
  period?: string | undefined;
  ruleSet?: string | undefined;
  referenceDate: string;
  title?: string | undefined;
  deadlines?: { level: string; dueOn: string }[] | undefined;
}

/**
 * Opens a cycle. The rule set defaults to the one governing the year (NoRuleSet before 2019; a
 * named one must govern the year: RuleSetMismatch); one cycle per year and period (DuplicateCycle).
 */
export async function createCycle(db: Db, input: CreateCycleInput): Promise<Cycle> {
  const period = input.period ?? DEFAULT_PERIOD;
  const ruleSet = resolveRuleSet({ year: input.year, ruleSet: input.ruleSet });
  assertPeriod(period, ruleSet);
  assertIsoDate(input.referenceDate, 'referenceDate');
  const deadlines = input.deadlines ?? [];
  assertDeadlines(deadlines);
  return inTransaction(db, async (trx) => {
    const duplicate = () =>
      new AppError(
        'DuplicateCycle',
        { vi: `Kỳ đánh giá năm ${input.year} (${period}) đã có.`, en: `A ${input.year} cycle (${period}) already exists.` },
        { field: 'year' },
      );
    if (await findCycle(trx, { year: input.year, period })) throw duplicate();
    const id = newId();
    await trx
      .insertInto('cycles')
      .values({
        id,
        year: input.year,
        period,
        rule_set: ruleSet,
        reference_date: input.referenceDate,
        title: input.title?.trim() || defaultCycleTitle(input.year, period),
        created_at: nowIso(),
      })
      .execute()
      .catch((e: unknown) => {
        throw isUniqueViolation(e) ? duplicate() : e;
      });
    await insertDeadlines(trx, id, deadlines);
    return getCycleById(trx, id);
  });
}

async function insertDeadlines(db: Db, cycleId: string, deadlines: CycleDeadline[]): Promise<void> {
  if (deadlines.length === 0) return;
  await db
    .insertInto('cycle_deadlines')
    .values(deadlines.map((d) => ({ id: newId(), cycle_id: cycleId, level: d.level, due_on: d.dueOn })))
    .execute();
}

/**
 * Moves a cycle to its next version, checking the one the caller read (Conflict when another change
 * came first). Call inside the transaction that changes the cycle's deadlines or parameters.
 */
export async function bumpCycleVersion(db: Db, cycle: Cycle, expectedVersion: number | undefined): Promise<void> {
  const stale = (current: number) =>
    new AppError(
      'Conflict',
      {
        vi: `Kỳ đánh giá năm ${cycle.year} vừa được người khác thay đổi (phiên bản ${current}, bạn sửa từ phiên bản ${expectedVersion ?? cycle.version}); hãy xem bản hiện tại rồi làm lại.`,
        en: `The ${cycle.year} cycle was changed meanwhile (version ${current}, you edited ${expectedVersion ?? cycle.version}); review it and try again.`,
      },
      { field: 'version' },
    );
  if (expectedVersion !== undefined && expectedVersion !== cycle.version) throw stale(cycle.version);
  const r = await db.updateTable('cycles').set({ version: cycle.version + 1 }).where('id', '=', cycle.id).where('version', '=', cycle.version).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw stale(cycle.version + 1);
}

/** Replaces the deadlines of a cycle with the given list (one per unit kind); `version`: the one the caller read. */
export async function setDeadlines(
  db: Db,
  input: { year: number; period?: string | undefined; deadlines: { level: string; dueOn: string }[]; version?: number | undefined },
): Promise<Cycle> {
  const deadlines = input.deadlines;
  assertDeadlines(deadlines);
  return inTransaction(db, async (trx) => {
    const cycle = await getCycle(trx, input);
    await bumpCycleVersion(trx, cycle, input.version);
    await trx.deleteFrom('cycle_deadlines').where('cycle_id', '=', cycle.id).execute();
    await insertDeadlines(trx, cycle.id, deadlines);
    return getCycleById(trx, cycle.id);
  });
}
