/**
 * The sheets of an import (issue #10 item 1), one per kind of record, each named as the template
 * shows it and as a CSV file. A sheet's columns ARE the API body it stands for: its row schema is
 * built from the route's zod schema (src/schemas/), so a field added to the API is a column here,
 * typed and checked the same way, with no other change. Column types and the codes' lists come from
 * the schema's JSON Schema; the Vietnamese labels are what the template shows (a field without one
 * shows its name).
 */
import { z } from 'zod';
import {
  COLLECTIVE_KIND_LABELS,
  DISCIPLINE_LEVEL_LABELS,
  LEVEL_LABELS,
  ORG_TYPE_LABELS,
  PERSON_EVENT_LABELS,
  POSITION_GROUP_LABELS,
  UNIT_KIND_LABELS,
} from '../../domain/codes.js';
import { collectiveMemberRow, createCollectiveBody, createPositionBody } from '../../schemas/collectives.js';
import { cardNumberSchema } from '../../schemas/common.js';
import { createPersonBody, eventBody, membershipBody } from '../../schemas/persons.js';
import { createUnitBody } from '../../schemas/units.js';

export const SHEET_KEYS = ['units', 'persons', 'events', 'collectives', 'positions', 'collectiveMembers'] as const;
export type SheetKey = (typeof SHEET_KEYS)[number];

/** The row schema of each sheet, from the API's schemas. */
export const ROW_SCHEMAS = {
  units: createUnitBody,
  /** A person with one membership (a person with several cells over time: one row per cell). */
  persons: createPersonBody.extend(membershipBody.partial().shape),
  events: eventBody.extend({ cardNumber: cardNumberSchema }),
  collectives: createCollectiveBody,
  positions: createPositionBody,
  collectiveMembers: collectiveMemberRow,
} as const;

export type RowOf<K extends SheetKey> = z.output<(typeof ROW_SCHEMAS)[K]>;

/** How a column's cells are read: the JSON Schema type of the field. */
export type ColumnType = 'string' | 'date' | 'boolean' | 'integer' | 'number' | 'enum';

export interface ColumnSpec {
  field: string;
  label: string;
  type: ColumnType;
  required: boolean;
  /** The codes an enum column takes, with their Vietnamese labels. */
  values?: readonly string[];
  valueLabels?: Readonly<Record<string, string>>;
}

export interface SheetSpec {
  key: SheetKey;
  /** The sheet's name in the workbook. */
  sheet: string;
  /** The CSV file's name in a folder. */
  file: string;
  columns: readonly ColumnSpec[];
  /** False for a sheet the product recognises but cannot store (none since migration 0020 stores collective members). */
  stored: boolean;
}

const DATE_LABELS = { validFrom: 'Hiệu lực từ ngày', validTo: 'Hết hiệu lực từ ngày' };

const LABELS: Record<SheetKey, Record<string, string>> = {
  units: { code: 'Mã đơn vị', name: 'Tên đơn vị', kind: 'Loại tổ chức đảng', orgType: 'Loại hình', parentCode: 'Mã đơn vị cấp trên', ...DATE_LABELS },
  persons: {
    cardNumber: 'Số thẻ đảng viên',
    fullName: 'Họ và tên',
    birthDate: 'Ngày sinh',
    sex: 'Giới tính',
    admittedOn: 'Ngày vào Đảng',
    officialOn: 'Ngày chính thức',
    isCivilServant: 'Là công chức, viên chức',
    unitCode: 'Mã chi bộ',
    validFrom: 'Sinh hoạt từ ngày',
    validTo: 'Thôi sinh hoạt từ ngày',
  },
  events: {
    cardNumber: 'Số thẻ đảng viên',
    kind: 'Loại sự kiện',
    level: 'Hình thức kỷ luật',
    startsOn: 'Từ ngày', endsOn: 'Kết thúc từ ngày',
    note: 'Ghi chú',
    dutyRelated: 'Liên quan đến chức trách, nhiệm vụ',
    selfDetectedRemedied: 'Tự phát hiện và khắc phục',
    violationYear: 'Năm vi phạm',
    documentNumber: 'Số quyết định',
    documentDate: 'Ngày quyết định',
  },
  collectives: { code: 'Mã tập thể', unitCode: 'Mã đơn vị', name: 'Tên tập thể', kind: 'Loại tập thể', level: 'Cấp', ...DATE_LABELS },
  positions: {
    cardNumber: 'Số thẻ đảng viên',
    unitCode: 'Mã đơn vị',
    positionGroup: 'Nhóm chức vụ',
    title: 'Chức danh',
    decidingUnitCode: 'Mã cấp quyết định xếp loại',
    validFrom: 'Giữ chức vụ từ ngày',
    validTo: 'Thôi giữ chức vụ từ ngày',
  },
  collectiveMembers: { collectiveCode: 'Mã tập thể', cardNumber: 'Số thẻ đảng viên', unitCode: 'Mã đơn vị của chức vụ', positionGroup: 'Nhóm chức vụ', ...DATE_LABELS },
};

const NAMES: Record<SheetKey, [sheet: string, file: string]> = {
  units: ['Đơn vị', 'units.csv'],
  persons: ['Đảng viên', 'persons.csv'],
  events: ['Sự kiện', 'events.csv'],
  collectives: ['Tập thể', 'collectives.csv'],
  positions: ['Chức vụ', 'positions.csv'],
  collectiveMembers: ['Thành viên tập thể', 'collective-members.csv'],
};

/** Vietnamese labels of the codes: an enum column reads a label as its code and the template lists both. */
const CODE_LABELS: readonly Readonly<Record<string, string>>[] = [
  UNIT_KIND_LABELS,
  ORG_TYPE_LABELS,
  { nam: 'Nam', nu: 'Nữ' },
  PERSON_EVENT_LABELS,
  DISCIPLINE_LEVEL_LABELS,
  COLLECTIVE_KIND_LABELS,
  LEVEL_LABELS,
  POSITION_GROUP_LABELS,
];

type JsonProp = { type?: string; format?: string; enum?: string[]; anyOf?: JsonProp[] };

/** The column type of a JSON Schema property (a nullable one is read as its non-null part). */
function columnType(prop: JsonProp): { type: ColumnType; values?: string[] } {
  const p = prop.anyOf?.find((x) => x.type !== 'null') ?? prop;
  if (p.enum) return { type: 'enum', values: p.enum };
  if (p.type === 'string') return { type: p.format === 'date' ? 'date' : 'string' };
  if (p.type === 'boolean' || p.type === 'integer' || p.type === 'number') return { type: p.type };
  return { type: 'string' };
}

function labelsFor(values: readonly string[]): Record<string, string> | undefined {
  return CODE_LABELS.find((labels) => values.every((v) => v in labels));
}

/** The columns of a row schema, in the schema's order. */
export function columnsOf(key: SheetKey): ColumnSpec[] {
  const json = z.toJSONSchema(ROW_SCHEMAS[key], { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, JsonProp>; required?: string[] };
  // The labels' order (the card number first); a field without a label after them, in the schema's order.
  const order = Object.keys(LABELS[key]);
  const rank = (f: string) => (order.includes(f) ? order.indexOf(f) : order.length);
  const fields = Object.entries(json.properties).sort(([a], [b]) => rank(a) - rank(b));
  return fields.map(([field, prop]) => {
    const { type, values } = columnType(prop);
    const valueLabels = values ? labelsFor(values) : undefined;
    return { field, label: LABELS[key][field] ?? field, type, required: json.required?.includes(field) ?? false, ...(values ? { values } : {}), ...(valueLabels ? { valueLabels } : {}) };
  });
}

/** Every sheet, in the order they are read and written (units before what refers to them). */
export const SHEETS: readonly SheetSpec[] = SHEET_KEYS.map((key) => ({ key, sheet: NAMES[key][0], file: NAMES[key][1], columns: columnsOf(key), stored: true }));

/** The spec of a sheet key. */
export function sheetSpec(key: SheetKey): SheetSpec {
  return SHEETS.find((s) => s.key === key)!;
}
