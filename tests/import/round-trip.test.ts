/**
 * Exports (issue #10 item 2): the demo district exported as CSV and as the workbook imports into an
 * empty database and exports again the same; imported back where it came from it changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDistrict } from '../../src/demo/load.js';
import { exportCsvFiles, exportRecords, exportWorkbook } from '../../src/services/import/export.js';
import { runImport } from '../../src/services/import/run.js';
import { dumpTables } from '../helpers/dump.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';

let demo: TestDb;

beforeAll(async () => {
  demo = await createTestDb();
  await loadDemoDistrict(demo.db);
});
afterAll(() => demo.close());

const text = (files: { name: string; bytes: Uint8Array }[]) => Object.fromEntries(files.map((f) => [f.name, new TextDecoder().decode(f.bytes)]));

describe(`export and import again, on ${testEngine}`, () => {
  it('a CSV export of the demo district imports into an empty database and exports the same', async () => {
    const first = await exportCsvFiles(demo.db);
    const counts = text(first);
    expect(counts['persons.csv']?.split('\r\n').length).toBeGreaterThan(2700);
    // The party committees' seats (the demo seats 171 positions) travel with the rest.
    expect(counts['collective-members.csv']?.split('\r\n').length).toBeGreaterThan(171);
    const fresh = await createTestDb();
    try {
      const r = await runImport(fresh.db, first);
      expect(r.errors.slice(0, 5)).toEqual([]);
      expect(r.written).toBe(true);
      expect(text(await exportCsvFiles(fresh.db))).toEqual(counts);
    } finally {
      await fresh.close();
    }
  });

  it('the workbook export carries the same records, and imported back where it came from changes nothing', async () => {
    const before = await dumpTables(demo.db);
    const r = await runImport(demo.db, [{ name: 'xuat.xlsx', bytes: await exportWorkbook(demo.db) }]);
    expect(r.errors.slice(0, 5)).toEqual([]);
    expect(r).toMatchObject({ ok: true, written: false });
    expect(r.sheets.every((s) => s.created === 0 && s.updated === 0)).toBe(true);
    expect(await dumpTables(demo.db)).toEqual(before);
  });

  it('a unit scope exports only what lay under that unit', async () => {
    const records = await exportRecords(demo.db, { unitCode: 'TD-DU-KHUNHA' });
    expect(new Set(records.units.map((u) => u.code)).has('TD-DU-BANBO')).toBe(false);
    expect(records.units[0]?.code).toMatch(/^TD-DU-KHUNHA/);
    expect(records.persons.every((p) => String(p.unitCode).startsWith('TD-DU-KHUNHA'))).toBe(true);
    expect(records.persons.length).toBeGreaterThan(50);
  });
});
