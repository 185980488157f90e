/**
 * Every API route checks role and scope (issue #3 item 7): a clerk scoped to one cell, asking for
 * another cell's data, is refused with 403 naming that unit and nothing changes; the same request
 * on its own cell is not refused. The table is keyed by every route `createApp` registers, so a
 * new route without an entry fails here until its check is written and listed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle } from '../../src/db/queries/cycles.js';
import { createEvaluation } from '../../src/db/queries/evaluations.js';
import { addReviewTopic } from '../../src/db/queries/review-topics.js';
import { createApp } from '../../src/server/app.js';
import { type SignedIn, signIn, withAuth } from '../helpers/auth.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';
import { seedScopeOrg } from './fixtures-scope.js';
import { workbook } from '../import/fixtures.js';

type Json = Record<string, any>;
type App = ReturnType<typeof createApp>;

let t: TestDb;
let app: App;
const as: Record<'admin' | 'compiler' | 'clerk' | 'viewer', SignedIn> = {} as never;
const ids: Record<string, string> = {};

/** What a refusal must leave untouched: row counts and the rows requests could update. */
async function snapshot(): Promise<unknown> {
  const tables = [
    'org_units', 'org_unit_versions', 'collectives', 'persons', 'memberships', 'person_events', 'positions', 'cycles', 'cycle_deadlines', 'evaluations', 'evaluation_history', 'review_topics',
    'evaluation_stages', 'evaluation_stage_events', 'evaluation_opinions', 'decision_justifications', 'evaluation_facts', 'submissions', 'submission_events', 'review_records', 'calendar_overrides', 'cycle_parameters', 'subject_facts', 'collective_members',
  ] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const persons = await t.db.selectFrom('persons').select(['card_number', 'full_name']).orderBy('card_number').execute();
  const evaluations = await t.db.selectFrom('evaluations').select(['id', 'version']).orderBy('id').execute();
  const versions = await t.db.selectFrom('org_unit_versions').select(['id', 'name', 'parent_id', 'valid_to']).orderBy('id').execute();
  const stages = await t.db.selectFrom('evaluation_stages').selectAll().orderBy('evaluation_id').execute();
  const submissions = await t.db.selectFrom('submissions').select(['id', 'status', 'version']).orderBy('id').execute();
  const parameters = await t.db.selectFrom('cycle_parameters').select(['cycle_id', 'patch']).orderBy('cycle_id').execute();
  return { counts, persons, evaluations, versions, stages, submissions, parameters };
}

async function call(s: SignedIn | null, method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const init: RequestInit = { method, ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}) };
  const res = await app.request(path, s ? withAuth(s, init) : init);
  return { status: res.status, body: (await res.json()) as Json };
}

/** Refused with 403 Forbidden naming `unit` (when given), and nothing changed. */
async function forbidden(s: SignedIn, method: string, path: string, body?: unknown, unit?: string): Promise<Json> {
  const before = await snapshot();
  const res = await call(s, method, path, body);
  expect([res.status, res.body.error?.code], `${method} ${path}`).toEqual([403, 'Forbidden']);
  if (unit) expect(res.body.error.message.vi).toContain(`«${unit}»`);
  expect(await snapshot()).toEqual(before);
  return res.body.error;
}

/**
 * Refused as if the card number did not exist (404, the same words as for an unknown one), naming no
 * cell, changing nothing: which card numbers exist outside one's scope is not told (issue #11 item 8).
 */
async function hidden(s: SignedIn, method: string, path: string, body?: unknown): Promise<void> {
  const before = await snapshot();
  const res = await call(s, method, path, body);
  const card = /\/persons\/([^/]+)/.exec(path)?.[1] ?? (body as { cardNumber?: string }).cardNumber!;
  const unknown = await call(s, 'GET', '/api/persons/99.999');
  expect([res.status, res.body.error?.code], `${method} ${path}`).toEqual([404, 'PersonNotFound']);
  expect(res.body.error.message).toEqual({ vi: unknown.body.error.message.vi.replace('99.999', card), en: unknown.body.error.message.en.replace('99.999', card) });
  expect(JSON.stringify(res.body)).not.toMatch(/CB-|XA-/);
  expect(await snapshot()).toEqual(before);
}

/** Answered with `status` (never 403). */
async function allowed(s: SignedIn, method: string, path: string, body?: unknown, status = 200): Promise<Json> {
  const res = await call(s, method, path, body);
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBe(status);
  return res.body;
}

const version = async (id: string): Promise<number> => (await t.db.selectFrom('evaluations').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

/** One entry per route: the clerk of CB-A against CB-B's data (403) and against its own (not 403). */
const TABLE: Record<string, () => Promise<void>> = {
  'POST /api/auth/logout': async () => {
    const throwaway = await signIn(app, t.db, { role: 'clerk', scope: 'CB-A' });
    await allowed(throwaway, 'POST', '/api/auth/logout');
    expect((await call(throwaway, 'GET', '/api/auth/me')).status).toBe(401);
  },
  'GET /api/auth/me': async () => {
    expect((await allowed(as.clerk, 'GET', '/api/auth/me')).user).toMatchObject({ role: 'clerk', scopeUnitCode: 'CB-A' });
  },
  'GET /api/cycles': async () => {
    expect((await allowed(as.clerk, 'GET', '/api/cycles')).cycles).toHaveLength(1);
  },
  'POST /api/cycles': async () => {
    await forbidden(as.clerk, 'POST', '/api/cycles', { year: 2023, referenceDate: '2023-12-31' });
    await forbidden(as.compiler, 'POST', '/api/cycles', { year: 2023, referenceDate: '2023-12-31' });
    await allowed(as.admin, 'POST', '/api/cycles', { year: 2023, referenceDate: '2023-12-31' }, 201);
  },
  'GET /api/cycles/:year': async () => {
    await allowed(as.clerk, 'GET', '/api/cycles/2022');
  },
  'PUT /api/cycles/:year/deadlines': async () => {
    const body = { deadlines: [{ level: 'cell', dueOn: '2022-12-15' }] };
    await forbidden(as.clerk, 'PUT', '/api/cycles/2022/deadlines', body);
    await allowed(as.admin, 'PUT', '/api/cycles/2022/deadlines', body);
  },
  'GET /api/cycles/:year/topics': async () => {
    const topics = (await allowed(as.clerk, 'GET', '/api/cycles/2022/topics')).topics as Json[];
    expect(topics.map((x) => x.subjectRef)).toEqual(['10.001']);
    expect((await allowed(as.admin, 'GET', '/api/cycles/2022/topics')).topics).toHaveLength(2);
  },
  'POST /api/cycles/:year/topics': async () => {
    const topic = (ref: string, by: string) => ({ subjectKind: 'member', subjectRef: ref, managedBy: 'co_so.chi_bo', assignedByUnit: by, topic: 'Làm rõ trách nhiệm' });
    await forbidden(as.clerk, 'POST', '/api/cycles/2022/topics', topic('10.002', 'CB-B'), 'CB-B');
    await forbidden(as.clerk, 'POST', '/api/cycles/2022/topics', topic('10.001', 'XA-A'), 'XA-A');
    await allowed(as.clerk, 'POST', '/api/cycles/2022/topics', topic('10.001', 'CB-A'), 201);
  },
  'GET /api/cycles/:year/evaluations': async () => {
    await forbidden(as.clerk, 'GET', '/api/cycles/2022/evaluations?unit=CB-B', undefined, 'CB-B');
    expect((await allowed(as.clerk, 'GET', '/api/cycles/2022/evaluations?unit=CB-A')).evaluations).not.toHaveLength(0);
    const all = (await allowed(as.clerk, 'GET', '/api/cycles/2022/evaluations')).evaluations as Json[];
    expect(new Set(all.map((e) => e.unitCode))).toEqual(new Set(['CB-A']));
    expect(((await allowed(as.admin, 'GET', '/api/cycles/2022/evaluations')).evaluations as Json[]).some((e) => e.unitCode === 'CB-B')).toBe(true);
  },
  'POST /api/cycles/:year/evaluations': async () => {
    await forbidden(as.clerk, 'POST', '/api/cycles/2022/evaluations', { subjectKind: 'member', subjectRef: '10.004', note: 'Ghi chú' }, 'CB-B');
    await allowed(as.clerk, 'POST', '/api/cycles/2022/evaluations', { subjectKind: 'member', subjectRef: '10.003', note: 'Ghi chú' }, 201);
  },
  'GET /api/evaluations/:id': async () => {
    await forbidden(as.clerk, 'GET', `/api/evaluations/${ids.evalB}`, undefined, 'CB-B');
    await allowed(as.clerk, 'GET', `/api/evaluations/${ids.evalA}`);
  },
  'PATCH /api/evaluations/:id': async () => {
    await forbidden(as.clerk, 'PATCH', `/api/evaluations/${ids.evalB}`, { version: await version(ids.evalB!), note: 'Ghi chú' }, 'CB-B');
    await allowed(as.clerk, 'PATCH', `/api/evaluations/${ids.evalA}`, { version: await version(ids.evalA!), note: 'Ghi chú' });
  },
  'POST /api/evaluations/:id/regrade': async () => {
    const body = { grade: 'HTT', reason: 'Rà soát lại' };
    await forbidden(as.compiler, 'POST', `/api/evaluations/${ids.evalOut}/regrade`, body, 'CB-X');
    await forbidden(as.clerk, 'POST', `/api/evaluations/${ids.evalPub}/regrade`, body); // a clerk never decides
    await forbidden(as.compiler, 'POST', `/api/evaluations/${ids.evalPub}/regrade`, { ...body, byUnit: 'HUYEN-2' }, 'HUYEN-2');
    await allowed(as.compiler, 'POST', `/api/evaluations/${ids.evalPub}/regrade`, body);
  },
  'POST /api/units': async () => {
    const unit = (code: string, parentCode: string) => ({ code, name: `Tổ ${code}`, kind: 'cell', parentCode, validFrom: '2020-01-01' });
    await forbidden(as.clerk, 'POST', '/api/units', unit('TO-B', 'CB-B'), 'CB-B');
    await forbidden(as.compiler, 'POST', '/api/units', { code: 'ROOT2', name: 'Gốc', kind: 'province_committee', validFrom: '2020-01-01' });
    // In its own scope the clerk is not refused access; a cell under a cell is refused as a tree (422).
    expect((await call(as.clerk, 'POST', '/api/units', unit('TO-A', 'CB-A'))).body.error.code).toBe('KindNotAllowed');
    await allowed(as.compiler, 'POST', '/api/units', unit('TO-A', 'XA-A'), 201);
  },
  'POST /api/units/merge': async () => {
    await forbidden(as.clerk, 'POST', '/api/units/merge', { on: '2025-07-01', sources: ['CB-B'], into: 'CB-A' }, 'CB-B');
    await forbidden(as.clerk, 'POST', '/api/units/merge', { on: '2025-07-01', sources: ['CB-A'], newUnit: { code: 'XA-AB', name: 'Xã AB', kind: 'grassroots_committee', parentCode: 'TINH' } }, 'TINH');
    await allowed(as.admin, 'POST', '/api/units', { code: 'CB-A9', name: 'Chi bộ A9', kind: 'cell', parentCode: 'XA-A', validFrom: '2020-01-01' }, 201);
    await allowed(as.compiler, 'POST', '/api/units/merge', { on: '2025-07-01', sources: ['CB-A9'], into: 'CB-A' }, 201);
  },
  'POST /api/units/:code/split': async () => {
    await forbidden(as.clerk, 'POST', '/api/units/CB-B/split', { on: '2025-07-01', keepSource: true, parts: [{ into: 'CB-A' }] }, 'CB-B');
    await allowed(as.admin, 'POST', '/api/units', { code: 'CB-A8', name: 'Chi bộ A8', kind: 'cell', parentCode: 'XA-A', validFrom: '2020-01-01' }, 201);
    await forbidden(as.clerk, 'POST', '/api/units/CB-A8/split', { on: '2025-07-01', keepSource: true, parts: [{ into: 'CB-A' }] }, 'CB-A8');
    await allowed(as.compiler, 'POST', '/api/units/CB-A8/split', { on: '2025-07-01', keepSource: true, parts: [{ newUnit: { code: 'CB-A7', name: 'Chi bộ A7', kind: 'cell' } }] }, 201);
  },
  'GET /api/units/:code/years': async () => {
    await forbidden(as.clerk, 'GET', '/api/units/CB-B/years', undefined, 'CB-B');
    expect((await allowed(as.clerk, 'GET', '/api/units/CB-A/years')).years).toEqual(expect.any(Array));
  },
  'GET /api/units/:code/restructurings': async () => {
    await forbidden(as.clerk, 'GET', '/api/units/CB-B/restructurings', undefined, 'CB-B');
    await allowed(as.clerk, 'GET', '/api/units/CB-A/restructurings');
  },
  'GET /api/openapi.json': async () => {
    expect((await allowed(as.viewer, 'GET', '/api/openapi.json')).openapi).toBe('3.1.0');
  },
  'GET /api/imports/template': async () => {
    expect((await app.request('/api/imports/template', withAuth(as.clerk))).status).toBe(200);
  },
  'POST /api/imports': async () => {
    await forbidden(as.viewer, 'POST', '/api/imports', {});
    // A clerk may import, but only under its own unit: a row for CB-B is refused in the report, nothing written.
    const before = await snapshot();
    const file = await workbook({ 'Đơn vị': [['code', 'name', 'kind', 'parentCode', 'validFrom'], ['TO-B9', 'Tổ', 'cell', 'XA-B', '2020-01-01']] });
    const form = new FormData();
    form.append('file', new File([file.bytes], file.name));
    const res = await app.request('/api/imports', withAuth(as.clerk, { method: 'POST', body: form }));
    expect(res.status).toBe(202);
    const report = await finishedImport(as.clerk, ((await res.json()) as Json).job.id);
    expect(report.errors.map((e: Json) => [e.code, e.value])).toEqual([['Forbidden', 'XA-B']]);
    expect(await snapshot()).toEqual(before);
  },
  'GET /api/imports/:id': async () => {
    const res = await app.request('/api/imports?dryRun=1&name=units.csv', withAuth(as.admin, { method: 'POST', body: 'code,name,kind,validFrom\r\n' }));
    const id = ((await res.json()) as Json).job.id as string;
    await finishedImport(as.admin, id);
    expect((await call(as.clerk, 'GET', `/api/imports/${id}`)).status).toBe(404); // another user's job is not shown
  },
  'GET /api/exports/workbook': async () => {
    await forbidden(as.clerk, 'GET', '/api/exports/workbook?unit=CB-B', undefined, 'CB-B');
    expect((await app.request('/api/exports/workbook', withAuth(as.clerk))).status).toBe(200);
  },
  'GET /api/exports/csv': async () => {
    await forbidden(as.clerk, 'GET', '/api/exports/csv?unit=CB-B', undefined, 'CB-B');
    expect((await app.request('/api/exports/csv?unit=CB-A', withAuth(as.clerk))).status).toBe(200);
  },
  'GET /api/units/:code': async () => {
    await forbidden(as.clerk, 'GET', '/api/units/CB-B?date=2022-12-31', undefined, 'CB-B');
    await forbidden(as.clerk, 'GET', '/api/units/XA-A?date=2022-12-31', undefined, 'XA-A');
    await allowed(as.clerk, 'GET', '/api/units/CB-A?date=2022-12-31');
  },
  'GET /api/units/:code/children': async () => {
    await forbidden(as.clerk, 'GET', '/api/units/CB-B/children', undefined, 'CB-B');
    await allowed(as.clerk, 'GET', '/api/units/CB-A/children');
  },
  'GET /api/units/:code/subtree': async () => {
    await forbidden(as.clerk, 'GET', '/api/units/HUYEN/subtree', undefined, 'HUYEN');
    await allowed(as.clerk, 'GET', '/api/units/CB-A/subtree');
  },
  'GET /api/units/:code/versions': async () => {
    await forbidden(as.clerk, 'GET', '/api/units/CB-B/versions', undefined, 'CB-B');
    await allowed(as.clerk, 'GET', '/api/units/CB-A/versions');
  },
  'POST /api/units/:code/changes': async () => {
    await forbidden(as.clerk, 'POST', '/api/units/CB-B/changes', { from: '2023-01-01', name: 'Đổi tên' }, 'CB-B');
    await forbidden(as.clerk, 'POST', '/api/units/CB-A/changes', { from: '2023-01-01', parentCode: 'XA-B' }, 'XA-B');
    await allowed(as.clerk, 'POST', '/api/units/CB-A/changes', { from: '2023-01-01', name: 'Chi bộ bản A (đổi tên)' }, 201);
  },
  'GET /api/units/:code/members': async () => {
    await forbidden(as.clerk, 'GET', '/api/units/CB-B/members?date=2022-12-31', undefined, 'CB-B');
    await forbidden(as.clerk, 'GET', '/api/units/XA-A/members?date=2022-12-31&subtree=1', undefined, 'XA-A');
    expect((await allowed(as.clerk, 'GET', '/api/units/CB-A/members?date=2022-12-31')).members).not.toHaveLength(0);
  },
  'GET /api/persons': async () => {
    // An unfiltered search is cut to the scope: another cell's member is simply not found.
    expect((await allowed(as.clerk, 'GET', '/api/persons?q=Bình')).persons).toEqual([]);
    expect(((await allowed(as.clerk, 'GET', '/api/persons?q=10.002')).persons as Json[])).toEqual([]);
    expect(((await allowed(as.clerk, 'GET', '/api/persons?q=An')).persons as Json[]).map((p) => p.cardNumber)).toEqual(['10.001']);
    expect(((await allowed(as.admin, 'GET', '/api/persons?q=Bình')).persons as Json[]).map((p) => p.cardNumber)).toEqual(['10.002']);
  },
  'POST /api/persons': async () => {
    const person = (cardNumber: string) => ({ cardNumber, fullName: 'Người Mới', sex: 'nu', admittedOn: '2020-01-01' });
    await forbidden(as.viewer, 'POST', '/api/persons', person('10.090'));
    await allowed(as.clerk, 'POST', '/api/persons', person('10.091'), 201);
  },
  'GET /api/persons/:card': async () => {
    await hidden(as.clerk, 'GET', '/api/persons/10.002');
    await allowed(as.clerk, 'GET', '/api/persons/10.001');
  },
  'PATCH /api/persons/:card': async () => {
    await hidden(as.clerk, 'PATCH', '/api/persons/10.002', { fullName: 'Tên khác' });
    await allowed(as.clerk, 'PATCH', '/api/persons/10.001', { fullName: 'Nguyễn Văn An' });
  },
  'POST /api/persons/:card/memberships': async () => {
    await hidden(as.clerk, 'POST', '/api/persons/10.002/memberships', { unitCode: 'CB-A', validFrom: '2024-01-01' });
    await forbidden(as.clerk, 'POST', '/api/persons/10.050/memberships', { unitCode: 'CB-B', validFrom: '2024-01-01' }, 'CB-B');
    await allowed(as.clerk, 'POST', '/api/persons/10.050/memberships', { unitCode: 'CB-A', validFrom: '2024-01-01' }, 201);
  },
  'POST /api/persons/:card/transfer': async () => {
    await hidden(as.clerk, 'POST', '/api/persons/10.002/transfer', { toUnitCode: 'CB-A', on: '2024-01-01' });
    await forbidden(as.clerk, 'POST', '/api/persons/10.001/transfer', { toUnitCode: 'CB-B', on: '2024-01-01' }, 'CB-B');
    // Within its own cell the transfer is refused for what it is (already there), not for scope.
    expect((await call(as.clerk, 'POST', '/api/persons/10.001/transfer', { toUnitCode: 'CB-A', on: '2024-01-01' })).body.error.code).toBe('ValidationFailed');
  },
  'GET /api/persons/:card/events': async () => {
    await hidden(as.clerk, 'GET', '/api/persons/10.002/events');
    await allowed(as.clerk, 'GET', '/api/persons/10.001/events');
  },
  'POST /api/persons/:card/events': async () => {
    const event = { kind: 'exempt', startsOn: '2022-03-01' };
    await hidden(as.clerk, 'POST', '/api/persons/10.002/events', event);
    await allowed(as.clerk, 'POST', '/api/persons/10.001/events', event, 201);
  },
  'GET /api/units/:code/collectives': async () => {
    await forbidden(as.clerk, 'GET', '/api/units/CB-B/collectives', undefined, 'CB-B');
    expect((await allowed(as.clerk, 'GET', '/api/units/CB-A/collectives')).collectives).toHaveLength(1);
  },
  'POST /api/collectives': async () => {
    const col = (code: string, unitCode: string) => ({ code, unitCode, name: 'Tập thể', kind: 'doan_the', level: 'co_so', validFrom: '2020-01-01' });
    await forbidden(as.clerk, 'POST', '/api/collectives', col('COL-B2', 'CB-B'), 'CB-B');
    await allowed(as.clerk, 'POST', '/api/collectives', col('COL-A2', 'CB-A'), 201);
  },
  'GET /api/collectives/:code': async () => {
    await forbidden(as.clerk, 'GET', '/api/collectives/COL-B', undefined, 'CB-B');
    await allowed(as.clerk, 'GET', '/api/collectives/COL-A');
  },
  'GET /api/units/:code/positions': async () => {
    await forbidden(as.clerk, 'GET', '/api/units/CB-B/positions', undefined, 'CB-B');
    await allowed(as.clerk, 'GET', '/api/units/CB-A/positions');
  },
  'POST /api/positions': async () => {
    const pos = (cardNumber: string, unitCode: string) => ({ cardNumber, unitCode, positionGroup: 'co_so.bi_thu', title: 'Bí thư chi bộ', validFrom: '2021-01-01' });
    await forbidden(as.clerk, 'POST', '/api/positions', pos('10.002', 'CB-B'), 'CB-B');
    await hidden(as.clerk, 'POST', '/api/positions', pos('10.002', 'CB-A'));
    // The deciding body it names is a reference like any other: outside the clerk's scope, refused (issue #11 item 4).
    await forbidden(as.clerk, 'POST', '/api/positions', { ...pos('10.001', 'CB-A'), decidingUnitCode: 'XA-A' }, 'XA-A');
    await forbidden(as.clerk, 'POST', '/api/positions', { ...pos('10.001', 'CB-A'), decidingUnitCode: 'HUYEN-2' }, 'HUYEN-2');
    await allowed(as.clerk, 'POST', '/api/positions', pos('10.001', 'CB-A'), 201);
  },
};

/** Forms (FORMS.md): a unit's forms cover its subtree, so reading them needs that unit in scope. */
Object.assign(TABLE, {
  'GET /api/forms/:unitCode/:year': async () => {
    await forbidden(as.clerk, 'GET', '/api/forms/CB-B/2022', undefined, 'CB-B');
    await forbidden(as.clerk, 'GET', '/api/forms/HUYEN/2022', undefined, 'HUYEN');
    await allowed(as.clerk, 'GET', '/api/forms/CB-A/2022');
  },
  'GET /api/forms/:unitCode/:year/check': async () => {
    await forbidden(as.clerk, 'GET', '/api/forms/CB-B/2022/check', undefined, 'CB-B');
    await allowed(as.clerk, 'GET', '/api/forms/CB-A/2022/check');
  },
  'POST /api/forms/:unitCode/:year/import': async () => {
    await forbidden(as.clerk, 'POST', '/api/forms/CB-B/2022/import', {}, 'CB-B');
    await forbidden(as.viewer, 'POST', '/api/forms/CB-A/2022/import', {});
    // The clerk's own cell gets past the check; what the import thinks of an empty document is its own answer.
    expect([401, 403]).not.toContain((await call(as.clerk, 'POST', '/api/forms/CB-A/2022/import', {})).status);
  },
  'GET /api/forms/:unitCode/:year/xlsx': async () => {
    await forbidden(as.clerk, 'GET', '/api/forms/CB-B/2022/xlsx', undefined, 'CB-B');
    expect((await app.request('/api/forms/CB-A/2022/xlsx', withAuth(as.clerk))).status).toBe(200);
  },
  'POST /api/forms/check': async () => {
    // Any signed-in user may check a document (it writes nothing); a malformed one is its own answer.
    await notRefused(as.viewer, 'POST', '/api/forms/check', {});
  },
  'POST /api/forms/verify': async () => {
    await forbidden(as.clerk, 'POST', '/api/forms/verify');
    await forbidden(as.compiler, 'POST', '/api/forms/verify?fix=1');
    await allowed(as.admin, 'POST', '/api/forms/verify?cycle=2022');
  },
  'GET /api/forms/:unitCode/:year/:form': async () => {
    await forbidden(as.clerk, 'GET', '/api/forms/CB-B/2022/TC', undefined, 'CB-B');
    await allowed(as.clerk, 'GET', '/api/forms/CB-A/2022/TC');
  },
  'GET /api/forms/:unitCode/:year/:form/trace': async () => {
    await forbidden(as.clerk, 'GET', '/api/forms/CB-B/2022/TC/trace?row=tccsd.graded.htt&col=total', undefined, 'CB-B');
    await allowed(as.clerk, 'GET', '/api/forms/CB-A/2022/TC/trace?row=tccsd.graded.htt&col=total');
  },
} satisfies Record<string, () => Promise<void>>);

/** Answered, whatever the answer, without a 401 or 403: the check let the request through to the service. */
async function notRefused(s: SignedIn, method: string, path: string, body?: unknown): Promise<number> {
  const res = await call(s, method, path, body);
  expect([401, 403], `${method} ${path}: ${JSON.stringify(res.body).slice(0, 300)}`).not.toContain(res.status);
  return res.status;
}

/** Reports (issue #5): the unit's report needs the unit in scope; the template is the administrator's. */
Object.assign(TABLE, {
  'GET /api/reports/:unitCode/:year': async () => {
    await forbidden(as.clerk, 'GET', '/api/reports/CB-B/2022', undefined, 'CB-B');
    await notRefused(as.clerk, 'GET', '/api/reports/CB-A/2022');
  },
  'PUT /api/reports/:unitCode/:year': async () => {
    await forbidden(as.clerk, 'PUT', '/api/reports/CB-B/2022', { place: 'Tam Đường' }, 'CB-B');
    await forbidden(as.viewer, 'PUT', '/api/reports/CB-A/2022', { place: 'Tam Đường' });
    await notRefused(as.clerk, 'PUT', '/api/reports/CB-A/2022', { place: 'Tam Đường' });
  },
  'GET /api/reports/:unitCode/:year/values': async () => {
    await forbidden(as.clerk, 'GET', '/api/reports/CB-B/2022/values', undefined, 'CB-B');
    await notRefused(as.clerk, 'GET', '/api/reports/CB-A/2022/values');
  },
  'GET /api/reports/:unitCode/:year/docx': async () => {
    await forbidden(as.clerk, 'GET', '/api/reports/CB-B/2022/docx', undefined, 'CB-B');
    expect((await app.request('/api/reports/CB-A/2022/docx', withAuth(as.clerk))).status).not.toBe(403);
  },
  'GET /api/reports/:unitCode/:year/pdf': async () => {
    await forbidden(as.clerk, 'GET', '/api/reports/HUYEN/2022/pdf', undefined, 'HUYEN');
    await forbidden(as.clerk, 'GET', '/api/reports/CB-B/2022/pdf', undefined, 'CB-B');
    expect((await app.request('/api/reports/CB-A/2022/pdf', withAuth(as.clerk))).status).not.toBe(403);
  },
  'GET /api/report-templates/active': async () => {
    expect((await app.request('/api/report-templates/active', withAuth(as.viewer))).status).toBe(200);
  },
  'PUT /api/report-templates/active': async () => {
    await forbidden(as.clerk, 'PUT', '/api/report-templates/active', {});
    await forbidden(as.compiler, 'PUT', '/api/report-templates/active', {});
  },
} satisfies Record<string, () => Promise<void>>);

/** The grading workflow: an evaluation's steps need its unit in scope, and the acting unit too when one is named. */
Object.assign(TABLE, {
  'GET /api/evaluations/:id/check': async () => {
    await forbidden(as.clerk, 'GET', `/api/evaluations/${ids.evalB}/check?grade=HTT`, undefined, 'CB-B');
    await notRefused(as.clerk, 'GET', `/api/evaluations/${ids.evalA}/check?grade=HTT`);
  },
  'GET /api/evaluations/:id/workflow': async () => {
    await forbidden(as.clerk, 'GET', `/api/evaluations/${ids.evalB}/workflow`, undefined, 'CB-B');
    await notRefused(as.clerk, 'GET', `/api/evaluations/${ids.evalA}/workflow`);
  },
  'POST /api/evaluations/:id/self-assess': async () => {
    await forbidden(as.clerk, 'POST', `/api/evaluations/${ids.evalB}/self-assess`, { grade: 'HTT' }, 'CB-B');
    await notRefused(as.clerk, 'POST', `/api/evaluations/${ids.evalA}/self-assess`, { grade: 'HTT' });
  },
  'POST /api/evaluations/:id/opinions': async () => {
    await forbidden(as.clerk, 'POST', `/api/evaluations/${ids.evalB}/opinions`, { bodyName: 'Chi ủy', comment: 'Đồng ý' }, 'CB-B');
    await notRefused(as.clerk, 'POST', `/api/evaluations/${ids.evalA}/opinions`, { bodyName: 'Chi ủy', comment: 'Đồng ý' });
  },
  'POST /api/evaluations/:id/propose': async () => {
    await forbidden(as.clerk, 'POST', `/api/evaluations/${ids.evalB}/propose`, { grade: 'HTT' }, 'CB-B');
    await forbidden(as.clerk, 'POST', `/api/evaluations/${ids.evalB}/propose`, { grade: 'HTT', byUnit: 'CB-A' }, 'CB-B');
    await notRefused(as.clerk, 'POST', `/api/evaluations/${ids.evalA}/propose`, { grade: 'HTT', byUnit: 'CB-A' });
  },
  'POST /api/evaluations/:id/appraise': async () => {
    await forbidden(as.compiler, 'POST', `/api/evaluations/${ids.evalOut}/appraise`, { comment: 'Thẩm định' }, 'CB-X');
    await forbidden(as.compiler, 'POST', `/api/evaluations/${ids.evalOut}/appraise`, { comment: 'Thẩm định', byUnit: 'HUYEN' }, 'CB-X');
    await notRefused(as.compiler, 'POST', `/api/evaluations/${ids.evalA}/appraise`, { comment: 'Thẩm định', byUnit: 'HUYEN' });
    // A clerk does not appraise its own unit's subjects (QĐ 366 Điều 12 khoản 1 bước 2); a clerk of a committee above may.
    const own = await forbidden(as.clerk, 'POST', `/api/evaluations/${ids.evalA}/appraise`, { comment: 'Thẩm định' }, 'CB-A');
    expect(own.message.vi).toContain('thẩm định thuộc Ban Tổ chức hoặc cấp ủy cấp trên');
    const clerkXa = await signIn(app, t.db, { role: 'clerk', scope: 'XA-A' });
    await notRefused(clerkXa, 'POST', `/api/evaluations/${ids.evalA}/appraise`, { comment: 'Thẩm định', byUnit: 'XA-A' });
  },
  'POST /api/evaluations/:id/decide': async () => {
    await forbidden(as.clerk, 'POST', `/api/evaluations/${ids.evalA}/decide`, { grade: 'HTT', decidingUnit: 'CB-A' }); // a clerk never decides
    await forbidden(as.compiler, 'POST', `/api/evaluations/${ids.evalOut}/decide`, { grade: 'HTT', decidingUnit: 'HUYEN' }, 'CB-X');
    await notRefused(as.compiler, 'POST', `/api/evaluations/${ids.evalA}/decide`, { grade: 'HTT', decidingUnit: 'XA-A' });
  },
  'POST /api/evaluations/:id/publish': async () => {
    await forbidden(as.clerk, 'POST', `/api/evaluations/${ids.evalA}/publish`, { byUnit: 'CB-A' });
    await forbidden(as.compiler, 'POST', `/api/evaluations/${ids.evalOut}/publish`, { byUnit: 'HUYEN' }, 'CB-X');
    await notRefused(as.compiler, 'POST', `/api/evaluations/${ids.evalA}/publish`, { byUnit: 'XA-A' });
  },
  'POST /api/evaluations/:id/complaint': async () => {
    await forbidden(as.clerk, 'POST', `/api/evaluations/${ids.evalB}/complaint`, { comment: 'Đơn thư' }, 'CB-B');
    await notRefused(as.clerk, 'POST', `/api/evaluations/${ids.evalA}/complaint`, { comment: 'Đơn thư' });
  },
  'POST /api/evaluations/:id/reverify': async () => {
    await forbidden(as.clerk, 'POST', `/api/evaluations/${ids.evalA}/reverify`, { byUnit: 'XA-A', comment: 'Đã xác minh' }); // a clerk never re-verifies
    await forbidden(as.compiler, 'POST', `/api/evaluations/${ids.evalOut}/reverify`, { byUnit: 'HUYEN', comment: 'Đã xác minh' }, 'CB-X');
    await notRefused(as.compiler, 'POST', `/api/evaluations/${ids.evalA}/reverify`, { byUnit: 'XA-A', comment: 'Đã xác minh' });
  },
  'POST /api/evaluations/:id/eligibility': async () => {
    const body = { status: 'eligible', reason: 'Rà soát' };
    await forbidden(as.clerk, 'POST', `/api/evaluations/${ids.evalA}/eligibility`, body);
    await forbidden(as.compiler, 'POST', `/api/evaluations/${ids.evalOut}/eligibility`, body, 'CB-X');
    await notRefused(as.compiler, 'POST', `/api/evaluations/${ids.evalA}/eligibility`, body);
  },
  'PUT /api/cycles/:year/parameters': async () => {
    const body = { parameters: { caps: { member: { base: 'HTT+HTXS' } } } };
    await forbidden(as.clerk, 'PUT', '/api/cycles/2022/parameters', body);
    await forbidden(as.compiler, 'PUT', '/api/cycles/2022/parameters', body);
    await allowed(as.admin, 'PUT', '/api/cycles/2022/parameters', body);
    await allowed(as.admin, 'PUT', '/api/cycles/2022/parameters', { parameters: {} });
  },
  'POST /api/cycles/:year/eligibility/compute': async () => {
    await forbidden(as.clerk, 'POST', '/api/cycles/2022/eligibility/compute', { unit: 'CB-B' }, 'CB-B');
    await notRefused(as.clerk, 'POST', '/api/cycles/2022/eligibility/compute', { unit: 'CB-A' });
  },
} satisfies Record<string, () => Promise<void>>);

/** Units' reports upward, review records and the calendar. */
Object.assign(TABLE, {
  'GET /api/cycles/:year/submissions': async () => {
    await forbidden(as.clerk, 'GET', '/api/cycles/2022/submissions?unit=CB-B', undefined, 'CB-B');
    await notRefused(as.clerk, 'GET', '/api/cycles/2022/submissions?unit=CB-A');
  },
  'GET /api/cycles/:year/submissions/:unitCode/ungraded': async () => {
    await forbidden(as.clerk, 'GET', '/api/cycles/2022/submissions/CB-B/ungraded', undefined, 'CB-B');
    await notRefused(as.clerk, 'GET', '/api/cycles/2022/submissions/CB-A/ungraded');
  },
  'GET /api/cycles/:year/submissions/:unitCode/history': async () => {
    await forbidden(as.clerk, 'GET', '/api/cycles/2022/submissions/CB-B/history', undefined, 'CB-B');
    await notRefused(as.clerk, 'GET', '/api/cycles/2022/submissions/CB-A/history');
  },
  'POST /api/cycles/:year/submissions/:unitCode/:action': async () => {
    await forbidden(as.clerk, 'POST', '/api/cycles/2022/submissions/CB-B/submit', {}, 'CB-B');
    await forbidden(as.clerk, 'POST', '/api/cycles/2022/submissions/CB-A/accept', {}, 'XA-A'); // the parent accepts
    await notRefused(as.clerk, 'POST', '/api/cycles/2022/submissions/CB-A/submit', {});
  },
  'GET /api/cycles/:year/review-records': async () => {
    await forbidden(as.clerk, 'GET', '/api/cycles/2022/review-records?unit=CB-B', undefined, 'CB-B');
    await notRefused(as.clerk, 'GET', '/api/cycles/2022/review-records?unit=CB-A');
  },
  'POST /api/cycles/:year/review-records': async () => {
    const record = (subjectRef: string) => ({ subjectKind: 'collective', subjectRef, meetingStart: '2022-12-10', meetingEnd: '2022-12-10', durationDays: 1 });
    await forbidden(as.clerk, 'POST', '/api/cycles/2022/review-records', record('COL-B'), 'CB-B');
    await forbidden(as.clerk, 'POST', '/api/cycles/2022/review-records', { ...record('CB-B'), subjectKind: 'unit' }, 'CB-B');
    await notRefused(as.clerk, 'POST', '/api/cycles/2022/review-records', record('COL-A'));
  },
  'PUT /api/calendar/days': async () => {
    const day = { date: '2022-09-01', kind: 'day_off', name: 'Nghỉ bù' };
    await forbidden(as.clerk, 'PUT', '/api/calendar/days', day);
    await forbidden(as.compiler, 'PUT', '/api/calendar/days', day);
    await notRefused(as.admin, 'PUT', '/api/calendar/days', day);
  },
} satisfies Record<string, () => Promise<void>>);

/** The web pages' reads and writes (issue #9): workspace, progress, dashboard, panel, events, search, accounts. */
Object.assign(TABLE, {
  'GET /api/cycles/:year/tree': async () => {
    await forbidden(as.clerk, 'GET', '/api/cycles/2022/tree?unit=CB-B', undefined, 'CB-B');
    const own = await allowed(as.clerk, 'GET', '/api/cycles/2022/tree');
    expect((own.nodes as Json[])[0]).toMatchObject({ code: 'CB-A', depth: 0 });
    expect((own.nodes as Json[]).map((n) => n.code)).not.toContain('CB-B');
  },
  'GET /api/cycles/:year/audit': async () => {
    await forbidden(as.clerk, 'GET', '/api/cycles/2022/audit?unit=CB-B', undefined, 'CB-B');
    expect(await allowed(as.clerk, 'GET', '/api/cycles/2022/audit')).toMatchObject({ unitCode: 'CB-A', ok: expect.any(Boolean) });
  },
  'GET /api/cycles/:year/parameters': async () => {
    expect((await allowed(as.clerk, 'GET', '/api/cycles/2022/parameters')).cycle).toMatchObject({ year: 2022 });
  },
  'GET /api/dashboard/:unitCode/:year': async () => {
    await forbidden(as.compiler, 'GET', '/api/dashboard/HUYEN-2/2022', undefined, 'HUYEN-2');
    await allowed(as.compiler, 'GET', '/api/dashboard/HUYEN/2022');
  },
  'GET /api/workspace/:unitCode/:year': async () => {
    await forbidden(as.clerk, 'GET', '/api/workspace/CB-B/2022', undefined, 'CB-B');
    const own = await allowed(as.clerk, 'GET', '/api/workspace/CB-A/2022');
    expect((own.rows as Json[]).filter((r) => r.kind === 'member').map((r) => r.name)).toContain('Nguyễn Văn An');
  },
  'GET /api/evaluations/:id/panel': async () => {
    await forbidden(as.clerk, 'GET', `/api/evaluations/${ids.evalB}/panel`, undefined, 'CB-B');
    await allowed(as.clerk, 'GET', `/api/evaluations/${ids.evalA}/panel`);
  },
  'GET /api/evaluations/:id/subject': async () => {
    await forbidden(as.clerk, 'GET', `/api/evaluations/${ids.evalB}/subject`, undefined, 'CB-B');
    await allowed(as.clerk, 'GET', `/api/evaluations/${ids.evalA}/subject`);
  },
  'POST /api/evaluations/:id/events': async () => {
    const leave = { kind: 'sick_leave', startsOn: '2022-03-01', endsOn: '2022-04-01' };
    await forbidden(as.clerk, 'POST', `/api/evaluations/${ids.evalMemberB}/events`, leave, 'CB-B');
    await forbidden(as.viewer, 'POST', `/api/evaluations/${ids.evalPub}/events`, leave);
    await allowed(as.clerk, 'POST', `/api/evaluations/${ids.evalPub}/events`, leave, 201);
  },
  'DELETE /api/evaluations/:id/events/:eventId': async () => {
    const leave = { kind: 'maternity_leave', startsOn: '2022-05-01', endsOn: '2022-11-01' };
    const added = await allowed(as.clerk, 'POST', `/api/evaluations/${ids.evalPub}/events`, leave, 201);
    const ofB = await allowed(as.admin, 'POST', `/api/evaluations/${ids.evalMemberB}/events`, leave, 201);
    await forbidden(as.clerk, 'DELETE', `/api/evaluations/${ids.evalMemberB}/events/${ofB.event.id}`, undefined, 'CB-B');
    await allowed(as.clerk, 'DELETE', `/api/evaluations/${ids.evalPub}/events/${added.event.id}`);
  },
  'GET /api/evaluations/:id/facts': async () => {
    await forbidden(as.clerk, 'GET', `/api/evaluations/${ids.evalB}/facts`, undefined, 'CB-B');
    expect((await allowed(as.clerk, 'GET', `/api/evaluations/${ids.evalA}/facts`)).facts).toEqual([]);
  },
  'PUT /api/evaluations/:id/facts/:fact': async () => {
    await forbidden(as.clerk, 'PUT', `/api/evaluations/${ids.evalB}/facts/disunity`, { value: true }, 'CB-B');
    await forbidden(as.viewer, 'PUT', `/api/evaluations/${ids.evalA}/facts/disunity`, { value: true });
    const own = await allowed(as.clerk, 'PUT', `/api/evaluations/${ids.evalA}/facts/disunity`, { value: false, documentNumber: '01-KL/ĐU' });
    expect(own.fact).toMatchObject({ fact: 'disunity', value: false, documentNumber: '01-KL/ĐU', enteredBy: expect.any(String) });
  },
  'DELETE /api/evaluations/:id/facts/:fact': async () => {
    await allowed(as.admin, 'PUT', `/api/evaluations/${ids.evalB}/facts/criterionPoor`, { value: false });
    await forbidden(as.clerk, 'DELETE', `/api/evaluations/${ids.evalB}/facts/criterionPoor`, undefined, 'CB-B');
    await allowed(as.clerk, 'PUT', `/api/evaluations/${ids.evalA}/facts/criterionPoor`, { value: false });
    await allowed(as.clerk, 'DELETE', `/api/evaluations/${ids.evalA}/facts/criterionPoor`);
  },
  'GET /api/collectives/:code/members': async () => {
    await forbidden(as.clerk, 'GET', '/api/collectives/COL-B/members', undefined, 'CB-B');
    await allowed(as.clerk, 'GET', '/api/collectives/COL-A/members');
  },
  'POST /api/collectives/:code/members': async () => {
    const positionId = (await t.db.selectFrom('positions').select('id').orderBy('valid_from').executeTakeFirstOrThrow()).id;
    const seat = { positionId, validFrom: '2021-01-01' };
    await forbidden(as.clerk, 'POST', '/api/collectives/COL-B/members', seat, 'CB-B');
    await forbidden(as.viewer, 'POST', '/api/collectives/COL-A/members', seat);
    expect((await allowed(as.clerk, 'POST', '/api/collectives/COL-A/members', seat, 201)).member).toMatchObject({ cardNumber: '10.001', positionGroup: 'co_so.bi_thu' });
  },
  'POST /api/collectives/:code/members/:memberId/end': async () => {
    const positionId = (await t.db.selectFrom('positions').select('id').orderBy('valid_from').executeTakeFirstOrThrow()).id;
    const seat = await allowed(as.admin, 'POST', '/api/collectives/COL-A/members', { positionId, validFrom: '2015-01-01', validTo: '2016-01-01' }, 201);
    await forbidden(as.viewer, 'POST', `/api/collectives/COL-A/members/${seat.member.id}/end`, { validTo: '2015-06-01' });
    await forbidden(as.clerk, 'POST', `/api/collectives/COL-B/members/${seat.member.id}/end`, { validTo: '2015-06-01' }, 'CB-B');
    expect((await allowed(as.clerk, 'POST', `/api/collectives/COL-A/members/${seat.member.id}/end`, { validTo: '2015-06-01' })).member.validTo).toBe('2015-06-01');
  },
  'GET /api/search': async () => {
    const found = await allowed(as.clerk, 'GET', '/api/search?q=van');
    expect((found.persons as Json[]).map((p) => p.fullName)).toEqual(['Nguyễn Văn An']);
    expect(((await allowed(as.admin, 'GET', '/api/search?q=van')).persons as Json[]).length).toBeGreaterThan(1);
  },
  'GET /api/users': async () => {
    await forbidden(as.compiler, 'GET', '/api/users');
    expect((await allowed(as.admin, 'GET', '/api/users')).users.length).toBeGreaterThan(3);
  },
  'POST /api/users': async () => {
    const body = { username: 'moi.tao', role: 'clerk', scope: 'CB-A', password: 'mật khẩu dài' };
    await forbidden(as.compiler, 'POST', '/api/users', body);
    await allowed(as.admin, 'POST', '/api/users', body, 201);
  },
  'PATCH /api/users/:username': async () => {
    await forbidden(as.clerk, 'PATCH', `/api/users/${as.viewer.user.username}`, { displayName: 'Tên mới' });
    await allowed(as.admin, 'PATCH', `/api/users/${as.viewer.user.username}`, { displayName: 'Tên mới' });
  },
  'POST /api/users/:username/password': async () => {
    const throwaway = await signIn(app, t.db, { role: 'viewer', scope: 'CB-A' });
    await forbidden(as.compiler, 'POST', `/api/users/${throwaway.user.username}/password`, {});
    expect((await allowed(as.admin, 'POST', `/api/users/${throwaway.user.username}/password`, {})).password).toMatch(/^\S{12,}$/);
  },
  'POST /api/users/:username/unlock': async () => {
    await forbidden(as.compiler, 'POST', `/api/users/${as.viewer.user.username}/unlock`, {});
    await forbidden(as.clerk, 'POST', `/api/users/${as.viewer.user.username}/unlock`, {});
    expect((await allowed(as.admin, 'POST', `/api/users/${as.viewer.user.username}/unlock`, {})).cleared).toBe(0);
  },
  'GET /api/calendar/days': async () => {
    expect((await allowed(as.viewer, 'GET', '/api/calendar/days')).days).toEqual(expect.any(Array));
  },
  'GET /api/audit': async () => {
    await forbidden(as.compiler, 'GET', '/api/audit');
    await forbidden(as.viewer, 'GET', '/api/audit');
    expect((await allowed(as.admin, 'GET', '/api/audit?limit=5')).entries.length).toBe(5);
  },
  'GET /api/audit/verify': async () => {
    await forbidden(as.compiler, 'GET', '/api/audit/verify');
    expect((await allowed(as.admin, 'GET', '/api/audit/verify')).intact).toBe(true);
  },
  'GET /api/forms/:unitCode/:year/layout': async () => {
    await forbidden(as.clerk, 'GET', '/api/forms/CB-B/2022/layout', undefined, 'CB-B');
    expect((await allowed(as.clerk, 'GET', '/api/forms/CB-A/2022/layout')).forms).toHaveLength(5);
  },
  'GET /api/report-templates/active/info': async () => {
    expect((await allowed(as.clerk, 'GET', '/api/report-templates/active/info')).version).toBe('default');
  },
} satisfies Record<string, () => Promise<void>>);

/** Polls an import job until it is done and returns its report. */
async function finishedImport(s: SignedIn, id: string): Promise<Json> {
  for (;;) {
    const job = (await call(s, 'GET', `/api/imports/${id}`)).body.job as Json;
    if (job.status !== 'running') return job.report as Json;
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Routes any request may reach without a session. */
const OPEN = new Set(['GET /api/health', 'POST /api/auth/login']);

function apiRoutes(): string[] {
  const keys = app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/')).map((r) => `${r.method} ${r.path}`);
  return [...new Set(keys)];
}

describe(`every API route checks role and scope, on ${testEngine}`, () => {
  beforeAll(async () => {
    t = await createTestDb();
    app = createApp({ db: t.db, config: t.config });
    await seedScopeOrg(t.db);
    await createCycle(t.db, { year: 2022, referenceDate: '2022-12-31' });
    const evaluate = async (subjectRef: string) => (await createEvaluation(t.db, { cycleYear: 2022, subjectKind: 'unit', subjectRef, proposedGrade: 'HTT', actor: 'seed' })).id;
    ids.evalA = await evaluate('CB-A');
    ids.evalB = await evaluate('CB-B');
    ids.evalOut = await evaluate('CB-X');
    // A member decided before the workflow (derived stage: published), for the re-grade route.
    ids.evalPub = (await createEvaluation(t.db, { cycleYear: 2022, subjectKind: 'member', subjectRef: '10.001', decidedGrade: 'HTT', actor: 'seed' })).id;
    ids.evalMemberB = (await createEvaluation(t.db, { cycleYear: 2022, subjectKind: 'member', subjectRef: '10.002', actor: 'seed' })).id;
    for (const [ref, by] of [['10.001', 'CB-A'], ['10.002', 'CB-B']] as const) {
      await addReviewTopic(t.db, { cycleYear: 2022, subjectKind: 'member', subjectRef: ref, managedBy: 'co_so.chi_bo', assignedByUnit: by, topic: 'Tinh thần trách nhiệm' });
    }
    as.admin = await signIn(app, t.db, { role: 'admin', scope: 'TINH' });
    as.compiler = await signIn(app, t.db, { role: 'compiler', scope: 'HUYEN' });
    as.clerk = await signIn(app, t.db, { role: 'clerk', scope: 'CB-A' });
    as.viewer = await signIn(app, t.db, { role: 'viewer', scope: 'CB-A' });
  });
  afterAll(() => t.close());

  it('has a table entry for every API route (a new route must be listed here with its check)', () => {
    const missing = apiRoutes().filter((k) => !OPEN.has(k) && !(k in TABLE));
    expect(missing).toEqual([]);
    const stale = Object.keys(TABLE).filter((k) => !apiRoutes().includes(k));
    expect(stale).toEqual([]);
  });

  it.each(Object.keys(TABLE))('%s: another cell → 403, own cell → allowed', async (key) => {
    await TABLE[key]!();
  });

  it('answers 401 on every API route without a session, except health and login', async () => {
    for (const key of apiRoutes()) {
      const [method, path] = key.split(' ') as [string, string];
      const res = await call(null, method, path.replace(/:[A-Za-z]+/g, 'X'), method === 'GET' ? undefined : {});
      if (OPEN.has(key)) expect(res.status, key).not.toBe(401);
      else expect([res.status, res.body.error.code], key).toEqual([401, 'Unauthenticated']);
    }
    expect((await call(null, 'GET', '/api/health')).status).toBe(200);
  });

  it('a viewer reads its scope but writes nothing, not even there', async () => {
    await allowed(as.viewer, 'GET', '/api/units/CB-A/members');
    const e = await forbidden(as.viewer, 'PATCH', '/api/persons/10.001', { fullName: 'Tên khác' });
    expect(e.message.vi).toContain('không có quyền thay đổi');
    await forbidden(as.viewer, 'POST', '/api/collectives', { code: 'COL-V', unitCode: 'CB-A', name: 'x', kind: 'doan_the', level: 'co_so', validFrom: '2020-01-01' });
    await forbidden(as.viewer, 'PATCH', `/api/evaluations/${ids.evalA}`, { version: await version(ids.evalA!), note: 'x' });
  });

  it('a clerk proposes but never decides, and never creates a cycle', async () => {
    const e = await forbidden(as.clerk, 'POST', `/api/evaluations/${ids.evalA}/decide`, { grade: 'HTT', decidingUnit: 'XA-A' });
    expect(e.message.vi).toContain('không có quyền quyết định xếp loại');
    await forbidden(as.clerk, 'POST', '/api/cycles', { year: 2024, referenceDate: '2024-12-31' });
    // Nobody writes a grade through the plain routes: 400 naming the field, nothing changed.
    for (const [s, method, path, body] of [
      [as.clerk, 'PATCH', `/api/evaluations/${ids.evalA}`, { version: await version(ids.evalA!), decidedGrade: 'HTT' }],
      [as.compiler, 'PATCH', `/api/evaluations/${ids.evalA}`, { version: await version(ids.evalA!), decidedGrade: 'HTT' }],
      [as.clerk, 'POST', '/api/cycles/2022/evaluations', { subjectKind: 'member', subjectRef: '10.005', decidedGrade: 'HT' }],
    ] as const) {
      const before = await snapshot();
      const res = await call(s, method, path, body);
      expect([res.status, res.body.error.code, res.body.error.field]).toEqual([400, 'ValidationFailed', 'decidedGrade']);
      expect(await snapshot()).toEqual(before);
    }
  });

  it('the history names the signed-in user, whatever header the client sends', async () => {
    const init = withAuth(as.clerk, { method: 'PATCH', headers: { 'content-type': 'application/json', 'x-actor': 'nguoi-khac' }, body: JSON.stringify({ version: await version(ids.evalA!), note: 'Ghi chú' }) });
    expect((await app.request(`/api/evaluations/${ids.evalA}`, init)).status).toBe(200);
    const history = (await allowed(as.clerk, 'GET', `/api/evaluations/${ids.evalA}`)).history as Json[];
    expect(history.filter((h) => h.field === 'note').map((h) => h.actor)).toEqual([as.clerk.user.username]);
  });
});
