/**
 * Numbers and dates as Vietnamese write them (UI.md principle 5; GUIDE.md §5): 2.731; 17,65%;
 * 10/01/2023. Percentages are computed from integers and rounded once, half-up, always with their
 * base beside them. English pages use the English separators, the same dates.
 */
let locale = 'vi-VN';

/** Switches the number format with the page's language. */
export function setNumberLocale(lang: string): void {
  locale = lang === 'en' ? 'en-GB' : 'vi-VN';
}

/** 2731 → "2.731". */
export function fmtInt(n: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n);
}

/** A number with up to two decimals: 87.5 → "87,5". */
export function fmtNumber(n: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(n);
}

/** part/base as a percentage with `decimals` places, rounded half-up once: (344, 2543) → "13,53%"; "—" without a base. */
export function fmtPct(part: number, base: number, decimals = 2): string {
  if (base <= 0) return '—';
  const scale = 10 ** decimals;
  const scaled = Math.floor((part * 100 * scale * 2 + base) / (2 * base));
  return `${new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(scaled / scale)}%`;
}

/** "2023-01-10" → "10/01/2023". */
export function fmtDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

const VN = 'Asia/Ho_Chi_Minh';

/** An instant in Vietnam's time: "20:41 05/12/2026". */
export function fmtDateTime(instant: string | null | undefined): string {
  if (!instant) return '—';
  const d = new Date(instant);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: VN, hour: '2-digit', minute: '2-digit' }).format(d);
  const date = new Intl.DateTimeFormat('en-GB', { timeZone: VN, day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
  return `${time} ${date}`;
}

/** The time of an instant in Vietnam: "20:41". */
export function fmtTime(instant: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: VN, hour: '2-digit', minute: '2-digit' }).format(new Date(instant));
}

/** Today in Vietnam, YYYY-MM-DD. */
export function todayVn(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: VN, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
