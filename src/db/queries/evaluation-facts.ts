/**
 * Facts of an evaluation's subject beside its row (migration 0006: task counts, civil-servant grade,
 * own discipline; migration 0020: whether that discipline was self-detected and remedied). A
 * collective's members are its listed positions (src/db/queries/collective-members.ts).
 */
import type { DisciplineLevel, Grade } from '../../domain/codes.js';
import { emptyFacts, type SubjectFacts } from '../../domain/workflow/facts.js';
import type { Db } from '../create-db.js';

/** The stored facts of an evaluation (all null when none were recorded). */
export async function getEvaluationFacts(db: Db, evaluationId: string): Promise<SubjectFacts> {
  const r = await db.selectFrom('evaluation_facts').selectAll().where('evaluation_id', '=', evaluationId).executeTakeFirst();
  if (!r) return emptyFacts();
  const n = (v: number | null) => Number(v ?? 0);
  return {
    tasks: r.tasks_total === null ? null : { total: n(r.tasks_total), onTime: n(r.tasks_on_time), late: n(r.tasks_late), exceeding: n(r.tasks_exceeding) },
    civilServantGrade: r.civil_servant_grade as Grade | null,
    discipline:
      r.discipline_level && r.disciplined_on
        ? { level: r.discipline_level as DisciplineLevel, on: r.disciplined_on, ...(Number(r.discipline_self_remedied ?? 0) === 1 ? { selfDetectedRemedied: true } : {}) }
        : null,
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
    discipline_self_remedied: discipline?.selfDetectedRemedied ? 1 : null,
    updated_at: input.at,
    actor: input.actor,
  };
  const exists = await db.selectFrom('evaluation_facts').select('evaluation_id').where('evaluation_id', '=', input.evaluationId).executeTakeFirst();
  if (exists) await db.updateTable('evaluation_facts').set(values).where('evaluation_id', '=', input.evaluationId).execute();
  else await db.insertInto('evaluation_facts').values({ evaluation_id: input.evaluationId, ...values }).execute();
}
