/**
 * A whole data set as plain domain objects (camelCase), shaped after src/db/schema.ts: what a
 * generator (the demo district, later a generated province) produces and `insertDataset` writes.
 * Every id is made by the generator, so the objects reference each other before any row exists.
 */
import type {
  CollectiveKind,
  Level,
  OrgType,
  PersonEventKind,
  PositionGroup,
  SubjectKind,
  UnitKind,
} from '../domain/codes.js';
import type { EvaluationState, HistoryAction } from '../domain/model/evaluations.js';
import type { Sex } from '../domain/model/people.js';

/** One period of a unit's parent, name, kind and organisation type (half-open). */
export interface DatasetUnitVersion {
  id: string;
  parentId: string | null;
  name: string;
  kind: UnitKind;
  orgType: OrgType | null;
  validFrom: string;
  validTo: string | null;
}

export interface DatasetUnit {
  id: string;
  code: string;
  createdAt: string;
  versions: DatasetUnitVersion[];
}

export interface DatasetCollective {
  id: string;
  code: string;
  unitId: string;
  name: string;
  kind: CollectiveKind;
  level: Level;
  validFrom: string;
  validTo: string | null;
}

export interface DatasetPerson {
  id: string;
  cardNumber: string;
  fullName: string;
  searchKey: string;
  birthDate: string | null;
  sex: Sex;
  admittedOn: string;
  officialOn: string | null;
  isCivilServant: boolean;
  createdAt: string;
}

export interface DatasetMembership {
  id: string;
  personId: string;
  unitId: string;
  validFrom: string;
  validTo: string | null;
}

export interface DatasetPersonEvent {
  id: string;
  personId: string;
  kind: PersonEventKind;
  level: string | null;
  startsOn: string;
  endsOn: string | null;
  note: string | null;
}

export interface DatasetPosition {
  id: string;
  personId: string;
  unitId: string;
  positionGroup: PositionGroup;
  title: string;
  decidingUnitId: string | null;
  validFrom: string;
  validTo: string | null;
}

/** A position seated on a leadership collective over a period (collective_members). */
export interface DatasetCollectiveMember {
  id: string;
  collectiveId: string;
  positionId: string;
  validFrom: string;
  validTo: string | null;
}

export interface DatasetDeadline {
  id: string;
  /** Unit kind whose submissions are due. */
  level: string;
  dueOn: string;
}

export interface DatasetCycle {
  id: string;
  year: number;
  period: string;
  ruleSet: string;
  referenceDate: string;
  title: string;
  createdAt: string;
  deadlines: DatasetDeadline[];
}

export interface DatasetHistoryEntry {
  id: string;
  at: string;
  actor: string;
  action: HistoryAction;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  reason: string | null;
}

/** An evaluation as generated: its identity, its state (the domain's EvaluationState), its history. */
export interface DatasetEvaluation extends EvaluationState {
  id: string;
  cycleId: string;
  subjectKind: SubjectKind;
  subjectId: string;
  unitId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Oldest first. */
  history: DatasetHistoryEntry[];
}

export interface DatasetReviewTopic {
  id: string;
  cycleId: string;
  subjectKind: SubjectKind;
  subjectId: string;
  managedBy: string;
  assignedByUnitId: string;
  topic: string;
}

/**
 * The parts of a data set, in insertion order. Any part may be a lazy iterable (a generator), so a
 * province of hundreds of thousands of members can stream through `insertDataset`; each part is
 * read once.
 */
export interface DatasetSource {
  units: Iterable<DatasetUnit>;
  collectives: Iterable<DatasetCollective>;
  persons: Iterable<DatasetPerson>;
  memberships: Iterable<DatasetMembership>;
  personEvents: Iterable<DatasetPersonEvent>;
  positions: Iterable<DatasetPosition>;
  /** The positions seated on each collective (optional: a set without them seats none). */
  collectiveMembers?: Iterable<DatasetCollectiveMember>;
  cycles: Iterable<DatasetCycle>;
  evaluations: Iterable<DatasetEvaluation>;
  reviewTopics: Iterable<DatasetReviewTopic>;
}

/** A data set held in memory (what the demo generator returns). */
export interface Dataset extends DatasetSource {
  units: DatasetUnit[];
  collectives: DatasetCollective[];
  persons: DatasetPerson[];
  memberships: DatasetMembership[];
  personEvents: DatasetPersonEvent[];
  positions: DatasetPosition[];
  collectiveMembers?: DatasetCollectiveMember[];
  cycles: DatasetCycle[];
  evaluations: DatasetEvaluation[];
  reviewTopics: DatasetReviewTopic[];
  /** Where the generator could not follow a rule (e.g. the 20% cap), in words, for the record. */
  notes: string[];
}
