/**
 * Sign-in sessions. The token handed to the browser is random; only its SHA-256 is stored, so the
 * table alone cannot be replayed. A session of a disabled user, or past its expiry, finds nobody.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../create-db.js';
import { newId, nowIso } from '../ids.js';
import type { User } from './users.js';
import { getUserById } from './users.js';

/** How long a session lasts: a working week, so a cell secretary on a phone is not asked every day. */
export const SESSION_HOURS = 7 * 24;

/** SHA-256 of a token, hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Opens a session for the user; returns the clear token (shown once) and its expiry. */
export async function createSession(db: Db, userId: string, now: Date = new Date()): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
  await db
    .insertInto('sessions')
    .values({ id: newId(), token_hash: hashToken(token), user_id: userId, created_at: nowIso(() => now), expires_at: expiresAt })
    .execute();
  return { token, expiresAt };
}

/** The signed-in user of a token, or undefined when the token is unknown, expired or its user disabled. */
export async function findSessionUser(db: Db, token: string, now: Date = new Date()): Promise<User | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.disabled', 's.expires_at'])
    .where('s.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || Number(row.disabled) === 1 || row.expires_at <= now.toISOString()) return undefined;
  return getUserById(db, row.id);
}

/** Ends the session of a token (signing out); unknown tokens are ignored. */
export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}
