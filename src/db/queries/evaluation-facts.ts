/**
 * Facts of an evaluation's subject beside its row (migration 0006: task counts, civil-servant grade,
 * own discipline), and the dated events the grading check reads for a collective: those of the
 * persons holding a position in the collective's unit (HD 21, II.B.3.3: "có thành viên…").
 */
import type { DisciplineLevel, Grade } from '../../domain/codes.js';
import { addDays } from '../../domain/calendar/iso-date.js';
import type { DatedEvent } from '../../domain/rules/types.js';
import { emptyFacts, type SubjectFacts } from '../../domain/workflow/facts.js';
import type { Db } from '../create-db.js';
import { validOn } from './common.js';

/** The stored facts of an evaluation (all null when none were recorded). */
export async function getEvaluationFacts(db: Db, evaluationId: string): Promise<SubjectFacts> {
  const r = await db.selectFrom('evaluation_facts').selectAll().where('evaluation_id', '=', evaluationId).executeTakeFirst();
  if (!r) return emptyFacts();
  const n = (v: number | null) => Number(v ?? 0);
  return {
    tasks: r.tasks_total === null ? null : { total: n(r.tasks_total), onTime: n(r.tasks_on_time), late: n(r.tasks_late), exceeding: n(r.tasks_exceeding) },
    civilServantGrade: r.civil_servant_grade as Grade | null,
    discipline: r.discipline_level && r.disciplined_on ? { level: r.discipline_level as DisciplineLevel, on: r.disciplined_on } : null,
  };
}

/** Writes the facts of an evaluation (insert or replace). */
export async function putEvaluationFacts(db: Db, input: { evaluationId: string; facts: SubjectFacts; at: string; actor: string }): Promise<void> {
  const { tasks, civilServantGrade, discipline } = input.facts;
  const values = {
    tasks_total: tasks?.total ?? null,
    tasks_on_time: tasks?.onTime ?? null,
    tasks_late: tasks?.late ?? null,
    tasks_exceeding: tasks?.exceeding ?? null,
    civil_servant_grade: civilServantGrade,
    discipline_level: discipline?.level ?? null,
    disciplined_on: discipline?.on ?? null,
    updated_at: input.at,
    actor: input.actor,
  };
  const exists = await db.selectFrom('evaluation_facts').select('evaluation_id').where('evaluation_id', '=', input.evaluationId).executeTakeFirst();
  if (exists) await db.updateTable('evaluation_facts').set(values).where('evaluation_id', '=', input.evaluationId).execute();
  else await db.insertInto('evaluation_facts').values({ evaluation_id: input.evaluationId, ...values }).execute();
}

/**
 * Discipline and decline events of the persons holding a position in `unitId` on `date` (the
 * members of its leadership collective), as dated facts.
 */
export async function positionHolderEvents(db: Db, input: { unitId: string; date: string }): Promise<DatedEvent[]> {
  const rows = await db
    .selectFrom('person_events as e')
    .select(['e.kind', 'e.level', 'e.starts_on', 'e.ends_on'])
    .where('e.kind', 'in', ['disciplined', 'decline_concluded'])
    .where('e.person_id', 'in', (eb) => eb.selectFrom('positions as p').select('p.person_id').where('p.unit_id', '=', input.unitId).where(validOn('p', input.date)))
    .orderBy('e.starts_on')
    .execute();
  return rows.map((r) => ({
    kind: r.kind as DatedEvent['kind'],
    from: r.starts_on,
    to: r.ends_on === null ? null : addDays(r.ends_on, -1),
    ...(r.level ? { level: r.level as DisciplineLevel } : {}),
  }));
}
