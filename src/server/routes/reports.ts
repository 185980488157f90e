/**
 * The narrative report of a unit and cycle (issue #5): read and edit its settings and prose, get it
 * as .docx, PDF or its form-values document with claims; read and replace the report template.
 * Thin: parse → authorize → call the service → present.
 */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { getCycle } from '../../db/queries/cycles.js';
import { AppError } from '../../domain/errors.js';
import { getActiveTemplateBytes, getActiveTemplateInfo, getReportModel, getReportView, renderReport, updateReport, uploadTemplate, type ReportKey } from '../../services/reports.js';
import type { AppEnv } from '../app.js';
import { authorize, authorizeRole } from '../authorize.js';
import { can } from '../../domain/access.js';
import { parseBody, parseQuery } from '../validate.js';
import { attachmentDisposition, sanitiseFileName } from '../../domain/file-names.js';
import { parseYear } from './cycles.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const periodQuery = z.object({ period: z.string().min(1).optional() });

export const proseBody = z.strictObject({
  deployment: z.string().max(100_000).optional(),
  preparation: z.string().max(100_000).optional(),
  organisation: z.string().max(100_000).optional(),
  strengths: z.string().max(100_000).optional(),
  weaknesses: z.string().max(100_000).optional(),
  causes: z.string().max(100_000).optional(),
  tasks: z.string().max(100_000).optional(),
});

export const reportBody = z.strictObject({
  number: z.string().min(1).max(100).optional(),
  date: z.iso.date().optional(),
  place: z.string().min(1).max(200).optional(),
  issuingBody: z.string().min(1).max(300).optional(),
  parentBody: z.string().max(300).optional(),
  signerAuthority: z.string().max(200).optional(),
  signerTitle: z.string().max(200).optional(),
  signerName: z.string().max(200).optional(),
  recipients: z.array(z.string().max(300)).max(50).optional(),
  decimals: z.number().int().min(0).max(4).optional(),
  rounding: z.enum(['half-up', 'largest-remainder']).optional(),
  printHttUp: z.boolean().optional(),
  /** Section II 2.1 cites the audit's counts of decided grades breaking a binding rule. */
  citeAudit: z.boolean().optional(),
  deploymentFootnote: z.string().max(5_000).optional(),
  prose: proseBody.optional(),
  /** The report's version the caller read (0: not saved yet, its starting point); a stale one is a 409 Conflict and nothing is saved. */
  version: z.number().int().min(0).optional(),
});

/** The report's key from the path, after checking the user may `action` on the unit in that cycle. */
async function keyOf(c: Context<AppEnv>, action: 'read' | 'write'): Promise<ReportKey> {
  const year = parseYear(c);
  const { period } = parseQuery(c, periodQuery);
  const unitCode = c.req.param('unitCode') ?? '';
  const cycle = await getCycle(c.var.deps.db, { year, period });
  await authorize(c, { unitCode, action, date: cycle.referenceDate });
  return { unitCode, year, period };
}

const actor = (c: Context<AppEnv>) => c.get('user')?.username ?? 'system';
/** Whether the user's role writes (the unit's scope is checked by keyOf): only a writer's download issues the report. */
const mayWrite = (c: Context<AppEnv>) => {
  const user = c.get('user');
  return user !== undefined && can(user.role, 'write');
};

function fileName(key: ReportKey, ext: string): string {
  return `bao-cao-${key.unitCode}-${key.year}.${ext}`;
}

/** Routes under /api: /reports/:unitCode/:year[/docx|/pdf|/values], /report-templates/active. */
export function reportRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/reports/:unitCode/:year', async (c) => {
    const key = await keyOf(c, 'read');
    const view = await getReportView(c.var.deps.db, key, actor(c));
    const model = await getReportModel(c.var.deps.db, key, actor(c));
    return c.json({ ...view, model: { header: model.header, title: model.title, subject: model.subject, paragraphs: model.paragraphs, footnotes: model.footnotes } });
  });
  r.put('/reports/:unitCode/:year', async (c) => {
    const key = await keyOf(c, 'write');
    const body = await parseBody(c, reportBody);
    return c.json(await updateReport(c.var.deps.db, key, body, actor(c)));
  });
  r.get('/reports/:unitCode/:year/values', async (c) => {
    const key = await keyOf(c, 'read');
    return c.json((await getReportModel(c.var.deps.db, key, actor(c))).values);
  });
  r.get('/reports/:unitCode/:year/docx', async (c) => {
    const key = await keyOf(c, 'read');
    const { bytes } = await renderReport(c.var.deps.db, key, { format: 'docx', actor: actor(c), issue: mayWrite(c) });
    return c.body(new Uint8Array(bytes), 200, { 'content-type': DOCX, 'content-disposition': attachmentDisposition(fileName(key, 'docx')) });
  });
  r.get('/reports/:unitCode/:year/pdf', async (c) => {
    const key = await keyOf(c, 'read');
    const { bytes } = await renderReport(c.var.deps.db, key, { format: 'pdf', actor: actor(c), issue: mayWrite(c) });
    return c.body(new Uint8Array(bytes), 200, { 'content-type': 'application/pdf', 'content-disposition': attachmentDisposition(fileName(key, 'pdf')) });
  });
  r.get('/report-templates/active', async (c) => {
    authorizeRole(c, 'read');
    const t = await getActiveTemplateBytes(c.var.deps.db);
    return c.body(new Uint8Array(t.content), 200, { 'content-type': DOCX, 'content-disposition': attachmentDisposition(t.name, 'mau-bao-cao.docx') });
  });
  r.get('/report-templates/active/info', async (c) => {
    authorizeRole(c, 'read');
    return c.json(await getActiveTemplateInfo(c.var.deps.db));
  });
  r.put('/report-templates/active', async (c) => {
    authorizeRole(c, 'admin');
    const content = Buffer.from(await c.req.arrayBuffer());
    if (content.length === 0) {
      throw new AppError('ValidationFailed', { vi: 'Chưa gửi tệp mẫu báo cáo (.docx).', en: 'No template file (.docx) was sent.' }, { field: 'body' });
    }
    const name = sanitiseFileName(c.req.query('name') ?? '', 'mau-bao-cao.docx');
    // `?version=`: the active template the page showed (its id, or "default"); a stale one is a 409.
    return c.json(await uploadTemplate(c.var.deps.db, { name, content, actor: actor(c), version: c.req.query('version') }), 201);
  });
  return r;
}
