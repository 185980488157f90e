/**
 * The consistency audit of decided grades (issue 8 item 3; rules-audit.md F4): on the demo district
 * `xeploai grade audit --cycle 2022` finds no binding violation (the demo's generation keeps its own
 * rules: H8–H10 organisation thresholds, H15 a party committee not above its organisation); a cảnh
 * cáo entered through the API afterwards for a member decided HTT makes it exit 1 naming that member,
 * and the same violation shows in GET /api/cycles/:year/audit and on the member's check panel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createDb, type Db } from '../../src/db/create-db.js';
import { createApp } from '../../src/server/app.js';
import { authed, signIn } from '../helpers/auth.js';
import { type CliEnv, cliEnv } from '../helpers/cli.js';
import { testEngine } from '../helpers/test-db.js';
import { client } from '../workflow/helpers.js';

let cli: CliEnv;
let db: Db;
let api: ReturnType<typeof client>;
let member: { card: string; name: string; evaluationId: string; committee: string };

beforeAll(async () => {
  cli = cliEnv();
  expect((await cli.run(['demo', 'load'])).code).toBe(0);
  const config = loadConfig(cli.env);
  db = createDb(config);
  const app = createApp({ db, config });
  api = client(authed(app, await signIn(app, db, { role: 'admin', scope: 'HU-TAMDUONG' })));
  const row = await db
    .selectFrom('evaluations as e')
    .innerJoin('persons as p', 'p.id', 'e.subject_id')
    .innerJoin('org_units as d', 'd.id', 'e.deciding_unit_id')
    .select(['p.card_number', 'p.full_name', 'e.id', 'd.code'])
    .where('e.subject_kind', '=', 'member')
    .where('e.decided_grade', '=', 'HTT')
    .where('e.eligibility', '=', 'eligible')
    .orderBy('p.card_number', 'desc')
    .executeTakeFirstOrThrow();
  member = { card: row.card_number, name: row.full_name, evaluationId: row.id, committee: row.code };
}, 120_000);
afterAll(async () => {
  await db?.destroy();
  await cli?.cleanup();
});

describe(`xeploai grade audit on the demo district (${testEngine})`, () => {
  it('F4: the demo has no binding violation: exit 0, every decided grade checked, cap overruns only listed', async () => {
    const run = await cli.run(['grade', 'audit', '--cycle', '2022']);
    expect(run.code, run.out + run.err).toBe(0);
    expect(run.out).toMatch(/Đã kiểm tra 3\.?173 mức xếp loại đã quyết định của kỳ 2022 \(QD132-HD21\): không có quy định bắt buộc nào bị vi phạm\./);
    expect(run.out).not.toContain('VI PHẠM:');
    const json = JSON.parse((await cli.run(['grade', 'audit', '--cycle', '2022', '--json'])).out);
    expect(json).toMatchObject({ ok: true, checked: 3173, binding: { total: 0 } });
    expect(json.violations.filter((v: { binding: boolean }) => v.binding)).toEqual([]);
  }, 480_000); // two audits of 3,173 decided grades: minutes on PostgreSQL on a loaded machine

  it('F4: a cảnh cáo entered after the decision breaks the decided HTT: the audit exits 1 naming the member, citing HD 21', async () => {
    const event = await api.post(`/api/persons/${member.card}/events`, { kind: 'disciplined', level: 'canh_cao', startsOn: '2022-10-15', note: 'Quyết định kỷ luật số 12-QĐ/ĐU' });
    expect(event.status, JSON.stringify(event.body)).toBe(201);

    const run = await cli.run(['grade', 'audit', '--cycle', '2022', '--unit', member.committee]);
    expect(run.code).toBe(1);
    const line = run.out.split('\n').find((l) => l.includes(member.card));
    expect(line, run.out).toBeDefined();
    expect(line).toContain(member.name);
    expect(line).toContain('đã quyết định HTT');
    expect(line).toContain('mức cao nhất được phép KHT');
    expect(line).toContain('HD 21, II.B.2.3');
    expect(run.out).toContain('1 vi phạm quy định bắt buộc (0 tổ chức đảng, 0 tập thể, 0 cá nhân lãnh đạo, 1 đảng viên)');

    const res = await api.get(`/api/cycles/2022/audit?unit=${member.committee}`);
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    const violation = (res.body.violations as Record<string, unknown>[]).find((v) => v.cardNumber === member.card);
    expect(violation).toMatchObject({ evaluationId: member.evaluationId, subjectKind: 'member', decidedGrade: 'HTT', highestAllowed: 'KHT', binding: true, source: expect.stringContaining('HD 21, II.B.2.3') });
  }, 120_000);

  it('F4: the member’s check panel shows the decided grade broken by the later fact', async () => {
    const panel = await api.get(`/api/evaluations/${member.evaluationId}/panel`);
    expect(panel.status).toBe(200);
    const finding = (panel.body.findings as { severity: string; text: string; source: string }[]).find((f) => f.severity === 'error');
    expect(finding?.text).toContain('Mức đã quyết định HTT không còn phù hợp');
    expect(finding?.source).toContain('HD 21, II.B.2.3');
  });

  it('the command refuses a bad cycle or unit and names it', async () => {
    const noCycle = await cli.run(['grade', 'audit', '--cycle', '2019']);
    expect(noCycle.code).toBe(1);
    expect(noCycle.err).toContain('2019');
    const noUnit = await cli.run(['grade', 'audit', '--cycle', '2022', '--unit', 'KHONG-CO']);
    expect(noUnit.code).toBe(1);
    expect(noUnit.err).toContain('KHONG-CO');
  });
});
