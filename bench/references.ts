/**
 * The benchmark's references (issue 12 item 2), on the rows just loaded:
 * - DuckDB: the evaluations and the tree copied into an in-memory DuckDB (through a CSV file, read
 *   by DuckDB's own reader), then the same full aggregation our recompute does — every evaluation
 *   counted at the unit its grade counts at (the deciding unit for those graded by a superior) and
 *   every ancestor, grouped by the facts its cells depend on (kind, eligibility, review, grade, first
 *   KHT reason, collective kind and level, position group) — over the closure of ancestors, timed
 *   apart from the copy. (It does not inherit organisation types down the tree nor map facts to
 *   printed cells: a lower bound of the work.)
 * - A plain recursive SQL query per unit on the same engine: the unit's subtree by a recursive walk
 *   down the parent links, its evaluations grouped the same way; timed on a sample of every level
 *   of the tree and scaled to the number of units of that level.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { sql } from 'kysely';
import { type Db, sqliteHandleOf } from '../src/db/create-db.js';
import { validOn } from '../src/db/queries/common.js';
import { loadTreeOn, scanCycleEvaluations } from '../src/db/queries/rollup-facts.js';

const csv = (v: string | number | null | boolean) => (v === null ? '' : typeof v === 'string' ? `"${v.replace(/"/g, '""')}"` : String(v));

/** Writes lines to a file synchronously, 1 MB at a time (the SQLite scan is synchronous: no buffering of the whole file). */
async function writeLines(file: string, fill: (write: (line: string) => void) => Promise<void>): Promise<void> {
  const fd = openSync(file, 'w');
  try {
    let chunk = '';
    await fill((line) => {
      chunk += line;
      if (chunk.length >= 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
      }
    });
    writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

export async function duckdbReference(db: Db, cycleId: string): Promise<{ transferMs: number; aggregateMs: number; groups: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'xeploai-duck-'));
  try {
    const t0 = performance.now();
    const [cycle] = await db.selectFrom('cycles').select(['reference_date']).where('id', '=', cycleId).execute();
    const tree = await loadTreeOn(db, cycle?.reference_date ?? '9999-12-31');
    await writeLines(join(dir, 'units.csv'), async (write) => {
      write('id,parent_id\n');
      for (const id of tree.ids()) write(`${csv(id)},${csv(tree.get(id)?.parentId ?? null)}\n`);
    });
    await writeLines(join(dir, 'evaluations.csv'), async (write) => {
      write('unit_id,grade_unit,subject_kind,eligibility,reviewed,decided_grade,kht_reason,collective_kind,level,position_group\n');
      await scanCycleEvaluations(
        db,
        cycleId,
        (e) => {
          const gradeUnit = e.eligibility === 'higher_level' ? (e.decidingUnitId ?? e.unitId) : e.unitId;
          write(`${[e.unitId, gradeUnit, e.subjectKind, e.eligibility, e.reviewed, e.decidedGrade, e.khtReasons[0] ?? null, e.collectiveKind, e.level, e.positionGroup].map(csv).join(',')}\n`);
        },
        { sqlite: sqliteHandleOf(db) },
      );
    });
    const duck = await DuckDBInstance.create(':memory:');
    const c = await duck.connect();
    try {
      await c.run(`create table units as select * from read_csv('${join(dir, 'units.csv')}', header = true, all_varchar = true)`);
      await c.run(`create table evaluations as select * from read_csv('${join(dir, 'evaluations.csv')}', header = true, all_varchar = true)`);
      const transferMs = performance.now() - t0;
      const t1 = performance.now();
      await c.run(`
        create table result as
        with recursive closure(unit, ancestor) as (
          select id, id from units
          union all
          select c.unit, u.parent_id from closure c join units u on u.id = c.ancestor where u.parent_id is not null
        )
        select c.ancestor, e.subject_kind, e.eligibility, e.reviewed, e.decided_grade, e.kht_reason, e.collective_kind, e.level, e.position_group, count(*) as n
        from evaluations e join closure c on c.unit = e.grade_unit
        group by all`);
      const aggregateMs = performance.now() - t1;
      const groups = Number((await c.runAndReadAll('select count(*) from result')).getRows()[0]?.[0] ?? 0);
      return { transferMs, aggregateMs, groups };
    } finally {
      c.closeSync();
      duck.closeSync();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Time of the recursive query of one unit. */
async function oneUnit(db: Db, cycleId: string, unitId: string, date: string): Promise<number> {
  const t0 = performance.now();
  await sql`
    with recursive down(id, depth) as (
      select v.unit_id, 0 from org_unit_versions v where v.unit_id = ${unitId} and ${validOn('v', date)}
      union all
      select v.unit_id, down.depth + 1 from org_unit_versions v join down on v.parent_id = down.id where ${validOn('v', date)} and down.depth < 64
    )
    select e.subject_kind, e.eligibility, e.reviewed, e.decided_grade, count(*) as n
    from evaluations e join down on e.unit_id = down.id
    where e.cycle_id = ${cycleId}
    group by e.subject_kind, e.eligibility, e.reviewed, e.decided_grade`.execute(db);
  return performance.now() - t0;
}

/** The recursive query per unit, timed on up to `perLevel` units of each depth and scaled to every unit. */
export async function recursivePerUnitReference(db: Db, cycleId: string, date: string, perLevel = 12): Promise<{ estimatedMs: number; sampled: number }> {
  const tree = await loadTreeOn(db, date);
  const byDepth = new Map<number, string[]>();
  for (const id of tree.ids()) {
    const d = tree.chain(id).length;
    let list = byDepth.get(d);
    if (!list) byDepth.set(d, (list = []));
    list.push(id);
  }
  let estimatedMs = 0;
  let sampled = 0;
  for (const [, ids] of byDepth) {
    const step = Math.max(1, Math.floor(ids.length / perLevel));
    const sample = ids.filter((_, i) => i % step === 0).slice(0, perLevel);
    let total = 0;
    for (const id of sample) total += await oneUnit(db, cycleId, id, date);
    sampled += sample.length;
    estimatedMs += (total / sample.length) * ids.length;
  }
  return { estimatedMs, sampled };
}
