/**
 * The people-side totals of the seed report (Báo cáo 331-BC/HU, §2.2.2–2.2.4 and its annexes 6B, 6D,
 * 6E) that the demo's 2022 cycle reproduces, with each choice the annexes force recorded beside it.
 */
import type { CollectiveKind, OrgType, PositionGroup } from '../domain/codes.js';
import type { GradeCounts } from './tam-duong-plan.js';

export interface MemberTypeTarget {
  /** Members at the reference date (DV row "có đến thời điểm kiểm điểm"). */
  total: number;
  /** Not required to be graded: exempt, admitted < 6 months, suspended (split per type is ours). */
  exempt: number;
  newMember: number;
  suspended: number;
  graded: GradeCounts;
  /** KHT reasons, one primary reason each: below_50, civil_servant. */
  khtBelow50: number;
  khtCivilServant: number;
}

/**
 * Party members per organisation type (DV annex). Totals: 2,731 = 188 not graded + 2,543 graded;
 * not graded 122 exempt + 65 new + 1 suspended (text §2.2.2). The annex gives only the 188 per type
 * (xã 159, thị trấn 22, cq đảng 1, cq nhà nước 1, dvsn 4, dn 1); the split into exempt / new /
 * suspended is ours. HTT xã is 1,454: the annex prints 1,434, which breaks its own column (xã graded
 * 1,795) and row (2,072); 1,454 repairs both. KHT reasons: 1 below 50% (xã), 36 civil servants.
 */
export const MEMBER_TARGETS: Readonly<Partial<Record<OrgType, MemberTypeTarget>>> = {
  xa: { total: 1954, exempt: 105, newMember: 53, suspended: 1, graded: [245, 1454, 71, 25], khtBelow50: 1, khtCivilServant: 24 },
  thi_tran: { total: 270, exempt: 15, newMember: 7, suspended: 0, graded: [39, 202, 6, 1], khtBelow50: 0, khtCivilServant: 1 },
  co_quan_dang: { total: 56, exempt: 0, newMember: 1, suspended: 0, graded: [6, 49, 0, 0], khtBelow50: 0, khtCivilServant: 0 },
  co_quan_nha_nuoc: { total: 111, exempt: 0, newMember: 1, suspended: 0, graded: [13, 93, 2, 2], khtBelow50: 0, khtCivilServant: 2 },
  'dvsn.cong_lap': { total: 213, exempt: 2, newMember: 2, suspended: 0, graded: [26, 174, 5, 4], khtBelow50: 0, khtCivilServant: 4 },
  quan_doi: { total: 31, exempt: 0, newMember: 0, suspended: 0, graded: [2, 26, 1, 2], khtBelow50: 0, khtCivilServant: 2 },
  cong_an: { total: 75, exempt: 0, newMember: 0, suspended: 0, graded: [13, 55, 5, 2], khtBelow50: 0, khtCivilServant: 2 },
  'dn.nn.100': { total: 21, exempt: 0, newMember: 1, suspended: 0, graded: [0, 19, 0, 1], khtBelow50: 0, khtCivilServant: 1 },
};

/** Members re-graded after appraisal (seed §2.2.5: "10 đảng viên được đề nghị đánh giá, xếp loại lại"). */
export const REGRADED_MEMBERS = 10;

export interface CollectiveGroupTarget {
  kind: CollectiveKind;
  level: 'huyen' | 'co_so';
  /** Which bodies of the district tree the group covers. */
  group: 'tham_muu' | 'phong_ban' | 'mttq' | 'doan_the' | 'dang_uy' | 'chi_uy' | 'hdnd' | 'ubnd';
  grades: GradeCounts;
}

/**
 * The 149 leadership collectives the district graded (text §2.2.3; the 6D annex agrees on totals):
 * huyện 29, cơ sở 120. The text gives MTTQ + đoàn thể cấp xã together (65: 9/52/2/2); the annex's
 * split (MTTQ 1/11/0/1, đoàn thể 8/41/2/1) adds up to it and is used. The 4 cơ sở KHT all have the
 * annex's reason "có thành viên bị xử lý kỷ luật từ cảnh cáo trở lên" (member_disciplined).
 */
export const COLLECTIVE_TARGETS: readonly CollectiveGroupTarget[] = [
  { kind: 'phong_ban', level: 'huyen', group: 'tham_muu', grades: [1, 5, 0, 0] },
  { kind: 'phong_ban', level: 'huyen', group: 'phong_ban', grades: [3, 15, 0, 0] },
  { kind: 'mttq', level: 'huyen', group: 'mttq', grades: [0, 1, 0, 0] },
  { kind: 'doan_the', level: 'huyen', group: 'doan_the', grades: [1, 3, 0, 0] },
  { kind: 'cap_uy', level: 'co_so', group: 'dang_uy', grades: [3, 12, 0, 1] },
  { kind: 'cap_uy', level: 'co_so', group: 'chi_uy', grades: [1, 10, 2, 0] },
  { kind: 'hdnd', level: 'co_so', group: 'hdnd', grades: [2, 10, 0, 1] },
  { kind: 'ubnd', level: 'co_so', group: 'ubnd', grades: [3, 10, 0, 0] },
  { kind: 'mttq', level: 'co_so', group: 'mttq', grades: [1, 11, 0, 1] },
  { kind: 'doan_the', level: 'co_so', group: 'doan_the', grades: [8, 41, 2, 1] },
];

/**
 * Leader evaluations the district decided (text §2.2.4 and the GDH annex): 225 = huyện 64 + cơ sở
 * 161. The 3 Thường trực Huyện ủy (Bí thư, 2 Phó Bí thư) are graded by the province: their proposals
 * (1 HTXS, 2 HTT) are kept as proposed grades, outside the 225.
 */
export const LEADER_TARGETS: Readonly<Partial<Record<PositionGroup, GradeCounts>>> = {
  'huyen.uv_btv': [2, 5, 0, 0],
  'huyen.pct_uv_bch': [0, 1, 0, 0],
  'huyen.truong_phong_uv_bch': [0, 12, 0, 0],
  'huyen.truong_phong_khac': [2, 11, 0, 0],
  'huyen.pho_phong': [5, 26, 0, 0],
  'co_so.bi_thu': [1, 11, 0, 1],
  'co_so.pho_bi_thu': [4, 16, 0, 0],
  'co_so.uv_bch': [12, 111, 3, 2],
};

/** Proposed grades of the 3 standing members graded by the province (text §2.2.4). */
export const STANDING_PROPOSALS = [
  { group: 'huyen.bi_thu', title: 'Bí thư Huyện ủy', proposed: 'HTXS' },
  { group: 'huyen.pho_bi_thu', title: 'Phó Bí thư Thường trực Huyện ủy, Chủ tịch HĐND huyện', proposed: 'HTT' },
  { group: 'huyen.pho_bi_thu', title: 'Phó Bí thư Huyện ủy, Chủ tịch UBND huyện', proposed: 'HTT' },
] as const;

/** The in-depth review topics the district assigned (seed §2.1.1, "gợi ý kiểm điểm"). */
export const TOPICS = {
  commune: 'TD-DU-KHUNHA',
  collective: 'Kiểm điểm sâu công tác lãnh đạo, chỉ đạo thực hiện Quy chế làm việc của Đảng ủy',
  person: 'Kiểm điểm sâu việc lãnh đạo, chỉ đạo, thực hiện Quy chế làm việc của Đảng ủy',
} as const;
