/**
 * Where to go after signing in (`?next=`): only a path of this site (issue #11 item 2). Browsers drop
 * tabs and line breaks from addresses and read `\` as `/`, so `/\t/evil.example` or `/\\evil.example`
 * lead to another site although they start with one slash: any control character, backslash or a
 * second leading slash gives `/`. The result is re-read as a URL on this site and returned as its
 * path, query and fragment, percent-encoded (safe in a Location header).
 */
const BASE = 'http://this-site.invalid';

/** A local path to return to after signing in; anything else becomes `/`. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//')) return '/';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(next) || next.length > 2000) return '/';
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE) return '/';
  const local = url.pathname + url.search + url.hash;
  return local.startsWith('//') || local === '/login' || local.startsWith('/login?') ? '/' : local;
}
