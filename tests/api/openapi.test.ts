/**
 * The API description (issue #10 item 3): the OpenAPI 3.1 document served at /api/openapi.json
 * describes every route the app has (and none it lacks), each body with the schema its route
 * validates with; the page /docs/api shows it to a signed-in reader.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UNIT_KINDS } from '../../src/domain/codes.js';
import { eventBody } from '../../src/schemas/persons.js';
import { createUnitBody } from '../../src/schemas/units.js';
import { createApp } from '../../src/server/app.js';
import { openApiPath } from '../../src/server/openapi/document.js';
import { type SignedIn, signIn, withAuth } from '../helpers/auth.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';

let t: TestDb;
let app: ReturnType<typeof createApp>;
let reader: SignedIn;
type Json = Record<string, any>;
let doc: Json;

beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, config: t.config });
  reader = await signIn(app, t.db, { role: 'viewer', scope: 'TINH', createScope: true });
  const res = await app.request('/api/openapi.json', withAuth(reader));
  expect(res.status).toBe(200);
  doc = (await res.json()) as Json;
});
afterAll(() => t.close());

/** Every API route of the app as "METHOD /path" with OpenAPI's {param} placeholders. */
function appRoutes(): string[] {
  const keys = app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/')).map((r) => `${r.method} ${openApiPath(r.path).path}`);
  return [...new Set(keys)].sort();
}

function documented(): string[] {
  return Object.entries(doc.paths as Record<string, Json>)
    .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
    .sort();
}

const bodyOf = (method: string, path: string) => doc.paths[path][method].requestBody.content['application/json'].schema as Json;

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and describes every route of the app, and only those', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(appRoutes().length).toBeGreaterThan(70);
    expect(appRoutes().filter((r) => !documented().includes(r))).toEqual([]);
    expect(documented().filter((r) => !appRoutes().includes(r))).toEqual([]);
  });

  it('gives each body the JSON Schema of the zod schema its route validates with', () => {
    const { $schema: _, ...units } = z.toJSONSchema(createUnitBody, { io: 'input' }) as Json;
    expect(bodyOf('post', '/api/units')).toEqual(units);
    expect(bodyOf('post', '/api/units').properties.kind.enum).toEqual([...UNIT_KINDS]);
    expect(Object.keys(bodyOf('post', '/api/persons/{card}/events').properties)).toEqual(Object.keys(eventBody.shape));
    expect(bodyOf('post', '/api/units/merge').required).toEqual(expect.arrayContaining(['on', 'sources']));
  });

  it('names path and query parameters, answers and errors, one operation id each', () => {
    const op = doc.paths['/api/units/{code}/subtree'].get as Json;
    expect(op.parameters.map((p: Json) => [p.name, p.in, p.required])).toEqual([['code', 'path', true], ['date', 'query', false], ['subtree', 'query', false]]);
    expect(doc.paths['/api/imports'].post.responses['202']).toBeDefined();
    expect(doc.paths['/api/forms/{unitCode}/{year}/xlsx'].get.responses['200'].content).toHaveProperty(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    expect(doc.paths['/api/auth/login'].post.security).toEqual([]);
    const ids = Object.values(doc.paths as Record<string, Json>).flatMap((ops) => Object.values(ops).map((o: Json) => o.operationId));
    expect(new Set(ids).size).toBe(ids.length);
    for (const ops of Object.values(doc.paths as Record<string, Json>)) for (const o of Object.values(ops)) expect((o as Json).responses.default.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
  });

  it('is browsable: the page lists the operations for a signed-in reader; others are sent to sign in', async () => {
    const page = await app.request('/docs/api', { headers: { cookie: reader.cookie } });
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('Tài liệu API');
    expect(text).toContain('/api/units/merge');
    expect(text).toContain('href="/api/openapi.json"');
    const anonymous = await app.request('/docs/api');
    expect([anonymous.status, anonymous.headers.get('location')]).toEqual([302, '/login?next=%2Fdocs%2Fapi']);
  });
});
