import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb, testEngine } from '../../tests/helpers/test-db.js';
import { engineOf, migrateToLatest } from './create-db.js';
import { inTransaction } from './queries/common.js';

describe(`database on ${testEngine}`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => t.close());

  it('migrates to the latest schema and is idempotent', async () => {
    const again = await migrateToLatest(t.db, { pgSchema: t.config.pgSchema });
    expect(again).toEqual([]);
    // Every table of the first migration answers (introspection would list every schema's tables).
    for (const table of ['org_units', 'persons', 'evaluations', 'evaluation_history'] as const) {
      const row = await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(row.n)).toBe(0);
    }
  });

  it('enforces unique party card numbers', async () => {
    const row = {
      card_number: '01.000001',
      full_name: 'Nguyễn Văn Thử',
      search_key: 'nguyen van thu',
      birth_date: null,
      sex: 'nam',
      admitted_on: '2000-01-01',
      official_on: '2001-01-01',
      is_civil_servant: 0,
      created_at: new Date().toISOString(),
    };
    await t.db.insertInto('persons').values({ ...row, id: 'p1' }).execute();
    await expect(t.db.insertInto('persons').values({ ...row, id: 'p2' }).execute()).rejects.toThrow();
  });

  it('knows its engine inside a transaction as outside it', async () => {
    expect(engineOf(t.db)).toBe(testEngine);
    expect(await t.db.transaction().execute(async (trx) => engineOf(trx))).toBe(testEngine);
    expect(await inTransaction(t.db, async (trx) => engineOf(trx))).toBe(testEngine);
  });
});
