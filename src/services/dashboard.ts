/**
 * A committee's dashboard for a cycle (issue #9 item 6): its units' reports on time, late or missing
 * (working-day calendar); grade distributions by subject kind and by organisation type, each number
 * a cell of the forms (FORMS.md §2) with the address its drill-down traces (GET …/:form/trace); the
 * previous cycle's member grades beside; and the anomalies (src/domain/anomalies.ts). Later checks
 * (e.g. another issue's grade audit) add their findings to `anomalies` as data.
 */
import { GRADES, type Grade, ORG_TYPE_LABELS, type OrgType, type UnitKind } from '../domain/codes.js';
import { type Anomaly, findAnomalies } from '../domain/anomalies.js';
import { childColumns, getFormDefinitions, levelsFor, type FormCode, type FormValuesDoc } from '../domain/forms/index.js';
import type { Db } from '../db/create-db.js';
import { findCycle, getCycle } from '../db/queries/cycles.js';
import { getFormValues } from './forms.js';
import { cycleRuleSet } from './grading-context.js';
import { loadProgress, type ProgressNode } from './progress.js';

/** A number of the dashboard with the form cell it is (null when it is a sum of several cells). */
export interface CellNumber {
  value: number;
  trace: { form: FormCode; row: string; col: string } | null;
}

export interface GradeRow {
  key: string;
  label: string;
  grades: Record<Grade, CellNumber>;
  graded: number;
}

export interface DashboardView {
  cycle: { year: number; period: string; ruleSet: string; title: string; referenceDate: string };
  unit: { code: string; name: string; kind: UnitKind };
  /** The unit itself with its roll and report (the first node of the progress). */
  root: ProgressNode;
  today: string;
  reports: { onTime: number; late: number; missing: number; pending: number; units: ProgressNode[] };
  byKind: GradeRow[];
  byOrgType: GradeRow[];
  previous: { year: number; members: Record<Grade, number>; graded: number } | null;
  anomalies: Anomaly[];
}

const LOWER: Record<Grade, string> = { HTXS: 'htxs', HTT: 'htt', HT: 'ht', KHT: 'kht' };

function cell(doc: FormValuesDoc, form: FormCode, row: string, col: string): number {
  return Number(doc.forms[form]?.rows[row]?.[col] ?? 0);
}

function gradeRow(key: string, label: string, value: (g: Grade) => CellNumber): GradeRow {
  const grades = Object.fromEntries(GRADES.map((g) => [g, value(g)])) as Record<Grade, CellNumber>;
  return { key, label, grades, graded: GRADES.reduce((s, g) => s + grades[g].value, 0) };
}

/** Members (DV), grassroots and attached organisations (TC), collectives per level (TT), leaders per level (CN). */
function byKind(doc: FormValuesDoc): GradeRow[] {
  const rows: GradeRow[] = [gradeRow('member', 'Đảng viên', (g) => ({ value: cell(doc, 'DV', `graded.${LOWER[g]}`, 'total'), trace: { form: 'DV', row: `graded.${LOWER[g]}`, col: 'total' } }))];
  for (const [s, label] of [['tccsd', 'Tổ chức cơ sở đảng'], ['truc_thuoc', 'Tổ chức đảng trực thuộc']] as const) {
    const parts = s === 'tccsd' ? ['tccsd.dang_bo', 'tccsd.chi_bo'] : ['truc_thuoc.dang_bo_bo_phan', 'truc_thuoc.chi_bo'];
    rows.push(gradeRow(s, label, (g) => ({ value: parts.reduce((sum, p) => sum + cell(doc, 'TC', `${p}.graded.${LOWER[g]}`, 'total'), 0), trace: { form: 'TC', row: `${s}.graded.${LOWER[g]}`, col: 'total' } })));
  }
  const levelLabel = { tinh: 'cấp tỉnh', huyen: 'cấp huyện', co_so: 'cấp cơ sở' } as const;
  for (const l of levelsFor(doc.cycle.ruleSet)) {
    rows.push(gradeRow(`collective.${l}`, `Tập thể lãnh đạo, quản lý ${levelLabel[l]}`, (g) => ({ value: cell(doc, 'TT', `${l}.graded.${LOWER[g]}`, 'total'), trace: { form: 'TT', row: `${l}.graded.${LOWER[g]}`, col: 'total' } })));
    rows.push(gradeRow(`leader.${l}`, `Cán bộ lãnh đạo, quản lý ${levelLabel[l]}`, (g) => ({ value: cell(doc, 'CN', l, LOWER[g]), trace: { form: 'CN', row: l, col: LOWER[g] } })));
  }
  return rows.filter((r) => r.key === 'member' || r.graded > 0);
}

/** Members by the top-level organisation-type columns of DV (only columns with someone graded). */
function byOrgType(doc: FormValuesDoc): GradeRow[] {
  const def = getFormDefinitions(doc.cycle.ruleSet).DV;
  return childColumns(def, 'total')
    .map((c) => gradeRow(c.code, ORG_TYPE_LABELS[c.code as OrgType] ?? c.label.replace(/\s*\(tổng\)$/, ''), (g) => ({ value: cell(doc, 'DV', `graded.${LOWER[g]}`, c.code), trace: { form: 'DV', row: `graded.${LOWER[g]}`, col: c.code } })))
    .filter((r) => r.graded > 0);
}

function reportSummary(nodes: readonly ProgressNode[], today: string): DashboardView['reports'] {
  const units = nodes.filter((n) => n.depth > 0 && n.report.deadline !== null);
  const count = (pred: (n: ProgressNode) => boolean) => units.filter(pred).length;
  const submitted = (n: ProgressNode) => n.report.timing?.status === 'on_time' || n.report.timing?.status === 'late';
  return {
    onTime: count((n) => n.report.timing?.status === 'on_time'),
    late: count((n) => n.report.timing?.status === 'late'),
    missing: count((n) => !submitted(n) && today > (n.report.deadline ?? '')),
    pending: count((n) => !submitted(n) && today <= (n.report.deadline ?? '')),
    units,
  };
}

async function previousMembers(db: Db, input: { unitCode: string; year: number; period: string }): Promise<DashboardView['previous']> {
  const prev = await findCycle(db, { year: input.year - 1, period: input.period });
  if (!prev) return null;
  try {
    const doc = await getFormValues(db, { unitCode: input.unitCode, year: prev.year, period: prev.period, form: 'DV' });
    const members = Object.fromEntries(GRADES.map((g) => [g, cell(doc, 'DV', `graded.${LOWER[g]}`, 'total')])) as Record<Grade, number>;
    return { year: prev.year, members, graded: GRADES.reduce((s, g) => s + members[g], 0) };
  } catch {
    return null; // the unit did not exist in that cycle
  }
}

/** The dashboard of `unitCode` in a cycle. */
export async function loadDashboard(db: Db, input: { unitCode: string; cycleYear: number; period?: string | undefined; today: string }): Promise<DashboardView> {
  const cycle = await getCycle(db, { year: input.cycleYear, period: input.period });
  const progress = await loadProgress(db, { cycleYear: cycle.year, period: cycle.period, rootCode: input.unitCode, depth: 64, today: input.today });
  const doc = await getFormValues(db, { unitCode: input.unitCode, year: cycle.year, period: cycle.period });
  const { ruleSet } = await cycleRuleSet(db, cycle);
  const root = progress.nodes[0]!;
  const graded = progress.nodes.filter((n) => n.depth > 0).map((n) => ({ code: n.code, name: n.name, kind: n.kind, counts: { HTXS: n.counts.HTXS, HTT: n.counts.HTT, HT: n.counts.HT, KHT: n.counts.KHT } }));
  return {
    cycle: { year: cycle.year, period: cycle.period, ruleSet: cycle.ruleSet, title: cycle.title, referenceDate: cycle.referenceDate },
    unit: { code: root.code, name: root.name, kind: root.kind },
    root,
    today: input.today,
    reports: reportSummary(progress.nodes, input.today),
    byKind: byKind(doc),
    byOrgType: byOrgType(doc),
    previous: await previousMembers(db, { unitCode: input.unitCode, year: cycle.year, period: cycle.period }),
    anomalies: findAnomalies({ units: graded, ruleSet }),
  };
}
