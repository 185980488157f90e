/**
 * Where a request came from, trusting a reverse proxy only as far as configured (issue #11 items 2
 * and 5). A request whose socket is one of XEPLOAI_TRUST_PROXY's addresses has its forwarded headers
 * read, and only the hops the trusted proxies appended (X-Forwarded-For read from the right, skipping
 * trusted proxies): a client that sends its own X-Forwarded-For cannot pick its address. Any other
 * request's forwarded headers are ignored.
 */
import type { Context } from 'hono';
import type { AppEnv } from './app.js';

const unmapped = (a: string) => (a.startsWith('::ffff:') ? a.slice(7) : a).toLowerCase();

/** The socket's address (undefined in process, as in tests that give no connection). */
function socketAddress(c: Context<AppEnv>): string | undefined {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const a = env?.incoming?.socket?.remoteAddress;
  return a === undefined ? undefined : unmapped(a);
}

/** True when the request reached us through one of the configured proxies. */
export function viaTrustedProxy(c: Context<AppEnv>): boolean {
  const socket = socketAddress(c);
  return socket !== undefined && c.var.deps.config.trustedProxies.map(unmapped).includes(socket);
}

/** The client's address: the socket's, or behind a trusted proxy the last hop not itself a trusted proxy. */
export function clientAddress(c: Context<AppEnv>): string | undefined {
  const socket = socketAddress(c);
  if (!viaTrustedProxy(c)) return socket;
  const trusted = c.var.deps.config.trustedProxies.map(unmapped);
  const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((h) => unmapped(h.trim())).filter((h) => h !== '');
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted.includes(hops[i]!)) return hops[i];
  return socket;
}

/** The value a trusted proxy set for a forwarded header (its last entry); undefined otherwise. */
function forwarded(c: Context<AppEnv>, header: string): string | undefined {
  if (!viaTrustedProxy(c)) return undefined;
  return c.req.header(header)?.split(',').at(-1)?.trim().toLowerCase() || undefined;
}

/** True when the browser spoke HTTPS: to us directly, or to the trusted proxy (X-Forwarded-Proto). */
export function isHttps(c: Context<AppEnv>): boolean {
  return new URL(c.req.url).protocol === 'https:' || forwarded(c, 'x-forwarded-proto') === 'https';
}

/** The host the browser addressed: the trusted proxy's X-Forwarded-Host, else Host. */
export function requestHost(c: Context<AppEnv>): string {
  return (forwarded(c, 'x-forwarded-host') || c.req.header('host') || new URL(c.req.url).host).toLowerCase();
}
