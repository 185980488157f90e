/**
 * The browser flows of the district's organisation department (issue #9 "Done when"): decide and
 * publish a member's grade for the competent committee, accept the cell's results («Tiếp nhận»),
 * re-grade with a reason, edit the report's prose, download the report and the workbook and read
 * them back; and a tour of the remaining pages for screenshots and the accessibility check.
 */
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { docxText } from '../report/docx-text.js';
import { downloadBytes, newPage, screenAndCheck, signInAs } from './helpers.js';
import { row, saved, until } from './flows-clerk.js';
import type { World } from './world.js';

/** The compiler decides and publishes member A, accepts the cell's results, and re-grades A with a reason. */
export async function compilerDecides(browser: Browser, w: World, a: string, screens: boolean): Promise<string[]> {
  const { context, page } = await newPage(browser);
  const problems: string[] = [];
  await signInAs(page, w.url, w.users.compiler, w.password);
  expect(new URL(page.url()).pathname).toBe(`/units/${w.district}/dashboard`);
  if (screens) {
    await page.getByRole('heading', { name: /Kết quả xếp loại theo đối tượng/ }).waitFor();
    await page.locator('.chart svg').first().waitFor();
    problems.push(...(await screenAndCheck(page, 'dashboard')));
  }
  await page.goto(`${w.url}/units/${w.cell}?cycle=${w.year}`);
  await page.getByLabel(`Xếp loại: ${a}`, { exact: true }).focus();
  await page.keyboard.type('htt');
  await page.keyboard.press('Enter');
  await saved(page, a);
  if (w.year >= 2023) {
    // QĐ 124 Điều 11 (QĐ 366 Điều 12 k1 Bước 2): the department's appraisal first, then the decision.
    await until(() => row(page, a).innerText(), (t) => t.includes('Đã thẩm định'), 'the appraisal');
    await page.getByLabel(`Xếp loại: ${a}`, { exact: true }).focus();
    await page.keyboard.type('htt');
    await page.keyboard.press('Enter');
  }
  await until(() => row(page, a).innerText(), (t) => t.includes('Đã quyết định'), 'the decision');
  await page.getByLabel(`Chọn: ${a}`, { exact: true }).check();
  await page.getByRole('button', { name: /Công bố kết quả \(1\)/ }).click();
  await page.getByText('Đã lưu 1/1.').waitFor();
  await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
  await page.locator('.card').filter({ hasText: 'Kết quả gửi cấp trên' }).getByText('Đã tiếp nhận').waitFor();
  // Re-grading after acceptance: on the subject's page, with a reason.
  await row(page, a).getByRole('link', { name: a, exact: true }).click();
  await page.getByRole('heading', { name: 'Xếp loại lại', level: 3 }).waitFor();
  await page.getByLabel('Mức xếp loại mới').selectOption('HT');
  await page.getByLabel('Lý do xếp loại lại (bắt buộc)').fill('Rà soát lại theo kết luận của Ủy ban Kiểm tra');
  await page.getByRole('button', { name: 'Xếp loại lại', exact: true }).click();
  await page.getByRole('cell', { name: 'Rà soát lại theo kết luận của Ủy ban Kiểm tra' }).first().waitFor();
  expect(await page.locator('main').innerText()).toContain('HT — Hoàn thành nhiệm vụ');
  if (screens) problems.push(...(await screenAndCheck(page, 'subject')));
  await context.close();
  return problems;
}

/** The compiler edits the report's prose, downloads the report and the workbook, and reads them back. */
export async function compilerReport(browser: Browser, w: World, screens: boolean): Promise<string[]> {
  const { context, page } = await newPage(browser);
  const problems: string[] = [];
  await signInAs(page, w.url, w.users.compiler, w.password);
  await page.goto(`${w.url}/units/${w.district}/report?cycle=${w.year}`);
  const strengths = page.getByLabel('Ưu điểm', { exact: true });
  await strengths.fill('Các chi bộ hoàn thành kiểm điểm đúng kế hoạch; kiểm thử trên trình duyệt.');
  await page.getByText(/Đã lưu lúc \d\d:\d\d/).waitFor();
  const docx = await downloadBytes(page, () => page.getByRole('button', { name: 'Tạo báo cáo (.docx)' }).click());
  expect(docx.name).toMatch(/\.docx$/);
  expect(docxText(docx.bytes)).toContain('Các chi bộ hoàn thành kiểm điểm đúng kế hoạch; kiểm thử trên trình duyệt.');
  if (screens) problems.push(...(await screenAndCheck(page, 'report')));
  await page.goto(`${w.url}/units/${w.district}/forms?cycle=${w.year}`);
  const dvApi = (await (await page.request.get(`${w.url}/api/forms/${w.district}/${w.year}/DV`)).json()) as { forms: { DV: { rows: Record<string, Record<string, number>> } } };
  const members = dvApi.forms.DV.rows.total!.total!;
  expect(members).toBeGreaterThan(0);
  const xlsx = await downloadBytes(page, () => page.getByRole('button', { name: 'Biểu thống kê (.xlsx)' }).click());
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const dv = wb.getWorksheet('Biểu DV');
  expect(dv).toBeDefined();
  const texts: string[] = [];
  const numbers: number[] = [];
  // Totals are formulas whose cached result is the count (issue 13); the others plain values.
  const shown = (v: ExcelJS.CellValue): unknown => (v !== null && typeof v === 'object' && 'result' in v ? v.result : v);
  dv!.eachRow((r) => r.eachCell((c) => {
    const v = shown(c.value);
    if (typeof v === 'number') numbers.push(v);
    else texts.push(String(v ?? ''));
  }));
  expect(texts.join(' ').toLocaleUpperCase('vi')).toContain(`NĂM ${w.year}`);
  expect(numbers).toContain(members);
  if (screens) {
    problems.push(...(await screenAndCheck(page, 'forms')));
    await page.locator('.form-table td.v a').first().click();
    await page.getByRole('heading', { name: /đối tượng được đếm/ }).waitFor();
    problems.push(...(await screenAndCheck(page, 'trace')));
  }
  await context.close();
  return problems;
}

/** The remaining pages, for screenshots and axe: sign-in, a committee's workspace, the tree, search, a missing page. */
export async function tour(browser: Browser, w: World, committee: string, query: string): Promise<string[]> {
  const { context, page } = await newPage(browser);
  const problems: string[] = [];
  await page.goto(`${w.url}/login`);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).waitFor();
  problems.push(...(await screenAndCheck(page, 'login')));
  await signInAs(page, w.url, w.users.compiler, w.password);
  await page.goto(`${w.url}/units/${committee}?cycle=${w.year}`);
  await page.getByRole('tab', { name: /Đơn vị trực thuộc/ }).waitFor();
  problems.push(...(await screenAndCheck(page, 'workspace-committee')));
  if (w.year === 2023 && committee.startsWith('TD-')) {
    // The demo's graded year, for the dashboard with its charts and anomalies.
    await page.goto(`${w.url}/units/${w.district}/dashboard?cycle=2022`);
    await page.locator('.chart svg').first().waitFor();
    problems.push(...(await screenAndCheck(page, 'dashboard-2022')));
  }
  await page.goto(`${w.url}/tree?cycle=${w.year}`);
  await page.getByRole('heading', { name: 'Đơn vị và tiến độ' }).waitFor();
  problems.push(...(await screenAndCheck(page, 'tree')));
  await page.getByLabel('Tìm đơn vị, đảng viên, tập thể').fill(query);
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await page.getByText(/kết quả cho «/).waitFor();
  expect(await page.locator('main').innerText()).toContain('Đồng');
  problems.push(...(await screenAndCheck(page, 'search')));
  await page.goto(`${w.url}/khong-co-trang-nay`);
  await page.getByRole('heading', { name: 'Không tìm thấy trang' }).waitFor();
  problems.push(...(await screenAndCheck(page, 'not-found')));
  await context.close();
  return problems;
}
