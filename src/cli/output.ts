/**
 * Reading and writing the files a command is given, with the reason of a failure said in words
 * (Vietnamese and English) instead of a stack trace: the folder does not exist, no permission, the
 * path is a folder; any other failure keeps the system's own words.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { AppError } from '../domain/errors.js';

/** Why a file could not be used, by Node's error code: [Vietnamese, English]. */
function reason(code: string | undefined, reading: boolean): [string, string] | undefined {
  switch (code) {
    case 'ENOENT':
      return reading ? ['tệp không tồn tại', 'no such file'] : ['thư mục không tồn tại', 'the folder does not exist'];
    case 'ENOTDIR':
      return ['một phần của đường dẫn không phải là thư mục', 'a part of the path is not a folder'];
    case 'EACCES':
    case 'EPERM':
      return reading ? ['không có quyền đọc', 'permission denied'] : ['không có quyền ghi vào đó', 'permission denied'];
    case 'EISDIR':
      return ['đây là một thư mục, không phải tệp', 'it is a folder, not a file'];
    case 'EROFS':
      return ['ổ đĩa chỉ cho đọc', 'read-only file system'];
    case 'ENOSPC':
      return ['ổ đĩa đã đầy', 'no space left on the disk'];
    default:
      return undefined;
  }
}

function fileError(e: unknown, path: string, reading: boolean): AppError {
  const raw = e instanceof Error ? e.message : String(e);
  const [vi, en] = reason((e as { code?: string } | null)?.code, reading) ?? [raw, raw];
  return reading
    ? new AppError('FileUnreadable', { vi: `Không đọc được tệp «${path}»: ${vi}.`, en: `Cannot read "${path}": ${en}.` }, { field: 'file' })
    : new AppError('FileUnwritable', { vi: `Không ghi được tệp «${path}»: ${vi}.`, en: `Cannot write "${path}": ${en}.` }, { field: 'file' });
}

/** Writes a command's output file; a missing folder, no permission or a folder path is an AppError naming the path. */
export async function writeOutputFile(path: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFile(path, data);
  } catch (e) {
    throw fileError(e, path, false);
  }
}

/** Reads a command's input file; a missing file, no permission or a folder path is an AppError naming the path. */
export async function readInputFile(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    throw fileError(e, path, true);
  }
}
