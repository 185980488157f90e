/** What most commands share: a migrated database for the duration of the command, and `--cycle`. */
import type { Db } from '../db/create-db.js';
import { createDb, migrateToLatest } from '../db/create-db.js';
import { AppError } from '../domain/errors.js';
import type { CliContext } from './command.js';

/** Opens the configured database, brings its schema up to date, runs `fn`, and always closes it. */
export async function withDb<T>(ctx: CliContext, fn: (db: Db) => Promise<T>): Promise<T> {
  const config = ctx.config();
  const db = createDb(config);
  try {
    await migrateToLatest(db, { pgSchema: config.pgSchema });
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

/** Parses `--cycle YEAR` (four digits); ValidationFailed naming the option otherwise. */
export function parseCycleYear(value: string | undefined, required: true): number;
export function parseCycleYear(value: string | undefined, required: boolean): number | undefined;
export function parseCycleYear(value: string | undefined, required: boolean): number | undefined {
  if (value === undefined && !required) return undefined;
  if (value === undefined || value === '') {
    throw new AppError(
      'ValidationFailed',
      { vi: 'Cần tùy chọn «--cycle NĂM» (ví dụ --cycle 2022).', en: 'Option "--cycle YEAR" is required (e.g. --cycle 2022).' },
      { field: 'cycle' },
    );
  }
  if (!/^\d{4}$/.test(value)) {
    throw new AppError(
      'ValidationFailed',
      {
        vi: `Tùy chọn «--cycle» phải là một năm (ví dụ --cycle 2022), không phải «${value ?? ''}».`,
        en: `Option "--cycle" must be a year (e.g. --cycle 2022), not "${value}".`,
      },
      { field: 'cycle' },
    );
  }
  return Number(value);
}
