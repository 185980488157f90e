/**
 * The front door: `xeploai serve` as a real process (what `npm start` runs) migrates an empty
 * database, loads the demo district, prints its address, and serves the first page; the
 * production start (`npm run start:prod`, `--no-demo`, PostgreSQL without XEPLOAI_DEMO=1) creates
 * no demo account.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEnv } from '../helpers/cli.js';

function waitForAddress(child: ChildProcess, timeoutMs: number): Promise<{ url: string; output: string }> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no address printed in time:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = output.match(/http:\/\/localhost:(\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${m[1]}`, output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}

describe('xeploai serve (npm start)', () => {
  const cli = cliEnv();
  let child: ChildProcess | undefined;
  afterAll(async () => {
    await stop(child);
    await cli.cleanup();
  });

  it('loads the demo into an empty database, prints the address and serves the first page', async () => {
    child = spawn(process.execPath, ['bin/xeploai.mjs', 'serve', '--port', '0', '--host', '127.0.0.1'], {
      // On PostgreSQL the demo is off unless asked for (a real installation); this test asks.
      env: { ...process.env, ...cli.env, DATABASE_URL: cli.env.DATABASE_URL ?? '', XEPLOAI_DEMO_PASSWORD: '', XEPLOAI_DEMO: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const { url, output } = await waitForAddress(child, 90_000);
    expect(output).toContain('đang nạp huyện mẫu Tam Đường 2022');
    expect(output).toMatch(/xeploai đang chạy tại http:\/\/localhost:\d+/);
    expect(output).toContain('Đăng nhập thử: admin / xeploai-demo');
    // The start-up log: Vietnamese number format, no table names.
    expect(output).toContain('Đã ghi 2.731 đảng viên.');
    expect(output).not.toMatch(/\((org_units|persons|form_counts)\)/);
    const signedOut = await fetch(`${url}/`, { redirect: 'manual' });
    expect([signedOut.status, signedOut.headers.get('location')]).toEqual([302, '/login?next=%2F']);
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'xeploai-demo' }),
    });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const res = await fetch(`${url}/`, { headers: { cookie: `xeploai_session=${token}` } });
    expect(res.status).toBe(200);
    const shell = await res.text();
    expect(shell).toContain('<div id="root">');
    // The shell's script is served from the build (npm start builds the web application when stale).
    const script = shell.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    expect(script).toBeDefined();
    expect((await fetch(`${url}${script}`)).status).toBe(200);
    const tree = await fetch(`${url}/api/cycles/2022/tree?unit=HU-TAMDUONG&depth=0`, { headers: { cookie: `xeploai_session=${token}` } });
    expect(((await tree.json()) as { nodes: { name: string; counts: { roll: number } }[] }).nodes[0]).toMatchObject({ name: 'Đảng bộ huyện Tam Đường', counts: { roll: 2731 } });
  }, 120_000);
});

describe('production start (npm run start:prod)', () => {
  const cli = cliEnv();
  let child: ChildProcess | undefined;
  afterAll(async () => {
    await stop(child);
    await cli.cleanup();
  });

  it('passes --no-demo', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['start:prod']).toMatch(/ serve --no-demo$/);
  });

  it('with --no-demo leaves an empty database empty: no demo district, no demo account, the sign-in hint says so', async () => {
    child = spawn(process.execPath, ['bin/xeploai.mjs', 'serve', '--port', '0', '--host', '127.0.0.1', '--no-demo'], {
      env: { ...process.env, ...cli.env, DATABASE_URL: cli.env.DATABASE_URL ?? '', XEPLOAI_DEMO: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const { url, output } = await waitForAddress(child, 60_000);
    expect(output).not.toContain('huyện mẫu');
    expect(output).not.toContain('xeploai-demo');
    expect(output).toContain('Chưa có tài khoản nào');
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'xeploai-demo' }),
    });
    expect(login.status).toBe(401);
    await stop(child);
    const list = await cli.run(['user', 'list']);
    expect(list.out).toContain('Chưa có tài khoản nào');
  }, 90_000);
});

