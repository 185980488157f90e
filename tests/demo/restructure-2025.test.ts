/**
 * Issue #10 item 5, "Done when": the 2025 scenario on the demo district. Tam Đường's communes merge
 * into the province's new communes from 1/7/2025 (the mapping an assumption, stated as data), the
 * district level is removed; the 2022 report then prints exactly as before, and a 2025 cycle under
 * QĐ 366 runs on the new tree.
 */
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMembersAt } from '../../src/db/queries/persons.js';
import { getSubtreeAt, getUnitAt, listChildrenAt } from '../../src/db/queries/units.js';
import { loadDemoDistrict } from '../../src/demo/load.js';
import { NEW_COMMUNES } from '../../src/demo/restructure-2025-plan.js';
import { checkFormValues } from '../../src/domain/forms/index.js';
import { type Restructure2025Summary, runRestructure2025 } from '../../src/services/demo-restructure-2025.js';
import { getFormValues, verify } from '../../src/services/forms.js';
import { renderReport } from '../../src/services/reports.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';
import { docxParagraphs } from '../report/docx-text.js';

let t: TestDb;
let before: { parts: Record<string, string>; forms: unknown };
let summary: Restructure2025Summary;
let membersBefore: Map<string, string[]>;

/** Every part of the .docx but its properties (which carry the time it was made). */
function parts(docx: Buffer): Record<string, string> {
  const zip = new PizZip(docx);
  return Object.fromEntries(Object.values(zip.files).filter((f) => !f.dir && !f.name.startsWith('docProps/')).map((f) => [f.name, f.asText()]));
}

async function report2022() {
  return renderReport(t.db, { unitCode: 'HU-TAMDUONG', year: 2022 }, { format: 'docx', actor: 'test' });
}

beforeAll(async () => {
  t = await createTestDb();
  await loadDemoDistrict(t.db);
  const r = await report2022();
  before = { parts: parts(r.bytes), forms: await getFormValues(t.db, { unitCode: 'HU-TAMDUONG', year: 2022 }) };
  membersBefore = new Map();
  for (const c of NEW_COMMUNES) {
    const cards = [];
    for (const old of c.from) cards.push(...(await listMembersAt(t.db, old, '2025-06-30', { includeSubtree: true })).map((m) => m.person.cardNumber));
    membersBefore.set(c.code, cards.sort());
  }
  summary = await runRestructure2025(t.db, { actor: 'test' });
}, 300_000);
afterAll(() => t.close());

describe(`the 2025 restructuring of the demo district, on ${testEngine}`, () => {
  it('states its mapping as an assumption', () => {
    expect(summary.assumption.vi).toContain('GIẢ ĐỊNH');
    expect(NEW_COMMUNES.every((c) => c.assumption)).toBe(true);
    expect(summary.communes.map((c) => c.name)).toEqual(expect.arrayContaining(['Đảng bộ xã Bản Bo', 'Đảng bộ xã Bình Lư', 'Đảng bộ xã Tả Lèng', 'Đảng bộ xã Khun Há']));
  });

  it('removes the district level from 1/7/2025: the new communes sit under the province; the old tree is kept', async () => {
    await expect(getUnitAt(t.db, 'HU-TAMDUONG', '2025-07-01')).rejects.toMatchObject({ code: 'UnitNotFound' });
    expect((await getUnitAt(t.db, 'HU-TAMDUONG', '2025-06-30')).parentCode).toBe('TU-LAICHAU');
    const children = (await listChildrenAt(t.db, 'TU-LAICHAU', '2025-07-01')).map((u) => u.code);
    expect(children).toEqual(expect.arrayContaining(['XA-BANBO', 'XA-BINHLU', 'XA-TALENG', 'XA-KHUNHA', 'XA-SINSUOIHO', 'TD-DU-CONGAN', 'TD-CB-VPHU']));
    expect(children).not.toContain('HU-TAMDUONG');
    expect((await getSubtreeAt(t.db, 'HU-TAMDUONG', '2022-12-31')).length).toBe(1 + 51 + 207);
    const school = await getUnitAt(t.db, 'TD-CB-THPTBINHLU', '2025-07-01');
    expect([school.parentCode, school.kind, school.effectiveOrgType]).toEqual(['XA-BINHLU', 'cell', 'dvsn.cong_lap']);
  });

  it('moves every member of the merged communes into the new commune, each cell change kept', async () => {
    for (const c of NEW_COMMUNES) {
      const after = (await listMembersAt(t.db, c.code, '2025-07-01', { includeSubtree: true })).map((m) => m.person.cardNumber);
      const expected = membersBefore.get(c.code)!;
      expect(expected.length).toBeGreaterThan(0);
      expect(after.filter((card) => expected.includes(card)).sort()).toEqual(expected);
    }
  });

  it('prints the 2022 report exactly as before, and its forms are unchanged', async () => {
    const r = await report2022();
    expect(parts(r.bytes)).toEqual(before.parts);
    expect(docxParagraphs(r.bytes)).toContain('HUYỆN ỦY TAM ĐƯỜNG');
    expect(await getFormValues(t.db, { unitCode: 'HU-TAMDUONG', year: 2022 })).toEqual(before.forms);
    expect((await verify(t.db)).differences).toBe(0);
  });

  it('runs a 2025 cycle under QĐ 366 on the new tree: every subject placed, a graded cell counted at the new commune', async () => {
    expect(summary.cycle).toMatchObject({ year: 2025, ruleSet: 'QD366-HD43', gradedCell: 'TD-DU-TTTAMDUONG-CB01' });
    const graded = summary.cycle.grades.HTT + summary.cycle.grades.HT;
    expect(graded).toBeGreaterThan(3);
    const commune = await getFormValues(t.db, { unitCode: 'XA-BINHLU', year: 2025 });
    expect(commune.cycle.ruleSet).toBe('QD366-HD43');
    expect(commune.forms.DV?.rows['graded.htt']?.xa).toBe(summary.cycle.grades.HTT);
    expect(commune.forms.DV?.rows['graded.ht']?.total).toBe(summary.cycle.grades.HT);
    const members = (await listMembersAt(t.db, 'XA-BINHLU', '2025-12-31', { includeSubtree: true })).length;
    expect(commune.forms.DV?.rows.total?.total).toBe(members);
    const province = await getFormValues(t.db, { unitCode: 'TU-LAICHAU', year: 2025 });
    expect(Object.keys(province.forms.TC?.rows['tccsd.dang_bo.total'] ?? {})).not.toContain('thi_tran');
    expect(Object.keys(province.forms.CN?.rows ?? {}).some((r) => r.startsWith('huyen'))).toBe(false);
    expect(province.forms.TC?.rows['tccsd.dang_bo.total']?.xa).toBe(NEW_COMMUNES.length);
    expect(checkFormValues(province).filter((f) => f.severity === 'error')).toEqual([]);
  });
});
