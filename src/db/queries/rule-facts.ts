/**
 * Facts the rules read that are computed from stored data rather than entered (issue 8): the grades
 * of the units a leader leads, an organisation's sub-units disciplined, the grades of the government,
 * MTTQ and mass-organisation collectives at its level, and the collectives of its party committee.
 */
import { GRADES, type Grade } from '../../domain/codes.js';
import type { Db } from '../create-db.js';
import { validOn } from './common.js';

const isGrade = (g: string | null): g is Grade => g !== null && (GRADES as readonly string[]).includes(g);

/** Decided grades (else proposed, else self-assessed, as `effective`) of the units' own evaluations in a cycle. */
export async function unitGrades(db: Db, input: { cycleId: string; unitIds: readonly string[] }): Promise<{ unitId: string; decided: Grade | null; effective: Grade | null }[]> {
  if (input.unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('evaluations')
    .select(['subject_id', 'decided_grade', 'proposed_grade', 'self_grade', 'eligibility'])
    .where('cycle_id', '=', input.cycleId)
    .where('subject_kind', '=', 'unit')
    .where('subject_id', 'in', [...input.unitIds])
    .where('eligibility', 'in', ['eligible', 'pending'])
    .execute();
  return rows.map((r) => {
    const decided = isGrade(r.decided_grade) ? r.decided_grade : null;
    const effective = decided ?? (isGrade(r.proposed_grade) ? r.proposed_grade : isGrade(r.self_grade) ? r.self_grade : null);
    return { unitId: r.subject_id, decided, effective };
  });
}

/** How many of the units had their own discipline recorded in the period (evaluation_facts of their evaluations). */
export async function unitsDisciplined(db: Db, input: { cycleId: string; unitIds: readonly string[]; from: string; to: string }): Promise<number> {
  if (input.unitIds.length === 0) return 0;
  const rows = await db
    .selectFrom('evaluations as e')
    .innerJoin('evaluation_facts as f', 'f.evaluation_id', 'e.id')
    .select(['e.subject_id', 'f.disciplined_on'])
    .where('e.cycle_id', '=', input.cycleId)
    .where('e.subject_kind', '=', 'unit')
    .where('e.subject_id', 'in', [...input.unitIds])
    .where('f.discipline_level', 'is not', null)
    .execute();
  return new Set(rows.filter((r) => r.disciplined_on !== null && r.disciplined_on >= input.from && r.disciplined_on <= input.to).map((r) => r.subject_id)).size;
}

/** The government, HĐND, MTTQ and mass-organisation collectives of a unit (same level, HD 21 II.B.1.3) with their current grades. */
export async function peerBodyGradesOf(db: Db, input: { cycleId: string; unitId: string; date: string }): Promise<Grade[]> {
  const rows = await db
    .selectFrom('collectives as c')
    .innerJoin('evaluations as e', (j) => j.onRef('e.subject_id', '=', 'c.id').on('e.subject_kind', '=', 'collective').on('e.cycle_id', '=', input.cycleId))
    .select(['e.decided_grade', 'e.proposed_grade', 'e.self_grade'])
    .where('c.unit_id', '=', input.unitId)
    .where('c.kind', 'in', ['ubnd', 'hdnd', 'mttq', 'doan_the'])
    .where(validOn('c', input.date))
    .execute();
  return rows.map((r) => [r.decided_grade, r.proposed_grade, r.self_grade].find(isGrade)).filter((g): g is Grade => g !== undefined);
}

/** The party committee collectives (cấp ủy) of a unit valid on `date`. */
export async function partyCommitteeCollectives(db: Db, input: { unitId: string; date: string }): Promise<string[]> {
  const rows = await db.selectFrom('collectives as c').select('c.id').where('c.unit_id', '=', input.unitId).where('c.kind', '=', 'cap_uy').where(validOn('c', input.date)).execute();
  return rows.map((r) => r.id);
}
