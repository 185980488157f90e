/**
 * The 2025 scenario on the demo district (`xeploai demo restructure-2025`, issue #10 item 5), through
 * the same services as the API: from 1/7/2025 Tam Đường's communes merge into the new communes of the
 * province (their cells and members follow; their collectives and leaders' positions end and the new
 * communes get their own), some of the district's schools become cells of a new commune, and the
 * district committee merges into the province (its remaining units sit directly under the province;
 * its own collectives and positions end). Then a 2025 cycle under QĐ 366 runs on the new tree: every
 * subject's eligibility, and one cell of Bình Lư graded through the workflow. The 2022 cycle keeps
 * its tree: its report prints as before. The mapping is an assumption (restructure-2025-plan.ts).
 */
import type { Db } from '../db/create-db.js';
import { createCollective } from '../db/queries/collectives.js';
import { createCycle } from '../db/queries/cycles.js';
import { listEvaluations, updateEvaluation } from '../db/queries/evaluations.js';
import { createPosition, listPositionsAt } from '../db/queries/positions.js';
import { changeUnit, getUnitAt, listChildrenAt } from '../db/queries/units.js';
import type { CollectiveKind, Grade } from '../domain/codes.js';
import { AppError } from '../domain/errors.js';
import {
  ASSUMPTION_NOTE,
  CELLS_TO_COMMUNES,
  COMMUNE_COLLECTIVES,
  CYCLE_2025,
  DISTRICT_CODE,
  NEW_COMMUNES,
  PROVINCE_CODE,
  RESOLUTION,
  RESTRUCTURE_DAY,
} from '../demo/restructure-2025-plan.js';
import { computeAndStoreEligibility } from './eligibility.js';
import { appraise, decide, gradingCheck, propose, selfAssess } from './grading.js';
import { mergeUnits } from './restructure.js';

export interface Restructure2025Summary {
  assumption: { vi: string; en: string };
  day: string;
  communes: { code: string; name: string; from: readonly string[]; cells: number }[];
  cellsToCommunes: { code: string; to: string }[];
  district: { code: string; ended: string; toProvince: string[] };
  cycle: { year: number; ruleSet: string; subjects: number; gradedCell: string; grades: Record<Grade, number> };
}

/** Refuses to run twice, or without the demo district. */
async function assertReady(db: Db): Promise<void> {
  const district = await db.selectFrom('org_units').select('id').where('code', '=', DISTRICT_CODE).executeTakeFirst();
  if (!district) throw new AppError('UnitNotFound', { vi: `Chưa có huyện mẫu «${DISTRICT_CODE}»: hãy chạy «xeploai demo load» trước.`, en: `The demo district "${DISTRICT_CODE}" is not loaded: run "xeploai demo load" first.` });
  const done = await db.selectFrom('org_units').select('id').where('code', '=', NEW_COMMUNES[0]!.code).executeTakeFirst();
  if (done) throw new AppError('DuplicateCode', { vi: 'Kịch bản sắp xếp năm 2025 đã chạy trên cơ sở dữ liệu này.', en: 'The 2025 restructuring has already run on this database.' }, { field: 'code' });
}

/** The new commune: the old communes merged into it, then its own collectives and its secretary and deputy. */
async function formCommune(db: Db, c: (typeof NEW_COMMUNES)[number], actor: string): Promise<number> {
  const before = new Date(Date.parse(RESTRUCTURE_DAY) - 86_400_000).toISOString().slice(0, 10);
  const secretaries = [];
  for (const code of c.from) secretaries.push((await listPositionsAt(db, code, before)).find((p) => p.positionGroup === 'co_so.bi_thu'));
  const note = `${RESOLUTION}. ${ASSUMPTION_NOTE.vi}`;
  await mergeUnits(db, { on: RESTRUCTURE_DAY, sources: c.from, newUnit: { code: c.code, name: c.name, kind: 'grassroots_committee', orgType: 'xa', parentCode: PROVINCE_CODE }, collectives: 'end', positions: 'end', note, actor });
  for (const k of COMMUNE_COLLECTIVES) {
    await createCollective(db, { code: `${c.code}.${k.suffix}`, unitCode: c.code, name: k.name(c.place), kind: k.kind as CollectiveKind, level: 'co_so', validFrom: RESTRUCTURE_DAY });
  }
  const [first, second] = secretaries;
  if (first) await createPosition(db, { cardNumber: first.cardNumber, unitCode: c.code, positionGroup: 'co_so.bi_thu', title: `Bí thư Đảng ủy ${c.place}`, validFrom: RESTRUCTURE_DAY });
  if (second) await createPosition(db, { cardNumber: second.cardNumber, unitCode: c.code, positionGroup: 'co_so.pho_bi_thu', title: `Phó Bí thư Đảng ủy ${c.place}`, validFrom: RESTRUCTURE_DAY });
  return (await listChildrenAt(db, c.code, RESTRUCTURE_DAY)).length;
}

/** One cell of a new commune graded under QĐ 366: every member (score, tasks), then the cell; returns the members' grades. */
async function gradeOneCell(db: Db, cellCode: string, actor: string): Promise<Record<Grade, number>> {
  const cycle = { cycleYear: CYCLE_2025.year };
  const grades: Record<Grade, number> = { HTXS: 0, HTT: 0, HT: 0, KHT: 0 };
  const cellId = (await getUnitAt(db, cellCode, CYCLE_2025.referenceDate)).unitId;
  const cycleRow = await db.selectFrom('cycles').select('id').where('year', '=', cycle.cycleYear).executeTakeFirstOrThrow();
  const evaluations = await listEvaluations(db, { cycleId: cycleRow.id, unitIds: [cellId] });
  const members = evaluations.filter((e) => e.subjectKind === 'member' && e.eligibility === 'eligible');
  const step = async (id: string, i: number) => {
    // Scores 80–88 with every task on time: HTT (QĐ 366: 70–<90, 100% on time); the last one 65 with one task late: HT.
    const ht = i === members.length - 1 && i > 0;
    const grade: Grade = ht ? 'HT' : 'HTT';
    const facts = { score: ht ? 65 : 80 + (i % 9), tasks: { total: 10, onTime: ht ? 9 : 10, late: ht ? 1 : 0, exceeding: ht ? 0 : 2 } };
    // Reviewed at the cell's meeting before being graded (QĐ 366 Điều 3; the forms check KD against DV).
    await updateEvaluation(db, id, { reviewed: true }, { actor, reason: 'Đã kiểm điểm tại hội nghị chi bộ' });
    await selfAssess(db, { evaluationId: id, grade, actor, ...facts });
    await propose(db, { evaluationId: id, grade, actor, byUnit: cellCode });
    const authority = (await gradingCheck(db, { evaluationId: id, grade })).competentAuthority.unitCode;
    if (!authority) throw new Error(`no competent authority for ${id}`);
    // QĐ 366 Điều 12 khoản 1, Bước 2: appraised before the decision (rules-audit.md R46).
    await appraise(db, { evaluationId: id, grade, comment: 'Thẩm định: đề xuất phù hợp tiêu chí và thang điểm', byUnit: authority, actor });
    await decide(db, { evaluationId: id, grade, actor, decidingUnit: authority });
    return grade;
  };
  for (const [i, m] of members.entries()) grades[await step(m.id, i)] += 1;
  const cell = evaluations.find((e) => e.subjectKind === 'unit' && e.eligibility === 'eligible');
  if (cell) await step(cell.id, 0);
  return grades;
}

/** Runs the scenario; `onProgress` gets a line per step. */
export async function runRestructure2025(db: Db, options: { actor: string; onProgress?: (line: string) => void }): Promise<Restructure2025Summary> {
  const say = options.onProgress ?? (() => undefined);
  await assertReady(db);
  say(ASSUMPTION_NOTE.vi);
  const communes: Restructure2025Summary['communes'] = [];
  for (const c of NEW_COMMUNES) {
    say(`Sáp nhập ${c.from.join(', ')} thành ${c.name} từ ngày 01/07/2025…`);
    communes.push({ code: c.code, name: c.name, from: c.from, cells: await formCommune(db, c, options.actor) });
  }
  for (const m of CELLS_TO_COMMUNES) {
    say(`Chuyển ${m.code} về ${m.to} (thành chi bộ trực thuộc)…`);
    await changeUnit(db, m.code, { from: RESTRUCTURE_DAY, parentCode: m.to, kind: 'cell' });
  }
  say(`Kết thúc ${DISTRICT_CODE}: các đơn vị còn lại trực thuộc ${PROVINCE_CODE}…`);
  const ended = await mergeUnits(db, { on: RESTRUCTURE_DAY, sources: [DISTRICT_CODE], into: PROVINCE_CODE, collectives: 'end', positions: 'end', note: `${RESOLUTION}: không tổ chức cấp huyện. ${ASSUMPTION_NOTE.vi}`, actor: options.actor });
  say('Mở kỳ đánh giá năm 2025 (QĐ 366) và tính diện đánh giá trên cây mới…');
  const cycle = await createCycle(db, { year: CYCLE_2025.year, referenceDate: CYCLE_2025.referenceDate, deadlines: CYCLE_2025.deadlines.map((d) => ({ ...d })) });
  const eligibility = await computeAndStoreEligibility(db, { cycleYear: cycle.year, actor: options.actor });
  const gradedCell = 'TD-DU-TTTAMDUONG-CB01';
  say(`Đánh giá, xếp loại đảng viên và chi bộ ${gradedCell} (nay thuộc ${NEW_COMMUNES[0]!.code})…`);
  const grades = await gradeOneCell(db, gradedCell, options.actor);
  return {
    assumption: ASSUMPTION_NOTE,
    day: RESTRUCTURE_DAY,
    communes,
    cellsToCommunes: CELLS_TO_COMMUNES.map(({ code, to }) => ({ code, to })),
    district: { code: DISTRICT_CODE, ended: RESTRUCTURE_DAY, toProvince: ended.parts[0]?.children ?? [] },
    cycle: { year: cycle.year, ruleSet: cycle.ruleSet, subjects: eligibility.subjects, gradedCell, grades },
  };
}
