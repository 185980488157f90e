/**
 * The demo district's shape, taken from the seed report (seed-report-tam-duong-2022.txt, Báo cáo
 * 331-BC/HU). Where its annexes contradict themselves (GUIDE.md §6) the narrative TEXT wins; each
 * choice is recorded next to the number it decides. Names of units are plausible inventions except
 * the communes and the two new cells, which the report names.
 */
import type { Grade, OrgType } from '../domain/codes.js';

/** Four counts in grade order HTXS, HTT, HT, KHT. */
export type GradeCounts = readonly [number, number, number, number];
export const GRADE_ORDER: readonly Grade[] = ['HTXS', 'HTT', 'HT', 'KHT'];

export const PROVINCE = { code: 'TU-LAICHAU', name: 'Đảng bộ tỉnh Lai Châu' } as const;
export const DISTRICT = { code: 'HU-TAMDUONG', name: 'Đảng bộ huyện Tam Đường' } as const;
export const REFERENCE_DATE = '2022-12-31';
/** Admitted or founded after this day = less than 6 months before the reference date (QĐ 132). */
export const SIX_MONTHS_BEFORE = '2022-06-30';
/** Demo start of every unit that is not new; not a historical date. */
export const UNITS_VALID_FROM = '2010-01-01';

/**
 * Deadlines per unit kind (our choice; the seed only names Kế hoạch 145-KH/HU of 27/10/2022 and
 * complains that grassroots reports were late): cells report to their committee by 10/12, grassroots
 * organisations to the district by 20/12, the district to the province by 15/01/2023 (the report
 * itself is dated 10/01/2023).
 */
export const DEADLINES = [
  { level: 'cell', dueOn: '2022-12-10' },
  { level: 'grassroots_cell', dueOn: '2022-12-20' },
  { level: 'grassroots_committee', dueOn: '2022-12-20' },
  { level: 'district_committee', dueOn: '2023-01-15' },
] as const;

export interface CommitteePlan {
  code: string;
  name: string;
  /** Place or body after "Đảng ủy …", e.g. "xã Khun Há". */
  short: string;
  orgType: OrgType;
  grade: Grade;
  /** Cells under it (chi bộ trực thuộc). */
  cells: number;
  /** Members of its cells; null for xã committees, which share the xã total by cell weights. */
  members: number | null;
  /** Commune committees carry HĐND, UBND, MTTQ and đoàn thể collectives and commune leaders. */
  commune: boolean;
}

/**
 * The 16 grassroots committees (TC annex, "đảng bộ cơ sở"): 12 xã, 1 thị trấn, 1 đơn vị sự nghiệp,
 * 1 quân đội, 1 công an. The annex's total row also shows co_quan_dang 1 and co_quan_nha_nuoc 1 (a
 * shift by one column); its grade rows (HTXS xã 2 + thị trấn 1, HTT xã 9 + dvsn + quân đội + công
 * an, HT xã 1) confirm 12+1+1+1+1. Which xã are HTXS/HT is our choice: Khun Há is the HT one (the
 * district assigned its Đảng ủy an in-depth review topic and graded that collective KHT).
 * Cells per committee: 207 = xã 169 + thị trấn 18 + dvsn 9 + quân đội 3 + công an 8 (TC annex);
 * the split of the 169 among the xã is ours. Members: thị trấn 270, quân đội 31, công an 75 (DV
 * annex); dvsn 213 is shared with the 10 dvsn grassroots cells below (95 here, 118 there: ours).
 * Sùng Phài is left out of the 13 names listed: the seed counts 12 xã committees.
 */
export const COMMITTEES: readonly CommitteePlan[] = [
  xa('KHUNHA', 'Khun Há', 'HT', 15),
  xa('NUNGNANG', 'Nung Nàng', 'HTT', 13),
  xa('HOTHAU', 'Hồ Thầu', 'HTT', 14),
  xa('BANGIANG', 'Bản Giang', 'HTT', 16),
  xa('BANHON', 'Bản Hon', 'HTT', 14),
  xa('BINHLU', 'Bình Lư', 'HTXS', 19),
  xa('GIANGMA', 'Giang Ma', 'HTT', 12),
  xa('SONBINH', 'Sơn Bình', 'HTT', 14),
  xa('TALENG', 'Tả Lèng', 'HTT', 13),
  xa('THENSIN', 'Thèn Sin', 'HTT', 11),
  xa('NATAM', 'Nà Tăm', 'HTT', 14),
  xa('BANBO', 'Bản Bo', 'HTXS', 14),
  { code: 'TD-DU-TTTAMDUONG', name: 'Đảng bộ thị trấn Tam Đường', short: 'thị trấn Tam Đường', orgType: 'thi_tran', grade: 'HTXS', cells: 18, members: 270, commune: true },
  { code: 'TD-DU-TTYTE', name: 'Đảng bộ Trung tâm Y tế huyện', short: 'Trung tâm Y tế huyện', orgType: 'dvsn.cong_lap', grade: 'HTT', cells: 9, members: 95, commune: false },
  { code: 'TD-DU-QUANSU', name: 'Đảng bộ Quân sự huyện', short: 'Quân sự huyện', orgType: 'quan_doi', grade: 'HTT', cells: 3, members: 31, commune: false },
  { code: 'TD-DU-CONGAN', name: 'Đảng bộ Công an huyện', short: 'Công an huyện', orgType: 'cong_an', grade: 'HTT', cells: 8, members: 75, commune: false },
];

function xa(slug: string, place: string, grade: Grade, cells: number): CommitteePlan {
  return { code: `TD-DU-${slug}`, name: `Đảng bộ xã ${place}`, short: `xã ${place}`, orgType: 'xa', grade, cells, members: null, commune: true };
}

/** xã members at the reference date (DV annex, total row). */
export const XA_MEMBERS = 1954;

/**
 * The two cells founded less than 6 months before the reference date (footnote 2 of the seed):
 * not graded, not reviewed. Founding dates are ours.
 */
export const NEW_CELLS = [
  { committee: 'TD-DU-NUNGNANG', index: 9, label: 'Trường Tiểu học & THCS xã Nung Nàng', foundedOn: '2022-08-15' },
  { committee: 'TD-DU-HOTHAU', index: 8, label: 'Trường Tiểu học & THCS xã Hồ Thầu', foundedOn: '2022-09-05' },
] as const;

/**
 * Grades of the 205 graded cells under committees, per organisation type (TC annex, checked against
 * the text: HTXS 31, HTT 151, HT 22, KHT 1). The annex is cut after the HTT row; the remainder per
 * type (xã 18, thị trấn 1, dvsn 2, quân đội 1, công an 1) is split HT/KHT by us: the one KHT cell is
 * a xã cell (in Khun Há, the HT committee).
 */
export const CELL_GRADES: Readonly<Partial<Record<OrgType, GradeCounts>>> = {
  xa: [25, 124, 17, 1],
  thi_tran: [3, 14, 1, 0],
  'dvsn.cong_lap': [1, 6, 2, 0],
  quan_doi: [1, 1, 1, 0],
  cong_an: [1, 6, 1, 0],
};

export interface GrassrootsCellPlan {
  code: string;
  name: string;
  orgType: OrgType;
  members: number;
  grade: Grade;
  /** Grade of its chi ủy collective, for the 13 cells that elect one (≥ 9 members). */
  chiUy?: Grade;
}

const cqd = (code: string, name: string, members: number, grade: Grade): GrassrootsCellPlan => ({ code: `TD-CB-${code}`, name: `Chi bộ ${name}`, orgType: 'co_quan_dang', members, grade });
const cqnn = (code: string, name: string, members: number, grade: Grade, chiUy?: Grade): GrassrootsCellPlan => ({ code: `TD-CB-${code}`, name: `Chi bộ ${name}`, orgType: 'co_quan_nha_nuoc', members, grade, ...(chiUy ? { chiUy } : {}) });
const dvsn = (code: string, name: string, members: number, grade: Grade, chiUy?: Grade): GrassrootsCellPlan => ({ code: `TD-CB-${code}`, name: `Chi bộ ${name}`, orgType: 'dvsn.cong_lap', members, grade, ...(chiUy ? { chiUy } : {}) });
const dn = (code: string, name: string, members: number, grade: Grade): GrassrootsCellPlan => ({ code: `TD-CB-${code}`, name: `Chi bộ ${name}`, orgType: 'dn.nn.100', members, grade });

/**
 * The 35 grassroots cells (TC annex "chi bộ cơ sở"): co_quan_dang 10, co_quan_nha_nuoc 12,
 * dvsn.cong_lap 10, dn.nn.100 3. The annex prints the 3 under both công an and DN; the DV annex has
 * 21 members in dn.nn.100 and none extra in công an, so the 3 are enterprises.
 * Grades 6/25/4/0: the annex's per-type cells do not add up (HTXS 3+3+2 = 8 ≠ 6, HTT 7+8+8+1 = 24 ≠
 * 25, HT 1+2 = 3 ≠ 4). We keep every printed cell of co_quan_dang (3/7/0), co_quan_nha_nuoc (3/8/1)
 * and dvsn (0/8/2) and give the enterprises the rest, 0/2/1, so each column sums to its total.
 * Member counts per cell are ours; they add up to the DV annex (56, 111, 118 of dvsn's 213, 21), and
 * the agency cells are sized so one HTXS member per cell stays within HD 21's 20% cap. The only HT
 * cells of cơ quan nhà nước (Dân tộc, 11) and DN (Bưu điện, 6) are large enough to hold their type's
 * KHT members without passing 20% (HD 21, II.B.1.3), since the HTT and HTXS cells may hold none.
 * Chi ủy (13: 1 HTXS, 10 HTT, 2 HT, seed §2.2.3): the HTXS one sits in an HTXS cell, the HT ones
 * in HT cells, so no collective is above its organisation.
 */
export const GRASSROOTS_CELLS: readonly GrassrootsCellPlan[] = [
  cqd('VPHU', 'Văn phòng Huyện ủy', 8, 'HTXS'),
  cqd('BANTOCHUC', 'Ban Tổ chức Huyện ủy', 6, 'HTXS'),
  cqd('UBKT', 'Ủy ban Kiểm tra Huyện ủy', 6, 'HTXS'),
  cqd('BANTUYENGIAO', 'Ban Tuyên giáo Huyện ủy', 6, 'HTT'),
  cqd('BANDANVAN', 'Ban Dân vận Huyện ủy', 6, 'HTT'),
  cqd('TTCHINHTRI', 'Trung tâm Chính trị huyện', 6, 'HTT'),
  cqd('MTTQ', 'Ủy ban MTTQ Việt Nam huyện', 5, 'HTT'),
  cqd('HUYENDOAN', 'Huyện đoàn', 5, 'HTT'),
  cqd('HOIPHUNU', 'Hội Liên hiệp Phụ nữ huyện', 4, 'HTT'),
  cqd('HOINONGDAN', 'Hội Nông dân – Hội Cựu chiến binh huyện', 4, 'HTT'),
  cqnn('VPHDND', 'Văn phòng HĐND và UBND huyện', 16, 'HTXS', 'HTXS'),
  cqnn('NOIVU', 'Phòng Nội vụ', 8, 'HTXS'),
  cqnn('TCKH', 'Phòng Tài chính – Kế hoạch', 10, 'HTXS', 'HTT'),
  cqnn('KTHT', 'Phòng Kinh tế và Hạ tầng', 9, 'HTT', 'HTT'),
  cqnn('NONGNGHIEP', 'Phòng Nông nghiệp và Phát triển nông thôn', 12, 'HTT', 'HTT'),
  cqnn('TNMT', 'Phòng Tài nguyên và Môi trường', 9, 'HTT', 'HTT'),
  cqnn('LDTBXH', 'Phòng Lao động – Thương binh và Xã hội', 7, 'HTT'),
  cqnn('GDDT', 'Phòng Giáo dục và Đào tạo', 9, 'HTT', 'HTT'),
  cqnn('VHTT', 'Phòng Văn hóa và Thông tin', 7, 'HTT'),
  cqnn('THANHTRA', 'Thanh tra huyện', 7, 'HTT'),
  cqnn('TUPHAP', 'Phòng Tư pháp', 6, 'HTT'),
  cqnn('DANTOC', 'Phòng Dân tộc', 11, 'HT'),
  dvsn('THPTTAMDUONG', 'Trường THPT Tam Đường', 16, 'HTT', 'HTT'),
  dvsn('THPTBINHLU', 'Trường THPT Bình Lư', 13, 'HTT', 'HTT'),
  dvsn('PTDTNT', 'Trường PTDT Nội trú THCS huyện', 14, 'HTT', 'HTT'),
  dvsn('GDNN', 'Trung tâm GDNN – GDTX huyện', 10, 'HTT', 'HTT'),
  dvsn('VHTTTT', 'Trung tâm Văn hóa – Thể thao – Truyền thông', 10, 'HTT'),
  dvsn('BQLDA', 'Ban Quản lý dự án đầu tư xây dựng huyện', 9, 'HTT'),
  dvsn('DVNN', 'Trung tâm Dịch vụ nông nghiệp', 12, 'HTT', 'HTT'),
  dvsn('PTBTGIANGMA', 'Trường PTDT Bán trú THCS xã Giang Ma', 12, 'HTT'),
  dvsn('PTQD', 'Trung tâm Phát triển quỹ đất', 11, 'HT', 'HT'),
  dvsn('BQLRUNG', 'Ban Quản lý rừng phòng hộ', 11, 'HT', 'HT'),
  dn('AGRIBANK', 'Ngân hàng Nông nghiệp và PTNT chi nhánh Tam Đường', 7, 'HTT'),
  dn('DIENLUC', 'Điện lực Tam Đường', 8, 'HTT'),
  dn('BUUDIEN', 'Bưu điện huyện', 6, 'HT'),
];
