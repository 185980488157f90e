/**
 * Bad input of every shape (STACK.md: "for importers … arbitrary rows and bytes, asserting no
 * crash and no partial write"): seeded mutations of valid CSV files and of a valid workbook. Each
 * import either refuses with the product's error (a report with issues, or an AppError for an
 * unreadable file) and leaves every table as it was, or writes everything it reports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/demo/random.js';
import { isAppError } from '../../src/domain/errors.js';
import { runImport } from '../../src/services/import/run.js';
import type { ImportFile } from '../../src/services/import/types.js';
import { dumpTables } from '../helpers/dump.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';
import { csvFiles, EVENTS, PERSONS, UNITS, workbook } from './fixtures.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const NOISE = ['', '"', '""', ',', ';', '\n', '\r\n', 'x', '0', '-1', '2022-02-30', '31/12/2022', 'Nữ', 'cell', 'CB-1', '01.001', '🙂', '\u0000', 'a'.repeat(400)];

/** One mutation of CSV text: a character dropped, a field replaced by noise, a line duplicated or dropped. */
function mutateCsv(rng: Rng, text: string): string {
  const lines = text.split('\r\n');
  const i = rng.int(0, lines.length - 1);
  switch (rng.int(0, 3)) {
    case 0: {
      const p = rng.int(0, Math.max(0, text.length - 1));
      return text.slice(0, p) + text.slice(p + 1);
    }
    case 1: {
      const fields = (lines[i] ?? '').split(',');
      fields[rng.int(0, fields.length - 1)] = rng.pick(NOISE);
      lines[i] = fields.join(',');
      return lines.join('\r\n');
    }
    case 2:
      return [...lines.slice(0, i + 1), lines[i] ?? '', ...lines.slice(i + 1)].join('\r\n');
    default:
      return lines.filter((_, k) => k !== i).join('\r\n');
  }
}

/** Imports and checks the property; returns whether it wrote. */
async function importChecked(files: ImportFile[]): Promise<boolean> {
  const before = await dumpTables(t.db);
  try {
    const r = await runImport(t.db, files);
    if (!r.written) expect(await dumpTables(t.db)).toEqual(before);
    else expect(r.ok).toBe(true);
    for (const e of r.errors) expect(e.message.vi.length * e.message.en.length).toBeGreaterThan(0);
    return r.written;
  } catch (e) {
    expect(isAppError(e), String(e)).toBe(true);
    expect(await dumpTables(t.db)).toEqual(before);
    return false;
  }
}

describe(`mutated input never crashes and never half-writes, on ${testEngine}`, () => {
  it('CSV files with seeded mutations', async () => {
    const rng = new Rng(10);
    const base = csvFiles({ 'units.csv': UNITS, 'persons.csv': PERSONS, 'events.csv': EVENTS });
    for (let n = 0; n < 40; n++) {
      const files = base.map((f) => {
        let text = new TextDecoder().decode(f.bytes);
        for (let k = rng.int(1, 3); k > 0; k--) text = mutateCsv(rng, text);
        return { name: f.name, bytes: new TextEncoder().encode(text) };
      });
      await importChecked(files);
    }
  });

  it('a workbook with seeded byte corruption', async () => {
    const rng = new Rng(11);
    const good = await workbook({ 'Đơn vị': UNITS, 'Đảng viên': PERSONS });
    for (let n = 0; n < 25; n++) {
      const bytes = new Uint8Array(good.bytes);
      for (let k = rng.int(1, 8); k > 0; k--) bytes[rng.int(0, bytes.length - 1)] = rng.int(0, 255);
      await importChecked([{ name: 'hong.xlsx', bytes }]);
    }
  });
});
