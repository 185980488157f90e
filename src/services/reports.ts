/**
 * The narrative report of a unit and cycle (issue #5): its stored settings and prose (a new report
 * starts from last year's text, or for the demo district's 2022 report from the seed's), the model
 * built from the live forms and the records, the .docx filled from the active template, the PDF,
 * the form-values document with the text's claims, and template upload with validation.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../db/create-db.js';
import { assertZipWithin } from './zip-guard.js';
import { AppError } from '../domain/errors.js';
import { getCycle } from '../db/queries/cycles.js';
import { getReportRecords } from '../db/queries/report-data.js';
import { activateTemplate, findPreviousReport, findReport, getActiveTemplate, saveReport, type StoredReport } from '../db/queries/reports.js';
import { getUnitAt } from '../db/queries/units.js';
import { nowIso } from '../db/ids.js';
import { DEMO_CYCLE, DEMO_UNIT_CODE } from '../demo/tam-duong.js';
import type { FormValuesDoc } from '../domain/forms/index.js';
import { type Cycle, DEFAULT_PERIOD } from '../domain/model/cycles.js';
import { renderReportDocx, validateTemplate } from '../reports/docx/render.js';
import { convertDocxToPdf, type PdfOptions } from '../reports/pdf.js';
import { DEMO_PROSE, DEMO_REPORT } from '../reports/report-demo-prose.js';
import { levelOfUnitKind } from '../reports/forms-layout.js';
import { signerBodyOf } from '../reports/issuing-body.js';
import { buildReportModel } from '../reports/report-model.js';
import { auditDecidedGrades, type GradeAudit } from './grade-audit.js';
import { defaultSettings, mergeSettings, SETTINGS_JSON_KEYS, type ReportUnit } from '../reports/report-settings.js';
import type { ReportAuditCounts, ReportModel, ReportProse, ReportSettings } from '../reports/report-types.js';
import { getFormValues } from './forms.js';
import { previousYearFigures } from './year-comparison.js';

/** Which report: a unit and a cycle. */
export interface ReportKey {
  unitCode: string;
  year: number;
  period?: string | undefined;
}

/** What the API shows and edits. */
export interface ReportView {
  settings: ReportSettings;
  prose: ReportProse;
  updatedAt: string;
  updatedBy: string;
  /** Send it back with the next change (a stale one is a Conflict). */
  version: number;
}

/** Editable fields: settings and prose, each optional. */
export type ReportPatch = Partial<ReportSettings> & { prose?: Partial<ReportProse> | undefined };

/** The default template shipped with the product (built by scripts/build-default-template.ts). */
export const DEFAULT_TEMPLATE_PATH = join(import.meta.dirname, '..', '..', 'templates', 'bao-cao-mac-dinh.docx');

const EMPTY_PROSE: ReportProse = { deployment: '', preparation: '', organisation: '', strengths: '', weaknesses: '', causes: '', tasks: '' };

async function resolve(db: Db, key: ReportKey): Promise<{ cycle: Cycle; unit: ReportUnit & { id: string } }> {
  const cycle = await getCycle(db, { year: key.year, period: key.period });
  const at = await getUnitAt(db, key.unitCode, cycle.referenceDate);
  const parentCode = at.path[at.path.length - 2];
  const parent = parentCode ? await getUnitAt(db, parentCode, cycle.referenceDate) : undefined;
  return { cycle, unit: { id: at.unitId, code: at.code, name: at.name, kind: at.kind, parentName: parent?.name ?? null } };
}

function toView(unit: ReportUnit, stored: StoredReport): ReportView {
  const base = defaultSettings(unit, stored.date);
  const columns = { number: stored.number, date: stored.date, place: stored.place, signerName: stored.signerName, signerTitle: stored.signerTitle };
  return { settings: mergeSettings({ ...base, ...columns }, stored.settings), prose: stored.prose, updatedAt: stored.updatedAt, updatedBy: stored.updatedBy, version: stored.version };
}

function writeOf(ids: { unitId: string; cycleId: string }, s: ReportSettings, prose: ReportProse) {
  const settings = Object.fromEntries(SETTINGS_JSON_KEYS.map((k) => [k, s[k]]));
  return { ...ids, number: s.number, date: s.date, place: s.place, signerName: s.signerName, signerTitle: s.signerTitle, settings, prose };
}

/** The first text of a new report: last year's prose, the seed's for the demo district's 2022 report, else empty. */
async function startingPoint(db: Db, unit: ReportUnit & { id: string }, cycle: Cycle): Promise<{ settings: ReportSettings; prose: ReportProse }> {
  const base = defaultSettings(unit, nowIso().slice(0, 10));
  const previous = await findPreviousReport(db, { unitId: unit.id, beforeYear: cycle.year, period: cycle.period });
  if (previous) {
    const last = toView(unit, previous).settings;
    return { settings: { ...base, ...last, number: base.number, date: base.date }, prose: previous.prose };
  }
  if (unit.code === DEMO_UNIT_CODE && cycle.year === DEMO_CYCLE.year) {
    return { settings: { ...base, ...DEMO_REPORT, recipients: [...DEMO_REPORT.recipients] }, prose: DEMO_PROSE };
  }
  return { settings: base, prose: EMPTY_PROSE };
}

/**
 * The stored report, or — when there is none yet — its starting point, *not stored* (version 0):
 * reading a report writes nothing (issue #11 item 8); the first save stores it.
 */
async function ensure(db: Db, key: ReportKey) {
  const { cycle, unit } = await resolve(db, key);
  const ids = { unitId: unit.id, cycleId: cycle.id };
  let stored = await findReport(db, ids);
  if (!stored) {
    const start = await startingPoint(db, unit, cycle);
    const w = writeOf(ids, start.settings, start.prose);
    stored = { id: '', ...w, prose: start.prose, updatedAt: nowIso(), updatedBy: 'xeploai (bản khởi tạo, chưa lưu)', version: 0 };
  }
  return { cycle, unit, stored, view: toView(unit, stored) };
}

/** Stores a report's starting point when it was never saved (nothing when it was). */
async function issueReport(db: Db, key: ReportKey, actor: string): Promise<void> {
  const { cycle, unit, stored } = await ensure(db, key);
  if (stored.version > 0) return;
  await saveReport(db, writeOf({ unitId: unit.id, cycleId: cycle.id }, toView(unit, stored).settings, stored.prose), actor, 0).catch((e: unknown) => {
    if (!(e instanceof AppError && e.code === 'Conflict')) throw e; // saved meanwhile by someone else
  });
}

/** Settings and prose of a report (its starting point, unsaved, before the first save). */
export async function getReportView(db: Db, key: ReportKey, _actor = 'system'): Promise<ReportView> {
  return (await ensure(db, key)).view;
}

/** Changes settings and prose; returns the new view. `version`: the one the caller read (stale: Conflict). */
export async function updateReport(db: Db, key: ReportKey, patch: ReportPatch & { version?: number | undefined }, actor: string): Promise<ReportView> {
  const { cycle, unit, view } = await ensure(db, key);
  const { prose, version, ...settings } = patch;
  const defined = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined)) as Partial<ReportSettings>;
  const next = { ...view.settings, ...defined };
  const text = { ...view.prose, ...Object.fromEntries(Object.entries(prose ?? {}).filter(([, v]) => v !== undefined)) };
  const stored = await saveReport(db, writeOf({ unitId: unit.id, cycleId: cycle.id }, next, text), actor, version);
  return toView(unit, stored);
}

/** The report model from the live forms and the records. */
export async function getReportModel(db: Db, key: ReportKey, _actor = 'system'): Promise<ReportModel> {
  const { cycle, unit, view } = await ensure(db, key);
  const forms: FormValuesDoc = await getFormValues(db, { unitCode: unit.code, year: cycle.year, period: cycle.period });
  const records = await getReportRecords(db, { unitId: unit.id, cycleId: cycle.id, date: cycle.referenceDate });
  const previous = cycle.period === DEFAULT_PERIOD ? await previousYearFigures(db, { unitCode: unit.code, year: cycle.year }) : undefined;
  const audit = view.settings.citeAudit ? auditCounts(await auditDecidedGrades(db, { cycleYear: cycle.year, period: cycle.period, unitCode: unit.code })) : undefined;
  return buildReportModel({ forms, records: { unit: { code: unit.code, name: unit.name, kind: unit.kind }, ...records }, settings: view.settings, prose: view.prose, previous, audit });
}

/** The audit's counts the report cites: decided grades (not violations) breaking a binding rule, by the rule's citation. */
function auditCounts(audit: GradeAudit): ReportAuditCounts {
  const binding = audit.violations.filter((v) => v.binding);
  const byRule = new Map<string, Set<string>>();
  for (const v of binding) byRule.set(v.source, (byRule.get(v.source) ?? new Set()).add(v.evaluationId));
  return {
    checked: audit.checked,
    breaking: new Set(binding.map((v) => v.evaluationId)).size,
    byRule: [...byRule].map(([source, ids]) => ({ source, count: ids.size })).sort((a, b) => b.count - a.count || a.source.localeCompare(b.source)),
  };
}

/** The active template: the last valid upload, else the default one. */
export async function getActiveTemplateBytes(db: Db): Promise<{ name: string; content: Buffer }> {
  const uploaded = await getActiveTemplate(db);
  if (uploaded) return { name: uploaded.name, content: uploaded.content };
  return { name: 'bao-cao-mac-dinh.docx', content: await readFile(DEFAULT_TEMPLATE_PATH) };
}

/** The report as .docx (and PDF when asked) with its model. */
export async function renderReport(db: Db, key: ReportKey, options: { format: 'docx' | 'pdf'; pdf?: PdfOptions; actor?: string; issue?: boolean }): Promise<{ bytes: Buffer; model: ReportModel }> {
  // Writing the document out (`xeploai report`, a writer's download) issues the report: its starting
  // point is stored, so the forms exported next carry its number and date. A viewer's download writes nothing.
  if (options.issue) await issueReport(db, key, options.actor ?? 'system');
  const model = await getReportModel(db, key, options.actor);
  const template = await getActiveTemplateBytes(db);
  const docx = renderReportDocx(template.content, model);
  return { bytes: options.format === 'pdf' ? await convertDocxToPdf(docx, { ...options.pdf, queue: db }) : docx, model };
}

/**
 * The annexes as the forms workbook (src/reports/xlsx/forms-workbook.ts), carrying the report's
 * number and date: the same form-values document the report's text is checked against.
 */
export async function renderAnnexWorkbook(db: Db, key: ReportKey, actor = 'system'): Promise<Buffer> {
  const { unit, view } = await ensure(db, key);
  const model = await getReportModel(db, key, actor);
  const { renderFormsWorkbook } = await import('../reports/xlsx/forms-workbook.js');
  const { settings } = view;
  return renderFormsWorkbook({
    doc: model.values,
    issuer: signerBodyOf(settings),
    issuingBody: settings.issuingBody,
    ...(settings.parentBody ? { parentBody: settings.parentBody } : {}),
    level: levelOfUnitKind(unit.kind),
  });
}

/** A small model with every part present, to validate a template without touching the data. */
function sampleModel(): ReportModel {
  const settings = defaultSettings({ code: 'MAU', name: 'Đảng bộ huyện Mẫu', kind: 'district_committee', parentName: 'Đảng bộ tỉnh Mẫu' }, '2023-01-10');
  const forms: FormValuesDoc = { format: 'form-values/1', cycle: { year: 2022, ruleSet: 'QD132-HD21' }, forms: { KD: { rows: {} }, TC: { rows: {} }, DV: { rows: {} }, TT: { rows: {} }, CN: { rows: {} } }, claims: [] };
  const records = { unit: { code: 'MAU', name: 'Đảng bộ huyện Mẫu', kind: 'district_committee' as const }, units: [], collectives: [], positions: [], topics: [], regradedMembers: 0 };
  return buildReportModel({ forms, records, settings: { ...settings, deploymentFootnote: 'Chú thích.' }, prose: { ...EMPTY_PROSE, deployment: 'Nội dung.' } });
}

/** Which template is active: the uploaded one's id (its version token), or `default` for the shipped one. */
export async function getActiveTemplateInfo(db: Db): Promise<{ version: string; name: string; uploadedAt: string | null; uploadedBy: string | null }> {
  const uploaded = await getActiveTemplate(db);
  if (!uploaded) return { version: 'default', name: 'bao-cao-mac-dinh.docx', uploadedAt: null, uploadedBy: null };
  return { version: uploaded.id, name: uploaded.name, uploadedAt: uploaded.uploadedAt, uploadedBy: uploaded.uploadedBy };
}

/**
 * Uploads a template after rendering it once: a broken one is refused (AppError TemplateInvalid
 * naming the placeholder) and the active template stays as it was. `version`: the active template
 * the caller saw (getActiveTemplateInfo); another one uploaded since is a Conflict.
 */
export async function uploadTemplate(db: Db, input: { name: string; content: Buffer; actor: string; version?: string | undefined }): Promise<{ id: string; name: string }> {
  if (input.version !== undefined) {
    const current = (await getActiveTemplateInfo(db)).version;
    if (current !== input.version) {
      throw new AppError(
        'Conflict',
        { vi: 'Mẫu báo cáo vừa được người khác thay; hãy xem mẫu đang dùng rồi tải lên lại.', en: 'The report template was replaced meanwhile; review the active one and upload again.' },
        { field: 'version' },
      );
    }
  }
  // A .docx is a zip: bounded before the template library opens it (anything else is not a template, said below).
  if (input.content.subarray(0, 2).toString('latin1') === 'PK') assertZipWithin(input.content, input.name);
  validateTemplate(input.content, sampleModel());
  const { id } = await activateTemplate(db, input);
  return { id, name: input.name };
}
