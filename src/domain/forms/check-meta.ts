/**
 * What each annex printed about itself against the report (FORMS.md §3 "meta", §4 ANNEX_META):
 * its date and number must be the report's; its code should be the one the text cites.
 */
import type { Finding, FormCode, FormValuesDoc } from './types.js';

/** 2023-01-10 → 10/01/2023, as Party documents write dates. */
const viDate = (iso: string) => iso.split('-').reverse().join('/');
const normaliseNumber = (s: string) => s.replace(/\s+/g, '').toUpperCase();

/** ANNEX_META findings: wrong date or number (errors), unexpected code (warning). */
export function checkAnnexMeta(doc: FormValuesDoc, annexCodes: Readonly<Partial<Record<FormCode, string>>>): Finding[] {
  const out: Finding[] = [];
  for (const [form, values] of Object.entries(doc.forms) as [FormCode, FormValuesDoc['forms'][FormCode]][]) {
    const meta = values?.meta;
    if (!meta) continue;
    const date = doc.report?.date;
    if (date && meta.reportDatePrinted && meta.reportDatePrinted !== date) {
      out.push({
        code: 'ANNEX_META', severity: 'error', form, row: null, col: 'meta.reportDatePrinted',
        expected: date, actual: meta.reportDatePrinted,
        message: {
          vi: `Biểu ${form} ghi kèm theo báo cáo ngày ${viDate(meta.reportDatePrinted)}, nhưng báo cáo đề ngày ${viDate(date)}.`,
          en: `Annex ${form} says it belongs to a report dated ${meta.reportDatePrinted}; the report is dated ${date}.`,
        },
      });
    }
    const number = doc.report?.number;
    if (number && meta.reportNumberPrinted && normaliseNumber(meta.reportNumberPrinted) !== normaliseNumber(number)) {
      out.push({
        code: 'ANNEX_META', severity: 'error', form, row: null, col: 'meta.reportNumberPrinted',
        expected: number, actual: meta.reportNumberPrinted,
        message: {
          vi: `Biểu ${form} ghi kèm theo báo cáo số ${meta.reportNumberPrinted}, nhưng báo cáo là số ${number}.`,
          en: `Annex ${form} cites report ${meta.reportNumberPrinted}; the report is ${number}.`,
        },
      });
    }
    const expected = annexCodes[form];
    if (expected && meta.codePrinted && normaliseNumber(meta.codePrinted) !== normaliseNumber(expected)) {
      out.push({
        code: 'ANNEX_META', severity: 'warning', form, row: null, col: 'meta.codePrinted',
        expected, actual: meta.codePrinted,
        message: {
          vi: `Biểu ${form} in số hiệu «${meta.codePrinted}», nhưng báo cáo dẫn «biểu ${expected}».`,
          en: `Annex ${form} is headed "${meta.codePrinted}" but the report cites "biểu ${expected}".`,
        },
      });
    }
  }
  return out;
}
