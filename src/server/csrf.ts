/**
 * Cross-site request refusal (issue #9 item 10). The pages sign in with a cookie, which a browser
 * sends with any request to this server, including one another site makes it send. So a request that
 * changes state and is not a bearer-token API client's must:
 *   1. come from this site: an `Origin` header (when sent) naming this host, and no `Sec-Fetch-Site`
 *      other than same-origin or none;
 *   2. when signed in by cookie, carry `X-CSRF-Token` equal to the token bound to the session
 *      (`csrfTokenFor`, handed to the page by GET /api/auth/me and POST /api/auth/login) — another
 *      site can neither read it nor set the header without a CORS preflight this server never grants;
 *   3. when not signed in (the sign-in itself), be JSON (`application/json`), which a cross-site HTML
 *      form cannot send.
 * Bearer-token clients (`Authorization: Bearer …`) are exempt: a browser never adds that header by
 * itself. Later security work extends this module (e.g. rate limits by origin, allowed origins).
 */
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../domain/errors.js';
import type { AppEnv } from './app.js';
import { requestHost } from './client-address.js';

/** The header a page sends its token in. */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session's anti-forgery token: derived from the session token, so it lives and dies with it. */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`xeploai-csrf/1:${sessionToken}`, 'utf8').digest('base64url');
}

function refused(reason: 'site' | 'token' | 'json'): AppError {
  const why = {
    site: { vi: 'yêu cầu đến từ một trang web khác', en: 'the request came from another site' },
    token: { vi: 'thiếu hoặc sai mã chống giả mạo (CSRF)', en: 'the anti-forgery (CSRF) token is missing or wrong' },
    json: { vi: 'nội dung gửi lên không phải JSON', en: 'the body is not JSON' },
  }[reason];
  return new AppError(
    'CrossSiteRefused',
    {
      vi: `Yêu cầu bị từ chối vì ${why.vi}. Hãy tải lại trang xeploai rồi làm lại.`,
      en: `Request refused: ${why.en}. Reload the xeploai page and try again.`,
    },
    { field: reason === 'token' ? CSRF_HEADER : reason === 'site' ? 'origin' : 'content-type' },
  );
}


/** True when the request says it comes from another site (Origin or Fetch Metadata). */
function fromAnotherSite(c: Context<AppEnv>): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  const origin = c.req.header('origin');
  if (origin === undefined) return false;
  try {
    return new URL(origin).host.toLowerCase() !== requestHost(c);
  } catch {
    return true; // "null" or garbage: not this site
  }
}

/** Refuses state-changing requests that a page of another site could have made (see the module comment). */
export function csrfProtection(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || c.var.authVia === 'bearer') return next();
    if (fromAnotherSite(c)) throw refused('site');
    const token = c.var.sessionToken;
    if (c.var.authVia === 'cookie' && token !== undefined) {
      if (c.req.header(CSRF_HEADER) !== csrfTokenFor(token)) throw refused('token');
    } else if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
      throw refused('json');
    }
    return next();
  };
}
