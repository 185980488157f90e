/**
 * Loads the demo district (Đảng bộ huyện Tam Đường, cycle 2022) into a database: refuses when it is
 * already there, reuses the province unit and the 2022 cycle when they exist, then writes everything
 * in one transaction (src/db/queries/dataset.ts).
 */
import type { Db } from '../db/create-db.js';
import { insertDataset } from '../db/queries/dataset.js';
import { AppError } from '../domain/errors.js';
import { newId } from '../db/ids.js';
import type { Dataset } from './dataset.js';
import { DEMO_CYCLE, DEMO_UNIT_CODE, generateTamDuong } from './tam-duong.js';
import { DEADLINES, PROVINCE } from './tam-duong-plan.js';

export interface DemoLoadSummary {
  unitCode: string;
  units: number;
  persons: number;
  collectives: number;
  evaluations: number;
}

/** Generates and inserts the demo district; DuplicateCode when HU-TAMDUONG already exists. */
export async function loadDemoDistrict(db: Db, options: { onProgress?: (msg: string) => void; then?: (trx: Db) => Promise<void> } = {}): Promise<DemoLoadSummary> {
  const existing = await db.selectFrom('org_units').select(['id', 'code']).where('code', 'in', [DEMO_UNIT_CODE, PROVINCE.code]).execute();
  if (existing.some((u) => u.code === DEMO_UNIT_CODE)) {
    throw new AppError(
      'DuplicateCode',
      {
        vi: `Đơn vị mẫu «${DEMO_UNIT_CODE}» (Đảng bộ huyện Tam Đường) đã có trong cơ sở dữ liệu; không nạp lại.`,
        en: `The demo unit "${DEMO_UNIT_CODE}" (Tam Đường district) already exists; it was not loaded again.`,
      },
      { field: 'code' },
    );
  }
  const cycle = await db
    .selectFrom('cycles')
    .select(['id', 'rule_set'])
    .where('year', '=', DEMO_CYCLE.year)
    .where('period', '=', DEMO_CYCLE.period)
    .executeTakeFirst();
  if (cycle && cycle.rule_set !== DEMO_CYCLE.ruleSet) {
    throw new AppError('RuleSetMismatch', {
      vi: `Kỳ đánh giá năm ${DEMO_CYCLE.year} đã có với bộ quy tắc ${cycle.rule_set}; huyện mẫu cần ${DEMO_CYCLE.ruleSet}.`,
      en: `The ${DEMO_CYCLE.year} cycle exists with rule set ${cycle.rule_set}; the demo district needs ${DEMO_CYCLE.ruleSet}.`,
    });
  }
  options.onProgress?.('Đang tạo dữ liệu huyện mẫu Tam Đường năm 2022…');
  const data = generateTamDuong({
    createdAt: new Date().toISOString(),
    existingProvinceId: existing.find((u) => u.code === PROVINCE.code)?.id ?? null,
    existingCycleId: cycle?.id ?? null,
  });
  const then = async (trx: Db) => {
    await insertReports(trx, data);
    await options.then?.(trx);
  };
  await insertDataset(db, data, { ...(options.onProgress ? { onProgress: options.onProgress } : {}), then });
  return {
    unitCode: DEMO_UNIT_CODE,
    units: data.units.length,
    persons: data.persons.length,
    collectives: data.collectives.length,
    evaluations: data.evaluations.length,
  };
}

/**
 * The 2022 reports were sent (GUIDE.md §4.9): every unit whose level has a deadline sent its report on
 * time — two days before its deadline, 09:00 Vietnam time — and the district's own (331-BC/HU,
 * 10/01/2023) went to the province. No report shows late or missing. They stay «Đã nộp», not
 * accepted: an accepted report would freeze the year's grading, which the demo keeps open to try.
 */
async function insertReports(db: Db, data: Dataset): Promise<void> {
  const cycleId = data.cycles[0]?.id ?? data.evaluations[0]?.cycleId;
  if (!cycleId) return;
  const due = new Map<string, string>(DEADLINES.map((d) => [d.level, d.dueOn]));
  const at = (date: string, days: number, hour: string) => new Date(Date.parse(`${date}T${hour}:00+07:00`) + days * 86_400_000).toISOString();
  for (const unit of data.units) {
    const version = unit.versions.find((v) => v.validTo === null) ?? unit.versions[unit.versions.length - 1];
    const dueOn = version ? due.get(version.kind) : undefined;
    if (!version || !dueOn) continue;
    const submittedAt = unit.code === DEMO_UNIT_CODE ? at('2023-01-10', 0, '09') : at(dueOn, -2, '09');
    const id = newId();
    await db.insertInto('submissions').values({ id, cycle_id: cycleId, unit_id: unit.id, status: 'submitted', submitted_at: submittedAt, received_at: null, decided_at: null, comment: null, exceptions: '[]', version: 1, updated_at: submittedAt }).execute();
    await db.insertInto('submission_events').values({ id: newId(), submission_id: id, action: 'submit', from_status: null, to_status: 'submitted', comment: null, at: submittedAt, actor: 'Văn phòng cấp ủy' }).execute();
  }
}
