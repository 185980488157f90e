/**
 * Batch reads of a unit's workspace (issue #9 item 3): the workflow stage of many evaluations, the
 * dated events of many persons, the stored facts of many evaluations — one query each (chunked), so
 * a cell of 40 members or a committee of 40 cells opens in a few queries.
 */
import type { DisciplineLevel, Grade } from '../../domain/codes.js';
import type { PersonEvent } from '../../domain/model/people.js';
import { emptyFacts, type SubjectFacts } from '../../domain/workflow/facts.js';
import type { Stage } from '../../domain/workflow/stages.js';
import type { Db } from '../create-db.js';
import { personEventRowToEvent } from './persons.js';

const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** The tracked workflow stage of each evaluation that has one (untracked ones are derived from their grades). */
export async function listStages(db: Db, evaluationIds: readonly string[]): Promise<Map<string, Stage>> {
  const out = new Map<string, Stage>();
  for (const ids of chunks(evaluationIds)) {
    const rows = await db.selectFrom('evaluation_stages').select(['evaluation_id', 'stage']).where('evaluation_id', 'in', ids).execute();
    for (const r of rows) out.set(r.evaluation_id, r.stage as Stage);
  }
  return out;
}

/** The events of persons by card number, oldest first. */
export async function listEventsByCard(db: Db, cardNumbers: readonly string[]): Promise<Map<string, PersonEvent[]>> {
  const out = new Map<string, PersonEvent[]>();
  for (const cards of chunks([...new Set(cardNumbers)])) {
    const rows = await db
      .selectFrom('person_events as e')
      .innerJoin('persons as p', 'p.id', 'e.person_id')
      .selectAll('e')
      .select('p.card_number')
      .where('p.card_number', 'in', cards)
      .orderBy('e.starts_on')
      .orderBy('e.id')
      .execute();
    for (const r of rows) {
      const event: PersonEvent = personEventRowToEvent(r, r.card_number);
      out.set(r.card_number, [...(out.get(r.card_number) ?? []), event]);
    }
  }
  return out;
}

/** The stored facts of each evaluation (task counts, civil-servant grade, own discipline). */
export async function listFactsOf(db: Db, evaluationIds: readonly string[]): Promise<Map<string, SubjectFacts>> {
  const out = new Map<string, SubjectFacts>();
  for (const ids of chunks(evaluationIds)) {
    const rows = await db.selectFrom('evaluation_facts').selectAll().where('evaluation_id', 'in', ids).execute();
    for (const r of rows) {
      const n = (v: number | null) => Number(v ?? 0);
      out.set(r.evaluation_id, {
        ...emptyFacts(),
        tasks: r.tasks_total === null ? null : { total: n(r.tasks_total), onTime: n(r.tasks_on_time), late: n(r.tasks_late), exceeding: n(r.tasks_exceeding) },
        civilServantGrade: r.civil_servant_grade as Grade | null,
        discipline: r.discipline_level && r.disciplined_on ? { level: r.discipline_level as DisciplineLevel, on: r.disciplined_on } : null,
      });
    }
  }
  return out;
}
