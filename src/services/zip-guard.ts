/**
 * Checks a zip archive (a workbook .xlsx, a report template .docx, a zip of CSV files) before any
 * library parses it (issue #11 item 3): its size, its number of entries, and its expanded size — the
 * declared sizes of the central directory, then the real ones, each entry inflated with a ceiling at
 * its declared size, so a "zip bomb" that lies about its sizes is caught with bounded memory, entry by
 * entry, never holding more than one entry's declared size. A refusal is a 413 or 400 naming the
 * file; nothing else of the request runs.
 */
import { inflateRawSync } from 'node:zlib';
import { AppError } from '../domain/errors.js';

export interface ZipLimits {
  /** Bytes of the archive itself. */
  maxBytes: number;
  /** Entries (files and folders) in it. */
  maxEntries: number;
  /** Bytes of all its entries once expanded. */
  maxExpandedBytes: number;
}

/** Limits of a workbook of the five forms, of a report template: small documents. */
export const DOCUMENT_ZIP_LIMITS: ZipLimits = { maxBytes: 10 * 1024 * 1024, maxEntries: 1_000, maxExpandedBytes: 40 * 1024 * 1024 };

/**
 * Limits of an organisation's import (a workbook or a zip of CSV files): a district of 100,000
 * members is a 6 MB workbook expanding to 42 MB (measured), so these leave room for a province of
 * about 600,000 while a bomb of a few hundred KB expanding to gigabytes is refused unread.
 */
export const IMPORT_ZIP_LIMITS: ZipLimits = { maxBytes: 64 * 1024 * 1024, maxEntries: 1_000, maxExpandedBytes: 256 * 1024 * 1024 };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

function tooLarge(source: string, vi: string, en: string): AppError {
  return new AppError('PayloadTooLarge', { vi: `Tệp «${source}» bị từ chối: ${vi}.`, en: `File "${source}" refused: ${en}.` }, { field: 'file' });
}

function broken(source: string, en: string): AppError {
  return new AppError('FileUnreadable', { vi: `Tệp «${source}» không phải tệp nén (zip) hợp lệ (${en}).`, en: `File "${source}" is not a valid zip archive (${en}).` }, { field: 'file' });
}

interface Entry {
  name: string;
  method: number;
  compressed: number;
  expanded: number;
  localOffset: number;
}

/** The end-of-central-directory record: entry count and the directory's offset. */
function findDirectory(b: Buffer, source: string): { entries: number; offset: number } {
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b.readUInt32LE(i) === EOCD) return { entries: b.readUInt16LE(i + 10), offset: b.readUInt32LE(i + 16) };
  }
  throw broken(source, 'no end of central directory');
}

function readEntries(b: Buffer, source: string, limits: ZipLimits): Entry[] {
  const dir = findDirectory(b, source);
  if (dir.entries === 0xffff || dir.offset === 0xffffffff) throw tooLarge(source, 'tệp nén dạng ZIP64 không được nhận', 'ZIP64 archives are not accepted');
  if (dir.entries > limits.maxEntries) throw tooLarge(source, `có ${dir.entries} mục, tối đa ${limits.maxEntries}`, `${dir.entries} entries, at most ${limits.maxEntries}`);
  const entries: Entry[] = [];
  let p = dir.offset;
  for (let n = 0; n < dir.entries; n++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== CENTRAL) throw broken(source, 'bad central directory');
    const nameLength = b.readUInt16LE(p + 28);
    entries.push({
      name: b.toString('utf8', p + 46, p + 46 + nameLength),
      method: b.readUInt16LE(p + 10),
      compressed: b.readUInt32LE(p + 20),
      expanded: b.readUInt32LE(p + 24),
      localOffset: b.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  return entries;
}

/** Inflates one entry with its declared size as the ceiling: a larger real size is refused, never held. */
function checkRealSize(b: Buffer, e: Entry, source: string): void {
  const at = e.localOffset;
  if (at + 30 > b.length || b.readUInt32LE(at) !== LOCAL) throw broken(source, `bad local header of ${e.name}`);
  const start = at + 30 + b.readUInt16LE(at + 26) + b.readUInt16LE(at + 28);
  const data = b.subarray(start, start + e.compressed);
  if (e.method === 0) {
    if (e.compressed !== e.expanded) throw broken(source, `stored entry ${e.name} with two sizes`);
    return;
  }
  if (e.method !== 8) throw broken(source, `entry ${e.name} uses compression method ${e.method}`);
  try {
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.expanded) });
    if (out.length !== e.expanded) throw new Error('size differs');
  } catch {
    throw tooLarge(source, `mục «${e.name}» giải nén ra khác kích thước khai báo (tệp nén có dấu hiệu bị làm giả)`, `entry "${e.name}" does not expand to its declared size (a forged archive)`);
  }
}

/** Throws PayloadTooLarge (413) or FileUnreadable (400) unless the archive is within `limits`. */
export function assertZipWithin(bytes: Uint8Array, source: string, limits: ZipLimits = DOCUMENT_ZIP_LIMITS): void {
  if (bytes.length > limits.maxBytes) throw tooLarge(source, `nặng ${mb(bytes.length)}, tối đa ${mb(limits.maxBytes)}`, `${mb(bytes.length)}, at most ${mb(limits.maxBytes)}`);
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readEntries(b, source, limits);
  const declared = entries.reduce((sum, e) => sum + e.expanded, 0);
  if (declared > limits.maxExpandedBytes) {
    throw tooLarge(source, `giải nén ra ${mb(declared)}, tối đa ${mb(limits.maxExpandedBytes)}`, `expands to ${mb(declared)}, at most ${mb(limits.maxExpandedBytes)}`);
  }
  for (const e of entries) checkRealSize(b, e, source);
}
