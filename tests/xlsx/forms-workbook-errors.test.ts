/**
 * Malformed workbooks are refused whole, with an error naming the sheet and the cell in Vietnamese
 * and English (issue #4: "a workbook whose columns were moved — gets a clear error naming the place").
 */
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFormsWorkbook, renderFormsWorkbook } from '../../src/reports/xlsx/forms-workbook.js';
import { cellAt, colOf, rejection, rowOf, seedDoc, sheet, tamper } from './fixtures.js';

let good: Buffer;
beforeAll(async () => {
  good = await renderFormsWorkbook({ doc: seedDoc(), issuer: 'Ban Thường vụ Huyện ủy' });
});

/** The bottom header cell of a column (the one that shows its own label). */
function headerCell(ws: ExcelJS.Worksheet, code: string): ExcelJS.Cell {
  let numbers = 0;
  ws.getColumn(1).eachCell((cell, r) => {
    if (cell.value === '#numbers') numbers = r;
  });
  return ws.getCell(numbers - 1, colOf(ws, code));
}

/** Swaps the values of two cells. */
function swap(a: ExcelJS.Cell, b: ExcelJS.Cell): void {
  const v = a.value;
  a.value = b.value;
  b.value = v;
}

async function failure(change: (wb: ExcelJS.Workbook) => void) {
  return rejection(readFormsWorkbook(await tamper(good, change)));
}

describe('readFormsWorkbook refuses', () => {
  it('visible column labels swapped over their codes, naming the header cell', async () => {
    let address = '';
    const err = await failure((wb) => {
      const ws = sheet(wb, 'Biểu DV');
      // Xã and Phường are merged down the header: the label shows from the top cell.
      const xa = ws.getCell(rowOf(ws, 'total') - 4, colOf(ws, 'xa'));
      const phuong = ws.getCell(rowOf(ws, 'total') - 4, colOf(ws, 'phuong'));
      swap(xa, phuong);
      address = xa.address;
      expect(headerCell(ws, 'xa').master.address).toBe(address);
    });
    expect(err.code).toBe('FormValuesInvalid');
    expect(err.messages.vi).toContain(`Biểu DV, ô ${address} (xa)`);
    expect(err.messages.vi).toContain('«Phường» không khớp mã cột «xa»');
    expect(err.messages.en).toContain(`Form DV, cell ${address} (xa)`);
    expect(err.field).toBe(`Biểu DV!${address}`);
  });

  it('whole columns moved (codes, labels and values together): the official order is part of the layout', async () => {
    let address = '';
    const err = await failure((wb) => {
      const ws = sheet(wb, 'Biểu TC');
      const [a, b] = [colOf(ws, 'quan_doi'), colOf(ws, 'cong_an')];
      for (let r = 1; r <= ws.rowCount; r++) swap(ws.getCell(r, a), ws.getCell(r, b));
      address = ws.getCell(1, a).address;
    });
    expect(err.messages.vi).toContain(`Biểu TC, ô ${address}`);
    expect(err.messages.vi).toContain('các cột đã bị di chuyển');
    expect(err.messages.en).toContain('columns were moved');
  });

  it('a hidden column code renamed, and one missing', async () => {
    const renamed = await failure((wb) => (sheet(wb, 'Biểu TC').getCell(1, colOf(sheet(wb, 'Biểu TC'), 'xa')).value = 'xa_moi'));
    expect(renamed.messages.vi).toMatch(/Biểu TC, ô [A-Z]+1: mã cột ẩn «xa_moi» không có trong biểu TC/);
    const missing = await failure((wb) => (sheet(wb, 'Biểu TC').getCell(1, colOf(sheet(wb, 'Biểu TC'), 'khac')).value = null));
    expect(missing.messages.vi).toContain('Biểu TC (khac): thiếu cột «khac»');
  });

  it.each([
    ['a negative count', -3, 'số âm (-3)', 'negative count (-3)'],
    ['a fractional count', 2.5, 'số lẻ thập phân (2,5)', 'fractional count (2.5)'],
    ['text in a number cell', 'mười hai', 'ô chứa chữ «mười hai»', 'holds the text "mười hai"'],
    ['a number written as text', '12', 'ô chứa chữ «12»', 'holds the text "12"'],
  ])('%s, naming the sheet, the cell and its codes', async (_name, value, vi, en) => {
    let address = '';
    const err = await failure((wb) => {
      const cell = cellAt(sheet(wb, 'Biểu DV'), 'graded.htt', 'xa');
      cell.value = value;
      address = cell.address;
    });
    expect(err.code).toBe('FormValuesInvalid');
    expect(err.messages.vi).toContain(`Biểu DV, ô ${address} (graded.htt / xa): ${vi}`);
    expect(err.messages.en).toContain(`Form DV, cell ${address} (graded.htt / xa): `);
    expect(err.messages.en).toContain(en);
  });

  it('an unknown row code, a duplicated one, and a row whose label no longer matches its code', async () => {
    const unknown = await failure((wb) => (sheet(wb, 'Biểu DV').getCell(rowOf(sheet(wb, 'Biểu DV'), 'graded.ht'), 1).value = 'graded.xs'));
    expect(unknown.messages.vi).toMatch(/Biểu DV, ô A\d+ \(graded\.xs\): mã dòng ẩn «graded\.xs» không có trong biểu DV/);
    const twice = await failure((wb) => (sheet(wb, 'Biểu DV').getCell(rowOf(sheet(wb, 'Biểu DV'), 'graded.ht'), 1).value = 'graded.htt'));
    expect(twice.messages.vi).toContain('xuất hiện hai lần');
    const moved = await failure((wb) => {
      const ws = sheet(wb, 'Biểu TT');
      swap(ws.getCell(rowOf(ws, 'co_so.graded.htt'), 3), ws.getCell(rowOf(ws, 'co_so.graded.ht'), 3));
    });
    expect(moved.messages.vi).toMatch(/Biểu TT, ô C\d+ \(co_so\.graded\.htt\): dòng «Hoàn thành nhiệm vụ» không khớp mã dòng/);
  });

  it('a deleted row, and a number typed into a heading row', async () => {
    const deleted = await failure((wb) => {
      const ws = sheet(wb, 'Biểu KD');
      ws.getCell(rowOf(ws, 'suggested.tinh'), 1).value = null;
    });
    expect(deleted.messages.vi).toContain('Biểu KD (suggested.tinh): thiếu dòng «Thuộc diện Ban Thường vụ Tỉnh ủy quản lý»');
    const heading = await failure((wb) => {
      const ws = sheet(wb, 'Biểu TC');
      ws.getCell(rowOf(ws, 'tccsd.dang_bo.total') - 1, colOf(ws, 'xa')).value = 5;
    });
    expect(heading.messages.vi).toContain('có số liệu ở một dòng không có mã dòng');
  });

  it('a missing sheet, naming the form', async () => {
    const err = await failure((wb) => wb.removeWorksheet(sheet(wb, 'Biểu TT').id));
    expect(err.messages.vi).toContain('Biểu TT: thiếu trang tính của biểu TT');
    expect(err.messages.en).toContain('Form TT: the sheet of form TT is missing');
  });

  it('a workbook that is not the product\'s, a file that is not a workbook, another rule set', async () => {
    const foreign = await failure((wb) => wb.removeWorksheet(sheet(wb, '_meta').id));
    expect(foreign.messages.vi).toContain('không phải sổ tính biểu do xeploai xuất');
    const notXlsx = await rejection(readFormsWorkbook(Buffer.from('{"format":"form-values/1"}')));
    expect(notXlsx.code).toBe('FileUnreadable');
    const other = await rejection(readFormsWorkbook(good, { ruleSet: 'QD366-HD43' }));
    expect(other.code).toBe('RuleSetMismatch');
  });

  it('a left-out row that is not zero or not the form\'s, or a derived row that is none, in _meta', async () => {
    const put = (key: string, value: unknown) => (wb: ExcelJS.Workbook) => {
      const meta = sheet(wb, '_meta');
      const row = meta.rowCount + 1;
      meta.getCell(row, 1).value = key;
      meta.getCell(row, 2).value = JSON.stringify(value);
    };
    const nonZero = await failure(put('omit.TT', { 'tinh.total': { total: 3 } }));
    expect(nonZero.messages.vi).toMatch(/Trang «_meta», ô B\d+: .*dòng được lược bỏ chỉ có số 0/);
    const unknown = await failure(put('omit.TT', { 'xa.total': null }));
    expect(unknown.messages.vi).toContain('dòng lược bỏ «xa.total» không có trong biểu TT');
    const derived = await failure((wb) => {
      sheet(wb, '_meta').eachRow((row) => {
        if (row.getCell(1).value === 'form.TC') row.getCell(2).value = JSON.stringify({ emptyRows: [], derivedRows: ['tccsd.dang_bo.total'] });
      });
    });
    expect(derived.messages.vi).toContain('«tccsd.dang_bo.total» không phải dòng tổng suy ra của biểu TC');
  });

  it('bad document data in _meta through the same checks as JSON', async () => {
    const err = await failure((wb) => {
      const ws = sheet(wb, '_meta');
      ws.eachRow((row) => {
        if (row.getCell(1).value === 'report.date') row.getCell(2).value = '10/01/2023';
      });
    });
    expect(err.code).toBe('FormValuesInvalid');
    expect(err.field).toBe('report.date');
  });
});
