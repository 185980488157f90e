/**
 * Sections I.2.2.3 (leadership collectives, form TT), I.2.2.4 (leaders, form CN) and I.2.2.5
 * (appraisal and re-grading) of the report, modelled on the seed 331-BC/HU.
 */
import { POSITION_GROUP_LABELS, POSITION_GROUPS, type PositionGroup } from '../domain/codes.js';
import { DEFAULT_ANNEX_CODES } from '../domain/forms/index.js';
import { formatCountVi } from '../domain/format/index.js';
import { gradedGroups, higherLevelLeaders } from './report-groups.js';
import type { ReportParagraph, ReportRecords } from './report-types.js';
import { type ClaimWriter, gradeBreakdown } from './report-writer.js';
import type { LevelWords } from './report-words.js';

const LEVEL_NAMES: Record<string, string> = { tinh: 'Cấp tỉnh', huyen: 'Cấp huyện', co_so: 'Cấp cơ sở' };
const GRADES = ['htxs', 'htt', 'ht', 'kht'] as const;

/** Levels the form states with a non-zero total, top first. */
function levelsIn(cw: ClaimWriter, form: 'TT' | 'CN'): string[] {
  return ['tinh', 'huyen', 'co_so'].filter((l) =>
    form === 'TT' ? cw.cell({ form, row: `${l}.total`, col: 'total' }) > 0 : cw.cell({ form, row: l, col: 'total' }) > 0,
  );
}

/** "; hoàn thành tốt nhiệm vụ trở lên 27 tập thể, chiếm 93,10% số tập thể được đánh giá, xếp loại" when the report prints it (claimed on `L.graded.htt_up`). */
function httUpOfLevel(cw: ClaimWriter, l: string): string {
  if (!cw.httUp) return '';
  const up = cw.percent({ form: 'TT', row: `${l}.graded.htt_up`, col: 'total', noun: 'tập thể' }, `${l}.graded`, `2.2.3-${l}-htt-up`);
  up.claim();
  const share = up.percent === null ? '' : `, chiếm ${up.percent}% số tập thể được đánh giá, xếp loại`;
  return `; hoàn thành tốt nhiệm vụ trở lên ${up.count} tập thể${share}`;
}

/** §2.2.3: collectives per level, graded share, and the seed's groups with their grades. */
export function collectiveParagraphs(cw: ClaimWriter, records: ReportRecords, w: LevelWords): ReportParagraph[] {
  const levels = levelsIn(cw, 'TT');
  const out: ReportParagraph[] = [];
  const all = cw.count({ form: 'TT', row: levels.map((l) => `${l}.total`), col: 'total' }, 'tập thể');
  out.push({ kind: 'body', text: `Tổng số tập thể lãnh đạo, quản lý các cấp: ${all}, trong đó:` });
  for (const l of levels) {
    const total = cw.count({ form: 'TT', row: `${l}.total`, col: 'total' }, 'tập thể');
    const g = cw.percent({ form: 'TT', row: `${l}.graded`, col: 'total', noun: 'tập thể' }, `${l}.total`, `2.2.3-${l}-status`);
    g.claim();
    const levelName = LEVEL_NAMES[l] ?? l;
    // GUIDE.md §5: the percentage names its base (the collectives of the level).
    const share = g.percent ? `, đạt ${g.percent}% tổng số tập thể ${levelName.toLocaleLowerCase('vi')}` : '';
    out.push({
      kind: 'body',
      text: `- ${levelName} có ${total} tập thể; số đã được đánh giá, xếp loại ${g.count} tập thể${share}${httUpOfLevel(cw, l)}. Kết quả đánh giá, xếp loại như sau:`,
    });
    for (const group of gradedGroups(records, w, l)) {
      const n = group.grades.reduce((a, b) => a + b, 0);
      let counts: string[] | undefined;
      let head = formatCountVi(n);
      if (group.col) {
        const col = group.col;
        head = cw.count({ form: 'TT', row: `${l}.graded`, col }, 'tập thể');
        counts = GRADES.map((gr, i) => (group.grades[i] ? cw.count({ form: 'TT', row: `${l}.graded.${gr}`, col }) : '0'));
      }
      out.push({ kind: 'body', text: `+ ${group.label}: ${head}${gradeBreakdown(group.grades, counts)}.` });
    }
  }
  out.push({ kind: 'note', text: `(Có biểu số ${DEFAULT_ANNEX_CODES.TT ?? 'TT'} kèm theo)` });
  return out;
}

/** How the text names a position group (seed §2.2.4), falling back to the form's label. */
function positionLabel(group: PositionGroup, w: LevelWords): string {
  const own: Partial<Record<string, string>> = {
    bi_thu: `Bí thư ${w.committee}`,
    pho_bi_thu: `Phó Bí thư ${w.committee}`,
    uv_btv: `Ủy viên Ban Thường vụ ${w.committee}`,
    pct_uv_bch: `Phó Chủ tịch HĐND, Phó Chủ tịch UBND ${w.place} là Ủy viên Ban Chấp hành ${w.partyBody}`,
    truong_phong_uv_bch: `Trưởng các phòng, ban là Ủy viên Ban Chấp hành ${w.partyBody}`,
    truong_phong_khac: `Trưởng các phòng, ban không phải là Ủy viên Ban Chấp hành ${w.partyBody}`,
    pho_phong: 'Phó các phòng, ban và tương đương',
  };
  const base: Partial<Record<string, string>> = {
    bi_thu: `Bí thư đảng ủy ${w.communes}`,
    pho_bi_thu: `Phó Bí thư Thường trực đảng ủy, Phó Bí thư - Chủ tịch UBND ${w.communes}`,
    uv_bch: `Ủy viên Ban Chấp hành đảng bộ ${w.communes}`,
  };
  const [level, key = ''] = group.split('.');
  const label = level === w.level ? own[key] : level === 'co_so' ? base[key] : undefined;
  return label ?? POSITION_GROUP_LABELS[group];
}

/** §2.2.4: leaders graded per level and position group, and those the superior grades. */
export function leaderParagraphs(cw: ClaimWriter, records: ReportRecords, w: LevelWords): ReportParagraph[] {
  const levels = levelsIn(cw, 'CN');
  const out: ReportParagraph[] = [];
  const all = cw.count({ form: 'CN', row: levels, col: 'graded' }, 'cá nhân');
  out.push({ kind: 'body', text: `Tổng số cá nhân cán bộ lãnh đạo, quản lý các cấp đã đánh giá, xếp loại: ${all} cá nhân, trong đó:` });
  const higher = higherLevelLeaders(records);
  for (const l of levels) {
    // CN's "HTT trở lên" is a column: its share of `graded` has no row base to claim, so only its count is printed.
    const up = cw.httUp ? ` (hoàn thành tốt nhiệm vụ trở lên ${cw.count({ form: 'CN', row: l, col: 'htt_up' }, 'đồng chí')} đồng chí)` : '';
    out.push({ kind: 'body', text: `- ${LEVEL_NAMES[l] ?? l}: ${cw.count({ form: 'CN', row: l, col: 'graded' }, 'đồng chí')} đồng chí${up}, cụ thể:` });
    for (const group of POSITION_GROUPS.filter((p) => p.startsWith(`${l}.`))) {
      const graded = cw.cell({ form: 'CN', row: group, col: 'graded' });
      if (graded === 0) continue;
      const head = cw.count({ form: 'CN', row: group, col: 'graded' }, 'đồng chí');
      const grades = GRADES.map((g) => cw.cell({ form: 'CN', row: group, col: g })) as [number, number, number, number];
      const counts = GRADES.map((g, i) => (grades[i] ? cw.count({ form: 'CN', row: group, col: g }) : '0'));
      let text = `+ ${positionLabel(group, w)}: ${head} đồng chí${gradeBreakdown(grades, counts)}.`;
      if (group === `${w.level}.uv_btv` && higher.count > 0) {
        text += ` Riêng ${formatCountVi(higher.count)} đồng chí Thường trực ${w.committee} đề nghị Ban Thường vụ ${w.superior} xếp loại${gradeBreakdown(higher.proposed).toLocaleLowerCase('vi')}.`;
      }
      out.push({ kind: 'body', text });
    }
  }
  out.push({ kind: 'note', text: `(Có biểu số ${DEFAULT_ANNEX_CODES.CN ?? 'CN'} kèm theo)` });
  return out;
}

/** §2.2.5: appraisal after the decision and the members re-graded (GUIDE.md §4.8). */
export function appraisalParagraphs(records: ReportRecords, w: LevelWords): ReportParagraph[] {
  const n = records.regradedMembers;
  const result = n > 0 ? `có ${formatCountVi(n)} đảng viên được đề nghị đánh giá, xếp loại lại.` : 'không có trường hợp phải đánh giá, xếp loại lại.';
  return [
    {
      kind: 'body',
      text:
        `Ban Thường vụ ${w.committee} đã chỉ đạo cấp ủy, các cơ quan liên quan tự kiểm tra, rà soát, thẩm định lại kết quả đánh giá, ` +
        `xếp loại các tập thể, cá nhân sau khi có kết quả xếp loại của cấp có thẩm quyền theo quy định. Qua rà soát, thẩm định, ${result}`,
    },
  ];
}
