/**
 * Search that ignores diacritics and case (issue #9 item 2: "dong" finds "Đồng"): a query is split
 * into words, each compared without accents against a name's search key (makeSearchKey). Pure.
 */
import { makeSearchKey } from './model/people.js';

/** The query's words, accent-free and lower case; empty when there is nothing to look for. */
export function searchWords(query: string): string[] {
  return makeSearchKey(query).split(' ').filter((w) => w.length > 0);
}

/** True when every word occurs in the text (or the code equals the query, ignoring case). */
export function matchesSearch(words: readonly string[], text: string, code?: string): boolean {
  if (words.length === 0) return false;
  if (code !== undefined && makeSearchKey(code) === words.join(' ')) return true;
  const key = makeSearchKey(code === undefined ? text : `${text} ${code}`);
  return words.every((w) => key.includes(w));
}
