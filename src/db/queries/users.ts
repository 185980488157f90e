/**
 * Users: who signs in, with which role and scope unit (src/domain/access.ts). Passwords arrive
 * here already hashed (src/server/passwords.ts); this module never sees one in clear.
 */
import { type Role, ROLES, isRole } from '../../domain/access.js';
import { AppError, notFound } from '../../domain/errors.js';
import type { Db } from '../create-db.js';
import { newId, nowIso } from '../ids.js';
import { requireUnitId } from './units.js';
import { inTransaction, isUniqueViolation } from './common.js';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  scopeUnitId: string;
  scopeUnitCode: string;
  disabled: boolean;
  createdAt: string;
  /** Bumped by every change (role, scope, name, status, password): a page sends back the one it read. */
  version: number;
}

/** A user with the stored password hash, for sign-in only. */
export interface UserWithHash extends User {
  passwordHash: string;
}

export interface CreateUserInput {
  username: string;
  displayName?: string | undefined;
  passwordHash: string;
  role: string;
  scopeUnitCode: string;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/** The stored form of a sign-in name: trimmed, lower case (names are compared case-insensitively). */
export function normaliseUsername(username: string): string {
  return username.normalize('NFC').trim().toLowerCase();
}

function assertUsername(username: string): void {
  if (USERNAME.test(username)) return;
  throw new AppError(
    'ValidationFailed',
    {
      vi: `Tên đăng nhập «${username}» không hợp lệ: 2–64 ký tự gồm chữ không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới.`,
      en: `Invalid username "${username}": 2–64 characters of a–z, digits, ".", "-" or "_".`,
    },
    { field: 'username' },
  );
}

function assertRole(role: string): asserts role is Role {
  if (isRole(role)) return;
  throw new AppError(
    'ValidationFailed',
    { vi: `Vai trò «${role}» không hợp lệ (chọn một trong: ${ROLES.join(', ')}).`, en: `Invalid role "${role}" (one of: ${ROLES.join(', ')}).` },
    { field: 'role' },
  );
}

function duplicateUsername(username: string): AppError {
  return new AppError('DuplicateUsername', { vi: `Tên đăng nhập «${username}» đã có người dùng.`, en: `The username "${username}" is already taken.` }, { field: 'username' });
}

function selectUsers(db: Db) {
  return db
    .selectFrom('users as s')
    .innerJoin('org_units as u', 'u.id', 's.scope_unit_id')
    .select(['s.id', 's.username', 's.display_name', 's.role', 's.scope_unit_id', 'u.code as scope_code', 's.disabled', 's.created_at', 's.password_hash', 's.version']);
}

type UserRow = Awaited<ReturnType<ReturnType<typeof selectUsers>['executeTakeFirstOrThrow']>>;

function rowToUser(r: UserRow): User {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role as Role,
    scopeUnitId: r.scope_unit_id,
    scopeUnitCode: r.scope_code,
    disabled: Number(r.disabled) === 1,
    createdAt: r.created_at,
    version: Number(r.version),
  };
}

/**
 * A compiler (the organisation department of a compiling committee, src/domain/access.ts) works for a
 * committee: its scope is a đảng bộ (province, district, grassroots or sub-committee), never a cell,
 * which has no organisation department and decides no grade (GUIDE.md §4.7).
 */
async function assertCommitteeScope(db: Db, unitId: string, code: string): Promise<void> {
  const v = await db.selectFrom('org_unit_versions').select('kind').where('unit_id', '=', unitId).orderBy('valid_from', 'desc').executeTakeFirst();
  if (v && v.kind !== 'cell' && v.kind !== 'grassroots_cell') return;
  throw new AppError(
    'ValidationFailed',
    {
      vi: `Tài khoản Ban Tổ chức (compiler) phải có phạm vi là một đảng bộ (cấp ủy có ban tổ chức), không phải chi bộ «${code}»; với chi bộ hãy dùng vai trò clerk.`,
      en: `A compiler must be scoped to a committee, not to the cell "${code}"; use the clerk role for a cell.`,
    },
    { field: 'scope' },
  );
}

/** Creates a user; the scope unit must exist (UnitNotFound), the name be free (DuplicateUsername). */
export async function createUser(db: Db, input: CreateUserInput): Promise<User> {
  const username = normaliseUsername(input.username);
  assertUsername(username);
  assertRole(input.role);
  const scopeUnitId = await requireUnitId(db, input.scopeUnitCode);
  if (input.role === 'compiler') await assertCommitteeScope(db, scopeUnitId, input.scopeUnitCode);
  const taken = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  if (taken) throw duplicateUsername(username);
  const id = newId();
  const displayName = input.displayName?.trim() || username;
  await db
    .insertInto('users')
    .values({ id, username, display_name: displayName, password_hash: input.passwordHash, role: input.role, scope_unit_id: scopeUnitId, disabled: 0, created_at: nowIso() })
    .execute()
    .catch((e: unknown) => {
      throw isUniqueViolation(e) ? duplicateUsername(username) : e;
    });
  return getUserById(db, id);
}

/** The user with this id; UserNotFound otherwise. */
export async function getUserById(db: Db, id: string): Promise<User> {
  const row = await selectUsers(db).where('s.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('UserNotFound', { vi: 'tài khoản', en: 'User' }, id);
  return rowToUser(row);
}

/** The user with this sign-in name and its password hash, or undefined (sign-in must not say which part was wrong). */
export async function findUserForSignIn(db: Db, username: string): Promise<UserWithHash | undefined> {
  const row = await selectUsers(db).where('s.username', '=', normaliseUsername(username)).executeTakeFirst();
  return row ? { ...rowToUser(row), passwordHash: row.password_hash } : undefined;
}

/** Every user, by sign-in name. */
export async function listUsers(db: Db): Promise<User[]> {
  const rows = await selectUsers(db).orderBy('s.username').execute();
  return rows.map(rowToUser);
}

/** Disables a user and ends their sessions at once; UserNotFound for an unknown name. */
export async function disableUser(db: Db, username: string): Promise<User> {
  const name = normaliseUsername(username);
  const row = await db.selectFrom('users').select('id').where('username', '=', name).executeTakeFirst();
  if (!row) throw notFound('UserNotFound', { vi: 'tài khoản', en: 'User' }, name);
  await db.updateTable('users').set((eb) => ({ disabled: 1, version: eb('version', '+', 1) })).where('id', '=', row.id).execute();
  await db.deleteFrom('sessions').where('user_id', '=', row.id).execute();
  return getUserById(db, row.id);
}

/** Enables a disabled user again; UserNotFound for an unknown name. */
export async function enableUser(db: Db, username: string): Promise<User> {
  const name = normaliseUsername(username);
  const row = await db.selectFrom('users').select('id').where('username', '=', name).executeTakeFirst();
  if (!row) throw notFound('UserNotFound', { vi: 'tài khoản', en: 'User' }, name);
  await db.updateTable('users').set((eb) => ({ disabled: 0, version: eb('version', '+', 1) })).where('id', '=', row.id).execute();
  return getUserById(db, row.id);
}

/** Replaces a user's password hash and ends their open sessions (a reset must lock out whoever had the old one). */
export async function setUserPassword(db: Db, username: string, passwordHash: string): Promise<User> {
  const name = normaliseUsername(username);
  const row = await db.selectFrom('users').select('id').where('username', '=', name).executeTakeFirst();
  if (!row) throw notFound('UserNotFound', { vi: 'tài khoản', en: 'User' }, name);
  await db.updateTable('users').set((eb) => ({ password_hash: passwordHash, version: eb('version', '+', 1) })).where('id', '=', row.id).execute();
  await db.deleteFrom('sessions').where('user_id', '=', row.id).execute();
  return getUserById(db, row.id);
}

/** What an administrator may change about a user (src/services/users.ts); undefined keeps. */
export interface UserChange {
  displayName?: string | undefined;
  role?: string | undefined;
  scopeUnitCode?: string | undefined;
  disabled?: boolean | undefined;
  passwordHash?: string | undefined;
}

function staleUser(username: string, expected: number, current: number): AppError {
  return new AppError(
    'Conflict',
    {
      vi: `Tài khoản «${username}» vừa được người khác thay đổi (phiên bản ${current}, bạn sửa từ phiên bản ${expected}); hãy xem lại rồi làm lại.`,
      en: `User "${username}" was changed meanwhile (version ${current}, you edited ${expected}); review it and try again.`,
    },
    { field: 'version' },
  );
}

/**
 * Changes a user, checking the version the caller read (Conflict when stale) and the new role and
 * scope like createUser; disabling or a new password ends the user's sessions. UserNotFound otherwise.
 */
export async function changeUser(db: Db, username: string, change: UserChange, expectedVersion: number | undefined): Promise<User> {
  return inTransaction(db, async (trx) => {
    const current = await findUserForSignIn(trx, username);
    if (!current) throw notFound('UserNotFound', { vi: 'tài khoản', en: 'User' }, normaliseUsername(username));
    if (expectedVersion !== undefined && expectedVersion !== current.version) throw staleUser(current.username, expectedVersion, current.version);
    const role = change.role ?? current.role;
    assertRole(role);
    const scopeCode = change.scopeUnitCode ?? current.scopeUnitCode;
    const scopeUnitId = change.scopeUnitCode === undefined ? current.scopeUnitId : await requireUnitId(trx, change.scopeUnitCode);
    if (role === 'compiler' && (change.role !== undefined || change.scopeUnitCode !== undefined)) await assertCommitteeScope(trx, scopeUnitId, scopeCode);
    const values = {
      display_name: change.displayName?.trim() || current.displayName,
      role,
      scope_unit_id: scopeUnitId,
      disabled: (change.disabled ?? current.disabled) ? 1 : 0,
      password_hash: change.passwordHash ?? current.passwordHash,
      version: current.version + 1,
    };
    const r = await trx.updateTable('users').set(values).where('id', '=', current.id).where('version', '=', current.version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw staleUser(current.username, expectedVersion ?? current.version, current.version + 1);
    if (change.disabled === true || change.passwordHash !== undefined) await trx.deleteFrom('sessions').where('user_id', '=', current.id).execute();
    return getUserById(trx, current.id);
  });
}
