/**
 * The printed layout of the forms, shared by the report's annexes and the workbook (issue 13): every
 * code placed once, a header grid without gaps or overlaps, the seed's columns, numbering, sections
 * and notes, the sections a unit's level cannot have left out, the paper and fonts it needs.
 */
import { describe, expect, it } from 'vitest';
import { RULE_SET_CODES, type RuleSetCode } from '../../src/domain/codes.js';
import { FORM_CODES, getFormDefinitions, type FormValuesDoc } from '../../src/domain/forms/index.js';
import { layoutForms, viLongDate, type FormLayout } from '../../src/reports/forms-layout.js';
import { signerBodyOf } from '../../src/reports/issuing-body.js';
import { fullDoc, SEED_TYPE_COLUMNS, seedDoc } from './fixtures.js';

const YEAR: Record<RuleSetCode, number> = { 'QD132-HD21': 2022, 'QD124-HD25': 2024, 'QD366-HD43': 2025 };
const form = (ls: readonly FormLayout[], code: string) => ls.find((l) => l.form === code) as FormLayout;
const lines = (l: FormLayout) => l.rows.map((r) => `${r.stt} ${r.label}`.trim());

describe.each(RULE_SET_CODES)('layoutForms under %s', (ruleSet) => {
  const layouts = layoutForms({ doc: fullDoc(ruleSet, YEAR[ruleSet]) });
  const defs = getFormDefinitions(ruleSet);

  it('prints every column of each form once, in the order of its definition', () => {
    for (const l of layouts) expect(l.columns.map((c) => c.code)).toEqual(defs[l.form].columns.map((c) => c.code));
  });

  it('prints every row of each form once (a derived row only when it says more than its parts)', () => {
    for (const l of layouts) {
      const printed = l.rows.filter((r) => r.code).map((r) => r.code);
      expect(printed).toHaveLength(new Set(printed).size);
      expect(new Set(printed)).toEqual(new Set(defs[l.form].rows.map((r) => r.code)));
    }
    const bare = layoutForms({ doc: { ...fullDoc(ruleSet, YEAR[ruleSet]), forms: {} } });
    expect(form(bare, 'TC').rows.filter((r) => r.code).map((r) => r.code)).toEqual(defs.TC.rows.filter((r) => !r.derivedFrom).map((r) => r.code));
  });

  it('covers the header grid exactly: each (row, column) by one header cell, the "Ghi chú" column included', () => {
    for (const l of layouts) {
      const width = l.columns.length + 2 + (l.notesColumn ? 1 : 0);
      const grid = Array.from({ length: l.headerDepth }, () => Array<number>(width).fill(0));
      for (const h of l.header) for (let r = h.row; r < h.row + h.rowSpan; r++) for (let c = h.col; c < h.col + h.colSpan; c++) (grid[r] as number[])[c]! += 1;
      expect(grid.flat().every((n) => n === 1), `${l.form} header grid`).toBe(true);
    }
  });

  it('prints at 9 pt or more, on A4 landscape where the table fits, else A3, never wider than the page', () => {
    for (const l of layouts) {
      expect(Math.min(l.fontSize, l.headerFontSize, l.numbersFontSize), l.form).toBeGreaterThanOrEqual(9);
      const width = l.sttWidthMm + l.labelWidthMm + (l.notesColumn?.widthMm ?? 0) + l.columns.reduce((s, c) => s + c.widthMm, 0);
      expect(width, l.form).toBeLessThanOrEqual(l.page.widthMm - l.page.margins.left - l.page.margins.right + 0.01);
      expect(l.page.orientation).toBe('landscape');
    }
    expect(layouts.map((l) => l.page.paper)).toEqual(['A4', 'A3', 'A3', 'A4', 'A4']);
  });
});


describe('as the seed prints its annexes', () => {
  const layouts = layoutForms({ doc: seedDoc(), level: 'huyen', issuer: 'Ban Thường vụ Huyện ủy', parentBody: 'Đảng bộ tỉnh Lai Châu' });

  it('numbers 6A and 6B as the seed: Công an 11, DN 12=12a+12b+12c, every sub-column beside its group', () => {
    for (const code of ['TC', 'DV']) {
      const l = form(layouts, code);
      expect(l.columns.map((c) => [c.code, c.number])).toEqual(SEED_TYPE_COLUMNS);
      expect(l.columns.every((c) => c.numberLines.join('') === c.number)).toBe(true);
      expect(l.numbered).toBe(true);
      expect(l.subtitle).toBe('CHIA THEO CÁC LOẠI HÌNH TỔ CHỨC CƠ SỞ ĐẢNG');
    }
  });

  it('KD: no numbered-columns row, an empty "Ghi chú" column; CN: "Ghi chú" numbered 10, total numbered 3', () => {
    const kd = form(layouts, 'KD');
    expect(kd.numbered).toBe(false);
    expect(kd.notesColumn).toMatchObject({ heading: 'Ghi chú', number: null });
    const cn = form(layouts, 'CN');
    expect(cn.notesColumn).toMatchObject({ heading: 'Ghi chú', number: '10' });
    expect(cn.columns.map((c) => c.number)).toEqual(['3', '4', '5=6+7+8+9', '6', '7', '8', '9']);
    expect(['TC', 'DV', 'TT'].map((f) => form(layouts, f).notesColumn)).toEqual([null, null, null]);
  });

  it('a district leaves CẤP TỈNH out of TT and CN: I is CẤP HUYỆN, II CẤP CƠ SỞ', () => {
    expect(lines(form(layouts, 'TT')).filter((l) => /^[IV]+ /.test(l))).toEqual(['I CẤP HUYỆN', 'II CẤP CƠ SỞ']);
    expect(lines(form(layouts, 'CN')).filter((l) => /^[IV]+ /.test(l))).toEqual(['I CẤP HUYỆN', 'II CẤP CƠ SỞ']);
    expect(lines(form(layouts, 'TT'))).toContain('1 Số có đến cuối năm (1=2+3)');
    const province = layoutForms({ doc: seedDoc(), level: 'tinh' });
    expect(lines(form(province, 'TT')).filter((l) => /^[IV]+ /.test(l))).toEqual(['I CẤP TỈNH', 'II CẤP HUYỆN', 'III CẤP CƠ SỞ']);
    // A section the data fills is printed whatever the level says.
    const filled = layoutForms({ doc: { ...seedDoc(), forms: { TT: { rows: { 'tinh.total': { total: 1 } } } } }, level: 'huyen' });
    expect(lines(form(filled, 'TT')).filter((l) => /^[IV]+ /.test(l))).toEqual(['I CẤP TỈNH', 'II CẤP HUYỆN', 'III CẤP CƠ SỞ']);
    expect(form(layouts, 'TT').omittedRows).toContain('tinh.total');
    const commune = layoutForms({ doc: { ...seedDoc(), forms: { CN: { rows: { co_so: { total: 1 }, 'co_so.bi_thu': { total: 1 } } } } }, level: 'co_so' });
    expect(lines(form(commune, 'CN')).filter((l) => /^[IV]+ /.test(l))).toEqual(['I CẤP CƠ SỞ']);
  });

  it('6A keeps every section a district can have, "I. ĐẢNG BỘ BỘ PHẬN" too, and prints no A/B total rows', () => {
    const tc = lines(form(layouts, 'TC'));
    expect(tc.filter((l) => /^([A-Z]|[IV]+) /.test(l))).toEqual(['A TỔ CHỨC CƠ SỞ ĐẢNG', 'I ĐẢNG BỘ CƠ SỞ', 'II CHI BỘ CƠ SỞ', 'B TỔ CHỨC ĐẢNG TRỰC THUỘC', 'I ĐẢNG BỘ BỘ PHẬN', 'II CHI BỘ TRỰC THUỘC ĐẢNG BỘ CƠ SỞ']);
    expect(tc[tc.indexOf('A TỔ CHỨC CƠ SỞ ĐẢNG') + 1]).toBe('I ĐẢNG BỘ CƠ SỞ');
    expect(tc[tc.indexOf('B TỔ CHỨC ĐẢNG TRỰC THUỘC') + 1]).toBe('I ĐẢNG BỘ BỘ PHẬN');
    expect(tc).toContain('1 Số đảng bộ cơ sở có đến cuối năm');
    expect(tc).toContain('1 Số chi bộ cơ sở có đến cuối năm');
  });

  it('marks the leader rows (1)–(3) and lists the notes under the table, numbered over the rows printed', () => {
    const cn = form(layouts, 'CN');
    expect(lines(cn)).toEqual(expect.arrayContaining(['3 Ủy viên Ban Thường vụ (1)', '5 Trưởng các phòng, ban là Ủy viên BCH (2)', '3 Ủy viên Ban Chấp hành (3)']));
    expect(cn.footnotes).toEqual([
      '(1) Ủy viên BTV các huyện, thành phố trực thuộc tỉnh, không tính Bí thư, Phó bí thư',
      '(2) Trưởng các phòng, ban là Ủy viên BCH, không tính Ủy viên BTV',
      '(3) Ủy viên BCH các xã, phường, thị trấn, không tính Bí thư, Phó bí thư',
    ]);
    const province = form(layoutForms({ doc: seedDoc(), level: 'tinh' }), 'CN');
    expect(province.footnotes).toHaveLength(5);
    expect(lines(province)).toContain('3 Ủy viên Ban Thường vụ Tỉnh ủy (1)');
    expect(lines(province)).toContain('3 Ủy viên Ban Thường vụ (3)');
  });

  it('heads each annex with the issuing body, "THỐNG KÊ", the title, the annex line and "Biểu số"', () => {
    const cn = form(layouts, 'CN');
    expect(cn.issuerLines).toEqual(['ĐẢNG BỘ TỈNH LAI CHÂU', 'HUYỆN ỦY TAM ĐƯỜNG']);
    expect(cn.titleLines).toEqual(['THỐNG KÊ', 'KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÁN BỘ LÃNH ĐẠO, QUẢN LÝ NĂM 2022']);
    expect(cn.attachedLine).toBe('(Kèm theo Báo cáo số 331-BC/HU, ngày 10 tháng 01 năm 2023 của Ban Thường vụ Huyện ủy)');
    expect(cn.codeLine).toBe('Biểu số GDH');
    const dv = form(layouts, 'DV');
    expect([...dv.titleLines, dv.yearLine]).toEqual(['THỐNG KÊ', 'KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN', 'Năm 2022']);
    expect(form(layouts, 'KD').codeLine).toBeNull();
  });
});

describe('derived rows (FORMS.md §2 tccsd.X, truc_thuoc.X)', () => {
  const base = seedDoc();
  const withDerived = (cells: Record<string, number>): FormValuesDoc => ({
    ...base,
    forms: { ...base.forms, TC: { rows: { ...base.forms.TC?.rows, 'tccsd.total': cells } } },
  });

  it('are not printed when they are the sum of their parts, and named for the reader to re-derive', () => {
    const parts = [base.forms.TC?.rows['tccsd.dang_bo.total'] ?? {}, base.forms.TC?.rows['tccsd.chi_bo.total'] ?? {}];
    const sum: Record<string, number> = {};
    for (const cells of parts) for (const [col, n] of Object.entries(cells)) sum[col] = (sum[col] ?? 0) + n;
    const tc = form(layoutForms({ doc: withDerived(sum) }), 'TC');
    expect(tc.rows.some((r) => r.code === 'tccsd.total')).toBe(false);
    expect(tc.derivedRows).toEqual(['tccsd.total']);
  });

  it('are printed, under their heading, when they say more than their parts (a report that printed only the whole)', () => {
    const tc = form(layoutForms({ doc: withDerived({ total: 60 }) }), 'TC');
    expect(lines(tc).slice(0, 3)).toEqual(['A TỔ CHỨC CƠ SỞ ĐẢNG', '1 Số có đến cuối năm', '2 Số được đánh giá, xếp loại chất lượng']);
    expect(tc.derivedRows).toEqual([]);
  });
});

describe('layout details', () => {
  it('follows the rule set: Thị trấn until 2025, Đặc khu from then; no district rows after 2025', () => {
    const old = layoutForms({ doc: fullDoc('QD132-HD21', 2022) });
    const now = layoutForms({ doc: fullDoc('QD366-HD43', 2025) });
    const labels = (ls: typeof old, f: string) => form(ls, f).columns.map((c) => c.path.join(' / '));
    expect(labels(old, 'DV')).toContain('Thị trấn');
    expect(labels(now, 'DV')).toContain('Đặc khu');
    expect(labels(now, 'DV')).not.toContain('Thị trấn');
    expect(form(now, 'KD').rows.filter((r) => r.code?.startsWith('suggested.')).map((r) => r.stt)).toEqual(['4.1', '4.2', '', '']);
    expect(form(now, 'TT').rows.filter((r) => r.kind === 'heading').map((r) => r.label)).toEqual(['CẤP TỈNH', 'CẤP CƠ SỞ']);
    expect(form(now, 'CN').footnotes).toContain('(3) Ủy viên BCH các xã, phường, đặc khu, không tính Bí thư, Phó bí thư');
  });

  it('words the annex line from the report, and from the annex meta where the report is silent', () => {
    const doc = seedDoc();
    const [kd] = layoutForms({ doc, issuer: 'Ban Thường vụ Huyện ủy' });
    expect(kd?.attachedLine).toBe('(Kèm theo Báo cáo số 331-BC/HU, ngày 10 tháng 01 năm 2023 của Ban Thường vụ Huyện ủy)');
    const silent = layoutForms({ doc: { ...doc, report: {} } });
    expect(form(silent, 'TT').attachedLine).toBe('(Kèm theo Báo cáo số ……, ngày 01 tháng 01 năm 2023 của Huyện ủy Tam Đường)');
    expect(viLongDate('2023-01-10')).toBe('ngày 10 tháng 01 năm 2023');
  });

  it('prints the annex line with blanks to fill in when the document names no report (issue 4 item 4)', () => {
    const noReport = layoutForms({ doc: fullDoc('QD132-HD21', 2022) });
    expect(noReport.map((l) => l.attachedLine)).toEqual(Array(5).fill('(Kèm theo Báo cáo số ……, ngày …… tháng …… năm …… của ……)'));
    const district = layoutForms({ doc: { ...fullDoc('QD132-HD21', 2022), unit: { code: 'HU-TAMDUONG', name: 'Đảng bộ huyện Tam Đường' } } });
    expect(district[0]?.attachedLine).toBe('(Kèm theo Báo cáo số ……, ngày …… tháng …… năm …… của Huyện ủy Tam Đường)');
  });

  it('heads each form with the committee that issues it, as the report does (issuingBodyOf)', () => {
    const doc = { ...fullDoc('QD132-HD21', 2022), unit: { code: 'HU-TAMDUONG', name: 'Đảng bộ huyện Tam Đường' } };
    expect(layoutForms({ doc, parentBody: 'Đảng bộ tỉnh Lai Châu' })[0]?.issuerLines).toEqual(['ĐẢNG BỘ TỈNH LAI CHÂU', 'HUYỆN ỦY TAM ĐƯỜNG']);
    const commune = { ...doc, unit: { code: 'TD-DU-KHUNHA', name: 'Đảng bộ xã Khun Há' } };
    expect(layoutForms({ doc: commune, parentBody: 'Đảng bộ huyện Tam Đường' })[0]?.issuerLines).toEqual(['ĐẢNG BỘ HUYỆN TAM ĐƯỜNG', 'ĐẢNG ỦY XÃ KHUN HÁ']);
    expect(layoutForms({ doc, issuingBody: 'Ban Thường vụ Huyện ủy Tam Đường' })[0]?.issuerLines).toEqual(['BAN THƯỜNG VỤ HUYỆN ỦY TAM ĐƯỜNG']);
  });

  it('names the report\'s signer after "của": "T/M BAN THƯỜNG VỤ" of Huyện ủy Tam Đường → "Ban Thường vụ Huyện ủy"', () => {
    expect(signerBodyOf({ signerAuthority: 'T/M BAN THƯỜNG VỤ', issuingBody: 'Huyện ủy Tam Đường' })).toBe('Ban Thường vụ Huyện ủy');
    expect(signerBodyOf({ signerAuthority: 'T/M BAN THƯỜNG VỤ', issuingBody: 'Đảng ủy xã Khun Há' })).toBe('Ban Thường vụ Đảng ủy');
    expect(signerBodyOf({ signerAuthority: 'T/M ĐẢNG ỦY', issuingBody: 'Đảng ủy xã Khun Há' })).toBe('Đảng ủy xã Khun Há');
    expect(signerBodyOf({ signerAuthority: 'T/M CHI ỦY', issuingBody: 'Chi bộ Tổ dân phố số 1' })).toBe('Chi ủy');
    expect(signerBodyOf({ signerAuthority: 'BÍ THƯ', issuingBody: 'Chi bộ Tổ dân phố số 1' })).toBe('Chi bộ Tổ dân phố số 1');
  });

  it('takes A3 and, only if it must, a smaller font — never under 9 pt — for very large numbers', () => {
    const doc = seedDoc();
    const huge = Object.fromEntries(getFormDefinitions('QD132-HD21').DV.columns.map((c) => [c.code, 123_456_789]));
    const big = form(layoutForms({ doc: { ...doc, forms: { DV: { rows: { total: huge } } } } }), 'DV');
    expect(big.page.paper).toBe('A3');
    expect(big.fontSize).toBeGreaterThanOrEqual(9);
    expect(big.fontSize).toBeLessThan(form(layoutForms({ doc }), 'DV').fontSize);
  });

  it('keeps the forms in the order of FORMS.md §2', () => {
    expect(layoutForms({ doc: seedDoc() }).map((l) => l.form)).toEqual([...FORM_CODES]);
  });
});
