/**
 * The statistical forms of a unit and cycle, live (FORMS.md §2–4): the whole form-values document,
 * one form, the trace of one cell, the checker's findings, and the import of counts for a unit that
 * reports counts only. Parse → check access (read; import: write) → call → present.
 */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { FORM_CODES, type FormCode } from '../../domain/forms/index.js';
import { checkLiveForms, getFormValues, importFormValues } from '../../services/forms.js';
import { traceCell } from '../../services/forms-trace.js';
import type { AppEnv } from '../app.js';
import { authorize } from '../authorize.js';
import { parseQuery, zodToAppError } from '../validate.js';
import { AppError } from '../../domain/errors.js';

const keyParams = z.object({ unitCode: z.string().min(1), year: z.coerce.number().int().min(1900).max(2999) });
const formParam = z.object({ form: z.enum(FORM_CODES) });
const periodQuery = z.object({ period: z.string().min(1).optional() });
const traceQuery = z.object({ period: z.string().min(1).optional(), row: z.string().min(1), col: z.string().min(1).default('total') });

function parseParams<S extends z.ZodType>(c: Context<AppEnv>, schema: S): z.infer<S> {
  const parsed = schema.safeParse(c.req.param());
  if (!parsed.success) throw zodToAppError(parsed.error, 'params');
  return parsed.data;
}

/** The unit, year and period a request names, once the user may `action` on that unit. */
async function formsKey(c: Context<AppEnv>, action: 'read' | 'write' = 'read') {
  const { unitCode, year } = parseParams(c, keyParams);
  const { period } = parseQuery(c, periodQuery);
  await authorize(c, { unitCode, action });
  return { unitCode, year, period };
}

/** The raw JSON body (the document is validated by the import itself, naming the place). */
async function jsonBody(c: Context<AppEnv>): Promise<unknown> {
  try {
    return (await c.req.json()) as unknown;
  } catch {
    throw new AppError('BadJson', { vi: 'Nội dung gửi lên không phải JSON hợp lệ.', en: 'The request body is not valid JSON.' });
  }
}

/** Routes under /api/forms/:unitCode/:year. */
export function formRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/forms/:unitCode/:year', async (c) => c.json(await getFormValues(c.var.deps.db, await formsKey(c))));
  r.get('/forms/:unitCode/:year/check', async (c) => {
    const findings = await checkLiveForms(c.var.deps.db, await formsKey(c));
    return c.json({ findings, errors: findings.filter((f) => f.severity === 'error').length });
  });
  r.post('/forms/:unitCode/:year/import', async (c) => {
    const key = await formsKey(c, 'write');
    const doc = await jsonBody(c);
    return c.json(await importFormValues(c.var.deps.db, { ...key, doc, actor: c.get('user')?.username ?? 'api' }));
  });
  r.get('/forms/:unitCode/:year/:form', async (c) => {
    const { form } = parseParams(c, formParam);
    return c.json(await getFormValues(c.var.deps.db, { ...(await formsKey(c)), form: form as FormCode }));
  });
  r.get('/forms/:unitCode/:year/:form/trace', async (c) => {
    const { form } = parseParams(c, formParam);
    const { unitCode, year } = await formsKey(c);
    const q = parseQuery(c, traceQuery);
    return c.json(await traceCell(c.var.deps.db, { unitCode, year, period: q.period, form, row: q.row, col: q.col }));
  });
  return r;
}
