/**
 * The forms KD, TC, DV, TT and CN as data (FORMS.md §1–2): rows, columns, labels as printed in the
 * seed's annexes, and every row identity. The rule set decides which rows and columns exist
 * (FORMS.md §1: `thi_tran` until mid-2025, `dac_khu` from then; GUIDE.md §2: no district level after
 * 1 July 2025), never what a code means.
 */
import { GRADE_LABELS, POSITION_GROUP_LABELS, POSITION_GROUPS, type RuleSetCode } from '../codes.js';
import { CN_COLUMNS, CN_EXTRA_COLUMNS, KD_COLUMNS, TT_COLUMNS, hasTwoTierGovernment, orgTypeColumns, type ColumnDef } from './columns.js';
import type { FormCode } from './types.js';

/**
 * Who a row counts: decides the counting noun (GUIDE.md §5 "the unit noun fits the subject";
 * FORMS.md "Reports as they are printed"): grassroots organisations (`organisation`), cells under a
 * grassroots committee (`cell`), sub-committees (`sub_committee`), both together (`sub_organisation`),
 * members, leadership collectives, leaders, and KD's individuals (members and leaders).
 */
export type Subject = 'organisation' | 'cell' | 'sub_committee' | 'sub_organisation' | 'member' | 'collective' | 'leader' | 'individual';

/**
 * One row of a form. A `derived` row is not printed: it is the sum of `derivedFrom`. A `grouping`
 * row is what printed reports state beyond the form ("hoàn thành tốt nhiệm vụ trở lên" = HTXS +
 * HTT): the rows it adds up; never printed in the form, never stored.
 */
export interface RowDef {
  code: string;
  label: string;
  derivedFrom?: readonly string[];
  grouping?: readonly string[];
}

/**
 * A relation between rows, checked per column: `eq` whole = Σ parts (SUM_ROWS, or SUM_REASONS for
 * KHT reasons); `subset` each part ≤ whole ("trong đó"). `implied`: an absent part is implied (the
 * whole less the stated parts), never zero, so the equation holds only when every part is stated;
 * otherwise the stated parts must not exceed the whole (FORMS.md: `htt_up` = `htxs` + `htt`).
 */
export interface RowIdentity {
  kind: 'SUM_ROWS' | 'SUM_REASONS';
  relation: 'eq' | 'subset';
  whole: string;
  parts: readonly string[];
  implied?: boolean;
}

/** A form as data. */
export interface FormDefinition {
  code: FormCode;
  title: string;
  columns: readonly ColumnDef[];
  rows: readonly RowDef[];
  /**
   * Rows and columns a printed report may state beyond the form (FORMS.md "Reports as they are
   * printed"): groupings such as `…graded.htt_up`. Read, checked and claimed; never printed in the
   * form's layout, never stored or rolled up.
   */
  extraRows: readonly RowDef[];
  extraColumns: readonly ColumnDef[];
  identities: readonly RowIdentity[];
  /** Who the cell (row, col) counts. */
  subjectOf(row: string, col: string): Subject;
}

const GRADE_ROWS = [
  ['htxs', GRADE_LABELS.HTXS],
  ['htt', GRADE_LABELS.HTT],
  ['ht', GRADE_LABELS.HT],
  ['kht', GRADE_LABELS.KHT],
] as const;
const GRADE_SUFFIXES = GRADE_ROWS.map(([g]) => g);

const eq = (whole: string, parts: readonly string[], kind: RowIdentity['kind'] = 'SUM_ROWS'): RowIdentity => ({
  kind,
  relation: 'eq',
  whole,
  parts,
});
const subset = (whole: string, part: string): RowIdentity => ({ kind: 'SUM_ROWS', relation: 'subset', whole, parts: [part] });

/** The "HTT trở lên" row of a graded row G: G.htt_up = G.htxs + G.htt (FORMS.md "Reports as they are printed"). */
const HTT_UP = 'Hoàn thành tốt nhiệm vụ trở lên';
function httUpRow(graded: string, label: string, derivedFrom?: readonly string[]): RowDef {
  return { code: `${graded}.htt_up`, label, grouping: [`${graded}.htxs`, `${graded}.htt`], ...(derivedFrom ? { derivedFrom } : {}) };
}
const httUpIdentity = (graded: string): RowIdentity => ({ ...eq(`${graded}.htt_up`, [`${graded}.htxs`, `${graded}.htt`]), implied: true });

/** KD — review statistics (FORMS.md §2; seed "Thống kê kết quả kiểm điểm"). */
function kdForm(ruleSet: RuleSetCode): FormDefinition {
  const district = !hasTwoTierGovernment(ruleSet);
  const rows: RowDef[] = [
    { code: 'required', label: 'Số lượng thuộc đối tượng phải kiểm điểm tự phê bình và phê bình' },
    { code: 'reviewed', label: 'Số lượng đã kiểm điểm tự phê bình và phê bình' },
    { code: 'not_reviewed', label: 'Số lượng chưa kiểm điểm tự phê bình và phê bình' },
    {
      code: 'not_reviewed.new_or_exempt',
      label: 'Trong đó: số tập thể thành lập mới; cá nhân được miễn công tác và sinh hoạt đảng, bị đình chỉ sinh hoạt đảng',
    },
    { code: 'suggested', label: 'Số được gợi ý kiểm điểm' },
    { code: 'suggested.tinh', label: 'Thuộc diện Ban Thường vụ Tỉnh ủy quản lý' },
    ...(district ? [{ code: 'suggested.huyen', label: 'Thuộc diện Ban Thường vụ cấp huyện quản lý' }] : []),
    { code: 'suggested.co_so', label: 'Thuộc diện cấp cơ sở quản lý' },
    { code: 'suggested.co_so.dang_uy', label: 'Chia ra: Đảng ủy cơ sở' },
    { code: 'suggested.co_so.chi_bo', label: 'Chi bộ cơ sở' },
  ];
  return {
    code: 'KD',
    title: 'Thống kê kết quả kiểm điểm tự phê bình và phê bình',
    columns: KD_COLUMNS,
    rows,
    extraRows: [],
    extraColumns: [],
    identities: [
      eq('required', ['reviewed', 'not_reviewed']),
      subset('not_reviewed', 'not_reviewed.new_or_exempt'),
      eq('suggested', ['suggested.tinh', ...(district ? ['suggested.huyen'] : []), 'suggested.co_so']),
      eq('suggested.co_so', ['suggested.co_so.dang_uy', 'suggested.co_so.chi_bo']),
    ],
    subjectOf: (_row, col) => (col === 'collective' ? 'collective' : 'individual'),
  };
}

/** The rows of one TC section S, or of a derived group (FORMS.md §2). */
function tcSectionRows(s: string, label: string, derivedFrom?: readonly [string, string]): RowDef[] {
  const d = (suffix: string) => (derivedFrom ? { derivedFrom: derivedFrom.map((p) => `${p}.${suffix}`) } : {});
  return [
    { code: `${s}.total`, label: `${label}: số có đến cuối năm`, ...d('total') },
    { code: `${s}.graded`, label: `${label}: số được đánh giá, xếp loại chất lượng`, ...d('graded') },
    ...GRADE_ROWS.map(([g, l]) => ({ code: `${s}.graded.${g}`, label: `${label}: ${l}`, ...d(`graded.${g}`) })),
    { code: `${s}.not_graded`, label: `${label}: số chưa được đánh giá chất lượng`, ...d('not_graded') },
    { code: `${s}.not_graded.new`, label: `${label}: trong đó: số mới thành lập`, ...d('not_graded.new') },
  ];
}

function tcSectionIdentities(s: string): RowIdentity[] {
  return [
    eq(`${s}.total`, [`${s}.graded`, `${s}.not_graded`]),
    eq(`${s}.graded`, GRADE_SUFFIXES.map((g) => `${s}.graded.${g}`)),
    subset(`${s}.not_graded`, `${s}.not_graded.new`),
  ];
}

const TC_SUFFIXES = ['total', 'graded', ...GRADE_SUFFIXES.map((g) => `graded.${g}`), 'not_graded', 'not_graded.new'];

/** Who a TC row counts: grassroots organisations, cells under a committee, sub-committees, or both. */
function tcSubject(row: string): Subject {
  if (row.startsWith('tccsd')) return 'organisation';
  if (row.startsWith('truc_thuoc.chi_bo.')) return 'cell';
  if (row.startsWith('truc_thuoc.dang_bo_bo_phan.')) return 'sub_committee';
  return 'sub_organisation';
}

/** TC — party organisations (FORMS.md §2; seed "biểu 6A"). */
function tcForm(ruleSet: RuleSetCode): FormDefinition {
  const sections: [string, string][] = [
    ['tccsd.dang_bo', 'Đảng bộ cơ sở'],
    ['tccsd.chi_bo', 'Chi bộ cơ sở'],
    ['truc_thuoc.dang_bo_bo_phan', 'Đảng bộ bộ phận'],
    ['truc_thuoc.chi_bo', 'Chi bộ trực thuộc đảng bộ cơ sở'],
  ];
  const derived: [string, string, readonly [string, string]][] = [
    ['tccsd', 'Tổ chức cơ sở đảng', ['tccsd.dang_bo', 'tccsd.chi_bo']],
    ['truc_thuoc', 'Tổ chức đảng trực thuộc', ['truc_thuoc.dang_bo_bo_phan', 'truc_thuoc.chi_bo']],
  ];
  const all = [...sections.map(([s]) => s), ...derived.map(([s]) => s)];
  return {
    code: 'TC',
    title: 'Kết quả đánh giá, xếp loại chất lượng tổ chức cơ sở đảng',
    columns: orgTypeColumns(ruleSet),
    rows: [...sections.flatMap(([s, l]) => tcSectionRows(s, l)), ...derived.flatMap(([s, l, f]) => tcSectionRows(s, l, f))],
    extraRows: [
      ...sections.map(([s, l]) => httUpRow(`${s}.graded`, `${l}: ${HTT_UP}`)),
      ...derived.map(([s, l, f]) => httUpRow(`${s}.graded`, `${l}: ${HTT_UP}`, f.map((p) => `${p}.graded.htt_up`))),
    ],
    extraColumns: [],
    identities: [
      // Derived rows stated directly (a report without the đảng bộ / chi bộ split) are sections too.
      ...all.flatMap((s) => tcSectionIdentities(s)),
      // Derived rows: checked against their sections only where a document states them (FORMS.md §2).
      ...derived.flatMap(([s, , [a, b]]) => [...TC_SUFFIXES, 'graded.htt_up'].map((x) => eq(`${s}.${x}`, [`${a}.${x}`, `${b}.${x}`]))),
      ...all.map((s) => httUpIdentity(`${s}.graded`)),
    ],
    subjectOf: tcSubject,
  };
}

const DV_REASONS: [string, string][] = [
  ['kht.decline', 'Cấp có thẩm quyền kết luận đánh giá có biểu hiện suy thoái…'],
  ['kht.below_50', 'Hoàn thành dưới 50% số chỉ tiêu'],
  ['kht.civil_servant', 'Đảng viên là công chức, viên chức xếp loại không hoàn thành nhiệm vụ'],
  ['kht.disciplined', 'Đảng viên bị xử lý kỷ luật trong năm'],
  ['kht.other', 'Trường hợp khác'],
];

/** DV — party members (FORMS.md §2; seed "biểu 6B"). */
function dvForm(ruleSet: RuleSetCode): FormDefinition {
  return {
    code: 'DV',
    title: 'Kết quả đánh giá, xếp loại chất lượng đảng viên',
    columns: orgTypeColumns(ruleSet),
    rows: [
      { code: 'total', label: 'Số đảng viên có đến thời điểm kiểm điểm, đánh giá' },
      { code: 'not_required', label: 'Số đảng viên không phải đánh giá, xếp loại' },
      { code: 'not_required.exempt', label: 'Miễn công tác và sinh hoạt đảng' },
      { code: 'not_required.new_member', label: 'Kết nạp chưa đủ 6 tháng' },
      { code: 'not_required.suspended', label: 'Đình chỉ sinh hoạt đảng' },
      { code: 'pending', label: 'Số đảng viên chưa được đánh giá, xếp loại' },
      { code: 'graded', label: 'Số đảng viên đã đánh giá, xếp loại chất lượng' },
      ...GRADE_ROWS.map(([g, l]) => ({ code: `graded.${g}`, label: l })),
      ...DV_REASONS.map(([code, label]) => ({ code, label })),
    ],
    extraRows: [httUpRow('graded', HTT_UP)],
    extraColumns: [],
    identities: [
      eq('total', ['not_required', 'pending', 'graded']),
      eq('not_required', ['not_required.exempt', 'not_required.new_member', 'not_required.suspended']),
      eq('graded', GRADE_SUFFIXES.map((g) => `graded.${g}`)),
      eq('graded.kht', DV_REASONS.map(([code]) => code), 'SUM_REASONS'),
      httUpIdentity('graded'),
    ],
    subjectOf: () => 'member',
  };
}

/** Levels present under a rule set: no district after 1 July 2025 (GUIDE.md §2). */
export function levelsFor(ruleSet: RuleSetCode): readonly ('tinh' | 'huyen' | 'co_so')[] {
  return hasTwoTierGovernment(ruleSet) ? ['tinh', 'co_so'] : ['tinh', 'huyen', 'co_so'];
}
const LEVEL_TITLES = { tinh: 'Cấp tỉnh', huyen: 'Cấp huyện', co_so: 'Cấp cơ sở' } as const;

const TT_REASONS: [string, string][] = [
  ['kht.disunity', 'Cấp có thẩm quyền kết luận mất đoàn kết nội bộ hoặc có thành viên suy thoái…'],
  ['kht.below_50', 'Địa phương, TC, CQ, đơn vị trực tiếp LĐ, QL hoàn thành dưới 50% số chỉ tiêu'],
  ['kht.key_targets', 'Các chỉ tiêu chủ yếu không đạt 100%'],
  ['kht.collective_disciplined', 'Tập thể lãnh đạo, quản lý bị xử lý kỷ luật'],
  ['kht.member_disciplined', 'Có thành viên của tập thể lãnh đạo, quản lý bị xử lý kỷ luật từ cảnh cáo trở lên'],
];

/** TT — leadership collectives (FORMS.md §2; seed "biểu 6D", printed "6CH"). */
function ttForm(ruleSet: RuleSetCode): FormDefinition {
  const levels = levelsFor(ruleSet);
  return {
    code: 'TT',
    title: 'Kết quả đánh giá, xếp loại chất lượng tập thể lãnh đạo, quản lý',
    columns: TT_COLUMNS,
    rows: levels.flatMap((l) => {
      const t = LEVEL_TITLES[l];
      return [
        { code: `${l}.total`, label: `${t}: số có đến cuối năm` },
        { code: `${l}.not_graded`, label: `${t}: số chưa ĐG, XL chất lượng` },
        { code: `${l}.graded`, label: `${t}: số đã ĐG, XL chất lượng` },
        ...GRADE_ROWS.map(([g, label]) => ({ code: `${l}.graded.${g}`, label: `${t}: ${label}` })),
        ...TT_REASONS.map(([r, label]) => ({ code: `${l}.${r}`, label: `${t}: ${label}` })),
      ];
    }),
    extraRows: levels.map((l) => httUpRow(`${l}.graded`, `${LEVEL_TITLES[l]}: ${HTT_UP}`)),
    extraColumns: [],
    identities: levels.flatMap((l) => [
      eq(`${l}.total`, [`${l}.not_graded`, `${l}.graded`]),
      eq(`${l}.graded`, GRADE_SUFFIXES.map((g) => `${l}.graded.${g}`)),
      eq(`${l}.graded.kht`, TT_REASONS.map(([r]) => `${l}.${r}`), 'SUM_REASONS'),
      httUpIdentity(`${l}.graded`),
    ]),
    subjectOf: () => 'collective',
  };
}

/** CN — individual leaders (FORMS.md §2; seed "biểu 6E", printed "GDH"). */
function cnForm(ruleSet: RuleSetCode): FormDefinition {
  const levels = levelsFor(ruleSet);
  const positionsOf = (l: string) => POSITION_GROUPS.filter((p) => p.startsWith(`${l}.`));
  return {
    code: 'CN',
    title: 'Kết quả đánh giá, xếp loại chất lượng cán bộ lãnh đạo, quản lý',
    columns: CN_COLUMNS,
    rows: levels.flatMap((l) => [
      { code: l, label: LEVEL_TITLES[l].toUpperCase() },
      ...positionsOf(l).map((p) => ({ code: p, label: POSITION_GROUP_LABELS[p] })),
    ]),
    extraRows: [],
    extraColumns: CN_EXTRA_COLUMNS,
    identities: levels.map((l) => eq(l, positionsOf(l))),
    subjectOf: () => 'leader',
  };
}

/** All five forms under a rule set. */
export function getFormDefinitions(ruleSet: RuleSetCode): Readonly<Record<FormCode, FormDefinition>> {
  return { KD: kdForm(ruleSet), TC: tcForm(ruleSet), DV: dvForm(ruleSet), TT: ttForm(ruleSet), CN: cnForm(ruleSet) };
}

/** Columns whose parent is `code` (for `total`: the top-level columns). */
export function childColumns(def: FormDefinition, code: string): readonly ColumnDef[] {
  return def.columns.filter((c) => c.parent === code);
}

/** A row of the form or one of its extra rows (FORMS.md "Reports as they are printed"). */
export function findRow(def: FormDefinition, code: string): RowDef | undefined {
  return def.rows.find((r) => r.code === code) ?? def.extraRows.find((r) => r.code === code);
}

/** A column of the form or one of its extra columns. */
export function findColumn(def: FormDefinition, code: string): ColumnDef | undefined {
  return def.columns.find((c) => c.code === code) ?? def.extraColumns.find((c) => c.code === code);
}
