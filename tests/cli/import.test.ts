/**
 * The import commands (issue #10): `xeploai import template`, `xeploai import FILE.xlsx|DIR
 * [--dry-run] [--json]`, and `xeploai demo restructure-2025`, run in process on the engine under test.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEnv } from '../helpers/cli.js';
import { csvFiles, EVENTS, PERSONS, UNITS, workbook } from '../import/fixtures.js';

const dir = join(tmpdir(), `xeploai-import-${process.pid}`);
mkdirSync(dir, { recursive: true });

describe('xeploai import', () => {
  const cli = cliEnv();
  afterAll(() => cli.cleanup());

  it('writes the template, which imports as it is (nothing to write)', async () => {
    const file = join(dir, 'mau.xlsx');
    const r = await cli.run(['import', 'template', file]);
    expect([r.code, r.out]).toEqual([0, expect.stringContaining('Đã ghi mẫu nhập')]);
    const again = await cli.run(['import', file]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('Không có gì mới');
  });

  it('refuses a bad workbook naming each error, exit 1; --json prints the report', async () => {
    const bad = await workbook({ 'Đơn vị': [...UNITS, ['CB-9', 'Chi bộ lạc', 'cell', null, 'XA-9', '2015-01-01']] });
    const file = join(dir, 'sai.xlsx');
    writeFileSync(file, bad.bytes);
    const r = await cli.run(['import', file]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('LỖI «Đơn vị», dòng 7, cột «parentCode» (E7), giá trị «XA-9»');
    expect(r.out).toContain('KHÔNG ghi gì');
    const json = await cli.run(['import', file, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, written: false, errorCount: 1 });
  });

  it('checks a folder of CSV files with --dry-run, imports it, then finds nothing new', async () => {
    const folder = join(dir, 'csv');
    mkdirSync(folder, { recursive: true });
    for (const f of csvFiles({ 'units.csv': UNITS, 'persons.csv': PERSONS, 'events.csv': EVENTS })) writeFileSync(join(folder, f.name), f.bytes);
    writeFileSync(join(folder, 'ghi-chu.txt'), 'không phải dữ liệu');
    const dry = await cli.run(['import', folder, '--dry-run']);
    expect([dry.code, dry.out]).toEqual([0, expect.stringContaining('chạy thử: chưa ghi gì')]);
    expect(dry.out).toContain('CẢNH BÁO «ghi-chu.txt»');
    const run = await cli.run(['import', folder]);
    expect([run.code, run.out]).toEqual([0, expect.stringContaining('Đã nhập xong')]);
    expect(run.out).toMatch(/Đảng viên \(persons.csv\)\s+4 dòng: 4 mới/);
    const again = await cli.run(['import', folder]);
    expect(again.out).toContain('Không có gì mới');
    // Exported, the same data imports back as nothing new; as CSV files, the same rows come out.
    const out = join(dir, 'xuat');
    expect((await cli.run(['export', out])).code).toBe(0);
    expect((await cli.run(['import', out])).out).toContain('Không có gì mới');
    const book = join(dir, 'xuat.xlsx');
    expect((await cli.run(['export', book, '--unit', 'XA-1'])).out).toContain('Đã xuất');
    expect((await cli.run(['import', book])).out).toContain('Không có gì mới');
  });
});

describe('xeploai demo restructure-2025', () => {
  const cli = cliEnv();
  afterAll(() => cli.cleanup());

  it('needs the demo district, runs once on it, says its mapping is an assumption', async () => {
    const none = await cli.run(['demo', 'restructure-2025']);
    expect([none.code, none.err]).toEqual([1, expect.stringContaining('xeploai demo load')]);
    expect((await cli.run(['demo', 'load'])).code).toBe(0);
    const r = await cli.run(['demo', 'restructure-2025']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('XA-BINHLU     Đảng bộ xã Bình Lư');
    expect(r.out).toContain('HU-TAMDUONG kết thúc ngày 01/07/2025');
    expect(r.out).toContain('Kỳ 2025 (QD366-HD43)');
    expect(r.out).toContain('GIẢ ĐỊNH');
    const twice = await cli.run(['demo', 'restructure-2025']);
    expect([twice.code, twice.err]).toEqual([1, expect.stringContaining('đã chạy')]);
  }, 300_000);
});
