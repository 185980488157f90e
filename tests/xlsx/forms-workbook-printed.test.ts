/**
 * The forms workbook carries what reports print beyond the forms (FORMS.md "Reports as they are
 * printed"): the "HTT trở lên" rows and CN column, which the official sheets have no place for, in
 * the hidden `_meta` sheet beside `meta.partial`; reading the workbook back loses nothing, and the
 * checker finds the same on both.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFormValues, parseFormValues, type FormValuesDoc } from '../../src/domain/forms/index.js';
import { readFormsWorkbook, renderFormsWorkbook } from '../../src/reports/xlsx/forms-workbook.js';
import { load, plain, rejection, sheet, tamper } from './fixtures.js';

const printed = (name: string): FormValuesDoc =>
  parseFormValues(JSON.parse(readFileSync(join(import.meta.dirname, '..', 'forms', 'printed', `${name}.json`), 'utf8')));

describe('a printed report through the workbook', () => {
  it.each(['htt-up', 'partial', 'derived'])('reads %s back exactly, with the same findings', async (name) => {
    const doc = printed(name);
    const back = await readFormsWorkbook(await renderFormsWorkbook({ doc }));
    expect(plain(back)).toEqual(plain(doc));
    expect(checkFormValues(back)).toEqual(checkFormValues(doc));
  });

  it('keeps the official sheets as they are: the htt_up cells live in _meta only', async () => {
    const doc = printed('htt-up');
    const wb = await load(await renderFormsWorkbook({ doc }));
    const codes = (name: string) => {
      const out: unknown[] = [];
      sheet(wb, name).getColumn(1).eachCell((c) => out.push(c.value));
      sheet(wb, name).getRow(1).eachCell((c) => out.push(c.value));
      return out;
    };
    for (const name of ['Biểu TC', 'Biểu DV', 'Biểu TT', 'Biểu CN']) expect(codes(name).some((c) => String(c).includes('htt_up'))).toBe(false);
    const meta: Record<string, string> = {};
    sheet(wb, '_meta').eachRow((row) => (meta[String(row.getCell(1).value)] = String(row.getCell(2).value)));
    expect(JSON.parse(meta['form.CN'] ?? '{}').extraCells).toEqual({ huyen: { htt_up: 64 }, co_so: { htt_up: 157 } });
    expect(JSON.parse(meta['form.DV'] ?? '{}').extraCells).toEqual({ 'graded.htt_up': { total: 2416 } });
  });

  it('refuses malformed extra cells in _meta naming the cell, and a bad count through the same checks as JSON', async () => {
    const data = await renderFormsWorkbook({ doc: printed('htt-up') });
    const edit = (value: (old: Record<string, unknown>) => unknown) =>
      tamper(data, (wb) =>
        sheet(wb, '_meta').eachRow((row) => {
          if (row.getCell(1).value === 'form.DV') row.getCell(2).value = JSON.stringify(value(JSON.parse(String(row.getCell(2).value))));
        }),
      );
    const shape = await rejection(readFormsWorkbook(await edit((o) => ({ ...o, extraCells: { 'graded.htt_up': 5 } }))));
    expect(shape.code).toBe('FormValuesInvalid');
    expect(shape.field).toMatch(/^_meta!B\d+$/);
    const negative = await rejection(readFormsWorkbook(await edit((o) => ({ ...o, extraCells: { 'graded.htt_up': { total: -1 } } }))));
    expect(negative.field).toBe('forms.DV.rows.graded.htt_up.total');
  });
});
