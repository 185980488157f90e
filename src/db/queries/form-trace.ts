/**
 * Labels for a traced cell's subjects (services/forms-trace.ts): each evaluation's or review topic's
 * subject key (unit code, party card number, collective code, position id) and name as of a date.
 */
import type { Db } from '../create-db.js';
import { validOn } from './common.js';

const CHUNK = 500;

/** Subject key and name per evaluation id and per topic id. */
export async function listSubjectLabels(
  db: Db,
  evaluationIds: readonly string[],
  topicIds: readonly string[],
  date: string,
): Promise<Map<string, { ref: string; name: string }>> {
  const out = new Map<string, { ref: string; name: string }>();
  for (const [table, ids] of [['evaluations', evaluationIds], ['review_topics', topicIds]] as const) {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await db
        // Both tables have id, subject_kind and subject_id, the only columns read from `e`.
        .selectFrom(`${table} as e` as 'evaluations as e')
        .leftJoin('org_units as su', (j) => j.onRef('su.id', '=', 'e.subject_id').on('e.subject_kind', '=', 'unit'))
        .leftJoin('org_unit_versions as sv', (j) => j.onRef('sv.unit_id', '=', 'su.id').on(validOn('sv', date)))
        .leftJoin('persons as sp', (j) => j.onRef('sp.id', '=', 'e.subject_id').on('e.subject_kind', '=', 'member'))
        .leftJoin('collectives as sc', (j) => j.onRef('sc.id', '=', 'e.subject_id').on('e.subject_kind', '=', 'collective'))
        .leftJoin('positions as pp', (j) => j.onRef('pp.id', '=', 'e.subject_id').on('e.subject_kind', '=', 'position'))
        .leftJoin('persons as ph', 'ph.id', 'pp.person_id')
        .select(['e.id', 'e.subject_id', 'su.code as su_code', 'sv.name as su_name', 'sp.card_number', 'sp.full_name', 'sc.code as sc_code', 'sc.name as sc_name', 'pp.title', 'ph.full_name as holder'])
        .where('e.id', 'in', ids.slice(i, i + CHUNK))
        .execute();
      for (const r of rows) {
        const name = r.su_name ?? r.full_name ?? r.sc_name ?? (r.title ? `${r.title}${r.holder ? ` — ${r.holder}` : ''}` : r.subject_id);
        out.set(r.id, { ref: r.su_code ?? r.card_number ?? r.sc_code ?? r.subject_id, name });
      }
    }
  }
  return out;
}
