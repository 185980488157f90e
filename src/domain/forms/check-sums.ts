/**
 * Sum identities inside one form (FORMS.md §4 SUM_COLUMNS, SUM_SUBCOLUMNS, SUM_ROWS, SUM_REASONS),
 * checked only where the document states both the whole and at least one part (FORMS.md §3). For a
 * row identity the whole is a row: a stated row whose cell is absent is empty, and an empty cell
 * under parts that add up to more than zero is reported as blank (actual null), never as "ghi 0".
 */
import { formatViInteger } from '../format/vi-number.js';
import { childColumns, type RowIdentity } from './definitions.js';
import { cellOf, placeOf, statedRow, unknownColumns, type FormTable } from './table.js';
import type { Cells, Finding, FormCode } from './types.js';

const fmt = (n: number) => formatViInteger(n);

/** Column identities of every stated row: total = Σ top-level, parent = Σ children, subset ≤ parent. */
export function checkColumnSums(t: FormTable): Finding[] {
  const form = t.def.code;
  const out: Finding[] = [];
  for (const [row, cells] of Object.entries(t.values?.rows ?? {})) {
    for (const parent of t.def.columns) {
      const children = childColumns(t.def, parent.code);
      if (children.length === 0 || !(parent.code in cells)) continue;
      if (!children.some((c) => c.code in cells)) continue; // no breakdown stated (FORMS.md §3)
      const sum = children.reduce((a, c) => a + cellOf(cells, c.code), 0);
      const whole = cellOf(cells, parent.code);
      if (sum === whole) continue;
      const code = parent.parent === null ? 'SUM_COLUMNS' : 'SUM_SUBCOLUMNS';
      const parts = children.filter((c) => c.code in cells).map((c) => `${c.code} ${fmt(cellOf(cells, c.code))}`).join(' + ');
      out.push({
        code,
        severity: 'error',
        form,
        row,
        col: parent.code,
        expected: sum,
        actual: whole,
        message: {
          vi: `${placeOf(form, row, parent.code)}: cột «${parent.label}» ghi ${fmt(whole)} nhưng tổng các cột thành phần là ${fmt(sum)} (${parts}).`,
          en: `${placeOf(form, row, parent.code)}: column "${parent.code}" shows ${whole} but its parts add up to ${sum} (${parts}).`,
        },
      });
    }
    for (const sub of t.def.columns.filter((c) => c.subsetOf && c.code in cells)) {
      const of = sub.subsetOf as string;
      const v = cellOf(cells, sub.code);
      if (v <= cellOf(cells, of)) continue;
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

/** Columns an identity between these rows is checked on (FORMS.md §3). */
function columnsToCheck(t: FormTable, rows: readonly Cells[]): string[] {
  const unknown = new Set<string>();
  for (const r of rows) for (const u of unknownColumns(t.def, r)) unknown.add(u);
  return t.def.columns
    .map((c) => c.code)
    .filter((c) => !unknown.has(c) && rows.some((r) => c in r));
}

function rowIdentityFindings(t: FormTable, id: RowIdentity): Finding[] {
  const form: FormCode = t.def.code;
  const whole = statedRow(t, id.whole);
  if (!whole) return [];
  const parts = id.parts.map((p) => [p, statedRow(t, p)] as const).filter((p): p is readonly [string, Cells] => p[1] !== undefined);
  if (parts.length === 0) return [];
  const out: Finding[] = [];
  for (const col of columnsToCheck(t, [whole, ...parts.map((p) => p[1])])) {
    const w = cellOf(whole, col);
    if (id.relation === 'subset') {
      for (const [p, cells] of parts) {
        if (cellOf(cells, col) <= w) continue;
        out.push({
          code: id.kind,
          severity: 'error',
          form,
          row: p,
          col,
          expected: `≤ ${w}`,
          actual: cellOf(cells, col),
          message: {
            vi: `${placeOf(form, p, col)}: «trong đó» (${cellOf(cells, col)}) lớn hơn dòng «${id.whole}» (${w}).`,
            en: `${placeOf(form, p, col)}: the "of which" row (${cellOf(cells, col)}) exceeds "${id.whole}" (${w}).`,
          },
        });
      }
      continue;
    }
    const sum = parts.reduce((a, [, cells]) => a + cellOf(cells, col), 0);
    if (sum === w) continue;
    const detail = parts.map(([p, cells]) => `${p} ${fmt(cellOf(cells, col))}`).join(' + ');
    const what = id.kind === 'SUM_REASONS' ? { vi: 'tổng các lý do', en: 'the sum of its reasons' } : { vi: 'tổng các dòng thành phần', en: 'the sum of its rows' };
    // The whole row is printed but this cell of it is left empty (seed CN huyen/total): say so, not "0".
    const blank = !(col in whole);
    const shows = blank ? { vi: 'để trống', en: 'is blank' } : { vi: `ghi ${fmt(w)}`, en: `shows ${w}` };
    out.push({
      code: id.kind,
      severity: 'error',
      form,
      row: id.whole,
      col,
      expected: sum,
      actual: blank ? null : w,
      message: {
        vi: `${placeOf(form, id.whole, col)}: ${shows.vi} nhưng ${what.vi} là ${fmt(sum)} (${detail}).`,
        en: `${placeOf(form, id.whole, col)}: ${shows.en} but ${what.en} is ${sum} (${detail}).`,
      },
    });
  }
  return out;
}

/** Every row identity of FORMS.md §2 that the document states. */
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
    const id = t.def.identities.find((i) => i.whole === rf.row && i.relation === 'eq');
    if (!id || rf.col === null) continue;
    const rDelta = (rf.actual as number) - (rf.expected as number);
    const parentOfCol = t.def.columns.find((c) => c.code === rf.col)?.parent;
    for (const cf of colsF) {
      const cDelta = (cf.actual as number) - (cf.expected as number);
      const partRow = cf.row !== null && id.parts.includes(cf.row) && cf.col === parentOfCol && cDelta === rDelta;
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
