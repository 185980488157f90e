/**
 * The web application's size and speed (issue #9: "first page usable in ≤ 2 s on the demo over
 * loopback; say the bundle size"): `npm run bench:web`. Builds the pages when stale, serves the demo
 * district on a random loopback port, and in Debian's Chromium measures the sign-in page until it can
 * be used, then a cell's clerk and the district's department from signing in to their first page,
 * over loopback and over a throttled link (1.6 Mbit/s, 150 ms). Prints what it measured in this run.
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { chromium, type Page } from 'playwright-core';
import { loadConfig } from '../src/config.js';
import { createDb, migrateToLatest } from '../src/db/create-db.js';
import { loadDemoDistrict } from '../src/demo/load.js';
import { createDemoUsers } from '../src/demo/users.js';
import { createApp } from '../src/server/app.js';
import { ensureWebBuild, WEB_DIST } from '../src/server/web-build.js';

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

/** Sizes of the files the sign-in page loads (index.html's script and stylesheet) and of the whole build. */
function bundleSizes(): [string, string][] {
  const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
  const first = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const size = (files: string[]) => files.reduce((s, f) => s + readFileSync(join(WEB_DIST, f)).length, 0);
  const gz = (files: string[]) => files.reduce((s, f) => s + gzipSync(readFileSync(join(WEB_DIST, f)), { level: 9 }).length, 0);
  const all = readdirSync(join(WEB_DIST, 'assets')).map((f) => `assets/${f}`);
  const charts = all.filter((f) => f.includes('echarts'));
  return [
    ['first page (sign-in): script + styles', `${kb(size(first))} (${kb(gz(first))} gzip)`],
    ['whole build, every page', `${kb(size(all))} (${kb(gz(all))} gzip), ${all.length} files`],
    ['of which the charts (dashboard only)', `${kb(size(charts))} (${kb(gz(charts))} gzip)`],
  ];
}

async function timeTo(page: Page, go: () => Promise<unknown>, ready: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await go();
  await ready();
  return performance.now() - t0;
}

async function signInAndLand(page: Page, url: string, username: string, ready: string): Promise<[number, number]> {
  const loginMs = await timeTo(page, () => page.goto(`${url}/login`), () => page.getByRole('button', { name: 'Đăng nhập', exact: true }).waitFor());
  await page.getByLabel('Tên đăng nhập', { exact: true }).fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill('bench-pass');
  const landMs = await timeTo(page, () => page.getByRole('button', { name: 'Đăng nhập', exact: true }).click(), () => page.locator(ready).first().waitFor({ timeout: 60_000 }));
  return [loginMs, landMs];
}

await ensureWebBuild(undefined, { quiet: true });
const config = loadConfig({ XEPLOAI_DB: ':memory:' });
const db = createDb(config);
await migrateToLatest(db);
await loadDemoDistrict(db);
await createDemoUsers(db, 'bench-pass');
const server = serve({ fetch: createApp({ db, config }).fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((r) => server.once('listening', r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const rows: [string, string][] = bundleSizes();
for (const [link, throttle] of [['loopback', null], ['throttled link (1.6 Mbit/s, 150 ms)', { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 100_000 }]] as const) {
  for (const [who, ready] of [['chibo', 'select[aria-label^="Xếp loại: "], table.grid'], ['bantochuc', '[data-testid="dashboard-stats"]']] as const) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    if (throttle) await (await context.newCDPSession(page)).send('Network.emulateNetworkConditions', throttle);
    const [login, land] = await signInAndLand(page, url, who, ready);
    rows.push([`${link}: sign-in page usable`, `${login.toFixed(0)} ms`]);
    rows.push([`${link}: ${who} signs in → first page with data`, `${land.toFixed(0)} ms`]);
    await context.close();
  }
}
await browser.close();
server.close();
await db.destroy();
const width = Math.max(...rows.map((r) => r[0].length));
console.log(`Web application (Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, demo district, Chromium headless)`);
for (const [k, v] of rows) console.log(`| ${k.padEnd(width)} | ${v} |`);
