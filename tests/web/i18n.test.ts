/** Vietnamese first, English switchable (issue #9): every text the pages show has an English translation. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EN } from '../../web/src/i18n/en.js';
import { usedKeys } from './i18n-keys.js';

describe('the pages in English', () => {
  it('translate every Vietnamese text they use, keeping its {{placeholders}}', () => {
    const keys = usedKeys(join(import.meta.dirname, '..', '..', 'web', 'src'));
    expect(keys.size).toBeGreaterThan(300);
    const missing = [...keys].filter(([k]) => EN[k] === undefined).map(([k, file]) => `${k} (${file})`);
    expect(missing).toEqual([]);
    const holes = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const broken = [...keys.keys()].filter((k) => EN[k] !== undefined && JSON.stringify(holes(k)) !== JSON.stringify(holes(EN[k]!)));
    expect(broken).toEqual([]);
  });
});
