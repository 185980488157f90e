/**
 * The web application on an empty database (issue #9 "Done when"): the first page before any cycle,
 * then a small organisation built through the API as an administrator would, and the same flows as on
 * the demo district — open the cycle, grade from the keyboard, the discipline, the conflict, send,
 * a clerk of another cell refused, decide, accept, re-grade, the report and the workbook.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../helpers/test-db.js';
import { adminOpensCycle, clerkGrades, clerkSubmits, otherClerkRefused, secondBrowserConflict } from './flows-clerk.js';
import { compilerDecides, compilerReport } from './flows-compiler.js';
import { auditAnomaly, clerkRecordsComplaint, factConflict } from './flows-facts.js';
import { launchBrowser, newPage, type RunningServer, screenAndCheck, signInAs, startServer } from './helpers.js';
import { buildSmallWorld, type World } from './world.js';

const PASSWORD = 'mật khẩu thử nghiệm';

describe(`the web application on an empty database, ${testEngine}`, () => {
  let server: RunningServer;
  let browser: Browser;
  let w: World;
  let names: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    w = await buildSmallWorld(server.t.db, server.url, PASSWORD);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the first page before any cycle is opened, saying what to do', async () => {
    const { context, page } = await newPage(browser);
    await signInAs(page, w.url, w.users.compiler, w.password);
    await page.getByText('Chưa có kỳ đánh giá nào. Quản trị viên mở kỳ ở trang Quản trị.').waitFor();
    expect(await screenAndCheck(page, 'empty-first-page')).toEqual([]);
    await context.close();
  });

  it('runs the year: open the cycle, grade, discipline, conflict, send, refuse another cell, decide, accept, re-grade, audit, report', async () => {
    expect(await adminOpensCycle(browser, w, false)).toEqual([]);
    names = (await clerkGrades(browser, w, false)).names;
    expect(names).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường']);
    await secondBrowserConflict(browser, w, names[2]!);
    await factConflict(browser, w, names[2]!);
    await clerkRecordsComplaint(browser, w, names[1]!);
    await clerkSubmits(browser, w);
    await otherClerkRefused(browser, w);
    expect(await compilerDecides(browser, w, names[0]!, false)).toEqual([]);
    expect(await auditAnomaly(browser, w, names[0]!, false)).toEqual([]);
    expect(await compilerReport(browser, w, false)).toEqual([]);
  });
});
