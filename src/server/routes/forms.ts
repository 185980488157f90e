/**
 * The statistical forms of a unit and cycle, live (FORMS.md §2–4): the whole form-values document,
 * one form, the workbook, the trace of one cell, the checker's findings, and the import of counts
 * for a unit that reports counts only (JSON or the product's workbook, as a raw body or a multipart
 * upload); the check of any uploaded document; verify (and rebuild) for the administrator.
 * Parse → check access (read; import: write; verify: admin) → call → present.
 */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { FORM_CODES, type FormCode } from '../../domain/forms/index.js';
import { checkFormsDocument, checkLiveForms, formsWorkbook, importFormValues, readFormsDocument, rebuild, verify } from '../../services/forms.js';
import { traceCell } from '../../services/forms-trace.js';
import { type CachedForms, getFormValuesServed, notModified } from '../../services/forms-cache.js';
import { loadFormsView } from '../../services/forms-view.js';
import type { AppEnv } from '../app.js';
import { authorize, authorizeRole } from '../authorize.js';
import { parseQuery, parseWith } from '../validate.js';
import { AppError } from '../../domain/errors.js';

export const keyParams = z.object({ unitCode: z.string().min(1), year: z.coerce.number().int().min(1900).max(2999) });
export const formParam = z.object({ form: z.enum(FORM_CODES) });
export const periodQuery = z.object({ period: z.string().min(1).optional() });
/** `?createCycle=1`: a past year without a cycle gets one to hold the imported counts (administrator). */
export const importFormsQuery = periodQuery.extend({ createCycle: z.enum(['0', '1', 'true', 'false']).optional() });
export const traceQuery = z.object({ period: z.string().min(1).optional(), row: z.string().min(1), col: z.string().min(1).default('total') });

function parseParams<S extends z.ZodType>(c: Context<AppEnv>, schema: S): z.infer<S> {
  return parseWith(schema, c.req.param(), 'params');
}

/** The unit, year and period a request names, once the user may `action` on that unit. */
async function formsKey(c: Context<AppEnv>, action: 'read' | 'write' = 'read') {
  const { unitCode, year } = parseParams(c, keyParams);
  const { period } = parseQuery(c, periodQuery);
  await authorize(c, { unitCode, action });
  return { unitCode, year, period };
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const verifyQuery = z.object({ cycle: z.coerce.number().int().min(1900).max(2999).optional(), fix: z.enum(['0', '1', 'true', 'false']).optional() });

/**
 * The uploaded document: a multipart form's file (field `file`, else the first file), or the raw
 * body (JSON, or the workbook's bytes with any content type). Read, not yet validated.
 */
async function uploadedDocument(c: Context<AppEnv>): Promise<unknown> {
  const user = c.get('user')?.username ?? 'anonymous';
  return c.var.workbookSlots.run(user, () => readUpload(c));
}

async function readUpload(c: Context<AppEnv>): Promise<unknown> {
  if ((c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
    const form = await c.req.parseBody();
    const file = form.file instanceof File ? form.file : Object.values(form).find((v): v is File => v instanceof File);
    if (!file) {
      throw new AppError('ValidationFailed', { vi: 'Thiếu tệp tải lên (trường «file»): tệp JSON hoặc bảng tính .xlsx.', en: 'No uploaded file (field "file"): a JSON file or an .xlsx workbook.' }, { field: 'file' });
    }
    return readFormsDocument(new Uint8Array(await file.arrayBuffer()), file.name || 'file');
  }
  return readFormsDocument(new Uint8Array(await c.req.arrayBuffer()), 'body');
}

/** `attachment; filename="ascii"; filename*=UTF-8''…` (RFC 6266): the Vietnamese name where the client reads it. */
const disposition = (ascii: string, name: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * A cached form (src/services/forms-cache.ts): 304 when the client holds this version, else the
 * body; either way with its ETag, to be revalidated on each use (`no-cache`, private to the user).
 */
function served(c: Context<AppEnv>, f: CachedForms): Response {
  const headers = { etag: f.etag, 'cache-control': 'private, no-cache' };
  if (notModified(c.req.header('if-none-match'), f.etag)) return c.body(null, 304, headers);
  return c.body(f.body, 200, { ...headers, 'content-type': 'application/json; charset=UTF-8' });
}

/** Routes that target no unit: the check of an uploaded document, verify. */
function documentRoutes(r: Hono<AppEnv>): void {
  r.post('/forms/check', async (c) => {
    authorizeRole(c, 'read');
    const findings = checkFormsDocument(await uploadedDocument(c));
    return c.json({ findings, errors: findings.filter((f) => f.severity === 'error').length });
  });
  r.post('/forms/verify', async (c) => {
    authorizeRole(c, 'admin');
    const q = parseQuery(c, verifyQuery);
    const options = q.cycle === undefined ? {} : { year: q.cycle };
    const found = await verify(c.var.deps.db, options);
    if (!(q.fix === '1' || q.fix === 'true') || found.differences === 0) return c.json(found);
    const rebuilt = await rebuild(c.var.deps.db, options);
    return c.json({ ...(await verify(c.var.deps.db, options)), fixed: found, rebuilt });
  });
}

/** Routes under /api/forms: /check and /verify, and per unit and year /api/forms/:unitCode/:year/…. */
export function formRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  documentRoutes(r);
  r.get('/forms/:unitCode/:year', async (c) => served(c, await getFormValuesServed(c.var.deps.readDb ?? c.var.deps.db, await formsKey(c))));
  r.get('/forms/:unitCode/:year/check', async (c) => {
    const findings = await checkLiveForms(c.var.deps.db, await formsKey(c));
    return c.json({ findings, errors: findings.filter((f) => f.severity === 'error').length });
  });
  // The five tables laid out as printed, with the checker's findings (the forms page).
  r.get('/forms/:unitCode/:year/layout', async (c) => c.json(await loadFormsView(c.var.deps.db, await formsKey(c))));
  r.get('/forms/:unitCode/:year/xlsx', async (c) => {
    const file = await formsWorkbook(c.var.deps.db, await formsKey(c));
    return c.body(new Uint8Array(file.bytes), 200, { 'content-type': XLSX, 'content-disposition': disposition(file.asciiName, file.fileName) });
  });
  r.post('/forms/:unitCode/:year/import', async (c) => {
    const key = await formsKey(c, 'write');
    // Opening a past year's cycle to hold its counts is the administrator's, as opening any cycle.
    const createCycle = ['1', 'true'].includes(parseQuery(c, importFormsQuery).createCycle ?? '');
    if (createCycle) authorizeRole(c, 'admin');
    const doc = await uploadedDocument(c);
    return c.json(await importFormValues(c.var.deps.db, { ...key, doc, actor: c.get('user')?.username ?? 'api', createCycle }));
  });
  r.get('/forms/:unitCode/:year/:form', async (c) => {
    const { form } = parseParams(c, formParam);
    return served(c, await getFormValuesServed(c.var.deps.readDb ?? c.var.deps.db, { ...(await formsKey(c)), form: form as FormCode }));
  });
  r.get('/forms/:unitCode/:year/:form/trace', async (c) => {
    const { form } = parseParams(c, formParam);
    const { unitCode, year } = await formsKey(c);
    const q = parseQuery(c, traceQuery);
    return c.json(await traceCell(c.var.deps.db, { unitCode, year, period: q.period, form, row: q.row, col: q.col }));
  });
  return r;
}
