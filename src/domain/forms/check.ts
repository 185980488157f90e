/**
 * The form checker (FORMS.md §4): every way a set of statistical forms and the numbers its report
 * prints can contradict themselves, as a list of findings. Pure: no I/O.
 */
import type { RuleSetCode } from '../codes.js';
import { checkCap } from './check-cap.js';
import { checkClaims } from './check-claims.js';
import { checkCrossForm } from './check-cross.js';
import { checkAnnexMeta } from './check-meta.js';
import { checkColumnSums, checkRowSums, locateSuspects } from './check-sums.js';
import { getFormDefinitions, levelsFor } from './definitions.js';
import { DEFAULT_ANNEX_CODES, capRuleFor, type CapRule } from './rule-params.js';
import { placeOf, type FormTable } from './table.js';
import { FORM_CODES, type Finding, type FormCode, type FormValuesDoc } from './types.js';

/** Options of checkFormValues; each defaults to the document's rule set. */
export interface CheckOptions {
  /** Overrides `doc.cycle.ruleSet`. */
  ruleSet?: RuleSetCode;
  /** Overrides the cap parameters of the rule set (e.g. base "HTT+HTXS", 25%). */
  cap?: Partial<CapRule>;
  /** The annex codes the report cites, per form (default: the seed's 6A, 6B, 6D, 6E). */
  annexCodes?: Readonly<Partial<Record<FormCode, string>>>;
}

const isCount = (v: number) => Number.isInteger(v) && v >= 0;

/**
 * VALUE: negative or non-integer counts. parseFormValues already refuses them; this guards
 * documents built in code (e.g. by the report builder) that never went through the parser.
 */
function checkValues(doc: FormValuesDoc): Finding[] {
  const out: Finding[] = [];
  for (const form of FORM_CODES) {
    for (const [row, cells] of Object.entries(doc.forms[form]?.rows ?? {})) {
      for (const [col, v] of Object.entries(cells)) {
        if (isCount(v)) continue;
        out.push({
          code: 'VALUE', severity: 'error', form, row, col, expected: 'số nguyên ≥ 0 / integer ≥ 0', actual: v,
          message: {
            vi: `${placeOf(form, row, col)}: ${v} không phải là số nguyên không âm.`,
            en: `${placeOf(form, row, col)}: ${v} is not a non-negative integer.`,
          },
        });
      }
    }
  }
  doc.claims.forEach((c, i) => {
    if (c.value === null || isCount(c.value)) return;
    out.push({
      code: 'VALUE', severity: 'error', form: c.form, row: typeof c.row === 'string' ? c.row : c.row.join('+'), col: c.col,
      expected: 'số nguyên ≥ 0 / integer ≥ 0', actual: c.value, claim: i,
      message: { vi: `claims[${i}].value: ${c.value} không phải là số nguyên không âm.`, en: `claims[${i}].value: ${c.value} is not a non-negative integer.` },
    });
  });
  return out;
}

/**
 * Checks a form-values document: sums inside each form, claims against tables, cross-form
 * relations, annex metadata and the HTXS cap. Errors first, then warnings, each in document order.
 */
export function checkFormValues(doc: FormValuesDoc, options: CheckOptions = {}): Finding[] {
  const ruleSet = options.ruleSet ?? doc.cycle.ruleSet;
  const defs = getFormDefinitions(ruleSet);
  const tables = Object.fromEntries(
    FORM_CODES.map((f) => [f, { def: defs[f], values: doc.forms[f] } satisfies FormTable]),
  ) as Record<FormCode, FormTable>;
  const values = checkValues(doc);
  if (values.length > 0) return values;

  const findings: Finding[] = [];
  for (const f of FORM_CODES) {
    const sums = [...checkColumnSums(tables[f]), ...checkRowSums(tables[f])];
    locateSuspects(tables[f], sums);
    findings.push(...sums);
  }
  findings.push(...checkClaims(doc.claims, tables, doc.report?.rounding));
  findings.push(...checkCrossForm(ruleSet, levelsFor(ruleSet), tables));
  findings.push(...checkAnnexMeta(doc, options.annexCodes ?? DEFAULT_ANNEX_CODES));
  findings.push(...checkCap({ ...capRuleFor(ruleSet), ...options.cap }, tables));
  return [...findings.filter((f) => f.severity === 'error'), ...findings.filter((f) => f.severity === 'warning')];
}
