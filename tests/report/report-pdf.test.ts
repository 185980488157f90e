/**
 * The demo district's 2022 report and its forms workbook as PDF pages through LibreOffice (issue 13,
 * the visual check): runs where `soffice` is installed and always in CI (`.ci/run` installs Writer
 * and Calc; there a missing soffice fails the test). Both are converted at once, through the queue,
 * each with its own profile; the pages are kept as PNG (pdftoppm) under test-results/visual/, which CI
 * keeps as artifacts. Page counts, paper and orientation come from pdfinfo, text from pdftotext, the
 * smallest printed font size from the PDF's content streams (tests/helpers/pdf-fonts.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDistrict } from '../../src/demo/load.js';
import { isAppError } from '../../src/domain/errors.js';
import { convertDocxToPdf, convertToPdf } from '../../src/reports/pdf.js';
import { renderAnnexWorkbook, renderReport } from '../../src/services/reports.js';
import { pageSizes, smallestTextSize } from '../helpers/pdf-fonts.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';

const onPath = (cmd: string) => (process.env.PATH ?? '').split(delimiter).some((d) => d && existsSync(join(d, cmd)));
const runPdf = Boolean(process.env.CI) || onPath('soffice');
const KEY = { unitCode: 'HU-TAMDUONG', year: 2022 };
/** Kept after the run (gitignored; CI uploads it): the pages as a reader sees them. */
const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-results', 'visual');

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  await loadDemoDistrict(t.db);
});

afterAll(async () => {
  await t.close();
});

/** A PDF written to a temporary file (for poppler) and its pages rendered as PNG into the artifacts. */
function keep(pdf: Buffer, name: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'xeploai-pdf-test-')), `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', '80', '-png', file, join(ARTIFACTS, name)]);
  return file;
}

const pageText = (file: string, n: number) => execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' });

describe.runIf(runPdf)('PDF with LibreOffice: the report and the workbook as pages', () => {
  let report: { bytes: Buffer; file: string } = { bytes: Buffer.alloc(0), file: '' };
  let workbook: { bytes: Buffer; file: string } = { bytes: Buffer.alloc(0), file: '' };

  beforeAll(async () => {
    expect(onPath('soffice'), 'LibreOffice (soffice) must be installed in CI').toBe(true);
    const xlsx = await renderAnnexWorkbook(t.db, KEY);
    // Both at once: the queue runs them one after the other, each with its own profile, and loses neither.
    const [docPdf, xlsxPdf] = await Promise.all([renderReport(t.db, KEY, { format: 'pdf' }).then((r) => r.bytes), convertToPdf(xlsx, { source: 'xlsx' })]);
    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    report = { bytes: docPdf, file: keep(docPdf, 'bao-cao') };
    workbook = { bytes: xlsxPdf, file: keep(xlsxPdf, 'bieu-thong-ke') };
  }, 240_000);

  it('converts both, queued: two PDFs, their pages kept as PNG', () => {
    for (const pdf of [report.bytes, workbook.bytes]) expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(existsSync(join(ARTIFACTS, 'bao-cao-01.png'))).toBe(true);
    expect(existsSync(join(ARTIFACTS, 'bieu-thong-ke-1.png'))).toBe(true);
  });

  it('the report: title and number, no number on page 1, "2" atop page 2, the signature with body text', () => {
    const pages = pageSizes(report.file).length;
    expect(pages).toBeGreaterThanOrEqual(2);
    const text = execFileSync('pdftotext', ['-layout', report.file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Kết quả kiểm điểm, đánh giá, xếp loại chất lượng');
    expect(text).toContain('Số 331-BC/HU');
    expect(text).toContain('09/51, chiếm 17,65%');
    const page = (n: number) => pageText(report.file, n).trim();
    expect(page(1).startsWith('ĐẢNG BỘ TỈNH LAI CHÂU')).toBe(true);
    expect(page(2).split('\n')[0]?.trim()).toBe('2');
    const signed = Array.from({ length: pages }, (_, i) => i + 1).find((n) => page(n).includes('Cao Trang Trọng')) ?? 0;
    const beforeSignature = page(signed).split('Nơi nhận:')[0] ?? '';
    expect(beforeSignature.replace(/^\s*\d+\s*/, '').trim().length).toBeGreaterThan(80);
  });

  it('the report\'s annexes: seven landscape pages, 6A and 6B on A3, numbered "Phụ lục – trang N", header repeated, 9 pt or more', () => {
    const sizes = pageSizes(report.file);
    const first = sizes.findIndex((p) => p.landscape);
    expect(sizes.slice(0, first).every((p) => p.name === 'A4' && !p.landscape)).toBe(true);
    const annexes = sizes.slice(first);
    // KD; TC over two pages (the seed's 6A breaks after the HTT row of "chi bộ trực thuộc" too); DV; TT over two; CN.
    expect(annexes.map((p) => p.name)).toEqual(['A4', 'A3', 'A3', 'A3', 'A4', 'A4', 'A4']);
    expect(annexes.every((p) => p.landscape)).toBe(true);
    const annexPages = annexes.map((_, i) => first + 1 + i);
    annexPages.forEach((n, i) => expect(pageText(report.file, n).trim().startsWith(`Phụ lục – trang ${i + 1}`)).toBe(true));
    const tcSecond = pageText(report.file, first + 3);
    expect(tcSecond).toMatch(/STT\s+Tiêu chí/);
    expect(tcSecond).toContain('12b5');
    expect(smallestTextSize(report.bytes, annexPages)).toBeGreaterThanOrEqual(9);
    // The body's smallest text is the footnote mark, a superscript of the 14 pt text.
    expect(smallestTextSize(report.bytes)).toBeGreaterThanOrEqual(8);
  });

  it('the workbook: seven landscape pages, 6A and 6B on A3, "Trang N/7", header rows repeated, 9 pt or more', () => {
    const sizes = pageSizes(workbook.file);
    expect(sizes.map((p) => p.name)).toEqual(['A4', 'A3', 'A3', 'A3', 'A4', 'A4', 'A4']);
    expect(sizes.every((p) => p.landscape)).toBe(true);
    sizes.forEach((_, i) => expect(pageText(workbook.file, i + 1)).toContain(`Trang ${i + 1}/${sizes.length}`));
    expect(pageText(workbook.file, 3)).toMatch(/STT\s+Tiêu chí/);
    expect(pageText(workbook.file, 1)).toContain('KẾT QUẢ KIỂM ĐIỂM TỰ PHÊ BÌNH VÀ PHÊ BÌNH NĂM 2022');
    expect(pageText(workbook.file, 7)).toContain('(3) Ủy viên BCH các xã, phường, thị trấn');
    expect(smallestTextSize(workbook.bytes)).toBeGreaterThanOrEqual(9);
  });
});

describe('PDF without LibreOffice', () => {
  it('says how to install it', async () => {
    const { bytes } = await renderReport(t.db, KEY, { format: 'docx' });
    const error = await convertDocxToPdf(bytes, { soffice: '/nonexistent/soffice' }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('PdfUnavailable');
    expect(isAppError(error) && error.messages.vi).toContain('apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui');
  });
});
