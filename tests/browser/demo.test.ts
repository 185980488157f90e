/**
 * The web application on the demo district (Tam Đường 2022), in Debian's Chromium (issue #9 "Done
 * when"): the administrator opens 2023; the cell's clerk grades from the keyboard, sees the cap move
 * and the ceiling drop with a discipline, and sends the results; a second browser gets the conflict;
 * a clerk of another cell is refused; the district's organisation department decides, accepts,
 * re-grades with a reason, sees a later discipline in the grade audit, seats and unseats a collective's member, edits the prose and downloads the report and the workbook. Every page is
 * saved as a screenshot at desktop and phone width and checked with axe-core.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDistrict } from '../../src/demo/load.js';
import { createDemoUsers } from '../../src/demo/users.js';
import { testEngine } from '../helpers/test-db.js';
import { adminOpensCycle, clerkGrades, clerkSubmits, otherClerkRefused, secondBrowserConflict } from './flows-clerk.js';
import { compilerDecides, compilerReport, tour } from './flows-compiler.js';
import { auditAnomaly, clerkRecordsComplaint, factConflict, compilerSeats } from './flows-facts.js';
import { launchBrowser, type RunningServer, startServer } from './helpers.js';
import { addUser, type World } from './world.js';

const PASSWORD = 'mật khẩu thử nghiệm';

describe(`the web application on the demo district, ${testEngine}`, () => {
  let server: RunningServer;
  let browser: Browser;
  let w: World;
  const problems: string[] = [];
  let names: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    await loadDemoDistrict(server.t.db);
    await createDemoUsers(server.t.db, PASSWORD);
    await addUser(server.t.db, { username: 'chibo2', role: 'clerk', scope: 'TD-DU-TTTAMDUONG-CB02', name: 'Bí thư Chi bộ Tổ dân phố số 2' }, PASSWORD);
    browser = await launchBrowser();
    w = { url: server.url, password: PASSWORD, users: { admin: 'admin', compiler: 'bantochuc', clerk: 'chibo', otherClerk: 'chibo2' }, district: 'HU-TAMDUONG', cell: 'TD-DU-TTTAMDUONG-CB01', otherCell: 'TD-DU-TTTAMDUONG-CB02', roll: '2.731', year: 2023 };
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the administrator opens 2023; the cycle bar reads the 2.731 members on the roll', async () => {
    problems.push(...(await adminOpensCycle(browser, w, true)));
  });

  it('the clerk grades a member from the keyboard, sees the cap move, enters a discipline and sees the ceiling drop', async () => {
    const r = await clerkGrades(browser, w, true);
    names = r.names;
    problems.push(...r.problems);
  });

  it('a second browser editing the same member gets the conflict, sees the current value and chooses; the same for a fact; a complaint is recorded', async () => {
    await secondBrowserConflict(browser, w, names[2]!);
    await factConflict(browser, w, names[2]!);
    await clerkRecordsComplaint(browser, w, names[1]!);
  });

  it('the clerk sends the results; a clerk of another cell is refused', async () => {
    await clerkSubmits(browser, w);
    await otherClerkRefused(browser, w);
  });

  it('the compiler decides, publishes, accepts, re-grades with a reason', async () => {
    problems.push(...(await compilerDecides(browser, w, names[0]!, true)));
  });

  it('a discipline entered after the decision: the dashboard\'s grade audit points at it and leads to the member', async () => {
    problems.push(...(await auditAnomaly(browser, w, names[0]!, true)));
  });

  it('the compiler seats a position on a leadership collective and ends the seat', async () => {
    problems.push(...(await compilerSeats(browser, w, { unit: 'TD-DU-TTTAMDUONG', collective: 'TD-DU-TTTAMDUONG.UBND', year: 2022 }, true)));
  });

  it('the compiler edits the prose, downloads the report and the workbook and they say so', async () => {
    problems.push(...(await compilerReport(browser, w, true)));
  });

  it('every other page, and no serious or critical accessibility violation on any page', async () => {
    problems.push(...(await tour(browser, w, 'TD-DU-TTTAMDUONG', 'dong')));
    expect(problems).toEqual([]);
  }, 240_000); // every page at two widths with axe: about a minute on an idle machine
});
