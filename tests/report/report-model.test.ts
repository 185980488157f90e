/**
 * The pure report model on small hand-made form values: the rounding rule set per report (half-up
 * at the report's decimals, or largest remainder so a list sums to 100%), exact 100%, leading
 * zeros, nouns, bases named, sections present only when stated, and the settings defaults.
 */
import { describe, expect, it } from 'vitest';
import { checkFormValues, type FormValuesDoc, parseFormValues } from '../../src/domain/forms/index.js';
import { buildReportModel } from '../../src/reports/report-model.js';
import { defaultSettings, issuingBodyOf, mergeSettings, placeOf } from '../../src/reports/report-settings.js';
import type { ReportInput, ReportRecords } from '../../src/reports/report-types.js';

const records: ReportRecords = { unit: { code: 'HU-X', name: 'Đảng bộ huyện X', kind: 'district_committee' }, units: [], collectives: [], positions: [], topics: [], regradedMembers: 0 };
const prose = { deployment: 'Triển khai.', preparation: '', organisation: '', strengths: '', weaknesses: '', causes: '', tasks: '' };

/** Members: 3 graded 1/1/1 (33,33… each) out of 4, one exempt; cells: 8 graded 1/7. */
function forms(): FormValuesDoc {
  return {
    format: 'form-values/1',
    cycle: { year: 2022, ruleSet: 'QD132-HD21' },
    forms: {
      DV: {
        rows: {
          total: { total: 4 },
          not_required: { total: 1 },
          'not_required.exempt': { total: 1 },
          graded: { total: 3 },
          'graded.htxs': { total: 1 },
          'graded.htt': { total: 1 },
          'graded.ht': { total: 1 },
        },
      },
      TC: {
        rows: {
          'truc_thuoc.chi_bo.total': { total: 8 },
          'truc_thuoc.chi_bo.graded': { total: 8 },
          'truc_thuoc.chi_bo.graded.htxs': { total: 1 },
          'truc_thuoc.chi_bo.graded.htt': { total: 7 },
        },
      },
    },
    claims: [],
  };
}

function input(over: Partial<ReportInput['settings']> = {}): ReportInput {
  return { forms: forms(), records, prose, settings: { ...defaultSettings({ ...records.unit, parentName: 'Đảng bộ tỉnh Y' }, '2023-01-10'), ...over } };
}

const texts = (i: ReportInput) => buildReportModel(i).paragraphs.map((p) => p.text);

describe('rounding set per report', () => {
  it('half-up at 2 decimals by default: 1/3 → 33,33 each (the list sums to 99,99)', () => {
    const t = texts(input());
    expect(t).toContain('- Hoàn thành xuất sắc nhiệm vụ 01/03 đồng chí, chiếm 33,33% số đảng viên được đánh giá, xếp loại chất lượng.');
    expect(t).toContain('- Hoàn thành nhiệm vụ 01/03 đồng chí, chiếm 33,33% số đảng viên được đánh giá, xếp loại chất lượng.');
  });

  it('largest remainder: the list sums to 100 (33,34 + 33,33 + 33,33)', () => {
    const t = texts(input({ rounding: 'largest-remainder' }));
    expect(t).toContain('- Hoàn thành xuất sắc nhiệm vụ 01/03 đồng chí, chiếm 33,34% số đảng viên được đánh giá, xếp loại chất lượng.');
    expect(t).toContain('- Hoàn thành tốt nhiệm vụ 01/03 đồng chí, chiếm 33,33% số đảng viên được đánh giá, xếp loại chất lượng.');
  });

  it('decimals per report: 1 decimal gives 12,5% for 1/8 (half-up, never truncated to 12,4)', () => {
    const t = texts(input({ decimals: 1 }));
    expect(t).toContain('- Hoàn thành xuất sắc nhiệm vụ: 01/08 chi bộ, chiếm 12,5% số chi bộ được đánh giá, xếp loại.');
    expect(t).toContain('- Hoàn thành tốt nhiệm vụ: 07/08 chi bộ, chiếm 87,5% số chi bộ được đánh giá, xếp loại.');
    const t0 = texts(input({ decimals: 0 }));
    expect(t0).toContain('- Hoàn thành xuất sắc nhiệm vụ: 01/08 chi bộ, chiếm 13% số chi bộ được đánh giá, xếp loại.');
  });

  it('an exact whole is "100%", and a share names its base', () => {
    const cells = texts(input()).find((p) => p.startsWith('Đối với chi bộ trực thuộc'));
    expect(cells).toContain('Tổng có 08 chi bộ trực thuộc đảng ủy cơ sở; số đã được đánh giá, xếp loại 08, chiếm 100% tổng số chi bộ trực thuộc đảng ủy cơ sở.');
    const members = texts(input()).find((p) => p.startsWith('Tổng số đảng viên'));
    expect(members).toContain('03 đồng chí, chiếm 75,00% tổng số đảng viên');
    expect(members).toContain('01 đồng chí (đảng viên miễn công tác và sinh hoạt đảng: 01; đảng viên mới kết nạp chưa đủ 6 tháng: 0; đình chỉ sinh hoạt đảng: 0), chiếm 25,00% tổng số đảng viên');
  });
});

describe('claims', () => {
  it('claims every printed form number with its base, noun and group', () => {
    const m = buildReportModel(input());
    expect(m.claims).toContainEqual({ form: 'TC', row: 'truc_thuoc.chi_bo.graded.htxs', col: 'total', value: 1, base: 'truc_thuoc.chi_bo.graded', percent: '12,50', noun: 'chi bộ', group: '2.2.1-chi-bo' });
    expect(m.claims).toContainEqual({ form: 'DV', row: ['not_required.new_member', 'not_required.suspended'], col: 'total', value: 0, noun: 'đồng chí' });
    expect(m.values.report).toEqual({ number: '-BC/HU', date: '2023-01-10', rounding: 'half-up' });
  });
});

describe('sections only where stated, and footnotes', () => {
  it('omits sections the forms do not state and adds the deployment footnote', () => {
    const m = buildReportModel(input({ deploymentFootnote: 'Thông báo số 1-TB/HU.' }));
    expect(m.paragraphs.some((p) => p.text.startsWith('Đối với tổ chức cơ sở đảng'))).toBe(false);
    expect(m.paragraphs.some((p) => p.text.startsWith('Đối với đảng bộ bộ phận'))).toBe(false);
    expect(m.footnotes).toEqual(['Thông báo số 1-TB/HU.']);
    expect(m.paragraphs.find((p) => p.text === 'Triển khai.')?.footnote).toBe(1);
  });
});

describe('settings', () => {
  it('derives the issuing body and place from the unit', () => {
    expect(issuingBodyOf('Đảng bộ huyện Tam Đường')).toBe('Huyện ủy Tam Đường');
    expect(issuingBodyOf('Đảng bộ tỉnh Lai Châu')).toBe('Tỉnh ủy Lai Châu');
    expect(placeOf('Đảng bộ huyện Tam Đường')).toBe('Tam Đường');
  });

  it('ignores ill-typed stored settings', () => {
    const base = defaultSettings({ code: 'X', name: 'Đảng bộ huyện X', kind: 'district_committee', parentName: null }, '2023-01-10');
    const merged = mergeSettings(base, { decimals: 9, rounding: 'truncate', recipients: [1], issuingBody: 'Huyện ủy Y' });
    expect(merged).toMatchObject({ decimals: 2, rounding: 'half-up', recipients: base.recipients, issuingBody: 'Huyện ủy Y' });
  });
});

describe('§2.1.1: the preparation prose around the numbers', () => {
  const order = (preparation: string) => {
    const t = texts({ ...input(), prose: { ...prose, preparation } });
    const at = (s: string) => t.findIndex((p) => p.startsWith(s));
    return { at, t, numbers: at('- Việc gợi ý kiểm điểm:'), exempt: at('- Số lượng đảng viên không đánh giá') };
  };

  it('puts the numbers at the marker line, which is not printed', () => {
    const o = order('A.\n[số liệu]\nB.\nC.');
    expect(o.at('A.')).toBeLessThan(o.numbers);
    expect(o.exempt).toBeLessThan(o.at('B.'));
    expect(o.at('B.')).toBeLessThan(o.at('C.'));
    expect(o.at('C.')).toBeLessThan(o.at('2.1.2. Tổ chức kiểm điểm'));
    expect(o.t.some((p) => p.includes('[số liệu]'))).toBe(false);
  });

  it('without a marker, puts the numbers after the second paragraph (the seed: after "lấy ý kiến góp ý")', () => {
    const o = order('A.\nB.\nC.\nD.');
    expect(o.at('B.')).toBeLessThan(o.numbers);
    expect(o.exempt).toBeLessThan(o.at('C.'));
    const one = order('A.');
    expect(one.at('A.')).toBeLessThan(one.numbers);
    const marked = order('[Số liệu]\nA.');
    expect(marked.exempt).toBeLessThan(marked.at('A.'));
  });
});

describe('the values document names the rounding, and the checker follows it', () => {
  /** The PCT_* findings of the report's values document. */
  const pctFindings = (doc: FormValuesDoc) => checkFormValues(doc).filter((f) => f.code.startsWith('PCT_'));

  it('a largest-remainder report (33,34 + 33,33 + 33,33) passes; without its rounding the half-up check flags 33,34', () => {
    const m = buildReportModel(input({ rounding: 'largest-remainder' }));
    expect(m.values.report?.rounding).toBe('largest-remainder');
    expect(m.claims.some((c) => c.percent === '33,34')).toBe(true);
    expect(pctFindings(m.values)).toEqual([]);
    const { rounding: _dropped, ...report } = m.values.report ?? {};
    expect(pctFindings({ ...m.values, report }).map((f) => [f.code, f.row, f.expected, f.actual])).toEqual([['PCT_WRONG', 'graded.htxs', '33,33', '33,34']]);
  });

  it('a wrong percentage in a largest-remainder report still fails', () => {
    const m = buildReportModel(input({ rounding: 'largest-remainder' }));
    const claims = m.values.claims.map((c) => (c.percent === '33,34' ? { ...c, percent: '33,35' } : c));
    expect(pctFindings({ ...m.values, claims }).map((f) => [f.code, f.row, f.expected, f.actual])).toEqual([['PCT_WRONG', 'graded.htxs', '33,34', '33,35']]);
  });
});

describe('forms the unit does not state', () => {
  it('a report of a unit without TT and CN rows writes a values document the parser accepts (no claim over no rows)', () => {
    const m = buildReportModel(input());
    expect(m.values.claims.some((c) => Array.isArray(c.row) && c.row.length === 0)).toBe(false);
    expect(() => parseFormValues(JSON.parse(JSON.stringify(m.values)))).not.toThrow();
  });
});

describe('"hoàn thành tốt nhiệm vụ trở lên" when the report prints it (setting printHttUp)', () => {
  /** Members 1/8/1/0 of 10, cells 1/7 of 8, commune collectives 1/8/1 of 10, commune secretaries 1/5 of 6: within every cap. */
  function gradedForms(): FormValuesDoc {
    return {
      format: 'form-values/1',
      cycle: { year: 2022, ruleSet: 'QD132-HD21' },
      forms: {
        TC: forms().forms.TC,
        DV: { rows: { total: { total: 10 }, graded: { total: 10 }, 'graded.htxs': { total: 1 }, 'graded.htt': { total: 8 }, 'graded.ht': { total: 1 } } },
        TT: { rows: { 'co_so.total': { total: 10 }, 'co_so.graded': { total: 10 }, 'co_so.graded.htxs': { total: 1 }, 'co_so.graded.htt': { total: 8 }, 'co_so.graded.ht': { total: 1 } } },
        CN: { rows: { co_so: { total: 6, graded: 6, htxs: 1, htt: 5 }, 'co_so.bi_thu': { total: 6, graded: 6, htxs: 1, htt: 5 } } },
      },
      claims: [],
    };
  }
  const withHttUp = (over: Partial<ReportInput['settings']> = {}) => ({ ...input({ printHttUp: true, ...over }), forms: gradedForms() });

  it('heads each grade list with it, HTXS and HTT under it', () => {
    const t = texts(withHttUp());
    const at = (s: string) => t.indexOf(s);
    const dv = [
      '- Hoàn thành tốt nhiệm vụ trở lên 09/10 đồng chí, chiếm 90,00% số đảng viên được đánh giá, xếp loại chất lượng; trong đó:',
      '+ Hoàn thành xuất sắc nhiệm vụ 01/10 đồng chí, chiếm 10,00% số đảng viên được đánh giá, xếp loại chất lượng.',
      '+ Hoàn thành tốt nhiệm vụ 08/10 đồng chí, chiếm 80,00% số đảng viên được đánh giá, xếp loại chất lượng.',
      '- Hoàn thành nhiệm vụ 01/10 đồng chí, chiếm 10,00% số đảng viên được đánh giá, xếp loại chất lượng.',
      '- Không hoàn thành nhiệm vụ 0.',
    ];
    expect(dv.map(at)).toEqual(dv.map((_, i) => at(dv[0] as string) + i));
    expect(t).toContain('- Hoàn thành tốt nhiệm vụ trở lên: 08/08 chi bộ, chiếm 100% số chi bộ được đánh giá, xếp loại; trong đó:');
    expect(t).toContain(
      '- Cấp cơ sở có 10 tập thể; số đã được đánh giá, xếp loại 10 tập thể, đạt 100% tổng số tập thể cấp cơ sở; hoàn thành tốt nhiệm vụ trở lên 09 tập thể, chiếm 90,00% số tập thể được đánh giá, xếp loại. Kết quả đánh giá, xếp loại như sau:',
    );
    expect(t).toContain('- Cấp cơ sở: 06 đồng chí (hoàn thành tốt nhiệm vụ trở lên 06 đồng chí), cụ thể:');
    expect(texts({ ...withHttUp(), settings: { ...withHttUp().settings, printHttUp: false } }).some((p) => /tốt nhiệm vụ trở lên/i.test(p))).toBe(false);
  });

  it('claims them with the htt_up rows and CN column, and the values document checks clean', () => {
    const m = buildReportModel(withHttUp());
    expect(m.claims).toEqual(
      expect.arrayContaining([
        { form: 'TC', row: 'truc_thuoc.chi_bo.graded.htt_up', col: 'total', value: 8, base: 'truc_thuoc.chi_bo.graded', percent: '100', noun: 'chi bộ', group: '2.2.1-chi-bo-htt-up' },
        { form: 'DV', row: 'graded.htt_up', col: 'total', value: 9, base: 'graded', percent: '90,00', noun: 'đồng chí', group: '2.2.2-dv-htt-up' },
        { form: 'TT', row: 'co_so.graded.htt_up', col: 'total', value: 9, base: 'co_so.graded', percent: '90,00', noun: 'tập thể', group: '2.2.3-co_so-htt-up' },
        { form: 'CN', row: 'co_so', col: 'htt_up', value: 6, noun: 'đồng chí' },
      ]),
    );
    expect(checkFormValues(m.values)).toEqual([]);
    expect(checkFormValues(parseFormValues(JSON.parse(JSON.stringify(m.values))))).toEqual([]);
    // A wrong "HTT trở lên" in the text would be caught against the forms.
    const claims = m.values.claims.map((c) => (c.row === 'graded.htt_up' ? { ...c, value: 8 } : c));
    expect(checkFormValues({ ...m.values, claims }).map((f) => [f.code, f.row, f.expected, f.actual])).toEqual([
      ['CLAIM_VALUE', 'graded.htt_up', 9, 8],
      ['PCT_WRONG', 'graded.htt_up', '80,00', '90,00'],
    ]);
  });

  it('rounds its share half-up in a group of its own, so a largest-remainder list still sums to 100', () => {
    const m = buildReportModel({ ...input({ printHttUp: true, rounding: 'largest-remainder' }) });
    expect(m.claims).toContainEqual(expect.objectContaining({ row: 'graded.htt_up', value: 2, percent: '66,67', group: '2.2.2-dv-htt-up' }));
    expect(m.claims.filter((c) => c.group === '2.2.2-dv').map((c) => c.percent)).toEqual(['33,34', '33,33', '33,33']);
    expect(checkFormValues(m.values).filter((f) => f.code !== 'CAP')).toEqual([]);
  });

  it('is off by default and kept as a stored setting', () => {
    expect(input().settings.printHttUp).toBe(false);
    const base = input().settings;
    expect(mergeSettings(base, { printHttUp: true }).printHttUp).toBe(true);
    expect(mergeSettings(base, { printHttUp: 'yes' }).printHttUp).toBe(false);
  });
});
