/**
 * The layout of the generated .docx (HD 36-HD/VPTW, rules_2025.md §4): page numbers from page 2, top
 * centre; the closing paragraphs kept with the signature block; the annexes read back from the
 * .docx as the seed prints them (issue 13): 6A and 6B with every column of FORMS.md in the seed's
 * order and numbering, no A/B total rows, no CẤP TỈNH in a district's TT and CN, the seed's headers
 * and notes, each annex on its own paper.
 */
import { readFile } from 'node:fs/promises';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDistrict } from '../../src/demo/load.js';
import { isAppError } from '../../src/domain/errors.js';
import { getFormDefinitions, type FormValuesDoc } from '../../src/domain/forms/index.js';
import { renderReportDocx } from '../../src/reports/docx/render.js';
import { buildAnnexes } from '../../src/reports/report-annex.js';
import { DEFAULT_TEMPLATE_PATH, getReportModel, renderReport } from '../../src/services/reports.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';
import { SEED_TYPE_COLUMNS } from '../xlsx/fixtures.js';
import { docxParagraphs } from './docx-text.js';
import { docxTables, headerPath, numbersRow, rowTexts, type DocxTable } from './docx-tables.js';

let t: TestDb;
let zip: PizZip;
let paragraphs: string[];

beforeAll(async () => {
  t = await createTestDb();
  await loadDemoDistrict(t.db);
  const out = await renderReport(t.db, { unitCode: 'HU-TAMDUONG', year: 2022 }, { format: 'docx' });
  zip = new PizZip(out.bytes);
  paragraphs = docxParagraphs(out.bytes);
});

afterAll(async () => {
  await t.close();
});

const part = (name: string) => zip.file(name)?.asText() ?? '';

describe('page numbers (HD 36: from page 2, top centre)', () => {
  it('has a distinct first page without a number and a centred PAGE field in the default header', () => {
    const doc = part('word/document.xml');
    const firstSection = doc.slice(0, doc.indexOf('</w:sectPr>'));
    expect(firstSection).toContain('<w:titlePg/>');
    const ref = (type: string) => new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"`).exec(firstSection)?.[1];
    const rels = part('word/_rels/document.xml.rels');
    const target = (id: string | undefined) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
    const def = part(`word/${target(ref('default'))}`);
    const first = part(`word/${target(ref('first'))}`);
    expect(def).toMatch(/PAGE/);
    expect(def).toContain('<w:jc w:val="center"/>');
    expect(first).not.toMatch(/PAGE/);
  });
});

describe('signature block never alone on a page', () => {
  it('keeps the last two body paragraphs and the spacer with the closing table, whose row does not split', () => {
    const xml = part('word/document.xml');
    const tableStart = xml.lastIndexOf('<w:tbl>', xml.indexOf('Nơi nhận:'));
    const all = xml.slice(0, tableStart).split('</w:p>');
    const spacer = all[all.length - 2] ?? '';
    expect(spacer).toContain('<w:keepNext/>');
    const paras = all.filter((p) => /<w:t[^>]*>[^<]+</.test(p));
    for (const p of paras.slice(-2)) expect(p).toContain('<w:keepNext/>');
    // Only headings (bold) and those two keep with the next: the body flows freely elsewhere.
    expect(paras.filter((p) => p.includes('<w:keepNext/>') && !p.includes('<w:b/>')).length).toBe(2);
    const closing = xml.slice(tableStart, xml.indexOf('Nơi nhận:'));
    expect(closing).toContain('<w:cantSplit/>');
  });
});

/** The annex tables of the report, in order: those whose header starts with "STT". */
const annexTables = () => docxTables(part('word/document.xml')).filter((t) => t.rows[0]?.cells[0]?.text === 'STT');
const body = (t: DocxTable) => t.rows.filter((r) => !r.header).map((r) => rowTexts(r));


describe('annexes 6A and 6B in full, as the seed prints them', () => {
  it('reads every column code of FORMS.md back from the .docx, in the seed\'s order and numbering', () => {
    const columns = getFormDefinitions('QD132-HD21').TC.columns;
    const label = (code: string) => columns.find((c) => c.code === code)?.label.replace(/\s*\(tổng\)$/, '') ?? code;
    const [, tc, dv] = annexTables();
    for (const table of [tc, dv] as DocxTable[]) {
      const numbers = numbersRow(table)?.cells.map((c) => c.text.replace(/\n/g, '')) ?? [];
      expect(numbers.slice(2)).toEqual(SEED_TYPE_COLUMNS.map(([, n]) => n));
      SEED_TYPE_COLUMNS.forEach(([code], i) => {
        const path = headerPath(table, 2 + i);
        // A sum column shows its group's label over its own "Tổng số"; every other column its own label.
        const parent = columns.some((c) => c.parent === code) && code !== 'total';
        expect(parent ? path.slice(-2) : path.slice(-1), code).toEqual(parent ? [label(code), 'Tổng số'] : [label(code)]);
      });
    }
  });

  it('prints no A/B total rows: A and B are headings followed by their sections I and II; Đảng bộ bộ phận is kept', () => {
    const [, tc] = annexTables();
    const rows = body(tc as DocxTable);
    const stt = rows.map((r) => `${r[0]} ${r[1]}`);
    expect(stt[stt.indexOf('A TỔ CHỨC CƠ SỞ ĐẢNG') + 1]).toBe('I ĐẢNG BỘ CƠ SỞ');
    expect(stt[stt.indexOf('B TỔ CHỨC ĐẢNG TRỰC THUỘC') + 1]).toBe('I ĐẢNG BỘ BỘ PHẬN');
    expect(stt).toContain('II CHI BỘ TRỰC THUỘC ĐẢNG BỘ CƠ SỞ');
    // Every data row carries all 26 values, and the demo's totals are where the seed has them.
    const first = rows.find((r) => r[1] === 'Số đảng bộ cơ sở có đến cuối năm') ?? [];
    expect(first).toHaveLength(2 + 26);
    expect(first[2]).toBe('16');
    const [, , dv] = annexTables();
    const graded = body(dv as DocxTable).find((r) => r[1] === 'Số đảng viên đã đánh giá, xếp loại chất lượng') ?? [];
    expect(graded[2]).toBe('2.543');
  });
});

describe('the other annexes as the seed prints them', () => {
  it('leaves CẤP TỈNH out of a district\'s TT and CN (I is CẤP HUYỆN), keeps a province\'s', async () => {
    const [, , , tt, cn] = annexTables();
    for (const t of [tt, cn] as DocxTable[]) {
      const sections = body(t).filter((r) => /^[IV]+$/.test(r[0] ?? '')).map((r) => `${r[0]} ${r[1]}`);
      expect(sections).toEqual(['I CẤP HUYỆN', 'II CẤP CƠ SỞ']);
    }
    const doc: FormValuesDoc = {
      format: 'form-values/1',
      cycle: { year: 2022, ruleSet: 'QD132-HD21' },
      forms: { TT: { rows: { 'tinh.total': { total: 0 }, 'huyen.total': { total: 2 }, 'huyen.graded': { total: 2 } } } },
      claims: [],
    };
    const heading = { issuer: 'Ban Thường vụ Tỉnh ủy', issuingBody: 'Tỉnh ủy Lai Châu', parentBody: '' };
    const labels = (level: 'tinh' | 'huyen') => buildAnnexes({ doc, heading, level })[0]?.rows.map((r) => `${r.stt} ${r.label}`) ?? [];
    expect(labels('huyen')).not.toContain('I CẤP TỈNH');
    expect(labels('huyen')).toContain('I CẤP HUYỆN');
    expect(labels('tinh')).toContain('I CẤP TỈNH');
    expect(labels('tinh')).toContain('II CẤP HUYỆN');
  });

  it('heads the label column "Nội dung" (KD), "Tiêu chí" (TC, DV, TT), "Chức danh" (CN); KD and CN end with an empty "Ghi chú"; KD has no numbered row', () => {
    const tables = annexTables();
    expect(tables.map((t) => t.rows[0]?.cells[1]?.text)).toEqual(['Nội dung', 'Tiêu chí', 'Tiêu chí', 'Tiêu chí', 'Chức danh']);
    expect(tables.map((t) => t.rows[0]?.cells.at(-1)?.text === 'Ghi chú')).toEqual([true, false, false, false, true]);
    const [kd, , , , cn] = tables as DocxTable[];
    expect(numbersRow(kd as DocxTable)).toBeUndefined();
    expect(rowTexts(kd?.rows[0] ?? { cells: [] })).toEqual(['STT', 'Nội dung', 'Tập thể', 'Cá nhân', 'Ghi chú']);
    expect(numbersRow(cn as DocxTable)?.cells.map((c) => c.text)).toEqual(['1', '2', '3', '4', '5=6+7+8+9', '6', '7', '8', '9', '10']);
    for (const r of body(cn as DocxTable)) expect(r.at(-1)).toBe('');
    expect(body(cn as DocxTable).map((r) => r[1])).toEqual(expect.arrayContaining(['Ủy viên Ban Thường vụ (1)', 'Trưởng các phòng, ban là Ủy viên BCH (2)', 'Ủy viên Ban Chấp hành (3)']));
    expect(paragraphs).toContain('Ghi chú:');
    expect(paragraphs).toContain('- (1) Ủy viên BTV các huyện, thành phố trực thuộc tỉnh, không tính Bí thư, Phó bí thư');
    expect(paragraphs).toContain('- (3) Ủy viên BCH các xã, phường, thị trấn, không tính Bí thư, Phó bí thư');
  });

  it('heads every annex with the issuing body, "THỐNG KÊ", its title, the annex line naming the signer, and "Biểu số"', () => {
    const annexes = paragraphs.slice(paragraphs.indexOf('Cao Trang Trọng') + 1);
    const attached = '(Kèm theo Báo cáo số 331-BC/HU, ngày 10 tháng 01 năm 2023 của Ban Thường vụ Huyện ủy)';
    expect(annexes.filter((p) => p === attached)).toHaveLength(5);
    expect(annexes.filter((p) => p === 'HUYỆN ỦY TAM ĐƯỜNG')).toHaveLength(5);
    expect(annexes.filter((p) => p === 'ĐẢNG BỘ TỈNH LAI CHÂU')).toHaveLength(5);
    expect(annexes.filter((p) => p === 'THỐNG KÊ')).toHaveLength(5);
    expect(annexes.filter((p) => /^Biểu số /.test(p))).toEqual(['Biểu số 6A', 'Biểu số 6B', 'Biểu số 6D', 'Biểu số 6E']);
    const cn = annexes.indexOf('KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÁN BỘ LÃNH ĐẠO, QUẢN LÝ NĂM 2022');
    expect(annexes.slice(cn - 3, cn + 3)).toEqual(['ĐẢNG BỘ TỈNH LAI CHÂU', 'HUYỆN ỦY TAM ĐƯỜNG', 'THỐNG KÊ', 'KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÁN BỘ LÃNH ĐẠO, QUẢN LÝ NĂM 2022', attached, 'Biểu số 6E']);
  });
});

describe('footnote inside a paragraph', () => {
  /** The paragraph's texts and footnote marks in order: "[fn N]" for a mark. */
  const pieces = (p: string) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => (m[2] ? `[fn ${m[2]}]` : m[1] ?? '')).filter((x) => x.length > 0);

  it('anchors footnote 2 right after "(do mới thành lập chưa đủ 6 tháng)", as the seed does', () => {
    const p = part('word/document.xml').split('</w:p>').find((x) => x.includes('chưa đủ 6 tháng)')) ?? '';
    const seq = pieces(p);
    const mark = seq.indexOf('[fn 2]');
    expect(mark).toBeGreaterThan(0);
    expect(seq[mark - 1]).toMatch(/\(do mới thành lập chưa đủ 6 tháng\)$/);
    expect(seq[mark + 1]).toBe('. Kết quả đánh giá, xếp loại như sau:');
    expect(seq.filter((x) => x.startsWith('[fn'))).toEqual(['[fn 2]']);
    expect(part('word/footnotes.xml')).toMatch(/<w:footnote w:id="2">[\s\S]*?Nung Nàng[\s\S]*?<\/w:footnote>/);
  });

  it('keeps footnote 1 at the end of the deployment paragraph', () => {
    const p = part('word/document.xml').split('</w:p>').find((x) => x.includes('w:id="1"/>')) ?? '';
    const seq = pieces(p);
    expect(seq[seq.length - 1]).toBe('[fn 1]');
    expect(seq[0]).toMatch(/^Thực hiện Quy định số 22-QĐ\/TU/);
  });
});

describe('a template of an earlier version', () => {
  it('is refused naming its old annex loop, rather than print a report without annexes', async () => {
    const zip = new PizZip(await readFile(DEFAULT_TEMPLATE_PATH));
    const xml = zip.file('word/document.xml')?.asText() ?? '';
    expect(xml).toContain('{#annexes}');
    zip.file('word/document.xml', xml.replace('{#annexes}', '{#annexes9}').replace('{/annexes}', '{/annexes9}'));
    const old = zip.generate({ type: 'nodebuffer' });
    const model = await getReportModel(t.db, { unitCode: 'HU-TAMDUONG', year: 2022 });
    const error = (() => {
      try {
        renderReportDocx(old, model);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(isAppError(error) && error.code).toBe('TemplateInvalid');
    expect(isAppError(error) && error.messages.vi).toContain('bảng phụ lục kiểu cũ «{#annexes9}»');
    expect(isAppError(error) && error.field).toBe('annexes9');
  });
});

describe('annex pages: each annex on its own paper, numbered in their own sequence', () => {
  const headerOf = (section: string) => {
    const rels = part('word/_rels/document.xml.rels');
    const id = /<w:headerReference w:type="default" r:id="([^"]+)"/.exec(section)?.[1];
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
    return part(`word/${target}`);
  };

  it('restarts at 1 at the first annex, headed "Phụ lục – trang N"; the report\'s pages keep their plain number', () => {
    const sections = [...part('word/document.xml').matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    const [report, ...annexes] = sections;
    expect(annexes).toHaveLength(5);
    expect(annexes.map((a) => /<w:pgNumType w:start="1"\/>/.test(a))).toEqual([true, false, false, false, false]);
    for (const a of annexes) {
      expect(a).toContain('w:orient="landscape"');
      const header = headerOf(a);
      expect(header).toContain('>Phụ lục – trang </w:t>');
      expect(header).toMatch(/<w:instrText[^>]*>\s*PAGE\s*</);
    }
    const reportHeader = headerOf(report ?? '');
    expect(reportHeader).toMatch(/PAGE/);
    expect(reportHeader).not.toContain('Phụ lục');
    expect(report).not.toMatch(/<w:pgNumType[^>]*w:start/);
  });

  it('puts 6A and 6B on A3 landscape (420 × 297 mm), the other annexes on A4 landscape', () => {
    const sections = [...part('word/document.xml').matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]).slice(1);
    const size = (s: string) => /<w:pgSz w:w="(\d+)" w:h="(\d+)"/.exec(s)?.slice(1).map((n) => Math.round((Number(n) * 25.4) / 1440));
    expect(sections.map(size)).toEqual([[297, 210], [420, 297], [420, 297], [297, 210], [297, 210]]);
  });
});
