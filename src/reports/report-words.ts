/**
 * Words that depend on the level of the reporting committee (GUIDE.md §2: depth and level names are
 * data), dates as Party documents write them (HD 36 Phụ lục 3: "Tam Đường, ngày 10 tháng 01 năm
 * 2023"), and paragraphs split from prose.
 */
import type { Level, UnitKind } from '../domain/codes.js';
import type { ParagraphKind, ReportParagraph } from './report-types.js';

/** How the text names the reporting committee and the levels around it. */
export interface LevelWords {
  /** Level code of the committee's own collectives and leaders (TT/CN sections). */
  level: Level;
  /** "huyện", "tỉnh". */
  place: string;
  /** "Huyện ủy", "Tỉnh ủy". */
  committee: string;
  /** "Đảng bộ huyện". */
  partyBody: string;
  /** The level above: "Tỉnh ủy" (a district's standing members are graded by the province). */
  superior: string;
  /** "các xã, thị trấn". */
  communes: string;
}

/** Level words of the reporting unit's kind (district by default). */
export function levelWords(kind: UnitKind): LevelWords {
  if (kind === 'province_committee') {
    return { level: 'tinh', place: 'tỉnh', committee: 'Tỉnh ủy', partyBody: 'Đảng bộ tỉnh', superior: 'Trung ương', communes: 'các xã, phường' };
  }
  return { level: 'huyen', place: 'huyện', committee: 'Huyện ủy', partyBody: 'Đảng bộ huyện', superior: 'Tỉnh ủy', communes: 'các xã, thị trấn' };
}

const pad2 = (n: string) => n.padStart(2, '0');

/** "2023-01-10" → "ngày 10 tháng 01 năm 2023" (HD 36: days and months under 10 with a leading zero). */
export function viLongDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `ngày ${pad2(d ?? '')} tháng ${pad2(m ?? '')} năm ${y ?? ''}`;
}

/** Splits prose into paragraphs, one per non-empty line. */
export function proseParagraphs(text: string, kind: ParagraphKind = 'body'): ReportParagraph[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => ({ kind, text: line }));
}

/** Capitalises the first letter (Vietnamese-aware). */
export function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

/** The line staff write in the preparation prose where §2.1.1's numbers go (GUIDE.md §5; seed 331-BC/HU). */
export const NUMBERS_MARKER = '[số liệu]';

/** Paragraphs before the numbers when the prose has no marker: the seed's first two (report and comments). */
const DEFAULT_BEFORE_NUMBERS = 2;

/**
 * The preparation prose split around §2.1.1's numbers: at the marker line `[số liệu]` when present
 * (first one; later ones dropped), else after the second paragraph, where the seed puts them —
 * after "lấy ý kiến góp ý vào báo cáo kiểm điểm", before "khắc phục những hạn chế".
 */
export function splitAtNumbers(text: string): { before: ReportParagraph[]; after: ReportParagraph[] } {
  const isMarker = (line: string) => line.trim().toLocaleLowerCase('vi') === NUMBERS_MARKER;
  const lines = text.split(/\r?\n/);
  const at = lines.findIndex(isMarker);
  if (at < 0) {
    const all = proseParagraphs(text);
    return { before: all.slice(0, DEFAULT_BEFORE_NUMBERS), after: all.slice(DEFAULT_BEFORE_NUMBERS) };
  }
  const rest = lines.slice(at + 1).filter((l) => !isMarker(l));
  return { before: proseParagraphs(lines.slice(0, at).join('\n')), after: proseParagraphs(rest.join('\n')) };
}
