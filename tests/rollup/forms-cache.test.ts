/**
 * The readers' cache of the live forms (issue 12 item 3): a form is served with an ETag, a client
 * holding it gets 304 Not Modified, and any change of the cycle's counts (a grade, a rebuild) makes
 * the next read fresh — at the unit and at the root above it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle } from '../../src/db/queries/cycles.js';
import { createEvaluation, updateEvaluation } from '../../src/db/queries/evaluations.js';
import { readCountsVersion } from '../../src/db/queries/form-counts.js';
import { createApp } from '../../src/server/app.js';
import { rebuild } from '../../src/services/forms.js';
import { seedOrg } from '../api/fixtures-evaluations.js';
import { type SignedIn, signIn, withAuth } from '../helpers/auth.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';

let t: TestDb;
let app: ReturnType<typeof createApp>;
let viewer: SignedIn;
let memberEvaluation: string;
let cycleId: string;

const read = async (path: string, etag?: string) => {
  const res = await app.request(path, withAuth(viewer, etag ? { headers: { 'if-none-match': etag } } : {}));
  const text = await res.text();
  return { status: res.status, etag: res.headers.get('etag') ?? '', cache: res.headers.get('cache-control'), body: text ? (JSON.parse(text) as { forms: Record<string, { rows: Record<string, Record<string, number>> }> }) : undefined };
};

beforeAll(async () => {
  t = await createTestDb();
  await seedOrg(t.db);
  cycleId = (await createCycle(t.db, { year: 2022, referenceDate: '2022-12-31' })).id;
  memberEvaluation = (await createEvaluation(t.db, { cycleYear: 2022, subjectKind: 'member', subjectRef: '01.000001', reviewed: true, decidedGrade: 'HTT', actor: 't' })).id;
  app = createApp({ db: t.db, config: t.config });
  viewer = await signIn(app, t.db, { role: 'viewer', scope: 'HU-THU' });
});
afterAll(async () => t?.close());

describe('the forms served under the cycle counts version', () => {
  it('answers 304 to a client holding the current version, and the new counts after a grade changes', async () => {
    const first = await read('/api/forms/HU-THU/2022/DV');
    expect(first.status).toBe(200);
    expect(first.etag).toMatch(/^W\/".+"$/);
    expect(first.cache).toBe('private, no-cache');
    expect(first.body?.forms.DV?.rows['graded.htt']?.total).toBe(1);
    const again = await read('/api/forms/HU-THU/2022/DV', first.etag);
    expect(again.status).toBe(304);
    expect(again.body).toBeUndefined();

    const before = await readCountsVersion(t.db, cycleId);
    await updateEvaluation(t.db, memberEvaluation, { decidedGrade: 'HT' }, { actor: 't' });
    expect(await readCountsVersion(t.db, cycleId)).toBeGreaterThan(before);
    const changed = await read('/api/forms/HU-THU/2022/DV', first.etag);
    expect(changed.status).toBe(200);
    expect(changed.etag).not.toBe(first.etag);
    expect(changed.body?.forms.DV?.rows['graded.htt']?.total).toBe(0);
    expect(changed.body?.forms.DV?.rows['graded.ht']?.total).toBe(1);
  });

  it('keeps one entry per unit and form: the whole document and one form differ, and a rebuild makes both stale', async () => {
    const all = await read('/api/forms/HU-THU/2022');
    const dv = await read('/api/forms/HU-THU/2022/DV');
    expect(all.etag).not.toBe(dv.etag);
    expect(Object.keys(all.body?.forms ?? {}).length).toBeGreaterThan(1);
    expect((await read('/api/forms/HU-THU/2022', all.etag)).status).toBe(304);
    await rebuild(t.db, { year: 2022 });
    const after = await read('/api/forms/HU-THU/2022', all.etag);
    expect(after.status).toBe(200);
    expect(after.body).toEqual(all.body);
  });
});
