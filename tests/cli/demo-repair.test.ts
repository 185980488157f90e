/** `demo load` finishes or leaves nothing, and re-running repairs a half-finished run (issue #11 item 7). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createDb, type Db, migrateToLatest } from '../../src/db/create-db.js';
import { loadDemoDistrict } from '../../src/demo/load.js';
import { cliEnv } from '../helpers/cli.js';

describe('demo load, atomic and repairing', () => {
  const cli = cliEnv();
  let db: Db;
  const count = async (table: 'org_units' | 'users' | 'evaluations') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  beforeAll(async () => {
    const config = loadConfig(cli.env);
    db = createDb(config);
    await migrateToLatest(db, { pgSchema: config.pgSchema });
  });
  afterAll(async () => {
    await db.destroy();
    await cli.cleanup();
  });

  it('leaves nothing when the run fails after the data and before the accounts are written', async () => {
    const stopped = loadDemoDistrict(db, {
      then: async () => {
        throw new Error('tiến trình bị dừng');
      },
    });
    await expect(stopped).rejects.toThrow('tiến trình bị dừng');
    expect([await count('org_units'), await count('evaluations'), await count('users')]).toEqual([0, 0, 0]);
  });

  it('loads district and accounts together; a district left without accounts (by an older run) is repaired by running it again', async () => {
    const first = await cli.run(['demo', 'load']);
    expect(first.code).toBe(0);
    expect(await count('users')).toBe(4);
    await db.deleteFrom('sessions').execute();
    await db.deleteFrom('users').execute();
    const repaired = await cli.run(['demo', 'load']);
    expect([repaired.code, repaired.out]).toEqual([0, expect.stringContaining('Huyện mẫu đã có; đã bổ sung tài khoản thử còn thiếu.')]);
    expect(await count('users')).toBe(4);
    const again = await cli.run(['demo', 'load']);
    expect(again.code).toBe(1);
    expect(again.err).toContain('không nạp lại');
  });
});
