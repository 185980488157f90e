/**
 * Past one machine (issue 12 item 4): two server processes on one database hold no state of their
 * own that the other would miss — a session opened on the database serves on both, and a grade
 * changed through one shows at the root through the other, though the other had the root's form in
 * its cache (kept under the cycle's counts version, which lives in the database); a user who failed
 * to sign in too often through one is refused by both (the throttle's failures live in the
 * database too). On PostgreSQL
 * this is the deployment behind a proxy; on SQLite, two processes on one file (WAL).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createDb, type Db, migrateToLatest } from '../../src/db/create-db.js';
import { createCycle } from '../../src/db/queries/cycles.js';
import { createEvaluation } from '../../src/db/queries/evaluations.js';
import { createSession } from '../../src/db/queries/sessions.js';
import { createUser } from '../../src/db/queries/users.js';
import { SIGN_IN_FREE_FAILURES } from '../../src/server/sign-in-throttle.js';
import { hashPassword } from '../../src/services/passwords.js';
import { seedOrg } from '../api/fixtures-evaluations.js';
import { cliEnv } from '../helpers/cli.js';

const cli = cliEnv();
const servers: ChildProcess[] = [];
const urls: string[] = [];
let db: Db;
let token = '';
let evaluationId = '';

function start(): Promise<string> {
  const child = spawn(process.execPath, ['bin/xeploai.mjs', 'serve', '--no-demo', '--no-web-build', '--port', '0', '--host', '127.0.0.1'], {
    env: { ...process.env, ...cli.env, DATABASE_URL: cli.env.DATABASE_URL ?? '', XEPLOAI_DEMO: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  servers.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /http:\/\/localhost:(\d+)/.exec(output);
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

const headers = () => ({ authorization: `Bearer ${token}` });
async function htAtRoot(url: string): Promise<number> {
  const res = await fetch(`${url}/api/forms/HU-THU/2022/DV`, { headers: headers() });
  expect(res.status).toBe(200);
  return ((await res.json()) as { forms: { DV: { rows: Record<string, { total: number }> } } }).forms.DV.rows['graded.ht']?.total ?? 0;
}

beforeAll(async () => {
  const config = loadConfig(cli.env);
  db = createDb(config);
  await migrateToLatest(db, { pgSchema: config.pgSchema });
  await seedOrg(db);
  await createCycle(db, { year: 2022, referenceDate: '2022-12-31' });
  evaluationId = (await createEvaluation(db, { cycleYear: 2022, subjectKind: 'member', subjectRef: '01.000001', reviewed: true, decidedGrade: 'HTT', actor: 't' })).id;
  const user = await createUser(db, { username: 'hai-may', passwordHash: await hashPassword('mat-khau-hai-may'), role: 'admin', scopeUnitCode: 'HU-THU' });
  token = (await createSession(db, user.id)).token;
  urls.push(await start(), await start());
}, 120_000);

afterAll(async () => {
  await Promise.all(
    servers.map(async (child) => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }),
  );
  await db?.destroy();
  await cli.cleanup();
});

describe('two server processes on one database', () => {
  it('show at the root through one a grade changed through the other', async () => {
    const [one, other] = urls as [string, string];
    // Both hold the root's form (the other in its cache) before the change.
    expect(await htAtRoot(one)).toBe(0);
    expect(await htAtRoot(other)).toBe(0);
    const res = await fetch(`${one}/api/evaluations/${evaluationId}/regrade`, {
      method: 'POST',
      headers: { ...headers(), 'content-type': 'application/json' },
      body: JSON.stringify({ grade: 'HT', reason: 'Xếp loại lại sau khi xem xét', byUnit: 'HU-THU' }),
    });
    expect(res.status).toBe(200);
    expect(await htAtRoot(other)).toBe(1);
    expect(await htAtRoot(one)).toBe(1);
  });

  it('throttle on both a user who failed to sign in too often on one', async () => {
    const [one, other] = urls as [string, string];
    const login = (url: string, password: string) =>
      fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'hai-may', password }) });
    // The free failures, all on the first server; then the first refuses even the right password …
    for (let i = 0; i < SIGN_IN_FREE_FAILURES; i++) expect((await login(one, `sai-${i}`)).status).toBe(401);
    expect((await login(one, 'mat-khau-hai-may')).status).toBe(429);
    // … and so does the second, which saw none of the failures itself.
    const refused = await login(other, 'mat-khau-hai-may');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
