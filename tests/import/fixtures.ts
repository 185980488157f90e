/**
 * Workbooks and CSV files for the import tests, written the way a user's spreadsheet would be:
 * exceljs for .xlsx (dates as real date cells where given as Date), plain text for CSV.
 */
import ExcelJS from 'exceljs';
import type { ImportFile } from '../../src/services/import/types.js';

export type Grid = (string | number | boolean | Date | null)[][];

/** A workbook with the given sheets (name → rows, the first row being the header). */
export async function workbook(sheets: Record<string, Grid>, name = 'to-chuc.xlsx'): Promise<ImportFile> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(sheet);
    for (const row of rows) ws.addRow(row);
  }
  return { name, bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };
}

/** CSV files (name → rows), comma-separated, quoted where needed. */
export function csvFiles(files: Record<string, Grid>): ImportFile[] {
  const field = (v: Grid[number][number]) => {
    const s = v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return Object.entries(files).map(([name, rows]) => ({ name, bytes: new TextEncoder().encode(rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n') }));
}

/** The small organisation of the import tests: a province, a district, a commune with two cells. */
export const UNITS: Grid = [
  ['code', 'name', 'kind', 'orgType', 'parentCode', 'validFrom'],
  ['TINH', 'Đảng bộ tỉnh Thử', 'province_committee', null, null, '2015-01-01'],
  ['HUYEN', 'Đảng bộ huyện Thử', 'district_committee', null, 'TINH', '2015-01-01'],
  ['XA-1', 'Đảng bộ xã Một', 'Đảng bộ cơ sở', 'xa', 'HUYEN', '2015-01-01'],
  ['CB-1', 'Chi bộ thôn Một', 'cell', null, 'XA-1', '2015-01-01'],
  ['CB-2', 'Chi bộ thôn Hai', 'cell', null, 'XA-1', '2016-01-01'],
];

/** Members, with some of the template's Vietnamese headers and the date forms users type. */
export const PERSONS: Grid = [
  ['Số thẻ đảng viên', 'Họ và tên', 'birthDate', 'Giới tính', 'Ngày vào Đảng (admittedOn)', 'officialOn', 'unitCode', 'validFrom', 'validTo'],
  ['01.001', 'Nguyễn Văn An', '1980-03-15', 'Nam', new Date(Date.UTC(2005, 5, 1)), '01/06/2006', 'CB-1', '2015-01-01', null],
  ['01.002', 'Lò Thị Bình', null, 'Nữ', '2015-02-03', null, 'CB-1', null, null],
  ['01.003', 'Hoàng Văn Cường', '1975-12-01', 'nam', '2001-09-02', '2002-09-02', 'CB-2', '2016-01-01', null],
  ['01.003', 'Hoàng Văn Cường', '1975-12-01', 'nam', '2001-09-02', '2002-09-02', 'CB-1', '2015-01-01', '2016-01-01'],
];

export const EVENTS: Grid = [
  ['cardNumber', 'kind', 'level', 'startsOn', 'endsOn', 'note'],
  ['01.002', 'Miễn công tác và sinh hoạt đảng', null, '2020-01-01', null, 'Tuổi cao'],
  ['01.001', 'sick_leave', null, '2022-03-01', '2022-07-01', null],
];

export const COLLECTIVES: Grid = [
  ['code', 'unitCode', 'name', 'kind', 'level', 'validFrom'],
  ['UBND-XA-1', 'XA-1', 'Tập thể lãnh đạo UBND xã Một', 'ubnd', 'co_so', '2015-01-01'],
];

export const POSITIONS: Grid = [
  ['cardNumber', 'unitCode', 'positionGroup', 'title', 'decidingUnitCode', 'validFrom'],
  ['01.001', 'XA-1', 'co_so.bi_thu', 'Bí thư Đảng ủy xã', 'HUYEN', '2020-10-01'],
];

/** The bí thư seated on the commune's UBND collective (the sheet *Thành viên tập thể*). */
export const COLLECTIVE_MEMBERS: Grid = [
  ['collectiveCode', 'cardNumber', 'validFrom'],
  ['UBND-XA-1', '01.001', '2021-01-01'],
];
