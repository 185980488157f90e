/**
 * Readers on a replica (issue 12 item 4, DATABASE_READ_URL): the live forms are read from the
 * replica the app is given, while sign-in, access checks and writes stay on the primary. Two
 * databases stand for primary and replica: a grade changed on the primary alone is not in the form
 * until the replica has it too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createCycle } from '../../src/db/queries/cycles.js';
import { createEvaluation, updateEvaluation } from '../../src/db/queries/evaluations.js';
import { createApp } from '../../src/server/app.js';
import { seedOrg } from '../api/fixtures-evaluations.js';
import { type SignedIn, signIn, withAuth } from '../helpers/auth.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';

let primary: TestDb;
let replica: TestDb;
let app: ReturnType<typeof createApp>;
let viewer: SignedIn;
const ids: Record<'primary' | 'replica', string> = { primary: '', replica: '' };

async function seed(t: TestDb): Promise<string> {
  await seedOrg(t.db);
  await createCycle(t.db, { year: 2022, referenceDate: '2022-12-31' });
  return (await createEvaluation(t.db, { cycleYear: 2022, subjectKind: 'member', subjectRef: '01.000001', reviewed: true, decidedGrade: 'HTT', actor: 't' })).id;
}

const htt = async () => {
  const res = await app.request('/api/forms/HU-THU/2022/DV', withAuth(viewer));
  expect(res.status).toBe(200);
  return ((await res.json()) as { forms: { DV: { rows: Record<string, { total: number }> } } }).forms.DV.rows['graded.htt']?.total;
};

beforeAll(async () => {
  primary = await createTestDb();
  replica = await createTestDb();
  ids.primary = await seed(primary);
  ids.replica = await seed(replica);
  app = createApp({ db: primary.db, readDb: replica.db, config: primary.config });
  // The user and session exist on the primary only: signing in and access checks do not use the replica.
  viewer = await signIn(app, primary.db, { role: 'viewer', scope: 'HU-THU' });
});
afterAll(async () => {
  await primary?.close();
  await replica?.close();
});

describe('DATABASE_READ_URL', () => {
  it('is read from the environment only beside DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://p/db', DATABASE_READ_URL: ' postgres://r/db ' }).databaseReadUrl).toBe('postgres://r/db');
    expect(loadConfig({ DATABASE_READ_URL: 'postgres://r/db' }).databaseReadUrl).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: 'postgres://p/db' }).databaseReadUrl).toBeUndefined();
  });

  it('serves the forms from the replica: a change on the primary shows once the replica has it', async () => {
    expect(await htt()).toBe(1);
    await updateEvaluation(primary.db, ids.primary, { decidedGrade: 'HT' }, { actor: 't' });
    expect(await htt()).toBe(1);
    await updateEvaluation(replica.db, ids.replica, { decidedGrade: 'HT' }, { actor: 't' });
    expect(await htt()).toBe(0);
  });
});
