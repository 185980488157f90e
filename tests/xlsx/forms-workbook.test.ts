/** The forms workbook: official layout, totals as formulas, and an exact read-back (FORMS.md §3; issues 4 and 13). */
import type ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { getFormDefinitions } from '../../src/domain/forms/index.js';
import { readFormsWorkbook, renderFormsWorkbook } from '../../src/reports/xlsx/forms-workbook.js';
import { cellAt, colOf, findCell, fullDoc, load, plain, rejection, rowOf, SEED_TYPE_COLUMNS, seedDoc, sheet, tamper } from './fixtures.js';

const OPTIONS = { issuer: 'Ban Thường vụ Huyện ủy', parentBody: 'Đảng bộ tỉnh Lai Châu', level: 'huyen' } as const;

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
    cellAt(sheet(wb, 'Đảng viên 2022'), 'kht.decline', 'xa').value = { formula: '1+1', result: 2 };
    const back = await readFormsWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(back.forms.DV?.rows['kht.decline']).toEqual({ xa: 2 });
  });

  it('reads a workbook of an earlier version: row labels worded as the form definitions, a numbered row under KD\'s header', async () => {
    const data = await renderFormsWorkbook({ doc: seedDoc(), ...OPTIONS });
    const older = await tamper(data, (wb) => {
      const cn = sheet(wb, 'Biểu CN');
      cn.getCell(rowOf(cn, 'huyen.uv_btv'), 3).value = 'Ủy viên Ban Thường vụ (không tính Bí thư, Phó Bí thư)';
      const tt = sheet(wb, 'Biểu TT');
      tt.getCell(rowOf(tt, 'huyen.total'), 3).value = 'Số có đến cuối năm';
      const kd = sheet(wb, 'Biểu KD');
      // That version wrote totals as values (and exceljs does not move formulas with the rows it shifts).
      kd.eachRow((row) => row.eachCell((cell) => cell.formula && (cell.value = cell.result as number)));
      const first = rowOf(kd, 'required');
      kd.spliceRows(first, 0, ['#numbers', '1', '2', '3', '4', '5']);
    });
    expect(plain(await readFormsWorkbook(older))).toEqual(plain(await readFormsWorkbook(data)));
  });

  it('a district\'s sheets leave CẤP TỈNH out (stated as zeros), named in _meta so that it reads back exactly', async () => {
    const doc = fullDoc('QD132-HD21', 2022);
    const { TT: _tt, CN: _cn, ...others } = doc.forms;
    const zeroProvince = (rows: Record<string, Record<string, number>>) =>
      Object.fromEntries(Object.entries(rows).map(([code, cells]) => [code, code.startsWith('tinh') ? Object.fromEntries(Object.keys(cells).map((c) => [c, 0])) : cells]));
    const district = { ...doc, forms: { ...others, TT: { rows: zeroProvince(doc.forms.TT?.rows ?? {}) }, CN: { rows: zeroProvince(doc.forms.CN?.rows ?? {}) } } };
    const data = await renderFormsWorkbook({ doc: district, level: 'huyen' });
    const tt = sheet(await load(data), 'Biểu TT');
    expect(findCell(tt, 'CẤP TỈNH')).toBeUndefined();
    expect(tt.getCell(rowOf(tt, 'huyen.total') - 1, 2).value).toBe('I');
    expect(plain(await readFormsWorkbook(data))).toEqual(plain(district));
  });

  it('re-derives the A/B totals it does not print from their parts, as the sheet now holds them', async () => {
    const doc = fullDoc('QD132-HD21', 2022);
    const rows = { ...doc.forms.TC?.rows };
    const defs = getFormDefinitions('QD132-HD21').TC.rows.filter((r) => r.derivedFrom);
    for (const d of defs) {
      const cells: Record<string, number> = {};
      for (const part of d.derivedFrom ?? []) for (const [col, n] of Object.entries(rows[part] ?? {})) cells[col] = (cells[col] ?? 0) + n;
      rows[d.code] = cells;
    }
    const derived = { ...doc, forms: { ...doc.forms, TC: { rows } } };
    const data = await renderFormsWorkbook({ doc: derived });
    const tc = sheet(await load(data), 'Biểu TC');
    expect(() => rowOf(tc, 'tccsd.total')).toThrow();
    expect(plain(await readFormsWorkbook(data))).toEqual(plain(derived));
    const edited = await tamper(data, (wb) => (cellAt(sheet(wb, 'Biểu TC'), 'tccsd.chi_bo.graded.htxs', 'khac').value = 1000));
    const back = await readFormsWorkbook(edited);
    const was = rows['tccsd.graded.htxs']?.khac ?? 0;
    expect(back.forms.TC?.rows['tccsd.graded.htxs']?.khac).toBe(was - (rows['tccsd.chi_bo.graded.htxs']?.khac ?? 0) + 1000);
  });
});

describe('totals as formulas', () => {
  it('writes a total as the formula adding its parts, its cached result the count; a total that does not add up stays a value', async () => {
    const wb = await load(await renderFormsWorkbook({ doc: seedDoc(), ...OPTIONS }));
    const dv = sheet(wb, 'Biểu DV');
    const graded = cellAt(dv, 'graded', 'total');
    const parts = ['xa', 'phuong', 'thi_tran', 'co_quan_dang', 'co_quan_nha_nuoc', 'dvsn', 'quan_doi', 'cong_an', 'dn', 'ngoai_nuoc', 'khac'].map((c) => cellAt(dv, 'graded', c).address);
    expect(graded.value).toEqual({ formula: parts.join('+'), result: 2543 });
    const dvsn = cellAt(dv, 'graded', 'dvsn');
    expect(dvsn.formula).toBe(`${cellAt(dv, 'graded', 'dvsn.cong_lap').address}+${cellAt(dv, 'graded', 'dvsn.ngoai_cong_lap').address}`);
    // A column without type columns: the row identity (graded = Σ grades) gives the formula.
    const cn = sheet(wb, 'Biểu CN');
    const positions = ['huyen.bi_thu', 'huyen.pho_bi_thu', 'huyen.uv_btv', 'huyen.pct_uv_bch', 'huyen.truong_phong_uv_bch', 'huyen.truong_phong_khac', 'huyen.pho_phong'];
    const level = cellAt(cn, 'huyen', 'htt');
    expect(level.formula).toBe(positions.map((p) => cellAt(cn, p, 'htt').address).join('+'));
    expect(level.result).toBe(55);
    // Left empty as the seed prints it (its positions state 64 in all): an absent cell gets no formula.
    expect(cellAt(cn, 'huyen', 'total').value).toBeNull();
    // The seed's errors stay as printed: HTT 2.072 in all while its types add up to 2.052 (checker: SUM_COLUMNS).
    expect(cellAt(dv, 'graded.htt', 'total').value).toBe(2072);
    expect(cellAt(dv, 'graded.htt', 'xa').value).toBe(1434);
  });

  it('refuses a formula changed into a contradiction (its cached result no longer what it computes), naming the cell', async () => {
    const good = await renderFormsWorkbook({ doc: seedDoc(), ...OPTIONS });
    let address = '';
    const changed = await tamper(good, (wb) => {
      const dv = sheet(wb, 'Biểu DV');
      const cell = cellAt(dv, 'graded', 'total');
      address = cell.address;
      cell.value = { formula: `${cellAt(dv, 'graded', 'xa').address}+${cellAt(dv, 'graded', 'thi_tran').address}`, result: 2543 };
    });
    const err = await rejection(readFormsWorkbook(changed));
    expect(err.code).toBe('FormValuesInvalid');
    expect(err.messages.vi).toContain(`Biểu DV, ô ${address} (graded / total): công thức «=`);
    expect(err.messages.vi).toContain('cho 2043 nhưng ô ghi kết quả 2543');
    expect(err.messages.en).toContain(`Form DV, cell ${address} (graded / total): the formula`);
    expect(err.field).toBe(`Biểu DV!${address}`);
    // Recalculated (as Excel saves it), the same formula is the compiler's correction: read as its result.
    const recalculated = await tamper(good, (wb) => {
      const dv = sheet(wb, 'Biểu DV');
      cellAt(dv, 'graded', 'total').value = { formula: `${cellAt(dv, 'graded', 'xa').address}+${cellAt(dv, 'graded', 'thi_tran').address}`, result: 2043 };
    });
    expect((await readFormsWorkbook(recalculated)).forms.DV?.rows.graded?.total).toBe(2043);
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

  it('heads each sheet as the seed heads its annexes: issuing body, bold title with the year, the annex line, the form code', async () => {
    const wb = await seedWorkbook();
    const cn = sheet(wb, 'Biểu CN');
    expect(findCell(cn, 'ĐẢNG BỘ TỈNH LAI CHÂU')).toBeDefined();
    expect(findCell(cn, 'HUYỆN ỦY TAM ĐƯỜNG')?.font.bold).toBe(true);
    expect(findCell(cn, 'THỐNG KÊ')?.font.bold).toBe(true);
    const title = findCell(cn, 'KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÁN BỘ LÃNH ĐẠO, QUẢN LÝ NĂM 2022');
    expect(title?.font).toMatchObject({ bold: true, name: 'Times New Roman' });
    expect(findCell(cn, '(Kèm theo Báo cáo số 331-BC/HU, ngày 10 tháng 01 năm 2023 của Ban Thường vụ Huyện ủy)')?.font.italic).toBe(true);
    expect(findCell(cn, 'Biểu số GDH')?.alignment.horizontal).toBe('right');
    expect(findCell(sheet(wb, 'Biểu TC'), 'Biểu số 6A')).toBeDefined();
    expect(findCell(sheet(wb, 'Biểu DV'), 'Năm 2022')).toBeDefined();
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

  it('numbers the columns and the rows as the seed does, with headings, italic "trong đó" rows and the "Ghi chú" column', async () => {
    const wb = await seedWorkbook();
    const tc = sheet(wb, 'Biểu TC');
    const numbers = Number(findCell(tc, '#numbers')?.row);
    // Every column code of FORMS.md for 6A and 6B, in the seed's order and with its number.
    for (const ws of [tc, sheet(wb, 'Biểu DV')]) {
      const codes: string[] = [];
      ws.getRow(1).eachCell((cell, c) => c > 3 && codes.push(String(cell.value)));
      expect(codes).toEqual(SEED_TYPE_COLUMNS.map(([code]) => code));
      const at = Number(findCell(ws, '#numbers')?.row);
      expect(codes.map((code) => String(ws.getCell(at, colOf(ws, code)).value).replace(/\n/g, ''))).toEqual(SEED_TYPE_COLUMNS.map(([, n]) => n));
    }
    expect(String(tc.getCell(numbers, colOf(tc, 'cong_an')).value)).toBe('11');
    expect(findCell(tc, 'TỔ CHỨC CƠ SỞ ĐẢNG')?.font.bold).toBe(true);
    expect(tc.getCell(rowOf(tc, 'tccsd.dang_bo.total') - 2, 2).value).toBe('A');
    expect(tc.getCell(rowOf(tc, 'tccsd.dang_bo.total') - 1, 3).value).toBe('ĐẢNG BỘ CƠ SỞ');
    expect(tc.getCell(rowOf(tc, 'truc_thuoc.dang_bo_bo_phan.total') - 1, 3).value).toBe('ĐẢNG BỘ BỘ PHẬN');
    expect(tc.getCell(rowOf(tc, 'tccsd.dang_bo.graded.htxs'), 2).value).toBe('-');
    expect(tc.getCell(rowOf(tc, 'tccsd.dang_bo.not_graded.new'), 3).font.italic).toBe(true);
    const kd = sheet(wb, 'Biểu KD');
    expect(['suggested.tinh', 'suggested.huyen', 'suggested.co_so'].map((c) => kd.getCell(rowOf(kd, c), 2).value)).toEqual(['4.1', '4.2', '4.3']);
    expect(findCell(kd, '#numbers')).toBeUndefined();
    expect(kd.getCell(rowOf(kd, 'required') - 1, colOf(kd, '#notes')).value).toBe('Ghi chú');
    const cn = sheet(wb, 'Biểu CN');
    expect(cn.getCell(rowOf(cn, 'huyen'), 2).value).toBe('I');
    const cnNumbers = Number(findCell(cn, '#numbers')?.row);
    expect(cn.getCell(cnNumbers, colOf(cn, '#notes')).value).toBe('10');
    expect(cn.getCell(cnNumbers, colOf(cn, 'graded')).value).toBe('5=6+7+8+9');
    expect(cn.getCell(rowOf(cn, 'huyen.uv_btv'), 3).value).toBe('Ủy viên Ban Thường vụ (1)');
    expect(findCell(cn, 'Ghi chú:')?.font.bold).toBe(true);
    expect(findCell(cn, '- (3) Ủy viên BCH các xã, phường, thị trấn, không tính Bí thư, Phó bí thư')).toBeDefined();
  });

  it('uses Times New Roman (the default font too), at 9 pt or more, thin borders, a Vietnamese number format, and keeps absent apart from zero', async () => {
    const data = await renderFormsWorkbook({ doc: seedDoc(), ...OPTIONS });
    const wb = await load(data);
    const dv = sheet(wb, 'Biểu DV');
    const htt = cellAt(dv, 'graded.htt', 'xa');
    expect(htt.value).toBe(1434);
    expect(htt.numFmt).toContain('[$-42A]');
    expect(htt.font.name).toBe('Times New Roman');
    expect(htt.border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
    expect(cellAt(dv, 'graded', 'phuong').value).toBeNull();
    expect(cellAt(dv, 'graded', 'phuong').border?.top?.style).toBe('thin');
    expect(cellAt(sheet(wb, 'Biểu TT'), 'huyen.total', 'cap_uy').result).toBe(0);
    for (const ws of wb.worksheets.filter((w) => w.name !== '_meta')) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.value === null || row.hidden || cell.col === '1' || Number(cell.col) === 1) return;
          expect(cell.font?.name, `${ws.name}!${cell.address}`).toBe('Times New Roman');
          expect(cell.font?.size ?? 11, `${ws.name}!${cell.address}`).toBeGreaterThanOrEqual(9);
        }),
      );
    }
    const styles = new PizZip(data).file('xl/styles.xml')?.asText() ?? '';
    expect(/<fonts[^>]*><font>(?:(?!<\/font>).)*<name val="([^"]+)"/.exec(styles)?.[1]).toBe('Times New Roman');
  });

  it('prints landscape, A3 for the wide 6A and 6B and A4 otherwise, header rows repeated, pages numbered, frozen below the header', async () => {
    const wb = await seedWorkbook();
    const paper = (name: string) => sheet(wb, name).pageSetup.paperSize;
    expect(['Biểu KD', 'Biểu TC', 'Biểu DV', 'Biểu TT', 'Biểu CN'].map(paper)).toEqual([9, 8, 8, 9, 9]);
    const ws = sheet(wb, 'Biểu DV');
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    const numbers = Number(findCell(ws, '#numbers')?.row);
    const header = Number(findCell(ws, 'STT')?.row);
    expect(ws.pageSetup.printTitlesRow).toBe(`${header}:${numbers}`);
    expect(ws.headerFooter.oddFooter).toContain('&P/&N');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: numbers, xSplit: 3 });
    expect(ws.getColumn(1).hidden).toBe(true);
    expect(ws.getRow(1).hidden).toBe(true);
    const kd = sheet(wb, 'Biểu KD');
    expect(kd.pageSetup.printTitlesRow).toBe(`${Number(findCell(kd, 'STT')?.row)}:${rowOf(kd, 'required') - 1}`);
  });
});
