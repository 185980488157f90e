/**
 * The three rule sets as data (GUIDE.md §3 "What changes with the rule set"). Every value cites its
 * source; values GUIDE.md marks "(verify)" carry `verify: true` and are parameters with the
 * documented default (override them with `withParameters`).
 */
import type { SubjectKind } from '../codes.js';
import { SRC } from './sources.js';
import type { CapParameters, OrganisationThresholds, RuleSet, TriggerSpec } from './types.js';
import { READINGS } from './readings.js';

function capsFor(member: CapParameters, other: CapParameters): Record<SubjectKind, CapParameters> {
  return { member, collective: other, position: other, unit: other };
}

const HD21_ORG_CELL: OrganisationThresholds = {
  htxs: { htPlusPercent: 100, httPlusPercent: 80 },
  htt: { htPlusPercent: 100, httPlusPercent: 50 },
  khtAbovePercent: 20,
  source: SRC.HD21_ORG,
  verify: false,
};
/** For committees the > 20% KHT trigger is [M] (regulations.md §2.3), hence verify. */
const HD21_ORG_COMMITTEE: OrganisationThresholds = { ...HD21_ORG_CELL, verify: true };

const QD132_TRIGGERS: Record<SubjectKind, readonly TriggerSpec[]> = {
  member: [
    { code: 'decline', source: SRC.HD21_MEMBER_KHT },
    { code: 'targets_below', percent: 50, source: SRC.HD21_MEMBER_KHT },
    { code: 'civil_servant_kht', source: SRC.HD21_MEMBER_KHT },
    { code: 'disciplined', minLevel: 'khien_trach', source: SRC.HD21_MEMBER_KHT },
    { code: 'criterion_poor', source: SRC.HD21_MEMBER_KHT },
  ],
  collective: [
    { code: 'disunity', source: SRC.HD21_COLLECTIVE },
    { code: 'member_decline', source: SRC.HD21_COLLECTIVE },
    { code: 'targets_below', percent: 50, source: SRC.HD21_COLLECTIVE },
    { code: 'key_targets_missed', source: SRC.HD21_COLLECTIVE },
    { code: 'disciplined', minLevel: 'khien_trach', source: SRC.HD21_COLLECTIVE },
    { code: 'member_disciplined', minLevel: 'canh_cao', source: SRC.HD21_COLLECTIVE },
    { code: 'criterion_poor', source: SRC.HD21_COLLECTIVE },
  ],
  position: [
    { code: 'decline', source: SRC.HD21_LEADER, verify: true },
    { code: 'targets_below', percent: 50, source: SRC.HD21_LEADER, verify: true },
    { code: 'disciplined', minLevel: 'khien_trach', source: SRC.HD21_LEADER, verify: true },
    { code: 'civil_servant_kht', source: SRC.HD21_LEADER, verify: true },
  ],
  unit: [
    { code: 'targets_below', percent: 50, source: SRC.HD21_ORG },
    { code: 'disciplined', minLevel: 'khien_trach', source: SRC.HD21_ORG },
    { code: 'disunity', source: `${SRC.HD21_ORG} [M]`, verify: true },
    { code: 'criterion_poor', source: SRC.HD21_ORG },
  ],
};

/** QĐ 132 + HD 21 (review years 2019–2022, the seed). */
export const QD132_HD21: RuleSet = {
  code: 'QD132-HD21',
  label: 'Quy định 132-QĐ/TW, Hướng dẫn 21-HD/BTCTW',
  eligibility: {
    excludedSource: SRC.HD21_EXEMPT,
    newMember: { months: 6, reviewed: true, graded: false, source: SRC.HD21_EXCLUDED },
    // HD 21 names only members as "vẫn phải kiểm điểm"; the seed's form counts new collectives as "chưa kiểm điểm".
    newUnit: { months: 6, reviewed: false, graded: false, source: SRC.HD21_EXCLUDED, verify: false },
  },
  sickLeave: { minMonths: 3, ceiling: 'HT', source: SRC.HD21_EXCLUDED, verify: false },
  maternitySource: SRC.HD21_EXCLUDED,
  civilServant: { mode: 'bound', source: SRC.HD21_MEMBER_BOUND, verify: true },
  memberHtxsExceededPercent: null,
  selfRemedied: 'excepted',
  forceMajeure: 'excepted',
  triggers: QD132_TRIGGERS,
  organisation: { cell: HD21_ORG_CELL, committee: HD21_ORG_COMMITTEE },
  collectiveNotAboveOrganisation: { enabled: true, source: SRC.HD21_COLLECTIVE, verify: false },
  caps: {
    ...capsFor(
      { numerator: 'HTXS', base: 'HTT', scope: 'grassroots_org', percent: 20, exceptionalPercent: null, rounding: 'floor', source: SRC.HD21_CAP_MEMBER },
      { numerator: 'HTXS', base: 'HTT', scope: 'group', percent: 20, exceptionalPercent: null, rounding: 'floor', source: SRC.HD21_CAP_COLLECTIVE },
    ),
    unit: { numerator: 'HTXS', base: 'HTT', scope: 'group', percent: 20, exceptionalPercent: null, rounding: 'floor', source: SRC.HD21_CAP_ORG },
    position: { numerator: 'HTXS', base: 'HTT', scope: 'group', percent: 20, exceptionalPercent: null, rounding: 'floor', source: SRC.HD21_CAP_LEADER },
  },
  scoring: null,
  readings: READINGS['QD132-HD21'],
};

const QD124_UNVERIFIED = { verify: true, source: SRC.HD25_UNVERIFIED } as const;

/** QĐ 124 + HD 25 (review years 2023–2024). */
export const QD124_HD25: RuleSet = {
  code: 'QD124-HD25',
  label: 'Quy định 124-QĐ/TW, Hướng dẫn 25-HD/BTCTW',
  eligibility: {
    excludedSource: SRC.QD124_SUBJECTS,
    newMember: { months: 6, reviewed: false, graded: false, source: SRC.QD124_SUBJECTS },
    newUnit: { months: 6, reviewed: false, graded: false, ...QD124_UNVERIFIED },
  },
  sickLeave: { minMonths: 3, ceiling: 'HT', ...QD124_UNVERIFIED },
  maternitySource: SRC.HD25_UNVERIFIED,
  civilServant: { mode: 'bound', ...QD124_UNVERIFIED },
  memberHtxsExceededPercent: { percent: 50, source: SRC.QD124_GRADES },
  selfRemedied: 'excepted',
  forceMajeure: 'excepted',
  triggers: {
    member: [
      { code: 'decline', source: SRC.QD124_KHT },
      { code: 'targets_below', percent: 50, source: SRC.QD124_KHT },
      { code: 'civil_servant_kht', ...QD124_UNVERIFIED },
      { code: 'disciplined', minLevel: 'khien_trach', source: SRC.QD124_KHT },
      { code: 'criterion_poor', source: SRC.QD124_KHT },
      { code: 'violation', source: SRC.QD124_KHT },
    ],
    collective: [
      { code: 'criterion_poor', source: SRC.QD124_KHT },
      { code: 'corruption_in_scope', source: SRC.QD124_KHT },
      { code: 'targets_and_key_below', percent: 50, source: SRC.QD124_KHT },
      { code: 'disciplined', minLevel: 'khien_trach', source: SRC.QD124_KHT },
      { code: 'sub_units_disciplined_above', percent: 20, source: SRC.QD124_KHT },
      { code: 'disunity', source: SRC.QD124_KHT },
      { code: 'member_decline', source: SRC.QD124_KHT },
      { code: 'member_disciplined', minLevel: 'khien_trach', source: SRC.QD124_KHT },
    ],
    position: [
      { code: 'decline', source: SRC.QD124_KHT, verify: true },
      { code: 'targets_below', percent: 50, source: SRC.QD124_KHT, verify: true },
      { code: 'disciplined', minLevel: 'khien_trach', source: SRC.QD124_KHT, verify: true },
    ],
    // QĐ 124 Điều 12 words its KHT list for "tập thể"; read as also binding party organisations
    // (rules-audit.md Q24 [A]): a reading, each trigger can be turned off per cycle (parameters.triggers.unit).
    unit: [
      ...QD132_TRIGGERS.unit.map((t) => ({ ...t, ...QD124_UNVERIFIED })),
      { code: 'sub_units_disciplined_above', percent: 20, verify: true, source: `${SRC.QD124_KHT} [cách đọc: áp dụng cho tổ chức đảng]` },
      { code: 'corruption_in_scope', verify: true, source: `${SRC.QD124_KHT} [cách đọc: áp dụng cho tổ chức đảng]` },
    ],
  },
  organisation: {
    cell: { ...HD21_ORG_CELL, ...QD124_UNVERIFIED },
    committee: { ...HD21_ORG_COMMITTEE, ...QD124_UNVERIFIED },
  },
  // Q7: not in the QĐ 124 sources: HD 21's rule carried over as a labelled reading (weighed, parameter).
  collectiveNotAboveOrganisation: { enabled: true, source: `${SRC.HD21_COLLECTIVE} — mang sang, không có trong QĐ 124 (cách đọc; tham số collectiveNotAboveOrganisation)`, verify: true },
  caps: capsFor(
    { numerator: 'HTXS', base: 'HTT', scope: 'group', percent: 20, exceptionalPercent: null, rounding: 'floor', source: SRC.QD124_CAP },
    { numerator: 'HTXS', base: 'HTT', scope: 'group', percent: 20, exceptionalPercent: null, rounding: 'floor', source: SRC.QD124_CAP },
  ),
  scoring: null,
  readings: READINGS['QD124-HD25'],
};

const QD366_CAP: CapParameters = {
  numerator: 'HTXS',
  base: 'HTT',
  scope: 'group',
  percent: 20,
  exceptionalPercent: 25,
  rounding: 'floor',
  source: SRC.QD366_CAP,
};

/** QĐ 366 + HD 43 (review years 2025 on). */
export const QD366_HD43: RuleSet = {
  code: 'QD366-HD43',
  label: 'Quy định 366-QĐ/TW, Hướng dẫn 43-HD/BTCTW',
  eligibility: {
    excludedSource: SRC.QD366_SUBJECTS,
    newMember: { months: 6, reviewed: false, graded: false, source: SRC.QD366_SUBJECTS },
    newUnit: { months: 6, reviewed: false, graded: false, source: SRC.QD366_NEW_UNIT, verify: true },
  },
  sickLeave: { minMonths: 3, ceiling: null, source: SRC.HD43_SICK, verify: false },
  maternitySource: SRC.HD43_SICK,
  civilServant: { mode: 'weighed', source: SRC.QD366_REVIEWED_GRADED, verify: false },
  memberHtxsExceededPercent: null,
  selfRemedied: 'weighed',
  forceMajeure: 'weighed',
  triggers: {
    member: [
      { code: 'decline', source: SRC.QD366_KHT },
      { code: 'disciplined', minLevel: 'khien_trach', dutyRelatedOnly: true, source: SRC.QD366_KHT },
      { code: 'violation', source: SRC.QD366_KHT },
      { code: 'tasks_not_completed_above', percent: 50, source: SRC.QD366_KHT },
    ],
    collective: [
      { code: 'disunity', source: SRC.QD366_KHT },
      { code: 'member_disciplined', minLevel: 'khien_trach', dutyRelatedOnly: true, source: SRC.QD366_KHT },
      { code: 'member_decline', source: SRC.QD366_KHT },
      { code: 'tasks_completed_below', percent: 70, source: SRC.QD366_KHT },
    ],
    position: [
      { code: 'tasks_completed_below', percent: 70, source: SRC.QD366_KHT },
      { code: 'led_units_kht_above', percent: 50, source: SRC.QD366_KHT },
      { code: 'low_confidence_above', percent: 50, source: SRC.QD366_KHT },
      { code: 'disciplined', minLevel: 'khien_trach', dutyRelatedOnly: true, source: SRC.QD366_KHT },
      { code: 'decline', source: SRC.QD366_KHT },
      { code: 'corruption_in_scope', source: SRC.QD366_KHT },
    ],
    unit: [],
  },
  organisation: null,
  // R33: not in the QĐ 366 sources: HD 21's rule carried over as a labelled reading (weighed, parameter).
  collectiveNotAboveOrganisation: { enabled: true, source: `${SRC.HD21_COLLECTIVE} — mang sang, không có trong QĐ 366 (cách đọc; tham số collectiveNotAboveOrganisation)`, verify: true },
  caps: capsFor(QD366_CAP, QD366_CAP),
  scoring: {
    generalMax: 3000,
    tasksMax: 7000,
    htxsMin: 9000,
    httMin: 7000,
    htMin: 5000,
    htxsExceedingPercent: 30,
    htLatePercent: 20,
    source: SRC.QD366_FRAMEWORK,
  },
  readings: READINGS['QD366-HD43'],
};
