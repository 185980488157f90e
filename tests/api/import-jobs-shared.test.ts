/**
 * Imports' jobs live in the database (issue 12: the server holds no state of its own): two
 * registries on one database stand for two server processes behind a proxy. A job started through
 * one is followed through the other to its report; while it runs, the other refuses a second import
 * (one at a time across processes); a job whose process stopped (no heartbeat) reads as failed and
 * no longer blocks the next import.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_STALE_MS } from '../../src/db/queries/import-jobs.js';
import { ImportJobs } from '../../src/services/import/jobs.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';
import { COLLECTIVES, EVENTS, PERSONS, POSITIONS, UNITS, workbook } from '../import/fixtures.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

const admin = { username: 'quan-tri', admin: true };
const sheets = { 'Đơn vị': UNITS, 'Đảng viên': PERSONS, 'Sự kiện': EVENTS, 'Tập thể': COLLECTIVES, 'Chức vụ': POSITIONS };

describe(`import jobs shared by server processes (${testEngine})`, () => {
  it('started through one, followed through the other to its report; the other refuses a second meanwhile', async () => {
    const one = new ImportJobs(t.db);
    const other = new ImportJobs(t.db);
    const files = [await workbook(sheets)];
    const job = await one.start({ db: t.db, files, owner: 'quan-tri', scope: null, dryRun: false });
    await expect(other.start({ db: t.db, files, owner: 'quan-tri', scope: null, dryRun: true })).rejects.toMatchObject({ code: 'Conflict' });
    let seen = await other.get(job.id, admin);
    expect(seen.owner).toBe('quan-tri');
    await one.idle();
    seen = await other.get(job.id, admin);
    expect(seen).toMatchObject({ status: 'done', progress: { phase: 'done', percent: 100 }, report: { ok: true, written: true, persons: 4 } });
    expect(seen.finishedAt).not.toBeNull();
    // Another user does not see it; the owner does.
    await expect(other.get(job.id, { username: 'ai-do', admin: false })).rejects.toMatchObject({ code: 'NotFound' });
    expect((await other.get(job.id, { username: 'quan-tri', admin: false })).id).toBe(job.id);
    // Done: the other process may start the next one.
    const next = await other.start({ db: t.db, files, owner: 'quan-tri', scope: null, dryRun: true });
    await other.idle();
    expect(await one.get(next.id, admin)).toMatchObject({ status: 'done', dryRun: true, report: { dryRun: true, written: false } });
  });

  it('reads a job whose process stopped as failed, and it blocks no further import', async () => {
    const old = new Date(Date.now() - IMPORT_STALE_MS - 5_000).toISOString();
    await t.db
      .insertInto('import_jobs')
      .values({ id: 'bo-do', owner: 'quan-tri', status: 'running', dry_run: 0, started_at: old, finished_at: null, heartbeat_at: old, progress: JSON.stringify({ phase: 'write', done: 3, total: 9, percent: 80, message: { vi: 'Đang ghi…', en: 'Writing…' } }), report: null, error: null })
      .execute();
    const jobs = new ImportJobs(t.db);
    const abandoned = await jobs.get('bo-do', admin);
    expect(abandoned).toMatchObject({ status: 'failed', progress: { phase: 'done', percent: 100 } });
    expect(abandoned.error?.message.vi).toMatch(/dừng giữa chừng; chưa ghi gì/);
    const job = await jobs.start({ db: t.db, files: [await workbook(sheets)], owner: 'quan-tri', scope: null, dryRun: true });
    await jobs.idle();
    expect((await jobs.get(job.id, admin)).status).toBe('done');
  });
});
