/**
 * The sizes at which a PDF prints its text, read from its content streams: every text-showing
 * operator's font size (Tf) transformed by the text matrix (Tm) and the graphics state (cm, q/Q), the
 * size a reader sees on paper. LibreOffice writes uncompressed object dictionaries with Flate content
 * streams, which is all this reads; page sizes and counts come from poppler's pdfinfo.
 */
import { execFileSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/** Tokens of a content stream: numbers, names, operators; strings, arrays and dictionaries skipped as one token. */
function* tokens(s: string): Generator<string> {
  let i = 0;
  while (i < s.length) {
    const c = s[i] as string;
    if (/\s/.test(c)) i += 1;
    else if (c === '%') while (i < s.length && s[i] !== '\n') i += 1;
    else if (c === '(') {
      let depth = 0;
      for (; i < s.length; i++) {
        if (s[i] === '\\') i += 1;
        else if (s[i] === '(') depth += 1;
        else if (s[i] === ')' && --depth === 0) break;
      }
      i += 1;
      yield '(string)';
    } else if (c === '<' && s[i + 1] !== '<') {
      i = s.indexOf('>', i) + 1;
      yield '<hex>';
    } else if (c === '[' || c === ']' || c === '{' || c === '}') {
      i += 1;
      yield c;
    } else if (c === '<' || c === '>') {
      i += 2;
      yield c + c;
    } else {
      const m = /^\/?[^\s()<>[\]{}/%]+/.exec(s.slice(i, i + 64));
      const t = m?.[0] ?? c;
      i += t.length;
      yield t;
    }
  }
}

/** Font sizes (in points, as printed) of every piece of text shown by one content stream. */
export function textSizes(content: string): number[] {
  const out: number[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  let tm: Matrix = IDENTITY;
  let size = 0;
  const operands: string[] = [];
  const num = (k: number) => Number(operands[operands.length - k]);
  for (const t of tokens(content)) {
    if (/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t) || t.startsWith('/') || t === '(string)' || t === '<hex>' || t === '[' || t === ']') {
      operands.push(t);
      continue;
    }
    if (t === 'q') stack.push(ctm);
    else if (t === 'Q') ctm = stack.pop() ?? IDENTITY;
    else if (t === 'cm') ctm = multiply([num(6), num(5), num(4), num(3), num(2), num(1)], ctm);
    else if (t === 'BT') tm = IDENTITY;
    else if (t === 'Tm') tm = [num(6), num(5), num(4), num(3), num(2), num(1)];
    else if (t === 'Tf') size = num(1);
    else if (t === 'Tj' || t === 'TJ' || t === "'" || t === '"') {
      const m = multiply(tm, ctm);
      out.push(Math.abs(size) * Math.hypot(m[2], m[3]));
    }
    operands.length = 0;
  }
  return out;
}

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

/** The objects of a PDF made by LibreOffice (no object streams), by number, streams inflated. */
function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  const re = /(\d+)\s+0\s+obj\b/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const bodyStart = m.index + m[0].length;
    const endobj = text.indexOf('endobj', bodyStart);
    const streamAt = text.indexOf('stream', bodyStart);
    const hasStream = streamAt >= 0 && streamAt < endobj && text.slice(bodyStart, streamAt).includes('>>');
    const dict = text.slice(bodyStart, hasStream ? streamAt : endobj);
    let stream: Buffer | null = null;
    if (hasStream) {
      const start = streamAt + (text[streamAt + 6] === '\r' ? 8 : 7);
      const raw = pdf.subarray(start, text.indexOf('endstream', start));
      try {
        stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
      } catch {
        stream = null;
      }
    }
    out.set(Number(m[1]), { dict, stream });
  }
  return out;
}

const refs = (s: string): number[] => [...s.matchAll(/(\d+)\s+0\s+R/g)].map((m) => Number(m[1]));

/** Each page's text sizes, pages in order (the page tree walked from the catalogue's /Pages). */
export function pageTextSizes(pdf: Buffer): number[][] {
  const objs = objects(pdf);
  const root = [...objs.values()].find((o) => /\/Type\s*\/Catalog/.test(o.dict));
  const pagesRef = root ? /\/Pages\s+(\d+)\s+0\s+R/.exec(root.dict)?.[1] : undefined;
  const pages: PdfObject[] = [];
  const walk = (n: number) => {
    const o = objs.get(n);
    if (!o) return;
    if (/\/Type\s*\/Pages\b/.test(o.dict)) for (const k of refs(/\/Kids\s*\[([^\]]*)\]/.exec(o.dict)?.[1] ?? '')) walk(k);
    else pages.push(o);
  };
  if (pagesRef) walk(Number(pagesRef));
  return pages.map((page) => {
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+\s+0\s+R)/.exec(page.dict)?.[1] ?? '';
    return refs(contents).flatMap((n) => textSizes(objs.get(n)?.stream?.toString('latin1') ?? ''));
  });
}

/** The smallest size at which the PDF prints any text on the given pages (1-based; default all), in points. */
export function smallestTextSize(pdf: Buffer, pages?: readonly number[]): number {
  const all = pageTextSizes(pdf);
  const chosen = pages ? pages.map((p) => all[p - 1] ?? []) : all;
  return Math.min(...chosen.flat());
}

/** Each page's size in points and whether it is landscape, from pdfinfo. */
export function pageSizes(file: string): { width: number; height: number; landscape: boolean; name: string }[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', file], { encoding: 'utf8' });
  return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts(?: \((\w+)\))?/gm)].map((m) => {
    const width = Number(m[1]);
    const height = Number(m[2]);
    return { width, height, landscape: width > height, name: m[3] ?? '' };
  });
}
