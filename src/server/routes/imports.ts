/**
 * Importing and exporting an organisation over HTTP (issue #10 items 1–2): the template, an import
 * started as a job whose progress a page polls (POST answers 202 with the job, GET /imports/:id its
 * progress and, when done, the report), and exports of the user's scope as the workbook or as CSV
 * files in a zip. Parse → check access → call → present.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import PizZip from 'pizzip';
import { hasWholeTree } from '../../domain/access.js';
import { AppError } from '../../domain/errors.js';
import { exportCsvFiles, exportWorkbook } from '../../services/import/export.js';
import { buildImportTemplate } from '../../services/import/template.js';
import type { ImportFile } from '../../services/import/types.js';
import { assertImportArchivesWithin } from '../../services/import/read.js';
import { exportQuery, importJobParams, importQuery } from '../../schemas/imports.js';
import type { AppEnv } from '../app.js';
import { authorize, authorizeRole } from '../authorize.js';
import { parseQuery, parseWith } from '../validate.js';
import { attachmentDisposition, sanitiseFileName } from '../../domain/file-names.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) => attachmentDisposition(name);

/** The uploaded files: every file of a multipart form, or the raw body (a workbook, a zip of CSV files, one CSV file named by `?name=`). */
async function uploadedFiles(c: Context<AppEnv>, name: string | undefined): Promise<ImportFile[]> {
  if ((c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
    const form = await c.req.parseBody({ all: true });
    const files = Object.values(form).flat().filter((v): v is File => v instanceof File);
    if (files.length === 0) {
      throw new AppError('ValidationFailed', { vi: 'Thiếu tệp tải lên: một bảng tính .xlsx, các tệp CSV hoặc một tệp .zip chứa CSV.', en: 'No uploaded file: an .xlsx workbook, CSV files or a .zip of CSV files.' }, { field: 'file' });
    }
    return Promise.all(files.map(async (f) => ({ name: sanitiseFileName(f.name, 'upload'), bytes: new Uint8Array(await f.arrayBuffer()) })));
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.length === 0) throw new AppError('ValidationFailed', { vi: 'Nội dung gửi lên trống: cần một tệp để nhập.', en: 'The request body is empty: a file to import is needed.' }, { field: 'file' });
  return [{ name: sanitiseFileName(name ?? '', 'upload.xlsx'), bytes }];
}

/** The unit whose subtree an export covers: the one asked for (read access checked), else the user's scope (the whole tree for an administrator). */
async function exportScope(c: Context<AppEnv>): Promise<string | undefined> {
  const { unit } = parseQuery(c, exportQuery);
  if (unit !== undefined) {
    await authorize(c, { unitCode: unit, action: 'read' });
    return unit;
  }
  const user = authorizeRole(c, 'read');
  return hasWholeTree(user.role) ? undefined : user.scopeUnitCode;
}

/** Routes under /api: /imports, /imports/template, /imports/:id, /exports/workbook, /exports/csv. */
export function importRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/imports/template', async (c) => {
    authorizeRole(c, 'read');
    return c.body(new Uint8Array(await buildImportTemplate()), 200, { 'content-type': XLSX, 'content-disposition': attachment('mau-nhap-to-chuc.xlsx') });
  });
  r.post('/imports', async (c) => {
    const q = parseQuery(c, importQuery);
    const user = authorizeRole(c, 'write');
    // Read and checked as archives (size, entries, expanded size) in one of the user's few slots, before any parsing;
    // the job that parses them runs one at a time per process (src/services/import/jobs.ts).
    const files = await c.var.workbookSlots.run(user.username, async () => {
      const read = await uploadedFiles(c, q.name);
      assertImportArchivesWithin(read);
      return read;
    });
    const scope = hasWholeTree(user.role) ? null : { unitId: user.scopeUnitId, code: user.scopeUnitCode };
    const job = await c.var.importJobs.start({ db: c.var.deps.db, files, owner: user.username, scope, dryRun: q.dryRun === '1' || q.dryRun === 'true' });
    return c.json({ job }, 202, { location: `/api/imports/${job.id}` });
  });
  r.get('/imports/:id', async (c) => {
    const { id } = parseWith(importJobParams, c.req.param(), 'params');
    const user = authorizeRole(c, 'read');
    return c.json({ job: await c.var.importJobs.get(id, { username: user.username, admin: hasWholeTree(user.role) }) });
  });
  r.get('/exports/workbook', async (c) => {
    const unitCode = await exportScope(c);
    const bytes = await exportWorkbook(c.var.deps.db, { unitCode });
    return c.body(new Uint8Array(bytes), 200, { 'content-type': XLSX, 'content-disposition': attachment(`to-chuc-${unitCode ?? 'tat-ca'}.xlsx`) });
  });
  r.get('/exports/csv', async (c) => {
    const unitCode = await exportScope(c);
    const zip = new PizZip();
    for (const f of await exportCsvFiles(c.var.deps.db, { unitCode })) zip.file(f.name, f.bytes, { binary: true });
    const bytes = zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
    return c.body(new Uint8Array(bytes), 200, { 'content-type': 'application/zip', 'content-disposition': attachment(`to-chuc-${unitCode ?? 'tat-ca'}-csv.zip`) });
  });
  return r;
}
