/**
 * The CLI in process on the engine under test: `verify` (clean, after tampering with a stored count,
 * `--fix`), `forms export --format json` (the file passes the checker) and `forms import`.
 */
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createDb, type Db } from '../../src/db/create-db.js';
import { setStoredCount } from '../../src/db/queries/form-counts.js';
import { createUnit } from '../../src/db/queries/units.js';
import { checkFormValues, parseFormValues } from '../../src/domain/forms/index.js';
import { cliEnv, type CliEnv } from '../helpers/cli.js';
import { testEngine } from '../helpers/test-db.js';

let cli: CliEnv;
let db: Db;
const dir = mkdtempSync(join(tmpdir(), 'xeploai-forms-'));

beforeAll(async () => {
  cli = cliEnv();
  expect((await cli.run(['demo', 'load'])).code).toBe(0);
  db = createDb(loadConfig(cli.env));
});
afterAll(async () => {
  await db?.destroy();
  await cli?.cleanup();
});

describe(`xeploai verify and forms export/import (${testEngine})`, () => {
  it('verify: no difference after the demo load, exit 0', async () => {
    const r = await cli.run(['verify']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('kỳ: năm 2022');
    expect(r.out).toMatch(/No difference/);
  });

  it('verify: a cycle that does not exist is an error, not a match', async () => {
    const r = await cli.run(['verify', '--cycle', '2031']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Không tìm thấy kỳ đánh giá năm 2031');
  });

  it('verify: a stored count changed behind its back is named, exit 1; --fix repairs it', async () => {
    const cycle = await db.selectFrom('cycles').select('id').where('year', '=', 2022).executeTakeFirstOrThrow();
    const unit = await db.selectFrom('org_units').select('id').where('code', '=', 'TD-DU-BANBO').executeTakeFirstOrThrow();
    await setStoredCount(db, { cycleId: cycle.id, unitId: unit.id, form: 'DV', row: 'graded.htt', col: 'xa', value: 7 });
    const r = await cli.run(['verify', '--cycle', '2022']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/TD-DU-BANBO\s+DV\s+graded\.htt\s+xa\s+7\s+\d+/);
    expect(r.out).toContain('1 cell(s) differ');
    const fixed = await cli.run(['verify', '--fix']);
    expect(fixed.code).toBe(0);
    expect(fixed.out).toContain('Rebuilt');
    expect((await cli.run(['verify'])).code).toBe(0);
  });

  it('verify: a malformed --cycle names the option', async () => {
    const r = await cli.run(['verify', '--cycle', 'hai nghìn']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('--cycle');
  });

  it('forms export --format json: the file parses and passes the checker with the seed totals', async () => {
    const out = join(dir, 'tam-duong-2022.json');
    const r = await cli.run(['forms', 'export', '--unit', 'HU-TAMDUONG', '--cycle', '2022', '--format', 'json', '--out', out]);
    expect(r.code).toBe(0);
    const doc = parseFormValues(JSON.parse(readFileSync(out, 'utf8')));
    expect(checkFormValues(doc).filter((f) => f.severity === 'error')).toEqual([]);
    expect(doc.forms.DV?.rows.graded?.total).toBe(2543);
    expect(doc.claims).toEqual([]);
    const check = await cli.run(['forms', 'check', out]);
    expect(check.code).toBe(0);
  });

  it('forms export refuses an unknown format and an unknown unit', async () => {
    expect((await cli.run(['forms', 'export', '--unit', 'HU-TAMDUONG', '--cycle', '2022', '--format', 'pdf', '--out', join(dir, 'x.pdf')])).err).toContain('--format');
    const r = await cli.run(['forms', 'export', '--unit', 'NO-UNIT', '--cycle', '2022', '--out', join(dir, 'x.json')]);
    expect([r.code, r.err.includes('NO-UNIT')]).toEqual([1, true]);
  });

  it('forms import: a unit not on the product rolls up into the district; bad files name the place and change nothing', async () => {
    await createUnit(db, { code: 'TD-DU-SUNGPHAI', name: 'Đảng bộ xã Sùng Phài', kind: 'grassroots_committee', orgType: 'xa', parentCode: 'HU-TAMDUONG', validFrom: '2010-01-01' });
    const file = join(dir, 'sung-phai.json');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "format": "form-values/1", ');
    const notJson = await cli.run(['forms', 'import', bad, '--unit', 'TD-DU-SUNGPHAI', '--cycle', '2022']);
    expect([notJson.code, notJson.err.includes('JSON')]).toEqual([1, true]);
    const doc = { format: 'form-values/1', cycle: { year: 2022 }, forms: { DV: { rows: { total: { total: 40, xa: 40 }, graded: { total: 40, xa: 40 }, 'graded.htt': { total: 40, xa: 40 } } } } };
    writeFileSync(bad, JSON.stringify({ ...doc, forms: { DV: { rows: { total: { total: 40, xa: -40 } } } } }));
    const negative = await cli.run(['forms', 'import', bad, '--unit', 'TD-DU-SUNGPHAI', '--cycle', '2022']);
    expect([negative.code, negative.err.includes('forms.DV.rows.total.xa')]).toEqual([1, true]);
    expect(await db.selectFrom('entered_form_values').selectAll().execute()).toEqual([]);
    writeFileSync(file, JSON.stringify(doc));
    expect((await cli.run(['forms', 'import', file, '--unit', 'TD-DU-SUNGPHAI', '--cycle', '2022'])).code).toBe(0);
    const out = join(dir, 'after.json');
    await cli.run(['forms', 'export', '--unit', 'HU-TAMDUONG', '--cycle', '2022', '--out', out]);
    const after = JSON.parse(readFileSync(out, 'utf8'));
    expect(after.forms.DV.rows.total.total).toBe(2771);
    expect(after.forms.DV.rows['graded.htt'].xa).toBe(1494);
    expect((await cli.run(['verify'])).code).toBe(0);
  });

  it('forms export --format xlsx reads back to the JSON export; forms import of a workbook replaces the JSON import', async () => {
    const { readFormsWorkbook, renderFormsWorkbook } = await import('../../src/reports/xlsx/forms-workbook.js');
    const [json, xlsx] = [join(dir, 'td.json'), join(dir, 'td.xlsx')];
    expect((await cli.run(['forms', 'export', '--unit', 'HU-TAMDUONG', '--cycle', '2022', '--out', json])).code).toBe(0);
    expect((await cli.run(['forms', 'export', '--unit', 'HU-TAMDUONG', '--cycle', '2022', '--format', 'xlsx', '--out', xlsx])).code).toBe(0);
    const back = await readFormsWorkbook(readFileSync(xlsx));
    expect(back.forms).toEqual(JSON.parse(readFileSync(json, 'utf8')).forms);
    const rows = { total: { total: 30, xa: 30 }, graded: { total: 30, xa: 30 }, 'graded.htxs': { total: 30, xa: 30 } };
    const book = join(dir, 'sung-phai.xlsx');
    writeFileSync(book, await renderFormsWorkbook({ doc: { format: 'form-values/1', unit: { code: 'TD-DU-SUNGPHAI', name: 'Đảng bộ xã Sùng Phài' }, cycle: { year: 2022, ruleSet: 'QD132-HD21' }, forms: { DV: { rows } }, claims: [] } }));
    const r = await cli.run(['forms', 'import', book, '--unit', 'TD-DU-SUNGPHAI', '--cycle', '2022']);
    expect(r.code).toBe(0);
    await cli.run(['forms', 'export', '--unit', 'HU-TAMDUONG', '--cycle', '2022', '--out', json]);
    const after = JSON.parse(readFileSync(json, 'utf8'));
    expect([after.forms.DV.rows.total.total, after.forms.DV.rows['graded.htt'].xa, after.forms.DV.rows['graded.htxs'].xa]).toEqual([2761, 1454, 245 + 30]);
    expect((await cli.run(['verify'])).code).toBe(0);
  });

  it('forms import of an exported workbook whose column was moved: refused naming the cell, stored counts unchanged', async () => {
    const { load, sheet, colOf } = await import('../xlsx/fixtures.js');
    const exported = join(dir, 'khun-ha.xlsx');
    expect((await cli.run(['forms', 'export', '--unit', 'TD-DU-KHUNHA', '--cycle', '2022', '--format', 'xlsx', '--out', exported])).code).toBe(0);
    // Move the Xã column (code, header, values) one place right, over Phường, with exceljs.
    const wb = await load(readFileSync(exported));
    const ws = sheet(wb, 'Biểu DV');
    const [xa, phuong] = [colOf(ws, 'xa'), colOf(ws, 'phuong')];
    for (let r = 1; r <= ws.rowCount; r++) {
      const [a, b] = [ws.getCell(r, xa), ws.getCell(r, phuong)];
      [a.value, b.value] = [b.value, a.value];
    }
    const moved = join(dir, 'moved-columns.xlsx');
    writeFileSync(moved, Buffer.from(await wb.xlsx.writeBuffer()));
    await createUnit(db, { code: 'TD-DU-MOI', name: 'Đảng bộ xã Mới', kind: 'grassroots_committee', orgType: 'xa', parentCode: 'HU-TAMDUONG', validFrom: '2010-01-01' });
    const count = async () => [
      Number((await db.selectFrom('form_counts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
      Number((await db.selectFrom('form_counts').select((eb) => eb.fn.sum<number>('value').as('s')).executeTakeFirstOrThrow()).s),
      Number((await db.selectFrom('entered_form_values').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
    ];
    const before = await count();
    const r = await cli.run(['forms', 'import', moved, '--unit', 'TD-DU-MOI', '--cycle', '2022']);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`Biểu DV, ô ${ws.getCell(1, xa).address}`);
    expect(r.err).toContain('các cột đã bị di chuyển');
    expect(await count()).toEqual(before);
  });

  it('forms check accepts the product’s workbook (read back, then checked): no error on the district’s export', async () => {
    const book = join(dir, 'check.xlsx');
    expect((await cli.run(['forms', 'export', '--unit', 'HU-TAMDUONG', '--cycle', '2022', '--format', 'xlsx', '--out', book])).code).toBe(0);
    const r = await cli.run(['forms', 'check', book, '--json']);
    expect([r.code, r.err]).toEqual([0, '']);
    const { findings } = JSON.parse(r.out) as { findings: { severity: string; code: string }[] };
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.every((f) => f.code === 'CAP')).toBe(true);
    const text = await cli.run(['forms', 'check', book]);
    expect(text.out).not.toContain('không phải JSON');
    expect(text.out).toContain('0 error(s)');
  });
});
