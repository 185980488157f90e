/**
 * An invented party for the benchmark (issue 12; GUIDE.md §7: a province has 100,000–500,000
 * members, the country about 5.5 million): a national root above the provinces, districts,
 * grassroots organisations (communes and other committees with their cells, and grassroots cells),
 * members in every cell, collectives and leaders, all graded in one 2022 cycle.
 *
 * Streamed with bounded memory: the plan keeps one number per province (its members); every part
 * (units, persons, memberships, evaluations …) regenerates one province at a time from its own seed,
 * so the loader holds one province's units at most, never the country.
 *
 * The product has no unit kind above a province committee: the national root is stored as one more
 * committee of that kind, without an evaluation of its own (as the provinces), so its forms are the
 * sum of the provinces'.
 */
import type { DatasetCollective, DatasetCycle, DatasetEvaluation, DatasetMembership, DatasetPerson, DatasetPosition, DatasetSource, DatasetUnit } from '../src/demo/dataset.js';
import { inventName } from '../src/demo/names.js';
import { Rng } from '../src/demo/random.js';
import type { CollectiveKind, Eligibility, Grade, KhtReason, Level, OrgType, PositionGroup, UnitKind } from '../src/domain/codes.js';
import { makeSearchKey } from '../src/domain/model/people.js';

export interface NationalSize {
  provinces: number;
  /** Districts per province. */
  districts: number;
  /** Grassroots organisations per district. */
  grassroots: number;
}

/** ≈ 5,000 / 330,000 / 5.5 million members (about 109 per grassroots organisation). */
export const SIZES = {
  district: { provinces: 1, districts: 1, grassroots: 50 },
  province: { provinces: 1, districts: 10, grassroots: 300 },
  country: { provinces: 34, districts: 15, grassroots: 100 },
} as const satisfies Record<string, NationalSize>;
export type SizeName = keyof typeof SIZES;

export interface NationalPlan {
  size: NationalSize;
  seed: number;
  prefix: string;
  rootId: string;
  rootCode: string;
  cycleId: string;
  /** Members per province, and the index of each province's first member. */
  provinceMembers: number[];
  provinceFirst: number[];
  members: number;
  units: number;
  cells: number;
  /** A province's code (the first), a district's and a commune's (in the first province). */
  provinceCode: string;
  districtCode: string;
  communeCode: string;
}

interface PlanCell {
  id: string;
  /** The grassroots organisation whose members it holds (itself for a grassroots cell). */
  orgId: string;
  members: number;
  /** Index of its first member in the country. */
  first: number;
}

/** One province, regenerated from its seed whenever a part needs it. */
interface ProvincePart {
  index: number;
  id: string;
  code: string;
  units: DatasetUnit[];
  cells: PlanCell[];
  communes: string[];
  members: number;
}

const DAY = '2010-01-01';
const AT = '2022-12-20T01:00:00.000Z';
const OTHER_COMMITTEES: readonly OrgType[] = ['co_quan_dang', 'dvsn.cong_lap', 'quan_doi', 'cong_an', 'dn.nn.100'];
const CELL_TYPES: readonly OrgType[] = ['co_quan_dang', 'co_quan_nha_nuoc', 'dvsn.cong_lap', 'dvsn.ngoai_cong_lap', 'dn.nn.100', 'dn.ngoai.cp', 'dn.ngoai.tnhh', 'dn.ngoai.fdi.trong_do_100', 'dn.htx'];
const LOCAL: readonly OrgType[] = ['xa', 'xa', 'xa', 'xa', 'phuong', 'thi_tran'];

function unit(id: string, code: string, parentId: string | null, name: string, kind: UnitKind, orgType: OrgType | null): DatasetUnit {
  return { id, code, createdAt: AT, versions: [{ id: `${id}-v`, parentId, name, kind, orgType, validFrom: DAY, validTo: null }] };
}

/** One province's tree and member counts; `first` is the index of its first member in the country. */
function provincePart(size: NationalSize, seed: number, prefix: string, rootId: string, index: number, first: number): ProvincePart {
  const rng = new Rng(seed + index * 7919);
  const id = `${prefix}-t${index}`;
  const code = `TU-${prefix}-${index}`;
  const part: ProvincePart = { index, id, code, units: [unit(id, code, rootId, `Đảng bộ tỉnh Thử nghiệm ${index}`, 'province_committee', null)], cells: [], communes: [], members: 0 };
  const addCell = (cellId: string, orgId: string, members: number) => {
    part.cells.push({ id: cellId, orgId, members, first: first + part.members });
    part.members += members;
  };
  for (let d = 1; d <= size.districts; d++) {
    const dId = `${id}-d${d}`;
    part.units.push(unit(dId, `HU-${prefix}-${index}-${d}`, id, `Đảng bộ huyện ${index}.${d}`, 'district_committee', null));
    for (let g = 1; g <= size.grassroots; g++) {
      const gId = `${dId}-g${g}`;
      const gCode = `${prefix}-${index}-${d}-${g}`;
      const r = rng.next();
      if (r < 0.6) {
        const commune = r < 0.4;
        const orgType = commune ? rng.pick(LOCAL) : rng.pick(OTHER_COMMITTEES);
        part.units.push(unit(gId, gCode, dId, `Đảng bộ ${commune ? 'xã' : 'cơ quan'} ${index}.${d}.${g}`, 'grassroots_committee', orgType));
        if (commune) part.communes.push(gCode);
        const cells = rng.int(5, 12);
        for (let c = 1; c <= cells; c++) {
          const cId = `${gId}-c${c}`;
          part.units.push(unit(cId, `${gCode}-${c}`, gId, `Chi bộ ${c}`, 'cell', null));
          addCell(cId, gId, rng.int(12, 28));
        }
      } else {
        part.units.push(unit(gId, gCode, dId, `Chi bộ cơ sở ${index}.${d}.${g}`, 'grassroots_cell', rng.pick(CELL_TYPES)));
        addCell(gId, gId, rng.int(5, 30));
      }
    }
  }
  return part;
}

/** Plans the country: one pass over the provinces to count their members (nothing else is kept). */
export function planNational(size: NationalSize, seed = 20_221_231): NationalPlan {
  const prefix = `B${seed % 1000}`;
  const rootId = `${prefix}-tw`;
  const plan: NationalPlan = {
    size, seed, prefix, rootId, rootCode: `TW-${prefix}`, cycleId: `${prefix}-cycle-2022`, provinceMembers: [], provinceFirst: [], members: 0, units: 1, cells: 0,
    provinceCode: '', districtCode: '', communeCode: '',
  };
  for (let p = 1; p <= size.provinces; p++) {
    const part = provincePart(size, seed, prefix, rootId, p, plan.members);
    plan.provinceFirst.push(plan.members);
    plan.provinceMembers.push(part.members);
    plan.members += part.members;
    plan.units += part.units.length;
    plan.cells += part.cells.length;
    if (p === 1) {
      plan.provinceCode = part.code;
      plan.districtCode = part.units[1]?.code ?? part.code;
      plan.communeCode = part.communes[Math.floor(part.communes.length / 2)] ?? part.code;
    }
  }
  return plan;
}

function* provinces(plan: NationalPlan): Generator<ProvincePart> {
  for (let p = 1; p <= plan.size.provinces; p++) yield provincePart(plan.size, plan.seed, plan.prefix, plan.rootId, p, plan.provinceFirst[p - 1] ?? 0);
}

const personId = (plan: NationalPlan, n: number) => `${plan.prefix}-p${n}`;

/** Every day from `from` to `to` as ISO text, built once: a draw is an index (Rng.date parses and formats each time). */
function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${to}T00:00:00Z`); t <= end; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}
const ADMITTED = days('1975-01-01', '2021-12-31');
const BORN = days('1950-01-01', '2000-12-31');
const draw = (rng: Rng, list: readonly string[]) => list[rng.int(0, list.length - 1)] as string;

function* units(plan: NationalPlan): Generator<DatasetUnit> {
  yield unit(plan.rootId, plan.rootCode, null, 'Toàn quốc (thử tải)', 'province_committee', null);
  for (const part of provinces(plan)) yield* part.units;
}

function* persons(plan: NationalPlan): Generator<DatasetPerson> {
  const rng = new Rng(plan.seed ^ 0x9e3779b9);
  // Names come from short lists: their search keys are computed once each.
  const keys = new Map<string, string>();
  for (let n = 0; n < plan.members; n++) {
    const sex = rng.next() < 0.6 ? 'nam' : 'nu';
    const fullName = inventName(rng, sex, 0.3);
    let searchKey = keys.get(fullName);
    if (searchKey === undefined) keys.set(fullName, (searchKey = makeSearchKey(fullName)));
    const admittedOn = n % 50 === 0 ? '2022-09-01' : draw(rng, ADMITTED);
    yield {
      id: personId(plan, n), cardNumber: `${plan.prefix}.${String(n).padStart(8, '0')}`, fullName, searchKey,
      birthDate: draw(rng, BORN), sex, admittedOn, officialOn: n % 50 === 0 ? null : admittedOn, isCivilServant: n % 3 === 0, createdAt: AT,
    };
  }
}

function* memberships(plan: NationalPlan): Generator<DatasetMembership> {
  for (const part of provinces(plan)) {
    for (const c of part.cells) {
      for (let i = 0; i < c.members; i++) yield { id: `${c.id}-m${i}`, personId: personId(plan, c.first + i), unitId: c.id, validFrom: DAY, validTo: null };
    }
  }
}

function evaluation(plan: NationalPlan, e: { id: string; kind: DatasetEvaluation['subjectKind']; subjectId: string; unitId: string; decidingUnitId: string; eligibility?: Eligibility; reviewed?: boolean; grade?: Grade | null; reasons?: KhtReason[] }): DatasetEvaluation {
  const grade = e.grade ?? null;
  return {
    id: e.id, cycleId: plan.cycleId, subjectKind: e.kind, subjectId: e.subjectId, unitId: e.unitId, eligibility: e.eligibility ?? 'eligible', eligibilityReason: null,
    reviewed: e.reviewed ?? true, selfGrade: grade, proposedGrade: grade, decidedGrade: grade, decidingUnitId: e.decidingUnitId, khtReasons: e.reasons ?? [], scoreX100: null, note: null,
    version: 1, createdAt: AT, updatedAt: AT,
    // One history row per evaluation keeps the load about the counts, not the audit trail.
    history: [{ id: `${e.id}-h`, at: AT, actor: 'bench', action: 'create', field: 'decidedGrade', oldValue: null, newValue: grade, reason: null }],
  };
}

function gradeOf(r: number): Grade {
  return r < 0.13 ? 'HTXS' : r < 0.91 ? 'HTT' : r < 0.98 ? 'HT' : 'KHT';
}

function* memberEvaluations(plan: NationalPlan, part: ProvincePart): Generator<DatasetEvaluation> {
  const rng = new Rng((plan.seed ^ 0x51ed) + part.index);
  for (const c of part.cells) {
    for (let i = 0; i < c.members; i++) {
      const n = c.first + i;
      const id = `${plan.prefix}-em${n}`;
      const subjectId = personId(plan, n);
      const r = rng.next();
      let eligibility: Eligibility = 'eligible';
      let reviewed = true;
      let grade: Grade | null = null;
      let reasons: KhtReason[] = [];
      if (n % 50 === 0) eligibility = 'new_member';
      else if (r < 0.04) [eligibility, reviewed] = ['exempt', false];
      else if (r < 0.0405) [eligibility, reviewed] = ['suspended', false];
      else {
        grade = gradeOf(rng.next());
        if (grade === 'KHT') reasons = [rng.pick(['civil_servant', 'below_50', 'disciplined'] as const)];
      }
      yield evaluation(plan, { id, kind: 'member', subjectId, unitId: c.id, decidingUnitId: c.orgId, eligibility, reviewed, grade, reasons });
    }
  }
}

function* unitEvaluations(plan: NationalPlan, part: ProvincePart): Generator<DatasetEvaluation> {
  const rng = new Rng((plan.seed ^ 0x0717) + part.index);
  for (const u of part.units) {
    const v = u.versions[0]!;
    const base = { id: `${u.id}-eu`, kind: 'unit' as const, subjectId: u.id, unitId: u.id, decidingUnitId: v.parentId ?? u.id };
    if (v.kind === 'province_committee') continue;
    if (v.kind === 'district_committee') yield evaluation(plan, { ...base, eligibility: 'higher_level' });
    else if (v.kind === 'cell' && rng.next() < 0.01) yield evaluation(plan, { ...base, eligibility: 'new_unit', reviewed: false });
    else yield evaluation(plan, { ...base, grade: gradeOf(rng.next()) });
  }
}

interface Bodies {
  collectives: DatasetCollective[];
  positions: DatasetPosition[];
  evaluations: DatasetEvaluation[];
}

/** One province's collectives and leaders: commune bodies and leaders, district departments and leaders. */
function bodies(plan: NationalPlan, part: ProvincePart): Bodies {
  const rng = new Rng((plan.seed ^ 0xc011) + part.index);
  const out: Bodies = { collectives: [], positions: [], evaluations: [] };
  const holder = new Map<string, number>();
  const districtFirst = new Map<string, number>();
  for (const c of part.cells) {
    if (!holder.has(c.orgId)) holder.set(c.orgId, c.first);
    const district = c.orgId.slice(0, c.orgId.lastIndexOf('-g'));
    if (!districtFirst.has(district)) districtFirst.set(district, c.first);
  }
  let serial = 0;
  const addCollective = (unitId: string, code: string, kind: CollectiveKind, level: Level, deciding: string, higher = false) => {
    const id = `${code}-tt`;
    serial++;
    out.collectives.push({ id, code, unitId, name: `Tập thể ${code}`, kind, level, validFrom: DAY, validTo: null });
    out.evaluations.push(evaluation(plan, { id: `${id}-e`, kind: 'collective', subjectId: id, unitId, decidingUnitId: deciding, ...(higher ? { eligibility: 'higher_level' as const } : { grade: gradeOf(rng.next()) }) }));
  };
  const addPosition = (unitId: string, code: string, group: PositionGroup, person: number, deciding: string, higher = false) => {
    const id = `${code}-cv`;
    out.positions.push({ id, personId: personId(plan, person), unitId, positionGroup: group, title: `${group} ${code}`, decidingUnitId: deciding, validFrom: DAY, validTo: null });
    out.evaluations.push(evaluation(plan, { id: `${id}-e`, kind: 'position', subjectId: id, unitId, decidingUnitId: deciding, ...(higher ? { eligibility: 'higher_level' as const } : { grade: gradeOf(rng.next()) }) }));
  };
  for (const u of part.units) {
    const v = u.versions[0]!;
    const first = holder.get(u.id) ?? 0;
    if (v.kind === 'district_committee') {
      const firstOrg = districtFirst.get(u.id) ?? 0;
      for (let i = 1; i <= 20; i++) addCollective(u.id, `${u.code}.PB${i}`, 'phong_ban', 'huyen', u.id);
      for (const k of ['mttq', 'doan_the', 'doan_the', 'doan_the', 'doan_the'] as const) addCollective(u.id, `${u.code}.${k}${serial}`, k, 'huyen', u.id);
      for (const k of ['cap_uy', 'hdnd', 'ubnd'] as const) addCollective(u.id, `${u.code}.${k}`, k, 'huyen', part.id, true);
      addPosition(u.id, `${u.code}.BT`, 'huyen.bi_thu', firstOrg, part.id, true);
      for (let i = 1; i <= 40; i++) addPosition(u.id, `${u.code}.CV${i}`, i <= 7 ? 'huyen.uv_btv' : i <= 20 ? 'huyen.truong_phong_khac' : 'huyen.pho_phong', firstOrg + i, u.id);
    } else if (v.kind === 'grassroots_committee') {
      addCollective(u.id, `${u.code}.DU`, 'cap_uy', 'co_so', v.parentId ?? u.id);
      if (['xa', 'phuong', 'thi_tran'].includes(v.orgType ?? '')) {
        for (const k of ['hdnd', 'ubnd', 'mttq', 'doan_the', 'doan_the', 'doan_the', 'doan_the'] as const) addCollective(u.id, `${u.code}.${k}${serial}`, k, 'co_so', v.parentId ?? u.id);
      }
      addPosition(u.id, `${u.code}.BT`, 'co_so.bi_thu', first, v.parentId ?? u.id);
      addPosition(u.id, `${u.code}.PBT`, 'co_so.pho_bi_thu', first + 1, v.parentId ?? u.id);
      for (let i = 2; i <= 6; i++) addPosition(u.id, `${u.code}.UV${i}`, 'co_so.uv_bch', first + i, v.parentId ?? u.id);
    }
  }
  return out;
}

function* eachBody<K extends keyof Bodies>(plan: NationalPlan, key: K): Generator<Bodies[K][number]> {
  for (const part of provinces(plan)) yield* bodies(plan, part)[key];
}

/** The whole country as a streamable data set: every part a generator over the provinces. */
export function nationalDataset(plan: NationalPlan): DatasetSource {
  const cycle: DatasetCycle = { id: plan.cycleId, year: 2022, period: 'nam', ruleSet: 'QD132-HD21', referenceDate: '2022-12-31', title: 'Năm 2022 (thử tải)', createdAt: AT, deadlines: [] };
  function* evaluations(): Generator<DatasetEvaluation> {
    for (const part of provinces(plan)) {
      yield* unitEvaluations(plan, part);
      yield* bodies(plan, part).evaluations;
      yield* memberEvaluations(plan, part);
    }
  }
  return {
    units: units(plan), collectives: eachBody(plan, 'collectives'), persons: persons(plan), memberships: memberships(plan), personEvents: [],
    positions: eachBody(plan, 'positions'), cycles: [cycle], evaluations: evaluations(), reviewTopics: [],
  };
}
