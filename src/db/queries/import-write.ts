/**
 * Writes what an import planned (src/services/import/context.ts), in the caller's transaction, in
 * foreign-key order: units, their versions, persons (new, then updated details), memberships,
 * events, collectives, positions, collective members. Bulk INSERTs (bulk-insert.ts); a person's changed details one
 * UPDATE each (a re-import changes none).
 */
import type { Insertable } from 'kysely';
import type { Db } from '../create-db.js';
import type { Database } from '../schema.js';
import { insertRows, type SqliteHandle } from './bulk-insert.js';

/** The rows of an import, by table. */
export interface ImportRows {
  units: Insertable<Database['org_units']>[];
  versions: Insertable<Database['org_unit_versions']>[];
  persons: Insertable<Database['persons']>[];
  personUpdates: { id: string; values: Partial<Insertable<Database['persons']>> }[];
  memberships: Insertable<Database['memberships']>[];
  events: Insertable<Database['person_events']>[];
  collectives: Insertable<Database['collectives']>[];
  positions: Insertable<Database['positions']>[];
  collectiveMembers: Insertable<Database['collective_members']>[];
}

/** Rows in an import plan. */
export function countImportRows(rows: ImportRows): number {
  return Object.values(rows).reduce((n, list: unknown[]) => n + list.length, 0);
}

/**
 * Writes every planned row; `onWritten(n)` now and then with the rows written so far. `sqlite`: the
 * handle of the SQLite connection the transaction runs on, for prepared statements (bulk-insert.ts).
 */
export async function writeImportRows(trx: Db, rows: ImportRows, options: { onWritten?: (written: number) => void; sqlite?: SqliteHandle | undefined } = {}): Promise<void> {
  const onWritten = options.onWritten;
  let done = 0;
  const step = (before: number) => (n: number) => onWritten?.(before + n);
  const put = async <T extends keyof Database>(table: T, list: readonly Insertable<Database[T]>[]) => {
    await insertRows(trx, table, list, { onWritten: step(done), sqlite: options.sqlite });
    done += list.length;
  };
  await put('org_units', rows.units);
  await put('org_unit_versions', rows.versions);
  await put('persons', rows.persons);
  for (const u of rows.personUpdates) {
    await trx.updateTable('persons').set(u.values).where('id', '=', u.id).execute();
    onWritten?.(++done);
  }
  await put('memberships', rows.memberships);
  await put('person_events', rows.events);
  await put('collectives', rows.collectives);
  await put('positions', rows.positions);
  await put('collective_members', rows.collectiveMembers);
}
