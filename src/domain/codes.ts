/**
 * The official codes of the domain (GUIDE.md §2–3, FORMS.md §1–2), one list each, with their
 * Vietnamese labels. Everything else in the product refers to these codes; a code never changes
 * meaning.
 */

/** The four grades (GUIDE.md §3); they never changed across the rule sets. */
export const GRADES = ['HTXS', 'HTT', 'HT', 'KHT'] as const;
export type Grade = (typeof GRADES)[number];
export const GRADE_LABELS: Record<Grade, string> = {
  HTXS: 'Hoàn thành xuất sắc nhiệm vụ',
  HTT: 'Hoàn thành tốt nhiệm vụ',
  HT: 'Hoàn thành nhiệm vụ',
  KHT: 'Không hoàn thành nhiệm vụ',
};

/** Kinds of party organisation unit (GUIDE.md §2). Depth and level names are data, not code. */
export const UNIT_KINDS = [
  'province_committee',
  'district_committee',
  'grassroots_committee',
  'grassroots_cell',
  'sub_committee',
  'cell',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  province_committee: 'Đảng bộ tỉnh',
  district_committee: 'Đảng bộ huyện',
  grassroots_committee: 'Đảng bộ cơ sở',
  grassroots_cell: 'Chi bộ cơ sở',
  sub_committee: 'Đảng bộ bộ phận',
  cell: 'Chi bộ trực thuộc',
};
/** Grassroots party organisations (TCCSĐ): the units whose members the 20% cap is counted in. */
export const GRASSROOTS_KINDS: readonly UnitKind[] = ['grassroots_committee', 'grassroots_cell'];
/** Units that hold members directly. */
export const CELL_KINDS: readonly UnitKind[] = ['grassroots_cell', 'cell'];

/**
 * Organisation types (loại hình), the leaf column codes of FORMS.md §1. A parent column
 * (`dvsn`, `dn`, `dn.nn`, `dn.ngoai`) is the sum of its leaves; `dn.ngoai.fdi.trong_do_100` is a
 * leaf that also counts in its parent `dn.ngoai.fdi` (a subset, FORMS.md §1).
 */
export const ORG_TYPES = [
  'xa',
  'phuong',
  'thi_tran',
  'dac_khu',
  'co_quan_dang',
  'co_quan_nha_nuoc',
  'dvsn.cong_lap',
  'dvsn.ngoai_cong_lap',
  'quan_doi',
  'cong_an',
  'dn.nn.100',
  'dn.nn.tu_50',
  'dn.nn.duoi_50',
  'dn.ngoai.cp',
  'dn.ngoai.tn',
  'dn.ngoai.tnhh',
  'dn.ngoai.hop_danh',
  'dn.ngoai.fdi',
  'dn.ngoai.fdi.trong_do_100',
  'dn.htx',
  'ngoai_nuoc',
  'khac',
] as const;
export type OrgType = (typeof ORG_TYPES)[number];
export const ORG_TYPE_LABELS: Record<OrgType, string> = {
  xa: 'Xã',
  phuong: 'Phường',
  thi_tran: 'Thị trấn',
  dac_khu: 'Đặc khu',
  co_quan_dang: 'Cơ quan Đảng, MTTQ, tổ chức chính trị - xã hội',
  co_quan_nha_nuoc: 'Cơ quan Nhà nước',
  'dvsn.cong_lap': 'Đơn vị sự nghiệp công lập',
  'dvsn.ngoai_cong_lap': 'Đơn vị sự nghiệp ngoài công lập',
  quan_doi: 'Quân đội',
  cong_an: 'Công an',
  'dn.nn.100': 'DN Nhà nước nắm 100% vốn điều lệ',
  'dn.nn.tu_50': 'DN Nhà nước nắm từ 50% vốn điều lệ trở lên',
  'dn.nn.duoi_50': 'DN Nhà nước nắm dưới 50% vốn điều lệ',
  'dn.ngoai.cp': 'Công ty cổ phần',
  'dn.ngoai.tn': 'Doanh nghiệp tư nhân',
  'dn.ngoai.tnhh': 'Công ty TNHH',
  'dn.ngoai.hop_danh': 'Công ty hợp danh',
  'dn.ngoai.fdi': 'DN có vốn nước ngoài',
  'dn.ngoai.fdi.trong_do_100': 'DN 100% vốn nước ngoài',
  'dn.htx': 'Hợp tác xã',
  ngoai_nuoc: 'Tổ chức đảng ở ngoài nước',
  khac: 'Loại hình khác',
};

/** Leadership collective kinds: the TT columns of FORMS.md §2. */
export const COLLECTIVE_KINDS = ['cap_uy', 'mttq', 'doan_the', 'hdnd', 'ubnd', 'phong_ban'] as const;
export type CollectiveKind = (typeof COLLECTIVE_KINDS)[number];
export const COLLECTIVE_KIND_LABELS: Record<CollectiveKind, string> = {
  cap_uy: 'Ban Thường vụ cấp ủy / cấp ủy cơ sở',
  mttq: 'Ban Thường trực Ủy ban MTTQ',
  doan_the: 'Ban Thường vụ / Ban Chấp hành các đoàn thể chính trị - xã hội',
  hdnd: 'Thường trực HĐND',
  ubnd: 'Tập thể lãnh đạo UBND',
  phong_ban: 'Tập thể lãnh đạo các phòng, ban, đơn vị trực thuộc',
};

/** Levels: the TT sections and CN sections of FORMS.md §2. */
export const LEVELS = ['tinh', 'huyen', 'co_so'] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_LABELS: Record<Level, string> = { tinh: 'Cấp tỉnh', huyen: 'Cấp huyện', co_so: 'Cấp cơ sở' };

/** Leader position groups: the CN rows of FORMS.md §2 (a rule set may define `tinh.*` likewise). */
export const POSITION_GROUPS = [
  'tinh.bi_thu',
  'tinh.pho_bi_thu',
  'tinh.uv_btv',
  'tinh.pct_uv_bch',
  'tinh.truong_ban_uv_bch',
  'tinh.truong_ban_khac',
  'tinh.pho_ban',
  'huyen.bi_thu',
  'huyen.pho_bi_thu',
  'huyen.uv_btv',
  'huyen.pct_uv_bch',
  'huyen.truong_phong_uv_bch',
  'huyen.truong_phong_khac',
  'huyen.pho_phong',
  'co_so.bi_thu',
  'co_so.pho_bi_thu',
  'co_so.uv_bch',
] as const;
export type PositionGroup = (typeof POSITION_GROUPS)[number];
export const POSITION_GROUP_LABELS: Record<PositionGroup, string> = {
  'tinh.bi_thu': 'Bí thư Tỉnh ủy',
  'tinh.pho_bi_thu': 'Phó Bí thư Tỉnh ủy',
  'tinh.uv_btv': 'Ủy viên Ban Thường vụ Tỉnh ủy',
  'tinh.pct_uv_bch': 'PCT HĐND, PCT UBND tỉnh là Ủy viên BCH',
  'tinh.truong_ban_uv_bch': 'Trưởng các sở, ban, ngành là Ủy viên BCH',
  'tinh.truong_ban_khac': 'Trưởng các sở, ban, ngành không là Ủy viên BCH',
  'tinh.pho_ban': 'Phó các sở, ban, ngành',
  'huyen.bi_thu': 'Bí thư',
  'huyen.pho_bi_thu': 'Phó Bí thư',
  'huyen.uv_btv': 'Ủy viên Ban Thường vụ (không tính Bí thư, Phó Bí thư)',
  'huyen.pct_uv_bch': 'Phó Chủ tịch HĐND, Phó Chủ tịch UBND là Ủy viên BCH',
  'huyen.truong_phong_uv_bch': 'Trưởng các phòng, ban là Ủy viên BCH',
  'huyen.truong_phong_khac': 'Trưởng các phòng, ban không là Ủy viên BCH',
  'huyen.pho_phong': 'Phó các phòng, ban',
  'co_so.bi_thu': 'Bí thư',
  'co_so.pho_bi_thu': 'Phó Bí thư thường trực, Phó Bí thư - Chủ tịch UBND',
  'co_so.uv_bch': 'Ủy viên Ban Chấp hành (không tính Bí thư, Phó Bí thư)',
};

/** Dated facts about a person (GUIDE.md §3): they decide eligibility and automatic ceilings. */
export const PERSON_EVENT_KINDS = [
  'exempt',
  'suspended',
  'transferred',
  'died',
  'expelled',
  'disciplined',
  'sick_leave',
  'maternity_leave',
  'decline_concluded',
  'violated_prohibitions',
  'violated_example_duty',
  'temporary_membership',
  'committee_suspended',
] as const;
export type PersonEventKind = (typeof PERSON_EVENT_KINDS)[number];
export const PERSON_EVENT_LABELS: Record<PersonEventKind, string> = {
  exempt: 'Miễn công tác và sinh hoạt đảng',
  suspended: 'Đình chỉ sinh hoạt đảng',
  transferred: 'Chuyển sinh hoạt đảng',
  died: 'Từ trần',
  expelled: 'Khai trừ, xóa tên',
  disciplined: 'Bị xử lý kỷ luật',
  sick_leave: 'Nghỉ ốm',
  maternity_leave: 'Nghỉ thai sản',
  decline_concluded: 'Cấp có thẩm quyền kết luận có biểu hiện suy thoái',
  violated_prohibitions: 'Vi phạm những điều đảng viên không được làm',
  violated_example_duty: 'Vi phạm quy định về trách nhiệm nêu gương',
  temporary_membership: 'Sinh hoạt đảng tạm thời',
  committee_suspended: 'Đình chỉ sinh hoạt cấp ủy',
};

/** Discipline levels, lightest first (GUIDE.md §8). */
export const DISCIPLINE_LEVELS = ['khien_trach', 'canh_cao', 'cach_chuc', 'khai_tru'] as const;
export type DisciplineLevel = (typeof DISCIPLINE_LEVELS)[number];
export const DISCIPLINE_LEVEL_LABELS: Record<DisciplineLevel, string> = {
  khien_trach: 'Khiển trách',
  canh_cao: 'Cảnh cáo',
  cach_chuc: 'Cách chức',
  khai_tru: 'Khai trừ',
};

/** The four kinds of subject that are reviewed and graded (GUIDE.md §3). */
export const SUBJECT_KINDS = ['unit', 'member', 'collective', 'position'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/**
 * Eligibility of a subject in a cycle. `higher_level` marks a subject reviewed here but graded by a
 * superior body (e.g. the seed's district standing members graded by the province).
 */
export const ELIGIBILITY = [
  'eligible',
  'exempt',
  'suspended',
  'new_member',
  'new_unit',
  'pending',
  'higher_level',
] as const;
export type Eligibility = (typeof ELIGIBILITY)[number];
export const ELIGIBILITY_LABELS: Record<Eligibility, string> = {
  eligible: 'Thuộc diện đánh giá, xếp loại',
  exempt: 'Miễn công tác và sinh hoạt đảng',
  suspended: 'Đình chỉ sinh hoạt đảng',
  new_member: 'Kết nạp chưa đủ 6 tháng',
  new_unit: 'Mới thành lập chưa đủ 6 tháng',
  pending: 'Chưa được đánh giá, xếp loại',
  higher_level: 'Do cấp trên đánh giá, xếp loại',
};

/** KHT reasons of members (DV) and of collectives (TT), FORMS.md §2. */
export const MEMBER_KHT_REASONS = ['decline', 'below_50', 'civil_servant', 'disciplined', 'other'] as const;
export const COLLECTIVE_KHT_REASONS = [
  'disunity',
  'below_50',
  'key_targets',
  'collective_disciplined',
  'member_disciplined',
] as const;
export const KHT_REASONS = [...new Set([...MEMBER_KHT_REASONS, ...COLLECTIVE_KHT_REASONS])] as const;
export type KhtReason = (typeof MEMBER_KHT_REASONS)[number] | (typeof COLLECTIVE_KHT_REASONS)[number];

/** Rule sets, each pinned to the review years it governs (GUIDE.md §3). */
export const RULE_SETS = [
  { code: 'QD132-HD21', fromYear: 2019, toYear: 2022, label: 'Quy định 132-QĐ/TW, Hướng dẫn 21-HD/BTCTW' },
  { code: 'QD124-HD25', fromYear: 2023, toYear: 2024, label: 'Quy định 124-QĐ/TW, Hướng dẫn 25-HD/BTCTW' },
  { code: 'QD366-HD43', fromYear: 2025, toYear: 9999, label: 'Quy định 366-QĐ/TW, Hướng dẫn 43-HD/BTCTW' },
] as const;
export type RuleSetCode = (typeof RULE_SETS)[number]['code'];
export const RULE_SET_CODES = RULE_SETS.map((r) => r.code) as unknown as readonly [RuleSetCode, ...RuleSetCode[]];

/** The rule set governing a review year, or undefined when no rule set covers it (before 2019). */
export function ruleSetForYear(year: number): RuleSetCode | undefined {
  return RULE_SETS.find((r) => year >= r.fromYear && year <= r.toYear)?.code;
}
