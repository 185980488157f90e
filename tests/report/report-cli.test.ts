/**
 * `xeploai report` in process on the demo district: writes the .docx and, with --values, the
 * report's form-values document, which `xeploai forms check` accepts with no error; --number and
 * --date are saved and printed; bad options are refused naming the option; template download and
 * upload through the CLI.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormValuesDoc } from '../../src/domain/forms/index.js';
import { readFormsWorkbook } from '../../src/reports/xlsx/forms-workbook.js';
import { type CliEnv, cliEnv } from '../helpers/cli.js';
import { findCell, load, sheet } from '../xlsx/fixtures.js';
import { docxParagraphs } from './docx-text.js';

let cli: CliEnv;
const dir = mkdtempSync(join(tmpdir(), 'xeploai-report-'));
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  cli = cliEnv();
  const loaded = await cli.run(['demo', 'load']);
  expect(loaded.code, loaded.err).toBe(0);
});

afterAll(async () => {
  await cli.cleanup();
});

describe('xeploai report', () => {
  it('forms export carries the number and date of the report once it is written (json and the workbook)', async () => {
    expect((await cli.run(['report', '--unit', 'HU-TAMDUONG', '--cycle', '2022', '--out', file('first.docx')])).code).toBe(0);
    expect((await cli.run(['forms', 'export', '--unit', 'HU-TAMDUONG', '--cycle', '2022', '--out', file('bieu.json')])).code).toBe(0);
    const json = JSON.parse(readFileSync(file('bieu.json'), 'utf8')) as FormValuesDoc;
    expect(json.report).toEqual({ number: '331-BC/HU', date: '2023-01-10' });
    expect(json.claims).toEqual([]);
    expect((await cli.run(['forms', 'export', '--unit', 'HU-TAMDUONG', '--cycle', '2022', '--out', file('bieu.xlsx')])).code).toBe(0);
    const book = await readFormsWorkbook(readFileSync(file('bieu.xlsx')));
    expect(book.report).toEqual({ number: '331-BC/HU', date: '2023-01-10' });
    // The annex line names the report's signer, as the report's own annexes do; a district prints no CẤP TỈNH.
    const wb = await load(readFileSync(file('bieu.xlsx')));
    for (const ws of wb.worksheets.filter((w) => w.name !== '_meta')) {
      expect(findCell(ws, '(Kèm theo Báo cáo số 331-BC/HU, ngày 10 tháng 01 năm 2023 của Ban Thường vụ Huyện ủy)'), ws.name).toBeDefined();
    }
    expect(findCell(sheet(wb, 'Biểu CN'), 'CẤP TỈNH')).toBeUndefined();
  });

  it('writes the report and its form-values document; forms check finds no error', async () => {
    const res = await cli.run(['report', '--unit', 'HU-TAMDUONG', '--cycle', '2022', '--out', file('bc.docx'), '--values', file('bc.json')]);
    expect(res.code, res.err).toBe(0);
    const paragraphs = docxParagraphs(readFileSync(file('bc.docx')));
    expect(paragraphs).toContain('Số 331-BC/HU');
    const doc = JSON.parse(readFileSync(file('bc.json'), 'utf8')) as { claims: unknown[]; report: unknown };
    expect(doc.report).toEqual({ number: '331-BC/HU', date: '2023-01-10', rounding: 'half-up' });
    expect(doc.claims.length).toBeGreaterThan(60);
    const check = await cli.run(['forms', 'check', file('bc.json')]);
    expect(check.code, check.out).toBe(0);
    expect(check.out).not.toContain('LỖI');
  });

  it('saves --number and --date and prints them in the report and on its annexes', async () => {
    const res = await cli.run(['report', '--unit', 'HU-TAMDUONG', '--cycle', '2022', '--out', file('bc2.docx'), '--values', file('bc2.json'), '--number', '332-BC/HU', '--date', '2023-01-12']);
    expect(res.code, res.err).toBe(0);
    const paragraphs = docxParagraphs(readFileSync(file('bc2.docx')));
    expect(paragraphs).toContain('Số 332-BC/HU');
    expect(paragraphs).toContain('Tam Đường, ngày 12 tháng 01 năm 2023');
    expect(paragraphs).toContain('(Kèm theo Báo cáo số 332-BC/HU, ngày 12 tháng 01 năm 2023 của Ban Thường vụ Huyện ủy)');
    const again = await cli.run(['report', '--unit', 'HU-TAMDUONG', '--cycle', '2022', '--out', file('bc3.docx')]);
    expect(again.code, again.err).toBe(0);
    expect(docxParagraphs(readFileSync(file('bc3.docx')))).toContain('Số 332-BC/HU');
    const check = await cli.run(['forms', 'check', file('bc2.json')]);
    expect(check.code, check.out).toBe(0);
  });

  it('writes the annexes as the forms workbook carrying the report number and date (--annex)', async () => {
    const res = await cli.run(['report', '--unit', 'HU-TAMDUONG', '--cycle', '2022', '--out', file('bc5.docx'), '--annex', file('bc5.xlsx'), '--values', file('bc5.json')]);
    expect(res.code, res.err).toBe(0);
    const annex = await readFormsWorkbook(readFileSync(file('bc5.xlsx')));
    const values = JSON.parse(readFileSync(file('bc5.json'), 'utf8')) as FormValuesDoc;
    // The workbook carries the number and date; the rounding rule is the text's, in the values document only.
    expect(annex.report).toEqual({ number: values.report?.number, date: values.report?.date });
    expect(annex.forms.TC?.rows['tccsd.dang_bo.total']?.total).toBe(16);
    expect(annex.forms.DV?.rows.graded?.total).toBe(2543);
  });

  it('refuses bad options naming them', async () => {
    const noUnit = await cli.run(['report', '--cycle', '2022', '--out', file('x.docx')]);
    expect(noUnit.code).toBe(1);
    expect(noUnit.err).toContain('--unit');
    const badFormat = await cli.run(['report', '--unit', 'HU-TAMDUONG', '--cycle', '2022', '--out', file('x.odt')]);
    expect(badFormat.code).toBe(1);
    expect(badFormat.err).toContain('--format');
    const badDate = await cli.run(['report', '--unit', 'HU-TAMDUONG', '--cycle', '2022', '--out', file('x.docx'), '--date', '10/01/2023']);
    expect(badDate.code).toBe(1);
    expect(badDate.err).toContain('--date');
    const noUnitKnown = await cli.run(['report', '--unit', 'HU-KHONGCO', '--cycle', '2022', '--out', file('x.docx')]);
    expect(noUnitKnown.code).toBe(1);
    expect(noUnitKnown.err).toContain('HU-KHONGCO');
  });

  it('downloads the template, uploads an edited one, and refuses a broken one naming the tag', async () => {
    const down = await cli.run(['report', 'template', 'download', file('mau.docx')]);
    expect(down.code, down.err).toBe(0);
    const zip = new PizZip(readFileSync(file('mau.docx')));
    const xml = zip.file('word/document.xml')?.asText() ?? '';
    zip.file('word/document.xml', xml.replace('Nơi nhận:', 'Nơi nhận báo cáo:'));
    writeFileSync(file('mau-sua.docx'), zip.generate({ type: 'nodebuffer' }));
    const up = await cli.run(['report', 'template', 'upload', file('mau-sua.docx')]);
    expect(up.code, up.err).toBe(0);
    const broken = new PizZip(readFileSync(file('mau.docx')));
    broken.file('word/document.xml', xml.replace('{/recipients}', ''));
    writeFileSync(file('mau-loi.docx'), broken.generate({ type: 'nodebuffer' }));
    const refused = await cli.run(['report', 'template', 'upload', file('mau-loi.docx')]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('«{#recipients}» chưa được đóng');
    const res = await cli.run(['report', '--unit', 'HU-TAMDUONG', '--cycle', '2022', '--out', file('bc4.docx')]);
    expect(res.code, res.err).toBe(0);
    expect(docxParagraphs(readFileSync(file('bc4.docx')))).toContain('Nơi nhận báo cáo:');
  });
});
