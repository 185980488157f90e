/**
 * Writes the numbers of the report's text and records each as a claim (FORMS.md §3), so the text
 * can be checked against its tables. Conventions of GUIDE.md §5: leading zero under 10 ("09/51"),
 * thousands with a dot, decimals with a comma, one rounding rule per report (half-up or largest
 * remainder, never truncation), computed exactly from integers (src/domain/format).
 */
import { getFormDefinitions, lookupCell, type Claim, type FormCode, type FormValuesDoc } from '../domain/forms/index.js';
import { formatCountVi, formatViDecimal, isExactPercent, largestRemainderPercents, percentScaled } from '../domain/format/index.js';
import type { ReportRounding } from './report-types.js';

/** A row code or a list of row codes whose cells are added (FORMS.md §3). */
export type Rows = string | readonly string[];

/** Where a printed number lives in the forms. */
export interface CellRef {
  form: FormCode;
  row: Rows;
  col: string;
}

/** One item of a percentage list: its cell and its printed noun. */
export interface ListItem extends CellRef {
  noun?: string | null;
}

/** A share of a percentage list as worded; `claim` records it as printed (without percent or with another noun when so printed). */
export interface Share {
  count: string;
  percent: string | null;
  value: number;
  claim(printed?: { percent?: boolean; noun?: string | null }): void;
}

const asList = (r: Rows): readonly string[] => (typeof r === 'string' ? [r] : r);

/** Reads form cells and words numbers, collecting the claims it prints. */
export class ClaimWriter {
  readonly claims: Claim[] = [];
  /** The rule set of the document's cycle (what the text may say about who is reviewed). */
  readonly ruleSet: string;
  /** Whether the grade lists also print "hoàn thành tốt nhiệm vụ trở lên" (report setting printHttUp). */
  readonly httUp: boolean;
  private readonly doc: FormValuesDoc;
  private readonly options: { decimals: number; rounding: ReportRounding };
  private readonly defs: ReturnType<typeof getFormDefinitions>;

  constructor(doc: FormValuesDoc, options: { decimals: number; rounding: ReportRounding; httUp?: boolean }) {
    this.doc = doc;
    this.options = options;
    this.defs = getFormDefinitions(doc.cycle.ruleSet);
    this.ruleSet = doc.cycle.ruleSet;
    this.httUp = options.httUp ?? false;
  }

  /**
   * The value of a cell (or the sum over a list of rows); absent = 0; a derived row (`tccsd.X`) is
   * the sum of its parts, a grouping (`…graded.htt_up`, CN `htt_up`) the sum of the grades it groups.
   */
  cell(ref: CellRef): number {
    return asList(ref.row).reduce((sum, r) => sum + this.rowCell(ref.form, r, ref.col), 0);
  }

  /** Whether the forms state any of the rows (a derived row: any of its parts). */
  stated(ref: Pick<CellRef, 'form' | 'row'>): boolean {
    const rows = this.doc.forms[ref.form]?.rows ?? {};
    return asList(ref.row).some((r) => rows[r] !== undefined || this.partsOf(ref.form, r).some((p) => rows[p] !== undefined));
  }

  private partsOf(form: FormCode, row: string): readonly string[] {
    return this.defs[form].rows.find((d) => d.code === row)?.derivedFrom ?? [];
  }

  private rowCell(form: FormCode, row: string, col: string): number {
    // The checker's own reading (src/domain/forms/table.ts), so that a claim is read as it is checked.
    return lookupCell({ def: this.defs[form], values: this.doc.forms[form] }, row, col) ?? 0;
  }

  /** A count as printed ("09", "2.543"), claimed. */
  count(ref: CellRef, noun: string | null = null): string {
    const value = this.cell(ref);
    this.push({ ...ref, value, noun });
    return formatCountVi(value);
  }

  /** "09/51", claimed against its base. */
  ratio(ref: CellRef, base: Rows, noun: string | null = null): string {
    const value = this.cell(ref);
    this.push({ ...ref, value, noun });
    return `${formatCountVi(value)}/${formatCountVi(this.cell({ ...ref, row: base }))}`;
  }

  /**
   * Percentages of a list of items on one base, worded as one group (same decimals). Largest
   * remainder applies only when the items partition the base (else half-up). A share of exactly
   * 100% is written "100"; otherwise every share has the report's decimals. Nothing is claimed here:
   * the caller claims each share as it prints it (`share.claim()`), so a claim records exactly what
   * the text shows (FORMS.md §3: the printed value, percent and noun).
   */
  percentList(items: readonly ListItem[], base: Rows, group: string): Share[] {
    const col = items[0]?.col ?? 'total';
    const form = items[0]?.form ?? 'TC';
    const baseValue = this.cell({ form, row: base, col });
    const values = items.map((i) => this.cell(i));
    const d = this.options.decimals;
    const partition = values.reduce((a, b) => a + b, 0) === baseValue;
    const remainder = this.options.rounding === 'largest-remainder' && partition && baseValue > 0 ? largestRemainderPercents(values, d) : null;
    return items.map((item, i) => {
      const value = values[i] ?? 0;
      let percent: string | null = null;
      if (baseValue > 0) {
        const scaled = remainder?.[i] ?? percentScaled(value, baseValue, d);
        percent = value === baseValue && isExactPercent(value, baseValue, 0) ? '100' : formatViDecimal({ scaled, decimals: d });
      }
      const claim = (printed: { percent?: boolean; noun?: string | null } = {}) => {
        const shown = printed.percent !== false && percent !== null;
        const noun = printed.noun !== undefined ? printed.noun : (item.noun ?? null);
        this.push({ form: item.form, row: item.row, col: item.col, value, noun, ...(shown ? { base, percent: percent as string, group } : {}) });
      };
      return { count: formatCountVi(value), percent, value, claim };
    });
  }

  /** One percentage of a base (a list of one), e.g. "100" or "93,12"; claim it when printed. */
  percent(item: ListItem, base: Rows, group: string): Share {
    const [one] = this.percentList([item], base, group);
    if (!one) throw new Error('percentList returned nothing');
    return one;
  }

  private push(c: { form: FormCode; row: Rows; col: string; value: number; base?: Rows; percent?: string; noun: string | null; group?: string }): void {
    // A sum over no rows (a form the unit's data does not state) has no cell to check against, and
    // FORMS.md §3 has no claim of nothing: the printed 0 is not claimed.
    if (typeof c.row !== 'string' && c.row.length === 0) return;
    const claim: Claim = {
      form: c.form,
      row: typeof c.row === 'string' ? c.row : [...c.row],
      col: c.col,
      value: c.value,
      ...(c.base !== undefined ? { base: typeof c.base === 'string' ? c.base : [...c.base] } : {}),
      ...(c.percent !== undefined ? { percent: c.percent } : {}),
      noun: c.noun,
      ...(c.group !== undefined ? { group: c.group } : {}),
    };
    this.claims.push(claim);
  }
}

/** Grade breakdown "(Hoàn thành xuất sắc nhiệm vụ 01, hoàn thành tốt nhiệm vụ 05)" of non-zero grades. */
export function gradeBreakdown(counts: readonly [number, number, number, number], formatted?: readonly string[]): string {
  const names = ['Hoàn thành xuất sắc nhiệm vụ', 'hoàn thành tốt nhiệm vụ', 'hoàn thành nhiệm vụ', 'không hoàn thành nhiệm vụ'];
  const parts = counts
    .map((n, i) => (n > 0 ? `${names[i]} ${formatted?.[i] ?? formatCountVi(n)}` : null))
    .filter((p): p is string => p !== null);
  if (parts.length === 0) return '';
  const first = parts[0] ?? '';
  parts[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return ` (${parts.join(', ')})`;
}
