/**
 * Exports an organisation as the import reads it (issue #10 item 2): the same sheets and columns,
 * every period (unit versions, memberships, events, collectives, positions), so that importing an
 * export gives back the same data (a round trip), and importing it again where it came from changes
 * nothing. Scope: the units that lay under a unit on some day of their history (the user's scope
 * over the API), or everything. As a workbook (headers "label (field)", as the template) or as CSV
 * files (headers = field names).
 */
import type { Db } from '../../db/create-db.js';
import { listCollectiveMemberRows, listCollectiveRows, listEventRows, listMembershipRows, listPositionRows, listUnitsEverUnder } from '../../db/queries/export.js';
import { requireUnitId } from '../../db/queries/units.js';
import { toCsv } from './csv.js';
import { SHEETS, type SheetKey } from './sheets.js';
import { templateHeader } from './template.js';
import { writeSheets } from './write-workbook.js';

type Value = string | number | boolean | null;
type Record_ = Record<string, unknown>;

/** The records of each sheet, keyed by the API's field names. */
export type ExportRecords = Record<SheetKey, Record_[]>;

const by = (...keys: string[]) => (a: Record_, b: Record_) => {
  for (const k of keys) {
    const x = String(a[k] ?? '');
    const y = String(b[k] ?? '');
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
};

/** Everything under `unitCode` (or everything), as records of the import's sheets, in a stable order. */
export async function exportRecords(db: Db, options: { unitCode?: string | undefined } = {}): Promise<ExportRecords> {
  if (options.unitCode !== undefined) await requireUnitId(db, options.unitCode); // UnitNotFound naming it
  const versions = await listUnitsEverUnder(db, options.unitCode ?? null);
  const unitIds = [...new Set(versions.map((v) => v.unitId))];
  const memberships = await listMembershipRows(db, unitIds);
  const personIds = [...new Set(memberships.map((m) => m.personId))];
  return {
    units: versions.map((v) => ({ code: v.code, name: v.name, kind: v.kind, orgType: v.orgType, parentCode: v.parentCode, validFrom: v.validFrom, validTo: v.validTo })).sort(by('code', 'validFrom')),
    persons: memberships.map(({ personId: _, ...m }) => m as Record_).sort(by('cardNumber', 'validFrom')),
    events: (await listEventRows(db, personIds)).map(({ id: _, ...e }) => e as Record_).sort(by('cardNumber', 'startsOn', 'kind')),
    collectives: (await listCollectiveRows(db, unitIds)).sort(by('code')),
    positions: (await listPositionRows(db, unitIds)).sort(by('cardNumber', 'unitCode', 'positionGroup', 'validFrom')),
    collectiveMembers: (await listCollectiveMemberRows(db, unitIds)).sort(by('collectiveCode', 'cardNumber', 'validFrom')),
  };
}

/** A sheet's rows: the header, then each record's value for each column (by field name). */
function rowsOf(key: SheetKey, records: readonly Record_[], header: 'template' | 'field'): Value[][] {
  const columns = SHEETS.find((s) => s.key === key)!.columns;
  return [columns.map((c) => (header === 'template' ? templateHeader(c) : c.field)), ...records.map((r) => columns.map((c) => (r[c.field] ?? null) as Value))];
}

/** The export as the template workbook. */
export async function exportWorkbook(db: Db, options: { unitCode?: string | undefined } = {}): Promise<Buffer> {
  const records = await exportRecords(db, options);
  return writeSheets(SHEETS.map((s) => ({ name: s.sheet, rows: rowsOf(s.key, records[s.key], 'template'), widths: s.columns.map((c) => Math.max(12, Math.min(40, templateHeader(c).length + 2))) })));
}

/** The export as CSV files (units.csv, persons.csv, …): name → bytes (UTF-8 with a byte-order mark). */
export async function exportCsvFiles(db: Db, options: { unitCode?: string | undefined } = {}): Promise<{ name: string; bytes: Uint8Array }[]> {
  const records = await exportRecords(db, options);
  return SHEETS.map((s) => ({ name: s.file, bytes: toCsv(rowsOf(s.key, records[s.key], 'field')) }));
}
