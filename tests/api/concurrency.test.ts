/**
 * No lost update on either engine (issue #11 item 1): racing writers over HTTP, in process, with the
 * real pool (10 connections on PostgreSQL). Two writers from one version: exactly one wins, the other
 * gets 409 with the current value, never a 500; writers without a version all land (none lost); many
 * writers on different evaluations sharing ancestors' count cells queue instead of deadlocking, and the
 * stored counts still equal a recomputation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle } from '../../src/db/queries/cycles.js';
import { createEvaluation } from '../../src/db/queries/evaluations.js';
import { createApp } from '../../src/server/app.js';
import { verify } from '../../src/services/forms.js';
import { signIn, type SignedIn } from '../helpers/auth.js';
import { type TestDb, testEngine } from '../helpers/test-db.js';
import { scopeWorld } from '../server/fixtures-scope.js';
import type { Json } from '../workflow/helpers.js';

describe(`racing writers, ${testEngine}`, () => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let compiler: SignedIn;
  const ids: string[] = [];

  const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const init: RequestInit = { method, headers: { ...compiler.headers, ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) } };
    if (body !== undefined) init.body = JSON.stringify(body);
    const res = await app.request(path, init);
    return { status: res.status, etag: res.headers.get('etag'), body: (await res.json()) as Json };
  };

  beforeAll(async () => {
    ({ t, app } = await scopeWorld());
    await createCycle(t.db, { year: 2023, referenceDate: '2023-12-31' });
    for (const card of ['10.001', '10.002', '10.003', '10.004', '10.005']) {
      ids.push((await createEvaluation(t.db, { cycleYear: 2023, subjectKind: 'member', subjectRef: card, actor: 'seed' })).id);
    }
    for (const unit of ['CB-A', 'CB-B']) ids.push((await createEvaluation(t.db, { cycleYear: 2023, subjectKind: 'unit', subjectRef: unit, actor: 'seed' })).id);
    compiler = await signIn(app, t.db, { role: 'compiler', scope: 'HUYEN' });
  });
  afterAll(() => t.close());

  it('lets exactly one of 200 pairs of writers from the same version win, the other getting 409 with the current value', async () => {
    const id = ids[0]!;
    const statuses: number[] = [];
    let lastWinner = '';
    for (let i = 0; i < 200; i++) {
      const read = await send('GET', `/api/evaluations/${id}`);
      expect(read.etag).toBe(`"${read.body.version}"`);
      const v = read.body.version as number;
      // One writer names the version in the body, the other in If-Match (the ETag it read).
      const [a, b] = await Promise.all([
        send('PATCH', `/api/evaluations/${id}`, { note: `A${i}`, version: v }),
        send('PATCH', `/api/evaluations/${id}`, { note: `B${i}` }, { 'if-match': read.etag! }),
      ]);
      statuses.push(a.status, b.status);
      const pair = [a, b].sort((x, y) => x.status - y.status);
      expect(pair.map((r) => r.status), JSON.stringify(pair.map((r) => r.body))).toEqual([200, 409]);
      const [won, lost] = pair as [typeof a, typeof a];
      expect(won.body.version).toBe(v + 1);
      expect(won.etag).toBe(`"${v + 1}"`);
      expect(lost.body.error).toMatchObject({ code: 'Conflict', field: 'version', current: { version: v + 1, note: won.body.note } });
      lastWinner = won.body.note as string;
    }
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    const final = await send('GET', `/api/evaluations/${id}`);
    expect([final.body.version, final.body.note]).toEqual([1 + 200, lastWinner]);
    // Every winning write left its history row, and no losing one did.
    expect((final.body.history as Json[]).filter((h) => h.field === 'note')).toHaveLength(200);
  });

  it('refuses a stale If-Match on a workflow step and a malformed one by name', async () => {
    const id = ids[1]!;
    const v = (await send('GET', `/api/evaluations/${id}`)).body.version as number;
    const stale = await send('POST', `/api/evaluations/${id}/self-assess`, { grade: 'HTT' }, { 'if-match': `"${v - 1 || 99}"` });
    expect([stale.status, stale.body.error.code, stale.body.error.current?.version]).toEqual([409, 'Conflict', v]);
    const bad = await send('POST', `/api/evaluations/${id}/self-assess`, { grade: 'HTT' }, { 'if-match': 'garbage' });
    expect([bad.status, bad.body.error.field]).toEqual([400, 'If-Match']);
    const none = await send('PATCH', `/api/evaluations/${id}`, { note: 'không có phiên bản' });
    expect([none.status, none.body.error.field]).toEqual([400, 'version']);
    const ok = await send('POST', `/api/evaluations/${id}/self-assess`, { grade: 'HTT' }, { 'if-match': `W/"${v}"` });
    expect([ok.status, ok.etag]).toEqual([200, `"${v + 1}"`]);
  });

  it('counts every one of 60 concurrent workflow steps sent without a version: none lost, one version each', async () => {
    const id = ids[2]!;
    expect((await send('POST', `/api/evaluations/${id}/self-assess`, { grade: 'HTT' })).status).toBe(200);
    const before = (await send('GET', `/api/evaluations/${id}`)).body.version as number;
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => send('POST', `/api/evaluations/${id}/opinions`, { bodyName: `Chi ủy ${i}`, comment: `Ý kiến ${i}` })));
    expect(results.filter((r) => r.status !== 201).map((r) => JSON.stringify(r.body)).slice(0, 2)).toEqual([]);
    const versions = results.map((r) => r.body.evaluation.version as number).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 60 }, (_, i) => before + 1 + i));
    const workflow = await send('GET', `/api/evaluations/${id}/workflow`);
    expect((workflow.body.opinions as Json[]).filter((o) => String(o.comment).startsWith('Ý kiến '))).toHaveLength(60);
  });

  it('queues 210 writes to different evaluations that share count cells (no deadlock, no 500), and the counts add up', async () => {
    // Each evaluation's writer reads then writes in turn; the evaluations' writers all run at once, and
    // every `reviewed` flip moves the same ancestors' count cells (cell, commune, district, province).
    const perEvaluation = 30;
    const writers = ids.map(async (id) => {
      const out: number[] = [];
      for (let i = 0; i < perEvaluation; i++) {
        const read = await send('GET', `/api/evaluations/${id}`);
        const res = await send('PATCH', `/api/evaluations/${id}`, { reviewed: i % 2 === 0, version: read.body.version });
        out.push(res.status);
      }
      return out;
    });
    const statuses = (await Promise.all(writers)).flat();
    expect(statuses).toHaveLength(ids.length * perEvaluation);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect((await verify(t.db, { year: 2023 })).differences).toBe(0);
  });
});
