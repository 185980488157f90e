/**
 * PDF of the demo district's 2022 report through LibreOffice: runs where `soffice` is installed
 * and always in CI (`.ci/run` installs it; there a missing soffice fails the test). Page count and
 * text are read with poppler (pdfinfo, pdftotext). Without LibreOffice the message says how to
 * install it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDistrict } from '../../src/demo/load.js';
import { isAppError } from '../../src/domain/errors.js';
import { convertDocxToPdf } from '../../src/reports/pdf.js';
import { renderReport } from '../../src/services/reports.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';

const onPath = (cmd: string) => (process.env.PATH ?? '').split(delimiter).some((d) => d && existsSync(join(d, cmd)));
const runPdf = Boolean(process.env.CI) || onPath('soffice');

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  await loadDemoDistrict(t.db);
});

afterAll(async () => {
  await t.close();
});

describe.runIf(runPdf)('PDF with LibreOffice', () => {
  it('converts the demo report: ≥ 2 pages, with the title and the report number', async () => {
    expect(onPath('soffice'), 'LibreOffice (soffice) must be installed in CI').toBe(true);
    const { bytes } = await renderReport(t.db, { unitCode: 'HU-TAMDUONG', year: 2022 }, { format: 'pdf' });
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = join(mkdtempSync(join(tmpdir(), 'xeploai-pdf-test-')), 'bao-cao.pdf');
    writeFileSync(file, bytes);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Kết quả kiểm điểm, đánh giá, xếp loại chất lượng');
    expect(text).toContain('Số 331-BC/HU');
    expect(text).toContain('09/51, chiếm 17,65%');
    // HD 36: no number on page 1, "2" at the top of page 2; the signature shares its page with body text.
    const page = (n: number) => execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' }).trim();
    expect(page(1).startsWith('ĐẢNG BỘ TỈNH LAI CHÂU')).toBe(true);
    expect(page(2).split('\n')[0]?.trim()).toBe('2');
    const signed = Array.from({ length: pages }, (_, i) => i + 1).find((n) => page(n).includes('Cao Trang Trọng')) ?? 0;
    const beforeSignature = page(signed).split('Nơi nhận:')[0] ?? '';
    expect(beforeSignature.replace(/^\s*\d+\s*/, '').trim().length).toBeGreaterThan(80);
  }, 120_000);

  it('converts two reports at once without losing either (queued, one profile each)', async () => {
    const { bytes } = await renderReport(t.db, { unitCode: 'HU-TAMDUONG', year: 2022 }, { format: 'docx' });
    const [a, b] = await Promise.all([convertDocxToPdf(bytes), convertDocxToPdf(bytes)]);
    expect(a.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(b.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 120_000);
});

describe('PDF without LibreOffice', () => {
  it('says how to install it', async () => {
    const { bytes } = await renderReport(t.db, { unitCode: 'HU-TAMDUONG', year: 2022 }, { format: 'docx' });
    const error = await convertDocxToPdf(bytes, { soffice: '/nonexistent/soffice' }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('PdfUnavailable');
    expect(isAppError(error) && error.messages.vi).toContain('apt-get install -y libreoffice-writer-nogui');
  });
});
