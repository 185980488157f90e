/**
 * Tracing a cell reads the unit's subtree, not the cycle (issue 4: trace at province size took
 * seconds because it loaded every evaluation): at a commune of the demo district the rows read stay
 * near the commune's own evaluations, and the trace still accounts for the stored value exactly,
 * including a subject graded by a deciding unit inside the subtree while it belongs elsewhere.
 */
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateEvaluation } from '../../src/db/queries/evaluations.js';
import { loadDemoDistrict } from '../../src/demo/load.js';
import { traceCell } from '../../src/services/forms-trace.js';
import { verify } from '../../src/services/forms.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';

let t: TestDb;

/** Counts the rows every query returns. */
function rowCounter(): { plugin: KyselyPlugin; rows: () => number } {
  let rows = 0;
  return {
    plugin: {
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        rows += args.result.rows.length;
        return args.result;
      },
    },
    rows: () => rows,
  };
}

/** Evaluations of subjects in a unit's subtree (the unit, its cells, their members…), as SQL counts them. */
async function subtreeEvaluations(code: string): Promise<number> {
  const unit = await t.db.selectFrom('org_units').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  const cells = await t.db.selectFrom('org_unit_versions').select('unit_id').where('parent_id', '=', unit.id).execute();
  const ids = [unit.id, ...cells.map((c) => c.unit_id)];
  const n = await t.db.selectFrom('evaluations').select((eb) => eb.fn.countAll<number>().as('n')).where('unit_id', 'in', ids).executeTakeFirstOrThrow();
  return Number(n.n);
}

const sum = (entries: { count: number }[]) => entries.reduce((s, e) => s + e.count, 0);

beforeAll(async () => {
  t = await createTestDb();
  await loadDemoDistrict(t.db);
});
afterAll(async () => t?.close());

describe(`trace scoped to the unit's subtree (${testEngine})`, () => {
  it('at a commune reads about its own evaluations, not the district’s 3,000+', async () => {
    const own = await subtreeEvaluations('TD-DU-KHUNHA');
    const all = Number((await t.db.selectFrom('evaluations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(all).toBeGreaterThan(10 * own);
    const counter = rowCounter();
    const trace = await traceCell(t.db.withPlugin(counter.plugin), { unitCode: 'TD-DU-KHUNHA', year: 2022, form: 'DV', row: 'graded.htt', col: 'total' });
    // Its evaluations, its units and ancestors, the cycle's topics and entered values, the labels of what it counts.
    expect(counter.rows()).toBeLessThan(2 * own + 100);
    expect(trace.value).toBeGreaterThan(0);
    expect(sum(trace.entries)).toBe(trace.value);
  });

  it('accounts for the stored value of every KD, CN and TT cell at a commune and at the district', async () => {
    const cells: [string, string, string][] = [['KD', 'reviewed', 'individual'], ['KD', 'not_reviewed.new_or_exempt', 'collective'], ['KD', 'suggested', 'collective'], ['CN', 'co_so', 'graded'], ['TT', 'co_so.graded.htt', 'doan_the'], ['TC', 'tccsd.graded.htt', 'xa']];
    for (const unitCode of ['TD-DU-KHUNHA', 'HU-TAMDUONG']) {
      for (const [form, row, col] of cells) {
        const trace = await traceCell(t.db, { unitCode, year: 2022, form, row, col });
        expect(sum(trace.entries), `${unitCode} ${form} ${row} ${col}`).toBe(trace.value);
      }
    }
  });

  it('a leader of another commune graded by a deciding unit inside this subtree is traced here', async () => {
    const outside = await t.db
      .selectFrom('evaluations as e')
      .innerJoin('positions as p', 'p.id', 'e.subject_id')
      .innerJoin('org_units as u', 'u.id', 'e.unit_id')
      .select(['e.id', 'p.position_group'])
      .where('e.subject_kind', '=', 'position')
      .where('u.code', '!=', 'TD-DU-KHUNHA')
      .where('p.position_group', 'like', 'co_so.%')
      .where('e.decided_grade', '=', 'HTT')
      .limit(1)
      .executeTakeFirstOrThrow();
    const before = await traceCell(t.db, { unitCode: 'TD-DU-KHUNHA', year: 2022, form: 'CN', row: 'co_so', col: 'htt' });
    await updateEvaluation(t.db, outside.id, { eligibility: 'higher_level', decidingUnit: 'TD-DU-KHUNHA' }, { actor: 't' });
    const after = await traceCell(t.db, { unitCode: 'TD-DU-KHUNHA', year: 2022, form: 'CN', row: 'co_so', col: 'htt' });
    expect(after.value).toBe(before.value + 1);
    expect(after.entries.map((e) => e.id)).toContain(outside.id);
    expect(sum(after.entries)).toBe(after.value);
    expect((await verify(t.db)).differences).toBe(0);
  });
});
