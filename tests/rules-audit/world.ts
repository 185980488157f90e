/**
 * The world of the rules-audit tests (rules-audit.md rows, issue 8): the scope organisation
 * (tests/server/fixtures-scope.ts) with, in the commune XA-A, its party committee collective, its
 * MTTQ and UBND collectives and a deputy secretary; cycles 2022, 2023 and 2025; an administrator
 * signed in through the real route. Facts are entered through the API (in-process HTTP); grades are
 * checked through the services (src/services/grading.ts gradingCheck).
 */
import { expect } from 'vitest';
import { createCollective } from '../../src/db/queries/collectives.js';
import { createCycle } from '../../src/db/queries/cycles.js';
import { createPosition } from '../../src/db/queries/positions.js';
import { createApp } from '../../src/server/app.js';
import { gradingCheck } from '../../src/services/grading.js';
import { type SignedIn, signIn, withAuth } from '../helpers/auth.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';
import { seedScopeOrg } from '../server/fixtures-scope.js';

export type Json = Record<string, any>;

export interface World {
  t: TestDb;
  /** A JSON request as the administrator: status and body. */
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }>;
  /** Creates an evaluation through the API and returns its id. */
  evaluation(year: number, subjectKind: string, subjectRef: string): Promise<string>;
  /** Enters a fact of the evaluation's subject through PUT /api/evaluations/:id/facts/:fact (must succeed). */
  fact(id: string, fact: string, value: unknown, extra?: Json): Promise<Json>;
  /** Records a person event through POST /api/persons/:card/events (must succeed). */
  event(card: string, body: Json): Promise<Json>;
  /** Seats a position on a collective through POST /api/collectives/:code/members (must succeed). */
  seat(collective: string, body: Json): Promise<Json>;
  /** The grading check of a grade, through the services. */
  check(id: string, grade: string): ReturnType<typeof gradingCheck>;
  /** Position ids by key: bt (bí thư of CB-A, card 10.001), pbt (phó bí thư of XA-A, card 10.003), btxa (bí thư of XA-A, card 10.005). */
  positions: Record<'bt' | 'pbt' | 'btxa', string>;
  close(): Promise<void>;
}

export async function createWorld(): Promise<World> {
  const t = await createTestDb();
  const app = createApp({ db: t.db, config: t.config });
  await seedScopeOrg(t.db);
  for (const year of [2022, 2023, 2025]) await createCycle(t.db, { year, referenceDate: `${year}-12-31` });
  const FROM = '2015-01-01';
  for (const [code, kind, name] of [
    ['XA-A.DU', 'cap_uy', 'Đảng ủy xã A'],
    ['XA-A.MTTQ', 'mttq', 'Ban Thường trực Ủy ban MTTQ xã A'],
    ['XA-A.UBND', 'ubnd', 'Tập thể lãnh đạo UBND xã A'],
  ] as const) {
    await createCollective(t.db, { code, unitCode: 'XA-A', name, kind, level: 'co_so', validFrom: FROM });
  }
  const pbt = await createPosition(t.db, { cardNumber: '10.003', unitCode: 'XA-A', positionGroup: 'co_so.pho_bi_thu', title: 'Phó Bí thư Đảng ủy xã', validFrom: FROM });
  const btxa = await createPosition(t.db, { cardNumber: '10.005', unitCode: 'XA-A', positionGroup: 'co_so.bi_thu', title: 'Bí thư Đảng ủy xã', validFrom: FROM });
  const bt = (await t.db.selectFrom('positions').select('id').where('position_group', '=', 'co_so.bi_thu').where('title', '=', 'Bí thư chi bộ').executeTakeFirstOrThrow()).id;
  const admin: SignedIn = await signIn(app, t.db, { role: 'admin', scope: 'TINH', username: 'quan.tri' });
  const call = async (method: string, path: string, body?: unknown) => {
    const init: RequestInit = { method, ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}) };
    const res = await app.request(path, withAuth(admin, init));
    return { status: res.status, body: (await res.json()) as Json };
  };
  const ok = async (method: string, path: string, body: unknown, status: number) => {
    const res = await call(method, path, body);
    expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBe(status);
    return res.body;
  };
  return {
    t,
    call,
    async evaluation(year, subjectKind, subjectRef) {
      return (await ok('POST', `/api/cycles/${year}/evaluations`, { subjectKind, subjectRef }, 201)).id as string;
    },
    fact: (id, fact, value, extra = {}) => ok('PUT', `/api/evaluations/${id}/facts/${fact}`, { value, ...extra }, 200),
    event: (card, body) => ok('POST', `/api/persons/${card}/events`, body, 201),
    seat: (collective, body) => ok('POST', `/api/collectives/${collective}/members`, body, 201),
    check: (id, grade) => gradingCheck(t.db, { evaluationId: id, grade }),
    positions: { bt, pbt: pbt.id, btxa: btxa.id },
    close: () => t.close(),
  };
}

/** The binding reasons' sources of a check. */
export const bindingSources = (c: { reasons: { source: string; binding: boolean }[] }) => c.reasons.filter((r) => r.binding).map((r) => r.source);
/** All reasons' texts, joined. */
export const reasonText = (c: { reasons: { text: string }[] }) => c.reasons.map((r) => r.text).join(' | ');
