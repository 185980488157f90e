/**
 * The report's «hạn chế» section cites the consistency audit (issue 8 item 3: "the report's «hạn chế»
 * section can cite these counts"): with the report's setting citeAudit, section II 2.1 says how many
 * decided grades break a binding rule, by rule — read back from the generated .docx. A member decided
 * HTT, then a cảnh cáo entered for the year through the API: one decided grade breaks HD 21 II.B.2.3.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycle } from '../../src/db/queries/cycles.js';
import { createEvaluation } from '../../src/db/queries/evaluations.js';
import { createApp } from '../../src/server/app.js';
import { CITATIONS } from '../fixtures/citations.js';
import { type SignedIn, signIn, withAuth } from '../helpers/auth.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';
import { seedScopeOrg } from '../server/fixtures-scope.js';
import { docxParagraphs } from './docx-text.js';

type Json = Record<string, any>;
let t: TestDb;
let app: ReturnType<typeof createApp>;
let admin: SignedIn;

const call = async (method: string, path: string, body?: unknown) => {
  const res = await app.request(path, withAuth(admin, { method, ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}) }));
  return { status: res.status, body: (await res.json()) as Json };
};
const reportText = async () => {
  const res = await app.request('/api/reports/XA-A/2022/docx', withAuth(admin));
  expect(res.status).toBe(200);
  return docxParagraphs(Buffer.from(await res.arrayBuffer()));
};
/** The paragraphs of section II 2.1 (between its heading and 2.2's). */
const limitations = (paragraphs: string[]) => paragraphs.slice(paragraphs.indexOf('2.1. Hạn chế, khuyết điểm') + 1, paragraphs.indexOf('2.2. Nguyên nhân của hạn chế, khuyết điểm'));

beforeAll(async () => {
  t = await createTestDb();
  app = createApp({ db: t.db, config: t.config });
  await seedScopeOrg(t.db);
  await createCycle(t.db, { year: 2022, referenceDate: '2022-12-31' });
  for (const card of ['10.003', '10.005']) await createEvaluation(t.db, { cycleYear: 2022, subjectKind: 'member', subjectRef: card, actor: 'seed', selfGrade: 'HTT', proposedGrade: 'HTT', decidedGrade: 'HTT', decidingUnit: 'XA-A' });
  admin = await signIn(app, t.db, { role: 'admin', scope: 'TINH' });
});
afterAll(async () => t.close());

describe(`the report cites the audit's counts among its limitations (${testEngine})`, () => {
  it('with citeAudit and a decided HTT broken by a later cảnh cáo, 2.1 says 1 case by HD 21 II.B.2.3; without it, or with nothing broken, nothing is said', async () => {
    const view = (await call('GET', '/api/reports/XA-A/2022')).body;
    expect(view.settings.citeAudit).toBe(false);
    const on = await call('PUT', '/api/reports/XA-A/2022', { citeAudit: true, version: view.version });
    expect(on.status, JSON.stringify(on.body)).toBe(200);
    expect(on.body.settings.citeAudit).toBe(true);
    expect(limitations(await reportText()).join('\n')).not.toContain('Rà soát lại');

    expect((await call('POST', '/api/persons/10.003/events', { kind: 'disciplined', level: 'canh_cao', startsOn: '2022-09-15' })).status).toBe(201);
    const text = limitations(await reportText()).join('\n');
    expect(text).toContain('Rà soát lại 2 mức xếp loại đã quyết định theo dữ liệu hiện có, còn 1 trường hợp có mức xếp loại cao hơn mức quy định cho phép');
    expect(text).toContain(`1 trường hợp theo ${CITATIONS.HD21_MEMBER_KHT.cite}`);

    const off = await call('PUT', '/api/reports/XA-A/2022', { citeAudit: false, version: on.body.version });
    expect(off.status).toBe(200);
    expect(limitations(await reportText()).join('\n')).not.toContain('Rà soát lại');
  });
});
