/**
 * Public holidays as data, one entry per year (GUIDE.md §4.9).
 *
 * The statute: Bộ luật Lao động 2019 (BLLĐ), Điều 112 khoản 1 (rules_2025.md §5): 1/1 (1 day), Tết Âm
 * lịch (5 days), Giỗ Tổ Hùng Vương 10/3 âm lịch (1 day), 30/4 (1), 1/5 (1), Quốc khánh 2/9 and one
 * adjacent day (2) — 11 days; Điều 112 khoản 3: the Prime Minister fixes the Tết days and the day
 * adjacent to 2/9 each year; Điều 111 khoản 3: a holiday on the weekly rest day is taken on the next
 * working day. Before 1/1/2021 BLLĐ 2012 (Điều 115) gave Quốc khánh one day only, so 2019–2020 have
 * no adjacent day [M: from memory of BLLĐ 2012, not in the sources folder — verify].
 *
 * Lunar dates are not computed: the solar dates of Tết and Giỗ Tổ are stored per year. `status`
 * says whether a year is taken from an announcement in the sources, from memory of the yearly
 * announcements ([M], verify against the Prime Minister's / Bộ Nội vụ notice), or estimated.
 */
import type { IsoDate } from './iso-date.js';

/** The holiday facts of one year. */
export interface YearHolidays {
  year: number;
  /** The five statutory Tết days as announced (solar dates). */
  tet: readonly IsoDate[];
  /** Giỗ Tổ Hùng Vương, 10/3 âm lịch, as a solar date. */
  hungKings: IsoDate;
  /** The day adjacent to 2/9 (BLLĐ 2019 Điều 112 khoản 1 điểm đ); null while BLLĐ 2012 applied. */
  nationalDayAdjacent: IsoDate | null;
  /** Working days swapped to days off (hoán đổi ngày làm việc), announced yearly. */
  extraDaysOff: readonly IsoDate[];
  /** Weekend days worked in exchange (làm bù), announced yearly. */
  extraWorkingDays: readonly IsoDate[];
  status: 'announced_in_sources' | 'from_memory_verify' | 'estimated';
  source: string;
}

/** The yearly holiday data 2019–2027. */
export const HOLIDAY_DATA: readonly YearHolidays[] = [
  {
    year: 2019,
    tet: ['2019-02-04', '2019-02-05', '2019-02-06', '2019-02-07', '2019-02-08'],
    hungKings: '2019-04-14', // Sunday → taken Monday 15/4 (Điều 111 k3)
    nationalDayAdjacent: null,
    extraDaysOff: ['2018-12-31', '2019-04-29'],
    extraWorkingDays: ['2019-01-05', '2019-05-04'],
    status: 'from_memory_verify',
    source: 'Thông báo nghỉ lễ, tết năm 2019 của Thủ tướng Chính phủ [M]',
  },
  {
    year: 2020,
    tet: ['2020-01-23', '2020-01-24', '2020-01-27', '2020-01-28', '2020-01-29'],
    hungKings: '2020-04-02',
    nationalDayAdjacent: null,
    extraDaysOff: [],
    extraWorkingDays: [],
    status: 'from_memory_verify',
    source: 'Thông báo nghỉ lễ, tết năm 2020 của Thủ tướng Chính phủ [M]',
  },
  {
    year: 2021,
    tet: ['2021-02-10', '2021-02-11', '2021-02-12', '2021-02-15', '2021-02-16'],
    hungKings: '2021-04-21',
    nationalDayAdjacent: '2021-09-03',
    extraDaysOff: [],
    extraWorkingDays: [],
    status: 'from_memory_verify',
    source: 'Thông báo nghỉ lễ, tết năm 2021 của Thủ tướng Chính phủ [M]',
  },
  {
    year: 2022,
    tet: ['2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04'],
    hungKings: '2022-04-10', // Sunday → Monday 11/4
    nationalDayAdjacent: '2022-09-01',
    extraDaysOff: [],
    extraWorkingDays: [],
    status: 'from_memory_verify',
    source: 'Thông báo nghỉ lễ, tết năm 2022 của Thủ tướng Chính phủ [M]',
  },
  {
    year: 2023,
    // Tết Quý Mão: off 20/01–26/01; the statutory days on Sat 21 and Sun 22 are taken on 25 and 26.
    tet: ['2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26'],
    hungKings: '2023-04-29', // Saturday, next to 30/4 (Sunday) and 1/5 → off 29/4–3/5
    nationalDayAdjacent: '2023-09-01',
    extraDaysOff: [],
    extraWorkingDays: [],
    status: 'from_memory_verify',
    source: 'Thông báo nghỉ lễ, tết năm 2023 của Thủ tướng Chính phủ [M]',
  },
  {
    year: 2024,
    tet: ['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14'],
    hungKings: '2024-04-18',
    nationalDayAdjacent: '2024-09-03',
    extraDaysOff: ['2024-04-29'],
    extraWorkingDays: ['2024-05-04'],
    status: 'from_memory_verify',
    source: 'Thông báo nghỉ lễ, tết năm 2024 của Thủ tướng Chính phủ [M]',
  },
  {
    year: 2025,
    tet: ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'],
    hungKings: '2025-04-07',
    nationalDayAdjacent: '2025-09-01',
    extraDaysOff: ['2025-05-02'],
    extraWorkingDays: ['2025-04-26'],
    status: 'announced_in_sources',
    source: 'rules_2025.md §5: tet-amlich.com "các ngày nghỉ lễ 2025" (Tết 25/1–2/2, Giỗ Tổ 7/4, hoán đổi 2/5 ↔ 26/4, Quốc khánh 30/8–2/9)',
  },
  {
    year: 2026,
    tet: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'],
    hungKings: '2026-04-26', // Sunday → Monday 27/4
    nationalDayAdjacent: '2026-09-01',
    extraDaysOff: ['2026-08-31'],
    extraWorkingDays: ['2026-08-22'],
    status: 'announced_in_sources',
    source: 'rules_2025.md §5: TB 9441/TB-BNV (Tết 16–20/02/2026; Quốc khánh 01–02/9, hoán đổi 31/8 ↔ 22/8), thanhnien.vn (Giỗ Tổ 26/4 → nghỉ bù 27/4)',
  },
  {
    year: 2027,
    // Tết Đinh Mùi falls on Saturday 06/02/2027; the days off are not announced yet.
    tet: ['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'],
    hungKings: '2027-04-16',
    nationalDayAdjacent: '2027-09-03',
    extraDaysOff: [],
    extraWorkingDays: [],
    status: 'estimated',
    source: 'Ước tính theo lịch âm (chưa có thông báo) — replace with the announcement when published',
  },
];
