/**
 * The import template (`xeploai import template FILE.xlsx`, GET /api/imports/template): a sheet per
 * kind of record with the columns the import reads (each headed "Vietnamese label (fieldName)", both
 * accepted), the codes' lists as drop-downs (read from the sheet *Danh mục*, which lists each code
 * with its label), date columns shown as dates, code and card columns kept as text, and a sheet
 * *Hướng dẫn* saying how to fill it in. Everything comes from the sheets' specs: a field added to an
 * API schema appears here too.
 */
import ExcelJS from 'exceljs';
import { columnLetter } from './parse-rows.js';
import { type ColumnSpec, SHEETS } from './sheets.js';

/** Rows of each data sheet that get the drop-downs and formats. */
const ROWS = 5000;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };

/** "Mã đơn vị (code)": the header the template writes and the import reads. */
export function templateHeader(col: ColumnSpec): string {
  return col.label === col.field ? col.field : `${col.label} (${col.field})`;
}

interface CodeList {
  values: readonly string[];
  labels?: Readonly<Record<string, string>> | undefined;
  title: string;
  /** First column (1-based) of the list on the sheet *Danh mục*. */
  column: number;
}

/** Every list of codes the sheets use (and yes/no), each placed on the sheet *Danh mục*, keyed by its values. */
function codeLists(): Map<string, CodeList> {
  const lists = new Map<string, CodeList>();
  const add = (values: readonly string[], title: string, labels?: Readonly<Record<string, string>>) => {
    const key = values.join('|');
    if (!lists.has(key)) lists.set(key, { values, labels, title, column: 1 + lists.size * 3 });
  };
  for (const sheet of SHEETS) for (const col of sheet.columns) if (col.values) add(col.values, col.label, col.valueLabels);
  add(['có', 'không'], 'Có / không');
  return lists;
}

/** The range of a list's codes, for a drop-down. */
const listRange = (l: CodeList) => `'Danh mục'!$${columnLetter(l.column - 1)}$2:$${columnLetter(l.column - 1)}$${l.values.length + 1}`;

/** The sheet *Danh mục*: for every list, a column of codes and one of their meaning. */
function addLists(wb: ExcelJS.Workbook, lists: Map<string, CodeList>): void {
  const ws = wb.addWorksheet('Danh mục');
  for (const list of lists.values()) {
    const c = list.column;
    ws.getCell(1, c).value = `${list.title}: mã`;
    ws.getCell(1, c + 1).value = 'Ý nghĩa';
    list.values.forEach((v, i) => {
      ws.getCell(i + 2, c).value = v;
      ws.getCell(i + 2, c + 1).value = list.labels?.[v] ?? '';
    });
    ws.getColumn(c).width = 24;
    ws.getColumn(c + 1).width = 48;
  }
  ws.getRow(1).font = { bold: true };
}

/** The sheet *Hướng dẫn*: how to fill in the template, and every sheet's columns. */
function addGuide(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Hướng dẫn');
  ws.getColumn(1).width = 34;
  ws.getColumn(2).width = 110;
  const lines: [string, string][] = [
    ['MẪU NHẬP TỔ CHỨC, ĐẢNG VIÊN', ''],
    ['Cách nhập', 'Mỗi trang một loại dữ liệu; dòng 1 là tên cột (tiếng Việt hoặc tên trường trong ngoặc, nhận cả hai). Ô tô màu cam là cột bắt buộc.'],
    ['Ngày', 'Ghi YYYY-MM-DD (2022-12-31), DD/MM/YYYY (31/12/2022) hoặc dùng ô kiểu ngày của Excel. "Hết hiệu lực từ ngày" là ngày đầu tiên không còn hiệu lực (để trống nếu còn hiệu lực).'],
    ['Mã', 'Chọn trong danh sách thả xuống (xem trang Danh mục); ghi nhãn tiếng Việt cũng được.'],
    ['Đảng viên nhiều chi bộ', 'Một đảng viên đã chuyển sinh hoạt: mỗi chi bộ một dòng, cùng số thẻ và thông tin cá nhân, khác mã chi bộ và thời gian.'],
    ['Đơn vị có lịch sử', 'Mỗi giai đoạn (tên, cấp trên, loại hình khác nhau) một dòng cùng mã đơn vị. Đơn vị đã có thì đổi bằng chức năng sắp xếp tổ chức, không qua nhập.'],
    ['Nhập lại', 'Nhập lại cùng tệp không thay đổi gì. Có lỗi thì không ghi gì cả; danh sách lỗi ghi rõ trang, dòng, cột, giá trị và lý do.'],
    ['Tệp CSV', `Có thể thay bảng tính bằng các tệp CSV (UTF-8) trong một thư mục: ${SHEETS.map((s) => `${s.file} (${s.sheet})`).join(', ')}.`],
    ['', ''],
  ];
  for (const sheet of SHEETS) {
    lines.push([`Trang «${sheet.sheet}» (${sheet.file})`, sheet.stored ? '' : 'Phiên bản này chưa lưu được trang này: để trống.']);
    for (const col of sheet.columns) lines.push([`   ${col.field}${col.required ? ' (bắt buộc)' : ''}`, col.label]);
  }
  lines.forEach(([a, b]) => ws.addRow([a, b]));
  ws.getRow(1).font = { bold: true, size: 14 };
}

/** One data sheet: headers, formats, drop-downs. */
function addSheet(wb: ExcelJS.Workbook, sheet: (typeof SHEETS)[number], lists: Map<string, CodeList>): void {
  const ws = wb.addWorksheet(sheet.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns.forEach((col, i) => {
    const cell = ws.getCell(1, i + 1);
    cell.value = templateHeader(col);
    cell.font = { bold: true };
    cell.fill = col.required ? REQUIRED_FILL : HEADER_FILL;
    const column = ws.getColumn(i + 1);
    column.width = Math.max(14, Math.min(40, templateHeader(col).length + 2));
    const letter = column.letter;
    const range = `${letter}2:${letter}${ROWS}`;
    if (col.type === 'date') column.numFmt = 'dd/mm/yyyy';
    else if (col.type === 'string') column.numFmt = '@';
    const list = col.values ? lists.get(col.values.join('|')) : col.type === 'boolean' ? lists.get('có|không') : undefined;
    if (list) {
      // exceljs's types omit dataValidations; it takes a range address.
      (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, {
        type: 'list',
        allowBlank: !col.required,
        formulae: [listRange(list)],
        showErrorMessage: false,
        showInputMessage: true,
        promptTitle: col.label,
        prompt: 'Chọn trong danh sách (trang Danh mục)',
      });
    }
  });
}

/** The template's bytes. */
export async function buildImportTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'xeploai';
  const lists = codeLists();
  for (const sheet of SHEETS) addSheet(wb, sheet, lists);
  addGuide(wb);
  addLists(wb, lists);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
