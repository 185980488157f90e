/**
 * `xeploai backup` and `xeploai restore` (issue #11 item 7): a backup restored into an empty database
 * verifies (audit chain, form counts) and reads the same forms and report; a restore refuses a
 * database holding data, a backup of a newer schema and a file cut short, leaving the target empty.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createDb, type Db } from '../../src/db/create-db.js';
import { getFormValues } from '../../src/services/forms.js';
import { getReportModel } from '../../src/services/reports.js';
import { verifyAudit } from '../../src/services/audit.js';
import { cliEnv } from '../helpers/cli.js';

describe('xeploai backup and restore', () => {
  const source = cliEnv();
  const dir = mkdtempSync(join(tmpdir(), 'xeploai-backup-test-'));
  const file = join(dir, 'sao-luu.jsonl.gz');
  let src: Db;
  const key = { unitCode: 'HU-TAMDUONG', year: 2022 };
  const open = (env: NodeJS.ProcessEnv) => createDb(loadConfig(env));
  const rowsOf = async (db: Db) => Number((await db.selectFrom('org_units').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst().catch(() => ({ n: 0 })))?.n ?? 0);

  beforeAll(async () => {
    expect((await source.run(['demo', 'load'])).code).toBe(0);
    src = open(source.env);
  });
  afterAll(async () => {
    await src.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores into an empty database what verifies and reads the same forms and report', async () => {
    const before = { forms: await getFormValues(src, key), report: await getReportModel(src, key) };
    const backup = await source.run(['backup', file]);
    expect(backup.code, backup.err).toBe(0);
    expect(backup.out).toMatch(/^Đã sao lưu [\d.]+ dòng của \d+ bảng ra/);
    const target = cliEnv();
    const restored = await target.run(['restore', file]);
    expect(restored.code, restored.err + restored.out).toBe(0);
    expect(restored.out).toContain('toàn vẹn');
    expect(restored.out).toContain('Số liệu biểu: khớp');
    const db = open(target.env);
    try {
      expect(await getFormValues(db, key)).toEqual(before.forms);
      expect(await getReportModel(db, key)).toEqual(before.report);
      expect((await verifyAudit(db)).findings).toEqual([]);
      // The backup itself was logged as an export of personal data in the source.
      expect((await src.selectFrom('audit_log').select('action').where('action', '=', 'export cli backup').execute()).length).toBe(1);
      // A second restore into the now full database is refused.
      const again = await target.run(['restore', file]);
      expect([again.code, again.err]).toEqual([1, expect.stringContaining('Chỉ khôi phục vào cơ sở dữ liệu trống')]);
    } finally {
      await db.destroy();
    }
  });

  it('refuses a backup of a newer schema and one cut short, leaving the target empty', async () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    const header = JSON.parse(lines[0]!);
    const newer = join(dir, 'moi-hon.jsonl.gz');
    writeFileSync(newer, gzipSync([JSON.stringify({ ...header, migrations: [...header.migrations, '9999-tuong-lai'] }), ...lines.slice(1)].join('\n')));
    const cut = join(dir, 'cut.jsonl.gz');
    writeFileSync(cut, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')));
    for (const [bad, message] of [[newer, 'cấu trúc dữ liệu mới hơn phiên bản phần mềm này (bước 9999-tuong-lai chưa biết)'], [cut, 'cut short']] as const) {
      const target = cliEnv();
      const r = await target.run(['restore', bad]);
      expect([r.code, r.err]).toEqual([1, expect.stringContaining(message)]);
      const db = open(target.env);
      try {
        expect(await rowsOf(db)).toBe(0);
      } finally {
        await db.destroy();
      }
    }
  });
});
