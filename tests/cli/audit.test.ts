/** `xeploai audit verify` and `xeploai audit export` (issue #11 item 6), and commands logging themselves. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createDb, type Db } from '../../src/db/create-db.js';
import { cliEnv } from '../helpers/cli.js';

describe('xeploai audit', () => {
  const cli = cliEnv();
  cli.env.XEPLOAI_ACTOR = 'kiem-thu';
  let db: Db;
  const dir = mkdtempSync(join(tmpdir(), 'xeploai-audit-'));
  beforeAll(async () => {
    expect((await cli.run(['db', 'migrate'])).code).toBe(0);
    expect((await cli.run(['user', 'create', '--username', 'admin', '--role', 'admin', '--scope', 'X', '--password-stdin'], 'mật khẩu dài lắm\n')).code).toBe(1); // no unit X: refused, not logged
    db = createDb(loadConfig(cli.env));
  });
  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
    await cli.cleanup();
  });

  it('logs commands that change data, hiding secrets; verify says the log is intact', async () => {
    const log = await db.selectFrom('audit_log').select(['actor', 'action', 'new_value']).orderBy('seq').execute();
    expect(log.map((e) => [e.actor, e.action])).toEqual([['kiem-thu', 'cli db migrate']]);
    const ok = await cli.run(['audit', 'verify']);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^Nhật ký kiểm toán toàn vẹn: 1 mục, đầu nhật ký số 1, mã băm [0-9a-f]{64}\./);
  });

  it('exports the log as JSON Lines ending with the head, and logs the export', async () => {
    const file = join(dir, 'nhat-ky.jsonl');
    const r = await cli.run(['audit', 'export', file]);
    expect(r.code).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ seq: 1, action: 'cli db migrate', prevHash: '0'.repeat(64) });
    expect(lines.at(-1)).toEqual({ head: { seq: 2, hash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(lines[1]).toMatchObject({ seq: 2, action: 'audit.export', actor: 'kiem-thu' });
    expect((await cli.run(['audit', 'export', file, '--from', '2024-13'])).err).toContain('«--from»');
  });

  it('verify names an edited entry and exits 1', async () => {
    await db.updateTable('audit_log').set({ new_value: '{"args":["sửa lén"]}' }).where('seq', '=', 1).execute();
    const bad = await cli.run(['audit', 'verify']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('[edited] Mục số 1 đã bị sửa sau khi ghi');
    expect(bad.err).toContain('KHÔNG toàn vẹn');
  });
});
