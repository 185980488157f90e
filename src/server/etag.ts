/**
 * Versions over HTTP (issue #11 item 1): an evaluation's answer carries `ETag: "<version>"`, and a
 * write may send the version it read as `If-Match: "<version>"` instead of (or besides) the body's
 * `version`. Either way the version is checked in the same statement as the write
 * (src/db/queries/evaluations.ts, lockEvaluation); a stale one answers 409 with the current value.
 */
import type { Context } from 'hono';
import { AppError } from '../domain/errors.js';

/** The entity tag of a version. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** Sets the ETag header of an answer that shows an evaluation (or anything versioned). */
export function setEtag(c: Context, versioned: { version: number }): void {
  c.header('ETag', etagOf(versioned.version));
}

function badIfMatch(value: string): AppError {
  return new AppError(
    'ValidationFailed',
    {
      vi: `Tiêu đề «If-Match» không hợp lệ: «${value.slice(0, 40)}»; hãy gửi đúng ETag đã nhận, ví dụ "3".`,
      en: `Invalid If-Match header "${value.slice(0, 40)}"; send the ETag you received, e.g. "3".`,
    },
    { field: 'If-Match' },
  );
}

/** The version named by `If-Match` (`"3"` or `W/"3"`); undefined when absent or `*`. */
export function ifMatchVersion(c: Context): number | undefined {
  const raw = c.req.header('if-match')?.trim();
  if (raw === undefined || raw === '' || raw === '*') return undefined;
  const m = /^(?:W\/)?"(\d{1,9})"$/.exec(raw);
  if (!m) throw badIfMatch(raw);
  return Number(m[1]);
}

/**
 * The version the caller read: the body's `version` or `If-Match`; both given and different is a
 * 400 naming `If-Match`. `required` makes one of them mandatory (400 naming `version`).
 */
export function expectedVersionOf(c: Context, bodyVersion: number | undefined, options: { required?: boolean } = {}): number | undefined {
  const header = ifMatchVersion(c);
  if (header !== undefined && bodyVersion !== undefined && header !== bodyVersion) {
    throw new AppError(
      'ValidationFailed',
      {
        vi: `Phiên bản trong «If-Match» (${header}) khác trường «version» (${bodyVersion}); chỉ gửi một phiên bản đã đọc.`,
        en: `If-Match (${header}) differs from the body's version (${bodyVersion}); send the one version you read.`,
      },
      { field: 'If-Match' },
    );
  }
  const version = bodyVersion ?? header;
  if (version === undefined && options.required) {
    throw new AppError(
      'ValidationFailed',
      {
        vi: 'Thiếu phiên bản đã đọc: gửi trường «version» hoặc tiêu đề «If-Match» (ETag của lần đọc) để không ghi đè thay đổi của người khác.',
        en: 'The version you read is missing: send "version" or an If-Match header (the ETag you read) so no one else\'s change is overwritten.',
      },
      { field: 'version' },
    );
  }
  return version;
}
