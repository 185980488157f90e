/**
 * The readers' cache of the live forms (issue 12): a form's JSON kept per server process under the
 * cycle's counts version (migration 0028, bumped in the transaction of every count change), so a
 * form is read from the database once per change, whichever process changed it, and a client that
 * already holds it gets 304 Not Modified. Validated on every request: the version (one primary-key
 * read) and the unit as it stood on the reference date (its name is in the document) make the ETag.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/create-db.js';
import { getCycle } from '../db/queries/cycles.js';
import { readCountsVersion, readUnitCounts } from '../db/queries/form-counts.js';
import { getUnitAt } from '../db/queries/units.js';
import { FORM_CODES, type FormCode } from '../domain/forms/index.js';
import { formsDocFromCounts, type FormsKey } from './forms.js';

/** A form's body as served and its entity tag. */
export interface CachedForms {
  etag: string;
  body: string;
}

/** Entries kept per process (least recently used dropped first): a few KB each. */
const MAX_ENTRIES = 5_000;

const caches = new WeakMap<Db, Map<string, CachedForms>>();

function cacheOf(db: Db): Map<string, CachedForms> {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = new Map()));
  return c;
}

/**
 * The forms of a unit and cycle (all, or one) as served JSON with its ETag: from the cache when the
 * cycle's counts version and the unit are those it was cached under, else read and cached. The
 * version is read before the counts, so a body is never older than the version it is kept under.
 */
export async function getFormValuesServed(db: Db, key: FormsKey & { form?: FormCode }): Promise<CachedForms> {
  const cycle = await getCycle(db, { year: key.year, period: key.period });
  const unit = await getUnitAt(db, key.unitCode, cycle.referenceDate);
  const version = await readCountsVersion(db, cycle.id);
  const form = key.form ?? '*';
  const tag = createHash('sha1').update(JSON.stringify([cycle.id, cycle.ruleSet, version, unit.unitId, unit.code, unit.name, form])).digest('base64url');
  const etag = `W/"${tag}"`;
  const cache = cacheOf(db);
  const slot = `${cycle.id}|${unit.unitId}|${form}`;
  const hit = cache.get(slot);
  if (hit?.etag === etag) {
    cache.delete(slot);
    cache.set(slot, hit);
    return hit;
  }
  const counts = await readUnitCounts(db, { cycleId: cycle.id, unitId: unit.unitId, ...(key.form ? { form: key.form } : {}) });
  const doc = formsDocFromCounts(counts, { cycle, unit: { code: unit.code, name: unit.name } }, key.form ? [key.form] : FORM_CODES);
  const entry = { etag, body: JSON.stringify(doc) };
  cache.delete(slot);
  cache.set(slot, entry);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return entry;
}

/** True when the request's If-None-Match names this ETag (weak comparison, RFC 9110 §13.1.2). */
export function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}
