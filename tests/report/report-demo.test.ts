/**
 * The demo district's 2022 report, read back from the generated .docx, states every count of the
 * seed's narrative section I (331-BC/HU) and every percentage rounded half-up (17,65% where the
 * seed printed 17,64%), with "chi bộ" where the seed wrote "đồng chí" for cells; its form-values
 * document passes the checker with no error. Expected strings come from the seed's numbers and the
 * small independent arithmetic in docx-text.ts, never from the code under test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDistrict } from '../../src/demo/load.js';
import { checkFormValues } from '../../src/domain/forms/index.js';
import type { ReportModel } from '../../src/reports/report-types.js';
import { renderReport } from '../../src/services/reports.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';
import { docxParagraphs, docxText, expectedCount as n, expectedPercent as pct } from './docx-text.js';

let t: TestDb;
let text: string;
let paragraphs: string[];
let footnotes: string[];
let model: ReportModel;

/** The paragraph containing `start`; fails naming it when absent. */
function para(start: string): string {
  const found = paragraphs.find((p) => p.includes(start));
  expect(found, `a paragraph with «${start}»`).toBeDefined();
  return found ?? '';
}

beforeAll(async () => {
  t = await createTestDb();
  await loadDemoDistrict(t.db);
  const out = await renderReport(t.db, { unitCode: 'HU-TAMDUONG', year: 2022 }, { format: 'docx' });
  model = out.model;
  paragraphs = docxParagraphs(out.bytes);
  footnotes = docxParagraphs(out.bytes, 'word/footnotes.xml');
  text = docxText(out.bytes);
});

afterAll(async () => {
  await t.close();
});

describe('header, title and closing (HD 36)', () => {
  it('prints the issuing body, party title, number, place and date, title and signer', () => {
    for (const s of ['ĐẢNG BỘ TỈNH LAI CHÂU', 'HUYỆN ỦY TAM ĐƯỜNG', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Số 331-BC/HU', 'Tam Đường, ngày 10 tháng 01 năm 2023', 'BÁO CÁO']) {
      expect(paragraphs).toContain(s);
    }
    expect(text).toContain('Kết quả kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên và tập thể, cá nhân cán bộ lãnh đạo, quản lý các cấp năm 2022');
    for (const s of ['Nơi nhận:', '- Ban Tổ chức Tỉnh ủy,', 'T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ', 'Cao Trang Trọng']) expect(paragraphs).toContain(s);
  });

  it('starts from the seed prose for the demo district (section II) and keeps its headings', () => {
    expect(text).toContain('II. ĐÁNH GIÁ CHUNG');
    expect(para('Về kiểm điểm tự phê bình và phê bình:')).toContain('cầu thị, nghiêm túc');
    expect(text).toContain('3. Nhiệm vụ trong thời gian tới');
  });
});

describe('section I.2.1: review', () => {
  it('counts the topics assigned, naming their subjects', () => {
    expect(para('Số lượng tập thể được gợi ý kiểm điểm')).toContain('01 tập thể thuộc diện Ban Thường vụ Huyện ủy quản lý (Đảng ủy xã Khun Há)');
    expect(para('Số lượng cá nhân được gợi ý kiểm điểm')).toContain('01 cá nhân thuộc diện Ban Thường vụ Huyện ủy quản lý (Đồng chí Bí thư Đảng ủy xã Khun Há)');
    expect(para('Nội dung gợi ý kiểm điểm')).toContain('“Kiểm điểm sâu công tác lãnh đạo, chỉ đạo thực hiện Quy chế làm việc của Đảng ủy”');
  });

  it('counts the 409 collectives reviewed with the seed’s breakdown', () => {
    const breakdown: [string, number][] = [
      ['Ban Thường vụ Huyện ủy, Đảng bộ huyện, Thường trực HĐND huyện, tập thể lãnh đạo UBND huyện', 4],
      ['Thường trực HĐND cấp xã', 13],
      ['Tập thể UBND cấp xã', 13],
      ['Cơ quan tham mưu giúp việc Huyện ủy, Trung tâm Chính trị huyện', 6],
      ['Cơ quan, phòng, ban, đơn vị trực thuộc HĐND, UBND huyện', 18],
      ['Ban Thường trực Ủy ban MTTQ và Ban Thường vụ các đoàn thể chính trị - xã hội cấp huyện', 5],
      ['Ban Thường trực Ủy ban MTTQ và Ban Chấp hành các đoàn thể chính trị - xã hội cấp xã', 65],
      ['Chi bộ trực thuộc Đảng ủy cơ sở', 205],
    ];
    const total = breakdown.reduce((s, [, k]) => s + k, 0) + 29 + 51;
    expect(total).toBe(409);
    expect(para('Số lượng tập thể kiểm điểm')).toContain(`: ${n(total)}, trong đó:`);
    for (const [label, k] of breakdown) expect(paragraphs).toContain(`+ ${label}: ${n(k)}.`);
    expect(paragraphs).toContain('+ Cấp ủy cơ sở: 29 (16 đảng ủy, 13 chi ủy).');
    expect(paragraphs).toContain('+ Chi, đảng bộ cơ sở: 51 (16 đảng bộ, 35 chi bộ).');
  });

  it('counts individuals (2.543 members + 225 leaders) and the exemptions', () => {
    expect(para('Số lượng cá nhân kiểm điểm')).toContain(`${n(2543 + 225)}, trong đó: đảng viên 2.543 đồng chí; cán bộ lãnh đạo, quản lý các cấp 225 đồng chí.`);
    expect(para('đảng viên miễn kiểm điểm')).toContain('122 đồng chí');
    expect(para('đảng viên không đánh giá, xếp loại chất lượng')).toContain(`${n(65 + 1)} đồng chí (đảng viên kết nạp chưa đủ 6 tháng: 65 đồng chí và đình chỉ sinh hoạt Đảng: 01 đồng chí)`);
  });
});

describe('section I.2.2.1: party organisations', () => {
  it('grades the 51 grassroots organisations, rounded half-up on the graded base (17,65%, not the seed’s 17,64%)', () => {
    expect(pct(9, 51)).toBe('17,65');
    expect(para('Đối với tổ chức cơ sở đảng')).toContain('Tổng có 51 tổ chức cơ sở đảng; số đã được đánh giá, xếp loại 51, chiếm 100% tổng số tổ chức cơ sở đảng.');
    const grades: [string, number][] = [['Hoàn thành xuất sắc nhiệm vụ', 9], ['Hoàn thành tốt nhiệm vụ', 37], ['Hoàn thành nhiệm vụ', 5]];
    for (const [label, k] of grades) {
      expect(paragraphs).toContain(`- ${label}: ${n(k)}/51, chiếm ${pct(k, 51)}% số tổ chức cơ sở đảng được đánh giá, xếp loại.`);
    }
    expect(text).toContain('09/51, chiếm 17,65%');
    expect(text).toContain('37/51, chiếm 72,55%');
    expect(text).toContain('05/51, chiếm 9,80%');
    expect(text).not.toContain('17,64');
    expect(paragraphs).toContain('- Không hoàn thành nhiệm vụ: 0.');
  });

  it('grades the cells under committees with the noun "chi bộ" and names the two new cells in a footnote', () => {
    const head = para('Đối với chi bộ trực thuộc đảng ủy cơ sở');
    expect(head).toContain(`Tổng có 207 chi bộ trực thuộc đảng ủy cơ sở; số đã được đánh giá, xếp loại 205, chiếm ${pct(205, 207)}% tổng số chi bộ trực thuộc đảng ủy cơ sở,`);
    expect(head).toContain(`số không đánh giá, xếp loại 02, chiếm ${pct(2, 207)}% tổng số chi bộ trực thuộc đảng ủy cơ sở (do mới thành lập chưa đủ 6 tháng)`);
    expect(pct(2, 207)).toBe('0,97');
    const grades: [string, number][] = [['Hoàn thành xuất sắc nhiệm vụ', 31], ['Hoàn thành tốt nhiệm vụ', 151], ['Hoàn thành nhiệm vụ', 22], ['Không hoàn thành nhiệm vụ', 1]];
    for (const [label, k] of grades) {
      expect(paragraphs).toContain(`- ${label}: ${n(k)}/205 chi bộ, chiếm ${pct(k, 205)}% số chi bộ được đánh giá, xếp loại.`);
    }
    expect(text).toContain('31/205 chi bộ, chiếm 15,12%');
    expect(text).toContain('01/205 chi bộ, chiếm 0,49%');
    expect(text).not.toMatch(/\/205 đồng chí/);
    const note = footnotes.find((f) => f.includes('Nung Nàng'));
    expect(note).toContain('Trường Tiểu học & THCS xã Nung Nàng');
    expect(note).toContain('Trường Tiểu học & THCS xã Hồ Thầu');
  });
});

describe('section I.2.2.2: members', () => {
  it('states members at the reference date, graded and not graded with their shares of the total', () => {
    const head = para('Tổng số đảng viên đến thời điểm');
    expect(head).toContain('2.731 đồng chí');
    expect(head).toContain(`2.543 đồng chí, chiếm ${pct(2543, 2731)}% tổng số đảng viên`);
    expect(pct(2543, 2731)).toBe('93,12');
    expect(head).toContain(`188 đồng chí (đảng viên miễn công tác và sinh hoạt đảng: 122; đảng viên mới kết nạp chưa đủ 6 tháng: 65; đình chỉ sinh hoạt đảng: 01), chiếm ${pct(188, 2731)}%`);
  });

  it('grades the 2.543 members on the graded base', () => {
    const grades: [string, number][] = [['Hoàn thành xuất sắc nhiệm vụ', 344], ['Hoàn thành tốt nhiệm vụ', 2072], ['Hoàn thành nhiệm vụ', 90], ['Không hoàn thành nhiệm vụ', 37]];
    for (const [label, k] of grades) {
      expect(paragraphs).toContain(`- ${label} ${n(k)}/2.543 đồng chí, chiếm ${pct(k, 2543)}% số đảng viên được đánh giá, xếp loại chất lượng.`);
    }
    expect(text).toContain('344/2.543 đồng chí, chiếm 13,53%');
  });
});

describe('sections I.2.2.3–2.2.5: collectives, leaders, re-grading', () => {
  it('grades 149 collectives: 29 at the district, 120 at the grassroots, with the seed’s groups', () => {
    expect(paragraphs).toContain('Tổng số tập thể lãnh đạo, quản lý các cấp: 149, trong đó:');
    expect(para('- Cấp huyện có')).toContain('Cấp huyện có 29 tập thể; số đã được đánh giá, xếp loại 29 tập thể, đạt 100% tổng số tập thể cấp huyện.');
    expect(para('- Cấp cơ sở có')).toContain('Cấp cơ sở có 120 tập thể; số đã được đánh giá, xếp loại 120 tập thể, đạt 100% tổng số tập thể cấp cơ sở.');
    const lines = [
      'Các cơ quan chuyên trách tham mưu giúp việc Huyện ủy, Trung tâm Chính trị huyện: 06 (Hoàn thành xuất sắc nhiệm vụ 01, hoàn thành tốt nhiệm vụ 05).',
      'Ban Thường trực Ủy ban MTTQVN, Ban Thường vụ các đoàn thể chính trị - xã hội huyện: 05 (Hoàn thành xuất sắc nhiệm vụ 01, hoàn thành tốt nhiệm vụ 04).',
      'Các cơ quan, phòng, ban, đơn vị thuộc HĐND, UBND huyện: 18 (Hoàn thành xuất sắc nhiệm vụ 03, hoàn thành tốt nhiệm vụ 15).',
      'Đảng ủy cơ sở: 16 (Hoàn thành xuất sắc nhiệm vụ 03, hoàn thành tốt nhiệm vụ 12, không hoàn thành nhiệm vụ 01).',
      'Chi ủy cơ sở: 13 (Hoàn thành xuất sắc nhiệm vụ 01, hoàn thành tốt nhiệm vụ 10, hoàn thành nhiệm vụ 02).',
      'Thường trực HĐND các xã, thị trấn: 13 (Hoàn thành xuất sắc nhiệm vụ 02, hoàn thành tốt nhiệm vụ 10, không hoàn thành nhiệm vụ 01).',
      'Tập thể UBND các xã, thị trấn: 13 (Hoàn thành xuất sắc nhiệm vụ 03, hoàn thành tốt nhiệm vụ 10).',
      'Ban Thường trực Ủy ban MTTQVN, Ban Chấp hành các đoàn thể chính trị - xã hội cấp xã: 65 (Hoàn thành xuất sắc nhiệm vụ 09, hoàn thành tốt nhiệm vụ 52, hoàn thành nhiệm vụ 02, không hoàn thành nhiệm vụ 02).',
    ];
    for (const l of lines) expect(paragraphs).toContain(`+ ${l}`);
  });

  it('grades 225 leaders: 64 at the district, 161 at the grassroots, and the 3 graded by the province', () => {
    expect(para('Tổng số cá nhân cán bộ lãnh đạo')).toContain(`${n(64 + 161)} cá nhân`);
    expect(paragraphs).toContain('- Cấp huyện: 64 đồng chí, cụ thể:');
    expect(paragraphs).toContain('- Cấp cơ sở: 161 đồng chí, cụ thể:');
    const btv = para('+ Ủy viên Ban Thường vụ Huyện ủy');
    expect(btv).toContain('07 đồng chí (Hoàn thành xuất sắc nhiệm vụ 02, hoàn thành tốt nhiệm vụ 05)');
    expect(btv).toContain('Riêng 03 đồng chí Thường trực Huyện ủy đề nghị Ban Thường vụ Tỉnh ủy xếp loại (hoàn thành xuất sắc nhiệm vụ 01, hoàn thành tốt nhiệm vụ 02)');
    expect(text).toContain('01 đồng chí (Hoàn thành tốt nhiệm vụ 01)');
    expect(text).toContain('12 đồng chí (Hoàn thành tốt nhiệm vụ 12)');
    expect(text).toContain('13 đồng chí (Hoàn thành xuất sắc nhiệm vụ 02, hoàn thành tốt nhiệm vụ 11)');
    expect(text).toContain('31 đồng chí (Hoàn thành xuất sắc nhiệm vụ 05, hoàn thành tốt nhiệm vụ 26)');
    expect(text).toContain('13 đồng chí (Hoàn thành xuất sắc nhiệm vụ 01, hoàn thành tốt nhiệm vụ 11, không hoàn thành nhiệm vụ 01)');
    expect(text).toContain('20 đồng chí (Hoàn thành xuất sắc nhiệm vụ 04, hoàn thành tốt nhiệm vụ 16)');
    expect(text).toContain('128 đồng chí (Hoàn thành xuất sắc nhiệm vụ 12, hoàn thành tốt nhiệm vụ 111, hoàn thành nhiệm vụ 03, không hoàn thành nhiệm vụ 02)');
  });

  it('counts the 10 members re-graded after appraisal', () => {
    expect(para('Qua rà soát, thẩm định')).toContain('có 10 đảng viên được đề nghị đánh giá, xếp loại lại.');
  });
});

describe('the report’s form-values document', () => {
  it('carries the report number and date on every annex and a claim for every printed form number; the checker finds no error', () => {
    expect(model.values.report).toEqual({ number: '331-BC/HU', date: '2023-01-10', rounding: 'half-up' });
    for (const f of Object.values(model.values.forms)) expect(f?.meta).toMatchObject({ reportNumberPrinted: '331-BC/HU', reportDatePrinted: '2023-01-10' });
    expect(model.claims.length).toBeGreaterThan(60);
    expect(model.claims).toContainEqual(expect.objectContaining({ form: 'TC', row: 'tccsd.graded.htxs', value: 9, base: 'tccsd.graded', percent: '17,65' }));
    expect(model.claims).toContainEqual(expect.objectContaining({ form: 'TC', row: 'truc_thuoc.chi_bo.graded.kht', value: 1, noun: 'chi bộ', percent: '0,49' }));
    const errors = checkFormValues(model.values).filter((f) => f.severity === 'error');
    expect(errors).toEqual([]);
  });

  it('would be caught printing the seed’s truncated 17,64%', () => {
    const claims = model.claims.map((c) => (c.percent === '17,65' ? { ...c, percent: '17,64' } : c));
    const findings = checkFormValues({ ...model.values, claims });
    expect(findings.map((f) => f.code)).toContain('PCT_TRUNCATED');
  });

  it('puts the annexes at the end with the report number and date', () => {
    const attached = '(Kèm theo Báo cáo số 331-BC/HU, ngày 10 tháng 01 năm 2023 của Ban Thường vụ Huyện ủy)';
    expect(paragraphs.filter((p) => p === attached)).toHaveLength(5);
    expect(paragraphs).toContain('KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2022');
    expect(paragraphs.indexOf('KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2022')).toBeGreaterThan(paragraphs.indexOf('Cao Trang Trọng'));
  });
});

describe('§2.1.1 in the seed\'s order', () => {
  it('prints the topics and counts after "lấy ý kiến góp ý" and before "khắc phục" and "liên hệ"', () => {
    const at = (s: string) => {
      const i = paragraphs.findIndex((p) => p.startsWith(s));
      expect(i, s).toBeGreaterThanOrEqual(0);
      return i;
    };
    const sequence = [
      at('- Việc chuẩn bị báo cáo kiểm điểm:'),
      at('- Việc tổ chức lấy ý kiến góp ý vào báo cáo kiểm điểm'),
      at('- Việc gợi ý kiểm điểm:'),
      at('- Số lượng tập thể kiểm điểm, đánh giá, xếp loại chất lượng: 409'),
      at('- Số lượng cá nhân kiểm điểm, đánh giá, xếp loại chất lượng: 2.768'),
      at('- Số lượng đảng viên miễn kiểm điểm, đánh giá, xếp loại chất lượng 122'),
      at('- Số lượng đảng viên không đánh giá, xếp loại chất lượng 66'),
      at('- Việc khắc phục những hạn chế'),
      at('- Việc liên hệ các biểu hiện về suy thoái'),
      at('2.1.2. Tổ chức kiểm điểm'),
    ];
    expect([...sequence].sort((a, b) => a - b)).toEqual(sequence);
    expect(text).not.toContain('[số liệu]');
  });
});
