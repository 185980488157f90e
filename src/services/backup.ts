/**
 * `xeploai backup FILE` and `xeploai restore FILE` (issue #11 item 7). A backup is one gzip'd JSON
 * Lines file, the same for both engines: a header (format, engine, time, the migrations applied, the
 * tables in foreign-key order), then one line per row, then a closing line with the counts. SQLite is
 * first copied with its online backup API (a consistent snapshot while the server keeps writing);
 * PostgreSQL is read in one repeatable-read transaction (a consistent snapshot of this schema only).
 * A restore goes only into a database holding no data, refuses a backup of a newer schema than this
 * version knows, brings the schema to the backup's level, writes every row in one transaction (all or
 * nothing), then migrates to this version's level and verifies the audit chain and the form counts.
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { Migrator, sql } from 'kysely';
import { createDb, type Db, type Engine, engineOf, migrateToLatest, sqliteHandleOf } from '../db/create-db.js';
import { migrations } from '../db/migrations/index.js';
import { appliedMigrations, emptyTable, holdsData, insertRows, productTablesInOrder, tableRows } from '../db/queries/backup.js';
import { AppError } from '../domain/errors.js';
import { verifyAudit } from './audit.js';
import { verify } from './forms.js';

export const BACKUP_FORMAT = 'xeploai-backup';
const BACKUP_VERSION = 1;

interface Header {
  format: string;
  version: number;
  engine: string;
  createdAt: string;
  migrations: string[];
  tables: string[];
}

/** JSON for a row value; bytes (a BLOB/bytea) kept as base64. */
const encode = (row: Record<string, unknown>) =>
  JSON.stringify(row, (_k, v: unknown) => (v instanceof Uint8Array ? { $b64: Buffer.from(v).toString('base64') } : (v as { type?: string; data?: number[] })?.type === 'Buffer' && Array.isArray((v as { data?: unknown }).data) ? { $b64: Buffer.from((v as { data: number[] }).data).toString('base64') } : v));
const decodeLine = (text: string) => JSON.parse(text, (_k, v: unknown) => (v !== null && typeof v === 'object' && typeof (v as { $b64?: unknown }).$b64 === 'string' ? Buffer.from((v as { $b64: string }).$b64, 'base64') : v)) as { t?: string; r?: Record<string, unknown>; end?: boolean; counts?: Record<string, number> };

function unwritable(file: string, e: unknown): AppError {
  const why = e instanceof Error ? e.message : String(e);
  return new AppError('FileUnwritable', { vi: `Không ghi được tệp sao lưu «${file}»: ${why}.`, en: `Cannot write the backup "${file}": ${why}.` }, { field: 'file' });
}

async function dump(src: Db, file: string, engine: Engine): Promise<Record<string, number>> {
  const gzip = createGzip();
  const out = createWriteStream(file);
  gzip.pipe(out);
  const failed = new Promise<never>((_, reject) => {
    out.once('error', (e) => reject(unwritable(file, e)));
    gzip.once('error', (e) => reject(unwritable(file, e)));
  });
  failed.catch(() => undefined);
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await Promise.race([once(gzip, 'drain'), failed]);
  };
  const tables = await productTablesInOrder(src, engine);
  const header: Header = { format: BACKUP_FORMAT, version: BACKUP_VERSION, engine, createdAt: new Date().toISOString(), migrations: await appliedMigrations(src), tables };
  await write(JSON.stringify(header));
  const counts: Record<string, number> = {};
  for (const t of tables) {
    counts[t] = 0;
    for await (const row of tableRows(src, t, engine)) {
      await write(`{"t":${JSON.stringify(t)},"r":${encode(row)}}`);
      counts[t]++;
    }
  }
  await write(JSON.stringify({ end: true, counts }));
  gzip.end();
  await Promise.race([once(out, 'finish'), failed]);
  return counts;
}

/** Writes a backup of the database to `file`; returns the rows written per table. */
export async function backupDatabase(db: Db, file: string): Promise<Record<string, number>> {
  const handle = sqliteHandleOf(db);
  if (engineOf(db) === 'sqlite' && handle) {
    const dir = mkdtempSync(join(tmpdir(), 'xeploai-backup-'));
    try {
      const snapshot = join(dir, 'snapshot.sqlite');
      await handle.backup(snapshot); // SQLite's online backup: a consistent copy while others write
      const src = createDb({ engine: 'sqlite', sqlitePath: snapshot, databaseUrl: undefined, pgSchema: 'public' });
      try {
        return await dump(src, file, 'sqlite');
      } finally {
        await src.destroy();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
    await sql`set transaction read only`.execute(trx).catch(() => undefined);
    return dump(trx, file, engineOf(db));
  });
}

function unreadable(file: string, why: string): AppError {
  return new AppError('FileUnreadable', { vi: `Tệp «${file}» không phải bản sao lưu xeploai đọc được: ${why}.`, en: `"${file}" is not a readable xeploai backup: ${why}.` }, { field: 'file' });
}

export interface RestoreResult {
  rows: Record<string, number>;
  migrations: { fromBackup: string; now: string };
  audit: { entries: number; findings: number };
  formDifferences: number;
}

/** Brings the schema exactly to the backup's level (not further: its rows fit that level). */
async function migrateToLevel(db: Db, name: string, pgSchema: string): Promise<void> {
  if (engineOf(db) === 'postgres' && pgSchema !== 'public') await sql`create schema if not exists ${sql.id(pgSchema)}`.execute(db);
  const own = engineOf(db) === 'postgres' && pgSchema !== 'public' ? { migrationTableSchema: pgSchema } : {};
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, ...own });
  const { error } = await migrator.migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

/** Restores `file` into `db`, which must hold no data; see the module comment. */
export async function restoreDatabase(db: Db, file: string, options: { pgSchema: string }): Promise<RestoreResult> {
  const input = createReadStream(file);
  const opened = once(input, 'open').catch((e: unknown) => {
    throw unreadable(file, e instanceof Error ? e.message : String(e));
  });
  await opened;
  const lines = createInterface({ input: input.pipe(createGunzip()), crlfDelay: Infinity })[Symbol.asyncIterator]();
  const next = async (): Promise<string | undefined> => {
    try {
      const r = await lines.next();
      return r.done ? undefined : r.value;
    } catch (e) {
      throw unreadable(file, e instanceof Error ? e.message : String(e));
    }
  };
  let header: Header;
  try {
    header = JSON.parse((await next()) ?? '') as Header;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw unreadable(file, 'no header');
  }
  if (header.format !== BACKUP_FORMAT || header.version !== BACKUP_VERSION) throw unreadable(file, `format ${String(header.format)} ${String(header.version)}`);
  const unknown = header.migrations.filter((m) => !(m in migrations));
  if (unknown.length > 0) {
    throw new AppError(
      'Conflict',
      {
        vi: `Bản sao lưu có cấu trúc dữ liệu mới hơn phiên bản phần mềm này (bước ${unknown.join(', ')} chưa biết): hãy cập nhật phần mềm rồi khôi phục.`,
        en: `The backup has a newer schema than this version (unknown migrations ${unknown.join(', ')}): upgrade first.`,
      },
      { field: 'file' },
    );
  }
  const level = header.migrations.at(-1);
  if (!level) throw unreadable(file, 'no migrations');
  const applied = await appliedMigrations(db);
  if (applied.some((m) => !header.migrations.includes(m)) || (applied.length > 0 && (await holdsData(db)))) {
    throw new AppError(
      'Conflict',
      { vi: 'Chỉ khôi phục vào cơ sở dữ liệu trống: cơ sở dữ liệu này đã có dữ liệu hoặc cấu trúc mới hơn bản sao lưu.', en: 'Restore only into an empty database: this one holds data or a newer schema than the backup.' },
      { field: 'database' },
    );
  }
  await migrateToLevel(db, level, options.pgSchema);
  const rows: Record<string, number> = {};
  await db.transaction().execute(async (trx) => {
    for (const t of header.tables) {
      await emptyTable(trx, t);
      rows[t] = 0;
    }
    let table = '';
    let batch: Record<string, unknown>[] = [];
    const flush = async () => {
      await insertRows(trx, table, batch);
      rows[table] = (rows[table] ?? 0) + batch.length;
      batch = [];
    };
    let ended = false;
    for (let line = await next(); line !== undefined; line = await next()) {
      const item = decodeLine(line);
      if (item.end) {
        await flush();
        const expected = JSON.stringify(item.counts ?? {});
        if (JSON.stringify(Object.fromEntries(header.tables.map((t) => [t, rows[t] ?? 0]))) !== expected) throw unreadable(file, 'row counts differ from its closing line');
        ended = true;
        break;
      }
      if (item.t !== table) {
        if (batch.length > 0) await flush();
        table = item.t ?? '';
        if (!header.tables.includes(table)) throw unreadable(file, `unknown table ${table}`);
      }
      batch.push(item.r ?? {});
      if (batch.length >= Math.max(1, Math.floor(20_000 / Object.keys(batch[0]!).length))) await flush();
    }
    if (!ended) throw unreadable(file, 'it ends before its closing line (cut short)');
  });
  await migrateToLatest(db, { pgSchema: options.pgSchema });
  const audit = await verifyAudit(db);
  const forms = await verify(db);
  return { rows, migrations: { fromBackup: level, now: (await appliedMigrations(db)).at(-1) ?? level }, audit: { entries: audit.entries, findings: audit.findings.length }, formDifferences: forms.differences };
}
