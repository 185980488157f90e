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
    // FORMS.md "Reports as they are printed": grassroots organisations and cells under a committee have their own nouns.
    expect(hd21.TC.subjectOf('tccsd.graded', 'total')).toBe('organisation');
    expect(hd21.TC.subjectOf('tccsd.dang_bo.graded.htt_up', 'total')).toBe('organisation');
    expect(hd21.TC.subjectOf('truc_thuoc.chi_bo.graded', 'total')).toBe('cell');
    expect(hd21.TC.subjectOf('truc_thuoc.dang_bo_bo_phan.total', 'total')).toBe('sub_committee');
    expect(hd21.TC.subjectOf('truc_thuoc.graded', 'total')).toBe('sub_organisation');
    expect(hd21.DV.subjectOf('graded', 'total')).toBe('member');
    expect(hd21.TT.subjectOf('co_so.graded.htt_up', 'total')).toBe('collective');
    expect(hd21.CN.subjectOf('co_so', 'htt_up')).toBe('leader');
  });
  it('has the rows and the column reports print beyond the forms ("HTT trở lên"), never among the printed ones', () => {
    const extra = (f: keyof typeof hd21) => hd21[f].extraRows.map((r) => r.code);
    expect(extra('TC')).toEqual([
      'tccsd.dang_bo.graded.htt_up',
      'tccsd.chi_bo.graded.htt_up',
      'truc_thuoc.dang_bo_bo_phan.graded.htt_up',
      'truc_thuoc.chi_bo.graded.htt_up',
      'tccsd.graded.htt_up',
      'truc_thuoc.graded.htt_up',
    ]);
    expect(extra('DV')).toEqual(['graded.htt_up']);
    expect(extra('TT')).toEqual(['tinh.graded.htt_up', 'huyen.graded.htt_up', 'co_so.graded.htt_up']);
    expect(hd43.TT.extraRows.map((r) => r.code)).toEqual(['tinh.graded.htt_up', 'co_so.graded.htt_up']);
    expect(extra('KD')).toEqual([]);
    expect(hd21.DV.extraRows[0]).toMatchObject({ label: 'Hoàn thành tốt nhiệm vụ trở lên', grouping: ['graded.htxs', 'graded.htt'] });
    expect(hd21.TC.extraRows.find((r) => r.code === 'tccsd.graded.htt_up')?.derivedFrom).toEqual(['tccsd.dang_bo.graded.htt_up', 'tccsd.chi_bo.graded.htt_up']);
    expect(hd21.CN.extraColumns).toEqual([expect.objectContaining({ code: 'htt_up', grouping: ['htxs', 'htt'] })]);
    for (const f of ['KD', 'TC', 'DV', 'TT', 'CN'] as const) {
      expect(hd21[f].rows.some((r) => r.code.endsWith('htt_up'))).toBe(false);
      expect(hd21[f].columns.some((c) => c.code === 'htt_up')).toBe(false);
    }
  });
});
