/**
 * The annexes of the report (GUIDE.md §5 "then the annexes"): one per form the document states, laid
 * out exactly as the workbook lays it out (src/reports/forms-layout.ts, the seed's annexes): every
 * column with its number, every section that can exist at the unit's level (a district's TT and CN
 * start at CẤP HUYỆN; TC keeps "I. ĐẢNG BỘ BỘ PHẬN" even when empty), headed by the issuing body,
 * "Biểu số …" and "(Kèm theo Báo cáo số … của …)" naming the report's signer.
 */
import type { Level } from '../domain/codes.js';
import { FORM_CODES, type FormValuesDoc } from '../domain/forms/index.js';
import { layoutForms } from './forms-layout.js';
import type { AnnexTable } from './report-types.js';

/** What heads the annexes: the report's issuing bodies and its signer. */
export interface AnnexHeading {
  /** The body after "của" in the "(Kèm theo Báo cáo số …)" line: the report's signer ("Ban Thường vụ Huyện ủy"). */
  issuer: string;
  /** The committee printed top-left ("Huyện ủy Tam Đường"). */
  issuingBody: string;
  /** The body above it ("Đảng bộ tỉnh Lai Châu"); empty for none. */
  parentBody: string;
}

/** The annex tables of every form the document states, in the order of FORMS.md §2. */
export function buildAnnexes(args: { doc: FormValuesDoc; heading: AnnexHeading; level: Level }): AnnexTable[] {
  const { heading } = args;
  const layouts = layoutForms({
    doc: args.doc,
    issuer: heading.issuer,
    issuingBody: heading.issuingBody,
    ...(heading.parentBody ? { parentBody: heading.parentBody } : {}),
    level: args.level,
  });
  return FORM_CODES.flatMap((form) => (args.doc.forms[form] ? layouts.filter((l) => l.form === form) : []));
}
