/**
 * Who issues a unit's documents (HD 36 on the format of Party documents: the issuing body is the
 * unit's committee, "Đảng bộ huyện X" → "Huyện ủy X"). Shared by the narrative report's header
 * (report-settings.ts) and the forms workbook's header (forms-layout.ts), so both name it alike.
 */

const COMMITTEE: readonly [RegExp, string][] = [
  [/^Đảng bộ huyện /i, 'Huyện ủy '],
  [/^Đảng bộ tỉnh /i, 'Tỉnh ủy '],
  [/^Đảng bộ thành phố /i, 'Thành ủy '],
  [/^Đảng bộ thị xã /i, 'Thị ủy '],
  [/^Đảng bộ quận /i, 'Quận ủy '],
  [/^Đảng bộ /i, 'Đảng ủy '],
];

/** "Đảng bộ huyện Tam Đường" → "Huyện ủy Tam Đường"; a cell ("Chi bộ …") issues in its own name. */
export function issuingBodyOf(unitName: string): string {
  for (const [re, by] of COMMITTEE) if (re.test(unitName)) return unitName.replace(re, by);
  return unitName;
}
