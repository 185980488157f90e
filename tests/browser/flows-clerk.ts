/**
 * The browser flows of the administrator and of a cell's clerk (issue #9 "Done when"): open the
 * cycle, grade a member from the keyboard and see the cap headroom move, enter a discipline and see
 * the ceiling drop, enter a stored fact (criterion «Kém») and see it drop and rise, send the results; a second browser editing the same member gets the conflict;
 * a clerk of another cell is refused.
 */
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { newPage, screenAndCheck, signInAs } from './helpers.js';
import type { World } from './world.js';

/** Waits until `read()` returns something that passes `ok` (polling), and returns it. */
export async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T = await read();
  while (!ok(last)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

/** The row of the grid whose name link is `name`. */
export function row(page: Page, name: string) {
  return page.locator('table.grid tbody tr').filter({ has: page.getByRole('link', { name, exact: true }) });
}

/** Waits for a row's save to be shown as done («Đã lưu lúc …»). */
export async function saved(page: Page, name: string): Promise<void> {
  await row(page, name).getByText(/Đã lưu lúc \d\d:\d\d/).waitFor();
}

const panelText = (page: Page, testId: string) => page.getByTestId(testId).first().innerText();
/** Every cap line of the panel: the decided grades, and apart, the count if the proposals stand (issue 8). */
const capText = async (page: Page) => (await page.getByTestId('cap-line').allInnerTexts()).join(' | ');

/** The administrator opens the cycle on the administration page, sets a deadline and creates every evaluation. */
export async function adminOpensCycle(browser: Browser, w: World, screens: boolean): Promise<string[]> {
  const { context, page } = await newPage(browser);
  const problems: string[] = [];
  await signInAs(page, w.url, w.users.admin, w.password);
  await page.getByRole('link', { name: 'Quản trị' }).click();
  await page.getByLabel('Năm', { exact: true }).fill(String(w.year));
  await page.getByRole('button', { name: 'Mở kỳ đánh giá' }).click();
  await page.getByText(`Đã mở kỳ năm ${w.year}`).waitFor();
  for (const [level, day] of [['Chi bộ trực thuộc', '12-08'], ['Chi bộ cơ sở', '12-20'], ['Đảng bộ cơ sở', '12-20'], ['Đảng bộ huyện', '12-29']] as const) {
    await page.getByLabel(level, { exact: true }).fill(`${w.year}-${day}`);
  }
  await page.getByRole('button', { name: 'Lưu hạn gửi' }).click();
  await page.getByText(/Đã lưu lúc/).first().waitFor();
  if (screens) problems.push(...(await screenAndCheck(page, 'admin-cycles')));
  // The new cycle shows the members on the roll, not only the evaluations created (issue #9 "15 đảng viên").
  await page.getByLabel('Kỳ đánh giá', { exact: true }).selectOption({ label: `Năm ${w.year}` });
  const roll = await until(() => page.getByTestId('roll').innerText(), (t) => t.includes('trong danh sách'), 'the roll');
  expect(roll).toContain(`${w.roll} đảng viên trong danh sách`);
  if (screens) {
    await page.getByRole('tab', { name: 'Tài khoản' }).click();
    await page.getByRole('heading', { name: 'Tạo tài khoản' }).waitFor();
    problems.push(...(await screenAndCheck(page, 'admin-users')));
    await page.getByRole('tab', { name: 'Mẫu báo cáo' }).click();
    await page.getByText('Đang dùng mẫu').waitFor();
    problems.push(...(await screenAndCheck(page, 'admin-template')));
  }
  await context.close();
  return problems;
}

/** The names of the members the clerk may still self-assess, in grid order. */
async function gradableMembers(page: Page): Promise<string[]> {
  const labels = await page.locator('select[aria-label^="Tự xếp loại: "]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  return labels.map((l) => l.replace('Tự xếp loại: ', ''));
}

/**
 * The clerk grades member A from the keyboard (self-assessment, then the cell's proposal), sees the
 * cap's headroom move, enters a discipline for member B and sees the ceiling drop, and returns the
 * names of A, B and C (C is left for the conflict).
 */
export async function clerkGrades(browser: Browser, w: World, screens: boolean): Promise<{ names: string[]; problems: string[] }> {
  const { context, page } = await newPage(browser);
  const problems: string[] = [];
  await signInAs(page, w.url, w.users.clerk, w.password);
  expect(new URL(page.url()).pathname).toBe(`/units/${w.cell}`);
  // A new cycle: the cell's evaluations are created from its workspace, with their eligibility.
  await page.getByRole('button', { name: 'Lập phiếu và tính diện đánh giá' }).click();
  await page.getByText(/Đã lập [\d.]+ phiếu mới/).waitFor({ timeout: 30_000 });
  await page.locator('select[aria-label^="Tự xếp loại: "]').first().waitFor();
  const names = (await gradableMembers(page)).slice(0, 3);
  expect(names).toHaveLength(3);
  const [a, b] = names as [string, string];
  // The review (kiểm điểm) is recorded, then the grades from the keyboard.
  await page.getByLabel(`Đã kiểm điểm: ${a}`, { exact: true }).check();
  await saved(page, a);
  await page.getByLabel(`Tự xếp loại: ${a}`, { exact: true }).focus();
  await page.getByRole('heading', { name: `Kiểm tra quy định: ${a}` }).first().waitFor();
  const capBefore = await until(() => capText(page), (t) => t.includes('HTXS'), 'the cap line');
  await page.keyboard.type('htt');
  await page.keyboard.press('ArrowRight');
  await until(() => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } } }).document.activeElement.getAttribute('aria-label')), (l) => l === `Xếp loại: ${a}`, 'focus on the grade');
  await page.keyboard.type('htt');
  await page.keyboard.press('Enter');
  await saved(page, a);
  await until(() => row(page, a).innerText(), (t) => t.includes('Đã đề xuất'), 'the proposal');
  expect(await page.getByLabel(`Xếp loại: ${a}`, { exact: true }).inputValue()).toBe('HTT');
  const capAfter = await until(() => capText(page), (t) => t !== capBefore, 'the cap headroom (if the proposals stand) to change');
  expect(capAfter).not.toBe(capBefore);
  // A discipline in the year lowers the ceiling at once.
  await page.getByLabel(`Tự xếp loại: ${b}`, { exact: true }).focus();
  await page.getByRole('heading', { name: `Kiểm tra quy định: ${b}` }).first().waitFor();
  expect(await until(() => panelText(page, 'highest-allowed'), (t) => t.length > 0, 'the ceiling')).toContain('(HTXS)');
  await page.getByRole('button', { name: `Thêm sự kiện: ${b}`, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Loại sự kiện, sự việc').selectOption({ label: 'Bị xử lý kỷ luật' });
  await dialog.getByLabel('Hình thức kỷ luật').selectOption({ label: 'Khiển trách' });
  await dialog.getByLabel('Từ ngày').fill(`${w.year}-05-12`);
  await dialog.getByRole('button', { name: 'Lưu sự kiện' }).click();
  await row(page, b).getByText('Khiển trách').waitFor();
  expect(await until(() => panelText(page, 'highest-allowed'), (t) => !t.includes('(HTXS)'), 'the ceiling to drop')).toContain('(KHT)');
  problems.push(...(await clerkEntersFact(page, w, names[2]!, screens)));
  if (screens) problems.push(...(await screenAndCheck(page, 'workspace-cell')));
  await context.close();
  return { names, problems };
}

/**
 * A stored fact the rules read (issue 8): the clerk records that member C has a criterion rated
 * «Kém», with the conclusion's number and date; the row shows it with its document, the ceiling drops
 * to KHT; removing it (entered by mistake) lifts the ceiling again.
 */
async function clerkEntersFact(page: Page, w: World, c: string, screens: boolean): Promise<string[]> {
  const problems: string[] = [];
  await page.getByLabel(`Tự xếp loại: ${c}`, { exact: true }).focus();
  await page.getByRole('heading', { name: `Kiểm tra quy định: ${c}` }).first().waitFor();
  expect(await until(() => panelText(page, 'highest-allowed'), (t) => t.length > 0, 'the ceiling')).toContain('(HTXS)');
  await page.getByRole('button', { name: `Thêm sự kiện: ${c}`, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Loại sự kiện, sự việc').selectOption({ label: 'Có tiêu chí ở mức «Kém»' });
  await dialog.getByLabel(/^Có tiêu chí ở mức «Kém»/).selectOption({ label: 'Có' });
  await dialog.getByLabel(/^Số văn bản, quyết định/).fill('07-KL/CB');
  await dialog.getByLabel(/^Ngày văn bản/).fill(`${w.year}-11-20`);
  if (screens) problems.push(...(await screenAndCheck(page, 'fact-editor')));
  await dialog.getByRole('button', { name: 'Lưu sự kiện' }).click();
  await row(page, c).getByText('Có tiêu chí ở mức «Kém»: có (07-KL/CB, 20/11/' + w.year + ')').waitFor();
  expect(await until(() => panelText(page, 'highest-allowed'), (t) => !t.includes('(HTXS)'), 'the ceiling to drop with the fact')).toContain('(KHT)');
  await row(page, c).getByRole('button', { name: /^Xóa: Có tiêu chí ở mức «Kém»/ }).click();
  await row(page, c).getByText('07-KL/CB').waitFor({ state: 'detached' });
  expect(await until(() => panelText(page, 'highest-allowed'), (t) => t.includes('(HTXS)'), 'the ceiling to rise again')).toContain('(HTXS)');
  return problems;
}

/** Two browsers on the same member: the second, holding an older version, gets the conflict and chooses. */
export async function secondBrowserConflict(browser: Browser, w: World, name: string): Promise<void> {
  const one = await newPage(browser);
  const two = await newPage(browser);
  await signInAs(one.page, w.url, w.users.clerk, w.password);
  await signInAs(two.page, w.url, w.users.clerk, w.password);
  await one.page.getByLabel(`Tự xếp loại: ${name}`, { exact: true }).focus();
  await one.page.keyboard.type('ht');
  await one.page.keyboard.press('Enter');
  await saved(one.page, name);
  await two.page.getByLabel(`Tự xếp loại: ${name}`, { exact: true }).focus();
  await two.page.keyboard.type('htt');
  await two.page.keyboard.press('Enter');
  const box = row(two.page, name).getByRole('alert').filter({ hasText: 'Người khác vừa thay đổi' });
  await box.waitFor();
  expect(await box.innerText()).toContain('Hiện đang là: HT — Hoàn thành nhiệm vụ');
  await box.getByRole('button', { name: 'Ghi giá trị của tôi' }).click();
  await saved(two.page, name);
  expect(await two.page.getByLabel(`Tự xếp loại: ${name}`, { exact: true }).inputValue()).toBe('HTT');
  await one.context.close();
  await two.context.close();
}

/**
 * The clerk sends the cell's results («Gửi kết quả»): the dialog lists the subjects still ungraded
 * and asks a reason for each (issue 8); going back sends nothing; with the reasons the report goes,
 * and the report carries them (read back through the API).
 */
export async function clerkSubmits(browser: Browser, w: World): Promise<void> {
  const { context, page } = await newPage(browser);
  await signInAs(page, w.url, w.users.clerk, w.password);
  const card = page.locator('.card').filter({ hasText: 'Kết quả gửi cấp trên' });
  await page.getByRole('button', { name: 'Gửi kết quả' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('heading', { name: 'Gửi kết quả khi còn đối tượng chưa xếp loại' }).waitFor();
  const reasons = dialog.getByRole('textbox', { name: /^Lý do chưa xếp loại: / });
  const n = await reasons.count();
  expect(n).toBeGreaterThan(0);
  const send = dialog.getByRole('button', { name: 'Gửi kết quả kèm lý do' });
  expect(await send.isDisabled()).toBe(true);
  await dialog.getByRole('button', { name: 'Quay lại xếp loại' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const api = `${w.url}/api/cycles/${w.year}/submissions?unit=${w.cell}`;
  expect((await (await page.request.get(api)).json()).unit.status).toBe('none');
  await page.getByRole('button', { name: 'Gửi kết quả' }).click();
  await reasons.first().fill('Đảng viên đi làm ăn xa, chưa kiểm điểm');
  await dialog.getByLabel('Lý do chung (điền vào các ô còn trống)').fill('Chi bộ chưa họp xét, báo cáo bổ sung sau');
  await dialog.getByRole('button', { name: 'Điền vào các ô còn trống' }).click();
  await send.click();
  await card.getByText('Đã gửi kết quả').waitFor();
  const report = (await (await page.request.get(api)).json()).unit;
  expect(report.status).toBe('submitted');
  expect(report.ungradedExceptions).toHaveLength(n);
  expect(report.ungradedExceptions[0].reason).toBe('Đảng viên đi làm ăn xa, chưa kiểm điểm');
  expect(report.ungradedExceptions.slice(1).every((e: { reason: string }) => e.reason === 'Chi bộ chưa họp xét, báo cáo bổ sung sau')).toBe(true);
  await context.close();
}

/** A clerk of another cell is refused the cell's workspace, on the page and by the API. */
export async function otherClerkRefused(browser: Browser, w: World): Promise<void> {
  const { context, page } = await newPage(browser);
  await signInAs(page, w.url, w.users.otherClerk, w.password);
  expect(new URL(page.url()).pathname).toBe(`/units/${w.otherCell}`);
  await page.goto(`${w.url}/units/${w.cell}?cycle=${w.year}`);
  await page.getByRole('alert').filter({ hasText: 'nằm ngoài phạm vi' }).waitFor();
  const res = await page.request.get(`${w.url}/api/workspace/${w.cell}/${w.year}`);
  expect(res.status()).toBe(403);
  await context.close();
}
