/**
 * Read models of a cycle's progress (the tree, the header's roll, the dashboard): per unit, the
 * member evaluations graded so far but not yet decided, and whether anything in the unit is graded.
 * Members on the roll and the decided counts come from queries/overview.ts (memberships on the
 * reference date; the stored DV counts the forms print).
 */
import { sql } from 'kysely';
import type { Db } from '../create-db.js';

/** Per unit (the subject's own unit, not rolled up): members proposed or self-assessed but not decided, and subjects with any grade. */
export interface OpenGradeCounts {
  proposed: number;
  anyGrade: number;
}

/** Counts of open grades per unit id in a cycle (own rows only; the service rolls them up). */
export async function countOpenGradesByUnit(db: Db, cycleId: string): Promise<Map<string, OpenGradeCounts>> {
  const open = sql<number>`sum(case when e.subject_kind = 'member' and e.decided_grade is null and coalesce(e.proposed_grade, e.self_grade) is not null and e.eligibility in ('eligible', 'pending') then 1 else 0 end)`;
  const any = sql<number>`sum(case when coalesce(e.decided_grade, e.proposed_grade, e.self_grade) is not null then 1 else 0 end)`;
  const rows = await db
    .selectFrom('evaluations as e')
    .select(['e.unit_id', open.as('proposed'), any.as('any_grade')])
    .where('e.cycle_id', '=', cycleId)
    .groupBy('e.unit_id')
    .execute();
  return new Map(rows.map((r) => [r.unit_id, { proposed: Number(r.proposed ?? 0), anyGrade: Number(r.any_grade ?? 0) }]));
}
