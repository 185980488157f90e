/**
 * PostgreSQL test schemas. Each test database is a schema named `t_<minute>_<run>_<random>`; none is
 * dropped while the suite runs, because Kysely's migrator lists tables across every schema and a
 * schema vanishing mid-query fails it ("schema … does not exist"). The global teardown drops this
 * run's schemas; the setup drops those that crashed runs left more than three hours ago.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createDb } from '../../src/db/create-db.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgRunId: string;
  }
}

/** A run id: the minute it began (base 36), an underscore, 4 hex digits; stale schemas can be told apart. */
export function newRunId(now = Date.now()): string {
  return `${Math.floor(now / 60_000).toString(36)}_${randomBytes(2).toString('hex')}`;
}

/**
 * True for a test schema of a run begun before `staleBefore` (a crashed run left it); names not
 * made by newRunId/testSchemaName are not ours to drop.
 */
export function isStaleSchema(name: string, staleBefore: number): boolean {
  const run = /^t_([0-9a-z]+)_([0-9a-f]{4})_[0-9a-f]{8}$/.exec(name);
  return run !== null && Number.parseInt(run[1] ?? '', 36) * 60_000 < staleBefore;
}

/** A fresh schema name for one test database of this run. */
export function testSchemaName(): string {
  let run = 'norun';
  try {
    run = inject('pgRunId') ?? run;
  } catch {
    // Outside a vitest worker (a script): no run id.
  }
  return `t_${run}_${randomBytes(4).toString('hex')}`;
}

/** Drops the schemas of one run, or (with `staleBefore`) those of runs begun before that instant. */
export async function dropTestSchemas(url: string, which: { runId: string } | { staleBefore: number }): Promise<number> {
  const db = createDb(loadConfig({ DATABASE_URL: url }));
  try {
    const rows = await sql<{ nspname: string }>`select nspname from pg_namespace where nspname like 't\\_%'`.execute(db);
    const doomed = rows.rows
      .map((r) => r.nspname)
      .filter((name) => ('runId' in which ? name.startsWith(`t_${which.runId}_`) : isStaleSchema(name, which.staleBefore)));
    for (const name of doomed) await sql`drop schema if exists ${sql.id(name)} cascade`.execute(db);
    return doomed.length;
  } finally {
    await db.destroy();
  }
}
