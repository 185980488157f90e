/**
 * Each annex on the paper its table needs (src/reports/forms-layout-size.ts: A4 landscape, A3
 * landscape for the wide forms 6A and 6B): every annex but the last ends with a section break whose
 * properties copy the template's annex section (its margins, its "Phụ lục – trang N" header) with the
 * annex's own page size; the document's final section, which the last annex ends, gets the last
 * annex's page. The annex pages are numbered from 1 once, at the first annex.
 */
import type { PageSetup } from '../forms-layout.js';

const TWIPS_PER_MM = 1440 / 25.4;
const twips = (mm: number) => Math.round(mm * TWIPS_PER_MM);

/** The body's own (last) section properties of a document.xml, or null. */
export function finalSectPr(documentXml: string): string | null {
  const end = documentXml.lastIndexOf('</w:sectPr>');
  if (end < 0) return null;
  const start = documentXml.lastIndexOf('<w:sectPr', end);
  return start < 0 ? null : documentXml.slice(start, end + '</w:sectPr>'.length);
}

/** A copy of `sectPr` for annex pages of `page`, restarting the page numbers at 1 when `first`. */
export function annexSectPr(sectPr: string, page: PageSetup, first: boolean): string {
  const size = `<w:pgSz w:w="${twips(page.widthMm)}" w:h="${twips(page.heightMm)}" w:orient="landscape"/>`;
  let out = sectPr.replace(/<w:pgSz\b[^>]*\/>/, size).replace(/<w:titlePg\/>/, '');
  if (!/<w:pgSz\b/.test(out)) out = out.replace(/(<w:sectPr\b[^>]*>)/, `$1${size}`);
  const numbering = first ? '<w:pgNumType w:start="1"/>' : '<w:pgNumType/>';
  out = /<w:pgNumType\b[^>]*\/>/.test(out) ? out.replace(/<w:pgNumType\b[^>]*\/>/, numbering) : out.replace(/(<w:pgMar\b[^>]*\/>)/, `$1${numbering}`);
  return out;
}

/** The paragraph that ends an annex's section: a 1-point line carrying the section's properties. */
export function sectionBreakXml(sectPr: string): string {
  return `<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr>${sectPr}</w:pPr></w:p>`;
}

/**
 * After rendering: the final section (ending the last annex) on the last annex's page, numbering
 * from 1 only where no earlier annex section already restarted it.
 */
export function finishAnnexSections(documentXml: string, pages: readonly PageSetup[]): string {
  const last = pages[pages.length - 1];
  const own = finalSectPr(documentXml);
  if (!last || !own) return documentXml;
  const at = documentXml.lastIndexOf(own);
  return documentXml.slice(0, at) + annexSectPr(own, last, pages.length === 1) + documentXml.slice(at + own.length);
}
