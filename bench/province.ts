/**
 * An invented province for the smoke benchmark (issue 4 item 6; GUIDE.md §7: a province has
 * 100,000–500,000 members): districts of grassroots organisations (communes and other committees
 * with their cells, and grassroots cells), members in every cell, collectives and leaders, all
 * graded in one 2022 cycle. Seeded and streamed: the plan (units, member counts) is held in memory,
 * the people and evaluations are regenerated from it per part, so `insertDataset` reads each once.
 */
import type { Dataset, DatasetCollective, DatasetEvaluation, DatasetPerson, DatasetPosition, DatasetSource, DatasetUnit } from '../src/demo/dataset.js';
import { inventName } from '../src/demo/names.js';
import { Rng } from '../src/demo/random.js';
import type { CollectiveKind, Eligibility, Grade, KhtReason, Level, OrgType, PositionGroup, UnitKind } from '../src/domain/codes.js';
import { makeSearchKey } from '../src/domain/model/people.js';

export interface ProvinceSize {
  districts: number;
  /** Grassroots organisations per district. */
  grassroots: number;
}
export const SIZES: Record<'province' | 'district', ProvinceSize> = {
  province: { districts: 10, grassroots: 300 },
  district: { districts: 1, grassroots: 50 },
};

interface PlanCell {
  id: string;
  /** The grassroots organisation whose members it holds (itself for a grassroots cell). */
  orgId: string;
  members: number;
  /** Index of its first member in the province. */
  first: number;
}

export interface ProvincePlan {
  code: string;
  provinceId: string;
  cycleId: string;
  units: DatasetUnit[];
  cells: PlanCell[];
  /** Codes of the communes (grassroots committees of type xã/phường/thị trấn). */
  communes: string[];
  members: number;
  seed: number;
}

const DAY = '2010-01-01';
const AT = '2022-12-20T01:00:00.000Z';
const OTHER_COMMITTEES: readonly OrgType[] = ['co_quan_dang', 'dvsn.cong_lap', 'quan_doi', 'cong_an', 'dn.nn.100'];
const CELL_TYPES: readonly OrgType[] = ['co_quan_dang', 'co_quan_nha_nuoc', 'dvsn.cong_lap', 'dvsn.ngoai_cong_lap', 'dn.nn.100', 'dn.ngoai.cp', 'dn.ngoai.tnhh', 'dn.ngoai.fdi.trong_do_100', 'dn.htx'];
const LOCAL: readonly OrgType[] = ['xa', 'xa', 'xa', 'xa', 'phuong', 'thi_tran'];

function unit(id: string, code: string, parentId: string | null, name: string, kind: UnitKind, orgType: OrgType | null): DatasetUnit {
  return { id, code, createdAt: AT, versions: [{ id: `${id}-v`, parentId, name, kind, orgType, validFrom: DAY, validTo: null }] };
}

/** Plans the tree and the number of members of every cell. */
export function planProvince(size: ProvinceSize, seed = 20_221_231): ProvincePlan {
  const rng = new Rng(seed);
  const p = `B${seed % 1000}`;
  const plan: ProvincePlan = { code: `TU-${p}`, provinceId: `${p}-tu`, cycleId: `${p}-cycle-2022`, units: [], cells: [], communes: [], members: 0, seed };
  plan.units.push(unit(plan.provinceId, plan.code, null, 'Đảng bộ tỉnh Thử nghiệm', 'province_committee', null));
  const addCell = (id: string, orgId: string, members: number) => {
    plan.cells.push({ id, orgId, members, first: plan.members });
    plan.members += members;
  };
  for (let d = 1; d <= size.districts; d++) {
    const dId = `${p}-d${d}`;
    plan.units.push(unit(dId, `HU-${p}-${d}`, plan.provinceId, `Đảng bộ huyện ${d}`, 'district_committee', null));
    for (let g = 1; g <= size.grassroots; g++) {
      const gId = `${dId}-g${g}`;
      const code = `${p}-${d}-${g}`;
      const r = rng.next();
      if (r < 0.6) {
        const commune = r < 0.4;
        const orgType = commune ? rng.pick(LOCAL) : rng.pick(OTHER_COMMITTEES);
        plan.units.push(unit(gId, code, dId, `Đảng bộ ${commune ? 'xã' : 'cơ quan'} ${d}.${g}`, 'grassroots_committee', orgType));
        if (commune) plan.communes.push(code);
        const cells = rng.int(5, 12);
        for (let c = 1; c <= cells; c++) {
          const cId = `${gId}-c${c}`;
          plan.units.push(unit(cId, `${code}-${c}`, gId, `Chi bộ ${c}`, 'cell', null));
          addCell(cId, gId, rng.int(12, 28));
        }
      } else {
        plan.units.push(unit(gId, code, dId, `Chi bộ cơ sở ${d}.${g}`, 'grassroots_cell', rng.pick(CELL_TYPES)));
        addCell(gId, gId, rng.int(5, 30));
      }
    }
  }
  return plan;
}

const personId = (plan: ProvincePlan, n: number) => `${plan.code}-p${n}`;

function* persons(plan: ProvincePlan): Generator<DatasetPerson> {
  const rng = new Rng(plan.seed ^ 0x9e3779b9);
  for (let n = 0; n < plan.members; n++) {
    const sex = rng.next() < 0.6 ? 'nam' : 'nu';
    const fullName = inventName(rng, sex, 0.3);
    const admittedOn = n % 50 === 0 ? '2022-09-01' : rng.date('1975-01-01', '2021-12-31');
    yield {
      id: personId(plan, n), cardNumber: `${plan.code}.${String(n).padStart(7, '0')}`, fullName, searchKey: makeSearchKey(fullName),
      birthDate: rng.date('1950-01-01', '2000-12-31'), sex, admittedOn, officialOn: n % 50 === 0 ? null : admittedOn, isCivilServant: n % 3 === 0, createdAt: AT,
    };
  }
}

function* memberships(plan: ProvincePlan) {
  for (const c of plan.cells) {
    for (let i = 0; i < c.members; i++) yield { id: `${c.id}-m${i}`, personId: personId(plan, c.first + i), unitId: c.id, validFrom: DAY, validTo: null };
  }
}

function evaluation(plan: ProvincePlan, e: { id: string; kind: DatasetEvaluation['subjectKind']; subjectId: string; unitId: string; decidingUnitId: string; eligibility?: Eligibility; reviewed?: boolean; grade?: Grade | null; reasons?: KhtReason[] }): DatasetEvaluation {
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

function* memberEvaluations(plan: ProvincePlan): Generator<DatasetEvaluation> {
  const rng = new Rng(plan.seed ^ 0x51ed);
  for (const c of plan.cells) {
    for (let i = 0; i < c.members; i++) {
      const n = c.first + i;
      const base = { id: `${plan.code}-em${n}`, kind: 'member' as const, subjectId: personId(plan, n), unitId: c.id, decidingUnitId: c.orgId };
      const r = rng.next();
      if (n % 50 === 0) yield evaluation(plan, { ...base, eligibility: 'new_member' });
      else if (r < 0.04) yield evaluation(plan, { ...base, eligibility: 'exempt', reviewed: false });
      else if (r < 0.0405) yield evaluation(plan, { ...base, eligibility: 'suspended', reviewed: false });
      else {
        const grade = gradeOf(rng.next());
        yield evaluation(plan, { ...base, grade, reasons: grade === 'KHT' ? [rng.pick(['civil_servant', 'below_50', 'disciplined'] as const)] : [] });
      }
    }
  }
}

function* unitEvaluations(plan: ProvincePlan): Generator<DatasetEvaluation> {
  const rng = new Rng(plan.seed ^ 0x0717);
  for (const u of plan.units) {
    const v = u.versions[0]!;
    const base = { id: `${u.id}-eu`, kind: 'unit' as const, subjectId: u.id, unitId: u.id, decidingUnitId: v.parentId ?? u.id };
    if (v.kind === 'province_committee') continue;
    if (v.kind === 'district_committee') yield evaluation(plan, { ...base, eligibility: 'higher_level' });
    else if (v.kind === 'cell' && rng.next() < 0.01) yield evaluation(plan, { ...base, eligibility: 'new_unit', reviewed: false });
    else yield evaluation(plan, { ...base, grade: gradeOf(rng.next()) });
  }
}

/** Collectives and leaders: commune bodies and leaders, district departments and leaders. */
function bodies(plan: ProvincePlan): { collectives: DatasetCollective[]; positions: DatasetPosition[]; evaluations: DatasetEvaluation[] } {
  const rng = new Rng(plan.seed ^ 0xc011);
  const out = { collectives: [] as DatasetCollective[], positions: [] as DatasetPosition[], evaluations: [] as DatasetEvaluation[] };
  const holder = new Map(plan.cells.map((c) => [c.orgId, c.first]));
  const addCollective = (unitId: string, code: string, kind: CollectiveKind, level: Level, deciding: string, higher = false) => {
    const id = `${code}-tt`;
    out.collectives.push({ id, code, unitId, name: `Tập thể ${code}`, kind, level, validFrom: DAY, validTo: null });
    out.evaluations.push(evaluation(plan, { id: `${id}-e`, kind: 'collective', subjectId: id, unitId, decidingUnitId: deciding, ...(higher ? { eligibility: 'higher_level' as const } : { grade: gradeOf(rng.next()) }) }));
  };
  const addPosition = (unitId: string, code: string, group: PositionGroup, person: number, deciding: string, higher = false) => {
    const id = `${code}-cv`;
    out.positions.push({ id, personId: personId(plan, person), unitId, positionGroup: group, title: `${group} ${code}`, decidingUnitId: deciding, validFrom: DAY, validTo: null });
    out.evaluations.push(evaluation(plan, { id: `${id}-e`, kind: 'position', subjectId: id, unitId, decidingUnitId: deciding, ...(higher ? { eligibility: 'higher_level' as const } : { grade: gradeOf(rng.next()) }) }));
  };
  for (const u of plan.units) {
    const v = u.versions[0]!;
    const first = holder.get(u.id) ?? 0;
    if (v.kind === 'district_committee') {
      const firstOrg = plan.cells.find((c) => c.orgId.startsWith(`${u.id}-`))?.first ?? 0;
      for (let i = 1; i <= 20; i++) addCollective(u.id, `${u.code}.PB${i}`, 'phong_ban', 'huyen', u.id);
      for (const k of ['mttq', 'doan_the', 'doan_the', 'doan_the', 'doan_the'] as const) addCollective(u.id, `${u.code}.${k}${out.collectives.length}`, k, 'huyen', u.id);
      for (const k of ['cap_uy', 'hdnd', 'ubnd'] as const) addCollective(u.id, `${u.code}.${k}`, k, 'huyen', plan.provinceId, true);
      addPosition(u.id, `${u.code}.BT`, 'huyen.bi_thu', firstOrg, plan.provinceId, true);
      for (let i = 1; i <= 40; i++) addPosition(u.id, `${u.code}.CV${i}`, i <= 7 ? 'huyen.uv_btv' : i <= 20 ? 'huyen.truong_phong_khac' : 'huyen.pho_phong', firstOrg + i, u.id);
    } else if (v.kind === 'grassroots_committee') {
      addCollective(u.id, `${u.code}.DU`, 'cap_uy', 'co_so', v.parentId ?? u.id);
      if (['xa', 'phuong', 'thi_tran'].includes(v.orgType ?? '')) {
        for (const k of ['hdnd', 'ubnd', 'mttq', 'doan_the', 'doan_the', 'doan_the', 'doan_the'] as const) addCollective(u.id, `${u.code}.${k}${out.collectives.length}`, k, 'co_so', v.parentId ?? u.id);
      }
      addPosition(u.id, `${u.code}.BT`, 'co_so.bi_thu', first, v.parentId ?? u.id);
      addPosition(u.id, `${u.code}.PBT`, 'co_so.pho_bi_thu', first + 1, v.parentId ?? u.id);
      for (let i = 2; i <= 6; i++) addPosition(u.id, `${u.code}.UV${i}`, 'co_so.uv_bch', first + i, v.parentId ?? u.id);
    }
  }
  return out;
}

/** The whole province as a streamable data set (persons, memberships and member evaluations are generators). */
export function provinceDataset(plan: ProvincePlan): DatasetSource & Pick<Dataset, 'collectives' | 'positions'> {
  const b = bodies(plan);
  const cycle = { id: plan.cycleId, year: 2022, period: 'nam', ruleSet: 'QD132-HD21', referenceDate: '2022-12-31', title: 'Năm 2022 (thử tải)', createdAt: AT, deadlines: [] };
  function* evaluations() {
    yield* unitEvaluations(plan);
    yield* b.evaluations;
    yield* memberEvaluations(plan);
  }
  return {
    units: plan.units, collectives: b.collectives, persons: persons(plan), memberships: memberships(plan), personEvents: [], positions: b.positions,
    cycles: [cycle], evaluations: evaluations(), reviewTopics: [],
  };
}
