/**
 * The "Done when" scenarios of issue 8 (part A) on a fresh demo district, through the API and the
 * command line: disciplining the deputy secretary of a commune lowers its party committee (where the
 * deputy sits) and leaves its MTTQ collective's ceiling unchanged (H34, R8); under a 2025 cycle a
 * Phó Bí thư with a duty-related khiển trách asking HTXS gets KHT (R28); a member without a score
 * cannot be graded (R11); facts entered, listed and cleared with `xeploai facts`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createDb, type Db } from '../../src/db/create-db.js';
import { findEvaluationOfSubject } from '../../src/db/queries/evaluations.js';
import { getCycle } from '../../src/db/queries/cycles.js';
import { SRC } from '../../src/domain/rules/sources.js';
import { createApp } from '../../src/server/app.js';
import { gradingCheck } from '../../src/services/grading.js';
import { type SignedIn, signIn, withAuth } from '../helpers/auth.js';
import { type CliEnv, cliEnv } from '../helpers/cli.js';
import { testEngine } from '../helpers/test-db.js';

type Json = Record<string, any>;

describe(`issue 8 on the demo district (${testEngine})`, () => {
  let cli: CliEnv;
  let db: Db;
  let app: ReturnType<typeof createApp>;
  let admin: SignedIn;
  let deputy: { positionId: string; card: string; unit: string; cell: string };
  const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> => {
    const init: RequestInit = { method, ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}) };
    const res = await app.request(path, withAuth(admin, init));
    return { status: res.status, body: (await res.json()) as Json };
  };
  const evaluationId = async (year: number, kind: string, ref: string) => (await findEvaluationOfSubject(db, { cycle: await getCycle(db, { year }), kind, ref })).id;

  beforeAll(async () => {
    cli = cliEnv();
    expect((await cli.run(['demo', 'load'])).code).toBe(0);
    const config = loadConfig(cli.env);
    db = createDb(config);
    app = createApp({ db, config });
    const root = await db.selectFrom('org_units as u').innerJoin('org_unit_versions as v', 'v.unit_id', 'u.id').select('u.code').where('v.parent_id', 'is', null).executeTakeFirstOrThrow();
    admin = await signIn(app, db, { role: 'admin', scope: root.code, username: 'quan.tri' });
    // A commune's Phó Bí thư (seated on its party committee collective by the demo), with the commune's MTTQ collective.
    const row = await db
      .selectFrom('positions as x')
      .innerJoin('persons as p', 'p.id', 'x.person_id')
      .innerJoin('org_units as u', 'u.id', 'x.unit_id')
      .innerJoin('collectives as c', (j) => j.onRef('c.unit_id', '=', 'x.unit_id').on('c.kind', '=', 'mttq'))
      .innerJoin('memberships as m', 'm.person_id', 'p.id')
      .innerJoin('org_units as cell', 'cell.id', 'm.unit_id')
      .select(['x.id', 'p.card_number', 'u.code', 'cell.code as cell'])
      .where('x.position_group', '=', 'co_so.pho_bi_thu')
      .orderBy('u.code')
      .executeTakeFirstOrThrow();
    deputy = { positionId: row.id, card: row.card_number, unit: row.code, cell: row.cell };
  });
  afterAll(async () => {
    await db?.destroy();
    await cli?.cleanup();
  });

  it('H34, R8: a cảnh cáo of the commune’s deputy secretary (entered with `xeploai event add`) lowers the party committee to KHT and leaves the MTTQ collective’s ceiling unchanged', async () => {
    const committee = await evaluationId(2022, 'collective', `${deputy.unit}.DANGUY`);
    const mttq = await evaluationId(2022, 'collective', `${deputy.unit}.MTTQ`);
    const seats = await cli.run(['collective', 'members', '--collective', `${deputy.unit}.DANGUY`, '--date', '2022-12-31']);
    expect(seats.out).toContain(`(${deputy.card})`);
    const before = await gradingCheck(db, { evaluationId: mttq, grade: 'HTXS' });
    const run = await cli.run(['event', 'add', '--card', deputy.card, '--kind', 'disciplined', '--level', 'canh_cao', '--from', '2022-06-01', '--document', '45-QĐ/UBKTHU', '--document-date', '2022-06-01']);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain('Cảnh cáo');
    const after = await gradingCheck(db, { evaluationId: mttq, grade: 'HTXS' });
    expect([after.highestAllowed, after.reasons]).toEqual([before.highestAllowed, before.reasons]);
    const party = await gradingCheck(db, { evaluationId: committee, grade: 'HTT' });
    expect(party.highestAllowed).toBe('KHT');
    expect(party.reasons[0]).toMatchObject({ source: SRC.HD21_COLLECTIVE, binding: true });
    expect(party.reasons[0]!.text).toContain('có thành viên bị kỷ luật cảnh cáo ngày 01/06/2022');
  });

  it('facts through the command line: set (validated, naming the field), list, clear', async () => {
    const subject = `collective:${deputy.unit}.UBND`;
    const bad = await cli.run(['facts', 'set', '--cycle', '2022', '--subject', subject, '--fact', 'disunity', '--value', 'có lẽ']);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('phải là true hoặc false');
    const set = await cli.run(['facts', 'set', '--cycle', '2022', '--subject', subject, '--fact', 'disunity', '--value', 'true', '--document', '12-KL/HU', '--document-date', '2022-11-30']);
    expect(set.code, set.err).toBe(0);
    expect((await gradingCheck(db, { evaluationId: await evaluationId(2022, 'collective', `${deputy.unit}.UBND`), grade: 'HT' })).highestAllowed).toBe('KHT');
    const list = await cli.run(['facts', 'list', '--cycle', '2022', '--subject', subject]);
    expect(list.out).toContain('disunity = true');
    expect(list.out).toContain('12-KL/HU, 30/11/2022; nhập bởi cli');
    expect((await cli.run(['facts', 'clear', '--cycle', '2022', '--subject', subject, '--fact', 'disunity', '--reason', 'Nhập nhầm đơn vị'])).code).toBe(0);
    expect((await gradingCheck(db, { evaluationId: await evaluationId(2022, 'collective', `${deputy.unit}.UBND`), grade: 'HT' })).highestAllowed).not.toBe('KHT');
  });

  it('R28, R11: under a 2025 cycle, a Phó Bí thư with a duty-related khiển trách asking HTXS gets KHT; a member without a score cannot be graded', async () => {
    expect((await call('POST', '/api/cycles', { year: 2025, referenceDate: '2025-12-31' })).status).toBe(201);
    const created = await call('POST', '/api/cycles/2025/evaluations', { subjectKind: 'position', subjectRef: deputy.positionId });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await call('PUT', `/api/evaluations/${id}/facts/scoreParts`, { value: { general: 28, results: 67 } })).status).toBe(200);
    expect((await call('PUT', `/api/evaluations/${id}/facts/shortcomingsRemedied`, { value: true })).status).toBe(200);
    expect((await gradingCheck(db, { evaluationId: id, grade: 'HTXS' })).highestAllowed).toBe('HTXS');
    const event = { kind: 'disciplined', level: 'khien_trach', startsOn: '2025-05-20', dutyRelated: true, documentNumber: '07-QĐ/UBKTHU' };
    expect((await call('POST', `/api/persons/${deputy.card}/events`, event)).status).toBe(201);
    const check = await gradingCheck(db, { evaluationId: id, grade: 'HTXS' });
    expect(check.highestAllowed).toBe('KHT');
    expect(check.reasons[0]).toMatchObject({ grade: 'KHT', source: SRC.QD366_KHT, binding: true });

    const member = await call('POST', '/api/cycles/2025/evaluations', { subjectKind: 'member', subjectRef: deputy.card });
    expect(member.status).toBe(201);
    const noScore = await gradingCheck(db, { evaluationId: member.body.id, grade: 'HT' });
    expect(noScore.errors.map((e) => e.code)).toContain('missing_fact');
    expect((await call('POST', `/api/evaluations/${member.body.id}/self-assess`, { grade: 'HT' })).status).toBe(200);
    const proposal = await call('POST', `/api/evaluations/${member.body.id}/propose`, { grade: 'HT', byUnit: deputy.cell });
    expect([proposal.status, proposal.body.error?.code]).toEqual([422, 'GradeNotAllowed']);
    expect(proposal.body.error.message.vi).toContain('chưa có tổng điểm đánh giá');
  });
});
