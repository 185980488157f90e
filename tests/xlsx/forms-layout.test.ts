/** The printed layout of the forms: every code placed once, a header grid without gaps or overlaps. */
import { describe, expect, it } from 'vitest';
import { RULE_SET_CODES, type RuleSetCode } from '../../src/domain/codes.js';
import { FORM_CODES, getFormDefinitions } from '../../src/domain/forms/index.js';
import { layoutForms, viLongDate } from '../../src/reports/forms-layout.js';
import { fullDoc, seedDoc } from './fixtures.js';

const YEAR: Record<RuleSetCode, number> = { 'QD132-HD21': 2022, 'QD124-HD25': 2024, 'QD366-HD43': 2025 };

describe.each(RULE_SET_CODES)('layoutForms under %s', (ruleSet) => {
  const layouts = layoutForms({ doc: fullDoc(ruleSet, YEAR[ruleSet]) });
  const defs = getFormDefinitions(ruleSet);

  it('prints every column of each form once, in the order of its definition', () => {
    for (const l of layouts) expect(l.columns.map((c) => c.code)).toEqual(defs[l.form].columns.map((c) => c.code));
  });

  it('prints every row of each form once (derived rows only when the document states them)', () => {
    for (const l of layouts) {
      const printed = l.rows.filter((r) => r.code).map((r) => r.code);
      expect(printed).toHaveLength(new Set(printed).size);
      expect(new Set(printed)).toEqual(new Set(defs[l.form].rows.map((r) => r.code)));
    }
    const bare = layoutForms({ doc: { ...fullDoc(ruleSet, YEAR[ruleSet]), forms: {} } });
    const tc = bare.find((l) => l.form === 'TC');
    expect(tc?.rows.filter((r) => r.code).map((r) => r.code)).toEqual(defs.TC.rows.filter((r) => !r.derivedFrom).map((r) => r.code));
  });

  it('covers the header grid exactly: each (row, column) by one header cell', () => {
    for (const l of layouts) {
      const grid = Array.from({ length: l.headerDepth }, () => Array<number>(l.columns.length + 2).fill(0));
      for (const h of l.header) for (let r = h.row; r < h.row + h.rowSpan; r++) for (let c = h.col; c < h.col + h.colSpan; c++) (grid[r] as number[])[c]! += 1;
      expect(grid.flat().every((n) => n === 1), `${l.form} header grid`).toBe(true);
    }
  });
});

describe('layout details', () => {
  it('follows the rule set: Thị trấn until 2025, Đặc khu from then; no district rows after 2025', () => {
    const old = layoutForms({ doc: fullDoc('QD132-HD21', 2022) });
    const now = layoutForms({ doc: fullDoc('QD366-HD43', 2025) });
    const labels = (ls: typeof old, form: string) => ls.find((l) => l.form === form)?.columns.map((c) => c.path.join(' / '));
    expect(labels(old, 'DV')).toContain('Thị trấn');
    expect(labels(now, 'DV')).toContain('Đặc khu');
    expect(labels(now, 'DV')).not.toContain('Thị trấn');
    const kd = now.find((l) => l.form === 'KD');
    expect(kd?.rows.filter((r) => r.code?.startsWith('suggested.')).map((r) => r.stt)).toEqual(['4.1', '4.2', '', '']);
    expect(now.find((l) => l.form === 'TT')?.rows.filter((r) => r.kind === 'heading').map((r) => r.label)).toEqual(['CẤP TỈNH', 'CẤP CƠ SỞ']);
  });

  it('words the annex line from the report, and from the annex meta where the report is silent', () => {
    const doc = seedDoc();
    const [kd] = layoutForms({ doc, issuer: 'Ban Thường vụ Huyện ủy' });
    expect(kd?.attachedLine).toBe('(Kèm theo Báo cáo số 331-BC/HU, ngày 10 tháng 01 năm 2023 của Ban Thường vụ Huyện ủy)');
    const silent = layoutForms({ doc: { ...doc, report: {} } });
    expect(silent.find((l) => l.form === 'TT')?.attachedLine).toBe('(Kèm theo Báo cáo số ……, ngày 01 tháng 01 năm 2023 của Huyện ủy Tam Đường)');
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
    expect(viLongDate('2023-01-10')).toBe('ngày 10 tháng 01 năm 2023');
  });

  it('keeps the forms in the order of FORMS.md §2', () => {
    expect(layoutForms({ doc: seedDoc() }).map((l) => l.form)).toEqual([...FORM_CODES]);
  });
});
