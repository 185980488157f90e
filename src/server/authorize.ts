/**
 * Every API route and page asks here whether the signed-in user may act on the unit a request
 * targets: the role must allow the action and the unit must lie in the user's scope subtree
 * (src/domain/access.ts). A refusal is 403 Forbidden naming the unit; an unknown unit is 404.
 * Out-of-scope units answer 403 (unit codes are not secret inside the Party); a party card number
 * outside the scope answers 404 like an unknown one (a person's membership is: issue #11 item 8).
 */
import type { Context } from 'hono';
import { ACTION_LABELS, type Action, hasWholeTree, refusalFor, ROLE_LABELS } from '../domain/access.js';
import { AppError, isAppError, notFound } from '../domain/errors.js';
import { getPersonByCard } from '../db/queries/persons.js';
import { personCellIds, scopeSubtreeIds, unitAncestors, unitCodeOf } from '../db/queries/scope.js';
import { requireUnitId } from '../db/queries/units.js';
import type { User } from '../db/queries/users.js';
import type { AppEnv } from './app.js';
import { todayInVietnam } from './routes/units.js';

type Ctx = Context<AppEnv>;

/** The signed-in user of the request; Unauthenticated (401) when there is none. */
export function currentUser(c: Ctx): User {
  const user = c.get('user');
  if (!user) throw unauthenticated();
  return user;
}

/** 401 with the message every unauthenticated request gets. */
export function unauthenticated(): AppError {
  return new AppError('Unauthenticated', {
    vi: 'Bạn chưa đăng nhập hoặc phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
    en: 'Not signed in, or the session has expired. Please sign in again.',
  });
}

function roleRefused(user: User, action: Action): AppError {
  return new AppError('Forbidden', {
    vi: `Tài khoản «${user.username}» (${ROLE_LABELS[user.role]}) không có quyền ${ACTION_LABELS[action]}.`,
    en: `User "${user.username}" (${user.role}) may not ${action}.`,
  });
}

function scopeRefused(user: User, action: Action, unitCode: string): AppError {
  return new AppError(
    'Forbidden',
    {
      vi: `Đơn vị «${unitCode}» nằm ngoài phạm vi của tài khoản «${user.username}» (phạm vi: «${user.scopeUnitCode}»); không được ${ACTION_LABELS[action]} dữ liệu của đơn vị này.`,
      en: `Unit "${unitCode}" is outside the scope of user "${user.username}" (scope: "${user.scopeUnitCode}"); may not ${action} its data.`,
    },
    { details: { unitCode } },
  );
}

/** Checks the role alone, for requests that target no unit (open reads, creating a cycle). */
export function authorizeRole(c: Ctx, action: Action): User {
  const user = currentUser(c);
  if (refusalFor(user, action, []) === 'role') throw roleRefused(user, action);
  return user;
}

/**
 * Checks that the user may `action` on the unit (by id or code), with the tree as of `date`
 * (default today in Vietnam). Returns the unit id. UnitNotFound for an unknown code.
 */
export async function authorize(c: Ctx, target: { unitId?: string; unitCode?: string; action: Action; date?: string }): Promise<string> {
  const user = authorizeRole(c, target.action);
  const { db } = c.var.deps;
  const unitId = target.unitId ?? (target.unitCode !== undefined ? await requireUnitId(db, target.unitCode) : undefined);
  if (unitId === undefined) throw new Error('authorize: a unitId or unitCode is required');
  if (hasWholeTree(user.role)) return unitId;
  const ancestors = await unitAncestors(db, unitId, target.date ?? todayInVietnam());
  if (refusalFor(user, target.action, ancestors) === 'scope') {
    throw scopeRefused(user, target.action, target.unitCode ?? (await unitCodeOf(db, unitId)));
  }
  return unitId;
}

/**
 * The unit ids a list may show on `date`: undefined for the whole tree (administrator), else the
 * scope subtree. Lists without a unit filter pass these to their query instead of leaking.
 */
export async function scopeUnitIds(c: Ctx, date: string): Promise<string[] | undefined> {
  const user = authorizeRole(c, 'read');
  if (hasWholeTree(user.role)) return undefined;
  return scopeSubtreeIds(c.var.deps.db, user.scopeUnitId, date);
}

/**
 * A person is read through any of their cells, past or present, in scope; written through their
 * latest cell (the current one, or the last they had). A person with no cell yet (just created)
 * belongs to no unit: any user whose role may act can, so a clerk can place them in a cell.
 * A card number the user may not read answers PersonNotFound (404) exactly as an unknown one (issue
 * #11 item 8): which card numbers exist, and in which cell, is not told outside the scope. A person
 * the user may read but not write (moved away) is a 403 that names no cell.
 */
export async function authorizePerson(c: Ctx, cardNumber: string, action: Action): Promise<void> {
  const user = authorizeRole(c, action);
  const { db } = c.var.deps;
  const person = await getPersonByCard(db, cardNumber);
  if (hasWholeTree(user.role)) return;
  const cells = await personCellIds(db, person.id);
  if (cells.length === 0) return;
  const today = todayInVietnam();
  const allowed = async (cell: { unitId: string }, a: Action) => refusalFor(user, a, await unitAncestors(db, cell.unitId, today)) === null;
  let readable = false;
  for (const cell of cells) if (await allowed(cell, 'read')) readable = true;
  if (!readable) throw notFound('PersonNotFound', { vi: 'đảng viên có số thẻ', en: 'Party member with card' }, cardNumber);
  if (action === 'read' || (await allowed(cells[cells.length - 1]!, action))) return;
  throw new AppError('Forbidden', {
    vi: `Đảng viên «${cardNumber}» hiện không sinh hoạt trong phạm vi của tài khoản «${user.username}» (phạm vi: «${user.scopeUnitCode}»); không được ${ACTION_LABELS[action]} dữ liệu của đảng viên này.`,
    en: `Party member "${cardNumber}" is no longer in the scope of user "${user.username}" (scope: "${user.scopeUnitCode}"); may not ${action} their data.`,
  });
}

/** True when the user may read the person (authorizePerson would pass); false for one outside the scope. */
export async function mayReadPerson(c: Ctx, cardNumber: string): Promise<boolean> {
  try {
    await authorizePerson(c, cardNumber, 'read');
    return true;
  } catch (e) {
    if (isAppError(e) && e.code === 'PersonNotFound') return false;
    throw e;
  }
}
