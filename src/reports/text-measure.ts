/**
 * Estimates of how wide a text prints in Times New Roman (Liberation Serif where it is absent: the
 * same metrics), so that the printed forms can size their columns and rows before any application
 * lays them out. Estimates lean to the wide side: a column a little too wide costs nothing, a word
 * cut in two does.
 */

/** Width of a character in em, by class; Vietnamese letters are measured on their base letter. */
function em(ch: string): number {
  if (/[0-9]/.test(ch)) return 0.5;
  if (/[ .,:;'’!|]/.test(ch)) return 0.27;
  if (/[-()[\]/*+=…]/.test(ch)) return ch === '…' ? 1 : ch === '+' || ch === '=' ? 0.57 : 0.34;
  if (/[%]/.test(ch)) return 0.84;
  if (/[MWĐ]/.test(ch)) return 0.9;
  if (/[A-Z]/.test(ch)) return 0.72;
  if (/[mw]/.test(ch)) return 0.78;
  if (/[iljtfr]/.test(ch)) return 0.33;
  return 0.5;
}

const MM_PER_PT = 25.4 / 72;

/** Printed width of `text` in millimetres at `pt` points (bold text is about 6% wider). */
export function textWidthMm(text: string, pt: number, bold = false): number {
  const base = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
  let ems = 0;
  for (const ch of base) ems += em(ch);
  return ems * pt * MM_PER_PT * (bold ? 1.06 : 1);
}

/** The widest word of a text (what a wrapped cell must at least hold). */
export function widestWordMm(text: string, pt: number, bold = false): number {
  return Math.max(0, ...text.split(/[\s\n]+/).map((w) => textWidthMm(w, pt, bold)));
}

/** Lines a text takes when wrapped at spaces in a cell `widthMm` wide (its explicit line breaks kept). */
export function wrappedLines(text: string, widthMm: number, pt: number, bold = false): number {
  const space = textWidthMm(' ', pt, bold);
  let lines = 0;
  for (const part of text.split('\n')) {
    let used = 0;
    lines += 1;
    for (const word of part.split(/\s+/).filter(Boolean)) {
      const w = textWidthMm(word, pt, bold);
      if (used > 0 && used + space + w > widthMm) {
        lines += 1;
        used = w;
      } else used += (used > 0 ? space : 0) + w;
    }
  }
  return lines;
}

/** Height of one printed line in points: Times' line spacing is about 1.15 of its size. */
export const lineHeightPt = (pt: number): number => pt * 1.15;
