/**
 * CSV as spreadsheets write it (RFC 4180): quoted fields with doubled quotes and line breaks, CRLF
 * or LF, a UTF-8 byte-order mark. The separator is what the header line uses: a comma, or the
 * semicolon a Vietnamese Excel writes (its decimal mark is the comma), or a tab. The text must be
 * UTF-8 (FileUnreadable otherwise: Vietnamese in a legacy code page would be garbled silently).
 */
import { AppError } from '../../domain/errors.js';
import type { RawRow } from './types.js';

/** The separator of the first line, counted outside quotes. */
function separatorOf(text: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

/** Splits CSV text into rows of fields; a row's number is the line it starts on. */
export function splitCsv(text: string): RawRow[] {
  const sep = separatorOf(text);
  const rows: RawRow[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push({ row: rowLine, cells: fields });
    fields = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) endField();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      rowLine = ++line;
    } else field += ch;
  }
  if (field !== '' || fields.length > 0) endRow();
  return rows;
}

/** Decodes and splits a CSV file; FileUnreadable naming it when it is not UTF-8. */
export function parseCsv(bytes: Uint8Array, name: string): RawRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError(
      'FileUnreadable',
      { vi: `Tệp «${name}» không phải văn bản UTF-8: hãy lưu lại với bảng mã UTF-8 (CSV UTF-8).`, en: `File "${name}" is not UTF-8 text: save it again as CSV UTF-8.` },
      { field: 'file' },
    );
  }
  return splitCsv(text.replace(/^\uFEFF/, ''));
}

/** One field for a CSV line: quoted when it holds the separator, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows as CSV text (comma-separated, CRLF, UTF-8 with a byte-order mark so Excel reads the accents). */
export function toCsv(rows: readonly (readonly (string | number | boolean | null)[])[]): Uint8Array {
  const text = rows.map((r) => r.map((v) => csvField(v === null ? '' : String(v))).join(',')).join('\r\n');
  return new TextEncoder().encode(`\uFEFF${text}\r\n`);
}
