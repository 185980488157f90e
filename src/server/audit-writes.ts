/**
 * Every change made over HTTP goes to the audit log (issue #11 item 6): who (the signed-in user),
 * when, what (method and address), the value before (for PUT, PATCH and DELETE: what a GET of the
 * same address answered this user just before the change), the request (secrets removed) and the
 * answer, why (the body's `reason`), and from where (the client's address). Field-level changes of
 * evaluations are also logged inside their own transaction (src/db/queries/evaluation-history.ts);
 * sign-ins and sign-outs by src/server/routes/auth.ts; downloads of personal data here too.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { recordAudit } from '../db/queries/audit.js';
import { type RequestAudit, withRequestAudit } from '../db/request-audit.js';
import type { AppEnv } from './app.js';
import { clientAddress } from './client-address.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Reads that carry personal data: logged although they change nothing (so is any other download but the templates). */
const PERSONAL_EXPORTS = [/^\/api\/exports\//, /^\/api\/audit$/];
/** Downloads that hold no one's data: the import's blank workbook, the report's template. */
const BLANK = new Set(['/api/imports/template', '/api/report-templates/active']);

/** A file sent to be saved (Content-Disposition: attachment): a report, a workbook, a template. */
const isDownload = (res: Response) => /^\s*attachment/i.test(res.headers.get('content-disposition') ?? '');
/** Logged elsewhere, with more detail. */
const OWN_LOG = new Set(['/api/auth/login', '/api/auth/logout']);

const SECRET = /password|token|secret/i;

/** The value without secrets (any key naming a password or token). */
function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET.test(k) ? '[ẩn / hidden]' : redact(v)]));
  return value;
}

async function jsonOrNull(res: Response): Promise<unknown> {
  if (!(res.headers.get('content-type') ?? '').includes('application/json')) return null;
  try {
    return await res.clone().json();
  } catch {
    return null;
  }
}

/** The request's body as the handler read it (JSON), or what kind of file it was. */
async function requestSummary(c: Context<AppEnv>): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('application/json')) {
    try {
      return redact(await c.req.json());
    } catch {
      return null;
    }
  }
  const length = c.req.header('content-length');
  return type || length ? { contentType: type || null, bytes: length ? Number(length) : null } : null;
}

/**
 * Where the value a POST changes is read, for the POSTs that change a person's, a unit's or a
 * collective's records (memberships, transfers, events, dated unit changes, seats): the record read
 * just before, as the old value. Other POSTs create, or are workflow steps whose fields are logged
 * with their old values inside their own transaction (src/db/queries/evaluation-history.ts).
 */
const READ_BEFORE_POST: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^\/api\/units\/([^/]+)\/(?:changes|split)$/, (m) => `/api/units/${m[1]}/versions`],
  [/^\/api\/persons\/([^/]+)\/(?:memberships|transfer)$/, (m) => `/api/persons/${m[1]}`],
  [/^\/api\/persons\/([^/]+)\/events$/, (m) => `/api/persons/${m[1]}/events`],
  [/^\/api\/collectives\/([^/]+)\/members(?:\/[^/]+\/end)?$/, (m) => `/api/collectives/${m[1]}/members`],
];

/** The addresses to read the old value at: for PUT, PATCH and DELETE the address itself, else its parent; for some POSTs their record. */
function beforePaths(method: string, path: string): string[] {
  if (['PUT', 'PATCH', 'DELETE'].includes(method)) return [path, path.replace(/\/[^/]+\/?$/, '')].filter((p) => p !== '/api' && p !== '');
  if (method !== 'POST') return [];
  for (const [re, to] of READ_BEFORE_POST) {
    const m = re.exec(path);
    if (m) return [to(m)];
  }
  return [];
}

/** The reads of old values made here: not the user's own, so not logged (a template read before its replacement is no export). */
const ownReads = new WeakSet<Request>();

/**
 * What this user read just before changing it (PUT /api/cycles/2023/deadlines → GET of the address,
 * else of its parent /api/cycles/2023; POST /api/persons/X/memberships → GET /api/persons/X); null
 * when nothing there is readable.
 */
async function readBefore(app: Hono<AppEnv>, c: Context<AppEnv>): Promise<unknown> {
  const headers: Record<string, string> = {};
  for (const h of ['authorization', 'cookie', 'host']) {
    const v = c.req.header(h);
    if (v) headers[h] = v;
  }
  const url = new URL(c.req.url);
  for (const path of beforePaths(c.req.method, url.pathname)) {
    const read = new Request(new URL(path + url.search, url).toString(), { headers });
    ownReads.add(read);
    const res = await app.request(read, undefined, c.env);
    if (res.status === 200) return { from: `GET ${path}`, value: await jsonOrNull(res) };
  }
  return null;
}

export function auditWrites(app: Hono<AppEnv>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const path = c.req.path;
    const user = c.get('user');
    const write = !SAFE.has(c.req.method);
    if (!user || !path.startsWith('/api/') || OWN_LOG.has(path) || (!write && c.req.method !== 'GET') || ownReads.has(c.req.raw)) return next();
    const before = write ? await readBefore(app, c) : null;
    const request = write ? await requestSummary(c) : null;
    const reason = (request as { reason?: unknown } | null)?.reason;
    const entry = (action: string, newValue: unknown) => ({
      actor: user.username,
      action,
      source: clientAddress(c) ?? null,
      entity: path.split('/')[2] ?? null,
      entityKey: path,
      oldValue: before,
      newValue,
      reason: typeof reason === 'string' ? reason : null,
    });
    if (!write) {
      await next();
      const exported = PERSONAL_EXPORTS.some((re) => re.test(path)) || (isDownload(c.res) && !BLANK.has(path));
      if (c.res.status === 200 && exported) await recordAudit(c.var.deps.db, entry(`export ${path}`, { query: c.req.query(), contentType: c.res.headers.get('content-type') }));
      return;
    }
    const action = `${c.req.method} ${path}`;
    // Written by the change's own transaction when it commits (src/db/request-audit.ts).
    const audit: RequestAudit = { entry: (result) => entry(action, { request, result: redact(result) }), wrote: false, written: false, appending: false };
    await withRequestAudit(audit, () => next());
    if (c.res.status >= 400 || audit.written) return;
    // No transaction carried it (a write outside any transaction, a job started for later): appended now.
    audit.written = true;
    await recordAudit(c.var.deps.db, entry(action, { request, status: c.res.status, answer: redact(await jsonOrNull(c.res)) }));
  };
}
