/** Topics a superior names for in-depth review (gợi ý kiểm điểm, GUIDE.md §4.3), per cycle. */
import type { SubjectKind } from '../../domain/codes.js';
import { checkReviewTopic, type ReviewTopic, type TopicManager } from '../../domain/model/cycles.js';
import type { Db } from '../create-db.js';
import { newId } from '../ids.js';
import { getCycle } from './cycles.js';
import { getUnitIdByCode, resolveSubject } from './evaluation-subjects.js';
import { applyTopicChange } from './form-counts-sync.js';
import { inTransaction } from './common.js';

export interface AddReviewTopicInput {
  cycleYear: number;
  period?: string | undefined;
  subjectKind: string;
  /** Party card number, collective code or position id. */
  subjectRef: string;
  managedBy: string;
  /** Code of the unit that names the topic. */
  assignedByUnit: string;
  topic: string;
}

/** Records a review topic for a collective or person of a cycle. */
export async function addReviewTopic(db: Db, input: AddReviewTopicInput): Promise<ReviewTopic> {
  const topic = checkReviewTopic(input);
  return inTransaction(db, async (trx) => {
    const cycle = await getCycle(trx, { year: input.cycleYear, period: input.period });
    const subject = await resolveSubject(trx, { kind: input.subjectKind, ref: input.subjectRef, on: cycle.referenceDate });
    const assignedBy = await getUnitIdByCode(trx, input.assignedByUnit, 'assignedByUnit');
    const id = newId();
    await trx
      .insertInto('review_topics')
      .values({
        id,
        cycle_id: cycle.id,
        subject_kind: subject.subjectKind,
        subject_id: subject.subjectId,
        managed_by: input.managedBy,
        assigned_by_unit_id: assignedBy,
        topic,
      })
      .execute();
    await applyTopicChange(trx, { cycleId: cycle.id, topicId: id, sign: 1 }); // KD `suggested.*`, same transaction
    const added = (await listReviewTopics(trx, { cycleId: cycle.id })).find((t) => t.id === id);
    if (!added) throw new Error(`review topic ${id} vanished`);
    return added;
  });
}

/** The review topics of a cycle, by managing body then subject kind. */
export async function listReviewTopics(db: Db, filter: { cycleId: string }): Promise<ReviewTopic[]> {
  const rows = await db
    .selectFrom('review_topics as t')
    .innerJoin('org_units as a', 'a.id', 't.assigned_by_unit_id')
    .leftJoin('persons as sp', (j) => j.onRef('sp.id', '=', 't.subject_id').on('t.subject_kind', '=', 'member'))
    .leftJoin('collectives as sc', (j) => j.onRef('sc.id', '=', 't.subject_id').on('t.subject_kind', '=', 'collective'))
    .selectAll('t')
    .select(['a.code as assigned_code', 'sp.card_number as sp_card', 'sc.code as sc_code'])
    .where('t.cycle_id', '=', filter.cycleId)
    .orderBy('t.managed_by')
    .orderBy('t.subject_kind')
    .orderBy('t.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    cycleId: r.cycle_id,
    subjectKind: r.subject_kind as SubjectKind,
    subjectId: r.subject_id,
    subjectRef: r.sp_card ?? r.sc_code ?? r.subject_id,
    managedBy: r.managed_by as TopicManager,
    assignedByUnitId: r.assigned_by_unit_id,
    assignedByUnitCode: r.assigned_code,
    topic: r.topic,
  }));
}
