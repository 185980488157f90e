import { describe, expect, it } from 'vitest';
import {
  addMonths,
  addWorkingDays,
  buildWorkingCalendar,
  dayOffName,
  isWorkingDay,
  submissionTiming,
  workingDaysBetween,
} from '../../src/domain/calendar/index.js';
import { isAppError } from '../../src/domain/errors.js';

const LAW = 'BLLĐ 2019, Điều 112 khoản 1';
const MOVE = 'BLLĐ 2019, Điều 111 khoản 3';

describe('isWorkingDay', () => {
  it.each([
    // [case, source, date, working?]
    ['Tết Quý Mão 2023: 29 Tết (Fri 20/01) off', `${LAW} điểm b; TB nghỉ Tết 2023 [M]`, '2023-01-20', false],
    ['Tết 2023: mùng 5 (Thu 26/01) off', `${LAW} điểm b; ${MOVE}`, '2023-01-26', false],
    ['Tết 2023: Fri 27/01 back to work', `${LAW} điểm b`, '2023-01-27', true],
    ['Tết 2023: Thu 19/01 still working', `${LAW} điểm b`, '2023-01-19', true],
    ['Tết Bính Ngọ 2026: Mon 16/02 off', 'rules_2025.md §5, TB 9441/TB-BNV', '2026-02-16', false],
    ['Tết 2026: Mon 23/02 working', 'rules_2025.md §5, TB 9441/TB-BNV', '2026-02-23', true],
    ['Giỗ Tổ 2026 on Sunday 26/04 moved to Monday 27/04', `${MOVE}; thanhnien.vn (rules_2025.md §5)`, '2026-04-27', false],
    ['Giỗ Tổ 2022 on Sunday 10/04 moved to Monday 11/04', `${MOVE} [M data]`, '2022-04-11', false],
    ['2022: 30/4 Sat and 1/5 Sun moved to Mon 2/5 and Tue 3/5', MOVE, '2022-05-03', false],
    ['2022: Wed 4/5 working after the moved holidays', MOVE, '2022-05-04', true],
    ['2023: Giỗ Tổ Sat 29/4 + 30/4 Sun + 1/5 Mon ⇒ off until Wed 3/5', MOVE, '2023-05-03', false],
    ['2023: Quốc khánh Sat 2/9 moved to Mon 4/9', MOVE, '2023-09-04', false],
    ['2025: swapped Saturday 26/04 is a working day', 'rules_2025.md §5 (tet-amlich.com 2025)', '2025-04-26', true],
    ['2025: swapped Friday 02/05 is a day off', 'rules_2025.md §5 (tet-amlich.com 2025)', '2025-05-02', false],
    ['2026: Quốc khánh adjacent day Tue 01/09 off', `${LAW} điểm đ; TB 9441/TB-BNV`, '2026-09-01', false],
    ['2026: Sat 22/08 worked in exchange for Mon 31/08', 'rules_2025.md §5 (CV 6620/UBND-VX Lai Châu)', '2026-08-22', true],
    ['2026: Mon 31/08 off by swap', 'rules_2025.md §5 (CV 6620/UBND-VX Lai Châu)', '2026-08-31', false],
    ['2020: Quốc khánh one day only (BLLĐ 2012) — Thu 3/9 working', 'BLLĐ 2012 Điều 115 [M]', '2020-09-03', true],
    ['ordinary Saturday is not a working day', 'BLLĐ 2019 Điều 111', '2022-12-10', false],
  ])('%s (%s)', (_case, _source, date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it('names the moved day (BLLĐ 2019, Điều 111 khoản 3)', () => {
    expect(dayOffName('2026-04-27')).toBe('Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)');
  });

  it('refuses a year without data (GUIDE.md §4.9: calendar as data)', () => {
    try {
      isWorkingDay('2030-01-02');
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('CalendarYearMissing');
    }
  });

  it('a swap in custom data turns a Saturday into a working day (GUIDE.md §4.9: swapped days announced yearly)', () => {
    const cal = buildWorkingCalendar([
      { year: 2030, tet: [], hungKings: '2030-04-12', nationalDayAdjacent: null, extraDaysOff: ['2030-01-04'], extraWorkingDays: ['2030-01-12'], status: 'estimated', source: 'test' },
    ]);
    expect(isWorkingDay('2030-01-12', cal)).toBe(true);
    expect(isWorkingDay('2030-01-04', cal)).toBe(false);
  });
});

describe('workingDaysBetween and addWorkingDays', () => {
  it.each([
    // [case, source, from, to, expected]
    ['across Tết 2023: Thu 19/01 → Mon 30/01', `${LAW} điểm b`, '2023-01-19', '2023-01-30', 2],
    ['across 30/4–1/5 2024 (swap 29/4 ↔ 4/5)', 'TB nghỉ lễ 2024 [M]', '2024-04-26', '2024-05-06', 4],
    ['plain week Mon → Mon', 'BLLĐ 2019 Điều 111', '2022-12-05', '2022-12-12', 5],
    ['same day', 'definition', '2022-12-05', '2022-12-05', 0],
    ['reversed gives a negative count', 'definition', '2022-12-12', '2022-12-05', -5],
  ])('%s (%s)', (_case, _source, from, to, expected) => {
    expect(workingDaysBetween(from, to)).toBe(expected);
  });

  it.each([
    ['3 working days before a meeting on Mon 30/01/2023 skips Tết', 'HD 43, Mục 2 điểm 1 (ít nhất 03 ngày làm việc)', '2023-01-30', -3, '2023-01-18'],
    ['+1 working day from Fri 29/04/2022 lands on Wed 04/05/2022', MOVE, '2022-04-29', 1, '2022-05-04'],
    ['0 working days returns the date itself', 'definition', '2022-04-30', 0, '2022-04-30'],
  ])('%s (%s)', (_case, _source, date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
  });
});

describe('submissionTiming', () => {
  it.each([
    ['on the deadline day is on time', 'GUIDE.md §4.9', '2022-12-25', '2022-12-25', { status: 'on_time' }],
    ['at 23:59 on the deadline day is on time', 'GUIDE.md §4.9', '2022-12-25T23:59', '2022-12-25', { status: 'on_time' }],
    ['one day after a Friday deadline (Saturday) is late, 0 working days', 'GUIDE.md §4.9', '2022-12-24', '2022-12-23', { status: 'late', workingDaysLate: 0, calendarDaysLate: 1 }],
    ['Monday after a Friday deadline: 1 working day late', 'GUIDE.md §4.9', '2022-12-26', '2022-12-23', { status: 'late', workingDaysLate: 1, calendarDaysLate: 3 }],
    ['late across Tết 2023 counts working days only', `GUIDE.md §4.9; ${LAW} điểm b`, '2023-01-27', '2023-01-19', { status: 'late', workingDaysLate: 1, calendarDaysLate: 8 }],
    ['nothing submitted is missing', 'GUIDE.md §4.9', null, '2022-12-25', { status: 'missing' }],
  ] as const)('%s (%s)', (_case, _source, submittedAt, deadline, expected) => {
    expect(submissionTiming({ submittedAt, deadline })).toMatchObject(expected);
  });

  it('a deadline on Sunday moves to Monday when the plan says so (BLDS 2015 Điều 148 k5 [M])', () => {
    const r = submissionTiming({ submittedAt: '2022-12-26', deadline: '2022-12-25', deadlineOnDayOff: 'next_working_day' });
    expect(r).toEqual({ status: 'on_time', effectiveDeadline: '2022-12-26' });
  });
});

describe('addMonths (used for "chưa đủ 06 tháng")', () => {
  it.each([
    ['clamps to the month end', 'HD 21, Mục II tiểu mục 6', '2022-08-31', 6, '2023-02-28'],
    ['plain', 'HD 21, Mục II tiểu mục 6', '2022-06-15', 6, '2022-12-15'],
  ])('%s (%s)', (_case, _source, date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });
});
