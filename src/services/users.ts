/**
 * Accounts as the administration page manages them (issue #9 item 9): create with a given or
 * generated password, change name, role, scope or status, set a new password — each change checked
 * against the version the page read. The CLI's user commands stay as they are; both hash here.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../domain/errors.js';
import { inTransaction } from '../db/queries/common.js';
import type { Db } from '../db/create-db.js';
import { changeUser, createUser, listUsers, type User } from '../db/queries/users.js';
import { hashPassword } from './passwords.js';

/** Shortest password an administrator may set (the CLI's rule). */
export const MIN_PASSWORD = 8;

/** The password to store: the one given (checked), or a generated one to show once. */
function passwordOf(given: string | undefined): { password: string; generated: boolean } {
  if (given === undefined || given === '') return { password: randomBytes(12).toString('base64url'), generated: true };
  if ([...given].length < MIN_PASSWORD) {
    throw new AppError('ValidationFailed', { vi: `Mật khẩu phải có ít nhất ${MIN_PASSWORD} ký tự.`, en: `The password must have at least ${MIN_PASSWORD} characters.` }, { field: 'password' });
  }
  return { password: given, generated: false };
}

/** Creates an account; `password` is returned only when it was generated (shown once). */
export async function createAccount(
  db: Db,
  input: { username: string; role: string; scopeUnitCode: string; displayName?: string | undefined; password?: string | undefined },
): Promise<{ user: User; password?: string }> {
  const { password, generated } = passwordOf(input.password);
  const passwordHash = await hashPassword(password);
  // In a transaction of its own, so the HTTP audit entry of the creation commits with it.
  const user = await inTransaction(db, (trx) => createUser(trx, { ...input, passwordHash }));
  return generated ? { user, password } : { user };
}

function selfChange(field: string): AppError {
  return new AppError(
    'ValidationFailed',
    {
      vi: 'Không tự khóa hoặc tự đổi vai trò, phạm vi của chính tài khoản đang dùng: hãy nhờ một quản trị viên khác.',
      en: 'You cannot disable your own account or change its role or scope; ask another administrator.',
    },
    { field },
  );
}

/** Changes an account (not one's own role, scope or status); Conflict when `version` is stale. */
export async function changeAccount(
  db: Db,
  input: { actor: User; username: string; version?: number | undefined; displayName?: string | undefined; role?: string | undefined; scopeUnitCode?: string | undefined; disabled?: boolean | undefined },
): Promise<User> {
  const self = input.actor.username === input.username.trim().toLowerCase();
  if (self && input.disabled === true) throw selfChange('disabled');
  if (self && input.role !== undefined && input.role !== input.actor.role) throw selfChange('role');
  if (self && input.scopeUnitCode !== undefined && input.scopeUnitCode !== input.actor.scopeUnitCode) throw selfChange('scope');
  return changeUser(db, input.username, { displayName: input.displayName, role: input.role, scopeUnitCode: input.scopeUnitCode, disabled: input.disabled }, input.version);
}

/** Sets a new password (given or generated, returned once when generated) and ends the account's sessions. */
export async function resetAccountPassword(db: Db, input: { username: string; version?: number | undefined; password?: string | undefined }): Promise<{ user: User; password?: string }> {
  const { password, generated } = passwordOf(input.password);
  const user = await changeUser(db, input.username, { passwordHash: await hashPassword(password) }, input.version);
  return generated ? { user, password } : { user };
}

/** Every account, by sign-in name. */
export async function listAccounts(db: Db): Promise<User[]> {
  return listUsers(db);
}
