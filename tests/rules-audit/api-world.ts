/**
 * The setup the process tests of the rules audit share (process-complaint, process-qd366,
 * process-order): a fresh database (SQLite or PostgreSQL) with the scope organisation
 * (tests/server/fixtures-scope.ts), the cycles asked for, and an administrator of the province signed
 * in through the real route; closed after the file. `ready` self-assesses and proposes a subject HTT,
 * then, where the cycle's rule set has the step (QĐ 124 Điều 11; QĐ 366 Điều 12 k1 Bước 2), appraises it.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { createCycle } from '../../src/db/queries/cycles.js';
import { createEvaluation } from '../../src/db/queries/evaluations.js';
import { createApp } from '../../src/server/app.js';
import { authed, signIn } from '../helpers/auth.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';
import { seedScopeOrg } from '../server/fixtures-scope.js';
import { client } from '../workflow/helpers.js';

export interface ApiWorld {
  readonly t: TestDb;
  readonly api: ReturnType<typeof client>;
  /** Creates an evaluation directly (the subject's setup, not the step under test); returns its id. */
  ev(year: number, subjectKind: string, subjectRef: string, extra?: Record<string, unknown>, period?: string): Promise<string>;
  /** Self-assessed and proposed HTT (with a QĐ 366 score from 2025); appraised too when `appraise` (default: from 2023). */
  ready(id: string, year: number, options?: { appraise?: boolean }): Promise<void>;
}

export function useApiWorld(cycles: readonly { year: number; period?: string; referenceDate?: string }[], setup?: (t: TestDb) => Promise<void>): ApiWorld {
  let t: TestDb | undefined;
  let api: ReturnType<typeof client> | undefined;
  beforeAll(async () => {
    t = await createTestDb();
    const app = createApp({ db: t.db, config: t.config });
    await seedScopeOrg(t.db);
    for (const c of cycles) await createCycle(t.db, { year: c.year, ...(c.period ? { period: c.period } : {}), referenceDate: c.referenceDate ?? `${c.year}-12-31` });
    if (setup) await setup(t);
    api = client(authed(app, await signIn(app, t.db, { role: 'admin', scope: 'TINH' })));
  });
  afterAll(async () => t?.close());
  const world: ApiWorld = {
    get t() {
      if (!t) throw new Error('the world is set up in beforeAll');
      return t;
    },
    get api() {
      if (!api) throw new Error('the world is set up in beforeAll');
      return api;
    },
    ev: async (year, subjectKind, subjectRef, extra = {}, period) =>
      (await createEvaluation(world.t.db, { cycleYear: year, ...(period ? { period } : {}), subjectKind, subjectRef, actor: 'seed', ...extra })).id,
    ready: async (id, year, options = {}) => {
      const score = year >= 2025 ? { score: 85 } : {};
      expect((await world.api.post(`/api/evaluations/${id}/self-assess`, { grade: 'HTT', ...score })).status).toBe(200);
      const p = await world.api.post(`/api/evaluations/${id}/propose`, { grade: 'HTT' });
      expect(p.status, JSON.stringify(p.body)).toBe(200);
      if (options.appraise ?? year >= 2023) {
        const a = await world.api.post(`/api/evaluations/${id}/appraise`, { comment: 'Ban Tổ chức đã thẩm định, đề xuất giữ mức đề xuất' });
        expect(a.status, JSON.stringify(a.body)).toBe(200);
      }
    },
  };
  return world;
}
