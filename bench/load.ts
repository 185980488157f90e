/**
 * The benchmark's loader, run as its own process so its peak memory is its own (bench/run.ts
 * spawns it): migrates the database named by the environment (XEPLOAI_DB, or DATABASE_URL with
 * XEPLOAI_PG_SCHEMA), streams the generated country (bench/national.ts) through `insertDataset`
 * and prints one JSON line: rows written, the time of the inserts and of the counts, peak RSS.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import { createDb, migrateToLatest, sqliteHandleOf } from '../src/db/create-db.js';
import { insertDataset } from '../src/db/queries/dataset.js';
import { nationalDataset, planNational, SIZES, type SizeName } from './national.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { size: { type: 'string', default: 'district' } }, strict: true });
  const size = values.size as SizeName;
  if (!(size in SIZES)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
  const config = loadConfig();
  const db = createDb(config);
  try {
    await migrateToLatest(db, { pgSchema: config.pgSchema });
    // A bigger page cache for the one long transaction (256 MB). The file is new and this process its
    // only user: a rollback journal instead of the WAL writes each new page once, to the file, where
    // the WAL writes it twice (to the WAL, then at the checkpoint); the commit need not wait for the
    // disk (a load cut short is started again). The WAL is back before the server opens the file.
    const handle = sqliteHandleOf(db);
    handle?.pragma('cache_size = -262144');
    handle?.pragma('journal_mode = DELETE');
    handle?.pragma('synchronous = OFF');
    const plan = planNational(SIZES[size]);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    let countsFrom = t0;
    // PostgreSQL: the CPU its server process spent for the load's connection (same machine: /proc).
    let databaseCpuMs: number | undefined;
    const counts = await insertDataset(db, nationalDataset(plan), {
      fresh: true,
      then: async (trx) => {
        if (handle) return;
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
        databaseCpuMs = processCpuMs(Number(rows[0]?.pid));
      },
      onProgress: (m) => {
        if (m.includes('phiếu đánh giá')) countsFrom = performance.now();
        if (process.env.BENCH_VERBOSE) process.stderr.write(`  ${((performance.now() - t0) / 1000).toFixed(1)} s ${m}\n`);
      },
    });
    handle?.pragma('synchronous = NORMAL');
    handle?.pragma('journal_mode = WAL');
    const end = performance.now();
    const cpu = process.cpuUsage(cpu0);
    process.stdout.write(
      `${JSON.stringify({
        members: plan.members,
        units: counts.org_units,
        evaluations: counts.evaluations,
        rows: Object.values(counts).reduce((a, b) => a + (b ?? 0), 0),
        formCounts: counts.form_counts,
        insertMs: countsFrom - t0,
        countsMs: end - countsFrom,
        totalMs: end - t0,
        loaderCpuMs: (cpu.user + cpu.system) / 1000,
        databaseCpuMs,
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      })}\n`,
    );
  } finally {
    await db.destroy();
  }
}

/** User + system CPU of a process of this machine, in ms (clock ticks of 10 ms), or undefined when unreadable. */
function processCpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    // After the command's name: state is field 3, utime 14 and stime 15 (proc(5)).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
