/**
 * The HTXS cap (GUIDE.md §3 "20% cap on HTXS"; regulations.md §0.3): HD 21 literally says HTXS ≤
 * 20% of those graded HTT, while most reports only comply on HTT + HTXS. The cap is a warning that
 * names the base it was computed on and says which readings it fails (FORMS.md §4 CAP).
 */
import { formatViInteger } from '../format/vi-number.js';
import type { CapBase, CapRule, CapScope } from './rule-params.js';
import { lookupCell, type FormTable } from './table.js';
import type { Finding, FormCode } from './types.js';

interface CapCells {
  htxs: number;
  htt: number;
  graded: number;
}

function cellsOf(t: FormTable, s: CapScope, col: string): CapCells | undefined {
  const get = (row: string, c: string) => lookupCell(t, row, c);
  const [htxs, htt, graded] =
    s.layout === 'rows'
      ? [get(`${s.row}.htxs`, col), get(`${s.row}.htt`, col), get(s.row, col)]
      : [get(s.row, 'htxs'), get(s.row, 'htt'), get(s.row, 'graded')];
  if (htxs === undefined || htt === undefined) return undefined;
  return { htxs, htt, graded: graded ?? htxs + htt };
}

const baseValue = (c: CapCells, b: CapBase) => (b === 'HTT' ? c.htt : b === 'HTT+HTXS' ? c.htt + c.htxs : c.graded);
/** The allowed maximum: floor(percent × base / 100), in integers. */
const allowed = (percent: number, base: number) => Math.floor((percent * base) / 100);

function columnsOf(t: FormTable, s: CapScope): string[] {
  if (s.layout === 'cols' || s.cols === 'total') return ['total'];
  return t.def.columns.map((c) => c.code);
}

/** Every cap scope of the rule set that the document states. */
export function checkCap(rule: CapRule, tables: Record<FormCode, FormTable>): Finding[] {
  const out: Finding[] = [];
  for (const s of rule.scopes) {
    const t = tables[s.form];
    for (const col of columnsOf(t, s)) {
      const c = cellsOf(t, s, col);
      if (!c || c.htxs === 0) continue;
      const max = allowed(rule.percent, baseValue(c, rule.base));
      if (c.htxs <= max) continue;
      const readings = [rule.base, ...rule.alsoReport].map((b) => {
        const m = allowed(rule.percent, baseValue(c, b));
        const over = c.htxs > m;
        return {
          vi: `cơ sở ${b}: tối đa ${formatViInteger(m)} (${rule.percent}% × ${formatViInteger(baseValue(c, b))}) → ${over ? 'vượt' : 'trong giới hạn'}`,
          en: `base ${b}: at most ${m} (${rule.percent}% × ${baseValue(c, b)}) → ${over ? 'over' : 'within'}`,
        };
      });
      const cellName = s.layout === 'rows' ? `${s.row}.htxs / ${col}` : `${s.row} / htxs`;
      out.push({
        code: 'CAP',
        severity: 'warning',
        form: s.form,
        row: s.layout === 'rows' ? `${s.row}.htxs` : s.row,
        col: s.layout === 'rows' ? col : 'htxs',
        expected: max,
        actual: c.htxs,
        base: rule.base,
        message: {
          vi: `${s.form} ${cellName}: ${formatViInteger(c.htxs)} HTXS vượt mức ${rule.percent}% (${rule.source}); ${readings.map((r) => r.vi).join('; ')}.`,
          en: `${s.form} ${cellName}: ${c.htxs} HTXS exceeds the ${rule.percent}% cap (${rule.source}); ${readings.map((r) => r.en).join('; ')}.`,
        },
      });
    }
  }
  return out;
}
