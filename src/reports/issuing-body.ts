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

const COMMITTEE_WORD = /^(Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy|Đảng ủy|Chi ủy|Chi bộ)/i;

/** "BAN THƯỜNG VỤ" → "Ban Thường vụ"; "HUYỆN ỦY" → "Huyện ủy" (a body's name capitalises its first word, and "Ban"'s next). */
function bodyCase(words: string): string {
  return words
    .toLocaleLowerCase('vi')
    .split(/\s+/)
    .map((w, i, all) => (i === 0 || (i === 1 && all[0] === 'ban') ? w.charAt(0).toLocaleUpperCase('vi') + w.slice(1) : w))
    .join(' ');
}

/**
 * The body that signs the report, as its annexes name it after "Kèm theo Báo cáo số … của …"
 * (seed 331-BC/HU: "T/M BAN THƯỜNG VỤ" signs, the annexes say "của Ban Thường vụ Huyện ủy"): the
 * words after "T/M" (HD 36: a collective signs on behalf, thay mặt), completed by the committee
 * ("Ban Thường vụ" + "Huyện ủy"); the committee itself when it signs in its own name ("T/M ĐẢNG ỦY"),
 * and the issuing body when no collective is named.
 */
export function signerBodyOf(settings: { signerAuthority: string; issuingBody: string }): string {
  const onBehalf = /^\s*T\s*\/\s*M\.?\s+(.+?)\s*$/i.exec(settings.signerAuthority)?.[1];
  if (!onBehalf) return settings.issuingBody;
  const committee = COMMITTEE_WORD.exec(settings.issuingBody)?.[1];
  const body = bodyCase(onBehalf);
  if (/^ban\s/i.test(body)) return committee ? `${body} ${bodyCase(committee)}` : `${body} ${settings.issuingBody}`;
  return settings.issuingBody.toLocaleLowerCase('vi').startsWith(body.toLocaleLowerCase('vi')) ? settings.issuingBody : body;
}
