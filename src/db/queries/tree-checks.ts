/**
 * The checks every change of the tree passes, inside the change's transaction: the tree as it now
 * stands must be possible on every day from the change on (kinds, no loop: src/domain/tree-rules.ts),
 * and no change may reach back to a day an accepted or locked report already describes.
 */
import type { UnitKind } from '../../domain/codes.js';
import { AppError } from '../../domain/errors.js';
import { formatViDate } from '../../domain/model/units.js';
import { findTreeProblem, type TreeVersion, treeProblemError } from '../../domain/tree-rules.js';
import { SUBMISSION_STATUS_LABELS, type SubmissionStatus } from '../../domain/workflow/submissions.js';
import type { Db } from '../create-db.js';
import { loadTreeOn } from './rollup-facts.js';

/** Every unit version still valid on or after `from` (the ones a change from that day can affect). */
export async function loadTreeVersions(db: Db, from: string): Promise<TreeVersion[]> {
  const rows = await db
    .selectFrom('org_unit_versions as v')
    .innerJoin('org_units as u', 'u.id', 'v.unit_id')
    .select(['v.unit_id', 'u.code', 'v.parent_id', 'v.kind', 'v.valid_from', 'v.valid_to'])
    .where((eb) => eb.or([eb('v.valid_to', 'is', null), eb('v.valid_to', '>', from)]))
    .execute();
  return rows.map((r) => ({ unitId: r.unit_id, code: r.code, parentId: r.parent_id, kind: r.kind as UnitKind, validFrom: r.valid_from, validTo: r.valid_to }));
}

/**
 * Throws KindNotAllowed or ParentNotValid (a loop) when the tree, as written so far in this
 * transaction, is impossible on some day from `from` on around the `focus` units (by id).
 */
export async function assertTreeValid(db: Db, input: { focus: Iterable<string>; from: string }): Promise<void> {
  const problem = findTreeProblem(await loadTreeVersions(db, input.from), input);
  if (problem) throw treeProblemError(problem);
}

/**
 * Throws TreeLocked when a change effective `from` would alter the tree an accepted or locked report
 * describes: a report of a cycle whose reference date is on or after `from`, by a unit that has one
 * of `unitIds` (the units the change moves, leaves or joins) in its subtree on that date. Call it
 * before writing: it reads the tree as it stood.
 */
export async function assertNoAcceptedReportAfter(db: Db, input: { unitIds: Iterable<string>; from: string }): Promise<void> {
  const ids = [...new Set(input.unitIds)];
  if (ids.length === 0) return;
  const reports = await db
    .selectFrom('submissions as s')
    .innerJoin('cycles as c', 'c.id', 's.cycle_id')
    .innerJoin('org_units as u', 'u.id', 's.unit_id')
    .select(['s.unit_id', 's.status', 'u.code', 'c.year', 'c.reference_date'])
    .where('s.status', 'in', ['accepted', 'locked'])
    .where('c.reference_date', '>=', input.from)
    .orderBy('c.reference_date')
    .execute();
  const trees = new Map<string, Awaited<ReturnType<typeof loadTreeOn>>>();
  for (const r of reports) {
    let tree = trees.get(r.reference_date);
    if (!tree) trees.set(r.reference_date, (tree = await loadTreeOn(db, r.reference_date)));
    const hit = ids.find((id) => tree.chain(id).includes(r.unit_id));
    if (hit === undefined) continue;
    const status = SUBMISSION_STATUS_LABELS[r.status as SubmissionStatus] ?? r.status;
    throw new AppError(
      'TreeLocked',
      {
        vi: `Không thể thay đổi cây tổ chức từ ngày ${formatViDate(input.from)}: báo cáo năm ${r.year} của «${r.code}» (${status.toLowerCase()}) đã chốt cây tổ chức tại ngày ${formatViDate(r.reference_date)}. Chọn ngày hiệu lực sau ngày ${formatViDate(r.reference_date)}.`,
        en: `The tree cannot change from ${input.from}: the ${r.year} report of "${r.code}" (${r.status}) fixed the tree as of ${r.reference_date}. Choose an effective date after ${r.reference_date}.`,
      },
      { field: 'from', details: { unitCode: r.code, year: Number(r.year), status: r.status, referenceDate: r.reference_date } },
    );
  }
}
