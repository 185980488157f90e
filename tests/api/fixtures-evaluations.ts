/**
 * A tiny organisation for the cycle and evaluation tests, inserted directly with Kysely: a district
 * committee, a grassroots committee and its cell, three party members (one with a current cell, one
 * whose membership ended in 2020, one who joined the cell in mid-2023), a collective and a position.
 */
import type { Db } from '../../src/db/create-db.js';

export interface OrgFixture {
  districtId: string;
  communeId: string;
  cellId: string;
  /** Card numbers. */
  member: string;
  memberLeft: string;
  memberJoined2023: string;
  collective: string;
  positionId: string;
}

const CREATED = '2020-01-01T00:00:00.000Z';

async function addUnit(db: Db, u: { id: string; code: string; parentId: string | null; name: string; kind: string }): Promise<void> {
  await db.insertInto('org_units').values({ id: u.id, code: u.code, created_at: CREATED }).execute();
  await db
    .insertInto('org_unit_versions')
    .values({ id: `v-${u.id}`, unit_id: u.id, parent_id: u.parentId, name: u.name, kind: u.kind, org_type: 'xa', valid_from: '2015-01-01', valid_to: null })
    .execute();
}

async function addMember(db: Db, m: { id: string; card: string; name: string; cellId: string; from: string; to: string | null }): Promise<void> {
  await db
    .insertInto('persons')
    .values({
      id: m.id,
      card_number: m.card,
      full_name: m.name,
      search_key: m.name.toLowerCase(),
      birth_date: '1980-01-01',
      sex: 'nam',
      admitted_on: '2010-01-01',
      official_on: '2011-01-01',
      is_civil_servant: 0,
      created_at: CREATED,
    })
    .execute();
  await db.insertInto('memberships').values({ id: `m-${m.id}`, person_id: m.id, unit_id: m.cellId, valid_from: m.from, valid_to: m.to }).execute();
}

/** Inserts the fixture organisation and returns its keys. */
export async function seedOrg(db: Db): Promise<OrgFixture> {
  await addUnit(db, { id: 'u-hu', code: 'HU-THU', parentId: null, name: 'Đảng bộ huyện Thử', kind: 'district_committee' });
  await addUnit(db, { id: 'u-xa', code: 'DB-XA', parentId: 'u-hu', name: 'Đảng bộ xã Một', kind: 'grassroots_committee' });
  await addUnit(db, { id: 'u-cb', code: 'CB-BAN1', parentId: 'u-xa', name: 'Chi bộ bản Một', kind: 'cell' });
  await addMember(db, { id: 'p-1', card: '01.000001', name: 'Nguyễn Văn Một', cellId: 'u-cb', from: '2015-01-01', to: null });
  await addMember(db, { id: 'p-2', card: '01.000002', name: 'Trần Thị Hai', cellId: 'u-cb', from: '2015-01-01', to: '2020-01-01' });
  await addMember(db, { id: 'p-3', card: '01.000003', name: 'Lò Văn Ba', cellId: 'u-cb', from: '2023-06-01', to: null });
  await db
    .insertInto('collectives')
    .values({ id: 'c-ubnd', code: 'TT-UBND-XA', unit_id: 'u-xa', name: 'Tập thể lãnh đạo UBND xã Một', kind: 'ubnd', level: 'co_so', valid_from: '2015-01-01', valid_to: null })
    .execute();
  await db
    .insertInto('positions')
    .values({ id: 'pos-bt-xa', person_id: 'p-1', unit_id: 'u-xa', position_group: 'co_so.bi_thu', title: 'Bí thư Đảng ủy xã', deciding_unit_id: null, valid_from: '2020-01-01', valid_to: null })
    .execute();
  return {
    districtId: 'u-hu',
    communeId: 'u-xa',
    cellId: 'u-cb',
    member: '01.000001',
    memberLeft: '01.000002',
    memberJoined2023: '01.000003',
    collective: 'TT-UBND-XA',
    positionId: 'pos-bt-xa',
  };
}

/** Row counts of the tables these tests write, to prove a refused request changed nothing. */
export async function countRows(db: Db): Promise<Record<string, number>> {
  const tables = ['cycles', 'cycle_deadlines', 'evaluations', 'evaluation_history', 'review_topics'] as const;
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const row = await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts[t] = Number(row.n);
  }
  return counts;
}

/** JSON request helpers for `app.request()`. */
export function jsonInit(method: string, body: unknown, actor?: string): RequestInit {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (actor) headers['x-actor'] = actor;
  return { method, headers, body: JSON.stringify(body) };
}
