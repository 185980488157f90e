/**
 * Importing an organisation (issue #10 item 1), on the engine under test: a workbook and the same
 * data as CSV files bring units, members with their cells, events, collectives and positions in;
 * re-importing changes nothing; a workbook with bad rows is refused naming each one (sheet, row,
 * column, value, why in Vietnamese and English) and the database is exactly as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMemberships, listPersonEvents } from '../../src/db/queries/persons.js';
import { getSubtreeAt } from '../../src/db/queries/units.js';
import { runImport } from '../../src/services/import/run.js';
import { dumpTables } from '../helpers/dump.js';
import { createTestDb, type TestDb, testEngine } from '../helpers/test-db.js';
import { listCollectiveMembers } from '../../src/db/queries/collective-members.js';
import { COLLECTIVE_MEMBERS, COLLECTIVES, csvFiles, EVENTS, PERSONS, POSITIONS, UNITS, workbook } from './fixtures.js';

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

describe(`import, on ${testEngine}`, () => {
  it('refuses a workbook with bad rows, naming each, and leaves every table exactly as it was', async () => {
    const before = await dumpTables(t.db);
    const file = await workbook({
      'Đơn vị': [...UNITS, ['CB-9', 'Chi bộ lạc', 'cell', null, 'XA-9', '2015-01-01'], ['CB-8', 'Chi bộ lạ', 'chi_bo_la', null, 'XA-1', '2015-01-01']],
      'Đảng viên': [...PERSONS, ['01.001', 'Trần Văn Khác', null, 'nam', '2010-01-01', null, 'CB-2', '2016-01-01', null], ['01.004', 'Vì Văn Ngày', '1980/15/03', 'nam', '2010-01-01', null, 'CB-2', '2016-01-01', null]],
    });
    const r = await runImport(t.db, [file]);
    expect(r.ok).toBe(false);
    expect(r.written).toBe(false);
    const find = (code: string, row: number) => r.errors.find((e) => e.code === code && e.row === row);
    expect(find('ParentNotValid', 7)).toMatchObject({ sheet: 'Đơn vị', column: 'parentCode', field: 'parentCode', cell: 'E7', value: 'XA-9' });
    expect(find('ParentNotValid', 7)?.message.vi).toContain('«XA-9»');
    expect(find('ValidationFailed', 8)).toMatchObject({ sheet: 'Đơn vị', column: 'kind', cell: 'C8', value: 'chi_bo_la' });
    expect(find('DuplicateCardNumber', 6)).toMatchObject({ sheet: 'Đảng viên', column: 'Số thẻ đảng viên', cell: 'A6', value: '01.001' });
    expect(find('DuplicateCardNumber', 6)?.message.vi).toContain('trùng với dòng 2 («Nguyễn Văn An»)');
    const date = find('ValidationFailed', 7);
    expect(date).toMatchObject({ sheet: 'Đảng viên', column: 'birthDate', cell: 'C7', value: '1980/15/03' });
    expect(date?.message.vi).toContain('không phải ngày hợp lệ');
    expect(date?.message.en).toContain('not a valid date');
    for (const e of r.errors) {
      expect(e.message.vi.length).toBeGreaterThan(10);
      expect(e.message.en.length).toBeGreaterThan(10);
    }
    expect(r.errorCount).toBe(4);
    expect(await dumpTables(t.db)).toEqual(before);
    // A control character (PostgreSQL stores no NUL) is named like any bad cell, not a crash.
    const nul = await runImport(t.db, csvFiles({ 'units.csv': [UNITS[0]!, ['TINH', 'Đảng bộ\u0000tỉnh', 'province_committee', null, null, '2015-01-01']] }));
    expect(nul.errors.map((e) => [e.code, e.row, e.field])).toEqual([['ValidationFailed', 2, 'name']]);
    expect(await dumpTables(t.db)).toEqual(before);
  });

  it('refuses a collective member whose holder has no such position, naming the row', async () => {
    const before = await dumpTables(t.db);
    const file = await workbook({ 'Đơn vị': UNITS, 'Đảng viên': PERSONS, 'Tập thể': COLLECTIVES, 'Chức vụ': POSITIONS, 'Thành viên tập thể': [...COLLECTIVE_MEMBERS, ['UBND-XA-1', '01.002', '2021-01-01'], ['UBND-XA-9', '01.001', '2021-01-01']] });
    const r = await runImport(t.db, [file]);
    expect(r.errors.map((e) => [e.sheet, e.row, e.code, e.field])).toEqual([
      ['Thành viên tập thể', 3, 'PositionNotFound', 'cardNumber'],
      ['Thành viên tập thể', 4, 'CollectiveNotFound', 'collectiveCode'],
    ]);
    expect(r.errors[0]!.message.vi).toContain('«01.002» không giữ chức vụ nào');
    expect(await dumpTables(t.db)).toEqual(before);
  });

  it('imports a workbook: units, members with their cells, events, collectives, positions, collective members', async () => {
    const file = await workbook({ 'Đơn vị': UNITS, 'Đảng viên': PERSONS, 'Sự kiện': EVENTS, 'Tập thể': COLLECTIVES, 'Chức vụ': POSITIONS, 'Thành viên tập thể': COLLECTIVE_MEMBERS });
    const r = await runImport(t.db, [file]);
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ ok: true, written: true, persons: 4 });
    expect(r.sheets.map((s) => [s.key, s.rows, s.created, s.unchanged])).toEqual([
      ['units', 5, 5, 0],
      ['persons', 4, 4, 0],
      ['events', 2, 2, 0],
      ['collectives', 1, 1, 0],
      ['positions', 1, 1, 0],
      ['collectiveMembers', 1, 1, 0],
    ]);
    expect((await listCollectiveMembers(t.db, 'UBND-XA-1')).map((m) => [m.cardNumber, m.positionGroup, m.validFrom, m.enteredBy])).toEqual([['01.001', 'co_so.bi_thu', '2021-01-01', 'import']]);
    const tree = await getSubtreeAt(t.db, 'TINH', '2016-06-01');
    expect(tree.map((u) => [u.code, u.depth, u.effectiveOrgType])).toEqual([['TINH', 0, null], ['HUYEN', 1, null], ['XA-1', 2, 'xa'], ['CB-1', 3, 'xa'], ['CB-2', 3, 'xa']]);
    expect((await listMemberships(t.db, '01.003')).map((m) => [m.unitCode, m.validFrom, m.validTo])).toEqual([['CB-1', '2015-01-01', '2016-01-01'], ['CB-2', '2016-01-01', null]]);
    expect((await listMemberships(t.db, '01.002')).map((m) => m.validFrom)).toEqual(['2015-02-03']);
    const person = await t.db.selectFrom('persons').selectAll().where('card_number', '=', '01.001').executeTakeFirstOrThrow();
    expect([person.admitted_on, person.official_on, person.sex]).toEqual(['2005-06-01', '2006-06-01', 'nam']);
    expect((await listPersonEvents(t.db, '01.002')).map((e) => [e.kind, e.startsOn, e.note])).toEqual([['exempt', '2020-01-01', 'Tuổi cao']]);
  });

  it('re-importing the same workbook, or the same data as CSV, changes nothing', async () => {
    const before = await dumpTables(t.db);
    const again = await runImport(t.db, [await workbook({ 'Đơn vị': UNITS, 'Đảng viên': PERSONS, 'Sự kiện': EVENTS, 'Tập thể': COLLECTIVES, 'Chức vụ': POSITIONS, 'Thành viên tập thể': COLLECTIVE_MEMBERS })]);
    expect(again).toMatchObject({ ok: true, written: false, errorCount: 0 });
    expect(again.sheets.every((s) => s.created === 0 && s.updated === 0 && s.unchanged === s.rows)).toBe(true);
    const csv = await runImport(t.db, csvFiles({ 'units.csv': UNITS, 'persons.csv': PERSONS, 'events.csv': EVENTS, 'collectives.csv': COLLECTIVES, 'positions.csv': POSITIONS, 'collective-members.csv': COLLECTIVE_MEMBERS }));
    expect(csv.errors).toEqual([]);
    expect(csv.written).toBe(false);
    expect(await dumpTables(t.db)).toEqual(before);
  });
});
