/** `xeploai forms check`, run in process through runCli with a fake io. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { changed, cleanRaw, SEED_PATH } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'xeploai-forms-'));
let n = 0;
function file(content: unknown): string {
  const path = join(dir, `doc-${n++}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, {});
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('xeploai forms check', () => {
  it('prints the seed findings one per line in Vietnamese and exits 1', async () => {
    const r = await run(['forms', 'check', SEED_PATH]);
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines).toHaveLength(48); // 47 findings and the summary
    expect(lines.find((l) => l.includes('PCT_TRUNCATED') && l.includes('tccsd.graded.htxs'))).toMatch(
      /^LỖI +PCT_TRUNCATED +TC tccsd\.graded\.htxs \/ total \| cần \/ expected: 17,65 \| ghi \/ actual: 17,64 \| .*cắt bớt/,
    );
    expect(r.out).toMatch(/CẢNH BÁO CAP +TC tccsd\.graded\.htxs \/ total \| cần \/ expected: 7 \| ghi \/ actual: 9/);
    expect(lines.at(-1)).toBe('34 lỗi, 13 cảnh báo. / 34 error(s), 13 warning(s).');
  });
  it('prints {"findings": [...]} with --json', async () => {
    const r = await run(['forms', 'check', SEED_PATH, '--json']);
    expect(r.code).toBe(1);
    const parsed = JSON.parse(r.out) as { findings: Record<string, unknown>[] };
    expect(Object.keys(parsed)).toEqual(['findings']);
    expect(parsed.findings).toHaveLength(47);
    expect(parsed.findings[0]).toMatchObject({
      code: expect.any(String),
      severity: 'error',
      form: 'TC',
      row: expect.any(String),
      col: expect.any(String),
      message: { vi: expect.any(String), en: expect.any(String) },
    });
    expect(parsed.findings[0]).toHaveProperty('expected');
    expect(parsed.findings[0]).toHaveProperty('actual');
  });
  it('exits 0 on a clean document', async () => {
    const r = await run(['forms', 'check', file(cleanRaw())]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Không có phát hiện nào.');
    const j = await run(['forms', 'check', '--json', file(cleanRaw())]);
    expect(JSON.parse(j.out)).toEqual({ findings: [] });
  });
  it('exits 0 when there are only warnings', async () => {
    const raw = changed((d) => (d.forms.CN.meta.codePrinted = 'GDH'));
    const r = await run(['forms', 'check', file(raw)]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('CẢNH BÁO ANNEX_META');
  });
  it.each([
    ['not JSON', '{ "format": ', /không phải JSON hợp lệ/],
    ['an unknown form', changed((d) => (d.forms.XY = { rows: {} })), /«forms\.XY»/],
    ['an unknown row', changed((d) => (d.forms.DV.rows.gradd = {})), /«forms\.DV\.rows\.gradd»/],
    ['an unknown column', changed((d) => (d.forms.DV.rows.graded.xa2 = 1)), /«forms\.DV\.rows\.graded\.xa2»/],
    ['a negative count', changed((d) => (d.forms.DV.rows['graded.htxs'].xa = -3)), /«forms\.DV\.rows\.graded\.htxs\.xa»: số âm/],
    ['a fractional count', changed((d) => (d.forms.TT.rows['co_so.total'].ubnd = 9.5)), /«forms\.TT\.rows\.co_so\.total\.ubnd»: số lẻ/],
  ])('refuses %s with a message naming the place, exit 1', async (_what, content, vi) => {
    const r = await run(['forms', 'check', file(content)]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(vi);
    expect(r.err).toContain('Error: ');
  });
  it('refuses a missing file and a missing argument', async () => {
    const missing = await run(['forms', 'check', join(dir, 'nope.json')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Không đọc được tệp');
    const none = await run(['forms', 'check']);
    expect(none.code).toBe(1);
    expect(none.err).toContain('Cần đúng một tệp JSON');
  });
  it('has help in Vietnamese and English', async () => {
    const r = await run(['forms', 'check', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Cách dùng: xeploai forms check');
    expect(r.out).toContain('Usage: xeploai forms check');
    expect((await run(['--help'])).out).toContain('forms check');
  });
});
