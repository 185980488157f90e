/**
 * The demo district: Đảng bộ huyện Tam Đường (Lai Châu) with its 2022 review cycle, generated
 * deterministically (a seeded generator, no Math.random, no clock unless given) so that counting the
 * rows reproduces the totals of the seed report 331-BC/HU (GUIDE.md §6: where the annexes contradict
 * themselves, the narrative text wins). People are invented. The choices each contradiction forced are
 * recorded where the number is set: tam-duong-plan.ts (units) and tam-duong-targets.ts (people).
 */
import { type GenContext, isoDay } from './context.js';
import type { Dataset, DatasetCollectiveMember, DatasetCycle } from './dataset.js';
import { Rng } from './random.js';
import { buildCollectives } from './tam-duong-collectives.js';
import { buildLeaders } from './tam-duong-leaders.js';
import { buildMembers } from './tam-duong-members.js';
import { DEADLINES, DISTRICT, REFERENCE_DATE } from './tam-duong-plan.js';
import { TOPICS } from './tam-duong-targets.js';
import { buildTree, buildUnitEvaluations } from './tam-duong-units.js';

export const DEMO_UNIT_CODE = DISTRICT.code;
export const DEMO_CYCLE = { year: 2022, period: 'nam', ruleSet: 'QD132-HD21', referenceDate: REFERENCE_DATE } as const;

export interface GenerateTamDuongOptions {
  /** PRNG seed; the same seed gives the same data set (ids included). */
  seed?: number;
  /** created_at of units, persons and the cycle; fixed by default so the output is reproducible. */
  createdAt?: string;
  /** Id of an existing TU-LAICHAU unit to hang the district under (the province is then not generated). */
  existingProvinceId?: string | null;
  /** Id of an existing 2022 `nam` cycle to evaluate in (the cycle and its deadlines are then not generated). */
  existingCycleId?: string | null;
}

/** Generates the whole demo district as a plain data set. */
export function generateTamDuong(options: GenerateTamDuongOptions = {}): Dataset {
  const seed = options.seed ?? 20_221_231;
  const rng = new Rng(seed);
  const ids = new Rng(seed ^ 0x5eed);
  const data: Dataset = { units: [], collectives: [], persons: [], memberships: [], personEvents: [], positions: [], cycles: [], evaluations: [], reviewTopics: [], notes: [] };
  const ctx: GenContext = { rng, id: () => ids.uuid(), createdAt: options.createdAt ?? isoDay('2023-01-10'), cycleId: '', notes: data.notes };
  ctx.cycleId = options.existingCycleId ?? ctx.id();
  if (!options.existingCycleId) data.cycles.push(buildCycle(ctx));

  const tree = buildTree(ctx, data.units, options.existingProvinceId ?? null);
  data.evaluations.push(...buildUnitEvaluations(ctx, tree));
  const members = buildMembers(ctx, tree, data);
  const khunHaCommittee = buildCollectives(ctx, tree, data);
  const khunHaSecretary = buildLeaders(ctx, tree, members, data);
  data.collectiveMembers = seatPartyCommittees(ctx, data);
  // Seed §2.1.1: one collective and one person "thuộc diện Ban Thường vụ Huyện ủy quản lý".
  const topic = { cycleId: ctx.cycleId, managedBy: 'huyen', assignedByUnitId: tree.districtId };
  data.reviewTopics.push(
    { ...topic, id: ctx.id(), subjectKind: 'collective', subjectId: khunHaCommittee.id, topic: TOPICS.collective },
    { ...topic, id: ctx.id(), subjectKind: 'position', subjectId: khunHaSecretary.id, topic: TOPICS.person },
  );
  return data;
}

/**
 * The members of each party committee collective (cấp ủy): the party positions of its unit — at the
 * grassroots the bí thư, phó bí thư and committee members; at the district the standing committee
 * (HD 21, II.B.3: "thành viên" of the collective; the other collectives' members are not modelled).
 */
function seatPartyCommittees(ctx: GenContext, data: Dataset): DatasetCollectiveMember[] {
  const party = /^(co_so\.|huyen\.(bi_thu|pho_bi_thu|uv_btv)$)/;
  const out: DatasetCollectiveMember[] = [];
  for (const c of data.collectives) {
    if (c.kind !== 'cap_uy') continue;
    for (const p of data.positions) {
      if (p.unitId !== c.unitId || !party.test(p.positionGroup)) continue;
      out.push({ id: ctx.id(), collectiveId: c.id, positionId: p.id, validFrom: p.validFrom > c.validFrom ? p.validFrom : c.validFrom, validTo: p.validTo });
    }
  }
  return out;
}

function buildCycle(ctx: GenContext): DatasetCycle {
  return {
    id: ctx.cycleId,
    year: DEMO_CYCLE.year,
    period: DEMO_CYCLE.period,
    ruleSet: DEMO_CYCLE.ruleSet,
    referenceDate: DEMO_CYCLE.referenceDate,
    title: 'Kiểm điểm, đánh giá, xếp loại chất lượng năm 2022',
    createdAt: ctx.createdAt,
    deadlines: DEADLINES.map((d) => ({ id: ctx.id(), level: d.level, dueOn: d.dueOn })),
  };
}
