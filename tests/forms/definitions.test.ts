/** The forms as data, per rule set (FORMS.md §1–2). */
import { describe, expect, it } from 'vitest';
import { childColumns, getFormDefinitions } from '../../src/domain/forms/index.js';

describe('form definitions', () => {
  const hd21 = getFormDefinitions('QD132-HD21');
  const hd43 = getFormDefinitions('QD366-HD43');
  const cols = (f: keyof typeof hd21, defs = hd21) => defs[f].columns.map((c) => c.code);
  const rows = (f: keyof typeof hd21, defs = hd21) => defs[f].rows.map((r) => r.code);

  it('has thi_tran until 2025 and dac_khu from 2025 (FORMS.md §1)', () => {
    expect(cols('DV')).toContain('thi_tran');
    expect(cols('DV')).not.toContain('dac_khu');
    expect(cols('TC', hd43)).toContain('dac_khu');
    expect(cols('TC', hd43)).not.toContain('thi_tran');
  });
  it('relates parent and child columns as FORMS.md §1 says', () => {
    const dv = hd21.DV;
    expect(childColumns(dv, 'dvsn').map((c) => c.code)).toEqual(['dvsn.cong_lap', 'dvsn.ngoai_cong_lap']);
    expect(childColumns(dv, 'dn').map((c) => c.code)).toEqual(['dn.nn', 'dn.ngoai', 'dn.htx']);
    expect(childColumns(dv, 'dn.nn').map((c) => c.code)).toEqual(['dn.nn.100', 'dn.nn.tu_50', 'dn.nn.duoi_50']);
    expect(childColumns(dv, 'dn.ngoai').map((c) => c.code)).toEqual([
      'dn.ngoai.cp', 'dn.ngoai.tn', 'dn.ngoai.tnhh', 'dn.ngoai.hop_danh', 'dn.ngoai.fdi',
    ]);
    expect(dv.columns.find((c) => c.code === 'dn.ngoai.fdi.trong_do_100')).toMatchObject({ parent: null, subsetOf: 'dn.ngoai.fdi' });
    expect(childColumns(dv, 'total').map((c) => c.code)).toEqual([
      'xa', 'phuong', 'thi_tran', 'co_quan_dang', 'co_quan_nha_nuoc', 'dvsn', 'quan_doi', 'cong_an', 'dn', 'ngoai_nuoc', 'khac',
    ]);
    expect(childColumns(hd21.CN, 'graded').map((c) => c.code)).toEqual(['htxs', 'htt', 'ht', 'kht']);
  });
  it('has the derived tccsd.X and truc_thuoc.X rows of TC', () => {
    expect(hd21.TC.rows.find((r) => r.code === 'tccsd.graded.htxs')?.derivedFrom).toEqual([
      'tccsd.dang_bo.graded.htxs',
      'tccsd.chi_bo.graded.htxs',
    ]);
    expect(rows('TC')).toContain('truc_thuoc.not_graded.new');
  });
  it('has TT and CN sections per level; no district level from 2025', () => {
    expect(rows('TT')).toContain('huyen.kht.key_targets');
    expect(rows('TT', hd43)).not.toContain('huyen.total');
    expect(rows('CN')).toEqual(expect.arrayContaining(['huyen', 'huyen.pho_phong', 'co_so', 'co_so.uv_bch', 'tinh']));
    expect(rows('CN', hd43)).not.toContain('huyen');
    expect(rows('KD', hd43)).not.toContain('suggested.huyen');
    expect(hd21.CN.identities.find((i) => i.whole === 'co_so')?.parts).toEqual(['co_so.bi_thu', 'co_so.pho_bi_thu', 'co_so.uv_bch']);
  });
  it('labels rows and columns in Vietnamese', () => {
    expect(hd21.DV.columns.find((c) => c.code === 'xa')?.label).toBe('Xã');
    expect(hd21.KD.rows.find((r) => r.code === 'suggested.huyen')?.label).toBe('Thuộc diện Ban Thường vụ cấp huyện quản lý');
  });
  it('knows who each form counts', () => {
    expect(hd21.KD.subjectOf('reviewed', 'collective')).toBe('collective');
    expect(hd21.KD.subjectOf('reviewed', 'individual')).toBe('individual');
    expect(hd21.TC.subjectOf('truc_thuoc.chi_bo.graded', 'total')).toBe('organisation');
    expect(hd21.DV.subjectOf('graded', 'total')).toBe('member');
  });
});
