import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle } from '../../src/db/queries/cycles.js';
import { listEvaluationHistory } from '../../src/db/queries/evaluation-history.js';
import { createEvaluation, getEvaluation, listEvaluations, regrade, updateEvaluation, upsertEvaluation } from '../../src/db/queries/evaluations.js';
import { AppError } from '../../src/domain/errors.js';
import { countRows, seedOrg } from '../api/fixtures-evaluations.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';

/** Awaits a promise expected to fail with an AppError of this code. */
async function rejectsWith(p: Promise<unknown>, code: string): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  return err as AppError;
}

describe(`evaluation queries on ${testEngine}`, () => {
  let t: TestDb;
  const actor = 'tester';

  beforeAll(async () => {
    t = await createTestDb();
    await seedOrg(t.db);
    await createCycle(t.db, { year: 2022, referenceDate: '2022-12-31' });
    await createCycle(t.db, { year: 2024, referenceDate: '2024-12-31', deadlines: [{ level: 'cell', dueOn: '2024-12-05' }] });
  });
  afterAll(async () => t.close());

  it('resolves a member’s cell at the cycle’s reference date', async () => {
    await rejectsWith(createEvaluation(t.db, { cycleYear: 2022, subjectKind: 'member', subjectRef: '01.000003', actor }), 'MemberNotInCell');
    const e = await createEvaluation(t.db, { cycleYear: 2024, subjectKind: 'member', subjectRef: '01.000003', actor });
    expect(e).toMatchObject({ unitCode: 'CB-BAN1', subjectRef: '01.000003', subjectKind: 'member' });
  });

  it('works inside a caller’s transaction and rolls back with it', async () => {
    const before = await countRows(t.db);
    await expect(
      t.db.transaction().execute(async (trx) => {
        const e = await createEvaluation(trx, { cycleYear: 2022, subjectKind: 'unit', subjectRef: 'CB-BAN1', decidedGrade: 'HT', actor });
        await updateEvaluation(trx, e.id, { decidedGrade: 'HTT' }, { actor, expectedVersion: 1 });
        expect((await listEvaluationHistory(trx, e.id)).length).toBe(3);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await countRows(t.db)).toEqual(before);
  });

  it('writes no version and no history when nothing changes', async () => {
    const e = await createEvaluation(t.db, { cycleYear: 2022, subjectKind: 'unit', subjectRef: 'DB-XA', selfGrade: 'HTT', actor });
    const same = await updateEvaluation(t.db, e.id, { selfGrade: 'HTT' }, { actor, expectedVersion: 1 });
    expect(same.version).toBe(1);
    expect(await listEvaluationHistory(t.db, e.id)).toHaveLength(2);
  });

  it('records typed values as text in history and reads them back as domain types', async () => {
    const e = await createEvaluation(t.db, { cycleYear: 2022, subjectKind: 'member', subjectRef: '01.000001', actor });
    const u = await updateEvaluation(
      t.db,
      e.id,
      { reviewed: false, decidedGrade: 'KHT', khtReasons: ['disciplined', 'decline'], decidingUnit: 'DB-XA' },
      { actor, reason: 'Kỷ luật trong năm', expectedVersion: 1 },
    );
    expect(u).toMatchObject({ reviewed: false, khtReasons: ['disciplined', 'decline'], decidingUnitId: 'u-xa', decidingUnitCode: 'DB-XA', version: 2 });
    const rows = (await listEvaluationHistory(t.db, e.id)).filter((h) => h.action === 'update');
    expect(rows.map((h) => [h.field, h.newValue])).toEqual([
      ['decidedGrade', 'KHT'],
      ['decidingUnitId', 'u-xa'],
      ['khtReasons', '["disciplined","decline"]'],
      ['reviewed', 'false'],
    ]);
    expect(rows.every((h) => h.reason === 'Kỷ luật trong năm' && h.actor === actor)).toBe(true);
  });

  it('refuses the second of two writers from the same version', async () => {
    const e = await createEvaluation(t.db, { cycleYear: 2022, subjectKind: 'collective', subjectRef: 'TT-UBND-XA', actor });
    await updateEvaluation(t.db, e.id, { proposedGrade: 'HT' }, { actor: 'a', expectedVersion: 1 });
    await rejectsWith(updateEvaluation(t.db, e.id, { proposedGrade: 'HTT' }, { actor: 'b', expectedVersion: 1 }), 'Conflict');
    expect((await getEvaluation(t.db, e.id)).proposedGrade).toBe('HT');
  });

  it('turns racing creations of one subject into DuplicateEvaluation', async () => {
    const input = { cycleYear: 2024, subjectKind: 'collective', subjectRef: 'TT-UBND-XA', actor };
    const results = await Promise.allSettled([createEvaluation(t.db, input), createEvaluation(t.db, input)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected');
    expect((failed as PromiseRejectedResult).reason).toMatchObject({ code: 'DuplicateEvaluation' });
    const cycles = await Promise.allSettled([
      createCycle(t.db, { year: 2021, referenceDate: '2021-12-31' }),
      createCycle(t.db, { year: 2021, referenceDate: '2021-12-31' }),
    ]);
    expect(cycles.map((r) => (r.status === 'rejected' ? (r.reason as AppError).code : 'ok')).sort()).toEqual(['DuplicateCycle', 'ok']);
  });

  it('upserts: creates once, then updates the same evaluation', async () => {
    const first = await upsertEvaluation(t.db, { cycleYear: 2022, subjectKind: 'position', subjectRef: 'pos-bt-xa', proposedGrade: 'HTT', actor });
    const second = await upsertEvaluation(t.db, { cycleYear: 2022, subjectKind: 'position', subjectRef: 'pos-bt-xa', decidedGrade: 'HTXS', actor });
    expect(second).toMatchObject({ id: first.id, proposedGrade: 'HTT', decidedGrade: 'HTXS', version: 2 });
  });

  it('requires a reason to regrade, at the query level too', async () => {
    const target = await upsertEvaluation(t.db, { cycleYear: 2024, subjectKind: 'unit', subjectRef: 'DB-XA', decidedGrade: 'HT', actor });
    await rejectsWith(regrade(t.db, target.id, { grade: 'HTT', reason: '', actor }), 'ReasonRequired');
    const r = await regrade(t.db, target.id, { grade: 'HTT', reason: 'Khiếu nại được chấp nhận', actor });
    expect(r.decidedGrade).toBe('HTT');
    const last = (await listEvaluationHistory(t.db, target.id)).at(-1);
    expect(last).toMatchObject({ action: 'regrade', field: 'decidedGrade', oldValue: 'HT', newValue: 'HTT', reason: 'Khiếu nại được chấp nhận' });
  });

  it('filters lists by units, kind and eligibility; an empty unit list matches nothing', async () => {
    const cycleId = (await getEvaluation(t.db, (await upsertEvaluation(t.db, { cycleYear: 2022, subjectKind: 'unit', subjectRef: 'DB-XA', actor })).id)).cycleId;
    expect(await listEvaluations(t.db, { cycleId, unitIds: [] })).toEqual([]);
    const inCommune = await listEvaluations(t.db, { cycleId, unitIds: ['u-xa'] });
    expect(inCommune.map((e) => e.subjectKind).sort()).toEqual(['collective', 'position', 'unit']);
    expect(await listEvaluations(t.db, { cycleId, subjectKind: 'member' })).toHaveLength(1);
    expect(await listEvaluations(t.db, { cycleId, eligibility: 'exempt' })).toEqual([]);
  });
});
