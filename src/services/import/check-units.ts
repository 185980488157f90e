/**
 * The sheet *Đơn vị*: one row per version of a unit (a unit with history has several rows, one per
 * period). A stored unit's rows must be what is stored (re-importing changes nothing; a unit is
 * renamed, moved, merged or split by an effective-dated change, not by an import). A new unit's
 * parent must exist throughout each period (in the file or stored), and the tree the import leaves
 * must be possible on every day (kinds, no loop: src/domain/tree-rules.ts) and reach no day an
 * accepted report describes.
 */
import type { Db } from '../../db/create-db.js';
import { newId } from '../../db/ids.js';
import { assertNoAcceptedReportAfter } from '../../db/queries/tree-checks.js';
import { isAppError } from '../../domain/errors.js';
import { assertPeriod, formatViDate, periodsOverlap } from '../../domain/model/units.js';
import { listTreeProblems, treeProblemError } from '../../domain/tree-rules.js';
import { type FileVersion, type ImportContext, outOfScope, type SheetPlace } from './context.js';
import type { ParsedRow } from './parse-rows.js';
import type { RowOf } from './sheets.js';

type UnitRow = ParsedRow<RowOf<'units'>>;

const FIELDS = ['name', 'kind', 'orgType', 'parentCode', 'validTo'] as const;

/** A stored unit: each row must match a stored version from the same day (validTo only when given). */
function compareStored(ctx: ImportContext, where: SheetPlace, r: UnitRow): boolean {
  const stored = ctx.stored.versions.get(r.data.code) ?? [];
  const v = stored.find((s) => s.validFrom === r.data.validFrom);
  if (!v) {
    const days = stored.map((s) => formatViDate(s.validFrom)).join(', ');
    ctx.add(where, r.row, 'validFrom', 'Conflict', {
      vi: `Đơn vị «${r.data.code}» đã có (các phiên bản từ ngày ${days}), không có phiên bản từ ngày ${formatViDate(r.data.validFrom)}; thay đổi một đơn vị đã có bằng thay đổi có hiệu lực (đổi tên, chuyển, sáp nhập, chia tách), không qua nhập.`,
      en: `Unit "${r.data.code}" exists (versions from ${stored.map((s) => s.validFrom).join(', ')}) with no version from ${r.data.validFrom}; change a stored unit by an effective-dated change, not by an import.`,
    }, r.data.validFrom);
    return false;
  }
  const file = { name: r.data.name, kind: r.data.kind, orgType: r.data.orgType ?? null, parentCode: r.data.parentCode ?? null, validTo: r.data.validTo };
  const differs = FIELDS.find((f) => (f === 'validTo' ? file.validTo !== undefined && file.validTo !== v.validTo : file[f] !== v[f]));
  if (!differs) return true;
  const had = String(v[differs] ?? '(trống)');
  ctx.add(where, r.row, differs, 'Conflict', {
    vi: `Đơn vị «${r.data.code}» đã có, với «${differs}» là «${had}» (từ ngày ${formatViDate(v.validFrom)}); thay đổi một đơn vị đã có bằng thay đổi có hiệu lực (POST /api/units/${r.data.code}/changes), không qua nhập.`,
    en: `Unit "${r.data.code}" exists with ${differs} "${had}" (from ${v.validFrom}); change it by an effective-dated change (POST /api/units/${r.data.code}/changes), not by an import.`,
  }, String(file[differs] ?? ''));
  return false;
}

/** Collects a new unit's rows as versions: real periods, none overlapping another of the same unit. */
function collectNew(ctx: ImportContext, where: SheetPlace, code: string, rows: UnitRow[]): void {
  const id = newId();
  const versions: FileVersion[] = [];
  for (const r of rows) {
    try {
      assertPeriod({ validFrom: r.data.validFrom, validTo: r.data.validTo ?? null });
    } catch (e) {
      if (isAppError(e)) ctx.addError(where, r.row, e, r.data.validTo ?? null);
      continue;
    }
    const v: FileVersion = { row: r.row, unitId: id, code, parentId: null, parentCode: r.data.parentCode ?? null, kind: r.data.kind, validFrom: r.data.validFrom, validTo: r.data.validTo ?? null };
    const clash = versions.find((o) => periodsOverlap(o, v));
    if (clash) {
      ctx.add(where, r.row, 'validFrom', 'DuplicateRow', {
        vi: `Đơn vị «${code}» có hai dòng trùng thời gian (dòng ${clash.row} và dòng ${r.row}).`,
        en: `Unit "${code}" has two rows over overlapping periods (rows ${clash.row} and ${r.row}).`,
      }, r.data.validFrom);
      continue;
    }
    versions.push(v);
    ctx.plan.versions.push({ id: newId(), unit_id: id, parent_id: null, name: r.data.name, kind: r.data.kind, org_type: r.data.orgType ?? null, valid_from: v.validFrom, valid_to: v.validTo });
  }
  if (versions.length === 0) return;
  ctx.newUnitIds.set(code, id);
  ctx.fileVersions.set(code, versions);
  ctx.plan.units.push({ id, code, created_at: ctx.now });
}

/** Each new version's parent: it exists throughout (file or stored), in scope; its id goes into the row. */
function resolveParents(ctx: ImportContext, where: SheetPlace): void {
  const planned = new Map(ctx.plan.versions.map((p) => [`${p.unit_id}|${p.valid_from}`, p]));
  for (const [code, versions] of ctx.fileVersions) {
    for (const v of versions) {
      if (v.parentCode === null) {
        if (ctx.scope !== null) ctx.add(where, v.row, 'parentCode', 'Forbidden', { vi: `Đơn vị «${code}» không có cấp trên: chỉ quản trị hệ thống được tạo đơn vị cấp cao nhất.`, en: `Unit "${code}" has no parent: only an administrator creates a top unit.` });
        continue;
      }
      const gap = ctx.unitGap(v.parentCode, v, 'ParentNotValid', 'parentCode');
      if (gap) {
        ctx.add(where, v.row, 'parentCode', gap.code, gap.message, v.parentCode);
        continue;
      }
      v.parentId = ctx.unitId(v.parentCode) ?? null;
      const row = planned.get(`${v.unitId}|${v.validFrom}`);
      if (row) row.parent_id = v.parentId;
    }
  }
  ctx.resetTree();
  for (const versions of ctx.fileVersions.values()) {
    for (const v of versions) {
      if (v.parentCode !== null && ctx.scope !== null && !ctx.inScope(v.parentCode, v.validFrom)) ctx.add(where, v.row, 'parentCode', 'Forbidden', outOfScope(ctx.scope, v.parentCode), v.parentCode);
    }
  }
}

/** The tree the import leaves: every kind and loop problem, each on the row of the version it starts in. */
function checkTree(ctx: ImportContext, where: SheetPlace): void {
  const focus = [...ctx.newUnitIds.values()];
  const from = [...ctx.fileVersions.values()].flat().reduce((d, v) => (v.validFrom < d ? v.validFrom : d), '9999-12-31');
  for (const p of listTreeProblems(ctx.tree(), { focus, from }).slice(0, 200)) {
    const versions = ctx.fileVersions.get(p.code);
    const v = versions?.find((x) => x.validFrom <= p.date && (x.validTo === null || p.date < x.validTo)) ?? versions?.[0];
    // A version whose parent could not be found is already an issue; as a root it would be another.
    if (!v || (p.problem === 'kind' && p.parentCode === null && v.parentCode !== null)) continue;
    const e = treeProblemError(p);
    ctx.addError(where, v.row, e, p.problem === 'kind' && p.parentCode === null ? v.kind : v.parentCode, e.field);
  }
}

/** New units under stored ones may not reach a day an accepted report describes. */
async function checkAcceptedReports(db: Db, ctx: ImportContext, where: SheetPlace): Promise<void> {
  const earliest = new Map<string, FileVersion>();
  for (const v of [...ctx.fileVersions.values()].flat()) {
    if (v.parentId === null || ctx.newUnitIds.has(v.parentCode ?? '')) continue;
    const seen = earliest.get(v.parentId);
    if (!seen || v.validFrom < seen.validFrom) earliest.set(v.parentId, v);
  }
  for (const [parentId, v] of earliest) {
    try {
      await assertNoAcceptedReportAfter(db, { unitIds: [parentId], from: v.validFrom });
    } catch (e) {
      if (!isAppError(e)) throw e;
      ctx.addError(where, v.row, e, v.validFrom, 'validFrom');
    }
  }
}

/** Checks the sheet *Đơn vị* and plans its writes. */
export async function checkUnits(db: Db, ctx: ImportContext, where: SheetPlace, rows: readonly UnitRow[]): Promise<void> {
  const summary = ctx.summary('units', where.table.source);
  summary.rows += rows.length;
  const byCode = new Map<string, UnitRow[]>();
  for (const r of rows) byCode.set(r.data.code, [...(byCode.get(r.data.code) ?? []), r]);
  for (const [code, list] of byCode) {
    list.sort((a, b) => (a.data.validFrom < b.data.validFrom ? -1 : 1));
    if (ctx.stored.versions.has(code)) {
      for (const r of list) if (compareStored(ctx, where, r)) summary.unchanged += 1;
    } else collectNew(ctx, where, code, list);
  }
  resolveParents(ctx, where);
  checkTree(ctx, where);
  await checkAcceptedReports(db, ctx, where);
  summary.created += ctx.plan.versions.length;
}
