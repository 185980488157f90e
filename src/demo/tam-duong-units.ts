/**
 * The demo district's organisation tree as of 31/12/2022: province → district → 51 grassroots
 * organisations (16 committees, 35 cells) → 207 cells under the committees, with the grades of the
 * 2022 cycle (TC annex; choices in tam-duong-plan.ts) and the unit evaluations.
 */
import type { Grade, OrgType, UnitKind } from '../domain/codes.js';
import type { DatasetEvaluation, DatasetUnit } from './dataset.js';
import { buildEvaluation, GRADE_QUALITY, gradeByRank } from './grading.js';
import { type GenContext, isoDay, proposalsFor, viDate } from './context.js';
import { splitTotal } from './random.js';
import {
  CELL_GRADES,
  COMMITTEES,
  type CommitteePlan,
  DISTRICT,
  GRASSROOTS_CELLS,
  NEW_CELLS,
  PROVINCE,
  UNITS_VALID_FROM,
  XA_MEMBERS,
} from './tam-duong-plan.js';

/** A unit that holds members: a grassroots cell or a cell under a committee. */
export interface DemoCell {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  orgType: OrgType;
  /** The grassroots organisation it belongs to (itself for a grassroots cell). */
  org: DemoOrg;
  /** Decided grade; null for a cell founded < 6 months ago. */
  grade: Grade | null;
  isNew: boolean;
  validFrom: string;
  size: number;
}

/** A grassroots organisation (TCCSĐ). */
export interface DemoOrg {
  id: string;
  code: string;
  name: string;
  /** Place or body after "Đảng ủy …" / "Chi ủy …". */
  short: string;
  kind: UnitKind;
  orgType: OrgType;
  grade: Grade;
  /** A commune committee (xã, thị trấn): carries HĐND, UBND, MTTQ, đoàn thể and commune leaders. */
  commune: boolean;
  /** Grade of its chi ủy collective (grassroots cells that elect one). */
  chiUy: Grade | undefined;
  cells: DemoCell[];
}

export interface DemoTree {
  provinceId: string;
  districtId: string;
  orgs: DemoOrg[];
  cells: DemoCell[];
}

const BAN_FIRST = ['Nà', 'Hua', 'Pa', 'Cốc', 'Phiêng', 'Tà', 'Sin', 'Lao', 'Hồ', 'Thẩm', 'Hô', 'Suối', 'Séo', 'Nậm', 'Chu'];
const BAN_SECOND = ['Khum', 'Pậu', 'Mứ', 'Chải', 'Sáng', 'Cuông', 'Tông', 'Lếch', 'Phô', 'Giẳng', 'Vai', 'Ngoang', 'Mới', 'Bo', 'Lùng', 'Hẻo'];
const SUB_CELLS: Record<string, readonly string[]> = {
  'TD-DU-TTYTE': ['Khoa Khám bệnh – Cấp cứu', 'Khoa Nội – Nhi – Truyền nhiễm', 'Khoa Ngoại – Sản', 'Khoa Dược – Xét nghiệm – Chẩn đoán hình ảnh', 'Khoa Kiểm soát bệnh tật', 'Phòng Tổ chức – Hành chính', 'Phòng Kế hoạch – Tài chính', 'Phòng khám đa khoa khu vực Bình Lư', 'Khoa Y học cổ truyền – Phục hồi chức năng'],
  'TD-DU-QUANSU': ['Cơ quan Tham mưu', 'Cơ quan Chính trị – Hậu cần – Kỹ thuật', 'Trung đội Dân quân cơ động'],
  'TD-DU-CONGAN': ['Đội An ninh', 'Đội Cảnh sát điều tra tội phạm', 'Đội Cảnh sát quản lý hành chính', 'Đội Cảnh sát giao thông – Trật tự', 'Đội Tham mưu – Tổng hợp', 'Đội Cảnh sát thi hành án hình sự', 'Đội Cảnh sát kinh tế – Ma túy', 'Đội Cảnh sát PCCC và CNCH'],
};

/** Builds the units (pushed to `units`), the tree the other generators use, and the cells' grades. */
export function buildTree(ctx: GenContext, units: DatasetUnit[], existingProvinceId: string | null): DemoTree {
  const addUnit = (code: string, name: string, kind: UnitKind, parentId: string | null, orgType: OrgType | null, validFrom = UNITS_VALID_FROM) => {
    const id = ctx.id();
    units.push({ id, code, createdAt: ctx.createdAt, versions: [{ id: ctx.id(), parentId, name, kind, orgType, validFrom, validTo: null }] });
    return id;
  };
  const provinceId = existingProvinceId ?? addUnit(PROVINCE.code, PROVINCE.name, 'province_committee', null, null);
  const districtId = addUnit(DISTRICT.code, DISTRICT.name, 'district_committee', provinceId, null);
  const orgs: DemoOrg[] = [];
  const cells: DemoCell[] = [];
  const xaCells: DemoCell[] = [];
  for (const plan of COMMITTEES) {
    const org: DemoOrg = { id: addUnit(plan.code, plan.name, 'grassroots_committee', districtId, plan.orgType), code: plan.code, name: plan.name, short: plan.short, kind: 'grassroots_committee', orgType: plan.orgType, grade: plan.grade, commune: plan.commune, chiUy: undefined, cells: [] };
    orgs.push(org);
    cellNames(ctx, plan).forEach((label, i) => {
      const fresh = NEW_CELLS.find((n) => n.committee === plan.code && n.index === i + 1);
      const code = `${plan.code}-CB${String(i + 1).padStart(2, '0')}`;
      const name = plan.orgType === 'xa' ? `Chi bộ ${i + 1} – ${fresh?.label ?? label}` : `Chi bộ ${label}`;
      const validFrom = fresh?.foundedOn ?? UNITS_VALID_FROM;
      const cell: DemoCell = { id: addUnit(code, name, 'cell', org.id, plan.orgType, validFrom), code, name, kind: 'cell', orgType: plan.orgType, org, grade: null, isNew: fresh !== undefined, validFrom, size: 0 };
      org.cells.push(cell);
      cells.push(cell);
      if (plan.orgType === 'xa') xaCells.push(cell);
    });
    if (plan.members !== null) sizeCells(ctx, org.cells, plan.members);
  }
  sizeCells(ctx, xaCells, XA_MEMBERS);
  for (const plan of GRASSROOTS_CELLS) {
    const org: DemoOrg = { id: addUnit(plan.code, plan.name, 'grassroots_cell', districtId, plan.orgType), code: plan.code, name: plan.name, short: plan.name.replace(/^Chi bộ /, ''), kind: 'grassroots_cell', orgType: plan.orgType, grade: plan.grade, commune: false, chiUy: plan.chiUy, cells: [] };
    const cell: DemoCell = { id: org.id, code: plan.code, name: plan.name, kind: 'grassroots_cell', orgType: plan.orgType, org, grade: plan.grade, isNew: false, validFrom: UNITS_VALID_FROM, size: plan.members };
    org.cells.push(cell);
    orgs.push(org);
    cells.push(cell);
  }
  gradeCells(ctx, cells);
  return { provinceId, districtId, orgs, cells };
}

function cellNames(ctx: GenContext, plan: CommitteePlan): string[] {
  const fixed = SUB_CELLS[plan.code];
  if (fixed) return [...fixed];
  if (plan.orgType === 'thi_tran') {
    const tail = ['Cơ quan thị trấn', 'Trường Mầm non thị trấn', 'Trường Tiểu học thị trấn', 'Trường THCS thị trấn'];
    return [...Array.from({ length: plan.cells - tail.length }, (_, i) => `Tổ dân phố số ${i + 1}`), ...tail];
  }
  const hasNewSchool = NEW_CELLS.some((n) => n.committee === plan.code);
  const tail = [`Cơ quan ${plan.short}`, `Trường Mầm non ${plan.short}`, ...(hasNewSchool ? [] : [`Trường Tiểu học & THCS ${plan.short}`])];
  const bans = new Set<string>();
  while (bans.size < plan.cells - tail.length) bans.add(`Bản ${ctx.rng.pick(BAN_FIRST)} ${ctx.rng.pick(BAN_SECOND)}`);
  return [...bans, ...tail];
}

/** Members per cell: proportional to random weights, at least 4 (a cell needs 3 official members). */
function sizeCells(ctx: GenContext, cells: DemoCell[], total: number): void {
  const sizes = splitTotal(total, cells.map(() => 0.6 + ctx.rng.next() * 0.8), 4);
  cells.forEach((c, i) => (c.size = sizes[i] ?? 0));
}

/** Grades the cells under committees per type (CELL_GRADES); better committees get better cells. */
function gradeCells(ctx: GenContext, cells: DemoCell[]): void {
  for (const [type, counts] of Object.entries(CELL_GRADES)) {
    const graded = cells.filter((c) => c.kind === 'cell' && c.orgType === type && !c.isNew);
    // The one KHT cell goes to the HT committee (Khun Há): a KHT cell under an HTXS committee would contradict it.
    const worst = type === 'xa' ? ctx.rng.pick(graded.filter((c) => c.org.grade === 'HT')) : undefined;
    const grades = gradeByRank(graded, counts, (c) => (c === worst ? -100 : GRADE_QUALITY[c.org.grade] * 0.5 + ctx.rng.next()));
    for (const [cell, grade] of grades) cell.grade = grade;
  }
}

/** Unit evaluations: the district (graded by the province), the 51 grassroots organisations, the 207 cells. */
export function buildUnitEvaluations(ctx: GenContext, tree: DemoTree): DatasetEvaluation[] {
  const out: DatasetEvaluation[] = [];
  const base = { cycleId: ctx.cycleId, subjectKind: 'unit' as const, actor: 'Ban Tổ chức Huyện ủy' };
  out.push(
    buildEvaluation(
      { ...base, id: ctx.id(), subjectId: tree.districtId, unitId: tree.districtId, decidingUnitId: tree.provinceId, eligibility: 'higher_level', eligibilityReason: 'Do Ban Thường vụ Tỉnh ủy đánh giá, xếp loại', reviewed: true, at: isoDay('2023-01-10') },
      ctx.id,
    ),
  );
  for (const org of tree.orgs) {
    out.push(buildEvaluation({ ...base, id: ctx.id(), subjectId: org.id, unitId: org.id, decidingUnitId: tree.districtId, eligibility: 'eligible', reviewed: true, ...proposalsFor(ctx.rng, org.grade), at: isoDay('2022-12-28') }, ctx.id));
  }
  for (const cell of tree.cells.filter((c) => c.kind === 'cell')) {
    const common = { ...base, id: ctx.id(), subjectId: cell.id, unitId: cell.id, decidingUnitId: cell.org.id };
    if (cell.grade === null) {
      const reason = `Thành lập ngày ${viDate(cell.validFrom)}, chưa đủ 6 tháng đến thời điểm đánh giá`;
      out.push(buildEvaluation({ ...common, actor: `Đảng ủy ${cell.org.short}`, eligibility: 'new_unit', eligibilityReason: reason, reviewed: false, at: isoDay('2022-12-12') }, ctx.id));
    } else {
      out.push(buildEvaluation({ ...common, actor: `Đảng ủy ${cell.org.short}`, eligibility: 'eligible', reviewed: true, ...proposalsFor(ctx.rng, cell.grade), at: isoDay('2022-12-12') }, ctx.id));
    }
  }
  return out;
}
