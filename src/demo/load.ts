/**
 * Loads the demo district (Đảng bộ huyện Tam Đường, cycle 2022) into a database: refuses when it is
 * already there, reuses the province unit and the 2022 cycle when they exist, then writes everything
 * in one transaction (src/db/queries/dataset.ts).
 */
import type { Db } from '../db/create-db.js';
import { insertDataset } from '../db/queries/dataset.js';
import { AppError } from '../domain/errors.js';
import { DEMO_CYCLE, DEMO_UNIT_CODE, generateTamDuong } from './tam-duong.js';
import { PROVINCE } from './tam-duong-plan.js';

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
  await insertDataset(db, data, { ...(options.onProgress ? { onProgress: options.onProgress } : {}), ...(options.then ? { then: options.then } : {}) });
  return {
    unitCode: DEMO_UNIT_CODE,
    units: data.units.length,
    persons: data.persons.length,
    collectives: data.collectives.length,
    evaluations: data.evaluations.length,
  };
}
