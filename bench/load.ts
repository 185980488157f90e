/**
 * The benchmark's loader, run as its own process so its peak memory is its own (bench/run.ts
 * spawns it): migrates the database named by the environment (XEPLOAI_DB, or DATABASE_URL with
 * XEPLOAI_PG_SCHEMA), streams the generated country (bench/national.ts) through `insertDataset`
 * and prints one JSON line: rows written, the time of the inserts and of the counts, peak RSS.
 */
import { parseArgs } from 'node:util';
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
    // A bigger page cache for the one long transaction (256 MB): fewer spills to the WAL.
    sqliteHandleOf(db)?.pragma('cache_size = -262144');
    const plan = planNational(SIZES[size]);
    const t0 = performance.now();
    let countsFrom = t0;
    const counts = await insertDataset(db, nationalDataset(plan), {
      onProgress: (m) => {
        if (m.includes('phiếu đánh giá')) countsFrom = performance.now();
        if (process.env.BENCH_VERBOSE) process.stderr.write(`  ${((performance.now() - t0) / 1000).toFixed(1)} s ${m}\n`);
      },
    });
    const end = performance.now();
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
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      })}\n`,
    );
  } finally {
    await db.destroy();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
