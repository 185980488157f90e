/**
 * The browser flows of the facts the rules read (issue 8, entered in the pages by issue #9): the
 * district's organisation department seats a position on a leadership collective and ends the seat;
 * a discipline entered after a decision is pointed at by the dashboard's grade audit, which leads to
 * the subject; two browsers entering a fact for the same member (the stale one sees the stored value
 * and loses nothing); a complaint recorded on a member's page.
 */
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { newPage, screenAndCheck, signInAs } from './helpers.js';
import { row, until } from './flows-clerk.js';
import type { World } from './world.js';

interface WorkspaceRows {
  rows: { kind: string; ref: string; name: string; evaluation: { id: string } | null }[];
}

/** Seats the first free position of the collective's unit on the collective, then ends the seat; both are listed with their dates. */
export async function compilerSeats(browser: Browser, w: World, where: { unit: string; collective: string; year: number }, screens: boolean): Promise<string[]> {
  const { context, page } = await newPage(browser);
  const problems: string[] = [];
  await signInAs(page, w.url, w.users.compiler, w.password);
  const view = (await (await page.request.get(`${w.url}/api/workspace/${where.unit}/${where.year}`)).json()) as WorkspaceRows;
  const collective = view.rows.find((r) => r.kind === 'collective' && r.ref === where.collective);
  expect(collective?.evaluation).toBeTruthy();
  await page.goto(`${w.url}/subjects/${collective!.evaluation!.id}?cycle=${where.year}`);
  const seats = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Thành viên tập thể' }) });
  await seats.getByLabel('Chức vụ, người giữ chức vụ').waitFor();
  const before = await seats.getByTestId('seat').count();
  const select = seats.getByLabel('Chức vụ, người giữ chức vụ');
  const option = (await select.locator('option').allInnerTexts())[1];
  expect(option, 'a position of the unit to seat').toBeTruthy();
  const name = option!.split(' — ')[0]!;
  await select.selectOption({ index: 1 });
  await seats.getByLabel('Từ ngày', { exact: true }).fill(`${where.year}-06-01`);
  await seats.getByLabel(/^Số quyết định, kết luận/).fill('31-QĐ/ĐU');
  await seats.getByRole('button', { name: 'Cử vào tập thể' }).click();
  await seats.getByText(`Đã cử ${name} vào tập thể.`).waitFor();
  await until(() => seats.getByTestId('seat').count(), (n) => n === before + 1, 'the new seat');
  const seat = seats.getByTestId('seat').filter({ hasText: '31-QĐ/ĐU' });
  expect(await seat.innerText()).toContain(`Từ 01/06/${where.year}, đang tham gia`);
  if (screens) problems.push(...(await screenAndCheck(page, 'collective-seats')));
  await seat.getByRole('button', { name: `Kết thúc: ${name}` }).click();
  await seat.getByLabel(`Ngày thôi tham gia: ${name}`).fill(`${where.year}-09-30`);
  await seat.getByRole('button', { name: `Xác nhận kết thúc: ${name}` }).click();
  await seats.getByText(`Đã kết thúc: ${name}.`).waitFor();
  await until(() => seats.getByTestId('seat').filter({ hasText: '31-QĐ/ĐU' }).innerText(), (t) => t.includes(`Từ 01/06/${where.year} đến 30/09/${where.year}`), 'the ended seat');
  // The collective's history records both changes.
  await until(() => page.locator('main').innerText(), (t) => (t.match(/Thành viên tập thể/g) ?? []).length >= 3, 'the seats in the history');
  await context.close();
  return problems;
}

/**
 * After member A's grade is decided and published, a discipline of the year is entered on A's page:
 * the dashboard's anomalies then list A's grade as a binding-rule violation, and the link leads to A.
 */
export async function auditAnomaly(browser: Browser, w: World, a: string, screens: boolean): Promise<string[]> {
  const { context, page } = await newPage(browser);
  const problems: string[] = [];
  await signInAs(page, w.url, w.users.compiler, w.password);
  const view = (await (await page.request.get(`${w.url}/api/workspace/${w.cell}/${w.year}`)).json()) as WorkspaceRows;
  const member = view.rows.find((r) => r.kind === 'member' && r.name === a);
  await page.goto(`${w.url}/subjects/${member!.evaluation!.id}?cycle=${w.year}`);
  await page.getByRole('button', { name: `Thêm sự kiện: ${a}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Loại sự kiện, sự việc').selectOption({ label: 'Bị xử lý kỷ luật' });
  await dialog.getByLabel('Hình thức kỷ luật').selectOption({ label: 'Cảnh cáo' });
  await dialog.getByLabel('Từ ngày').fill(`${w.year}-11-02`);
  await dialog.getByLabel(/^Số quyết định, kết luận/).fill('44-QĐ/UBKT');
  await dialog.getByRole('button', { name: 'Lưu sự kiện' }).click();
  await page.locator('main').getByText(/Bị xử lý kỷ luật \(Cảnh cáo\).*44-QĐ\/UBKT/).first().waitFor();
  await page.goto(`${w.url}/units/${w.district}/dashboard?cycle=${w.year}`);
  const violation = page.getByTestId('audit-violation').filter({ has: page.getByRole('link', { name: a, exact: false }) });
  await violation.first().waitFor({ timeout: 60_000 });
  expect(await violation.first().innerText()).toMatch(/mức cao nhất được xếp KHT/);
  if (screens) problems.push(...(await screenAndCheck(page, 'dashboard-audit')));
  await violation.first().getByRole('link').click();
  await page.getByRole('heading', { name: a, level: 1 }).waitFor();
  await context.close();
  return problems;
}

/** Records «targets completed» for `name` through the row's fact dialog on `page`. */
async function enterTargets(page: Page, name: string, percent: string): Promise<void> {
  await page.getByRole('button', { name: `Thêm sự kiện: ${name}`, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Loại sự kiện, sự việc').selectOption({ label: 'Tỉ lệ chỉ tiêu, nhiệm vụ hoàn thành (%)' });
  await dialog.getByLabel(/^Tỉ lệ hoàn thành/).fill(percent);
  await dialog.getByRole('button', { name: 'Lưu sự kiện' }).click();
}

/**
 * Two browsers enter a fact for the same member: the second, holding an older version, is told, sees
 * the value now stored and keeps what it typed; saving again records its value.
 */
export async function factConflict(browser: Browser, w: World, name: string): Promise<void> {
  const one = await newPage(browser);
  const two = await newPage(browser);
  await signInAs(one.page, w.url, w.users.clerk, w.password);
  await signInAs(two.page, w.url, w.users.clerk, w.password);
  await two.page.getByRole('button', { name: `Thêm sự kiện: ${name}`, exact: true }).waitFor();
  await enterTargets(one.page, name, '80');
  await row(one.page, name).getByText('Tỉ lệ chỉ tiêu, nhiệm vụ hoàn thành (%): 80%').waitFor();
  await enterTargets(two.page, name, '45,5');
  const dialog = two.page.getByRole('dialog');
  await dialog.getByRole('alert').filter({ hasText: 'Chưa lưu được' }).waitFor();
  expect(await until(() => dialog.getByTestId('conflict-current').innerText(), (t) => !t.includes('đang tải'), 'the stored value')).toContain('80%');
  expect(await dialog.getByLabel(/^Tỉ lệ hoàn thành/).inputValue()).toBe('45,5');
  await dialog.getByRole('button', { name: 'Lưu sự kiện' }).click();
  await row(two.page, name).getByText('Tỉ lệ chỉ tiêu, nhiệm vụ hoàn thành (%): 45,5%').waitFor();
  // Removed again, so the flows after this one see the member as before.
  await row(two.page, name).getByRole('button', { name: /^Xóa: Tỉ lệ chỉ tiêu/ }).click();
  await row(two.page, name).getByText('45,5%').waitFor({ state: 'detached' });
  await one.context.close();
  await two.context.close();
}

/** The clerk records a complaint about member `name` on the member's page; the history shows it with its text. */
export async function clerkRecordsComplaint(browser: Browser, w: World, name: string): Promise<void> {
  const { context, page } = await newPage(browser);
  await signInAs(page, w.url, w.users.clerk, w.password);
  await row(page, name).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { name: 'Đơn thư khiếu nại, tố cáo', level: 3 }).waitFor();
  await page.getByLabel(/^Nội dung đơn thư/).fill('Đơn của quần chúng tổ dân phố, nhận ngày 20/11: phản ánh việc chưa gương mẫu');
  await page.getByRole('button', { name: 'Ghi đơn thư' }).click();
  await page.getByRole('cell', { name: 'Đơn của quần chúng tổ dân phố, nhận ngày 20/11: phản ánh việc chưa gương mẫu' }).waitFor();
  expect(await page.locator('main table').innerText()).toContain('Đơn thư khiếu nại, tố cáo');
  await context.close();
}
