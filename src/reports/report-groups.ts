/**
 * Groups of collectives the way the seed report lists them (331-BC/HU §2.1.1 and §2.2.3), derived
 * from the collective's kind and level and the kind of the unit it belongs to. The forms cannot
 * hold these splits (TT has one column for the committee's advisory bodies and the government's
 * departments, one for party committees and cell committees), so they come from the records.
 */
import type { Grade } from '../domain/codes.js';
import type { CollectiveRecord, ReportRecords, UnitRecord } from './report-types.js';
import type { LevelWords } from './report-words.js';

/** A labelled group with its members' count and, where split, its parts. */
export interface CountedGroup {
  label: string;
  count: number;
  parts?: { label: string; count: number }[];
}

/** A labelled group of graded subjects with their grades in order HTXS, HTT, HT, KHT. */
export interface GradedGroup {
  label: string;
  grades: [number, number, number, number];
  /** The TT column it equals, when it is one whole column of the form (then its numbers are claimed). */
  col?: string;
}

/** The committee's advisory bodies: named after the committee, or the political centre (seed §2.1.1). */
const ADVISORY = /(Huyện|Tỉnh|Thành|Quận|Thị) ủy|Trung tâm Chính trị/i;

type CollectiveGroupKey = 'own' | 'tham_muu' | 'phong_ban' | 'mttq_doan_the' | 'cap_uy' | 'hdnd' | 'ubnd' | 'other';

/** Which group a collective belongs to, at the committee's level or at the grassroots. */
function groupOf(c: CollectiveRecord, own: LevelWords): { key: CollectiveGroupKey; atOwnLevel: boolean } {
  const atOwnLevel = c.level === own.level;
  if (c.kind === 'mttq' || c.kind === 'doan_the') return { key: 'mttq_doan_the', atOwnLevel };
  if (c.kind === 'phong_ban') return { key: ADVISORY.test(c.name) ? 'tham_muu' : 'phong_ban', atOwnLevel };
  if (atOwnLevel) return { key: 'own', atOwnLevel };
  return { key: c.kind, atOwnLevel };
}

const gradeIndex: Record<Grade, number> = { HTXS: 0, HTT: 1, HT: 2, KHT: 3 };

function gradesOf(list: readonly { decided: Grade | null }[]): [number, number, number, number] {
  const out: [number, number, number, number] = [0, 0, 0, 0];
  for (const x of list) if (x.decided) out[gradeIndex[x.decided]] = (out[gradeIndex[x.decided]] ?? 0) + 1;
  return out;
}

const isGrassroots = (u: UnitRecord) => u.kind === 'grassroots_committee' || u.kind === 'grassroots_cell';

/**
 * Collectives reviewed (kiểm điểm), in the seed's order: the committee's own bodies (with the
 * party organisation itself), commune HĐND and UBND, advisory bodies, departments, MTTQ and mass
 * organisations at both levels, grassroots committees, grassroots organisations, cells.
 */
export function reviewedGroups(records: ReportRecords, w: LevelWords): CountedGroup[] {
  const reviewed = records.collectives.filter((c) => c.reviewed === true);
  const units = records.units.filter((u) => u.reviewed === true);
  const count = (key: CollectiveGroupKey, ownLevel: boolean) =>
    reviewed.filter((c) => {
      const g = groupOf(c, w);
      return g.key === key && g.atOwnLevel === ownLevel;
    });
  const ownUnits = units.filter((u) => u.depth === 0).length;
  const capUy = count('cap_uy', false);
  const grassroots = units.filter(isGrassroots);
  const groups: CountedGroup[] = [
    { label: `Ban Thường vụ ${w.committee}, ${w.partyBody}, Thường trực HĐND ${w.place}, tập thể lãnh đạo UBND ${w.place}`, count: count('own', true).length + ownUnits },
    { label: 'Thường trực HĐND cấp xã', count: count('hdnd', false).length },
    { label: 'Tập thể UBND cấp xã', count: count('ubnd', false).length },
    { label: `Cơ quan tham mưu giúp việc ${w.committee}, Trung tâm Chính trị ${w.place}`, count: count('tham_muu', true).length },
    { label: `Cơ quan, phòng, ban, đơn vị trực thuộc HĐND, UBND ${w.place}`, count: count('phong_ban', true).length + count('tham_muu', false).length + count('phong_ban', false).length },
    { label: `Ban Thường trực Ủy ban MTTQ và Ban Thường vụ các đoàn thể chính trị - xã hội cấp ${w.place}`, count: count('mttq_doan_the', true).length },
    { label: 'Ban Thường trực Ủy ban MTTQ và Ban Chấp hành các đoàn thể chính trị - xã hội cấp xã', count: count('mttq_doan_the', false).length },
    {
      label: 'Cấp ủy cơ sở',
      count: capUy.length,
      parts: [
        { label: 'đảng ủy', count: capUy.filter((c) => c.unitKind === 'grassroots_committee').length },
        { label: 'chi ủy', count: capUy.filter((c) => c.unitKind !== 'grassroots_committee').length },
      ],
    },
    {
      label: 'Chi, đảng bộ cơ sở',
      count: grassroots.length,
      parts: [
        { label: 'đảng bộ', count: grassroots.filter((u) => u.kind === 'grassroots_committee').length },
        { label: 'chi bộ', count: grassroots.filter((u) => u.kind === 'grassroots_cell').length },
      ],
    },
    { label: 'Đảng bộ bộ phận', count: units.filter((u) => u.kind === 'sub_committee').length },
    { label: 'Chi bộ trực thuộc Đảng ủy cơ sở', count: units.filter((u) => u.kind === 'cell').length },
  ];
  const listed = groups.reduce((s, g) => s + g.count, 0);
  const other = reviewed.length + units.length - listed;
  if (other > 0) groups.push({ label: 'Tập thể khác', count: other });
  return groups.filter((g) => g.count > 0);
}

/** Collectives graded by this committee at one level, in the seed's order (§2.2.3). */
export function gradedGroups(records: ReportRecords, w: LevelWords, level: string): GradedGroup[] {
  const graded = records.collectives.filter((c) => c.level === level && c.eligibility === 'eligible' && c.decided !== null);
  const pick = (f: (c: CollectiveRecord) => boolean) => gradesOf(graded.filter(f));
  const key = (c: CollectiveRecord) => groupOf(c, w).key;
  if (level === w.level) {
    return [
      { label: `Ban Thường vụ ${w.committee}, Thường trực HĐND, tập thể lãnh đạo UBND ${w.place}`, grades: pick((c) => key(c) === 'own') },
      { label: `Các cơ quan chuyên trách tham mưu giúp việc ${w.committee}, Trung tâm Chính trị ${w.place}`, grades: pick((c) => key(c) === 'tham_muu') },
      { label: `Ban Thường trực Ủy ban MTTQVN, Ban Thường vụ các đoàn thể chính trị - xã hội ${w.place}`, grades: pick((c) => key(c) === 'mttq_doan_the') },
      { label: `Các cơ quan, phòng, ban, đơn vị thuộc HĐND, UBND ${w.place}`, grades: pick((c) => key(c) === 'phong_ban') },
    ].filter((g) => g.grades.some((n) => n > 0));
  }
  return [
    { label: 'Đảng ủy cơ sở', grades: pick((c) => c.kind === 'cap_uy' && c.unitKind === 'grassroots_committee') },
    { label: 'Chi ủy cơ sở', grades: pick((c) => c.kind === 'cap_uy' && c.unitKind !== 'grassroots_committee') },
    { label: `Thường trực HĐND ${w.communes}`, grades: pick((c) => c.kind === 'hdnd'), col: 'hdnd' },
    { label: `Tập thể UBND ${w.communes}`, grades: pick((c) => c.kind === 'ubnd'), col: 'ubnd' },
    { label: 'Ban Thường trực Ủy ban MTTQVN, Ban Chấp hành các đoàn thể chính trị - xã hội cấp xã', grades: pick((c) => c.kind === 'mttq' || c.kind === 'doan_the') },
    { label: 'Tập thể lãnh đạo các phòng, ban, đơn vị', grades: pick((c) => c.kind === 'phong_ban') },
  ].filter((g) => g.grades.some((n) => n > 0));
}

/** Leaders reviewed here but graded by the superior, with their proposed grades (seed §2.2.4 "Riêng 03 đồng chí …"). */
export function higherLevelLeaders(records: ReportRecords): { count: number; proposed: [number, number, number, number] } {
  const list = records.positions.filter((p) => p.eligibility === 'higher_level');
  return { count: list.length, proposed: gradesOf(list.map((p) => ({ decided: p.proposed }))) };
}

/** Names of organisations not graded because founded less than 6 months before (seed footnote 2). */
export function newUnitNames(records: ReportRecords, kinds: readonly string[]): string[] {
  return records.units.filter((u) => u.eligibility === 'new_unit' && kinds.includes(u.kind)).map((u) => u.name);
}
