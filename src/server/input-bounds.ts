/**
 * Bounds on what a request may carry (issue #11 item 3), said by the API description too:
 *   - a body of at most BODY_LIMITS (1 MB of JSON; larger for the uploads that take files; 16 KB for
 *     the sign-in), refused with 413 before it is read further — and before any sign-in check reads it;
 *   - in JSON bodies, text fields of at most FIELD_MAX_CHARS characters;
 *   - no NUL or other control character (tab, line feed and carriage return allowed in body text,
 *     where a note may span lines) in a body field, a query parameter or the path.
 * Every refusal is a 400 (413 for size) naming the field; nothing of the request runs.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../domain/errors.js';
import type { AppEnv } from './app.js';

const KB = 1024;
const MB = 1024 * KB;

/** The largest body per kind of request. */
export const BODY_LIMITS = { json: 1 * MB, signIn: 16 * KB, document: 10 * MB, import: 64 * MB } as const;
/** The longest text field of a JSON body. */
export const FIELD_MAX_CHARS = 20_000;

/** Uploads taking files (workbooks, CSV, a template), and their limit. */
function limitFor(method: string, path: string): number {
  if (path === '/api/auth/login') return BODY_LIMITS.signIn;
  if (method === 'POST' && path === '/api/imports') return BODY_LIMITS.import;
  if ((method === 'POST' && (path === '/api/forms/check' || /^\/api\/forms\/[^/]+\/[^/]+\/import$/.test(path))) || (method === 'PUT' && path === '/api/report-templates/active')) return BODY_LIMITS.document;
  return BODY_LIMITS.json;
}

const words = (n: number) => (n >= MB ? `${n / MB} MB` : `${n / KB} KB`);

/** 413 for a body over its limit (checked from Content-Length, else while it streams in). */
export function bodyLimits(): MiddlewareHandler<AppEnv> {
  const byLimit = new Map<number, MiddlewareHandler>();
  for (const maxSize of new Set(Object.values(BODY_LIMITS))) {
    byLimit.set(
      maxSize,
      bodyLimit({
        maxSize,
        onError: () => {
          throw new AppError(
            'PayloadTooLarge',
            { vi: `Nội dung gửi lên quá lớn: tối đa ${words(maxSize)} cho yêu cầu này.`, en: `The request body is too large: at most ${words(maxSize)} for this request.` },
            { field: 'body', details: { maxBytes: maxSize } },
          );
        },
      }),
    );
  }
  return async (c, next) => byLimit.get(limitFor(c.req.method, c.req.path))!(c, next);
}

// eslint-disable-next-line no-control-regex
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_ANY = /[\u0000-\u001f\u007f]/;

function controlRefused(field: string, where: { vi: string; en: string }): AppError {
  return new AppError(
    'ValidationFailed',
    {
      vi: `Trường «${field}» ${where.vi} chứa ký tự điều khiển (như NUL) không được phép; hãy xóa ký tự đó rồi gửi lại.`,
      en: `Field "${field}" ${where.en} contains a control character (such as NUL), which is not allowed.`,
    },
    { field },
  );
}

/** 400 naming the path or query parameter that holds a control character. */
export function refuseControlCharacters(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      throw new AppError('ValidationFailed', { vi: 'Địa chỉ yêu cầu có mã %… không hợp lệ.', en: 'The request path has an invalid %-escape.' }, { field: 'path' });
    }
    if (CONTROL_ANY.test(path)) throw controlRefused('path', { vi: 'của địa chỉ', en: 'of the address' });
    for (const [key, value] of url.searchParams) {
      if (CONTROL_ANY.test(key) || CONTROL_ANY.test(value)) throw controlRefused(CONTROL_ANY.test(key) ? 'query' : key, { vi: 'trong tham số truy vấn', en: 'in the query' });
    }
    await next();
  };
}

/**
 * Walks a parsed JSON body: every text (keys too) within FIELD_MAX_CHARS and free of control
 * characters; throws ValidationFailed naming the field's path (e.g. `deadlines.2.note`).
 */
export function assertCleanBody(value: unknown, path: string[] = []): void {
  const field = () => (path.length > 0 ? path.join('.') : 'body');
  if (typeof value === 'string') {
    if (value.length > FIELD_MAX_CHARS) {
      throw new AppError(
        'ValidationFailed',
        { vi: `Trường «${field()}» quá dài: ${value.length} ký tự, tối đa ${FIELD_MAX_CHARS}.`, en: `Field "${field()}" is too long: ${value.length} characters, at most ${FIELD_MAX_CHARS}.` },
        { field: field() },
      );
    }
    if (CONTROL_IN_TEXT.test(value)) throw controlRefused(field(), { vi: '', en: '' });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertCleanBody(v, [...path, String(i)]));
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (CONTROL_ANY.test(k) || k.length > 200) throw controlRefused([...path, k.replace(CONTROL_ANY, '?').slice(0, 200)].join('.'), { vi: '', en: '' });
      assertCleanBody(v, [...path, k]);
    }
  }
}

