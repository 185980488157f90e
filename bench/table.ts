/**
 * Markdown table of benchmark runs written by `npm run bench -- --json FILE`, side by side, with the
 * target and whether each run met it: `npx tsx bench/table.ts run1.json run2.json …` (for
 * docs/performance.md). A file may hold one run or a list (`--engine both`).
 */
import { readFileSync } from 'node:fs';

interface Run {
  size: string;
  engine: string;
  label?: string;
  metrics: Record<string, { value: number; unit: string; target: string | null; met: boolean | null }>;
}

const runs: Run[] = process.argv.slice(2).flatMap((f) => {
  const v = JSON.parse(readFileSync(f, 'utf8')) as Run | Run[];
  return Array.isArray(v) ? v : [v];
});
if (runs.length === 0) throw new Error('usage: tsx bench/table.ts FILE.json …');
const names = [...new Set(runs.flatMap((r) => Object.keys(r.metrics)))];
const head = ['figure', ...runs.map((r) => `${r.size}, ${r.engine}`), 'target'];
console.log(`| ${head.join(' | ')} |`);
console.log(`|${head.map(() => '---').join('|')}|`);
for (const n of names) {
  const cells = runs.map((r) => {
    const m = r.metrics[n];
    return m ? `${m.value.toLocaleString('en')} ${m.unit}${m.met === null ? '' : m.met ? ' ✓' : ' ✗'}` : '—';
  });
  const target = runs.map((r) => r.metrics[n]?.target).find(Boolean) ?? '';
  console.log(`| ${n} | ${cells.join(' | ')} | ${target} |`);
}
