/**
 * Security headers on every answer (issue #11 item 2): a Content-Security-Policy that lets pages run
 * only this site's scripts and be framed by no one, no MIME sniffing, no referrer sent to other
 * sites, no opener shared with other sites, and HSTS when the browser spoke HTTPS. Inline styles stay
 * allowed (the charts and the self-contained pages set them); inline scripts do not.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app.js';
import { isHttps } from './client-address.js';

/** The policy of every page and answer. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('X-Frame-Options', 'DENY');
    h.set('Referrer-Policy', 'same-origin');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('Cross-Origin-Resource-Policy', 'same-origin');
    h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (isHttps(c)) h.set('Strict-Transport-Security', 'max-age=31536000');
  };
}
