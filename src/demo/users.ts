/**
 * The demo accounts created with the demo district, one per role (src/domain/access.ts), so a
 * first visitor can sign in and see what each kind of user sees. They share one password:
 * XEPLOAI_DEMO_PASSWORD, or `xeploai-demo` (src/config.ts).
 */
import type { Db } from '../db/create-db.js';
import { createUser, findUserForSignIn } from '../db/queries/users.js';
import type { Role } from '../domain/access.js';
import { hashPassword, verifyPassword } from '../services/passwords.js';
import { DEMO_UNIT_CODE } from './tam-duong.js';
import { PROVINCE } from './tam-duong-plan.js';

/** The demo clerk's cell: Chi bộ Tổ dân phố số 1 of Đảng bộ thị trấn Tam Đường. */
export const DEMO_CELL_CODE = 'TD-DU-TTTAMDUONG-CB01';

export const DEMO_USERS: readonly { username: string; role: Role; scope: string; displayName: string }[] = [
  { username: 'admin', role: 'admin', scope: PROVINCE.code, displayName: 'Quản trị hệ thống' },
  { username: 'bantochuc', role: 'compiler', scope: DEMO_UNIT_CODE, displayName: 'Ban Tổ chức Huyện ủy Tam Đường' },
  { username: 'chibo', role: 'clerk', scope: DEMO_CELL_CODE, displayName: 'Bí thư Chi bộ Tổ dân phố số 1' },
  { username: 'xem', role: 'viewer', scope: DEMO_UNIT_CODE, displayName: 'Người xem (huyện Tam Đường)' },
];

/** Creates the demo accounts that do not exist yet; returns the names created. */
export async function createDemoUsers(db: Db, password: string): Promise<string[]> {
  const created: string[] = [];
  for (const u of DEMO_USERS) {
    if (await findUserForSignIn(db, u.username)) continue;
    await createUser(db, { username: u.username, displayName: u.displayName, role: u.role, scopeUnitCode: u.scope, passwordHash: await hashPassword(password) });
    created.push(u.username);
  }
  return created;
}

/** True when the demo administrator exists and signs in with `password` (then the hint printed at start is true). */
export async function demoSignInWorks(db: Db, password: string): Promise<boolean> {
  const admin = await findUserForSignIn(db, DEMO_USERS[0]!.username);
  return admin !== undefined && !admin.disabled && (await verifyPassword(admin.passwordHash, password));
}
