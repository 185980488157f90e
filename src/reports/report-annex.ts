/**
 * The annexes of the report as tables (GUIDE.md §5 "then the annexes"): one per form, carrying the
 * report's number and date ("Kèm theo Báo cáo số …", seed 331-BC/HU), rows and columns from the
 * form definitions (FORMS.md §2). Forms TC and DV have ~25 type columns; a page holds the total and
 * eight top-level types, so types beyond eight are folded into one "other types" column.
 */
import type { RuleSetCode } from '../domain/codes.js';
import { DEFAULT_ANNEX_CODES, FORM_CODES, getFormDefinitions, type ColumnDef, type FormCode, type FormValuesDoc } from '../domain/forms/index.js';
import { formatViInteger } from '../domain/format/index.js';
import type { AnnexTable } from './report-types.js';

/** Value columns per annex shape: KD 2, TT and CN 7, TC and DV 9 (total + 8 types). */
export const ANNEX_WIDTH: Record<FormCode, number> = { KD: 2, TT: 7, CN: 7, TC: 9, DV: 9 };

interface Col {
  label: string;
  codes: string[];
}

/** Total plus eight top-level type columns: those with data first, the rest folded into "Loại hình khác (gộp)". */
function typeColumns(columns: readonly ColumnDef[], rows: FormValuesDoc['forms']['TC']): Col[] {
  const top = columns.filter((c) => c.parent === 'total');
  const hasData = (code: string) => Object.values(rows?.rows ?? {}).some((cells) => (cells[code] ?? 0) > 0);
  const withData = top.filter((c) => hasData(c.code));
  const without = top.filter((c) => !hasData(c.code));
  const slots = 8;
  let chosen: Col[];
  if (withData.length > slots) {
    const rest = withData.slice(slots - 1);
    chosen = [...withData.slice(0, slots - 1).map((c) => ({ label: c.label, codes: [c.code] })), { label: 'Loại hình khác (gộp)', codes: rest.map((c) => c.code) }];
  } else {
    const keep = new Set([...withData, ...without.slice(0, slots - withData.length)].map((c) => c.code));
    chosen = top.filter((c) => keep.has(c.code)).map((c) => ({ label: c.label, codes: [c.code] }));
  }
  return [{ label: 'Tổng số', codes: ['total'] }, ...chosen];
}

function columnsOf(form: FormCode, doc: FormValuesDoc, columns: readonly ColumnDef[]): Col[] {
  if (form === 'TC' || form === 'DV') return typeColumns(columns, doc.forms[form]);
  return columns.filter((c) => !c.subsetOf).map((c) => ({ label: c.label, codes: [c.code] }));
}

const isHeadRow = (form: FormCode, row: string) =>
  form === 'CN' ? !row.includes('.') : form === 'TC' ? row.endsWith('.total') : form === 'TT' ? row.endsWith('.total') : row === 'total' || row === 'required';

/** The annex tables of every form the document states. */
export function buildAnnexes(args: { doc: FormValuesDoc; ruleSet: RuleSetCode; attached: string }): AnnexTable[] {
  const defs = getFormDefinitions(args.ruleSet);
  const out: AnnexTable[] = [];
  for (const form of FORM_CODES) {
    const values = args.doc.forms[form];
    if (!values) continue;
    const def = defs[form];
    const cols = columnsOf(form, args.doc, def.columns);
    let stt = 0;
    const rows = def.rows
      .filter((r) => !r.derivedFrom)
      .map((r) => {
        const cells = values.rows[r.code];
        const head = isHeadRow(form, r.code);
        if (head) stt += 1;
        return {
          stt: head ? String(stt) : '',
          label: r.label,
          values: cols.map((c) => (cells ? formatViInteger(c.codes.reduce((s, code) => s + (cells[code] ?? 0), 0)) : '')),
          bold: head,
        };
      });
    out.push({
      form,
      code: DEFAULT_ANNEX_CODES[form] ?? null,
      title: def.title.replace(/^Thống kê /i, '').toLocaleUpperCase('vi'),
      attached: args.attached,
      headers: cols.map((c) => c.label),
      rows,
    });
  }
  return out;
}
