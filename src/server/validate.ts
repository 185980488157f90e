/**
 * Request validation with zod, turning failures into AppError('ValidationFailed') that names the
 * field, so routes stay parse → call → present. The English message is zod's; the Vietnamese one
 * comes from zod's bundled Vietnamese locale (zod/v4/locales/vi), with the commonest cases (a
 * missing value, a wrong type, a too short or too long text) said the way users say them.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from '../domain/errors.js';
import { messageVi, type RawIssue } from '../schemas/zod-vi.js';
import { assertCleanBody } from './input-bounds.js';

type Issue = z.core.$ZodIssue;

/** The field an issue names: its path, and for unknown keys the first unknown key. */
function fieldOf(issue: Issue | undefined, where: string): string {
  if (!issue) return where;
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) path.push(issue.keys[0]);
  return path.length > 0 ? path.join('.') : where;
}

/** The Vietnamese of an issue already made (its input is not kept: a wrong type is said as "phải là …"). */
function viOfFinal(issue: Issue): string {
  if (issue.code === 'custom') return issue.message;
  return messageVi({ ...issue, input: null } as unknown as RawIssue) ?? issue.message;
}

/**
 * Formats the first zod issue as a field path and a bilingual message. `viIssues` are the same
 * issues in Vietnamese (a second parse with the Vietnamese error map); without them the Vietnamese
 * text falls back to the English detail.
 */
export function zodToAppError(error: z.ZodError, where: 'body' | 'query' | 'params', viIssues?: readonly Issue[]): AppError {
  const issue = error.issues[0];
  const field = fieldOf(issue, where);
  const en = issue?.message ?? 'invalid';
  const vi = viIssues?.[0]?.message ?? (issue ? viOfFinal(issue) : en);
  const details = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  if (issue?.code === 'unrecognized_keys') {
    return new AppError(
      'ValidationFailed',
      { vi: `Không có trường «${field}»: hãy bỏ trường này hoặc kiểm tra lại tên trường.`, en: `Unknown field "${field}": ${en}.` },
      { field, details },
    );
  }
  return new AppError('ValidationFailed', { vi: `Trường «${field}» không hợp lệ: ${vi}.`, en: `Field "${field}" is invalid: ${en}.` }, { field, details });
}

/** Parses `input`; on failure throws ValidationFailed with zod's English and the Vietnamese wording. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, where: 'body' | 'query' | 'params'): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  // Only on failure: parse again with the Vietnamese error map (messages set on a schema still win).
  const vi = schema.safeParse(input, { error: messageVi });
  throw zodToAppError(parsed.error, where, vi.success ? undefined : vi.error.issues);
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
  assertCleanBody(raw); // lengths and control characters, naming the field (src/server/input-bounds.ts)
  return parseWith(schema, raw, 'body');
}

/** Parses and validates the query string. */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  return parseWith(schema, c.req.query(), 'query');
}
