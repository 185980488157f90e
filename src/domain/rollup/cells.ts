/**
 * Cells of the forms as the roll-up stores them (FORMS.md §1–2): one printed row and one column of
 * one form. Derived rows (`tccsd.X`, `truc_thuoc.X`) are never stored; they are added on read.
 * Which cells exist depends on the rule set (`thi_tran` until mid-2025, no district level after).
 */
import type { RuleSetCode } from '../codes.js';
import { getFormDefinitions } from '../forms/definitions.js';
import { FORM_CODES, type FormCode } from '../forms/types.js';

/** One stored cell of a form. */
export interface Cell {
  form: FormCode;
  row: string;
  col: string;
}

/** A cell with a count (a delta when negative). */
export interface CellCount extends Cell {
  value: number;
}

const SEP = '|';

/** The key of a cell in maps: `FORM|row|col` (codes never contain `|`). */
export function cellKey(c: Cell): string {
  return `${c.form}${SEP}${c.row}${SEP}${c.col}`;
}

/** The cell a key names. */
export function parseCellKey(key: string): Cell {
  const [form, row, col] = key.split(SEP) as [FormCode, string, string];
  return { form, row, col };
}

const storable = new Map<RuleSetCode, Set<string>>();

/** Keys of every printed (non-derived) row × column of the five forms under a rule set. */
export function storableCells(ruleSet: RuleSetCode): ReadonlySet<string> {
  let set = storable.get(ruleSet);
  if (set) return set;
  set = new Set<string>();
  const defs = getFormDefinitions(ruleSet);
  for (const form of FORM_CODES) {
    const def = defs[form];
    for (const row of def.rows) {
      if (row.derivedFrom) continue;
      for (const col of def.columns) set.add(cellKey({ form, row: row.code, col: col.code }));
    }
  }
  storable.set(ruleSet, set);
  return set;
}

const chains = new Map<string, readonly string[]>();

/**
 * The organisation-type columns a subject of type `orgType` counts in (FORMS.md §1): its leaf, every
 * parent up to `total`, and for `dn.ngoai.fdi.trong_do_100` ("trong đó", a subset) also
 * `dn.ngoai.fdi` and that column's parents. A type the rule set has no column for, or no type at
 * all, counts in `total` only, so the checker's SUM_COLUMNS shows it rather than hiding it.
 */
export function orgTypeColumnChain(orgType: string | null, ruleSet: RuleSetCode): readonly string[] {
  const key = `${ruleSet}${SEP}${orgType ?? ''}`;
  const hit = chains.get(key);
  if (hit) return hit;
  const cols = getFormDefinitions(ruleSet).DV.columns;
  const byCode = new Map(cols.map((c) => [c.code, c]));
  const out: string[] = [];
  let code: string | null | undefined = orgType !== null && byCode.has(orgType) ? orgType : null;
  while (code) {
    out.push(code);
    const col = byCode.get(code);
    code = col?.parent ?? col?.subsetOf ?? null;
  }
  if (!out.includes('total')) out.push('total');
  chains.set(key, out);
  return out;
}
