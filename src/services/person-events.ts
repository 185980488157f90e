/**
 * A person's dated events entered through POST /api/persons/:card/events (and the CLI): stored with
 * who entered them and when, and every evaluation that reads them (the person's as member and
 * leader, the collectives they sit on, in the cycles the event touches) moves one version on with
 * the event in its history (src/services/fact-history.ts).
 */
import type { PersonEvent, PersonEventInput } from '../domain/model/people.js';
import type { Db } from '../db/create-db.js';
import { inTransaction } from '../db/queries/common.js';
import { nowIso } from '../db/ids.js';
import { addPersonEvent, getPersonByCard } from '../db/queries/persons.js';
import { evaluationsReadingPerson, recordFactChange } from './fact-history.js';

/** The event as its history row shows it. */
export function eventText(e: PersonEvent): string {
  return JSON.stringify({
    id: e.id,
    kind: e.kind,
    level: e.level,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    note: e.note,
    dutyRelated: e.dutyRelated,
    selfDetectedRemedied: e.selfDetectedRemedied,
    violationYear: e.violationYear,
    documentNumber: e.documentNumber,
    documentDate: e.documentDate,
  });
}

/** Records an event of a person; `skipEvaluationId` is the evaluation the caller already versions itself. */
export async function recordPersonEvent(
  db: Db,
  input: { event: PersonEventInput; actor: string; skipEvaluationId?: string | undefined },
): Promise<{ event: PersonEvent; evaluationIds: string[] }> {
  return inTransaction(db, async (trx) => {
    const at = nowIso();
    const event = await addPersonEvent(trx, { ...input.event, enteredBy: input.actor, enteredAt: at });
    const person = await getPersonByCard(trx, event.cardNumber);
    const ids = (await evaluationsReadingPerson(trx, person.id, event.startsOn, event.endsOn)).filter((id) => id !== input.skipEvaluationId);
    await recordFactChange(trx, ids, { field: 'event', oldValue: null, newValue: eventText(event) }, input.actor, at);
    return { event, evaluationIds: ids };
  });
}
