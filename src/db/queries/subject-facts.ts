/**
 * The stored facts of an evaluation's subject (migration 0020 `subject_facts`; the catalogue is
 * src/domain/workflow/fact-catalogue.ts): one row per fact, replaced when entered again.
 */
import type { SubjectFact, SubjectFactCode } from '../../domain/workflow/fact-catalogue.js';
import type { Db } from '../create-db.js';

/** The facts of an evaluation, by code. */
export async function listSubjectFacts(db: Db, evaluationId: string): Promise<SubjectFact[]> {
  const rows = await db.selectFrom('subject_facts').selectAll().where('evaluation_id', '=', evaluationId).orderBy('fact').execute();
  return rows.map((r) => ({
    fact: r.fact as SubjectFactCode,
    value: JSON.parse(r.value) as SubjectFact['value'],
    concludedOn: r.concluded_on,
    documentNumber: r.document_number,
    documentDate: r.document_date,
    enteredBy: r.entered_by,
    enteredAt: r.entered_at,
  }));
}

/** Writes a fact (insert or replace). */
export async function putSubjectFact(db: Db, evaluationId: string, f: SubjectFact): Promise<void> {
  const values = {
    value: JSON.stringify(f.value),
    concluded_on: f.concludedOn,
    document_number: f.documentNumber,
    document_date: f.documentDate,
    entered_by: f.enteredBy,
    entered_at: f.enteredAt,
  };
  const exists = await db.selectFrom('subject_facts').select('fact').where('evaluation_id', '=', evaluationId).where('fact', '=', f.fact).executeTakeFirst();
  if (exists) await db.updateTable('subject_facts').set(values).where('evaluation_id', '=', evaluationId).where('fact', '=', f.fact).execute();
  else await db.insertInto('subject_facts').values({ evaluation_id: evaluationId, fact: f.fact, ...values }).execute();
}

/** Removes a fact; false when there was none. */
export async function deleteSubjectFact(db: Db, evaluationId: string, fact: SubjectFactCode): Promise<boolean> {
  const r = await db.deleteFrom('subject_facts').where('evaluation_id', '=', evaluationId).where('fact', '=', fact).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
