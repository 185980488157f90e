/**
 * A load test of concurrent writers over real HTTP (issue #11, done when: "a load test of concurrent
 * writers over HTTP counts every write and finds none lost"), on both engines: the app listens on a
 * loopback port; 30 writers (6 per evaluation, 5 evaluations) each add 4 to a counter kept in the
 * evaluation's note, by read → `PATCH` with `If-Match` → on 409 read again. Every increment must land
 * exactly once: each note ends at 24, each version at 25, 24 history rows each, no answer a 500.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle } from '../../src/db/queries/cycles.js';
import { createEvaluation } from '../../src/db/queries/evaluations.js';
import { verifyAudit } from '../../src/services/audit.js';
import { signIn, type SignedIn } from '../helpers/auth.js';
import { type TestDb, testEngine } from '../helpers/test-db.js';
import { scopeWorld } from '../server/fixtures-scope.js';
import type { Json } from '../workflow/helpers.js';

const WRITERS_PER_EVALUATION = 6;
const WRITES_PER_WRITER = 4;

describe(`concurrent writers over HTTP, ${testEngine}`, () => {
  let t: TestDb;
  let server: ReturnType<typeof serve>;
  let base = '';
  let compiler: SignedIn;
  const ids: string[] = [];

  beforeAll(async () => {
    const world = await scopeWorld();
    t = world.t;
    const app = world.app;
    await createCycle(t.db, { year: 2023, referenceDate: '2023-12-31' });
    for (const card of ['10.001', '10.002', '10.003', '10.004', '10.005']) {
      ids.push((await createEvaluation(t.db, { cycleYear: 2023, subjectKind: 'member', subjectRef: card, actor: 'seed' })).id);
    }
    compiler = await signIn(app, t.db, { role: 'compiler', scope: 'HUYEN' });
    await new Promise<void>((ready) => {
      server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
        base = `http://127.0.0.1:${info.port}`;
        ready();
      });
    });
  });
  afterAll(async () => {
    await new Promise<void>((done) => server.close(() => done()));
    await t.close();
  });

  it('counts every increment of 30 writers racing over HTTP: none lost, none twice, no 500', async () => {
    const statuses = new Map<number, number>();
    const seen = (s: number) => statuses.set(s, (statuses.get(s) ?? 0) + 1);
    const call = async (method: string, id: string, body?: unknown, ifMatch?: string) => {
      const headers: Record<string, string> = { ...compiler.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(ifMatch ? { 'if-match': ifMatch } : {}) };
      const res = await fetch(`${base}/api/evaluations/${id}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      seen(res.status);
      return { status: res.status, etag: res.headers.get('etag'), body: (await res.json()) as Json };
    };
    const increment = async (id: string) => {
      for (let attempt = 1; attempt <= 200; attempt++) {
        const read = await call('GET', id);
        const next = Number(read.body.note ?? 0) + 1;
        const write = await call('PATCH', id, { note: String(next) }, read.etag ?? undefined);
        if (write.status === 200) return;
        expect(write.status, JSON.stringify(write.body)).toBe(409);
      }
      throw new Error('an increment never landed');
    };
    const writer = async (id: string) => {
      for (let i = 0; i < WRITES_PER_WRITER; i++) await increment(id);
    };
    await Promise.all(ids.flatMap((id) => Array.from({ length: WRITERS_PER_EVALUATION }, () => writer(id))));

    const total = WRITERS_PER_EVALUATION * WRITES_PER_WRITER;
    for (const id of ids) {
      const final = await call('GET', id);
      expect([final.body.note, final.body.version]).toEqual([String(total), 1 + total]);
      expect((final.body.history as Json[]).filter((h) => h.field === 'note')).toHaveLength(total);
    }
    expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
    expect(statuses.get(409) ?? 0).toBeGreaterThan(0); // the writers did race
    // Every write's audit entry is there, the chain whole.
    const logged = await t.db.selectFrom('audit_log').select('seq').where('action', 'like', 'PATCH /api/evaluations/%').execute();
    expect(logged).toHaveLength(ids.length * total);
    expect((await verifyAudit(t.db)).findings).toEqual([]);
  });
});
