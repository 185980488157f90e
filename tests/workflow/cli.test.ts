/** The `submissions` and `eligibility compute` commands in process, on a fresh database with the demo district. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createDb } from '../../src/db/create-db.js';
import { createCycle, getCycle } from '../../src/db/queries/cycles.js';
import { findEvaluationOfSubject, updateEvaluation } from '../../src/db/queries/evaluations.js';
import { selfAssess } from '../../src/services/grading.js';
import { addPersonEvent } from '../../src/db/queries/persons.js';
import { cliEnv, type CliEnv } from '../helpers/cli.js';
import { testEngine } from '../helpers/test-db.js';

describe(`workflow CLI (${testEngine})`, () => {
  let cli: CliEnv;
  beforeAll(async () => {
    cli = cliEnv();
    expect((await cli.run(['demo', 'load'])).code).toBe(0);
  }, 60_000);
  afterAll(async () => cli.cleanup());

  it('computes eligibility and prints the counts per status', async () => {
    const r = await cli.run(['eligibility', 'compute', '--cycle', '2022', '--unit', 'HU-TAMDUONG']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('tạo mới 0, thay đổi 0');
    expect(r.out).toContain('Miễn công tác và sinh hoạt đảng: 122');
    expect(r.out).toContain('Kết nạp chưa đủ 6 tháng: 65');
  });

  it('lists decided subjects it leaves alone, to adjust by a re-decision', async () => {
    const db = createDb(loadConfig(cli.env));
    try {
      const row = await db.selectFrom('evaluations as e').innerJoin('persons as p', 'p.id', 'e.subject_id').select('p.card_number').where('e.subject_kind', '=', 'member').where('e.unit_id', 'in', (eb) => eb.selectFrom('org_units').select('id').where('code', '=', 'TD-DU-QUANSU-CB02')).where('e.eligibility', '=', 'eligible').where('e.decided_grade', 'is not', null).orderBy('p.card_number').executeTakeFirstOrThrow();
      await addPersonEvent(db, { cardNumber: row.card_number, kind: 'exempt', startsOn: '2022-06-01' });
      const r = await cli.run(['eligibility', 'compute', '--cycle', '2022', '--unit', 'TD-DU-QUANSU-CB02']);
      expect(r.code).toBe(0);
      expect(r.out).toContain('cần điều chỉnh bằng quyết định lại / override: 1');
      expect(r.out).toContain(`member:${row.card_number}`);
      expect(r.out).toContain('Thuộc diện đánh giá, xếp loại → Miễn công tác và sinh hoạt đảng');
    } finally {
      await db.destroy();
    }
  });

  it('prints each unit with its status and timing', async () => {
    const r = await cli.run(['submissions', '--cycle', '2022', '--unit', 'TD-DU-QUANSU']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('TD-DU-QUANSU-CB01');
    // The demo's 2022 reports were sent on time (src/demo/load.ts).
    expect(r.out).toContain('Đã nộp');
    expect(r.out).toContain('Đúng hạn: 4, trễ: 0, chưa nộp: 0 (4 đơn vị).');
  });

  it('exits 1 with a Vietnamese message on bad input', async () => {
    const missing = await cli.run(['submissions']);
    expect([missing.code, missing.err]).toEqual([1, expect.stringContaining('--cycle NĂM')]);
    const unknown = await cli.run(['eligibility', 'compute', '--cycle', '2022', '--unit', 'KHONG-CO']);
    expect([unknown.code, unknown.err]).toEqual([1, expect.stringContaining('Không tìm thấy đơn vị «KHONG-CO»')]);
    const help = await cli.run(['submissions', '--help']);
    expect([help.code, help.out]).toEqual([0, expect.stringContaining('Cách dùng: xeploai submissions')]);
  });

  it('submissions submit: refused while subjects are ungraded, listing them; sent with a reason for each; grade appraise before the 2023 decision (QĐ 124 Điều 11)', async () => {
    const db = createDb(loadConfig(cli.env));
    try {
      await createCycle(db, { year: 2023, referenceDate: '2023-12-31', deadlines: [{ level: 'cell', dueOn: '2023-12-08' }] });
    } finally {
      await db.destroy();
    }
    expect((await cli.run(['eligibility', 'compute', '--cycle', '2023', '--unit', 'TD-DU-QUANSU-CB01'])).code).toBe(0);
    const refused = await cli.run(['submissions', 'submit', '--cycle', '2023', '--unit', 'TD-DU-QUANSU-CB01']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Chưa thể gửi kết quả của «TD-DU-QUANSU-CB01»');
    const listed = refused.err.split('\n').map((l) => l.trim().split(/\s+/)[0] ?? '').filter((w) => /^(member|unit|collective|position):/.test(w));
    expect(listed.length).toBeGreaterThan(1);
    const member = listed.find((w) => w.startsWith('member:')) as string;
    // One member graded through the workflow: self-assessed (the subject's own step, no command), proposed, then (2023, QĐ 124) appraised before the decision.
    const db2 = createDb(loadConfig(cli.env));
    try {
      const cycle = await getCycle(db2, { year: 2023 });
      const e = await findEvaluationOfSubject(db2, { cycle, kind: 'member', ref: member.slice('member:'.length) });
      await updateEvaluation(db2, e.id, { reviewed: true }, { actor: 'test', reason: 'Đã kiểm điểm tại chi bộ' });
      await selfAssess(db2, { evaluationId: e.id, grade: 'HTT', actor: 'test' });
    } finally {
      await db2.destroy();
    }
    const proposed = await cli.run(['grade', 'propose', '--cycle', '2023', '--subject', member, '--grade', 'HTT']);
    expect(proposed.code, proposed.err).toBe(0);
    const early = await cli.run(['grade', 'decide', '--cycle', '2023', '--subject', member, '--grade', 'HTT', '--by', 'TD-DU-QUANSU']);
    expect([early.code, early.err]).toEqual([1, expect.stringContaining('QĐ 124, Điều 11 (Bước 2')]);
    expect((await cli.run(['grade', 'appraise', '--cycle', '2023', '--subject', member, '--comment', 'Ban Tổ chức đã thẩm định', '--by', 'HU-TAMDUONG'])).code).toBe(0);
    expect((await cli.run(['grade', 'decide', '--cycle', '2023', '--subject', member, '--grade', 'HTT', '--by', 'TD-DU-QUANSU'])).code).toBe(0);
    const rest = listed.filter((w) => w !== member);
    const bad = await cli.run(['submissions', 'submit', '--cycle', '2023', '--unit', 'TD-DU-QUANSU-CB01', '--ungraded', 'member-no-reason']);
    expect([bad.code, bad.err]).toEqual([1, expect.stringContaining('LOẠI:MÃ=LÝ_DO')]);
    const sent = await cli.run(['submissions', 'submit', '--cycle', '2023', '--unit', 'TD-DU-QUANSU-CB01', ...rest.flatMap((w) => ['--ungraded', `${w}=Chưa họp xét, báo cáo bổ sung sau`])]);
    expect(sent.code, sent.err).toBe(0);
    expect(sent.out).toContain('Đã gửi kết quả của TD-DU-QUANSU-CB01');
    expect(sent.out.split('\n').filter((l) => l.includes('lý do: Chưa họp xét, báo cáo bổ sung sau'))).toHaveLength(rest.length);
  });
});
