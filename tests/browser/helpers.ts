/**
 * Browser tests (issue #9): the product's server on a random port of 127.0.0.1, in this process, on
 * a test database of the engine under test (SQLite, or PostgreSQL when DATABASE_URL is set); Debian's
 * Chromium driven by playwright-core; a screenshot of every page at desktop and phone width into
 * test-results/screens/; axe-core on each page, failing on serious and critical violations.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { createApp } from '../../src/server/app.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';

/** Where screenshots go (gitignored). */
export const SCREENS = join(import.meta.dirname, '..', '..', 'test-results', 'screens');

/** The sizes the pages must work at (issue #9): a 1366×768 laptop and a 390 px phone. */
export const DESKTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Debian's Chromium with the flags the brief names. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS, headless: true });
}

export interface RunningServer {
  url: string;
  t: TestDb;
  close(): Promise<void>;
}

/** Starts the product's server on a random port over a fresh test database. */
export async function startServer(): Promise<RunningServer> {
  const t = await createTestDb();
  const app = createApp({ db: t.db, config: t.config });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    t,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.close();
    },
  };
}

/** A new browser context (its own cookies) with a page at the given size. */
export async function newPage(browser: Browser, size = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: size, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

/** Signs in through the sign-in page, by its labels. */
export async function signInAs(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel('Tên đăng nhập', { exact: true }).fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.locator('main h1').first().waitFor();
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core on the page as it stands: the serious and critical violations (id, help, first targets). */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated by the browser's debugging protocol: the page's Content-Security-Policy (no inline
  // scripts, no eval) rightly refuses a <script> added to it, and this is not the page's own code.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(`${axeSource}\n;void 0`);
  const found = await page.evaluate(async () => {
    const g = globalThis as unknown as { axe: { run(ctx: unknown, o: object): Promise<{ violations: AxeViolation[] }> }; document: unknown };
    const r = await g.axe.run(g.document, { resultTypes: ['violations'] });
    return r.violations;
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/**
 * Saves the page at desktop and phone width as test-results/screens/<name>-desktop.png and
 * -phone.png, and checks each with axe-core; returns the serious or critical violations found.
 */
export async function screenAndCheck(page: Page, name: string): Promise<string[]> {
  mkdirSync(SCREENS, { recursive: true });
  const before = page.viewportSize() ?? DESKTOP;
  const problems: string[] = [];
  for (const [label, size] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    // The whole page, up to 6000 px tall (a long list's first screens say what it looks like).
    const height = Math.min(6000, await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollHeight: number } } }).document.documentElement.scrollHeight));
    await page.screenshot({ path: join(SCREENS, `${name}-${label}.png`), fullPage: true, clip: { x: 0, y: 0, width: size.width, height } });
    problems.push(...(await seriousViolations(page)).map((v) => `${name} ${label}: ${v}`));
  }
  await page.setViewportSize(before);
  return problems;
}

/** The text of a downloaded file's bytes after a click (the download event). */
export async function downloadBytes(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}
