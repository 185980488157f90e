/**
 * A bulk load into a fresh database (`insertDataset(…, { fresh: true })`, the benchmark's loader)
 * drops the tables' indexes (and on PostgreSQL their keys and foreign keys) while it writes and
 * builds them again after: the schema ends as it began, the counts verify, and a row that breaks a
 * key or a foreign key still fails the load with nothing written.
 */
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nationalDataset, planNational, SIZES } from '../../bench/national.js';
import type { Db } from '../../src/db/create-db.js';
import { insertDataset } from '../../src/db/queries/dataset.js';
import type { DatasetMembership, DatasetPerson } from '../../src/demo/dataset.js';
import { verify } from '../../src/services/forms.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => t?.close());

/** Every index and constraint of the schema, as the engine describes it. */
async function schemaShape(db: Db): Promise<string[]> {
  if (testEngine === 'sqlite') {
    const { rows } = await sql<{ d: string }>`select type || ' ' || name || ' ' || coalesce(sql, '') as d from sqlite_master where type = 'index'`.execute(db);
    return rows.map((r) => r.d).sort();
  }
  const { rows } = await sql<{ d: string }>`
    select c.relname || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid) as d
      from pg_constraint con join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = current_schema()
    union all
    select indexdef from pg_indexes where schemaname = current_schema()`.execute(db);
  return rows.map((r) => r.d).sort();
}

const count = async (db: Db, table: 'persons' | 'evaluations' | 'form_counts') => Number((await db.selectFrom(table).select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe(`fresh bulk load (${testEngine})`, () => {
  it('ends with the same indexes and keys, every row written, counts that verify', async () => {
    const before = await schemaShape(t.db);
    const plan = planNational(SIZES.district);
    const written = await insertDataset(t.db, nationalDataset(plan), { fresh: true });
    expect(await schemaShape(t.db)).toEqual(before);
    expect(written.persons).toBe(plan.members);
    expect(await count(t.db, 'persons')).toBe(plan.members);
    expect(await count(t.db, 'evaluations')).toBe(written.evaluations);
    expect(await count(t.db, 'form_counts')).toBe(written.form_counts);
    expect((await verify(t.db, { year: 2022 })).differences).toBe(0);
  });

  it('fails as a whole on a duplicate card number, nothing written, indexes intact', async () => {
    const before = await schemaShape(t.db);
    const data = nationalDataset(planNational(SIZES.district));
    function* twice(persons: Iterable<DatasetPerson>): Generator<DatasetPerson> {
      let first: DatasetPerson | undefined;
      for (const p of persons) {
        first ??= p;
        yield p;
      }
      if (first) yield { ...first, id: `${first.id}-bis` };
    }
    await expect(insertDataset(t.db, { ...data, persons: twice(data.persons) }, { fresh: true })).rejects.toThrow();
    expect(await count(t.db, 'persons')).toBe(0);
    expect(await schemaShape(t.db)).toEqual(before);
  });

  it('fails as a whole on a membership of a person who does not exist', async () => {
    const data = nationalDataset(planNational(SIZES.district));
    function* stray(memberships: Iterable<DatasetMembership>): Generator<DatasetMembership> {
      let first: DatasetMembership | undefined;
      for (const m of memberships) {
        first ??= m;
        yield m;
      }
      if (first) yield { ...first, id: `${first.id}-stray`, personId: 'no-such-person' };
    }
    await expect(insertDataset(t.db, { ...data, memberships: stray(data.memberships) }, { fresh: true })).rejects.toThrow();
    expect(await count(t.db, 'persons')).toBe(0);
  });

  it('defers nothing when the tables already hold rows (the product paths: imports, the demo)', async () => {
    const plan = planNational(SIZES.district);
    await insertDataset(t.db, nationalDataset(plan), { fresh: true });
    const before = await schemaShape(t.db);
    // A second load into the same tables: the keys are there throughout, so the duplicates fail it.
    await expect(insertDataset(t.db, nationalDataset(plan), { fresh: true })).rejects.toThrow();
    expect(await schemaShape(t.db)).toEqual(before);
    expect(await count(t.db, 'persons')).toBe(plan.members);
  });
});
