/**
 * "Mức xếp loại … tập thể lãnh đạo, quản lý không được cao hơn mức xếp loại của tổ chức" (HD 21,
 * II.B.3) in whichever order the two are decided (rules-audit.md H15, Q7, R33; F3): the party
 * committee decided first and its organisation graded lower afterwards — the conflict shows on both,
 * a warning with a justification on the organisation, a violation on the committee (check, panel,
 * audit). Under QĐ 124 and QĐ 366 the rule is not in the sources: a labelled reading, weighed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCollective } from '../../src/db/queries/collectives.js';
import { createCycle } from '../../src/db/queries/cycles.js';
import { createEvaluation } from '../../src/db/queries/evaluations.js';
import { createApp } from '../../src/server/app.js';
import { CITATIONS } from '../fixtures/citations.js';
import { authed, signIn } from '../helpers/auth.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';
import { seedScopeOrg } from '../server/fixtures-scope.js';
import { client, expectRefused, type Json } from '../workflow/helpers.js';

let t: TestDb;
let api: ReturnType<typeof client>;

const ev = async (year: number, subjectKind: string, subjectRef: string) => (await createEvaluation(t.db, { cycleYear: year, subjectKind, subjectRef, actor: 'seed' })).id;

beforeAll(async () => {
  t = await createTestDb();
  const app = createApp({ db: t.db, config: t.config });
  await seedScopeOrg(t.db);
  for (const year of [2022, 2023, 2025]) await createCycle(t.db, { year, referenceDate: `${year}-12-31` });
  await createCollective(t.db, { code: 'CU-XA-A', unitCode: 'XA-A', name: 'Ban Chấp hành Đảng bộ xã A', kind: 'cap_uy', level: 'co_so', validFrom: '2015-01-01' });
  api = client(authed(app, await signIn(app, t.db, { role: 'admin', scope: 'TINH' })));
});
afterAll(async () => t.close());

describe(`collective ≤ organisation, in either order (${testEngine})`, () => {
  it('H15: the committee decided HTXS first, the organisation decided HT afterwards: a warning on the organisation, a violation on the committee', async () => {
    const why = 'Ban Thường vụ Huyện ủy thống nhất';
    const col = await ev(2022, 'collective', 'CU-XA-A');
    const org = await ev(2022, 'unit', 'XA-A');
    expect((await api.post(`/api/evaluations/${col}/self-assess`, { grade: 'HTXS' })).status).toBe(200);
    expect((await api.post(`/api/evaluations/${col}/propose`, { grade: 'HTXS', justification: why })).status).toBe(200);
    expect((await api.post(`/api/evaluations/${col}/decide`, { grade: 'HTXS', decidingUnit: 'HUYEN', justification: why })).status).toBe(200);
    expect((await api.post(`/api/evaluations/${org}/self-assess`, { grade: 'HT' })).status).toBe(200);
    expect((await api.post(`/api/evaluations/${org}/propose`, { grade: 'HT', justification: why })).status).toBe(200);
    const err = await expectRefused(t.db, () => api.post(`/api/evaluations/${org}/decide`, { grade: 'HT', decidingUnit: 'HUYEN' }), { status: 422, code: 'JustificationRequired' });
    expect(err.message.vi).toContain('Ban Chấp hành Đảng bộ xã A đã được quyết định HTXS, cao hơn mức HT của tổ chức');
    expect(err.message.vi).toContain(CITATIONS.HD21_COLLECTIVE.cite);
    expect((await api.post(`/api/evaluations/${org}/decide`, { grade: 'HT', decidingUnit: 'HUYEN', justification: 'Tổ chức còn hạn chế; sẽ xếp loại lại tập thể' })).status).toBe(200);

    const colCheck = (await api.get(`/api/evaluations/${col}/check?grade=HTXS`)).body;
    expect(colCheck.highestAllowed).toBe('HT');
    expect(colCheck.errors[0]).toMatchObject({ code: 'above_ceiling', source: expect.stringContaining(CITATIONS.HD21_COLLECTIVE.cite) });
    const panel = (await api.get(`/api/evaluations/${col}/panel`)).body;
    expect(panel.findings.some((f: Json) => f.severity === 'error' && f.text.includes('Mức đã quyết định HTXS'))).toBe(true);
    const orgPanel = (await api.get(`/api/evaluations/${org}/panel`)).body;
    expect(orgPanel.findings.some((f: Json) => f.text.includes('Ban Chấp hành Đảng bộ xã A đã được quyết định HTXS'))).toBe(true);
    const audit = (await api.get('/api/cycles/2022/audit?unit=XA-A')).body;
    expect(audit.ok).toBe(false);
    expect(audit.violations).toContainEqual(expect.objectContaining({ evaluationId: col, decidedGrade: 'HTXS', highestAllowed: 'HT', binding: true }));
  });

  for (const c of [
    { id: 'Q7', year: 2023, doc: 'QĐ 124' },
    { id: 'R33', year: 2025, doc: 'QĐ 366' },
  ]) {
    it(`${c.id}: under ${c.doc} the rule is a labelled reading, weighed, shown on both sides`, async () => {
      const score = c.year >= 2025 ? { score: 95 } : {};
      // The committee's grade decided earlier (entered as decided: the order rules of the cycle are another test's).
      const col = (await createEvaluation(t.db, { cycleYear: c.year, subjectKind: 'collective', subjectRef: 'CU-XA-A', actor: 'seed', selfGrade: 'HTXS', proposedGrade: 'HTXS', decidedGrade: 'HTXS', decidingUnit: 'HUYEN', ...score })).id;
      const org = await ev(c.year, 'unit', 'XA-A');
      expect((await api.post(`/api/evaluations/${org}/self-assess`, { grade: 'HT', ...(c.year >= 2025 ? { score: 60 } : {}) })).status).toBe(200);
      const orgCheck = (await api.get(`/api/evaluations/${org}/check?grade=HT`)).body;
      expect(orgCheck.warnings).toContainEqual(expect.objectContaining({ code: 'collective_above', source: expect.stringContaining(`không có trong ${c.doc}`) }));
      expect((await api.post(`/api/evaluations/${org}/propose`, { grade: 'HT', justification: 'y' })).status).toBe(200);
      const colCheck = (await api.get(`/api/evaluations/${col}/check?grade=HTXS`)).body;
      expect(colCheck.errors).toEqual([]);
      expect(colCheck.warnings).toContainEqual(expect.objectContaining({ code: 'weighed_reason', grade: 'HT', source: expect.stringContaining('cách đọc; tham số collectiveNotAboveOrganisation') }));
    });
  }
});
