/**
 * Who may do what, where (issue #3 item 7). Pure rules: a user has one role and one scope unit;
 * the scope is that unit's subtree in the effective-dated tree (GUIDE.md §2). The roles follow the
 * users of GUIDE.md §1: the organisation department of a compiling committee (compiler) appraises
 * and proposes, and records what the competent authority decides (GUIDE.md §4.7); a unit's clerk
 * (grassroots staff, cell secretary) enters and proposes but does not decide; a viewer reads.
 */

/** The roles, widest first. */
export const ROLES = ['admin', 'compiler', 'clerk', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** What a request does: read data, write data, record a decided grade (or re-grade), administer. */
export const ACTIONS = ['read', 'write', 'decide', 'admin'] as const;
export type Action = (typeof ACTIONS)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  compiler: 'Ban Tổ chức (cấp tổng hợp)',
  clerk: 'Cán bộ nhập liệu của đơn vị',
  viewer: 'Chỉ xem',
};

export const ACTION_LABELS: Record<Action, string> = {
  read: 'xem',
  write: 'thay đổi',
  decide: 'quyết định xếp loại',
  admin: 'quản trị',
};

const ALLOWED: Record<Role, readonly Action[]> = {
  admin: ACTIONS,
  compiler: ['read', 'write', 'decide'],
  clerk: ['read', 'write'],
  viewer: ['read'],
};

/** True when the role allows the action at all (scope aside). */
export function can(role: Role, action: Action): boolean {
  return ALLOWED[role].includes(action);
}

/** True for a known role code. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The administrator works on the whole tree: no scope restriction. */
export function hasWholeTree(role: Role): boolean {
  return role === 'admin';
}

/**
 * True when the target unit lies in the scope subtree: `ancestorIds` are the target and its
 * ancestors on the relevant date (nearest first), so the scope unit must be one of them.
 */
export function inScope(scopeUnitId: string, ancestorIds: readonly string[]): boolean {
  return ancestorIds.includes(scopeUnitId);
}

/** Why a request is refused, or null when it is allowed. */
export type Refusal = 'role' | 'scope' | null;

/** Decides one request on one unit: the role must allow the action and the unit must be in scope. */
export function refusalFor(user: { role: Role; scopeUnitId: string }, action: Action, ancestorIds: readonly string[]): Refusal {
  if (!can(user.role, action)) return 'role';
  if (hasWholeTree(user.role)) return null;
  return inScope(user.scopeUnitId, ancestorIds) ? null : 'scope';
}
