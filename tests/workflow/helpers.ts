/** Shared helpers of the workflow tests: JSON requests through a signed-in app, and row counts proving a refusal changed nothing. */
import { expect } from 'vitest';
import type { Db } from '../../src/db/create-db.js';
import type { AuthedApp } from '../helpers/auth.js';

export type Json = Record<string, any>;

const TABLES = [
  'evaluations',
  'evaluation_history',
  'evaluation_stages',
  'evaluation_stage_events',
  'evaluation_opinions',
  'decision_justifications',
  'submissions',
  'submission_events',
  'review_records',
  'evaluation_facts',
  'cycle_parameters',
] as const;

/** Row counts of the tables the workflow writes, plus the evaluations' and submissions' contents. */
export async function snapshot(db: Db): Promise<Json> {
  const counts: Json = {};
  for (const t of TABLES) {
    const row = await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts[t] = Number(row.n);
  }
  counts.evaluationRows = await db.selectFrom('evaluations').select(['id', 'version', 'self_grade', 'proposed_grade', 'decided_grade', 'eligibility']).orderBy('id').execute();
  counts.submissionRows = await db.selectFrom('submissions').selectAll().orderBy('id').execute();
  return counts;
}

export function client(api: AuthedApp) {
  const req = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> => {
    const init: RequestInit = body === undefined ? { method } : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
    const res = await api.request(path, init);
    return { status: res.status, body: (await res.json()) as Json };
  };
  return {
    get: (path: string) => req('GET', path),
    post: (path: string, body: unknown = {}) => req('POST', path, body),
    patch: (path: string, body: unknown = {}) => req('PATCH', path, body),
    put: (path: string, body: unknown = {}) => req('PUT', path, body),
  };
}

/** Sends a request that must be refused: status, code, bilingual message, optional field, and nothing changed. */
export async function expectRefused(
  db: Db,
  send: () => Promise<{ status: number; body: Json }>,
  expected: { status: number; code: string; field?: string },
): Promise<Json> {
  const before = await snapshot(db);
  const res = await send();
  expect(res.body.error?.code, JSON.stringify(res.body)).toBe(expected.code);
  expect(res.status).toBe(expected.status);
  expect(res.body.error.message.vi).toEqual(expect.any(String));
  expect(res.body.error.message.en).toEqual(expect.any(String));
  if (expected.field) expect(res.body.error.field).toBe(expected.field);
  expect(await snapshot(db)).toEqual(before);
  return res.body.error;
}
