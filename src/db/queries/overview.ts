/**
 * Read models of the tree as of a cycle's reference date (src/services/progress.ts): the units, the
 * members on the roll per unit, the stored DV counts per unit, each unit's own grade. Counts are
 * grouped in SQL and rolled up the tree in the domain.
 */
import type { Grade, OrgType, UnitKind } from '../../domain/codes.js';
import type { TreeUnitInput } from '../../domain/tree.js';
import type { Db } from '../create-db.js';

/** Number of organisation units in the database (0 = empty: the demo district may be loaded). */
export async function countUnits(db: Db): Promise<number> {
  const row = await db.selectFrom('org_units').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every unit version valid on `date`, as tree input. */
export async function listUnitsValidOn(db: Db, date: string): Promise<TreeUnitInput[]> {
  const rows = await db
    .selectFrom('org_unit_versions as v')
    .innerJoin('org_units as u', 'u.id', 'v.unit_id')
    .select(['u.id', 'u.code', 'v.parent_id', 'v.name', 'v.kind', 'v.org_type'])
    .where('v.valid_from', '<=', date)
    .where((eb) => eb.or([eb('v.valid_to', 'is', null), eb('v.valid_to', '>', date)]))
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    parentId: r.parent_id,
    name: r.name,
    kind: r.kind as UnitKind,
    orgType: r.org_type as OrgType | null,
  }));
}

/** Members per unit on `date` (memberships valid that day). */
export async function countMembersByUnit(db: Db, date: string): Promise<Map<string, { members: number }>> {
  const rows = await db
    .selectFrom('memberships')
    .select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .groupBy('unit_id')
    .execute();
  return new Map(rows.map((r) => [r.unit_id, { members: Number(r.n) }]));
}

/**
 * A unit's member counts as printed on form DV (FORMS.md §2 "DV"): `members` = DV `total`,
 * HTXS…KHT = `graded.htxs…kht`, `notRequired` = `not_required`, `pending` = `pending`.
 */
export type MemberFormCounts = Record<Grade | 'members' | 'notRequired' | 'pending', number>;

const DV_ROWS: Record<string, keyof MemberFormCounts> = {
  total: 'members',
  'graded.htxs': 'HTXS',
  'graded.htt': 'HTT',
  'graded.ht': 'HT',
  'graded.kht': 'KHT',
  not_required: 'notRequired',
  pending: 'pending',
};

/**
 * Every unit's stored DV counts in a cycle (src/db/queries/form-counts.ts keeps them as subtree
 * totals in the write's transaction): the page reads the same numbers the forms print, so a
 * member graded but no longer eligible is counted where the form counts it. Units without a row
 * have no members in the cycle.
 */
export async function readMemberFormCounts(db: Db, cycleId: string): Promise<Map<string, MemberFormCounts>> {
  const rows = await db
    .selectFrom('form_counts')
    .select(['unit_id', 'row', 'value'])
    .where('cycle_id', '=', cycleId)
    .where('form', '=', 'DV')
    .where('col', '=', 'total')
    .where('row', 'in', Object.keys(DV_ROWS))
    .execute();
  const out = new Map<string, MemberFormCounts>();
  for (const r of rows) {
    const key = DV_ROWS[r.row];
    if (!key) continue;
    let counts = out.get(r.unit_id);
    if (!counts) out.set(r.unit_id, (counts = { members: 0, HTXS: 0, HTT: 0, HT: 0, KHT: 0, notRequired: 0, pending: 0 }));
    counts[key] += Number(r.value);
  }
  return out;
}

/** Each unit's own evaluation in a cycle (decided grade and eligibility). */
export async function listUnitGrades(
  db: Db,
  cycleId: string,
): Promise<Map<string, { grade: Grade | null; eligibility: string }>> {
  const rows = await db
    .selectFrom('evaluations')
    .select(['subject_id', 'decided_grade', 'eligibility'])
    .where('cycle_id', '=', cycleId)
    .where('subject_kind', '=', 'unit')
    .execute();
  return new Map(rows.map((r) => [r.subject_id, { grade: r.decided_grade as Grade | null, eligibility: r.eligibility }]));
}
