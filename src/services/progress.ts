/**
 * A cycle's progress over the tree (issue #9 items 1–2, 5): each unit with its members on the roll
 * (memberships on the reference date — never only the evaluations created so far), how many are
 * decided (the stored DV counts the forms print, FORMS.md §2), proposed but not decided, not required
 * and not yet graded; its own grade; its report to the parent with the deadline, the working days
 * left and its state (not started, in progress, submitted, accepted, returned, late).
 */
import { GRADES, type Grade, type OrgType, type UnitKind } from '../domain/codes.js';
import type { SubmissionTiming } from '../domain/calendar/submission-timing.js';
import { AppError } from '../domain/errors.js';
import type { Cycle } from '../domain/model/cycles.js';
import { buildTree, findNode, rollUp, type TreeNode } from '../domain/tree.js';
import { reportTiming, type SubmissionStatus } from '../domain/workflow/submissions.js';
import { type UnitState, unitState, workingDaysLeft } from '../domain/workflow/unit-state.js';
import type { Db } from '../db/create-db.js';
import { getCycle } from '../db/queries/cycles.js';
import { countMembersByUnit, listUnitGrades, listUnitsValidOn, readMemberFormCounts } from '../db/queries/overview.js';
import { countOpenGradesByUnit } from '../db/queries/progress.js';
import { listSubmissions } from '../db/queries/submissions.js';
import { loadCalendar } from './submissions.js';

/** A unit's subtree counts of members in the cycle. */
export interface RollCounts extends Record<Grade, number> {
  /** Members on the roll on the cycle's reference date. */
  roll: number;
  /** Members with a decided grade (HTXS + HTT + HT + KHT). */
  decided: number;
  /** Not required to be graded (exempt, new, suspended). */
  notRequired: number;
  /** Self-assessed or proposed, not decided yet. */
  proposed: number;
  /** On the roll, required, and nothing recorded yet. */
  notYet: number;
}

/** One unit of the tree with its progress. */
export interface ProgressNode {
  code: string;
  name: string;
  kind: UnitKind;
  orgType: OrgType | null;
  /** Depth below the first unit shown (0). */
  depth: number;
  parentCode: string | null;
  childCount: number;
  counts: RollCounts;
  ownGrade: { grade: Grade | null; eligibility: string } | null;
  report: { status: SubmissionStatus | 'none'; version: number; submittedAt: string | null; receivedAt: string | null; comment: string | null; deadline: string | null; timing: SubmissionTiming | null };
  state: UnitState;
  late: boolean;
  workingDaysLeft: number | null;
}

export interface ProgressView {
  cycle: { year: number; period: string; ruleSet: string; referenceDate: string; title: string; version: number; deadlines: Cycle['deadlines'] };
  today: string;
  nodes: ProgressNode[];
}

const ZERO_ROLL = { members: 0 };
const ZERO_OPEN = { proposed: 0, anyGrade: 0 };

function countsOf(roll: number, dv: Partial<Record<Grade | 'notRequired', number>> | undefined, proposed: number): RollCounts {
  const grades = Object.fromEntries(GRADES.map((g) => [g, dv?.[g] ?? 0])) as Record<Grade, number>;
  const decided = GRADES.reduce((s, g) => s + grades[g], 0);
  const notRequired = dv?.notRequired ?? 0;
  return { roll, ...grades, decided, notRequired, proposed, notYet: Math.max(0, roll - decided - notRequired - proposed) };
}

/** The units shown: `start` and their descendants down to `depth` levels, in tree order. */
function visible(start: readonly TreeNode[], depth: number): { node: TreeNode; depth: number; parent: TreeNode | null }[] {
  const out: { node: TreeNode; depth: number; parent: TreeNode | null }[] = [];
  const walk = (node: TreeNode, d: number, parent: TreeNode | null) => {
    out.push({ node, depth: d, parent });
    if (d < depth) for (const child of node.children) walk(child, d + 1, node);
  };
  for (const s of start) walk(s, 0, null);
  return out;
}

/**
 * The progress of a cycle from `rootCode` (every root of the tree when omitted) down `depth` levels.
 * UnitNotFound when the unit did not exist on the cycle's reference date.
 */
export async function loadProgress(db: Db, input: { cycleYear: number; period?: string | undefined; rootCode?: string | undefined; depth: number; today: string }): Promise<ProgressView> {
  const cycle = await getCycle(db, { year: input.cycleYear, period: input.period });
  const date = cycle.referenceDate;
  const [units, roll, dv, open, ownGrades, calendar] = await Promise.all([
    listUnitsValidOn(db, date),
    countMembersByUnit(db, date),
    readMemberFormCounts(db, cycle.id),
    countOpenGradesByUnit(db, cycle.id),
    listUnitGrades(db, cycle.id),
    loadCalendar(db),
  ]);
  const roots = buildTree(units);
  const start = input.rootCode === undefined ? roots : [findNode(roots, input.rootCode)].filter((n): n is TreeNode => n !== undefined);
  if (input.rootCode !== undefined && start.length === 0) {
    throw new AppError('UnitNotFound', { vi: `Đơn vị «${input.rootCode}» không có trong cây tổ chức ngày ${date}.`, en: `Unit "${input.rootCode}" is not in the tree on ${date}.` });
  }
  const rolls = rollUp(start, roll, ZERO_ROLL);
  const opens = rollUp(start, open, ZERO_OPEN);
  const shown = visible(start, input.depth);
  const reports = await listSubmissions(db, { cycleId: cycle.id, unitIds: shown.map((s) => s.node.id) });
  // Counting working days walks the calendar day by day: once per deadline, not once per unit.
  const lefts = new Map<string | null, number | null>();
  const leftOf = (deadline: string | null) => {
    if (!lefts.has(deadline)) lefts.set(deadline, workingDaysLeft(input.today, deadline, calendar));
    return lefts.get(deadline) ?? null;
  };
  const nodes = shown.map(({ node, depth, parent }): ProgressNode => {
    const report = reports.get(node.id);
    const status = report?.status ?? 'none';
    const deadline = cycle.deadlines.find((d) => d.level === node.kind)?.dueOn ?? null;
    const timing = reportTiming({ status, submittedAt: report?.receivedAt ?? report?.submittedAt ?? null, deadline, calendar });
    const o = opens.get(node.id) ?? ZERO_OPEN;
    const counts = countsOf(rolls.get(node.id)?.members ?? 0, dv.get(node.id), o.proposed);
    const state = unitState({ status, timing, deadline, today: input.today, anyGraded: o.anyGrade > 0, calendar, workingDaysLeft: leftOf(deadline) });
    return {
      code: node.code,
      name: node.name,
      kind: node.kind,
      orgType: node.effectiveOrgType,
      depth,
      parentCode: parent?.code ?? null,
      childCount: node.children.length,
      counts,
      ownGrade: ownGrades.get(node.id) ?? null,
      report: { status, version: report?.version ?? 0, submittedAt: report?.submittedAt ?? null, receivedAt: report?.receivedAt ?? null, comment: report?.comment ?? null, deadline, timing },
      ...state,
    };
  });
  const { year, period, ruleSet, referenceDate, title, version, deadlines } = cycle;
  return { cycle: { year, period, ruleSet, referenceDate, title, version, deadlines }, today: input.today, nodes };
}
