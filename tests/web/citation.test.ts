/** The check panel's citations and codes as a clerk reads them (issue #9; UI.md principles 1 and 4). */
import { describe, expect, it } from 'vitest';
import { SRC } from '../../src/domain/rules/sources.js';
import { plainRuleText, shortCitation } from '../../web/src/workspace/citation.js';

const t = (s: string) => s;

describe('citations on the pages', () => {
  it('keep the document and its article or clause, without notes, file names or web addresses', () => {
    expect(shortCitation('HD 21 [M: BTV cấp ủy cấp trên trực tiếp; regulations.md §2.6]; GUIDE.md §4.7')).toBe('HD 21');
    expect(shortCitation('QĐ 124, Điều 12 (KHT; xaydungchinhsach.chinhphu.vn)')).toBe('QĐ 124, Điều 12');
    expect(shortCitation(SRC.HD21_CAP_ORG)).toBe('HD 21, II.B.1.3');
    expect(shortCitation(`${SRC.HD21_MEMBER_HTXS}; ${SRC.HD21_MEMBER_KHT}; ${SRC.QD366_KHT}`)).toBe('HD 21, II.B.2.3; QĐ 366, Điều 11 khoản 4');
    expect(shortCitation('HD 21, II.B.3 — mang sang, không có trong QĐ 124 (cách đọc; tham số collectiveNotAboveOrganisation)')).toBe('HD 21, II.B.3');
  });

  it('name facts and parameters in words, never by their codes', () => {
    const note = plainRuleText('Chưa ghi dữ kiện «shortcomingsRemedied»: mức HTXS cần đã khắc phục (QĐ 366, Điều 11 khoản 1.4).', t);
    expect(note).toContain('«Đã khắc phục 100% hạn chế, khuyết điểm kỳ trước»');
    expect(note).toContain('(QĐ 366, Điều 11 khoản 1.4)');
    expect(plainRuleText('theo nhóm (tham số «capGroups»)', t)).not.toMatch(/capGroups/);
    expect(plainRuleText('cách đọc; tham số collectiveNotAboveOrganisation', t)).toBe('cách đọc; tham số của kỳ «tập thể không xếp cao hơn tổ chức, cơ quan, đơn vị»');
    const quoted = plainRuleText(`Tối đa HT (${SRC.HD21_CAP_ORG})`, t, SRC.HD21_CAP_ORG);
    expect(quoted).toBe('Tối đa HT (HD 21, II.B.1.3)');
  });
});
