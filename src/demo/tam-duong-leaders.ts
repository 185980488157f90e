/**
 * Leader positions of the demo district and their 2022 evaluations: 225 graded by the district
 * (huyện 64, cơ sở 161; text §2.2.4) and the 3 Thường trực Huyện ủy graded by the province. Every
 * leader is one of the district's members (GUIDE.md §3: the person once, the evaluations apart),
 * chosen in the cell where that leader would sit, with a member grade close to the leader grade.
 */
import type { Grade, PositionGroup } from '../domain/codes.js';
import { type GenContext, isoDay, proposalsFor } from './context.js';
import type { DatasetEvaluation, DatasetPosition } from './dataset.js';
import { buildEvaluation, GRADE_QUALITY, gradeByRank } from './grading.js';
import { splitTotal } from './random.js';
import { LEADER_TARGETS, STANDING_PROPOSALS } from './tam-duong-targets.js';
import type { DemoMember } from './tam-duong-members.js';
import type { DemoOrg, DemoTree } from './tam-duong-units.js';
import { DISTRICT_POSITIONS } from './tam-duong-positions.js';

/** Demo start of the 2020–2025 term (congresses of 2020); not a historical date. */
const TERM_START = '2020-10-01';

interface Seat {
  group: PositionGroup;
  title: string;
  unitId: string;
  /** Members to choose from, best first once sorted by closeness to the grade. */
  pool: DemoMember[];
  /** The first `localCount` of the pool sit where the seat is; the rest only if those run out. */
  localCount: number;
  grade: Grade | null;
  proposed?: Grade;
  score: number;
}

/** Builds positions and their evaluations; returns the Khun Há Bí thư position (review topic). */
export function buildLeaders(
  ctx: GenContext,
  tree: DemoTree,
  members: DemoMember[],
  out: { positions: DatasetPosition[]; evaluations: DatasetEvaluation[] },
): DatasetPosition {
  const graded = members.filter((m) => m.status === 'graded');
  const byCell = new Map<string, DemoMember[]>();
  for (const m of graded) byCell.set(m.cell.code, [...(byCell.get(m.cell.code) ?? []), m]);
  const byOrg = (org: DemoOrg) => graded.filter((m) => m.cell.org === org);
  const agencyPool = graded.filter((m) => m.cell.orgType === 'co_quan_dang' || m.cell.orgType === 'co_quan_nha_nuoc');
  const seats: Seat[] = [];
  for (const p of DISTRICT_POSITIONS) {
    const org = tree.orgs.find((o) => o.code === p.unit);
    const local = org ? byOrg(org) : [];
    const standing = STANDING_PROPOSALS.find((s) => s.title === p.title);
    seats.push({ group: p.group, title: p.title, unitId: tree.districtId, pool: [...local, ...agencyPool], localCount: local.length, grade: null, ...(standing ? { proposed: standing.proposed } : {}), score: ctx.rng.next() });
  }
  // 13 communes: 20 Phó Bí thư = 7 communes with two; 128 Ủy viên BCH = 11 communes with 10, 2 with 9.
  const communes = tree.orgs.filter((o) => o.commune);
  const twoDeputies = new Set(ctx.rng.shuffle(communes).slice(0, 20 - communes.length));
  const bch = ctx.rng.shuffle(splitTotal(128, communes.map(() => 1)));
  communes.forEach((org, i) => seats.push(...communeSeats(ctx, org, byOrg(org), { deputies: twoDeputies.has(org) ? 2 : 1, members: bch[i] ?? 10 })));
  for (const [group, counts] of Object.entries(LEADER_TARGETS) as [PositionGroup, readonly [number, number, number, number]][]) {
    for (const [seat, grade] of gradeByRank(seats.filter((s) => s.group === group), counts, (s) => s.score)) seat.grade = grade;
  }
  const used = new Set<DemoMember>();
  let khunHaBiThu: DatasetPosition | undefined;
  for (const seat of seats) {
    const person = choosePerson(ctx, seat, used);
    const higher = seat.proposed !== undefined;
    const position: DatasetPosition = {
      id: ctx.id(),
      personId: person.person.id,
      unitId: seat.unitId,
      positionGroup: seat.group,
      title: seat.title,
      decidingUnitId: higher ? tree.provinceId : tree.districtId,
      validFrom: person.person.admittedOn > TERM_START ? person.person.admittedOn : TERM_START,
      validTo: null,
    };
    out.positions.push(position);
    if (seat.title === 'Bí thư Đảng ủy xã Khun Há') khunHaBiThu = position;
    const base = { id: ctx.id(), cycleId: ctx.cycleId, subjectKind: 'position' as const, subjectId: position.id, unitId: seat.unitId, reviewed: true, actor: 'Ban Tổ chức Huyện ủy', at: isoDay('2022-12-29') };
    if (higher) {
      // Seed §2.2.4: "03 đồng chí Thường trực Huyện ủy đề nghị Ban Thường vụ Tỉnh ủy xếp loại".
      out.evaluations.push(buildEvaluation({ ...base, decidingUnitId: tree.provinceId, eligibility: 'higher_level', eligibilityReason: 'Do Ban Thường vụ Tỉnh ủy đánh giá, xếp loại', selfGrade: seat.proposed ?? null, proposedGrade: seat.proposed ?? null }, ctx.id));
    } else {
      const grade = seat.grade as Grade;
      out.evaluations.push(buildEvaluation({ ...base, decidingUnitId: tree.districtId, eligibility: 'eligible', ...proposalsFor(ctx.rng, grade) }, ctx.id));
    }
  }
  if (!khunHaBiThu) throw new Error('Khun Há Bí thư position missing');
  return khunHaBiThu;
}

/**
 * The seats of one commune: 1 Bí thư, 1 or 2 Phó Bí thư, 9 or 10 Ủy viên BCH. Counts over the 13
 * communes follow the seed (13, 20, 128); which commune has two deputies or nine members is chance.
 * Grades rank by the commune committee's grade first: the one KHT Bí thư is Khun Há's (the HT
 * committee whose secretary the district asked to review in depth), HTXS go to HTXS communes.
 */
function communeSeats(ctx: GenContext, org: DemoOrg, pool: DemoMember[], n: { deputies: number; members: number }): Seat[] {
  const { deputies, members } = n;
  const q = GRADE_QUALITY[org.grade];
  const seat = (group: PositionGroup, title: string, weight: number): Seat => ({ group, title, unitId: org.id, pool, localCount: pool.length, grade: null, score: q * weight + ctx.rng.next() });
  const out = [seat('co_so.bi_thu', `Bí thư Đảng ủy ${org.short}`, 10)];
  if (deputies === 2) out.push(seat('co_so.pho_bi_thu', `Phó Bí thư Thường trực Đảng ủy ${org.short}`, 2));
  out.push(seat('co_so.pho_bi_thu', `Phó Bí thư Đảng ủy, Chủ tịch UBND ${org.short}`, 2));
  for (let k = 0; k < members; k++) out.push(seat('co_so.uv_bch', `Ủy viên Ban Chấp hành Đảng bộ ${org.short}`, 2));
  return out;
}

/** The unused member of the pool whose member grade is closest to the seat's grade (chance breaks ties). */
function choosePerson(ctx: GenContext, seat: Seat, used: Set<DemoMember>): DemoMember {
  const target = GRADE_QUALITY[seat.grade ?? seat.proposed ?? 'HTT'];
  let best: DemoMember | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  seat.pool.forEach((m, i) => {
    if (used.has(m)) return;
    const s = (i < seat.localCount ? 0 : 10) + Math.abs(GRADE_QUALITY[m.grade ?? 'HTT'] - target) + ctx.rng.next() * 0.4;
    if (s < bestScore) {
      best = m;
      bestScore = s;
    }
  });
  if (!best) throw new Error(`no member left to hold "${seat.title}"`);
  used.add(best);
  return best;
}
