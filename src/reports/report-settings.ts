/**
 * Default settings of a new report, derived from the unit (HD 36: the issuing body is the
 * committee, "Đảng bộ huyện X" → "Huyện ủy X"; its parent body is the unit above; the number's
 * symbol is BC / the committee's abbreviation), and the merge of stored settings over them.
 */
import type { UnitKind } from '../domain/codes.js';
import { issuingBodyOf } from './issuing-body.js';
import type { ReportRounding, ReportSettings } from './report-types.js';

/** The unit a report is issued for, as the tree has it. */
export interface ReportUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parentName: string | null;
}

/** The committee's name now lives in issuing-body.ts (shared with the forms workbook's header). */
export { issuingBodyOf };

/** "Đảng bộ huyện Tam Đường" → "Tam Đường" (the place before the date). */
export function placeOf(unitName: string): string {
  return unitName.replace(/^(Đảng bộ|Chi bộ)\s+(huyện|tỉnh|thành phố|thị xã|quận|xã|phường|thị trấn)?\s*/i, '').trim() || unitName;
}

/** The number's symbol: "-BC/HU" for a district committee (the number itself is given when issued). */
export function numberSymbolOf(kind: UnitKind): string {
  const abbr = kind === 'province_committee' ? 'TU' : kind === 'district_committee' ? 'HU' : kind === 'grassroots_committee' ? 'ĐU' : 'CB';
  return `-BC/${abbr}`;
}

/**
 * The number as printed: a number not yet given ("-BC/HU", the symbol alone) keeps a blank before
 * the symbol for the office to write it in when the report is issued ("Số      -BC/HU", HD 36).
 */
export function numberAsPrinted(number: string, blank = '\u00a0'.repeat(6)): string {
  return number.startsWith('-') ? `${blank}${number}` : number;
}

/** Settings of a new report of `unit` dated `date`. */
export function defaultSettings(unit: ReportUnit, date: string): ReportSettings {
  const superior = unit.kind === 'district_committee' ? 'Tỉnh ủy' : 'cấp trên';
  return {
    number: numberSymbolOf(unit.kind),
    date,
    place: placeOf(unit.name),
    issuingBody: issuingBodyOf(unit.name),
    parentBody: unit.parentName ?? '',
    signerAuthority: 'T/M BAN THƯỜNG VỤ',
    signerTitle: 'BÍ THƯ',
    signerName: '',
    recipients: [`Ban Tổ chức ${superior},`, 'Lưu.'],
    decimals: 2,
    rounding: 'half-up',
    printHttUp: false,
    deploymentFootnote: '',
    citeAudit: false,
  };
}

const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);

/** Stored settings JSON over the defaults; unknown or ill-typed keys are ignored. */
export function mergeSettings(base: ReportSettings, stored: Record<string, unknown>): ReportSettings {
  const decimals = typeof stored.decimals === 'number' && Number.isInteger(stored.decimals) && stored.decimals >= 0 && stored.decimals <= 4 ? stored.decimals : base.decimals;
  const rounding: ReportRounding = stored.rounding === 'largest-remainder' || stored.rounding === 'half-up' ? stored.rounding : base.rounding;
  const recipients = Array.isArray(stored.recipients) && stored.recipients.every((r) => typeof r === 'string') ? (stored.recipients as string[]) : base.recipients;
  return {
    ...base,
    issuingBody: str(stored.issuingBody, base.issuingBody),
    parentBody: str(stored.parentBody, base.parentBody),
    signerAuthority: str(stored.signerAuthority, base.signerAuthority),
    deploymentFootnote: str(stored.deploymentFootnote, base.deploymentFootnote),
    recipients,
    decimals,
    rounding,
    printHttUp: typeof stored.printHttUp === 'boolean' ? stored.printHttUp : base.printHttUp,
    citeAudit: typeof stored.citeAudit === 'boolean' ? stored.citeAudit : base.citeAudit,
  };
}

/** The keys of ReportSettings kept in the settings JSON (the rest have their own columns). */
export const SETTINGS_JSON_KEYS = ['issuingBody', 'parentBody', 'signerAuthority', 'recipients', 'decimals', 'rounding', 'printHttUp', 'deploymentFootnote', 'citeAudit'] as const;
