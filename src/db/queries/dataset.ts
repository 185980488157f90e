/**
 * Writes a whole data set (src/demo/dataset.ts) in ONE transaction, streamed (bulkWriter: on SQLite
 * one prepared statement per table run for every row, on PostgreSQL `unnest` statements of 10,000
 * rows), reading each part once so a generator can stream the country (5.5 million members) in
 * bounded memory; the form counts are then recomputed in one streamed pass (rebuildFormCounts).
 * Domain objects become snake_case rows here and nowhere else.
 */
import type { Insertable } from 'kysely';
import type {
  DatasetCollective,
  DatasetCycle,
  DatasetEvaluation,
  DatasetMembership,
  DatasetPerson,
  DatasetPersonEvent,
  DatasetPosition,
  DatasetReviewTopic,
  DatasetSource,
  DatasetUnit,
} from '../../demo/dataset.js';
import type { Db } from '../create-db.js';
import { flushAudit } from './audit.js';
import type { Database } from '../schema.js';
import { rebuildFormCounts } from './form-counts-sync.js';
import { bulkWriter, deferIndexes, type SqliteHandle } from './bulk-insert.js';
import { sqliteHandleOf } from '../create-db.js';
import { formatViInteger } from '../../domain/format/vi-number.js';


export interface InsertDatasetOptions {
  /** Called after each table with a short Vietnamese line (rows written). */
  onProgress?: (message: string) => void;
  /** More writes that belong with the data (the demo's accounts), in the same transaction: all or nothing. */
  then?: (trx: Db) => Promise<void>;
  /**
   * The tables are empty (a fresh database: the benchmark's loader): their indexes (and, on
   * PostgreSQL, keys and foreign keys) are dropped for the inserts and built again after them, before
   * the counts; the stored counts' own keys around their rebuild. Ignored when a table has rows.
   */
  fresh?: boolean;
}

/** The tables a fresh load defers the indexes of while it writes them (the big ones). */
const DEFERRED: readonly (keyof Database)[] = ['org_unit_versions', 'collectives', 'persons', 'memberships', 'positions', 'evaluations', 'evaluation_history'];

/** Rows written per table. */
export type InsertedCounts = Record<keyof Database, number>;

type Tx = Parameters<Parameters<ReturnType<Db['transaction']>['execute']>[0]>[0];

const LABELS: Record<keyof Database, string> = {
  org_units: 'đơn vị',
  org_unit_versions: 'phiên bản đơn vị',
  collectives: 'tập thể',
  persons: 'đảng viên',
  memberships: 'sinh hoạt chi bộ',
  person_events: 'sự kiện đảng viên',
  positions: 'chức vụ',
  cycles: 'kỳ đánh giá',
  cycle_deadlines: 'hạn nộp',
  evaluations: 'phiếu đánh giá',
  evaluation_history: 'lịch sử đánh giá',
  review_topics: 'nội dung gợi ý kiểm điểm',
  form_counts: 'số liệu biểu',
  entered_form_values: 'số liệu biểu nhập tay',
  users: 'tài khoản',
  sessions: 'phiên đăng nhập',
  evaluation_stages: 'bước quy trình đánh giá',
  evaluation_stage_events: 'lịch sử quy trình đánh giá',
  evaluation_opinions: 'ý kiến chủ thể liên quan',
  decision_justifications: 'lý do chấp nhận cảnh báo',
  submissions: 'báo cáo cấp dưới',
  submission_events: 'lịch sử báo cáo',
  review_records: 'hồ sơ hội nghị kiểm điểm',
  calendar_overrides: 'ngày nghỉ, ngày làm bù điều chỉnh',
  reports: 'báo cáo',
  report_templates: 'mẫu báo cáo',
  evaluation_facts: 'số liệu xếp loại (nhiệm vụ, công chức, kỷ luật)',
  subject_facts: 'dữ kiện xếp loại (kết luận, chỉ tiêu, phiếu tín nhiệm …)',
  collective_members: 'thành viên tập thể lãnh đạo, quản lý',
  cycle_parameters: 'tham số bộ quy định của kỳ',
  unit_restructurings: 'lần sắp xếp lại tổ chức',
  sign_in_failures: 'lần đăng nhập sai',
  audit_log: 'nhật ký kiểm toán',
  audit_head: 'đầu nhật ký kiểm toán',
  pdf_queue: 'hàng đợi tạo PDF',
  import_jobs: 'lần nhập dữ liệu',
};

/**
 * Inserts every part of `data` in foreign-key order inside one transaction; nothing is written if
 * any row fails. Returns the rows written per table.
 */
export async function insertDataset(db: Db, data: DatasetSource, options: InsertDatasetOptions = {}): Promise<InsertedCounts> {
  // On SQLite the transaction runs on the one connection: a prepared statement on its handle runs in it.
  const sqlite = sqliteHandleOf(db);
  return db.transaction().execute(async (trx) => {
    const counts = {} as InsertedCounts;
    const put = async <T extends keyof Database>(table: T, rows: Iterable<Insertable<Database[T]>>) => {
      counts[table] = await insertStreaming(trx, table, rows, sqlite);
      options.onProgress?.(`Đã ghi ${formatViInteger(counts[table])} ${LABELS[table]}.`);
    };
    const restore = options.fresh ? await deferIndexes(trx, DEFERRED, { sqlite }) : undefined;
    // Units first, versions after: a version's parent may be any unit of the set.
    const units: DatasetUnit[] = [];
    await put('org_units', mapRows(data.units, (u) => (units.push(u), { id: u.id, code: u.code, created_at: u.createdAt })));
    await put('org_unit_versions', flatMapRows(units, unitVersionRows));
    units.length = 0;
    await put('collectives', mapRows(data.collectives, collectiveRow));
    await put('persons', mapRows(data.persons, personRow));
    await put('memberships', mapRows(data.memberships, membershipRow));
    await put('person_events', mapRows(data.personEvents, personEventRow));
    await put('positions', mapRows(data.positions, positionRow));
    if (data.collectiveMembers) {
      const at = new Date().toISOString();
      await put('collective_members', mapRows(data.collectiveMembers, (m) => ({ id: m.id, collective_id: m.collectiveId, position_id: m.positionId, valid_from: m.validFrom, valid_to: m.validTo, document_number: null, document_date: null, entered_by: 'demo', entered_at: at })));
    }
    const cycles: DatasetCycle[] = [];
    await put('cycles', mapRows(data.cycles, (c) => (cycles.push(c), cycleRow(c))));
    await put('cycle_deadlines', flatMapRows(cycles, deadlineRows));
    const touched = new Set<string>();
    const [evaluations, history] = await insertEvaluations(trx, mapRows(data.evaluations, (e) => (touched.add(e.cycleId), e)), sqlite);
    counts.evaluations = evaluations;
    counts.evaluation_history = history;
    options.onProgress?.(`Đã ghi ${formatViInteger(evaluations)} ${LABELS.evaluations} và ${formatViInteger(history)} ${LABELS.evaluation_history}.`);
    await put('review_topics', mapRows(data.reviewTopics, reviewTopicRow));
    if (restore) {
      await restore();
      options.onProgress?.('Đã tạo lại chỉ mục.');
    }
    const restoreCounts = options.fresh ? await deferIndexes(trx, ['form_counts'], { sqlite }) : undefined;
    // The live form counts of every cycle the set evaluates in, recomputed as `verify` does.
    for (const c of cycles) touched.add(c.id);
    const rebuilt = await rebuildFormCounts(trx, { cycleIds: [...touched] }, { sqlite });
    counts.form_counts = rebuilt.reduce((n, r) => n + r.rows, 0);
    await restoreCounts?.();
    options.onProgress?.(`Đã tính ${formatViInteger(counts.form_counts)} ${LABELS.form_counts}.`);
    await options.then?.(trx);
    await flushAudit(trx);
    return counts;
  });
}

/** Evaluations and their history rows, streamed side by side: each 10,000 evaluations are written before their history. */
async function insertEvaluations(trx: Tx, evaluations: Iterable<DatasetEvaluation>, sqlite: SqliteHandle | undefined): Promise<[number, number]> {
  const main = bulkWriter(trx, 'evaluations', { sqlite });
  const history = bulkWriter(trx, 'evaluation_history', { sqlite });
  let pending: DatasetEvaluation[] = [];
  const release = async () => {
    await main.flush();
    for (const p of pending) {
      for (const h of historyRows(p)) {
        const wrote = history.push(h);
        if (wrote) await wrote;
      }
    }
    pending = [];
  };
  for (const e of evaluations) {
    const wrote = main.push(evaluationRow(e));
    if (wrote) await wrote;
    pending.push(e);
    if (pending.length >= 10_000) await release();
  }
  await release();
  return [await main.end(), await history.end()];
}

async function insertStreaming<T extends keyof Database>(trx: Tx, table: T, rows: Iterable<Insertable<Database[T]>>, sqlite: SqliteHandle | undefined): Promise<number> {
  const writer = bulkWriter(trx, table, { sqlite });
  for (const row of rows) {
    const wrote = writer.push(row);
    if (wrote) await wrote;
  }
  return writer.end();
}

function* mapRows<A, B>(items: Iterable<A>, f: (a: A) => B): Iterable<B> {
  for (const item of items) yield f(item);
}

function* flatMapRows<A, B>(items: Iterable<A>, f: (a: A) => Iterable<B>): Iterable<B> {
  for (const item of items) yield* f(item);
}

function unitVersionRows(u: DatasetUnit): Insertable<Database['org_unit_versions']>[] {
  return u.versions.map((v) => ({
    id: v.id,
    unit_id: u.id,
    parent_id: v.parentId,
    name: v.name,
    kind: v.kind,
    org_type: v.orgType,
    valid_from: v.validFrom,
    valid_to: v.validTo,
  }));
}

function collectiveRow(c: DatasetCollective): Insertable<Database['collectives']> {
  return { id: c.id, code: c.code, unit_id: c.unitId, name: c.name, kind: c.kind, level: c.level, valid_from: c.validFrom, valid_to: c.validTo };
}

function personRow(p: DatasetPerson): Insertable<Database['persons']> {
  return {
    id: p.id,
    card_number: p.cardNumber,
    full_name: p.fullName,
    search_key: p.searchKey,
    birth_date: p.birthDate,
    sex: p.sex,
    admitted_on: p.admittedOn,
    official_on: p.officialOn,
    is_civil_servant: p.isCivilServant ? 1 : 0,
    created_at: p.createdAt,
  };
}

function membershipRow(m: DatasetMembership): Insertable<Database['memberships']> {
  return { id: m.id, person_id: m.personId, unit_id: m.unitId, valid_from: m.validFrom, valid_to: m.validTo };
}

function personEventRow(e: DatasetPersonEvent): Insertable<Database['person_events']> {
  return { id: e.id, person_id: e.personId, kind: e.kind, level: e.level, starts_on: e.startsOn, ends_on: e.endsOn, note: e.note };
}

function positionRow(p: DatasetPosition): Insertable<Database['positions']> {
  return {
    id: p.id,
    person_id: p.personId,
    unit_id: p.unitId,
    position_group: p.positionGroup,
    title: p.title,
    deciding_unit_id: p.decidingUnitId,
    valid_from: p.validFrom,
    valid_to: p.validTo,
  };
}

function cycleRow(c: DatasetCycle): Insertable<Database['cycles']> {
  return { id: c.id, year: c.year, period: c.period, rule_set: c.ruleSet, reference_date: c.referenceDate, title: c.title, created_at: c.createdAt };
}

function deadlineRows(c: DatasetCycle): Insertable<Database['cycle_deadlines']>[] {
  return c.deadlines.map((d) => ({ id: d.id, cycle_id: c.id, level: d.level, due_on: d.dueOn }));
}

function evaluationRow(e: DatasetEvaluation): Insertable<Database['evaluations']> {
  return {
    id: e.id,
    cycle_id: e.cycleId,
    subject_kind: e.subjectKind,
    subject_id: e.subjectId,
    unit_id: e.unitId,
    eligibility: e.eligibility,
    eligibility_reason: e.eligibilityReason,
    reviewed: e.reviewed === null ? null : e.reviewed ? 1 : 0,
    self_grade: e.selfGrade,
    proposed_grade: e.proposedGrade,
    decided_grade: e.decidedGrade,
    deciding_unit_id: e.decidingUnitId,
    kht_reasons: JSON.stringify(e.khtReasons),
    score_x100: e.scoreX100,
    note: e.note,
    version: e.version,
    created_at: e.createdAt,
    updated_at: e.updatedAt,
  };
}

function historyRows(e: DatasetEvaluation): Insertable<Database['evaluation_history']>[] {
  return e.history.map((h) => ({
    id: h.id,
    evaluation_id: e.id,
    at: h.at,
    actor: h.actor,
    action: h.action,
    field: h.field,
    old_value: h.oldValue,
    new_value: h.newValue,
    reason: h.reason,
  }));
}

function reviewTopicRow(t: DatasetReviewTopic): Insertable<Database['review_topics']> {
  return {
    id: t.id,
    cycle_id: t.cycleId,
    subject_kind: t.subjectKind,
    subject_id: t.subjectId,
    managed_by: t.managedBy,
    assigned_by_unit_id: t.assignedByUnitId,
    topic: t.topic,
  };
}
