/**
 * Stored reports (number, date, signer, settings JSON, prose per unit and cycle) and uploaded
 * report templates (one active). Settings are JSON text parsed here, in one place.
 */
import type { Selectable } from 'kysely';
import type { Db } from '../create-db.js';
import { newId, nowIso } from '../ids.js';
import type { ReportTable } from '../schema.js';
import { inTransaction, isUniqueViolation } from './common.js';
import { AppError } from '../../domain/errors.js';

/** A stored report row, settings parsed. */
export interface StoredReport {
  id: string;
  unitId: string;
  cycleId: string;
  number: string;
  date: string;
  place: string;
  signerName: string;
  signerTitle: string;
  settings: Record<string, unknown>;
  prose: { deployment: string; preparation: string; organisation: string; strengths: string; weaknesses: string; causes: string; tasks: string };
  updatedAt: string;
  updatedBy: string;
  /** Bumped by every save; a page sends back the one it read (migration 0019). */
  version: number;
}

function parseSettings(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function toStored(r: Selectable<ReportTable>): StoredReport {
  return {
    id: r.id,
    unitId: r.unit_id,
    cycleId: r.cycle_id,
    number: r.number,
    date: r.date,
    place: r.place,
    signerName: r.signer_name,
    signerTitle: r.signer_title,
    settings: parseSettings(r.settings),
    prose: {
      deployment: r.deployment_text,
      preparation: r.preparation_text,
      organisation: r.organisation_text,
      strengths: r.strengths_text,
      weaknesses: r.weaknesses_text,
      causes: r.causes_text,
      tasks: r.tasks_text,
    },
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    version: Number(r.version),
  };
}

/** The report of a unit for a cycle, or undefined. */
export async function findReport(db: Db, key: { unitId: string; cycleId: string }): Promise<StoredReport | undefined> {
  const row = await db.selectFrom('reports').selectAll().where('unit_id', '=', key.unitId).where('cycle_id', '=', key.cycleId).executeTakeFirst();
  return row ? toStored(row) : undefined;
}

/** The most recent earlier report of the unit (by cycle year), the starting point of a new one. */
export async function findPreviousReport(db: Db, key: { unitId: string; beforeYear: number; period: string }): Promise<StoredReport | undefined> {
  const row = await db
    .selectFrom('reports as r')
    .innerJoin('cycles as c', 'c.id', 'r.cycle_id')
    .selectAll('r')
    .where('r.unit_id', '=', key.unitId)
    .where('c.year', '<', key.beforeYear)
    .where('c.period', '=', key.period)
    .orderBy('c.year', 'desc')
    .executeTakeFirst();
  return row ? toStored(row) : undefined;
}

/** Fields a report is written with. */
export type ReportWrite = Omit<StoredReport, 'id' | 'updatedAt' | 'updatedBy' | 'version'>;

function toRow(r: ReportWrite) {
  return {
    unit_id: r.unitId,
    cycle_id: r.cycleId,
    number: r.number,
    date: r.date,
    place: r.place,
    signer_name: r.signerName,
    signer_title: r.signerTitle,
    settings: JSON.stringify(r.settings),
    deployment_text: r.prose.deployment,
    preparation_text: r.prose.preparation,
    organisation_text: r.prose.organisation,
    strengths_text: r.prose.strengths,
    weaknesses_text: r.prose.weaknesses,
    causes_text: r.prose.causes,
    tasks_text: r.prose.tasks,
  };
}

function staleReport(expected: number, current: number): AppError {
  return new AppError(
    'Conflict',
    {
      vi: `Báo cáo vừa được người khác sửa (phiên bản ${current}, bạn sửa từ phiên bản ${expected}); nội dung của bạn chưa được ghi: hãy xem bản hiện tại rồi chọn giữ bản nào.`,
      en: `The report was changed meanwhile (version ${current}, you edited version ${expected}); yours was not saved: review the current text and choose.`,
    },
    { field: 'version' },
  );
}

/**
 * Inserts or replaces the report of a unit and cycle; with `expectedVersion`, a report saved by
 * someone else since (another version) is a Conflict and nothing is written.
 */
export async function saveReport(db: Db, report: ReportWrite, actor: string, expectedVersion?: number): Promise<StoredReport> {
  return inTransaction(db, async (trx) => {
    const at = nowIso();
    const existing = await findReport(trx, report);
    if (existing && expectedVersion !== undefined && expectedVersion !== existing.version) throw staleReport(expectedVersion, existing.version);
    if (existing) {
      const result = await trx
        .updateTable('reports')
        .set({ ...toRow(report), updated_at: at, updated_by: actor, version: existing.version + 1 })
        .where('id', '=', existing.id)
        .where('version', '=', existing.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw staleReport(expectedVersion ?? existing.version, existing.version + 1);
    } else {
      // Two first saves at once: the second finds the row the first made (a unique key) and is stale.
      await trx
        .insertInto('reports')
        .values({ id: newId(), ...toRow(report), updated_at: at, updated_by: actor })
        .execute()
        .catch((e: unknown) => {
          throw isUniqueViolation(e) ? staleReport(expectedVersion ?? 0, 1) : e;
        });
    }
    const saved = await findReport(trx, report);
    if (!saved) throw new Error('report vanished after save');
    return saved;
  });
}

/** The active uploaded template, or undefined (then the default one applies). */
export async function getActiveTemplate(db: Db): Promise<{ id: string; name: string; content: Buffer; uploadedAt: string; uploadedBy: string } | undefined> {
  const row = await db.selectFrom('report_templates').selectAll().where('active', '=', 1).orderBy('uploaded_at', 'desc').executeTakeFirst();
  return row ? { id: row.id, name: row.name, content: Buffer.from(row.content, 'base64'), uploadedAt: row.uploaded_at, uploadedBy: row.uploaded_by } : undefined;
}

/** Stores a template and makes it the only active one. */
export async function activateTemplate(db: Db, input: { name: string; content: Buffer; actor: string }): Promise<{ id: string }> {
  return inTransaction(db, async (trx) => {
    await trx.updateTable('report_templates').set({ active: 0 }).where('active', '=', 1).execute();
    const id = newId();
    await trx
      .insertInto('report_templates')
      .values({ id, name: input.name, content: input.content.toString('base64'), uploaded_at: nowIso(), uploaded_by: input.actor, active: 1 })
      .execute();
    return { id };
  });
}

/** Counts stored templates (tests check a refused upload changes nothing). */
export async function countTemplates(db: Db): Promise<number> {
  const row = await db.selectFrom('report_templates').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}
