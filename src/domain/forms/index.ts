/** The statistical forms as data, the form-values document, and its checker (FORMS.md). */
export { FORM_CODES, FINDING_CODES, PERCENT_ROUNDINGS, type PercentRounding, type FormCode, type FindingCode, type Finding, type Severity } from './types.js';
export type { Cells, Claim, FormMeta, FormValues, FormValuesDoc } from './types.js';
export { getFormDefinitions, childColumns, findColumn, findRow, levelsFor, type FormDefinition, type RowDef, type RowIdentity, type Subject } from './definitions.js';
export { orgTypeColumns, hasTwoTierGovernment, type ColumnDef } from './columns.js';
export { capRuleFor, DEFAULT_ANNEX_CODES, nounFits, nounVerdict, normaliseNoun, type CapRule, type CapScope, type CapBase } from './rule-params.js';
export { lookupCell, type FormTable } from './table.js';
export { parseFormValues } from './parse.js';
export { checkFormValues, type CheckOptions } from './check.js';
export { comparisonSentence, hasFigures, yearFiguresOf, type GradeFigures, type YearFigures } from './year-figures.js';
