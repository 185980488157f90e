/**
 * Leadership collectives of the demo district and their 2022 evaluations: the 149 the district
 * graded (text §2.2.3; targets in tam-duong-targets.ts) and the 3 district bodies reviewed here but
 * graded by the province. A collective belongs to the unit it leads (commune bodies to the commune
 * committee, district bodies to HU-TAMDUONG) and, for party collectives, is never graded above its
 * organisation.
 */
import type { CollectiveKind, Grade, Level } from '../domain/codes.js';
import { type GenContext, isoDay, proposalsFor } from './context.js';
import type { DatasetCollective, DatasetEvaluation } from './dataset.js';
import { buildEvaluation, GRADE_QUALITY, gradeByRank } from './grading.js';
import { DISTRICT, UNITS_VALID_FROM } from './tam-duong-plan.js';
import { COLLECTIVE_TARGETS, type CollectiveGroupTarget } from './tam-duong-targets.js';
import type { DemoOrg, DemoTree } from './tam-duong-units.js';

interface Draft {
  code: string;
  name: string;
  kind: CollectiveKind;
  level: Level;
  unitId: string;
  /** Ranking score: higher gets the better grade; the organisation's grade dominates. */
  score: number;
  /** Set for party collectives: the grade they must not exceed. */
  org?: DemoOrg;
}

const THAM_MUU = ['Văn phòng Huyện ủy', 'Ban Tổ chức Huyện ủy', 'Ủy ban Kiểm tra Huyện ủy', 'Ban Tuyên giáo Huyện ủy', 'Ban Dân vận Huyện ủy', 'Trung tâm Chính trị huyện'];
const PHONG_BAN = [
  'Văn phòng HĐND và UBND huyện', 'Phòng Nội vụ', 'Phòng Tư pháp', 'Phòng Tài chính – Kế hoạch', 'Phòng Kinh tế và Hạ tầng',
  'Phòng Nông nghiệp và Phát triển nông thôn', 'Phòng Tài nguyên và Môi trường', 'Phòng Lao động – Thương binh và Xã hội',
  'Phòng Văn hóa và Thông tin', 'Phòng Giáo dục và Đào tạo', 'Phòng Y tế', 'Thanh tra huyện', 'Phòng Dân tộc',
  'Trung tâm Văn hóa – Thể thao – Truyền thông', 'Ban Quản lý dự án đầu tư xây dựng huyện', 'Trung tâm Dịch vụ nông nghiệp',
  'Trung tâm GDNN – GDTX huyện', 'Trung tâm Phát triển quỹ đất',
];
const DOAN_THE_HUYEN = ['Ban Thường vụ Huyện đoàn', 'Ban Thường vụ Hội Liên hiệp Phụ nữ huyện', 'Ban Thường vụ Hội Nông dân huyện', 'Ban Thường vụ Hội Cựu chiến binh huyện'];
const DOAN_THE_XA = ['Ban Chấp hành Đoàn TNCS Hồ Chí Minh', 'Ban Chấp hành Hội Liên hiệp Phụ nữ', 'Ban Chấp hành Hội Nông dân', 'Ban Chấp hành Hội Cựu chiến binh'];
const DOAN_THE_CODES = ['DOAN', 'PHUNU', 'NONGDAN', 'CCB'];

/** Builds the collectives and their evaluations; returns the Khun Há party committee collective (review topic). */
export function buildCollectives(
  ctx: GenContext,
  tree: DemoTree,
  out: { collectives: DatasetCollective[]; evaluations: DatasetEvaluation[] },
): DatasetCollective {
  const d = tree.districtId;
  const rnd = () => ctx.rng.next();
  const drafts = new Map<CollectiveGroupTarget['group'] | 'x', Draft[]>();
  const add = (group: CollectiveGroupTarget['group'], draft: Draft) => drafts.set(group, [...(drafts.get(group) ?? []), draft]);
  THAM_MUU.forEach((n, i) => add('tham_muu', { code: `${DISTRICT.code}.TM${pad(i + 1)}`, name: `Tập thể lãnh đạo ${n}`, kind: 'phong_ban', level: 'huyen', unitId: d, score: rnd() }));
  PHONG_BAN.forEach((n, i) => add('phong_ban', { code: `${DISTRICT.code}.PB${pad(i + 1)}`, name: `Tập thể lãnh đạo ${n}`, kind: 'phong_ban', level: 'huyen', unitId: d, score: rnd() }));
  add('mttq', { code: `${DISTRICT.code}.MTTQ`, name: 'Ban Thường trực Ủy ban MTTQ Việt Nam huyện', kind: 'mttq', level: 'huyen', unitId: d, score: rnd() });
  DOAN_THE_HUYEN.forEach((n, i) => add('doan_the', { code: `${DISTRICT.code}.${DOAN_THE_CODES[i]}`, name: n, kind: 'doan_the', level: 'huyen', unitId: d, score: rnd() }));
  // Cơ sở: the organisation's grade decides the rank (×10); chance only breaks ties within a grade.
  for (const org of tree.orgs) {
    const q = GRADE_QUALITY[org.grade] * 10;
    if (org.kind === 'grassroots_committee') {
      add('dang_uy', { code: `${org.code}.DANGUY`, name: `Đảng ủy ${org.short}`, kind: 'cap_uy', level: 'co_so', unitId: org.id, score: q + rnd(), org });
    } else if (org.chiUy) {
      add('chi_uy', { code: `${org.code}.CHIUY`, name: `Chi ủy Chi bộ ${org.short}`, kind: 'cap_uy', level: 'co_so', unitId: org.id, score: GRADE_QUALITY[org.chiUy] * 10 + rnd(), org });
    }
    if (!org.commune) continue;
    add('hdnd', { code: `${org.code}.HDND`, name: `Thường trực HĐND ${org.short}`, kind: 'hdnd', level: 'co_so', unitId: org.id, score: q + rnd() });
    add('ubnd', { code: `${org.code}.UBND`, name: `Tập thể lãnh đạo UBND ${org.short}`, kind: 'ubnd', level: 'co_so', unitId: org.id, score: q + rnd() });
    add('mttq', { code: `${org.code}.MTTQ`, name: `Ban Thường trực Ủy ban MTTQ Việt Nam ${org.short}`, kind: 'mttq', level: 'co_so', unitId: org.id, score: q + rnd() });
    DOAN_THE_XA.forEach((n, i) => add('doan_the', { code: `${org.code}.${DOAN_THE_CODES[i]}`, name: `${n} ${org.short}`, kind: 'doan_the', level: 'co_so', unitId: org.id, score: q + rnd() }));
  }
  const actor = 'Ban Tổ chức Huyện ủy';
  for (const target of COLLECTIVE_TARGETS) {
    const group = (drafts.get(target.group) ?? []).filter((x) => x.level === target.level);
    for (const [draft, grade] of gradeByRank(group, target.grades, (x) => x.score)) {
      if (draft.org && GRADE_QUALITY[grade] > GRADE_QUALITY[draft.org.grade]) {
        throw new Error(`${draft.name} graded ${grade} above its organisation`);
      }
      const c = push(ctx, out.collectives, draft);
      // TT annex: the 4 cơ sở KHT collectives all had a member disciplined from cảnh cáo up.
      const khtReasons = grade === 'KHT' ? ['member_disciplined' as const] : [];
      const grades = grade === 'KHT' ? { selfGrade: 'HT' as Grade, proposedGrade: grade, decidedGrade: grade } : proposalsFor(ctx.rng, grade);
      out.evaluations.push(buildEvaluation({ id: ctx.id(), cycleId: ctx.cycleId, subjectKind: 'collective', subjectId: c.id, unitId: c.unitId, decidingUnitId: d, eligibility: 'eligible', reviewed: true, ...grades, khtReasons, actor, at: isoDay('2022-12-27') }, ctx.id));
    }
  }
  // Reviewed at the district, graded by the province (seed §2.1.1: BTV Huyện ủy, TT HĐND, UBND huyện).
  const higher: Draft[] = [
    { code: `${DISTRICT.code}.BTV`, name: 'Ban Thường vụ Huyện ủy Tam Đường', kind: 'cap_uy', level: 'huyen', unitId: d, score: 0 },
    { code: `${DISTRICT.code}.HDND`, name: 'Thường trực HĐND huyện Tam Đường', kind: 'hdnd', level: 'huyen', unitId: d, score: 0 },
    { code: `${DISTRICT.code}.UBND`, name: 'Tập thể lãnh đạo UBND huyện Tam Đường', kind: 'ubnd', level: 'huyen', unitId: d, score: 0 },
  ];
  for (const draft of higher) {
    const c = push(ctx, out.collectives, draft);
    out.evaluations.push(buildEvaluation({ id: ctx.id(), cycleId: ctx.cycleId, subjectKind: 'collective', subjectId: c.id, unitId: d, decidingUnitId: tree.provinceId, eligibility: 'higher_level', eligibilityReason: 'Do Ban Thường vụ Tỉnh ủy đánh giá, xếp loại', reviewed: true, actor, at: isoDay('2022-12-30') }, ctx.id));
  }
  ctx.notes.push(
    'Khun Há (committee graded HT): its UBND collective and one đoàn thể are HTT, above their organisation. The seed has no HT/KHT UBND xã and only 3 HT/KHT đoàn thể cấp xã, so only party collectives are held to "never above the organisation".',
  );
  const khunHa = out.collectives.find((c) => c.code === 'TD-DU-KHUNHA.DANGUY');
  if (!khunHa) throw new Error('Khun Há party committee collective missing');
  return khunHa;
}

function push(ctx: GenContext, list: DatasetCollective[], d: Draft): DatasetCollective {
  const c: DatasetCollective = { id: ctx.id(), code: d.code, unitId: d.unitId, name: d.name, kind: d.kind, level: d.level, validFrom: UNITS_VALID_FROM, validTo: null };
  list.push(c);
  return c;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
