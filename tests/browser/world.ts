/**
 * The people and units a browser flow works with, on the demo district or on an empty database built
 * through the API: who signs in (administrator, compiler of the district, clerk of a cell, clerk of
 * another cell), the cell and three of its members (graded, disciplined, fought over).
 */
import type { Db } from '../../src/db/create-db.js';
import { createUnit } from '../../src/db/queries/units.js';
import { createUser } from '../../src/db/queries/users.js';
import { hashPassword } from '../../src/services/passwords.js';

export interface World {
  url: string;
  password: string;
  users: { admin: string; compiler: string; clerk: string; otherClerk: string };
  /** The district (compiler's scope), the clerk's cell and the other clerk's cell. */
  district: string;
  cell: string;
  otherCell: string;
  /** The roll of the administrator's scope in the new cycle, as the cycle bar writes it. */
  roll: string;
  /** The cycle the flows open and grade. */
  year: number;
}

/** Creates an account directly (as `xeploai user create` does) with the world's password. */
export async function addUser(db: Db, input: { username: string; role: string; scope: string; name: string }, password: string): Promise<void> {
  await createUser(db, { username: input.username, role: input.role, scopeUnitCode: input.scope, displayName: input.name, passwordHash: await hashPassword(password) });
}

/** Sends a JSON request to the API as `token` (bearer), failing loudly on an error status. */
export async function apiCall(url: string, token: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? (JSON.parse(text) as unknown) : null;
}

/** Signs in through the API and returns the bearer token. */
export async function tokenOf(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`sign-in of ${username} failed: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/**
 * Builds a small party organisation on an empty database through the API, as an administrator
 * would: the province and its administrator first (as the installer does with `xeploai user
 * create`), then a district, a commune committee with two cells, eight members, and the accounts.
 */
export async function buildSmallWorld(db: Db, url: string, password: string): Promise<World> {
  await createUnit(db, { code: 'TINH-MAU', name: 'Đảng bộ tỉnh Mẫu Sơn', kind: 'province_committee', validFrom: '2015-01-01' });
  await addUser(db, { username: 'quantri', role: 'admin', scope: 'TINH-MAU', name: 'Quản trị hệ thống' }, password);
  const token = await tokenOf(url, 'quantri', password);
  const call = (method: string, path: string, body?: unknown) => apiCall(url, token, method, path, body);
  const units: [string, string, string, string, string | null][] = [
    ['HUYEN-MAU', 'Đảng bộ huyện Mẫu Sơn', 'district_committee', 'TINH-MAU', null],
    ['XA-MAU', 'Đảng bộ xã Đồng Lâm', 'grassroots_committee', 'HUYEN-MAU', 'xa'],
    ['CB-DONG', 'Chi bộ thôn Đồng Tâm', 'cell', 'XA-MAU', null],
    ['CB-TAY', 'Chi bộ thôn Tây Sơn', 'cell', 'XA-MAU', null],
  ];
  for (const [code, name, kind, parentCode, orgType] of units) await call('POST', '/api/units', { code, name, kind, parentCode, orgType, validFrom: '2015-01-01' });
  const people: [string, string, string, 'nam' | 'nu'][] = [
    ['90.001', 'Nguyễn Văn An', 'CB-DONG', 'nam'],
    ['90.002', 'Trần Thị Bình', 'CB-DONG', 'nu'],
    ['90.003', 'Lê Văn Cường', 'CB-DONG', 'nam'],
    ['90.004', 'Phạm Thị Dung', 'CB-DONG', 'nu'],
    ['90.005', 'Hoàng Văn Em', 'CB-DONG', 'nam'],
    ['90.006', 'Vũ Thị Phương', 'CB-DONG', 'nu'],
    ['90.007', 'Đỗ Văn Giang', 'CB-TAY', 'nam'],
    ['90.008', 'Bùi Thị Hà', 'CB-TAY', 'nu'],
  ];
  for (const [cardNumber, fullName, cell, sex] of people) {
    await call('POST', '/api/persons', { cardNumber, fullName, sex, admittedOn: '2010-03-01', officialOn: '2011-03-01' });
    await call('POST', `/api/persons/${cardNumber}/memberships`, { unitCode: cell, validFrom: '2015-01-01' });
  }
  const accounts: [string, string, string, string][] = [
    ['btc', 'compiler', 'HUYEN-MAU', 'Ban Tổ chức Huyện ủy Mẫu Sơn'],
    ['bithu1', 'clerk', 'CB-DONG', 'Bí thư Chi bộ thôn Đồng Tâm'],
    ['bithu2', 'clerk', 'CB-TAY', 'Bí thư Chi bộ thôn Tây Sơn'],
  ];
  for (const [username, role, scope, displayName] of accounts) await call('POST', '/api/users', { username, role, scope, displayName, password });
  return { url, password, users: { admin: 'quantri', compiler: 'btc', clerk: 'bithu1', otherClerk: 'bithu2' }, district: 'HUYEN-MAU', cell: 'CB-DONG', otherCell: 'CB-TAY', roll: '8', year: 2023 };
}
