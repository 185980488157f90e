/**
 * Sum identities inside one form (FORMS.md §4 SUM_COLUMNS, SUM_SUBCOLUMNS, SUM_ROWS, SUM_REASONS),
 * checked only where the document states both the whole and at least one part (FORMS.md §3). For a
 * row identity the whole is a row: a stated row whose cell is absent is empty, and an empty cell
 * under parts that add up to more than zero is reported as blank (actual null), never as "ghi 0".
 * Where some parts are unknown (a form marked `meta.partial`; the implied part of a grouping such
 * as "HTT trở lên") the identity is an inequality: the stated parts must not exceed the whole, and
 * the finding expects "≥ their sum" (FORMS.md "Reports as they are printed").
 */
import { formatViInteger } from '../format/vi-number.js';
import type { ColumnDef } from './columns.js';
import { findRow, type RowIdentity } from './definitions.js';
import { cellOf, isPartial, placeOf, statedChildren, statedRow, withImpliedColumns, type FormTable, type ReadRow } from './table.js';
import type { Cells, Finding, FormCode } from './types.js';

const fmt = (n: number) => formatViInteger(n);

/** What a whole shows against the parts it is checked with: equal when every part is known, else at least their sum. */
interface SumCheck {
  whole: number;
  sum: number;
  complete: boolean;
}
const holds = (c: SumCheck) => (c.complete ? c.sum === c.whole : c.sum <= c.whole);
const expectedOf = (c: SumCheck): number | string => (c.complete ? c.sum : `≥ ${c.sum}`);

/** "… but its parts add up to 18 (…)" or, where some parts are unknown, "… but the parts stated already add up to 18 (…)". */
function sumWords(c: SumCheck, what: { vi: string; en: string }, detail: string): { vi: string; en: string } {
  if (c.complete) return { vi: `${what.vi} là ${fmt(c.sum)} (${detail})`, en: `${what.en} is ${c.sum} (${detail})` };
  return {
    vi: `${what.vi} đã nêu là ${fmt(c.sum)} (${detail}), lớn hơn số tổng (phần chưa nêu không thể âm)`,
    en: `${what.en} stated is already ${c.sum} (${detail}), more than the whole (what is not stated cannot be negative)`,
  };
}

function columnFinding(t: FormTable, row: string, col: ColumnDef, parts: readonly string[], c: SumCheck, cells: Cells): Finding {
  const form = t.def.code;
  const code = col.parent === null && !col.grouping ? 'SUM_COLUMNS' : 'SUM_SUBCOLUMNS';
  const detail = parts.filter((p) => p in cells).map((p) => `${p} ${fmt(cellOf(cells, p))}`).join(' + ');
  const words = sumWords(c, { vi: 'tổng các cột thành phần', en: 'the sum of its parts' }, detail);
  return {
    code,
    severity: 'error',
    form,
    row,
    col: col.code,
    expected: expectedOf(c),
    actual: c.whole,
    message: {
      vi: `${placeOf(form, row, col.code)}: cột «${col.label}» ghi ${fmt(c.whole)} nhưng ${words.vi}.`,
      en: `${placeOf(form, row, col.code)}: column "${col.code}" shows ${c.whole} but ${words.en}.`,
    },
  };
}

/** A parent column (or a grouping column) against the parts the row states (FORMS.md §3). */
function columnSum(t: FormTable, cells: Cells, whole: string, parts: readonly string[], implied: boolean): SumCheck | undefined {
  if (!(whole in cells) || parts.length === 0) return undefined;
  const known = parts.filter((p) => p in cells);
  if (known.length === 0) return undefined; // no breakdown stated
  const complete = known.length === parts.length || (!implied && !isPartial(t));
  return { whole: cellOf(cells, whole), sum: known.reduce((a, p) => a + cellOf(cells, p), 0), complete };
}

/**
 * Column identities of every stated row: total = Σ top-level, parent = Σ children (a grouping column
 * standing for its parts where they are not all given), subset ≤ parent, grouping = Σ its parts.
 */
export function checkColumnSums(t: FormTable): Finding[] {
  const form = t.def.code;
  const out: Finding[] = [];
  for (const [row, cells] of Object.entries(t.values?.rows ?? {})) {
    for (const parent of t.def.columns) {
      const children = statedChildren(t.def, cells, parent.code);
      const c = columnSum(t, cells, parent.code, children, false);
      if (c && !holds(c)) out.push(columnFinding(t, row, parent, children, c, cells));
    }
    for (const g of t.def.extraColumns) {
      const c = columnSum(t, cells, g.code, g.grouping ?? [], true);
      if (c && !holds(c)) out.push(columnFinding(t, row, g, g.grouping ?? [], c, cells));
    }
    for (const sub of t.def.columns.filter((c) => c.subsetOf && c.code in cells)) {
      const of = sub.subsetOf as string;
      const v = cellOf(cells, sub.code);
      if (v <= cellOf(cells, of) || (isPartial(t) && !(of in cells))) continue;
      out.push({
        code: 'SUM_SUBCOLUMNS',
        severity: 'error',
        form,
        row,
        col: sub.code,
        expected: `≤ ${cellOf(cells, of)}`,
        actual: v,
        message: {
          vi: `${placeOf(form, row, sub.code)}: «${sub.label}» (${v}) lớn hơn cột cha «${of}» (${cellOf(cells, of)}).`,
          en: `${placeOf(form, row, sub.code)}: the subset (${v}) exceeds its parent "${of}" (${cellOf(cells, of)}).`,
        },
      });
    }
  }
  return out;
}

/**
 * Columns an identity between these rows is checked on (FORMS.md §3): given by one of them, unknown
 * in none; a grouping column (CN htt_up) only where the whole states it, its parts' rows giving it
 * from their grades.
 */
function columnsToCheck(t: FormTable, whole: Cells, rows: readonly ReadRow[]): string[] {
  const cols = [...t.def.columns.map((c) => c.code), ...t.def.extraColumns.map((c) => c.code).filter((c) => c in whole)];
  return cols.filter((c) => rows.every((r) => !r.unknown.has(c)) && rows.some((r) => c in r.cells));
}

/** Cells per column of the stated rows `parts`: their sum, or (minus) the whole less the others; undefined when one is not stated. */
function combine(t: FormTable, rows: readonly (Cells | undefined)[], value: (col: string, cells: readonly Cells[]) => number): Cells | undefined {
  if (rows.length === 0 || !rows.every((c): c is Cells => c !== undefined)) return undefined;
  const cols = t.def.columns.map((c) => c.code).filter((c) => (isPartial(t) ? rows.every((p) => c in p) : rows.some((p) => c in p)));
  return Object.fromEntries(cols.map((c) => [c, value(c, rows)]));
}

/**
 * A part an identity reads though the document does not state it: a grouping (htt_up) from its
 * stated parts; or a part of a stated grouping other than the identity's whole, implied as the
 * grouping less its other parts (HTT = HTT trở lên − HTXS), unless that would be negative.
 */
function derivableCells(t: FormTable, row: string, whole: string): Cells | undefined {
  const grouping = findRow(t.def, row)?.grouping;
  if (grouping) return combine(t, grouping.map((p) => statedRow(t, p)), (c, parts) => parts.reduce((a, p) => a + cellOf(p, c), 0));
  const g = t.def.extraRows.find((x) => x.code !== whole && x.grouping?.includes(row) && statedRow(t, x.code));
  if (!g?.grouping) return undefined;
  const rows = [statedRow(t, g.code), ...g.grouping.filter((p) => p !== row).map((p) => statedRow(t, p))];
  const cells = combine(t, rows, (c, [w, ...others]) => cellOf(w as Cells, c) - others.reduce((a, p) => a + cellOf(p, c), 0));
  return cells && Object.values(cells).every((v) => v >= 0) ? cells : undefined;
}

/** An identity's parts as the document states them: a stated grouping (htt_up) stands for its parts where they are not all stated. */
function identityParts(t: FormTable, id: RowIdentity): (readonly [string, Cells | undefined])[] {
  let parts = [...id.parts];
  for (const g of t.def.extraRows) {
    const of = g.grouping ?? [];
    if (g.code === id.whole || !statedRow(t, g.code) || of.length === 0 || !of.every((p) => parts.includes(p))) continue;
    if (of.every((p) => statedRow(t, p))) continue;
    const at = parts.indexOf(of[0] as string);
    parts = parts.filter((p) => !of.includes(p));
    parts.splice(at, 0, g.code);
  }
  return parts.map((p) => [p, statedRow(t, p) ?? derivableCells(t, p, id.whole)] as const);
}

function subsetFindings(t: FormTable, id: RowIdentity, col: string, w: number, parts: readonly (readonly [string, Cells])[]): Finding[] {
  const form = t.def.code;
  return parts
    .filter(([, cells]) => (col in cells || !isPartial(t)) && cellOf(cells, col) > w)
    .map(([p, cells]) => ({
      code: id.kind,
      severity: 'error' as const,
      form,
      row: p,
      col,
      expected: `≤ ${w}`,
      actual: cellOf(cells, col),
      message: {
        vi: `${placeOf(form, p, col)}: «trong đó» (${cellOf(cells, col)}) lớn hơn dòng «${id.whole}» (${w}).`,
        en: `${placeOf(form, p, col)}: the "of which" row (${cellOf(cells, col)}) exceeds "${id.whole}" (${w}).`,
      },
    }));
}

function rowIdentityFindings(t: FormTable, id: RowIdentity): Finding[] {
  const form: FormCode = t.def.code;
  const stated = statedRow(t, id.whole);
  if (!stated) return [];
  const all = identityParts(t, id);
  const read = all.filter((p): p is readonly [string, Cells] => p[1] !== undefined).map(([p, cells]) => [p, withImpliedColumns(t, cells)] as const);
  if (read.length === 0) return [];
  const wholeRow = withImpliedColumns(t, stated);
  const whole = wholeRow.cells;
  const parts = read.map(([p, r]) => [p, r.cells] as const);
  const partial = isPartial(t);
  const out: Finding[] = [];
  for (const col of columnsToCheck(t, stated, [wholeRow, ...read.map(([, r]) => r)])) {
    if (partial && !(col in whole)) continue; // the whole's cell is unknown
    const w = cellOf(whole, col);
    if (id.relation === 'subset') {
      out.push(...subsetFindings(t, id, col, w, parts));
      continue;
    }
    // A part is unknown when its row is absent (implied, or on a partial form) or its cell is absent on a partial form.
    const known = parts.filter(([, cells]) => col in cells || !partial);
    const complete = known.length === all.length || (!partial && !id.implied && known.length === parts.length);
    const c: SumCheck = { whole: w, sum: known.reduce((a, [, cells]) => a + cellOf(cells, col), 0), complete };
    if (holds(c)) continue;
    const detail = known.map(([p, cells]) => `${p} ${fmt(cellOf(cells, col))}`).join(' + ');
    const what = id.kind === 'SUM_REASONS' ? { vi: 'tổng các lý do', en: 'the sum of its reasons' } : { vi: 'tổng các dòng thành phần', en: 'the sum of its rows' };
    const words = sumWords(c, what, detail);
    // The whole row is printed but this cell of it is left empty (seed CN huyen/total): say so, not "0".
    const blank = !(col in whole);
    const shows = blank ? { vi: 'để trống', en: 'is blank' } : { vi: `ghi ${fmt(w)}`, en: `shows ${w}` };
    out.push({
      code: id.kind,
      severity: 'error',
      form,
      row: id.whole,
      col,
      expected: expectedOf(c),
      actual: blank ? null : w,
      message: {
        vi: `${placeOf(form, id.whole, col)}: ${shows.vi} nhưng ${words.vi}.`,
        en: `${placeOf(form, id.whole, col)}: ${shows.en} but ${words.en}.`,
      },
    });
  }
  return out;
}

/** Every row identity of FORMS.md §2 (and of the rows reports print beyond it) that the document states. */
export function checkRowSums(t: FormTable): Finding[] {
  return t.def.identities.flatMap((id) => rowIdentityFindings(t, id));
}

/**
 * Where a row sum fails in column c and a column sum fails in row r by the same amount, the one
 * cell (r, c) explains both (e.g. the seed's DV graded.htt/xa printed 1.434 for 1.454): it is named
 * on both findings as `suspect`.
 */
export function locateSuspects(t: FormTable, findings: Finding[]): void {
  // A blank whole (actual null) has no printed value to be off by an amount: never a suspect.
  const rowsF = findings.filter((f) => f.code === 'SUM_ROWS' && typeof f.expected === 'number' && typeof f.actual === 'number');
  const colsF = findings.filter((f) => (f.code === 'SUM_COLUMNS' || f.code === 'SUM_SUBCOLUMNS') && typeof f.expected === 'number');
  for (const rf of rowsF) {
    // A derived row stated directly is the whole of two identities (its section's and its split's).
    const ids = t.def.identities.filter((i) => i.whole === rf.row && i.relation === 'eq');
    if (ids.length === 0 || rf.col === null) continue;
    const rDelta = (rf.actual as number) - (rf.expected as number);
    const parentOfCol = t.def.columns.find((c) => c.code === rf.col)?.parent;
    for (const cf of colsF) {
      const cDelta = (cf.actual as number) - (cf.expected as number);
      const partRow = cf.row !== null && ids.some((id) => id.parts.includes(cf.row as string)) && cf.col === parentOfCol && cDelta === rDelta;
      const wholeRow = cf.row === rf.row && cf.col === parentOfCol && cDelta === -rDelta;
      if (!partRow && !wholeRow) continue;
      const r = cf.row as string;
      const printed = cellOf(statedRow(t, r) ?? {}, rf.col);
      const suspect = { row: r, col: rf.col, expected: partRow ? printed + rDelta : printed - rDelta };
      rf.suspect = suspect;
      cf.suspect = suspect;
      const note = {
        vi: ` Ô nghi sai: ${placeOf(t.def.code, r, rf.col)} ghi ${fmt(printed)}, đúng ra ${fmt(suspect.expected)}.`,
        en: ` Suspect cell: ${placeOf(t.def.code, r, rf.col)} shows ${printed}, should be ${suspect.expected}.`,
      };
      for (const f of [rf, cf]) f.message = { vi: f.message.vi + note.vi, en: f.message.en + note.en };
    }
  }
}
