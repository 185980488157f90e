/**
 * Column trees of the forms (FORMS.md §1–2). A column with a `parent` is one of its parent's
 * parts (parent = Σ children); `total`'s children are the top-level columns. A `subsetOf` column
 * ("trong đó") is at most its parent and is never added.
 */
import type { RuleSetCode } from '../codes.js';

/** One column of a form. */
export interface ColumnDef {
  code: string;
  label: string;
  parent: string | null;
  subsetOf?: string;
  /**
   * A grouping printed reports state beyond the form (FORMS.md "Reports as they are printed"): the
   * columns it adds up, e.g. CN `htt_up` = `htxs` + `htt`. Never printed in the form, never stored.
   */
  grouping?: readonly string[];
}

/** Whether a rule set still has thị trấn (until mid-2025) or already has đặc khu (FORMS.md §1). */
export function hasTwoTierGovernment(ruleSet: RuleSetCode): boolean {
  return ruleSet === 'QD366-HD43';
}

/** Organisation-type columns of forms TC and DV (FORMS.md §1), labels as in the seed's annexes. */
export function orgTypeColumns(ruleSet: RuleSetCode): ColumnDef[] {
  const twoTier = hasTwoTierGovernment(ruleSet);
  const cols: (ColumnDef | false)[] = [
    { code: 'total', label: 'Tổng số', parent: null },
    { code: 'xa', label: 'Xã', parent: 'total' },
    { code: 'phuong', label: 'Phường', parent: 'total' },
    !twoTier && { code: 'thi_tran', label: 'Thị trấn', parent: 'total' },
    twoTier && { code: 'dac_khu', label: 'Đặc khu', parent: 'total' },
    { code: 'co_quan_dang', label: 'Cơ quan Đảng, MTTQ, tổ chức chính trị - xã hội', parent: 'total' },
    { code: 'co_quan_nha_nuoc', label: 'Cơ quan Nhà nước', parent: 'total' },
    { code: 'dvsn', label: 'Đơn vị sự nghiệp (tổng)', parent: 'total' },
    { code: 'dvsn.cong_lap', label: 'Công lập', parent: 'dvsn' },
    { code: 'dvsn.ngoai_cong_lap', label: 'Ngoài công lập', parent: 'dvsn' },
    { code: 'quan_doi', label: 'Quân đội', parent: 'total' },
    { code: 'cong_an', label: 'Công an', parent: 'total' },
    { code: 'dn', label: 'Doanh nghiệp và hợp tác xã (tổng)', parent: 'total' },
    { code: 'dn.nn', label: 'DN có vốn Nhà nước', parent: 'dn' },
    { code: 'dn.nn.100', label: 'Nhà nước nắm 100% vốn điều lệ', parent: 'dn.nn' },
    { code: 'dn.nn.tu_50', label: 'Nhà nước nắm từ 50% vốn điều lệ trở lên', parent: 'dn.nn' },
    { code: 'dn.nn.duoi_50', label: 'Nhà nước nắm dưới 50% vốn điều lệ', parent: 'dn.nn' },
    { code: 'dn.ngoai', label: 'DN ngoài khu vực Nhà nước', parent: 'dn' },
    { code: 'dn.ngoai.cp', label: 'Công ty cổ phần', parent: 'dn.ngoai' },
    { code: 'dn.ngoai.tn', label: 'Doanh nghiệp tư nhân', parent: 'dn.ngoai' },
    { code: 'dn.ngoai.tnhh', label: 'Công ty TNHH', parent: 'dn.ngoai' },
    { code: 'dn.ngoai.hop_danh', label: 'Công ty hợp danh', parent: 'dn.ngoai' },
    { code: 'dn.ngoai.fdi', label: 'DN có vốn nước ngoài', parent: 'dn.ngoai' },
    {
      code: 'dn.ngoai.fdi.trong_do_100',
      label: 'Trong đó: 100% vốn nước ngoài',
      parent: null,
      subsetOf: 'dn.ngoai.fdi',
    },
    { code: 'dn.htx', label: 'Hợp tác xã', parent: 'dn' },
    { code: 'ngoai_nuoc', label: 'Tổ chức đảng ở ngoài nước', parent: 'total' },
    { code: 'khac', label: 'Loại hình khác', parent: 'total' },
  ];
  return cols.filter((c): c is ColumnDef => c !== false);
}

/** Columns of form KD (FORMS.md §2): two independent counts, no relation between them. */
export const KD_COLUMNS: readonly ColumnDef[] = [
  { code: 'collective', label: 'Tập thể', parent: null },
  { code: 'individual', label: 'Cá nhân', parent: null },
];

/** Columns of form TT (FORMS.md §2, seed "Biểu số 6CH"). */
export const TT_COLUMNS: readonly ColumnDef[] = [
  { code: 'total', label: 'Tổng số', parent: null },
  { code: 'cap_uy', label: 'Ban Thường vụ cấp ủy (Cấp ủy cơ sở)', parent: 'total' },
  { code: 'mttq', label: 'Ban Thường trực Ủy ban MTTQ Việt Nam', parent: 'total' },
  {
    code: 'doan_the',
    label: 'Ban Thường vụ các đoàn thể chính trị - xã hội (BCH các đoàn thể chính trị - xã hội cấp xã)',
    parent: 'total',
  },
  { code: 'hdnd', label: 'Thường trực HĐND', parent: 'total' },
  { code: 'ubnd', label: 'Tập thể lãnh đạo UBND', parent: 'total' },
  { code: 'phong_ban', label: 'Tập thể lãnh đạo các phòng, ban, đơn vị trực thuộc', parent: 'total' },
];

/** Columns of form CN (FORMS.md §2, seed "Biểu số GDH"): total = not_graded + graded, graded = Σ grades. */
export const CN_COLUMNS: readonly ColumnDef[] = [
  { code: 'total', label: 'Tổng số có đến cuối năm', parent: null },
  { code: 'not_graded', label: 'Tổng số chưa được đánh giá, xếp loại chất lượng', parent: 'total' },
  { code: 'graded', label: 'Tổng số đã được đánh giá, xếp loại chất lượng', parent: 'total' },
  { code: 'htxs', label: 'Hoàn thành xuất sắc nhiệm vụ', parent: 'graded' },
  { code: 'htt', label: 'Hoàn thành tốt nhiệm vụ', parent: 'graded' },
  { code: 'ht', label: 'Hoàn thành nhiệm vụ', parent: 'graded' },
  { code: 'kht', label: 'Không hoàn thành nhiệm vụ', parent: 'graded' },
];

/** CN's column "hoàn thành tốt nhiệm vụ trở lên" (HTXS + HTT), as reports print it (FORMS.md "Reports as they are printed"). */
export const CN_EXTRA_COLUMNS: readonly ColumnDef[] = [
  { code: 'htt_up', label: 'Hoàn thành tốt nhiệm vụ trở lên', parent: null, grouping: ['htxs', 'htt'] },
];
