/**
 * "After any sequence of evaluation changes, verify finds no difference" (issue 4, done when): a
 * seeded random sequence of 200 changes on the demo district — new units with their evaluation,
 * regrades (KHT with reasons), eligibility changes, KHT reason changes, review flags, review topics
 * and cells moved between communes within the cycle — with `verify` recomputing everything from the
 * evaluations after every 20 steps and at the end. A refused change is part of the sequence too: it
 * must leave the counts as they were (verify would see the difference).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvaluation, regrade, updateEvaluation } from '../../src/db/queries/evaluations.js';
import { addReviewTopic } from '../../src/db/queries/review-topics.js';
import { changeUnit, createUnit } from '../../src/db/queries/units.js';
import { loadDemoDistrict } from '../../src/demo/load.js';
import { Rng } from '../../src/demo/random.js';
import { AppError } from '../../src/domain/errors.js';
import { verify } from '../../src/services/forms.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';

const SEED = 20_230_110;
const STEPS = 200;
const GRADES = ['HTXS', 'HTT', 'HT', 'KHT'] as const;
const MEMBER_REASONS = ['decline', 'below_50', 'civil_servant', 'disciplined'];
const KINDS = ['create', 'regrade', 'eligibility', 'kht_reasons', 'reviewed', 'topic', 'move'] as const;
type Kind = (typeof KINDS)[number];

let t: TestDb;
const pools = { members: [] as { id: string; card: string }[], others: [] as string[], cells: [] as string[], communes: [] as string[] };

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(0, xs.length - 1)] as T;

beforeAll(async () => {
  t = await createTestDb();
  await loadDemoDistrict(t.db);
  const members = await t.db
    .selectFrom('evaluations as e')
    .innerJoin('persons as p', 'p.id', 'e.subject_id')
    .select(['e.id', 'p.card_number'])
    .where('e.subject_kind', '=', 'member')
    .orderBy('p.card_number')
    .execute();
  pools.members = members.filter((_, i) => i % 40 === 0).map((m) => ({ id: m.id, card: m.card_number }));
  const others = await t.db.selectFrom('evaluations').select('id').where('subject_kind', 'in', ['collective', 'position', 'unit']).where('decided_grade', 'is not', null).orderBy('id').execute();
  pools.others = others.filter((_, i) => i % 10 === 0).map((o) => o.id);
  const units = await t.db.selectFrom('org_units as u').innerJoin('org_unit_versions as v', 'v.unit_id', 'u.id').select(['u.code', 'v.kind']).where('v.valid_to', 'is', null).orderBy('u.code').execute();
  pools.communes = units.filter((u) => u.kind === 'grassroots_committee').map((u) => u.code);
  pools.cells = units.filter((u) => u.kind === 'cell').map((u) => u.code).filter((_, i) => i % 8 === 0);
});
afterAll(async () => t?.close());

/** One step of kind `kind`; resolves whether it was applied (false: refused with an AppError). */
async function step(rng: Rng, kind: Kind, i: number): Promise<boolean> {
  const actor = 'random';
  const member = pick(rng, pools.members);
  try {
    switch (kind) {
      case 'create': {
        const code = `CB-NGAUNHIEN-${i}`;
        await createUnit(t.db, { code, name: `Chi bộ ngẫu nhiên ${i}`, kind: 'cell', parentCode: pick(rng, pools.communes), validFrom: '2020-01-01' });
        await createEvaluation(t.db, { cycleYear: 2022, subjectKind: 'unit', subjectRef: code, reviewed: true, decidedGrade: pick(rng, GRADES), actor });
        pools.cells.push(code);
        break;
      }
      case 'regrade': {
        const grade = pick(rng, GRADES);
        const id = rng.int(0, 2) === 0 ? pick(rng, pools.others) : member.id;
        await regrade(t.db, id, { grade, reason: 'Rà soát, xếp loại lại', actor, ...(grade === 'KHT' && id === member.id ? { khtReasons: [pick(rng, MEMBER_REASONS)] } : {}) });
        break;
      }
      case 'eligibility': {
        const to = pick(rng, ['eligible', 'exempt', 'suspended', 'new_member'] as const);
        const fields = to === 'eligible' ? { eligibility: to, reviewed: true, decidedGrade: pick(rng, ['HTT', 'HT'] as const) } : { eligibility: to, reviewed: to === 'new_member', decidedGrade: null, khtReasons: [] };
        await updateEvaluation(t.db, member.id, fields, { actor });
        break;
      }
      case 'kht_reasons':
        await regrade(t.db, member.id, { grade: 'KHT', reason: 'Kết luận sau thẩm định', khtReasons: [pick(rng, MEMBER_REASONS), pick(rng, MEMBER_REASONS)].filter((r, k, all) => all.indexOf(r) === k), actor });
        break;
      case 'reviewed':
        await updateEvaluation(t.db, pick(rng, pools.others), { reviewed: rng.int(0, 1) === 1 }, { actor });
        break;
      case 'topic':
        await addReviewTopic(t.db, { cycleYear: 2022, subjectKind: 'member', subjectRef: member.card, managedBy: pick(rng, ['huyen', 'co_so.dang_uy', 'co_so.chi_bo']), assignedByUnit: 'HU-TAMDUONG', topic: `Nội dung ${i}` });
        break;
      case 'move':
        await changeUnit(t.db, pick(rng, pools.cells), { from: pick(rng, ['2022-03-01', '2022-06-01', '2022-09-01']), parentCode: pick(rng, pools.communes) });
        break;
    }
    return true;
  } catch (e) {
    if (e instanceof AppError) return false;
    throw e;
  }
}

describe(`a seeded random sequence of changes keeps the live forms exact (${testEngine})`, () => {
  it(`${STEPS} steps (seed ${SEED}): verify finds no difference after every 20 and at the end`, async () => {
    const rng = new Rng(SEED);
    const applied = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
    for (let i = 1; i <= STEPS; i++) {
      const kind = pick(rng, KINDS);
      if (await step(rng, kind, i)) applied[kind] += 1;
      if (i % 20 === 0) expect((await verify(t.db, { year: 2022 })).cycles[0]?.differences, `after step ${i}`).toEqual([]);
    }
    expect((await verify(t.db)).differences).toBe(0);
    // Every kind of change really happened, most of the sequence was applied.
    for (const k of KINDS) expect(applied[k], k).toBeGreaterThan(5);
    expect(Object.values(applied).reduce((a, b) => a + b, 0)).toBeGreaterThan(STEPS * 0.7);
  }, 120_000);
});
