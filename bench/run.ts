/**
 * Smoke benchmark of the live forms (issue 4 item 6): `npm run bench -- --size province|district`.
 * Generates an invented province (bench/province.ts) into a temporary SQLite file, and into a fresh
 * PostgreSQL schema when DATABASE_URL is set, then measures: load (insert + counts), one form at the
 * root and at a commune, one grade change shown at the root, trace of one cell, verify, the import
 * of 100,000 members (workbook and CSV, issue #10), peak RSS.
 * Every number is measured in this run; nothing is a timed test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import { createDb, type Db, migrateToLatest } from '../src/db/create-db.js';
import { insertDataset } from '../src/db/queries/dataset.js';
import { updateEvaluation } from '../src/db/queries/evaluations.js';
import { getFormValues, verify } from '../src/services/forms.js';
import { traceCell } from '../src/services/forms-trace.js';
import { planProvince, provinceDataset, SIZES } from './province.js';
import { generateImportDistrict } from '../src/demo/import-district.js';
import { toCsv } from '../src/services/import/csv.js';
import { runImport } from '../src/services/import/run.js';
import { writeSheets } from '../src/services/import/write-workbook.js';

type Row = [string, ...string[]];

const ms = (t0: number) => performance.now() - t0;
const fmt = (x: number) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(x < 10 ? 2 : 0)} ms`);

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await f();
  return [v, ms(t0)];
}

/** Median of `n` runs of `f` (first run reported separately: it warms the caches). */
async function median(n: number, f: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push((await timed(f))[1]);
  times.sort((a, b) => a - b);
  return times[Math.floor(n / 2)] ?? 0;
}

async function measure(db: Db, size: keyof typeof SIZES): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const plan = planProvince(SIZES[size]);
  const data = provinceDataset(plan);
  out.set('members / units / evaluations', '');
  const [counts, load] = await timed(() => insertDataset(db, data));
  out.set('members / units / evaluations', `${plan.members.toLocaleString('en')} / ${plan.units.length.toLocaleString('en')} / ${counts.evaluations.toLocaleString('en')}`);
  out.set('stored count rows', counts.form_counts.toLocaleString('en'));
  out.set('load (insert + counts)', fmt(load));
  const year = 2022;
  const [, rootFirst] = await timed(() => getFormValues(db, { unitCode: plan.code, year }));
  out.set('form at root (first / median of 5)', `${fmt(rootFirst)} / ${fmt(await median(5, () => getFormValues(db, { unitCode: plan.code, year })))}`);
  const commune = plan.communes[Math.floor(plan.communes.length / 2)] ?? plan.code;
  out.set('form at a commune (median of 5)', fmt(await median(5, () => getFormValues(db, { unitCode: commune, year }))));
  out.set('grade change shown at root (update + read)', fmt(await gradeChange(db, plan.code, year)));
  const [, trace] = await timed(() => traceCell(db, { unitCode: commune, year, form: 'DV', row: 'graded.htt', col: 'total' }));
  out.set('trace one cell at a commune', fmt(trace));
  const [result, verifyMs] = await timed(() => verify(db, { year }));
  if (result.differences !== 0) throw new Error(`verify found ${result.differences} difference(s)`);
  out.set('verify (recompute + compare, 0 differences)', fmt(verifyMs));
  for (const [format, line] of await importRates(db)) out.set(`import 100,000 members (${format}: read, check, write)`, line);
  out.set('peak RSS so far', `${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  return out;
}

/**
 * Issue #10: a generated district of 100,000 members imported beside the province, once from the
 * workbook and once (another district) from CSV files; the rate is members per second of the whole
 * import (read, check, write all or nothing).
 */
async function importRates(db: Db): Promise<[string, string][]> {
  const out: [string, string][] = [];
  for (const [format, prefix] of [['workbook', 'BX'], ['CSV', 'BC']] as const) {
    const d = generateImportDistrict({ members: 100_000, prefix });
    const files = format === 'CSV'
      ? [['units.csv', d.units], ['persons.csv', d.persons], ['events.csv', d.events]].map(([name, rows]) => ({ name: name as string, bytes: toCsv(rows as string[][]) }))
      : [{ name: 'huyen.xlsx', bytes: await writeSheets([{ name: 'Đơn vị', rows: d.units }, { name: 'Đảng viên', rows: d.persons }, { name: 'Sự kiện', rows: d.events }]) }];
    const [report, t] = await timed(() => runImport(db, files));
    if (!report.written || report.persons !== d.members) throw new Error(`the ${format} import did not write: ${JSON.stringify(report.errors.slice(0, 3))}`);
    out.push([format, `${fmt(t)} (${Math.round(d.members / (t / 1000)).toLocaleString('en')} members/s)`]);
  }
  return out;
}

/** One member regraded HTT → HT, then the root's form read: the change must be there. */
async function gradeChange(db: Db, rootCode: string, year: number): Promise<number> {
  const ev = await db.selectFrom('evaluations').select(['id']).where('subject_kind', '=', 'member').where('decided_grade', '=', 'HTT').limit(1).executeTakeFirstOrThrow();
  const before = (await getFormValues(db, { unitCode: rootCode, year, form: 'DV' })).forms.DV?.rows['graded.ht']?.total ?? 0;
  const [after, t] = await timed(async () => {
    await updateEvaluation(db, ev.id, { decidedGrade: 'HT' }, { actor: 'bench' });
    return (await getFormValues(db, { unitCode: rootCode, year, form: 'DV' })).forms.DV?.rows['graded.ht']?.total ?? 0;
  });
  if (after !== before + 1) throw new Error(`the grade change did not show at the root (${before} → ${after})`);
  return t;
}

async function onSqlite(size: keyof typeof SIZES): Promise<Map<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'xeploai-bench-'));
  const db = createDb(loadConfig({ XEPLOAI_DB: join(dir, 'bench.sqlite') }));
  try {
    await migrateToLatest(db);
    return await measure(db, size);
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(size: keyof typeof SIZES, url: string): Promise<Map<string, string>> {
  const schema = `bench_${Date.now().toString(36)}`;
  const admin = createDb(loadConfig({ DATABASE_URL: url }));
  await sql`create schema ${sql.id(schema)}`.execute(admin);
  const db = createDb(loadConfig({ DATABASE_URL: url, XEPLOAI_PG_SCHEMA: schema }));
  try {
    await migrateToLatest(db, { pgSchema: schema });
    return await measure(db, size);
  } finally {
    await db.destroy();
    await sql`drop schema ${sql.id(schema)} cascade`.execute(admin);
    await admin.destroy();
  }
}

function printTable(rows: Row[]): void {
  const width = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: Row) => `| ${r.map((c, i) => c.padEnd(width[i] ?? 0)).join(' | ')} |`;
  console.log(line(rows[0]!));
  console.log(`|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows.slice(1)) console.log(line(r));
}

async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { size: { type: 'string', default: 'province' } }, strict: true });
  const size = values.size as keyof typeof SIZES;
  if (!(size in SIZES)) throw new Error(`--size must be province or district, not "${values.size}"`);
  const results: [string, Map<string, string>][] = [['SQLite (file)', await onSqlite(size)]];
  const url = process.env.DATABASE_URL?.trim();
  if (url) results.push(['PostgreSQL', await onPostgres(size, url)]);
  const metrics = [...(results[0]?.[1].keys() ?? [])];
  console.log(`\nxeploai forms benchmark, size ${size}, ${new Date().toISOString()}, Node ${process.version}\n`);
  printTable([['measure', ...results.map(([e]) => e)], ...metrics.map((m): Row => [m, ...results.map(([, r]) => r.get(m) ?? '—')])]);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
