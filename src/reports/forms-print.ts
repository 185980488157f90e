/**
 * How each form is printed, as the seed's annexes print it (seed-report-tam-duong-2022.txt, Báo cáo
 * 331-BC/HU): the one definition both the report's .docx annexes and the .xlsx workbook follow. The
 * form definitions (src/domain/forms) say what the rows and columns are; this says what the printed
 * page adds: the "Ghi chú" column of KD and CN, the numbered-columns row (absent from KD), the row
 * labels the seed words differently, the notes (1)–(3) under the leader table, and the font sizes.
 */
import type { Level, RuleSetCode } from '../domain/codes.js';
import { hasTwoTierGovernment } from '../domain/forms/columns.js';
import type { FormCode } from '../domain/forms/types.js';

/** A row printed with a note mark: its label ("Ủy viên Ban Thường vụ") and the note under the table. */
export interface NotedRow {
  label?: string;
  note: string;
}

/** The printed page of one form. */
export interface FormPrint {
  /** The heading of the row-label column. */
  labelHeading: string;
  /** Lines under "THỐNG KÊ": the title with the year, or the title and "Năm 2022" on a line of its own (DV). */
  yearOnOwnLine: boolean;
  /** A line above the table (TC, DV: "CHIA THEO CÁC LOẠI HÌNH TỔ CHỨC CƠ SỞ ĐẢNG"). */
  subtitle: string | null;
  /** Whether the table has the numbered-columns row under its header (seed: every annex but KD). */
  numbered: boolean;
  /** Whether the table ends with an empty "Ghi chú" column for handwritten remarks (seed: KD, CN). */
  notesColumn: boolean;
  /** Columns numbered without their sum (seed GDH: "3", not "3=4+5"). */
  plainNumbers: readonly string[];
  /** Row labels printed otherwise than the form definition words them (after the section prefix is dropped). */
  labels: Readonly<Record<string, string>>;
  /** Rows printed with a note mark "(1)", "(2)"… in printed order, the notes listed under the table. */
  notes: (ruleSet: RuleSetCode) => Readonly<Record<string, NotedRow>>;
  /** Font size of the table's text in points (the numbered-columns row is one point smaller, never under 9). */
  fontSize: number;
  /** Font size of the column header: a point smaller where twenty-six type columns share the page (TC, DV). */
  headerFontSize: number;
}

const TT_TOTAL = 'Số có đến cuối năm (1=2+3)';

/** The notes under the leader table (seed "Biểu số GDH": Ghi chú (1)–(3)); a province's rows follow the same wording. */
function cnNotes(ruleSet: RuleSetCode): Record<string, NotedRow> {
  const communes = hasTwoTierGovernment(ruleSet) ? 'các xã, phường, đặc khu' : 'các xã, phường, thị trấn';
  return {
    'tinh.uv_btv': { note: 'Ủy viên BTV Tỉnh ủy, không tính Bí thư, Phó bí thư' },
    'tinh.truong_ban_uv_bch': { note: 'Trưởng các sở, ban, ngành là Ủy viên BCH, không tính Ủy viên BTV' },
    'huyen.uv_btv': { label: 'Ủy viên Ban Thường vụ', note: 'Ủy viên BTV các huyện, thành phố trực thuộc tỉnh, không tính Bí thư, Phó bí thư' },
    'huyen.truong_phong_uv_bch': { note: 'Trưởng các phòng, ban là Ủy viên BCH, không tính Ủy viên BTV' },
    'co_so.uv_bch': { label: 'Ủy viên Ban Chấp hành', note: `Ủy viên BCH ${communes}, không tính Bí thư, Phó bí thư` },
  };
}

const NONE = () => ({});

/** The printed page of every form. */
export const FORM_PRINT: Readonly<Record<FormCode, FormPrint>> = {
  KD: { labelHeading: 'Nội dung', yearOnOwnLine: false, subtitle: null, numbered: false, notesColumn: true, plainNumbers: [], labels: {}, notes: NONE, fontSize: 12, headerFontSize: 12 },
  TC: {
    labelHeading: 'Tiêu chí',
    yearOnOwnLine: false,
    subtitle: 'CHIA THEO CÁC LOẠI HÌNH TỔ CHỨC CƠ SỞ ĐẢNG',
    numbered: true,
    notesColumn: false,
    plainNumbers: [],
    labels: { 'tccsd.dang_bo.total': 'Số đảng bộ cơ sở có đến cuối năm', 'tccsd.chi_bo.total': 'Số chi bộ cơ sở có đến cuối năm' },
    notes: NONE,
    fontSize: 10,
    headerFontSize: 9,
  },
  DV: { labelHeading: 'Tiêu chí', yearOnOwnLine: true, subtitle: 'CHIA THEO CÁC LOẠI HÌNH TỔ CHỨC CƠ SỞ ĐẢNG', numbered: true, notesColumn: false, plainNumbers: [], labels: {}, notes: NONE, fontSize: 10, headerFontSize: 9 },
  TT: {
    labelHeading: 'Tiêu chí',
    yearOnOwnLine: false,
    subtitle: null,
    numbered: true,
    notesColumn: false,
    plainNumbers: [],
    labels: { 'tinh.total': TT_TOTAL, 'huyen.total': TT_TOTAL, 'co_so.total': TT_TOTAL },
    notes: NONE,
    fontSize: 11,
    headerFontSize: 11,
  },
  CN: { labelHeading: 'Chức danh', yearOnOwnLine: false, subtitle: null, numbered: true, notesColumn: true, plainNumbers: ['total'], labels: {}, notes: cnNotes, fontSize: 11, headerFontSize: 11 },
};

/** The numbered-columns row's font size: one point under the table's, never under 9 pt. */
export const numbersFontSize = (p: FormPrint): number => Math.max(9, p.fontSize - 1);

const LEVEL_RANK: Record<Level, number> = { co_so: 1, huyen: 2, tinh: 3 };

/**
 * Whether a section of a level-sectioned form (TT, CN: CẤP TỈNH, CẤP HUYỆN, CẤP CƠ SỞ) can exist in
 * the report of a unit of `level`: a district has no collectives or leaders of the province, so its
 * annexes leave CẤP TỈNH out rather than print it as zeros (issue 13; seed GDH and 6CH start at I CẤP HUYỆN).
 */
export function sectionApplies(section: Level, level: Level | null): boolean {
  return level === null || LEVEL_RANK[section] <= LEVEL_RANK[level];
}
