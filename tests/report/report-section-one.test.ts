/**
 * Section I of the demo district's 2022 report, read back from the .docx, against the claims of its
 * form-values document (FORMS.md §3): every number printed is claimed or is listed below as a number
 * that is not a form's (dates, document numbers, headings, the rule's "6 tháng", counts no form can
 * hold); every claimed percentage is printed as claimed and names its base (GUIDE.md §5); the
 * individuals reviewed agree with the review form (KD) and the difference is explained (GUIDE.md §3).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDistrict } from '../../src/demo/load.js';
import type { ReportModel } from '../../src/reports/report-types.js';
import { renderReport } from '../../src/services/reports.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';
import { docxParagraphs } from './docx-text.js';

let t: TestDb;
let section: string[];
let model: ReportModel;

beforeAll(async () => {
  t = await createTestDb();
  await loadDemoDistrict(t.db);
  const out = await renderReport(t.db, { unitCode: 'HU-TAMDUONG', year: 2022 }, { format: 'docx' });
  model = out.model;
  const ps = docxParagraphs(out.bytes);
  section = ps.slice(ps.indexOf('I. TÌNH HÌNH TRIỂN KHAI VÀ KẾT QUẢ THỰC HIỆN'), ps.indexOf('II. ĐÁNH GIÁ CHUNG'));
  // Section I's footnotes (the deployment notice, the new cells) belong to it too.
  section.push(...docxParagraphs(out.bytes, 'word/footnotes.xml'));
});

afterAll(async () => {
  await t.close();
});

/** Numbers printed that no form holds, each with why; removed from a paragraph before the check. */
const NOT_FORM_NUMBERS: { pattern: RegExp; why: string }[] = [
  { pattern: /^\d+(\.\d+)+\.\s/, why: 'heading numbers (2.1.1.)' },
  { pattern: /\d{1,2}\/\d{1,2}\/\d{4}/g, why: 'dates of cited documents in the staff’s prose' },
  { pattern: /\d+-[A-ZĐ]+\/[A-ZĐ]+/g, why: 'document numbers (22-QĐ/TU, 145-KH/HU, 477-TB/HU)' },
  { pattern: /năm \d{4}/g, why: 'the cycle year and years in the prose' },
  { pattern: /[Bb]iểu (số )?\d+[A-Z]+/g, why: 'annex codes (biểu 6A)' },
  { pattern: /\d+ tháng/g, why: 'the rule’s period (HD 21: chưa đủ 6 tháng)' },
  { pattern: /\d+(,\d+)? ngày/g, why: 'meeting lengths and working days in the staff’s prose (1,5 ngày, 03 ngày làm việc)' },
  { pattern: /^Chi bộ \d+ – /g, why: 'names of cells in the footnote (Chi bộ 8 – …)' },
  { pattern: /, Chi bộ \d+ – /g, why: 'names of cells in the footnote' },
  // Counts of the records that no form can hold (report-groups.ts): the claim format names one cell.
  { pattern: /^\+ (Cơ quan tham mưu|Cơ quan, phòng, ban|Các cơ quan chuyên trách|Các cơ quan, phòng, ban).*$/, why: 'advisory bodies and departments share one TT column (phong_ban), split by name' },
  { pattern: /^\+ Chi, đảng bộ cơ sở: .*$/, why: 'grassroots organisations reviewed, by kind: KD holds only the total of collectives' },
  { pattern: /^\+ Ban Thường trực Ủy ban MTTQVN, Ban Chấp hành các đoàn thể.*$/, why: 'MTTQ and mass organisations span two TT columns' },
  { pattern: /Riêng \d+ đồng chí[^.]*\./, why: 'leaders graded by the superior are in no form of this unit' },
  { pattern: /\d+ đồng chí cán bộ lãnh đạo, quản lý kiểm điểm tại/, why: 'the same leaders graded by the superior' },
  { pattern: /có \d+ đảng viên được đề nghị đánh giá, xếp loại lại/, why: 're-grading is kept in the evaluations’ history, not in a form' },
];

const NUMBER = /\d+(?:\.\d{3})*(?:,\d+)?/g;
const asValue = (s: string) => Number(s.replace(/\./g, ''));

describe('section I: every printed number', () => {
  it('has a claim with its value (or its percentage), or is listed as a number no form holds', () => {
    const values = new Set(model.claims.map((c) => c.value));
    const percents = new Set(model.claims.flatMap((c) => (c.percent ? [c.percent] : [])));
    const unclaimed: string[] = [];
    let checked = 0;
    for (const p of section) {
      let rest = p;
      // A sum across forms (DV + CN) is not one cell: its parts are claimed and printed right after it.
      const sum = /: (\d[\d.]*), trong đó: đảng viên (\d[\d.]*) đồng chí; cán bộ lãnh đạo, quản lý các cấp (\d[\d.]*) đồng chí/.exec(rest);
      if (sum) {
        expect(asValue(sum[1] ?? '')).toBe(asValue(sum[2] ?? '') + asValue(sum[3] ?? ''));
        rest = rest.replace(`: ${sum[1]}, trong đó`, ': , trong đó');
      }
      for (const { pattern } of NOT_FORM_NUMBERS) rest = rest.replace(pattern, ' ');
      for (const m of rest.matchAll(NUMBER)) {
        checked += 1;
        const s = m[0];
        const isPercent = rest.slice((m.index ?? 0) + s.length).startsWith('%');
        const ok = isPercent ? percents.has(s) : values.has(asValue(s));
        if (!ok) unclaimed.push(`${s} in «${p.slice(0, 90)}…»`);
      }
    }
    expect(unclaimed).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it('claims no percentage the text does not print, and zeros as printed (bare "0", no percent, no noun)', () => {
    const text = section.join('\n');
    const missing = model.claims.filter((c) => c.percent !== undefined && !text.includes(` ${c.percent}%`));
    expect(missing).toEqual([]);
    expect(model.claims.filter((c) => c.row === 'tccsd.not_graded')).toEqual([]);
    expect(model.claims).toContainEqual({ form: 'TC', row: 'tccsd.graded.kht', col: 'total', value: 0, noun: null });
    expect(section).toContain('- Không hoàn thành nhiệm vụ: 0.');
  });

  it('names the base of every percentage', () => {
    const bare = section.flatMap((p) => [...p.matchAll(/\d%(?! (tổng )?số )/g)].map(() => p.slice(0, 120)));
    expect(bare).toEqual([]);
    expect(section.join('\n')).toContain('đạt 100% tổng số tập thể cấp huyện');
  });
});

describe('section I: individuals reviewed agree with the review form', () => {
  it('keeps the seed’s 2.768 with its parts, states KD’s 2.836 reviewed and explains the difference from the data', () => {
    const line = section.find((p) => p.startsWith('- Số lượng cá nhân kiểm điểm')) ?? '';
    expect(line).toContain('2.768, trong đó: đảng viên 2.543 đồng chí; cán bộ lãnh đạo, quản lý các cấp 225 đồng chí');
    expect(line).toContain('số lượt cá nhân đã kiểm điểm tự phê bình và phê bình là 2.836');
    expect(line).toContain('65 đảng viên mới kết nạp chưa đủ 6 tháng đã kiểm điểm nhưng chưa đánh giá, xếp loại chất lượng');
    expect(line).toContain('03 đồng chí cán bộ lãnh đạo, quản lý kiểm điểm tại Huyện ủy nhưng do Ban Thường vụ Tỉnh ủy đánh giá, xếp loại');
    // 2.836 = 2.543 graded + 65 new members reviewed, not graded + 228 leaders (225 + 3 graded by the province).
    expect(2543 + 65 + 225 + 3).toBe(2836);
    expect(model.values.forms.KD?.rows.reviewed?.individual).toBe(2836);
    expect(model.claims).toContainEqual({ form: 'KD', row: 'reviewed', col: 'individual', value: 2836, noun: null });
    expect(model.claims).toContainEqual({ form: 'DV', row: 'not_required.new_member', col: 'total', value: 65, noun: 'đảng viên' });
  });
});
