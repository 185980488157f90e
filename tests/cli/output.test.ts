/** writeOutputFile / readInputFile: a wrong path is said in words naming it, and nothing is written. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInputFile, writeOutputFile } from '../../src/cli/output.js';
import { isAppError } from '../../src/domain/errors.js';

async function failure(p: Promise<unknown>): Promise<{ vi: string; en: string }> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return e.messages;
    throw e;
  }
  throw new Error('expected a failure');
}

describe('CLI files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xeploai-out-'));

  it('writes and reads a file', async () => {
    const path = join(dir, 'a.txt');
    await writeOutputFile(path, 'xin chào');
    expect(readFileSync(path, 'utf8')).toBe('xin chào');
    expect((await readInputFile(path)).toString('utf8')).toBe('xin chào');
  });

  it('names a missing folder, a folder given as the file, and a missing input', async () => {
    const noFolder = join(dir, 'khong-co', 'bieu.xlsx');
    expect((await failure(writeOutputFile(noFolder, 'x'))).vi).toBe(`Không ghi được tệp «${noFolder}»: thư mục không tồn tại.`);
    expect(existsSync(noFolder)).toBe(false);
    expect(await failure(writeOutputFile(dir, 'x'))).toEqual({ vi: `Không ghi được tệp «${dir}»: đây là một thư mục, không phải tệp.`, en: `Cannot write "${dir}": it is a folder, not a file.` });
    const noFile = join(dir, 'khong-co.json');
    expect(await failure(readInputFile(noFile))).toEqual({ vi: `Không đọc được tệp «${noFile}»: tệp không tồn tại.`, en: `Cannot read "${noFile}": no such file.` });
    expect((await failure(readInputFile(dir))).vi).toBe(`Không đọc được tệp «${dir}»: đây là một thư mục, không phải tệp.`);
  });
});
