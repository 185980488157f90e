/**
 * The machine-readable identity the forms workbook carries beside its printed layout, so that
 * reading it back never depends on positions alone: a hidden row of column codes and a hidden column
 * of row codes meeting at a marker cell that names the form, marker cells on the header rows, and a
 * hidden `_meta` sheet with the document's format, unit, cycle, report, annex meta and claims.
 */
import type { FormCode } from '../../domain/forms/types.js';

/** Written in `_meta` as the workbook's own format; a reader refuses any other. */
export const WORKBOOK_FORMAT = 'xeploai-forms/1';
export const META_SHEET = '_meta';

/** The marker at the crossing of the hidden code row and the hidden code column of a form's sheet. */
export const formMarker = (form: FormCode): string => `#xeploai-forms:${form}`;
export const MARKER_PREFIX = '#xeploai-forms:';
/** Hidden-row codes of the two row-heading columns. */
export const STT_MARK = '#stt';
export const LABEL_MARK = '#label';
/** Hidden-row mark of the "Ghi chú" column: free text, never read. */
export const NOTES_MARK = '#notes';
/** Hidden-column marks of the header rows and of the numbered-columns row. */
export const HEADER_MARK = '#header';
export const NUMBERS_MARK = '#numbers';

/** Keys of the `_meta` sheet (column A), values in column B; `form.XX` and `claim` values are JSON. */
export const META_KEYS = {
  format: 'format',
  docFormat: 'doc.format',
  unitCode: 'unit.code',
  unitName: 'unit.name',
  year: 'cycle.year',
  ruleSet: 'cycle.ruleSet',
  reportNumber: 'report.number',
  reportDate: 'report.date',
  /**
   * One per form the document states: `{ meta?, emptyRows, derivedRows? }` (rows stated without any
   * cell; derived rows stated but not printed, read back as the sum of their parts).
   */
  formPrefix: 'form.',
  /**
   * One per form whose sheet leaves rows out (TT, CN: the sections above the unit's level), `omit.TT`:
   * `{ row code: its stated cells (zeros) or null }`, so that the reader knows the sheet is whole.
   */
  omittedPrefix: 'omit.',
  /** One row per claim, in order. */
  claim: 'claim',
} as const;
