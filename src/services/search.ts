/**
 * The search box (issue #9 item 2): units, people (name or card number) and collectives of the
 * user's scope whose names contain every word typed, ignoring diacritics and case ("dong" finds
 * "Đồng"), as the tree stood on a date (a cycle's reference date, or today).
 */
import { COLLECTIVE_KIND_LABELS, type CollectiveKind, UNIT_KIND_LABELS, type UnitKind } from '../domain/codes.js';
import { matchesSearch, searchWords } from '../domain/search.js';
import type { Db } from '../db/create-db.js';
import { listUnitsValidOn } from '../db/queries/overview.js';
import { searchPersons } from '../db/queries/persons.js';
import { cellsOfPersons, listCollectivesOn } from '../db/queries/search.js';

export interface SearchResults {
  units: { code: string; name: string; kind: UnitKind; kindLabel: string; parentName: string | null }[];
  persons: { cardNumber: string; fullName: string; unitCode: string | null; unitName: string | null }[];
  collectives: { code: string; name: string; kindLabel: string; unitCode: string; unitName: string }[];
}

const collator = new Intl.Collator('vi', { numeric: true });

/** Searches within `scopeIds` (undefined: the whole tree) on `date`; at most `limit` of each kind. */
export async function search(db: Db, input: { q: string; date: string; scopeIds: readonly string[] | undefined; limit: number }): Promise<SearchResults> {
  const words = searchWords(input.q);
  if (words.length === 0) return { units: [], persons: [], collectives: [] };
  const inScope = input.scopeIds ? new Set(input.scopeIds) : undefined;
  const all = await listUnitsValidOn(db, input.date);
  const byId = new Map(all.map((u) => [u.id, u]));
  const units = all
    .filter((u) => (!inScope || inScope.has(u.id)) && matchesSearch(words, u.name, u.code))
    .sort((a, b) => collator.compare(a.name, b.name))
    .slice(0, input.limit)
    .map((u) => ({ code: u.code, name: u.name, kind: u.kind, kindLabel: UNIT_KIND_LABELS[u.kind], parentName: u.parentId ? (byId.get(u.parentId)?.name ?? null) : null }));
  const people = await searchPersons(db, { q: input.q, limit: input.limit, withinUnitIds: input.scopeIds ? [...input.scopeIds] : undefined });
  const cells = await cellsOfPersons(db, people.map((p) => p.cardNumber), input.date);
  const persons = people.map((p) => ({ cardNumber: p.cardNumber, fullName: p.fullName, unitCode: cells.get(p.cardNumber)?.unitCode ?? null, unitName: cells.get(p.cardNumber)?.unitName ?? null }));
  const collectives = (await listCollectivesOn(db, input.date))
    .filter((c) => (!inScope || inScope.has(c.unitId)) && matchesSearch(words, c.name, c.code))
    .sort((a, b) => collator.compare(a.name, b.name))
    .slice(0, input.limit)
    .map((c) => ({ code: c.code, name: c.name, kindLabel: COLLECTIVE_KIND_LABELS[c.kind as CollectiveKind] ?? c.kind, unitCode: byId.get(c.unitId)?.code ?? '', unitName: byId.get(c.unitId)?.name ?? '' }));
  return { units, persons, collectives };
}
