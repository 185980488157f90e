/**
 * The translation keys the pages use: every `t('…')` and `tk('…')` with a literal Vietnamese text in
 * web/src (src: web/src/i18n.ts). Read from the sources, so a new text without an English
 * translation fails the test.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(n) ? [p] : [];
  });
}

/** Every literal key passed to t() or tk() under `dir`, with the file it is in. */
export function usedKeys(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of files(dir)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt[k]?\(\s*'((?:[^'\\]|\\.)*)'/g)) out.set(m[1]!.replace(/\\'/g, "'"), file);
  }
  return out;
}
