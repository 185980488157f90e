/**
 * The OpenAPI 3.1 document of the API (issue #10 item 3), generated from the zod schemas the routes
 * validate with (zod 4's `z.toJSONSchema`, JSON Schema 2020-12, which OpenAPI 3.1 uses as is). Why
 * not @hono/zod-openapi (STACK.md): it wants every route declared again with `createRoute` and an
 * OpenAPIHono app, a rewrite of every route file for a description; a registry fed by the very
 * schema objects the routes pass to `parseBody`/`parseQuery` gives the same document, leaves the
 * routes as they are (parse → call → present), and the test (tests/api/openapi.test.ts) fails when
 * a route of `app.routes` is missing from it or when it lists a route the app does not have.
 */
import { z } from 'zod';
import { ERROR_CODES } from '../../domain/errors.js';
import { BODY_LIMITS, FIELD_MAX_CHARS } from '../input-bounds.js';
import { DOCUMENT_ZIP_LIMITS } from '../../services/zip-guard.js';

const MB = 1024 * 1024;
import type { RouteDoc } from './routes.js';

type Json = Record<string, unknown>;

/** The JSON Schema of a zod schema, as the request gives it (before defaults and coercions). */
function jsonSchema(schema: z.ZodType): Json {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  return rest;
}

/** `/api/units/:code` → `/api/units/{code}` and its path parameters. */
export function openApiPath(path: string): { path: string; params: string[] } {
  const params: string[] = [];
  const out = path.replace(/:([A-Za-z]+)/g, (_, name: string) => (params.push(name), `{${name}}`));
  return { path: out, params };
}

function parameters(route: RouteDoc): Json[] {
  const { params } = openApiPath(route.path);
  const pathProps = route.params ? ((jsonSchema(route.params).properties ?? {}) as Record<string, Json>) : {};
  const out: Json[] = params.map((name) => ({ name, in: 'path', required: true, schema: pathProps[name] ?? { type: 'string' } }));
  if (route.query) {
    const q = jsonSchema(route.query);
    const required = (q.required ?? []) as string[];
    for (const [name, schema] of Object.entries((q.properties ?? {}) as Record<string, Json>)) out.push({ name, in: 'query', required: required.includes(name), schema });
  }
  return out;
}

const MEDIA: Record<NonNullable<RouteDoc['returns']>, string> = {
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  zip: 'application/zip',
};

function requestBody(route: RouteDoc): Json | undefined {
  if (route.body) return { required: true, content: { 'application/json': { schema: jsonSchema(route.body) } } };
  if (!route.upload) return undefined;
  const file = { type: 'string', contentMediaType: 'application/octet-stream' };
  return {
    required: true,
    description: route.upload,
    content: { 'multipart/form-data': { schema: { type: 'object', properties: { file } } }, 'application/octet-stream': { schema: file } },
  };
}

function operation(route: RouteDoc): Json {
  const status = String(route.status ?? 200);
  const media = MEDIA[route.returns ?? 'json'];
  const body = requestBody(route);
  return {
    operationId: `${route.method}${openApiPath(route.path).path.replace(/[{}]/g, '').replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase())}`,
    tags: [route.tag],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    ...(route.public ? { security: [] } : {}),
    parameters: parameters(route),
    ...(body ? { requestBody: body } : {}),
    responses: {
      [status]: { description: route.returnsWhat ?? 'OK', content: { [media]: { schema: route.returns && route.returns !== 'json' ? { type: 'string', contentMediaType: media } : { type: 'object' } } } },
      default: { description: 'Lỗi / Error (4xx): mã lỗi, thông báo tiếng Việt và tiếng Anh, trường gây lỗi', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
    },
  };
}

/** The OpenAPI 3.1 document of the routes. */
export function buildOpenApiDocument(routes: readonly RouteDoc[], version: string): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    const p = openApiPath(route.path).path;
    paths[p] = { ...(paths[p] ?? {}), [route.method]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'xeploai API',
      version,
      description:
        'Kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên và tập thể, cá nhân cán bộ lãnh đạo, quản lý. JSON vào và ra; ngày dạng YYYY-MM-DD. Đăng nhập: POST /api/auth/login rồi gửi tiêu đề Authorization: Bearer <token> (hoặc cookie xeploai_session). / JSON in and out; dates YYYY-MM-DD; sign in with POST /api/auth/login and send the bearer token.' +
        ` Giới hạn / Limits: body ≤ ${BODY_LIMITS.json / MB} MB JSON (sign-in ${BODY_LIMITS.signIn / 1024} KB; uploads of forms and templates ${BODY_LIMITS.document / MB} MB; imports ${BODY_LIMITS.import / MB} MB) → 413; text fields ≤ ${FIELD_MAX_CHARS} characters, no control characters (NUL…) in a body, path or query → 400 naming the field; workbooks and templates ≤ ${DOCUMENT_ZIP_LIMITS.maxEntries} zip entries and ${DOCUMENT_ZIP_LIMITS.maxExpandedBytes / MB} MB expanded → 413; at most 2 workbooks read at once per user → 429. Versions: an evaluation answers ETag "<version>"; its writes take the version read as \`version\` or If-Match, a stale one → 409 with \`error.current\`.`,
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }, { cookie: [] }],
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'xeploai_session' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string', enum: [...Object.keys(ERROR_CODES), 'Internal'] },
                message: { type: 'object', required: ['vi', 'en'], properties: { vi: { type: 'string' }, en: { type: 'string' } } },
                field: { type: 'string' },
              },
            },
          },
        },
      },
    },
  };
}
