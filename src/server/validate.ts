/**
 * Request validation with zod, turning failures into AppError('ValidationFailed') that names the
 * field, so routes stay parse → call → present.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from '../domain/errors.js';

/** Formats the first zod issue as a field path and a bilingual message. */
export function zodToAppError(error: z.ZodError, where: 'body' | 'query' | 'params'): AppError {
  const issue = error.issues[0];
  const path = issue && issue.path.length > 0 ? issue.path.join('.') : where;
  const detail = issue?.message ?? 'invalid';
  return new AppError(
    'ValidationFailed',
    { vi: `Trường «${path}» không hợp lệ: ${detail}.`, en: `Field "${path}" is invalid: ${detail}.` },
    { field: path, details: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
  );
}

/** Parses and validates the JSON body. */
export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new AppError('BadJson', {
      vi: 'Nội dung gửi lên không phải JSON hợp lệ.',
      en: 'The request body is not valid JSON.',
    });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw zodToAppError(parsed.error, 'body');
  return parsed.data;
}

/** Parses and validates the query string. */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw zodToAppError(parsed.error, 'query');
  return parsed.data;
}
