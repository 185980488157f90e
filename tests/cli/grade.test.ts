/**
 * The grading workflow from the command line on the demo district: check, a re-grade that needs a
 * reason, a decision by a body without authority, bad subjects, review records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createDb, type Db } from '../../src/db/create-db.js';
import { type CliEnv, cliEnv } from '../helpers/cli.js';
import { testEngine } from '../helpers/test-db.js';

let cli: CliEnv;
let db: Db;
let card: string;
let committee: string;

beforeAll(async () => {
  cli = cliEnv();
  expect((await cli.run(['demo', 'load'])).code).toBe(0);
  db = createDb(loadConfig(cli.env));
  // A member graded HTT by their grassroots committee in the demo's 2022 cycle.
  const row = await db
    .selectFrom('evaluations as e')
    .innerJoin('persons as p', 'p.id', 'e.subject_id')
    .innerJoin('org_units as d', 'd.id', 'e.deciding_unit_id')
    .select(['p.card_number', 'd.code'])
    .where('e.subject_kind', '=', 'member')
    .where('e.decided_grade', '=', 'HTT')
    .where('e.eligibility', '=', 'eligible')
    .orderBy('p.card_number')
    .executeTakeFirstOrThrow();
  card = row.card_number;
  committee = row.code;
});
afterAll(async () => {
  await db?.destroy();
  await cli?.cleanup();
});

describe(`xeploai grade (${testEngine})`, () => {
  it('check answers the highest grade, the HTXS headroom on its base and the competent body, writing nothing', async () => {
    const before = await db.selectFrom('evaluation_history').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const r = await cli.run(['grade', 'check', '--cycle', '2022', '--subject', `member:${card}`, '--grade', 'HTXS']);
    expect(r.err).toBe('');
    expect(r.out).toContain('Mức cao nhất được xếp:');
    expect(r.out).toMatch(/Tỷ lệ HTXS: HTXS \d+, tối đa \d+ \(20% × \d+ HTT = [\d,]+ → \d+, làm tròn xuống\)/);
    expect(r.out).toContain(`(${committee})`);
    const after = await db.selectFrom('evaluation_history').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('a re-grade needs a reason; with one it is recorded in the history with the body and the reason', async () => {
    const none = await cli.run(['grade', 'regrade', '--cycle', '2022', '--subject', `member:${card}`, '--grade', 'HT', '--by', committee]);
    expect(none.code).toBe(1);
    expect(none.err).toContain('Xếp loại lại phải ghi rõ lý do');
    const ok = await cli.run(['grade', 'regrade', '--cycle', '2022', '--subject', `member:${card}`, '--grade', 'HT', '--by', committee, '--reason', 'Rà soát lại theo kết luận kiểm tra']);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toContain(`Đã xếp loại lại member:${card}: HT (Hoàn thành nhiệm vụ)`);
    const history = await db
      .selectFrom('evaluation_history as h')
      .innerJoin('evaluations as e', 'e.id', 'h.evaluation_id')
      .innerJoin('persons as p', 'p.id', 'e.subject_id')
      .select(['h.action', 'h.old_value', 'h.new_value', 'h.reason'])
      .where('p.card_number', '=', card)
      .where('h.field', '=', 'decidedGrade')
      .where('h.action', '=', 'regrade')
      .execute();
    expect(history.map((h) => [h.old_value, h.new_value])).toContainEqual(['HTT', 'HT']);
    expect(history.some((h) => h.reason?.includes('Rà soát lại theo kết luận kiểm tra'))).toBe(true);
  });

  it('refuses a decision by a body without authority, a malformed subject and a missing option, each with exit 1', async () => {
    const wrongBody = await cli.run(['grade', 'decide', '--cycle', '2022', '--subject', `member:${card}`, '--grade', 'HTT', '--by', 'TU-LAICHAU']);
    expect(wrongBody.code).toBe(1);
    expect(wrongBody.err).toMatch(/Lỗi: /);
    const badSubject = await cli.run(['grade', 'check', '--cycle', '2022', '--subject', card, '--grade', 'HTT']);
    expect([badSubject.code, badSubject.err.includes('LOẠI:MÃ')]).toEqual([1, true]);
    const noGrade = await cli.run(['grade', 'check', '--cycle', '2022', '--subject', `member:${card}`]);
    expect([noGrade.code, noGrade.err.includes('«--grade»')]).toEqual([1, true]);
    const outside = await cli.run(['grade', 'check', '--cycle', '2022', '--subject', `member:${card}`, '--grade', 'XS']);
    expect(outside.code).toBe(1);
  });

  it('review-records lists the meetings of a cycle (none recorded in the demo)', async () => {
    const r = await cli.run(['review-records', '--cycle', '2022', '--unit', 'HU-TAMDUONG']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Chưa có hồ sơ hội nghị kiểm điểm nào');
  });
});
