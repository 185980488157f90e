/**
 * Marks a Vietnamese text kept in data (a table of labels) as a translation key: it returns the text
 * unchanged; the page translates it with `t(...)` where it shows it, and the key check finds it here.
 */
export function tk(text: string): string {
  return text;
}
