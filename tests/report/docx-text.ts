/** Reads a generated .docx back as text: one string per paragraph of a part (document, footnotes). */
import PizZip from 'pizzip';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

/** Paragraph texts of `part` (default word/document.xml): runs joined, tags dropped, entities decoded. */
export function docxParagraphs(docx: Buffer, part = 'word/document.xml'): string[] {
  const xml = new PizZip(docx).file(part)?.asText();
  if (xml === undefined) throw new Error(`${part} missing from the .docx`);
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? '').join(''))
    .map((t) => t.replace(/&(amp|lt|gt|quot|apos);/g, (e) => ENTITIES[e] ?? e))
    .filter((t) => t.length > 0);
}

/** The whole text of the main document, paragraphs joined with newlines. */
export function docxText(docx: Buffer): string {
  return docxParagraphs(docx).join('\n');
}

/** Independent arithmetic for expected strings: v/b as a percentage, half-up, 2 decimals, Vietnamese. */
export function expectedPercent(v: number, b: number): string {
  const hundredths = Math.floor((2 * v * 10000 + b) / (2 * b));
  return `${Math.floor(hundredths / 100)},${String(hundredths % 100).padStart(2, '0')}`;
}

/** Independent count wording: leading zero under 10, dots between thousands. */
export function expectedCount(n: number): string {
  if (n > 0 && n < 10) return `0${n}`;
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
