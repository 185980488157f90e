/**
 * File names that came from users (an uploaded template's name) made safe to store and to send back
 * in a Content-Disposition header (issue #11 item 3): no control characters (a CR/LF in a header
 * breaks every later download), no folder separators, no quotes; at most 120 characters; an
 * ASCII-only fallback for old clients beside the UTF-8 name (RFC 6266).
 */

/** The name with control characters, separators and quotes removed, trimmed, at most 120 characters; `fallback` when nothing is left. */
export function sanitiseFileName(name: string, fallback: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f"\\/:*?<>|]+/g, ' ')
    .replace(/(?:^|\s)\.+(?=\s|$)/g, ' ') // `..` and `.` segments of a path
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  return cleaned === '' ? fallback : [...cleaned].slice(0, 120).join('').trim();
}

/** ASCII letters for the fallback name: Vietnamese letters without their marks, đ as d, anything else as `-`. */
export function asciiFileName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._ -]+/g, '-');
}

/** `attachment; filename="ascii"; filename*=UTF-8''…` for any stored or computed name. */
export function attachmentDisposition(name: string, fallback = 'tep'): string {
  const safe = sanitiseFileName(name, fallback);
  return `attachment; filename="${asciiFileName(safe)}"; filename*=UTF-8''${encodeURIComponent(safe)}`;
}
