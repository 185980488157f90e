import { loadConfig } from './src/config.js';
import { createDb, migrateToLatest } from './src/db/create-db.js';
import { createCycle } from './src/db/queries/cycles.js';
import { generateImportDistrict } from './src/demo/import-district.js';
import { computeAndStoreEligibility } from './src/services/eligibility.js';
import { getFormValues } from './src/services/forms.js';
import { toCsv } from './src/services/import/csv.js';
import { runImport } from './src/services/import/run.js';
import { writeSheets } from './src/services/import/write-workbook.js';
import { sql } from 'kysely';
let t = performance.now();
const lap = (m: string) => { const n = performance.now(); console.log(m, Math.round(n - t), 'ms'); t = n; };
const d = generateImportDistrict({ members: 100_000 }); lap('generate');
const bytes = await writeSheets([{ name: 'Đơn vị', rows: d.units }, { name: 'Đảng viên', rows: d.persons }, { name: 'Sự kiện', rows: d.events }]); lap('xlsx write');
const url = process.env.PGURL;
let db;
if (url) { const schema = 'perf_' + Date.now(); const a = createDb(loadConfig({ DATABASE_URL: url })); await sql`create schema ${sql.id(schema)}`.execute(a); await a.destroy(); db = createDb(loadConfig({ DATABASE_URL: url, XEPLOAI_PG_SCHEMA: schema })); await migrateToLatest(db, { pgSchema: schema }); }
else { db = createDb(loadConfig({ XEPLOAI_DB: ':memory:' })); await migrateToLatest(db); }
lap('db');
const r = await runImport(db, [{ name: 'x.xlsx', bytes }], { onProgress: (p) => { if (p.phase !== 'read' && p.done % 50000 === 0) console.log('  ', p.phase, p.done, Math.round(performance.now() - t)); } });
lap('import ' + r.ok + ' ' + r.errorCount);

await createCycle(db, { year: 2022, referenceDate: '2022-12-31' }); lap('cycle');
await computeAndStoreEligibility(db, { cycleYear: 2022, actor: 'x' }); lap('eligibility');
await getFormValues(db, { unitCode: d.districtCode, year: 2022 }); lap('forms');
await db.destroy();
