/**
 * An import of an organisation (issue #10 item 1): read the files, parse every row with the API's
 * schemas, check everything against what is stored and against itself, then write all or nothing.
 * Every bad row and cell is reported (sheet, row, column, value, why, in Vietnamese and English)
 * and then nothing is written; a dry run stops after the checks. Re-importing the same file finds
 * everything already there and writes nothing. The checks and the write run in one transaction, so
 * what was checked is what is written. The CLI (`xeploai import`) and the API (/api/imports) call
 * this one function.
 */
import { type Db, sqliteHandleOf } from '../../db/create-db.js';
import { inTransaction } from '../../db/queries/common.js';
import { loadCollectiveMembersOf, loadCollectivesByCode, loadEventsOf, loadMembershipsOf, loadPersonsByCard, loadPositionsOf, loadStoredVersions } from '../../db/queries/import-snapshot.js';
import { countImportRows, writeImportRows } from '../../db/queries/import-write.js';
import { formatViInteger } from '../../domain/format/vi-number.js';
import { checkCollectiveMembers, checkCollectives, checkEvents, checkPositions } from './check-records.js';
import { checkPersons } from './check-persons.js';
import { checkUnits } from './check-units.js';
import { ImportContext, type ImportScope, type SheetPlace, type Stored } from './context.js';
import { type ParsedRow, parseTable } from './parse-rows.js';
import { readImportFiles } from './read.js';
import { recordAudit } from '../../db/queries/audit.js';
import { SHEETS, type SheetKey } from './sheets.js';
import type { ImportFile, ImportIssue, ImportProgress, ImportReport, RawTable } from './types.js';

export interface RunImportOptions {
  dryRun?: boolean | undefined;
  /** The importing user's scope unit; null or absent: the whole tree (administrator, command line). */
  scope?: ImportScope | undefined;
  onProgress?: ((p: ImportProgress) => void) | undefined;
  /** Who imports (the signed-in user, the command line's actor): the audit entry of the write names them. */
  actor?: string | undefined;
}

/** Errors listed in a report (all are counted). */
const MAX_LISTED = 1000;

type Parsed = { [K in SheetKey]?: { where: SheetPlace; rows: ParsedRow<unknown>[] } };

const say = (vi: string, en: string) => ({ vi, en });

/** Parses every table; the issues of all of them are kept. */
function parseAll(tables: readonly RawTable[], issues: ImportIssue[], progress: (n: number) => void): Parsed {
  const out: Parsed = {};
  let n = 0;
  for (const table of tables) {
    const { rows, issues: found, map } = parseTable(table, () => ++n % 10_000 === 0 && progress(n));
    issues.push(...found);
    // The raw cells are not needed once parsed (issues name the sheet, row and column only): let them go.
    table.rows = [];
    out[table.key] = { where: { table, map }, rows };
  }
  return out;
}

const cardsIn = (p: Parsed) => (['persons', 'events', 'positions', 'collectiveMembers'] as const).flatMap((k) => (p[k]?.rows ?? []).map((r) => (r.data as { cardNumber: string }).cardNumber));

/** Reads what the file's rows will be compared with. */
async function loadStored(db: Db, parsed: Parsed): Promise<Stored> {
  const persons = await loadPersonsByCard(db, cardsIn(parsed));
  const ids = [...persons.values()].map((p) => p.id);
  const codes = (['collectives', 'collectiveMembers'] as const).flatMap((k) => (parsed[k]?.rows ?? []).map((r) => {
    const d = r.data as { code?: string; collectiveCode?: string };
    return d.code ?? d.collectiveCode ?? '';
  }));
  const collectives = await loadCollectivesByCode(db, codes);
  return {
    versions: await loadStoredVersions(db),
    persons,
    memberships: await loadMembershipsOf(db, ids),
    events: await loadEventsOf(db, ids),
    collectives,
    positions: await loadPositionsOf(db, ids),
    collectiveMembers: await loadCollectiveMembersOf(db, [...collectives.values()].map((c) => c.id)),
  };
}

/** Runs every sheet's checks in order (units before what refers to them). */
async function checkAll(db: Db, ctx: ImportContext, parsed: Parsed, progress: (n: number) => void): Promise<void> {
  const rowsOf = <K extends SheetKey>(k: K) => parsed[k] as { where: SheetPlace; rows: ParsedRow<never>[] } | undefined;
  const units = rowsOf('units');
  if (units) await checkUnits(db, ctx, units.where, units.rows);
  const persons = rowsOf('persons');
  let n = 0;
  if (persons) checkPersons(ctx, persons.where, persons.rows, () => ++n % 10_000 === 0 && progress(n));
  const failed = new Set((persons?.rows ?? []).map((r) => (r.data as { cardNumber: string }).cardNumber).filter((c) => !ctx.personIds.has(c)));
  for (const i of ctx.issues) if (i.sheet === persons?.where.table.source && i.field === 'cardNumber' && i.value) failed.add(i.value);
  const events = rowsOf('events');
  if (events) checkEvents(ctx, events.where, events.rows, failed);
  const collectives = rowsOf('collectives');
  if (collectives) checkCollectives(ctx, collectives.where, collectives.rows);
  const positions = rowsOf('positions');
  if (positions) checkPositions(ctx, positions.where, positions.rows, failed);
  const members = rowsOf('collectiveMembers');
  if (members) checkCollectiveMembers(ctx, members.where, members.rows, failed);
}

/** Issues in sheet order, then row, then column. */
function sortIssues(issues: ImportIssue[], tables: readonly RawTable[]): ImportIssue[] {
  const order = (sheet: string) => SHEETS.findIndex((s) => s.key === tables.find((t) => t.source === sheet)?.key);
  return issues.sort((a, b) => order(a.sheet) - order(b.sheet) || (a.row ?? 0) - (b.row ?? 0) || (a.cell ?? a.column ?? '').localeCompare(b.cell ?? b.column ?? ''));
}

/**
 * Imports `files` (one workbook, or CSV files loose or zipped). Returns the report: refused with
 * every issue and nothing written, checked only (dry run), or written. FileUnreadable and
 * ValidationFailed (thrown) only when the files cannot be read at all.
 */
export async function runImport(db: Db, files: readonly ImportFile[], options: RunImportOptions = {}): Promise<ImportReport> {
  const started = performance.now();
  const report = (p: ImportProgress) => options.onProgress?.(p);
  report({ phase: 'read', done: 0, total: 0, message: say('Đang đọc tệp…', 'Reading the files…') });
  const { tables, warnings } = await readImportFiles(files, (n) => report({ phase: 'read', done: n, total: 0, message: say(`Đã đọc ${formatViInteger(n)} dòng…`, `${n} rows read…`) }));
  const total = tables.reduce((n, t) => n + t.rows.length, 0);
  const checking = (n: number) => report({ phase: 'check', done: n, total, message: say(`Đang kiểm tra: ${formatViInteger(n)}/${formatViInteger(total)} dòng`, `Checking: ${n}/${total} rows`) });
  checking(0);
  const issues: ImportIssue[] = [];
  const parsed = parseAll(tables, issues, checking);
  const run = async (trx: Db): Promise<ImportReport> => {
    const ctx = new ImportContext(await loadStored(trx, parsed), options.scope ?? null);
    ctx.issues.push(...issues);
    await checkAll(trx, ctx, parsed, checking);
    const errors = sortIssues(ctx.issues, tables);
    const planned = countImportRows(ctx.plan);
    const base = { dryRun: options.dryRun === true, sheets: SHEETS.flatMap((s) => (ctx.summaries.get(s.key) ? [ctx.summaries.get(s.key)!] : [])), warnings, persons: parsed.persons?.rows.length ?? 0 };
    if (errors.length > 0 || options.dryRun || planned === 0) {
      return { ...base, ok: errors.length === 0, written: false, errors: errors.slice(0, MAX_LISTED), errorCount: errors.length, durationMs: 0 };
    }
    const onWritten = (n: number) => report({ phase: 'write', done: n, total: planned, message: say(`Đang ghi: ${formatViInteger(n)}/${formatViInteger(planned)} bản ghi`, `Writing: ${n}/${planned} records`) });
    await writeImportRows(trx, ctx.plan, { onWritten, sqlite: sqliteHandleOf(db) });
    // Who wrote which people, memberships and units, in the import's own transaction (the rows are the files').
    const listed = files.map((f) => ({ name: f.name, bytes: f.bytes.length }));
    await recordAudit(trx, { actor: options.actor ?? 'import', action: 'import.write', entity: 'import', entityKey: listed.map((f) => f.name).join(', '), newValue: { files: listed, sheets: base.sheets, planned } });
    return { ...base, ok: true, written: true, errors: [], errorCount: 0, durationMs: 0 };
  };
  const result = options.dryRun ? await run(db) : await inTransaction(db, run);
  const done = { ...result, durationMs: Math.round(performance.now() - started) };
  report({ phase: 'done', done: total, total, message: done.ok ? say('Xong.', 'Done.') : say(`Có ${formatViInteger(done.errorCount)} lỗi; chưa ghi gì.`, `${done.errorCount} error(s); nothing written.`) });
  return done;
}
