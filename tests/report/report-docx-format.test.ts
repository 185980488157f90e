/**
 * The layout of the generated .docx (HD 36-HD/VPTW, rules_2025.md §4): page numbers from page 2, top
 * centre; the closing paragraphs kept with the signature block; annexes laid out as the workbook
 * (numbered-columns row, section headings) without the all-zero sections that do not apply to a
 * district (CẤP TỈNH, Đảng bộ bộ phận).
 */
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDistrict } from '../../src/demo/load.js';
import { buildAnnexes } from '../../src/reports/report-annex.js';
import type { FormValuesDoc } from '../../src/domain/forms/index.js';
import { renderReport } from '../../src/services/reports.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';
import { docxParagraphs } from './docx-text.js';

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

describe('annexes as the workbook', () => {
  it('prints the numbered-columns row and omits the sections a district has nothing of', () => {
    const annexes = paragraphs.slice(paragraphs.indexOf('Cao Trang Trọng'));
    expect(annexes).toContain('3=4+…+11');
    expect(annexes).toContain('3=4+…+9');
    expect(annexes).toContain('5=6+7+8+9');
    expect(annexes).not.toContain('CẤP TỈNH');
    expect(annexes).not.toContain('ĐẢNG BỘ BỘ PHẬN');
    expect(annexes).toContain('CẤP HUYỆN');
    expect(annexes[annexes.indexOf('CHI BỘ TRỰC THUỘC ĐẢNG BỘ CƠ SỞ') - 1]).toBe('I');
    expect(annexes[annexes.indexOf('CẤP HUYỆN') - 1]).toBe('I');
  });

  it('keeps an all-zero level in a report of that level (a province keeps CẤP TỈNH)', () => {
    const doc: FormValuesDoc = {
      format: 'form-values/1',
      cycle: { year: 2022, ruleSet: 'QD132-HD21' },
      forms: { TT: { rows: { 'tinh.total': { total: 0 }, 'huyen.total': { total: 2 }, 'huyen.graded': { total: 2 } } } },
      claims: [],
    };
    const labels = (level: 'tinh' | 'huyen') => buildAnnexes({ doc, ruleSet: 'QD132-HD21', attached: '', level })[0]?.rows.map((r) => `${r.stt} ${r.label}`) ?? [];
    expect(labels('huyen')).not.toContain('I CẤP TỈNH');
    expect(labels('huyen')).toContain('I CẤP HUYỆN');
    expect(labels('tinh')).toContain('I CẤP TỈNH');
    expect(labels('tinh')).toContain('II CẤP HUYỆN');
  });
});

/** The annex tables of the document, in order: the texts of each one's header row and numbered-columns row. */
function annexTables(xml: string): { header: string[]; numbers: string[] }[] {
  const cells = (row: string) => row.split('</w:tc>').slice(0, -1).map((c) => [...c.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
  return xml
    .split('<w:tbl>')
    .slice(1)
    .map((t) => t.split('</w:tr>'))
    .filter((rows) => cells(rows[0] ?? '')[0] === 'STT')
    .map((rows) => ({ header: cells(rows[0] ?? ''), numbers: cells(rows[1] ?? '') }));
}

describe('annex headings as the seed and the workbook', () => {
  it('heads the label column "Nội dung" (KD), "Tiêu chí" (TC, DV, TT), "Chức danh" (CN); KD and CN end with an empty "Ghi chú"', () => {
    const tables = annexTables(part('word/document.xml'));
    // Template order: the 2-column shape (KD), the 9-column (TC, DV), the 7-column (TT, CN).
    expect(tables.map((t) => t.header[1])).toEqual(['Nội dung', 'Tiêu chí', 'Tiêu chí', 'Tiêu chí', 'Chức danh']);
    expect(tables.map((t) => t.header[t.header.length - 1] === 'Ghi chú')).toEqual([true, false, false, false, true]);
    const [kd, , , tt, cn] = tables;
    expect(kd?.header).toEqual(['STT', 'Nội dung', 'Tập thể', 'Cá nhân', 'Ghi chú']);
    expect(kd?.numbers).toEqual(['1', '2', '3', '4', '5']);
    expect(cn?.numbers[cn.numbers.length - 1]).toBe('10');
    expect(tt?.header.length).toBe((cn?.header.length ?? 0) - 1);
    // The Ghi chú cells of the body rows are empty.
    const xml = part('word/document.xml');
    const cnTable = xml.split('<w:tbl>').filter((t) => t.includes('Chức danh')).pop() ?? '';
    const bodyRows = cnTable.split('</w:tr>').slice(2, -1);
    expect(bodyRows.length).toBeGreaterThan(3);
    for (const r of bodyRows) expect(r.split('</w:tc>').slice(-2, -1)[0]).not.toMatch(/<w:t(?:\s[^>]*)?>[^<]+</);
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

describe('annex pages numbered in their own sequence', () => {
  it('restarts at 1 in the annexes\' section, headed "Phụ lục – trang N"; the report\'s pages keep their plain number', () => {
    const doc = part('word/document.xml');
    const rels = part('word/_rels/document.xml.rels');
    const headerOf = (section: string) => {
      const id = /<w:headerReference w:type="default" r:id="([^"]+)"/.exec(section)?.[1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
      return part(`word/${target}`);
    };
    const sections = doc.split('</w:sectPr>');
    const report = sections[0] ?? '';
    const annexes = sections[sections.length - 2] ?? '';
    const annexSect = annexes.slice(annexes.lastIndexOf('<w:sectPr'));
    expect(annexSect).toContain('<w:pgNumType w:start="1"/>');
    expect(annexSect).toContain('w:orient="landscape"');
    const annexHeader = headerOf(annexSect);
    expect(annexHeader).toContain('>Phụ lục – trang </w:t>');
    expect(annexHeader).toMatch(/<w:instrText[^>]*>\s*PAGE\s*</);
    const reportHeader = headerOf(report.slice(report.lastIndexOf('<w:sectPr')));
    expect(reportHeader).toMatch(/PAGE/);
    expect(reportHeader).not.toContain('Phụ lục');
    expect(report.slice(report.lastIndexOf('<w:sectPr'))).not.toMatch(/<w:pgNumType[^>]*w:start/);
  });
});
