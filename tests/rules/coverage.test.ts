/**
 * Rule coverage (issue #3 review, item 5): every KHT trigger and every ceiling of every rule set has,
 * in the table below, one case where it fires and one where it does not, each naming its source. The
 * table is keyed by the specs found in the rule-set data (rule-set-data.ts), so a spec added or
 * removed without its cases fails here; the cases sit at the boundaries, so a moved threshold fails
 * too. Values are written out, never derived from the spec under test.
 */
import { describe, expect, it } from 'vitest';
import { GRADES, type Grade, type RuleSetCode, SUBJECT_KINDS, type SubjectKind } from '../../src/domain/codes.js';
import {
  capHeadroom,
  collectiveCeiling,
  type DatedEvent,
  getRuleSet,
  gradeFromScore,
  type GradeCounts,
  type GradingFacts,
  highestAllowedGrade,
  organisationThreshold,
  personCeilings,
  personNotes,
  type RuleSet,
  type Score,
  SRC,
  type TaskCounts,
  triggeredReasons,
} from '../../src/domain/rules/index.js';

const CODES: RuleSetCode[] = ['QD132-HD21', 'QD124-HD25', 'QD366-HD43'];
const YEAR: Record<RuleSetCode, number> = { 'QD132-HD21': 2022, 'QD124-HD25': 2023, 'QD366-HD43': 2025 };
const periodOf = (code: RuleSetCode) => ({ from: `${YEAR[code]}-01-01`, to: `${YEAR[code]}-12-31` });

/** One case: facts for a trigger or person ceiling, counts for a cap or threshold, a score for a band. */
interface Case {
  facts?: GradingFacts;
  counts?: GradeCounts;
  score?: Score;
  tasks?: TaskCounts;
  organisationGrade?: Grade;
}
interface Row {
  source: string;
  fires: Case;
  not: Case;
}

// Builders with literal values (the year is the rule set's review year).
const disc = (y: number, level: DatedEvent['level'], extra: Partial<DatedEvent> = {}): DatedEvent => ({ kind: 'disciplined', from: `${y}-05-12`, level, ...extra });
const declineIn = (y: number): DatedEvent => ({ kind: 'decline_concluded', from: `${y}-08-01` });
const ratio = (part: number) => ({ part, total: 100 });
const tasks = (onTime: number, late = 0, exceeding = 0): TaskCounts => ({ total: 100, onTime, late, exceeding });
const counts = (HTXS: number, HTT: number, HT: number, KHT: number): GradeCounts => ({ HTXS, HTT, HT, KHT });
const f = (facts: GradingFacts): Case => ({ facts });

/** Discipline triggers: from `level` up fires; the level below (or an unrelated duty, or the year before) does not. */
function discipline(source: string, y: number, key: 'events' | 'memberEvents', fires: DatedEvent, not: DatedEvent): Row {
  return { source, fires: f({ [key]: [fires] }), not: f({ [key]: [not] }) };
}

function triggerRows(code: RuleSetCode): Record<string, Row> {
  const y = YEAR[code];
  const prevYear = (e: DatedEvent): DatedEvent => ({ ...e, from: `${y - 1}-11-30` });
  const common = (source: string) => ({
    decline: { source, fires: f({ events: [declineIn(y)] }), not: f({ events: [prevYear(declineIn(y))] }) },
    member_decline: { source, fires: f({ memberEvents: [declineIn(y)] }), not: f({ memberEvents: [prevYear(declineIn(y))] }) },
    disunity: { source, fires: f({ disunity: true }), not: f({ disunity: false }) },
    criterion_poor: { source, fires: f({ anyCriterionPoor: true }), not: f({ anyCriterionPoor: false }) },
    corruption_in_scope: { source, fires: f({ corruptionInScope: true }), not: f({ corruptionInScope: false }) },
    key_targets_missed: { source, fires: f({ keyTargetsMissed: true }), not: f({ keyTargetsMissed: false }) },
    civil_servant_kht: { source, fires: f({ civilServantGrade: 'KHT' }), not: f({ civilServantGrade: 'HT' }) },
    targets_below_50: { source, fires: f({ targets: ratio(49) }), not: f({ targets: ratio(50) }) },
    disciplined_kt: discipline(source, y, 'events', disc(y, 'khien_trach'), prevYear(disc(y, 'canh_cao'))),
    violation: { source, fires: f({ events: [{ kind: 'violated_example_duty', from: `${y}-04-01` }] }), not: f({ events: [{ kind: 'violated_example_duty', from: `${y - 1}-04-01` }] }) },
  });
  const t = (source: string) => common(source);
  if (code === 'QD132-HD21') {
    const m = t(SRC.HD21_MEMBER_KHT);
    const c = t(SRC.HD21_COLLECTIVE);
    const p = t(SRC.HD21_LEADER);
    const u = t(SRC.HD21_ORG);
    return {
      'member:decline': m.decline,
      'member:targets_below': m.targets_below_50,
      'member:civil_servant_kht': m.civil_servant_kht,
      'member:disciplined': m.disciplined_kt,
      'member:criterion_poor': m.criterion_poor,
      'collective:disunity': c.disunity,
      'collective:member_decline': c.member_decline,
      'collective:targets_below': c.targets_below_50,
      'collective:key_targets_missed': c.key_targets_missed,
      'collective:disciplined': c.disciplined_kt,
      'collective:member_disciplined': discipline(SRC.HD21_COLLECTIVE, y, 'memberEvents', disc(y, 'canh_cao'), disc(y, 'khien_trach')),
      'collective:criterion_poor': c.criterion_poor,
      'position:decline': p.decline,
      'position:targets_below': p.targets_below_50,
      'position:disciplined': p.disciplined_kt,
      'position:civil_servant_kht': p.civil_servant_kht,
      'unit:targets_below': u.targets_below_50,
      'unit:disciplined': u.disciplined_kt,
      'unit:disunity': { ...u.disunity, source: `${SRC.HD21_ORG} [M]` },
      'unit:criterion_poor': u.criterion_poor,
    };
  }
  if (code === 'QD124-HD25') {
    const k = t(SRC.QD124_KHT);
    const v = t(SRC.HD25_UNVERIFIED);
    return {
      'member:decline': k.decline,
      'member:targets_below': k.targets_below_50,
      'member:civil_servant_kht': v.civil_servant_kht,
      'member:disciplined': k.disciplined_kt,
      'member:criterion_poor': k.criterion_poor,
      'member:violation': k.violation,
      'collective:criterion_poor': k.criterion_poor,
      'collective:corruption_in_scope': k.corruption_in_scope,
      'collective:targets_and_key_below': { source: SRC.QD124_KHT, fires: f({ targets: ratio(49), keyTargetsMissed: true }), not: f({ targets: ratio(50), keyTargetsMissed: true }) },
      'collective:disciplined': k.disciplined_kt,
      'collective:sub_units_disciplined_above': { source: SRC.QD124_KHT, fires: f({ subUnitsDisciplined: ratio(21) }), not: f({ subUnitsDisciplined: ratio(20) }) },
      'collective:disunity': k.disunity,
      'collective:member_decline': k.member_decline,
      'collective:member_disciplined': discipline(SRC.QD124_KHT, y, 'memberEvents', disc(y, 'khien_trach'), prevYear(disc(y, 'khien_trach'))),
      'position:decline': k.decline,
      'position:targets_below': k.targets_below_50,
      'position:disciplined': k.disciplined_kt,
      'unit:targets_below': v.targets_below_50,
      'unit:disciplined': v.disciplined_kt,
      'unit:disunity': v.disunity,
      'unit:criterion_poor': v.criterion_poor,
      'unit:sub_units_disciplined_above': { source: `${SRC.QD124_KHT} [cách đọc: áp dụng cho tổ chức đảng]`, fires: f({ subUnitsDisciplined: ratio(21) }), not: f({ subUnitsDisciplined: ratio(20) }) },
      'unit:corruption_in_scope': { ...t(`${SRC.QD124_KHT} [cách đọc: áp dụng cho tổ chức đảng]`).corruption_in_scope },
    };
  }
  const k = t(SRC.QD366_KHT);
  const dutyKt = discipline(SRC.QD366_KHT, y, 'events', disc(y, 'khien_trach', { dutyRelated: true }), disc(y, 'canh_cao', { dutyRelated: false }));
  return {
    'member:decline': k.decline,
    'member:disciplined': dutyKt,
    'member:violation': k.violation,
    'member:tasks_not_completed_above': { source: SRC.QD366_KHT, fires: f({ tasks: tasks(49) }), not: f({ tasks: tasks(50) }) },
    'collective:disunity': k.disunity,
    'collective:member_disciplined': discipline(SRC.QD366_KHT, y, 'memberEvents', disc(y, 'khien_trach', { dutyRelated: true }), disc(y, 'khai_tru', { dutyRelated: false })),
    'collective:member_decline': k.member_decline,
    'collective:tasks_completed_below': { source: SRC.QD366_KHT, fires: f({ tasks: tasks(69) }), not: f({ tasks: tasks(70) }) },
    'position:tasks_completed_below': { source: SRC.QD366_KHT, fires: f({ tasks: tasks(60, 9) }), not: f({ tasks: tasks(60, 10) }) },
    'position:led_units_kht_above': { source: SRC.QD366_KHT, fires: f({ ledUnitsKht: ratio(51) }), not: f({ ledUnitsKht: ratio(50) }) },
    'position:low_confidence_above': { source: SRC.QD366_KHT, fires: f({ lowConfidenceVotes: ratio(51) }), not: f({ lowConfidenceVotes: ratio(50) }) },
    'position:disciplined': dutyKt,
    'position:decline': k.decline,
    'position:corruption_in_scope': k.corruption_in_scope,
  };
}

/** Ceilings other than the triggers: sick leave, civil servant, QĐ 124 HTXS condition, thresholds, collective ≤ organisation, bands, caps. */
function ceilingRows(code: RuleSetCode): Record<string, Row> {
  const y = YEAR[code];
  const sick = (to: string): Case => f({ events: [{ kind: 'sick_leave', from: `${y}-03-01`, to: `${y}-${to}` }] });
  const capRows = (source: string): Record<string, Row> =>
    Object.fromEntries(SUBJECT_KINDS.map((k) => [`caps.${k}`, { source, fires: { counts: counts(2, 8, 0, 0) }, not: { counts: counts(2, 10, 0, 0) } }]));
  const org = (source: string): Record<string, Row> => {
    const out: Record<string, Row> = {};
    for (const level of ['cell', 'committee']) {
      out[`organisation.${level}.kht`] = { source, fires: { counts: counts(0, 0, 79, 21) }, not: { counts: counts(0, 0, 80, 20) } };
      out[`organisation.${level}.htxs`] = { source, fires: { counts: counts(0, 79, 21, 0) }, not: { counts: counts(0, 80, 20, 0) } };
      out[`organisation.${level}.htt`] = { source, fires: { counts: counts(0, 49, 51, 0) }, not: { counts: counts(0, 50, 50, 0) } };
    }
    return out;
  };
  if (code === 'QD132-HD21') {
    return {
      sickLeave: { source: SRC.HD21_EXCLUDED, fires: sick('05-31'), not: sick('05-30') },
      civilServant: { source: SRC.HD21_MEMBER_BOUND, fires: f({ civilServantGrade: 'HT' }), not: f({ civilServantGrade: 'HTXS' }) },
      ...org(SRC.HD21_ORG),
      collectiveNotAboveOrganisation: { source: SRC.HD21_COLLECTIVE, fires: { organisationGrade: 'HT' }, not: { organisationGrade: 'HTXS' } },
      ...capRows(SRC.HD21_CAP_MEMBER),
      'caps.collective': { source: SRC.HD21_CAP_COLLECTIVE, fires: { counts: counts(2, 8, 0, 0) }, not: { counts: counts(2, 10, 0, 0) } },
      'caps.position': { source: SRC.HD21_CAP_LEADER, fires: { counts: counts(2, 8, 0, 0) }, not: { counts: counts(2, 10, 0, 0) } },
      'caps.unit': { source: SRC.HD21_CAP_ORG, fires: { counts: counts(2, 8, 0, 0) }, not: { counts: counts(2, 10, 0, 0) } },
    };
  }
  if (code === 'QD124-HD25') {
    return {
      sickLeave: { source: SRC.HD25_UNVERIFIED, fires: sick('05-31'), not: sick('05-30') },
      civilServant: { source: SRC.HD25_UNVERIFIED, fires: f({ civilServantGrade: 'HT' }), not: f({ civilServantGrade: 'HTXS' }) },
      memberHtxsExceededPercent: { source: SRC.QD124_GRADES, fires: f({ targetsExceeded: ratio(49) }), not: f({ targetsExceeded: ratio(50) }) },
      ...org(SRC.HD25_UNVERIFIED),
      collectiveNotAboveOrganisation: { source: `${SRC.HD21_COLLECTIVE} — mang sang, không có trong QĐ 124 (cách đọc; tham số collectiveNotAboveOrganisation)`, fires: { organisationGrade: 'HT' }, not: { organisationGrade: 'HTXS' } },
      ...capRows(SRC.QD124_CAP),
    };
  }
  const full = { general: 3000, tasks: 6000 };
  return {
    sickLeave: { source: SRC.HD43_SICK, fires: sick('05-31'), not: sick('05-30') },
    civilServant: { source: SRC.QD366_REVIEWED_GRADED, fires: f({ civilServantGrade: 'HT' }), not: f({ civilServantGrade: 'HTXS' }) },
    collectiveNotAboveOrganisation: { source: `${SRC.HD21_COLLECTIVE} — mang sang, không có trong QĐ 366 (cách đọc; tham số collectiveNotAboveOrganisation)`, fires: { organisationGrade: 'HT' }, not: { organisationGrade: 'HTXS' } },
    // Bands at their boundaries (89,99 / 90; 69,99 / 70; 49,99 / 50) with every task condition met.
    'scoring.htxs': { source: SRC.QD366_FRAMEWORK, fires: { score: { general: 3000, tasks: 5999 }, tasks: tasks(100, 0, 30) }, not: { score: full, tasks: tasks(100, 0, 30) } },
    'scoring.htt': { source: SRC.QD366_FRAMEWORK, fires: { score: { general: 3000, tasks: 3999 }, tasks: tasks(100) }, not: { score: { general: 3000, tasks: 4000 }, tasks: tasks(100) } },
    'scoring.ht': { source: SRC.QD366_FRAMEWORK, fires: { score: { general: 1000, tasks: 3999 }, tasks: tasks(100) }, not: { score: { general: 1000, tasks: 4000 }, tasks: tasks(100) } },
    'scoring.htxsExceeding': { source: SRC.QD366_FRAMEWORK, fires: { score: full, tasks: tasks(100, 0, 29) }, not: { score: full, tasks: tasks(100, 0, 30) } },
    'scoring.htLate': { source: SRC.QD366_FRAMEWORK, fires: { score: { general: 2000, tasks: 4000 }, tasks: tasks(79, 21) }, not: { score: { general: 2000, tasks: 4000 }, tasks: tasks(80, 20) } },
    ...capRows(SRC.QD366_CAP),
  };
}

/** The spec keys the rule-set data holds: every trigger, and every ceiling the rule set has. */
function specKeys(rs: RuleSet): string[] {
  const keys = SUBJECT_KINDS.flatMap((k) => rs.triggers[k].map((t) => `${k}:${t.code}`));
  keys.push('sickLeave', 'civilServant', 'collectiveNotAboveOrganisation', ...SUBJECT_KINDS.map((k) => `caps.${k}`));
  if (rs.memberHtxsExceededPercent) keys.push('memberHtxsExceededPercent');
  if (rs.organisation) for (const l of ['cell', 'committee']) keys.push(...['kht', 'htxs', 'htt'].map((g) => `organisation.${l}.${g}`));
  if (rs.scoring) keys.push('scoring.htxs', 'scoring.htt', 'scoring.ht', 'scoring.htxsExceeding', 'scoring.htLate');
  return keys;
}

/** The spec's own source, read from the data: the case must name the same one. */
function specSource(rs: RuleSet, key: string): string {
  const [head, rest] = key.split(':') as [string, string | undefined];
  if (rest !== undefined) return rs.triggers[head as SubjectKind].find((t) => t.code === rest)!.source;
  if (key === 'sickLeave') return rs.sickLeave.source;
  if (key === 'civilServant') return rs.civilServant.source;
  if (key === 'memberHtxsExceededPercent') return rs.memberHtxsExceededPercent!.source;
  if (key === 'collectiveNotAboveOrganisation') return rs.collectiveNotAboveOrganisation.source;
  if (key.startsWith('caps.')) return rs.caps[key.slice(5) as SubjectKind].source;
  if (key.startsWith('organisation.')) return rs.organisation![key.split('.')[1] as 'cell' | 'committee'].source;
  return rs.scoring!.source;
}

const LOWER_BY: Record<string, Grade> = { kht: 'KHT', htxs: 'HTT', htt: 'HT' };
const BAND: Record<string, Grade> = { 'scoring.htxs': 'HTXS', 'scoring.htt': 'HTT', 'scoring.ht': 'HT', 'scoring.htxsExceeding': 'HTXS', 'scoring.htLate': 'HT' };

/** True when the spec `key` fires on `c` under the rule set `rs` (the real data, the spec isolated where others could answer). */
function fires(rs: RuleSet, code: RuleSetCode, key: string, c: Case): boolean {
  const period = periodOf(code);
  const [kind, trigger] = key.split(':') as [SubjectKind, string | undefined];
  if (trigger !== undefined) {
    const only = { ...rs, triggers: { ...rs.triggers, [kind]: rs.triggers[kind].filter((t) => t.code === trigger) } };
    const hit = triggeredReasons({ ruleSet: only, subjectKind: kind, facts: c.facts ?? {}, period }).some((r) => r.grade === 'KHT');
    // With the whole rule set the case caps the grade at KHT too (binding or weighed).
    if (hit) expect(highestAllowedGrade({ ruleSet: rs, subjectKind: kind, facts: c.facts ?? {}, period }).reasons.some((r) => r.grade === 'KHT')).toBe(true);
    return hit;
  }
  const facts = c.facts ?? {};
  if (key === 'sickLeave') {
    return rs.sickLeave.ceiling
      ? personCeilings({ ruleSet: rs, facts, period }).some((r) => r.source === rs.sickLeave.source)
      : personNotes({ ruleSet: rs, facts, period }).some((n) => n.includes('Nghỉ ốm'));
  }
  if (key === 'civilServant') return personCeilings({ ruleSet: rs, facts, period }).some((r) => r.source === rs.civilServant.source && r.grade === 'HT');
  if (key === 'memberHtxsExceededPercent') return personCeilings({ ruleSet: rs, facts, period }).some((r) => r.grade === 'HTT');
  if (key === 'collectiveNotAboveOrganisation') return collectiveCeiling(c.organisationGrade!, rs).reason !== undefined;
  if (key.startsWith('caps.')) return capHeadroom({ ruleSet: rs, subjectKind: key.slice(5) as SubjectKind, counts: c.counts! }).over;
  if (key.startsWith('organisation.')) {
    const [, level, g] = key.split('.') as [string, string, string];
    const t = organisationThreshold({ ruleSet: rs, unitKind: level === 'cell' ? 'cell' : 'grassroots_committee', counts: c.counts! });
    return t.reasons.some((r) => r.grade === LOWER_BY[g]);
  }
  const result = gradeFromScore({ bands: rs.scoring!, score: c.score!, tasks: c.tasks! });
  return GRADES.indexOf(result.grade) > GRADES.indexOf(BAND[key]!);
}

describe('every trigger and ceiling of every rule set fires in one case and not in another', () => {
  for (const code of CODES) {
    const rs = getRuleSet(code);
    const table = { ...triggerRows(code), ...ceilingRows(code) };

    it(`${code}: the table lists exactly the specs of the rule set`, () => {
      expect(Object.keys(table).sort()).toEqual(specKeys(rs).sort());
    });

    it.each(specKeys(rs).filter((k) => k in table))(`${code} %s: fires, then not, each naming its source`, (key) => {
      const row = table[key]!;
      expect(row.source, 'the case names the spec’s source').toBe(specSource(rs, key));
      expect(fires(rs, code, key, row.fires), `${key} must fire (${row.source})`).toBe(true);
      expect(fires(rs, code, key, row.not), `${key} must not fire (${row.source})`).toBe(false);
    });
  }
});
