/**
 * The organisation of the scope tests: a province with two districts; in HUYEN two communes each
 * with a cell (CB-A, the clerk's, and CB-B, another), and CB-X in the other district. Members,
 * collectives and a position in each cell, and one person in no cell yet.
 */
import type { Db } from '../../src/db/create-db.js';
import { createCycle } from '../../src/db/queries/cycles.js';
import { createEvaluation } from '../../src/db/queries/evaluations.js';
import { createApp } from '../../src/server/app.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';
import { createCollective } from '../../src/db/queries/collectives.js';
import { addMembership, createPerson } from '../../src/db/queries/persons.js';
import { createPosition } from '../../src/db/queries/positions.js';
import { createUnit } from '../../src/db/queries/units.js';
import type { UnitKind } from '../../src/domain/codes.js';

const FROM = '2015-01-01';

/** Inserts the fixture through the query modules. */
export async function seedScopeOrg(db: Db): Promise<void> {
  const units: [string, UnitKind, string | null][] = [
    ['TINH', 'province_committee', null],
    ['HUYEN', 'district_committee', 'TINH'],
    ['HUYEN-2', 'district_committee', 'TINH'],
    ['XA-A', 'grassroots_committee', 'HUYEN'],
    ['XA-B', 'grassroots_committee', 'HUYEN'],
    ['CB-A', 'cell', 'XA-A'],
    ['CB-B', 'cell', 'XA-B'],
    ['CB-X', 'grassroots_cell', 'HUYEN-2'],
  ];
  for (const [code, kind, parentCode] of units) {
    await createUnit(db, { code, name: `Đơn vị ${code}`, kind, orgType: kind === 'grassroots_committee' || kind === 'grassroots_cell' ? 'xa' : null, parentCode, validFrom: FROM });
  }
  const people: [string, string, string | null][] = [
    ['10.001', 'Nguyễn Văn An', 'CB-A'],
    ['10.002', 'Trần Văn Bình', 'CB-B'],
    ['10.003', 'Lò Thị Ba', 'CB-A'],
    ['10.004', 'Hà Văn Tư', 'CB-B'],
    ['10.005', 'Lý Thị Năm', 'CB-A'],
    ['10.050', 'Người Chưa Vào', null],
  ];
  for (const [cardNumber, fullName, cell] of people) {
    await createPerson(db, { cardNumber, fullName, sex: 'nam', admittedOn: '2010-01-01', officialOn: '2011-01-01' });
    if (cell) await addMembership(db, { cardNumber, unitCode: cell, validFrom: FROM });
  }
  for (const [code, unitCode] of [['COL-A', 'CB-A'], ['COL-B', 'CB-B']] as const) {
    await createCollective(db, { code, unitCode, name: `Tập thể ${code}`, kind: 'doan_the', level: 'co_so', validFrom: FROM });
  }
  await createPosition(db, { cardNumber: '10.001', unitCode: 'CB-A', positionGroup: 'co_so.bi_thu', title: 'Bí thư chi bộ', validFrom: FROM });
}

/** A fresh database of the engine under test holding the fixture, and the app over it (close `t` after). */
export async function scopeWorld(): Promise<{ t: TestDb; app: ReturnType<typeof createApp> }> {
  const t = await createTestDb();
  const app = createApp({ db: t.db, config: t.config });
  await seedScopeOrg(t.db);
  return { t, app };
}

/** Opens the 2023 cycle (reference date 31 December) and a member evaluation of 10.001 in it; its id. */
export async function openCycle2023(db: Db): Promise<string> {
  await createCycle(db, { year: 2023, referenceDate: '2023-12-31' });
  return (await createEvaluation(db, { cycleYear: 2023, subjectKind: 'member', subjectRef: '10.001', actor: 'seed' })).id;
}
