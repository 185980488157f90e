/**
 * The stored facts of an evaluation's subject (migration 0020 `subject_facts`; the catalogue is
 * src/domain/workflow/fact-catalogue.ts): one row per fact, replaced when entered again.
 */
import type { SubjectFact, SubjectFactCode } from '../../domain/workflow/fact-catalogue.js';
import type { Db } from '../create-db.js';

type FactRow = { fact: string; value: string; concluded_on: string | null; document_number: string | null; document_date: string | null; entered_by: string; entered_at: string };

const factRowToFact = (r: FactRow): SubjectFact => ({
  fact: r.fact as SubjectFactCode,
  value: JSON.parse(r.value) as SubjectFact['value'],
  concludedOn: r.concluded_on,
  documentNumber: r.document_number,
  documentDate: r.document_date,
  enteredBy: r.entered_by,
  enteredAt: r.entered_at,
});

/** The facts of an evaluation, by code. */
export async function listSubjectFacts(db: Db, evaluationId: string): Promise<SubjectFact[]> {
  const rows = await db.selectFrom('subject_facts').selectAll().where('evaluation_id', '=', evaluationId).orderBy('fact').execute();
  return rows.map(factRowToFact);
}

/** The facts of many evaluations (a workspace's rows) by evaluation id, 500 ids a query. */
export async function listSubjectFactsOf(db: Db, evaluationIds: readonly string[]): Promise<Map<string, SubjectFact[]>> {
  const out = new Map<string, SubjectFact[]>();
  for (let i = 0; i < evaluationIds.length; i += 500) {
    const rows = await db.selectFrom('subject_facts').selectAll().where('evaluation_id', 'in', evaluationIds.slice(i, i + 500)).orderBy('fact').execute();
    for (const r of rows) out.set(r.evaluation_id, [...(out.get(r.evaluation_id) ?? []), factRowToFact(r)]);
  }
  return out;
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
