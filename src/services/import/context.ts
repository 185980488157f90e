/**
 * The state of one import while it is checked: what is stored (read once), what the file adds so
 * far, the rows to write, the issues found, and the questions every sheet asks of both together
 * (does this unit exist over this period, is it in the user's scope).
 */
import { nowIso } from '../../db/ids.js';
import type { ImportRows } from '../../db/queries/import-write.js';
import type { StoredCollective, StoredCollectiveMember, StoredMembership, StoredPerson, StoredPosition, StoredVersion } from '../../db/queries/import-snapshot.js';
import type { PersonEvent } from '../../domain/model/people.js';
import { firstUncoveredDate, type Period, periodsOverlap, unitGapError } from '../../domain/model/units.js';
import type { TreeVersion } from '../../domain/tree-rules.js';
import type { AppError } from '../../domain/errors.js';
import { type ColumnMap, placeOf } from './parse-rows.js';
import type { SheetKey } from './sheets.js';
import type { ImportIssue, RawTable, SheetSummary } from './types.js';

/** Who imports: null for the whole tree (an administrator, the command line), else the scope unit. */
export type ImportScope = { unitId: string; code: string } | null;

/** Every row the import will write, by table. */
export type WritePlan = ImportRows;

/** What is stored that the file's rows are compared with. */
export interface Stored {
  versions: Map<string, StoredVersion[]>;
  persons: Map<string, StoredPerson>;
  memberships: Map<string, StoredMembership[]>;
  events: Map<string, (PersonEvent & { personId: string })[]>;
  collectives: Map<string, StoredCollective>;
  positions: Map<string, StoredPosition[]>;
  /** Seats of the collectives the file names, by collective id. */
  collectiveMembers: Map<string, StoredCollectiveMember[]>;
}

/** A unit version as the file gives it (new units only). */
export interface FileVersion extends TreeVersion {
  row: number;
  parentCode: string | null;
}

/** Where a sheet's rows are, for issues. */
export interface SheetPlace {
  table: RawTable;
  map: ColumnMap;
}

export class ImportContext {
  readonly issues: ImportIssue[] = [];
  readonly plan: WritePlan = { units: [], versions: [], persons: [], personUpdates: [], memberships: [], events: [], collectives: [], positions: [], collectiveMembers: [] };
  readonly summaries = new Map<SheetKey, SheetSummary>();
  /** New units of the file: code → id, and their versions. */
  readonly newUnitIds = new Map<string, string>();
  readonly fileVersions = new Map<string, FileVersion[]>();
  /** Persons the file names (new or stored): card → person id. */
  readonly personIds = new Map<string, string>();
  /** Codes of the collectives the file creates. */
  readonly newCollectives = new Set<string>();
  private combined: TreeVersion[] | undefined;
  /** When the import runs: the created_at of what it creates. */
  readonly now = nowIso();

  constructor(
    readonly stored: Stored,
    readonly scope: ImportScope,
  ) {}

  /** Adds an issue at a row (and field) of a sheet. */
  add(where: SheetPlace, row: number | null, field: string | null, code: string, message: { vi: string; en: string }, value?: string | null): void {
    this.issues.push({ ...placeOf(where.table, where.map, row, field), value: value ?? null, code, message });
  }

  /** Adds a thrown AppError as an issue (its field names the column). */
  addError(where: SheetPlace, row: number, e: AppError, value?: string | null, field?: string): void {
    this.add(where, row, field ?? e.field ?? null, e.code, e.messages, value);
  }

  /** The summary of a sheet, created on first use. */
  summary(key: SheetKey, sheet: string): SheetSummary {
    let s = this.summaries.get(key);
    if (!s) this.summaries.set(key, (s = { key, sheet, rows: 0, created: 0, updated: 0, unchanged: 0 }));
    return s;
  }

  /** The unit's id, stored or new; undefined when neither. */
  unitId(code: string): string | undefined {
    return this.stored.versions.get(code)?.[0]?.unitId ?? this.newUnitIds.get(code);
  }

  /** The unit's versions, stored and new. */
  unitVersions(code: string): readonly (Period & { kind: TreeVersion['kind'] })[] {
    return this.stored.versions.get(code) ?? this.fileVersions.get(code) ?? [];
  }

  /** Null when `code` exists throughout `period`; else the error naming the first missing day (or that it does not exist). */
  unitGap(code: string, period: Period, error: 'ParentNotValid' | 'UnitNotValidOnDate', field: string): { code: string; message: { vi: string; en: string } } | null {
    const versions = this.unitVersions(code);
    if (versions.length === 0) {
      return {
        code: error === 'ParentNotValid' ? 'ParentNotValid' : 'UnitNotFound',
        message: {
          vi: `${error === 'ParentNotValid' ? 'Đơn vị cấp trên' : 'Đơn vị'} «${code}» không có trong tệp nhập cũng như trong dữ liệu đã có.`,
          en: `${error === 'ParentNotValid' ? 'Parent unit' : 'Unit'} "${code}" is neither in the file nor stored.`,
        },
      };
    }
    const gap = firstUncoveredDate(period, versions);
    if (gap === null) return null;
    const e = unitGapError({ code, gap, versions, error, field });
    return { code: e.code, message: e.messages };
  }

  /** True when the unit has a version of a kind outside `kinds` during `period`. */
  unitKindOutside(code: string, period: Period, kinds: readonly string[]): boolean {
    return this.unitVersions(code).some((v) => periodsOverlap(v, period) && !kinds.includes(v.kind));
  }

  /** Forgets the combined tree (after the file's units are added). */
  resetTree(): void {
    this.combined = undefined;
    this.byId = undefined;
  }

  /** Stored versions with the file's new ones: the tree the import would leave. */
  tree(): TreeVersion[] {
    if (!this.combined) {
      this.combined = [...[...this.stored.versions.values()].flat(), ...[...this.fileVersions.values()].flat()];
    }
    return this.combined;
  }

  /**
   * True when the user may write to `unitCode` on `date`: the whole tree, or a unit whose ancestors
   * that day (in the tree the import would leave) include the scope unit.
   */
  inScope(unitCode: string, date: string): boolean {
    if (this.scope === null) return true;
    const byUnit = this.unitsById();
    let id = this.unitId(unitCode);
    for (let steps = 0; id !== undefined && steps < 200; steps++) {
      if (id === this.scope.unitId) return true;
      const v = byUnit.get(id)?.find((x) => x.validFrom <= date && (x.validTo === null || date < x.validTo)) ?? byUnit.get(id)?.[0];
      id = v?.parentId ?? undefined;
    }
    return false;
  }

  private byId: Map<string, TreeVersion[]> | undefined;
  private unitsById(): Map<string, TreeVersion[]> {
    if (!this.byId) {
      this.byId = new Map();
      for (const v of this.tree()) {
        const list = this.byId.get(v.unitId);
        if (list) list.push(v);
        else this.byId.set(v.unitId, [v]);
      }
    }
    return this.byId;
  }
}

/** The refusal of a row outside the user's scope. */
export function outOfScope(scope: NonNullable<ImportScope>, unitCode: string): { vi: string; en: string } {
  return {
    vi: `Đơn vị «${unitCode}» nằm ngoài phạm vi của tài khoản (phạm vi: «${scope.code}»); không được nhập dữ liệu cho đơn vị này.`,
    en: `Unit "${unitCode}" is outside your scope ("${scope.code}"); you may not import data for it.`,
  };
}
