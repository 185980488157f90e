/**
 * The demo district through the 2025 restructuring (GUIDE.md §2): from 1 July 2025 district
 * committees are abolished and communes re-formed (Nghị quyết 1670/NQ-UBTVQH15 of 16/6/2025 for Lai
 * Châu: 106 communes, wards and towns into 38). Tam Đường's area became four communes, Bản Bo, Bình
 * Lư, Tả Lèng and Khun Há; Phong Thổ's new commune Sin Suối Hồ was seated at Thèn Sin, so a merge
 * crosses the old district's line.
 *
 * ASSUMPTION: which old communes form each new one is not in our sources [M]. The mapping below is
 * ours, stated as data and marked as an assumption wherever it is shown; so is where the district's
 * own units went ("moved under the province committee or the new communes" [M]).
 */
export const RESTRUCTURE_DAY = '2025-07-01';
export const RESOLUTION = 'Nghị quyết 1670/NQ-UBTVQH15 ngày 16/6/2025 (hiệu lực 01/7/2025)';

/** Shown with every output of the scenario. */
export const ASSUMPTION_NOTE = {
  vi: 'GIẢ ĐỊNH: nguồn tài liệu không nêu xã cũ nào hợp thành mỗi xã mới, cũng như nơi chuyển đến của các chi bộ, đảng bộ trực thuộc Huyện ủy; cách sắp xếp dưới đây là giả định của bản mẫu (src/demo/restructure-2025-plan.ts).',
  en: 'ASSUMPTION: the sources do not say which old communes form each new one, nor where the district committee’s own units went; the mapping below is the demo’s assumption (src/demo/restructure-2025-plan.ts).',
};

/** A new commune (đảng bộ xã) from 1/7/2025, directly under the province committee, and the old units merged into it. */
export interface NewCommune {
  code: string;
  name: string;
  place: string;
  /** Old grassroots committees merged into it (assumption). */
  from: readonly string[];
  assumption: true;
}

export const PROVINCE_CODE = 'TU-LAICHAU';
export const DISTRICT_CODE = 'HU-TAMDUONG';

export const NEW_COMMUNES: readonly NewCommune[] = [
  { code: 'XA-BINHLU', name: 'Đảng bộ xã Bình Lư', place: 'xã Bình Lư', from: ['TD-DU-TTTAMDUONG', 'TD-DU-BINHLU', 'TD-DU-SONBINH'], assumption: true },
  { code: 'XA-BANBO', name: 'Đảng bộ xã Bản Bo', place: 'xã Bản Bo', from: ['TD-DU-BANBO', 'TD-DU-NATAM', 'TD-DU-BANHON'], assumption: true },
  { code: 'XA-TALENG', name: 'Đảng bộ xã Tả Lèng', place: 'xã Tả Lèng', from: ['TD-DU-TALENG', 'TD-DU-GIANGMA', 'TD-DU-HOTHAU'], assumption: true },
  { code: 'XA-KHUNHA', name: 'Đảng bộ xã Khun Há', place: 'xã Khun Há', from: ['TD-DU-KHUNHA', 'TD-DU-NUNGNANG', 'TD-DU-BANGIANG'], assumption: true },
  // Phong Thổ's communes merged into it are not in the demo; Thèn Sin crosses the old district line.
  { code: 'XA-SINSUOIHO', name: 'Đảng bộ xã Sin Suối Hồ', place: 'xã Sin Suối Hồ', from: ['TD-DU-THENSIN'], assumption: true },
];

/**
 * The district's schools and centres that became cells of a new commune (a grassroots cell turned
 * into a chi bộ trực thuộc: a change of kind and of parent at once). Assumption.
 */
export const CELLS_TO_COMMUNES: readonly { code: string; to: string; assumption: true }[] = [
  { code: 'TD-CB-THPTTAMDUONG', to: 'XA-BINHLU', assumption: true },
  { code: 'TD-CB-THPTBINHLU', to: 'XA-BINHLU', assumption: true },
  { code: 'TD-CB-PTBTGIANGMA', to: 'XA-TALENG', assumption: true },
];

/**
 * Everything else of the district (its agencies' grassroots cells, the health centre, the military
 * and police committees) follows the district as it merges into the province committee: they sit
 * directly under the province from 1/7/2025. Its own collectives and positions end with it.
 */
export const DISTRICT_REST_GOES_TO = PROVINCE_CODE;

/** The collectives each new commune has from the first day (codes CODE.SUFFIX), level co_so. */
export const COMMUNE_COLLECTIVES = [
  { suffix: 'DANGUY', kind: 'cap_uy', name: (place: string) => `Ban Thường vụ Đảng ủy ${place}` },
  { suffix: 'HDND', kind: 'hdnd', name: (place: string) => `Thường trực HĐND ${place}` },
  { suffix: 'UBND', kind: 'ubnd', name: (place: string) => `Tập thể lãnh đạo UBND ${place}` },
  { suffix: 'MTTQ', kind: 'mttq', name: (place: string) => `Ban Thường trực Ủy ban MTTQ Việt Nam ${place}` },
] as const;

/** The 2025 review cycle, under QĐ 366 / HD 43 (GUIDE.md §3). */
export const CYCLE_2025 = {
  year: 2025,
  referenceDate: '2025-12-31',
  deadlines: [
    { level: 'cell', dueOn: '2025-12-10' },
    { level: 'grassroots_cell', dueOn: '2025-12-20' },
    { level: 'grassroots_committee', dueOn: '2025-12-20' },
    { level: 'province_committee', dueOn: '2026-01-15' },
  ],
} as const;
