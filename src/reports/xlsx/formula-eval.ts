/**
 * Evaluates the formulas a forms workbook carries (its totals, or what a compiler typed): cell
 * references, ranges inside SUM, numbers, + and − and parentheses, over the values the sheet holds
 * (a formula cell counts with its cached result, an empty cell as 0). The reader compares the result
 * with the cell's cached value: a formula changed without recalculating contradicts its own number.
 * Anything else (another function, another sheet, a text operand) cannot be checked: undefined.
 */
import type ExcelJS from 'exceljs';

type Token = { kind: 'num'; value: number } | { kind: 'ref'; text: string } | { kind: 'op'; text: string } | { kind: 'fn'; text: string };

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)|(SUM)\s*\(|([-+(),]))/iy;

function tokenize(formula: string): Token[] | undefined {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < formula.length) {
    if (/^\s*$/.test(formula.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(formula);
    if (!m) return undefined;
    if (m[1] !== undefined) out.push({ kind: 'num', value: Number(m[1]) });
    else if (m[2] !== undefined) out.push({ kind: 'ref', text: m[2].replace(/\$/g, '').toUpperCase() });
    else if (m[3] !== undefined) out.push({ kind: 'fn', text: 'SUM' });
    else out.push({ kind: 'op', text: m[4] as string });
    at = TOKEN.lastIndex;
  }
  return out;
}

/** The number a referenced cell contributes, or undefined when it cannot be told (text, an error). */
function cellNumber(ws: ExcelJS.Worksheet, address: string): number | undefined {
  const cell = ws.getCell(address);
  const v = cell.value;
  if (v === null || v === undefined || v === '') return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
    const result = (v as ExcelJS.CellFormulaValue).result ?? cell.result;
    return typeof result === 'number' ? result : undefined;
  }
  return undefined;
}

function rangeSum(ws: ExcelJS.Worksheet, range: string): number | undefined {
  const [from, to = from] = range.split(':') as [string, string?];
  const a = ws.getCell(from);
  const b = ws.getCell(to);
  let sum = 0;
  for (let r = Math.min(Number(a.row), Number(b.row)); r <= Math.max(Number(a.row), Number(b.row)); r++) {
    for (let c = Math.min(Number(a.col), Number(b.col)); c <= Math.max(Number(a.col), Number(b.col)); c++) {
      const n = cellNumber(ws, ws.getCell(r, c).address);
      if (n === undefined) return undefined;
      sum += n;
    }
  }
  return sum;
}

/** A small recursive-descent evaluator over the tokens. */
class Evaluator {
  private at = 0;
  constructor(
    private readonly ws: ExcelJS.Worksheet,
    private readonly tokens: Token[],
  ) {}

  run(): number | undefined {
    const v = this.sum();
    return this.at === this.tokens.length ? v : undefined;
  }

  private peek(text: string): boolean {
    const t = this.tokens[this.at];
    return t?.kind === 'op' && t.text === text;
  }

  private sum(): number | undefined {
    let v = this.factor();
    while (v !== undefined && (this.peek('+') || this.peek('-'))) {
      const minus = this.peek('-');
      this.at += 1;
      const w = this.factor();
      v = w === undefined ? undefined : minus ? v - w : v + w;
    }
    return v;
  }

  private factor(): number | undefined {
    const t = this.tokens[this.at++];
    if (!t) return undefined;
    if (t.kind === 'num') return t.value;
    if (t.kind === 'ref') return t.text.includes(':') ? undefined : cellNumber(this.ws, t.text);
    if (t.kind === 'op' && (t.text === '-' || t.text === '+')) {
      const v = this.factor();
      return v === undefined ? undefined : t.text === '-' ? -v : v;
    }
    if (t.kind === 'op' && t.text === '(') {
      const v = this.sum();
      return this.close() ? v : undefined;
    }
    if (t.kind === 'fn') return this.sumCall();
    return undefined;
  }

  private close(): boolean {
    if (!this.peek(')')) return false;
    this.at += 1;
    return true;
  }

  private sumCall(): number | undefined {
    let total = 0;
    for (;;) {
      const t = this.tokens[this.at];
      const v = t?.kind === 'ref' && t.text.includes(':') ? (this.at++, rangeSum(this.ws, t.text)) : this.sum();
      if (v === undefined) return undefined;
      total += v;
      if (this.peek(',')) this.at += 1;
      else return this.close() ? total : undefined;
    }
  }
}

/** The value of `formula` (without "=") on `ws`, or undefined when it is not one this reader can evaluate. */
export function evaluateFormula(ws: ExcelJS.Worksheet, formula: string): number | undefined {
  const tokens = tokenize(formula.replace(/^=/, ''));
  return tokens && tokens.length > 0 ? new Evaluator(ws, tokens).run() : undefined;
}
