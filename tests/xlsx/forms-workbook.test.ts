/** The forms workbook: official layout, and an exact read-back (FORMS.md §3; issue #4 item 4). */
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readFormsWorkbook, renderFormsWorkbook } from '../../src/reports/xlsx/forms-workbook.js';
import { cellAt, colOf, findCell, fullDoc, load, plain, rowOf, seedDoc, sheet } from './fixtures.js';

const OPTIONS = { issuer: 'Ban Thường vụ Huyện ủy', parentBody: 'Đảng bộ tỉnh Lai Châu', place: 'Tam Đường' };

describe('renderFormsWorkbook → readFormsWorkbook', () => {
  it('reads the seed back exactly: values, absent cells, stated zeros, empty rows, meta and claims', async () => {
    const doc = seedDoc();
    const back = await readFormsWorkbook(await renderFormsWorkbook({ doc, ...OPTIONS }));
    expect(plain(back)).toEqual(plain(doc));
    expect(back.forms.TT?.rows['huyen.total']?.cap_uy).toBe(0);
    expect(back.forms.TC?.rows['tccsd.dang_bo.total']).not.toHaveProperty('phuong');
    expect(back.forms.KD?.rows.not_reviewed).toEqual({});
    expect(back.forms.KD?.rows).not.toHaveProperty('suggested.tinh');
    expect(back.forms.TT?.meta).toEqual({ reportDatePrinted: '2023-01-01', codePrinted: '6CH' });
    expect(back.claims).toHaveLength(27);
  });

  it.each([
    ['QD132-HD21', 2022],
    ['QD124-HD25', 2024],
    ['QD366-HD43', 2025],
  ] as const)('places every row and column of %s where it reads back from', async (ruleSet, year) => {
    const doc = fullDoc(ruleSet, year);
    const back = await readFormsWorkbook(await renderFormsWorkbook({ doc }), { ruleSet });
    expect(plain(back)).toEqual(plain(doc));
  });

  it('leaves out forms the document does not state, unless someone filled their sheet', async () => {
    const doc = seedDoc();
    const { CN: _cn, ...rest } = doc.forms;
    const data = await renderFormsWorkbook({ doc: { ...doc, forms: rest } });
    expect((await readFormsWorkbook(data)).forms).not.toHaveProperty('CN');
    const wb = await load(data);
    cellAt(sheet(wb, 'Biểu CN'), 'co_so.bi_thu', 'total').value = 13;
    const filled = await readFormsWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(filled.forms.CN?.rows).toEqual({ 'co_so.bi_thu': { total: 13 } });
  });

  it('finds the forms by their hidden marks, not by sheet names, and takes a formula by its result', async () => {
    const wb = await load(await renderFormsWorkbook({ doc: seedDoc() }));
    sheet(wb, 'Biểu DV').name = 'Đảng viên 2022';
    cellAt(sheet(wb, 'Đảng viên 2022'), 'pending', 'xa').value = { formula: '1+1', result: 2 };
    const back = await readFormsWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(back.forms.DV?.rows.pending).toEqual({ xa: 2 });
  });
});

describe('the official layout', () => {
  async function seedWorkbook(): Promise<ExcelJS.Workbook> {
    return load(await renderFormsWorkbook({ doc: seedDoc(), ...OPTIONS }));
  }

  it('has one sheet per form and a hidden _meta sheet', async () => {
    const wb = await seedWorkbook();
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Biểu KD', 'Biểu TC', 'Biểu DV', 'Biểu TT', 'Biểu CN', '_meta']);
    expect(sheet(wb, '_meta').state).toBe('hidden');
  });

  it('prints the issuing body, the bold title with the year, the annex line and the form code', async () => {
    const wb = await seedWorkbook();
    const kd = sheet(wb, 'Biểu KD');
    expect(findCell(kd, 'ĐẢNG BỘ TỈNH LAI CHÂU')?.font.bold).toBe(true);
    expect(findCell(kd, 'HUYỆN ỦY TAM ĐƯỜNG')).toBeDefined();
    expect(findCell(kd, 'Tam Đường, ngày 10 tháng 01 năm 2023')).toBeDefined();
    const title = findCell(kd, 'KẾT QUẢ KIỂM ĐIỂM TỰ PHÊ BÌNH VÀ PHÊ BÌNH NĂM 2022');
    expect(title?.font).toMatchObject({ bold: true, name: 'Times New Roman' });
    expect(findCell(kd, '(Kèm theo Báo cáo số 331-BC/HU, ngày 10 tháng 01 năm 2023 của Ban Thường vụ Huyện ủy)')?.font.italic).toBe(true);
    expect(findCell(sheet(wb, 'Biểu TC'), 'Biểu số 6A')).toBeDefined();
    expect(findCell(sheet(wb, 'Biểu CN'), 'Biểu số GDH')).toBeDefined();
  });

  it('merges parent columns over their children, two and three levels deep', async () => {
    const ws = sheet(await seedWorkbook(), 'Biểu TC');
    const dvsn = findCell(ws, 'Đơn vị sự nghiệp') as ExcelJS.Cell;
    const row = Number(dvsn.row);
    const col = Number(dvsn.col);
    expect(ws.model.merges).toContain(`${dvsn.address}:${ws.getCell(row, col + 2).address}`);
    expect([0, 1, 2].map((i) => ws.getCell(row + 1, col + i).value)).toEqual(['Tổng số', 'Công lập', 'Ngoài công lập']);
    const dn = findCell(ws, 'Doanh nghiệp và hợp tác xã') as ExcelJS.Cell;
    expect(ws.getCell(Number(dn.row) + 1, Number(dn.col) + 1).value).toBe('DN có vốn Nhà nước');
    expect(ws.getCell(Number(dn.row) + 2, Number(dn.col) + 2).value).toBe('Nhà nước nắm 100% vốn điều lệ');
    const xa = findCell(ws, 'Xã') as ExcelJS.Cell;
    expect(ws.model.merges).toContain(`${xa.address}:${ws.getCell(Number(xa.row) + 2, Number(xa.col)).address}`);
    expect(xa.alignment.wrapText).toBe(true);
  });

  it('numbers the columns and the rows as the seed does, with headings and italic "trong đó" rows', async () => {
    const wb = await seedWorkbook();
    const tc = sheet(wb, 'Biểu TC');
    expect(findCell(tc, '3=\n4+…+14')).toBeDefined();
    expect(findCell(tc, '12=\n12a+12b+12c')).toBeDefined();
    expect(findCell(tc, 'TỔ CHỨC CƠ SỞ ĐẢNG')?.font.bold).toBe(true);
    expect(tc.getCell(rowOf(tc, 'tccsd.dang_bo.total') - 2, 2).value).toBe('A');
    expect(tc.getCell(rowOf(tc, 'tccsd.dang_bo.total') - 1, 3).value).toBe('ĐẢNG BỘ CƠ SỞ');
    expect(tc.getCell(rowOf(tc, 'tccsd.dang_bo.graded.htxs'), 2).value).toBe('-');
    expect(tc.getCell(rowOf(tc, 'tccsd.dang_bo.not_graded.new'), 3).font.italic).toBe(true);
    const kd = sheet(wb, 'Biểu KD');
    expect(['suggested.tinh', 'suggested.huyen', 'suggested.co_so'].map((c) => kd.getCell(rowOf(kd, c), 2).value)).toEqual(['4.1', '4.2', '4.3']);
    const cn = sheet(wb, 'Biểu CN');
    expect(cn.getCell(rowOf(cn, 'huyen'), 2).value).toBe('II');
    expect(findCell(cn, '5=\n6+7+8+9')).toBeDefined();
  });

  it('uses Times New Roman, thin borders, a Vietnamese number format, and keeps absent apart from zero', async () => {
    const wb = await seedWorkbook();
    const dv = sheet(wb, 'Biểu DV');
    const graded = cellAt(dv, 'graded', 'total');
    expect(graded.value).toBe(2543);
    expect(graded.numFmt).toContain('[$-42A]');
    expect(graded.font.name).toBe('Times New Roman');
    expect(graded.border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
    expect(cellAt(dv, 'graded', 'phuong').value).toBeNull();
    expect(cellAt(dv, 'graded', 'phuong').border?.top?.style).toBe('thin');
    const tt = sheet(wb, 'Biểu TT');
    expect(cellAt(tt, 'huyen.total', 'cap_uy').value).toBe(0);
    dv.eachRow((row) => row.eachCell((cell) => expect(cell.font?.name ?? 'Times New Roman').toBe('Times New Roman')));
  });

  it('prints A4 landscape fitted to the width, repeats the header, freezes below it, hides the codes', async () => {
    const ws = sheet(await seedWorkbook(), 'Biểu DV');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    const numbers = Number(findCell(ws, '#numbers')?.row);
    const header = Number(findCell(ws, 'STT')?.row);
    expect(ws.pageSetup.printTitlesRow).toBe(`${header}:${numbers}`);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: numbers, xSplit: 3 });
    expect(ws.getColumn(1).hidden).toBe(true);
    expect(ws.getRow(1).hidden).toBe(true);
    expect(ws.getColumn(colOf(ws, 'co_quan_dang')).width).toBeGreaterThan(ws.getColumn(colOf(ws, 'xa')).width ?? 0);
  });
});
